import { asList, nmbrsRequest } from '../../glue/request';
import { parseNonNegative } from '../../glue/parameters';
import { locatorProperty, readLocator } from '../shared/locators';
import { readLimit, returnAllProperties, returnRows } from '../shared/rows';
import type { NmbrsOperation } from '../types';

export const getMany: NmbrsOperation = {
	name: 'Get Many',
	description: 'Get many employees of a company, of one employee type',
	action: 'Get many employees',
	properties: [
		locatorProperty('company'),
		{
			displayName: 'Employee Type Name or ID',
			name: 'employeeType',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getEmployeeTypes' },
			default: 2,
			description:
				'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		},
		...returnAllProperties,
	],
	calls: ['EmployeeService.List_GetByCompany'],
	async execute(itemIndex) {
		const companyId = readLocator.call(this, 'company', itemIndex);
		const employeeType = parseNonNegative(
			this.getNode(),
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
		return returnRows.call(this, rows, itemIndex, { limit, extra: { CompanyId: companyId } });
	},
};
