import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { asList, nmbrsRequest } from '../../glue/request';
import { parseStatusList, parseYearOrCurrent } from '../../glue/parameters';
import { companyLocator, readLocatorId, toItems, toJson } from '../common';

const properties: INodeProperties[] = [
	companyLocator,
	{
		displayName: 'Year',
		name: 'year',
		type: 'string',
		default: '',
		placeholder: 'e.g. 2025',
		description:
			'The payroll year of the declarations (2000–2100). Leave empty for the current year (Dutch time), so the workflow keeps working next year.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Statuses',
				name: 'statuses',
				type: 'string',
				default: '',
				placeholder: 'e.g. locked, sent',
				description:
					'Only declarations with one of these statuses (comma-separated, case does not matter); empty returns all',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['company'], operation: ['getWageTaxDeclarations'] } },
	properties,
);

/** CompanyService.WageTax_GetList: the wage tax declarations (loonaangifte) of a company in a year. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const companyId = readLocatorId.call(this, 'companyId', itemIndex);
	const year = parseYearOrCurrent(
		node,
		this.getNodeParameter('year', itemIndex, ''),
		'Year',
		itemIndex,
	);
	const options = this.getNodeParameter('options', itemIndex, {}) as { statuses?: string };
	const wanted = parseStatusList(options.statuses);
	const rows = asList(
		await nmbrsRequest.call(
			this,
			'CompanyService.WageTax_GetList',
			{ CompanyId: companyId, intYear: year },
			itemIndex,
		),
	)
		.map(toJson)
		.filter((row) => wanted.length === 0 || wanted.includes(String(row.Status ?? '').toLowerCase()))
		.map((row) => ({ ...row, CompanyId: companyId }));
	return toItems.call(this, rows, itemIndex);
}
