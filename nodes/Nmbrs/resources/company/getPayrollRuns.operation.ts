import { recordListOperation } from '../shared/recordList';

export const getPayrollRuns = recordListOperation({
	name: 'Get Payroll Runs',
	description:
		'Get the payroll runs of a company in a year: run ID, number, period, description, when it ran and whether it is locked',
	action: 'Get payroll runs of a company',
	call: 'CompanyService.Run_GetList',
	locators: [['company', 'CompanyId']],
	year: { param: 'Year', of: 'the runs' },
});
