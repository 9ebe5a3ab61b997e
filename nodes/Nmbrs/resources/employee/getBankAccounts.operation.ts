import { recordListOperation } from '../shared/recordList';

export const getBankAccounts = recordListOperation({
	name: 'Get Bank Accounts',
	description:
		"Get an employee's bank accounts (IBAN, BIC, holder name, type) valid in the company's current period, one item per account",
	action: 'Get the bank accounts of an employee',
	call: 'EmployeeService.BankAccount_GetListCurrent',
	locators: [
		['company', null],
		['employee', 'EmployeeId'],
	],
});
