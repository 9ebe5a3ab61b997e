import { recordListOperation } from '../shared/recordList';

export const getLeaveBalance = recordListOperation({
	name: 'Get Leave Balance',
	description:
		"Get an employee's leave balance in hours: at the start of the year (DecMedewerkerVerlofStartSaldo) and now (DecMedewerkerVerlofCurrSaldo)",
	action: 'Get the leave balance of an employee',
	call: 'EmployeeService.LeaveBalance_Get',
	locators: [
		['company', null],
		['employee', 'EmployeeId'],
	],
	single: true,
});
