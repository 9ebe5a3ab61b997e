import { recordListOperation } from '../shared/recordList';

export const getPayrollRunEmployees = recordListOperation({
	name: 'Get Employees of a Payroll Run',
	description:
		'Get the employees a payroll run paid (employee ID and number), e.g. to fetch each payslip or to check a run before it is locked',
	action: 'Get the employees of a payroll run',
	call: 'CompanyService.Run_GetEmployeesByRunCompany',
	locators: [
		['company', 'CompanyId'],
		['run', 'RunId'],
	],
	year: { param: 'Year', of: 'the run; the list shows the runs of this year' },
});
