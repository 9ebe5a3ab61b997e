import { NodeOperationError } from 'n8n-workflow';

import { asList, asRecords, cachedRequest } from '../../glue/request';
import { locatorProperty, readLocator } from '../../common/locators';
import { returnRows } from '../../common/rows';
import type { NmbrsOperation } from '../types';

export const getEmployments: NmbrsOperation = {
	name: 'Get Employments',
	description:
		'Get the employments (in-service start date, end date, initial start date) of an employee, one item per employment. Reads all employees of the company in one call, shared by every item of the same company.',
	action: 'Get the employments of an employee',
	properties: [locatorProperty('company'), locatorProperty('employee')],
	calls: ['EmployeeService.Employment_GetAll_AllEmployeesByCompany'],
	async execute(itemIndex) {
		const companyId = readLocator.call(this, 'company', itemIndex);
		const employeeId = readLocator.call(this, 'employee', itemIndex);
		const ofCompany = asRecords(
			await cachedRequest(
				this,
				'EmployeeService.Employment_GetAll_AllEmployeesByCompany',
				{ CompanyID: companyId },
				itemIndex,
			),
		);
		const item = ofCompany.find((row) => row.EmployeeId === employeeId);
		if (item === undefined) {
			throw new NodeOperationError(
				this.getNode(),
				`Employee ${employeeId} is not an employee of company ${companyId}`,
				{
					itemIndex,
					description:
						'Choose the company the employee works for, or pick the employee from the list of that company.',
				},
			);
		}
		return returnRows.call(this, asList(item.EmployeeEmployments), itemIndex, {
			extra: { EmployeeId: employeeId, CompanyId: companyId },
		});
	},
};
