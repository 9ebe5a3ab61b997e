import { periodRecordOperation } from './periodRecord';

export const getSalary = periodRecordOperation({
	name: 'Get Salary',
	description:
		"Get an employee's salary (value, type such as monthly gross or hourly wage, salary table and start date) as valid in the company's current period or in a period you give. No item when the employee has no salary in that period.",
	action: 'Get the salary of an employee',
	what: 'the salary',
	current: 'EmployeeService.Salary_GetCurrent',
	inPeriod: 'EmployeeService.Salary_Get',
});
