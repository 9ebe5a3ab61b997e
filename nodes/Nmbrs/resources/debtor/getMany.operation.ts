import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { asList, nmbrsRequest } from '../../glue/request';
import { limitProperty, readLimit, returnAllProperty, toItems, toJson } from '../common';

const properties: INodeProperties[] = [returnAllProperty, limitProperty];

export const description = updateDisplayOptions(
	{ show: { resource: ['debtor'], operation: ['getMany'] } },
	properties,
);

/** DebtorService.List_GetAll: every debtor the API user can see. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const limit = readLimit.call(this, itemIndex);
	const rows = asList(await nmbrsRequest.call(this, 'DebtorService.List_GetAll', {}, itemIndex));
	return toItems.call(this, rows.slice(0, limit).map(toJson), itemIndex);
}
