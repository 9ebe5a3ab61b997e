import { periodRecordOperation } from './periodRecord';

export const getSchedule = periodRecordOperation({
	name: 'Get Schedule',
	description:
		"Get an employee's work schedule (hours per day of a two-week rota, part-time percentage, start) as valid in the company's current period or in a period you give",
	action: 'Get the schedule of an employee',
	what: 'the schedule',
	current: 'EmployeeService.Schedule_GetCurrent',
	inPeriod: 'EmployeeService.Schedule_Get',
});
