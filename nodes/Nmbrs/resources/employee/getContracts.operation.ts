import { recordListOperation } from '../shared/recordList';

export const getContracts = recordListOperation({
	name: 'Get Contracts',
	description:
		'Get all contracts of an employee (start, end and trial period dates, indefinite or not, hours per week), one item per contract, oldest first as Nmbrs lists them',
	action: 'Get the contracts of an employee',
	call: 'EmployeeService.Contract_GetAll',
	locators: [
		['company', null],
		['employee', 'EmployeeId'],
	],
});
