import { asList, nmbrsRequest } from '../../glue/request';
import { locatorProperty, readLocator } from '../shared/locators';
import { returnRows } from '../shared/rows';
import type { NmbrsOperation } from '../types';

export const getBankAccounts: NmbrsOperation = {
	name: 'Get Bank Accounts',
	description:
		"Get an employee's bank accounts (IBAN, BIC, holder name, type) valid in the company's current period, one item per account",
	action: 'Get the bank accounts of an employee',
	properties: [locatorProperty('company'), locatorProperty('employee')],
	calls: ['EmployeeService.BankAccount_GetListCurrent'],
	async execute(itemIndex) {
		const companyId = readLocator.call(this, 'company', itemIndex);
		const employeeId = readLocator.call(this, 'employee', itemIndex);
		const rows = asList(
			await nmbrsRequest.call(
				this,
				'EmployeeService.BankAccount_GetListCurrent',
				{ EmployeeId: employeeId },
				itemIndex,
			),
		);
		return returnRows.call(this, rows, itemIndex, {
			extra: { EmployeeId: employeeId, CompanyId: companyId },
		});
	},
};
