import { recordListOperation } from '../shared/recordList';

export const getLeave = recordListOperation({
	name: 'Get Leave',
	description:
		"Get an employee's leave of a year: each leave taken, stored or expired with its dates, hours, leave type and status",
	action: 'Get the leave of an employee',
	call: 'EmployeeService.Leave_GetList_V2',
	locators: [
		['company', null],
		['employee', 'EmployeeId'],
	],
	year: { param: 'Year', of: 'the leave' },
});
