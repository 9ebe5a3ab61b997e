import { recordListOperation } from '../shared/recordList';

export const getAbsences = recordListOperation({
	name: 'Get Absences',
	description:
		"Get an employee's absences (sick reports): start, end or still open, percentage, dossier and comment",
	action: 'Get the absences of an employee',
	call: 'EmployeeService.Absence_GetList',
	locators: [
		['company', null],
		['employee', 'EmployeeId'],
	],
});
