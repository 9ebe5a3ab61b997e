import { asList, nmbrsRequest } from '../../glue/request';
import { parseStatusList, parseYearOrCurrent } from '../../glue/parameters';
import { locatorProperty, readLocator } from '../shared/locators';
import { returnRows, toJson } from '../shared/rows';
import type { NmbrsOperation } from '../types';

export const getWageTaxDeclarations: NmbrsOperation = {
	name: 'Get Wage Tax Declarations',
	description: 'Get the wage tax declarations (loonaangifte) of a company in a year',
	action: 'Get wage tax declarations of a company',
	properties: [
		locatorProperty('company'),
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
	],
	calls: ['CompanyService.WageTax_GetList'],
	async execute(itemIndex) {
		const companyId = readLocator.call(this, 'company', itemIndex);
		const year = parseYearOrCurrent(
			this.getNode(),
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
			.filter(
				(row) => wanted.length === 0 || wanted.includes(String(row.Status ?? '').toLowerCase()),
			);
		return returnRows.call(this, rows, itemIndex, { extra: { CompanyId: companyId } });
	},
};
