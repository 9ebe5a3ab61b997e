import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { asList, nmbrsRequest } from '../../glue/request';
import {
	debtorLocator,
	limitProperty,
	readLimit,
	readLocatorId,
	returnAllProperty,
	toItems,
	toJson,
} from '../common';

const properties: INodeProperties[] = [
	{
		displayName: 'Companies',
		name: 'scope',
		type: 'options',
		options: [
			{ name: 'All', value: 'all', description: 'Every company the API user can see' },
			{ name: 'Of One Debtor', value: 'debtor', description: 'The companies of one debtor' },
		],
		default: 'all',
	},
	{ ...debtorLocator, displayOptions: { show: { scope: ['debtor'] } } },
	returnAllProperty,
	limitProperty,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['company'], operation: ['getMany'] } },
	properties,
);

/** CompanyService.List_GetAll, or List_GetByDebtor for one debtor. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const scope = this.getNodeParameter('scope', itemIndex, 'all') as string;
	const debtorId = scope === 'debtor' ? readLocatorId.call(this, 'debtorId', itemIndex) : undefined;
	const limit = readLimit.call(this, itemIndex);
	const result =
		debtorId === undefined
			? await nmbrsRequest.call(this, 'CompanyService.List_GetAll', {}, itemIndex)
			: await nmbrsRequest.call(
					this,
					'CompanyService.List_GetByDebtor',
					{ DebtorId: debtorId },
					itemIndex,
				);
	return toItems.call(this, asList(result).slice(0, limit).map(toJson), itemIndex);
}
