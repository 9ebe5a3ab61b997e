import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { asList, nmbrsRequest } from '../../glue/request';
import { parseNonNegative } from '../../glue/parameters';
import {
	companyLocator,
	limitProperty,
	readLimit,
	readLocatorId,
	returnAllProperty,
	toItems,
	toJson,
} from '../common';

const properties: INodeProperties[] = [
	companyLocator,
	{
		displayName: 'Employee Type Name or ID',
		name: 'employeeType',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getEmployeeTypes' },
		default: 2,
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	returnAllProperty,
	limitProperty,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['employee'], operation: ['getMany'] } },
	properties,
);

/** EmployeeService.List_GetByCompany: the employees of one company and employee type. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const companyId = readLocatorId.call(this, 'companyId', itemIndex);
	const employeeType = parseNonNegative(
		node,
		this.getNodeParameter('employeeType', itemIndex, 2),
		'Employee Type',
		itemIndex,
	);
	const limit = readLimit.call(this, itemIndex);
	const rows = asList(
		await nmbrsRequest.call(
			this,
			'EmployeeService.List_GetByCompany',
			{ CompanyId: companyId, EmployeeType: employeeType },
			itemIndex,
		),
	);
	return toItems.call(
		this,
		rows.slice(0, limit).map((row) => ({ ...toJson(row), CompanyId: companyId })),
		itemIndex,
	);
}
