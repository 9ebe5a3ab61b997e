import { asList, nmbrsRequest } from '../../glue/request';
import { locatorProperty, readLocator } from '../shared/locators';
import { returnRows } from '../shared/rows';
import type { NmbrsOperation } from '../types';

export const getContracts: NmbrsOperation = {
	name: 'Get Contracts',
	description:
		'Get all contracts of an employee (start, end and trial period dates, indefinite or not, hours per week), one item per contract, oldest first as Nmbrs lists them',
	action: 'Get the contracts of an employee',
	properties: [locatorProperty('company'), locatorProperty('employee')],
	calls: ['EmployeeService.Contract_GetAll'],
	async execute(itemIndex) {
		const companyId = readLocator.call(this, 'company', itemIndex);
		const employeeId = readLocator.call(this, 'employee', itemIndex);
		const rows = asList(
			await nmbrsRequest.call(
				this,
				'EmployeeService.Contract_GetAll',
				{ EmployeeId: employeeId },
				itemIndex,
			),
		);
		return returnRows.call(this, rows, itemIndex, {
			extra: { EmployeeId: employeeId, CompanyId: companyId },
		});
	},
};
