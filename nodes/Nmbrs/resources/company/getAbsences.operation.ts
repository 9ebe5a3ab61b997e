import { recordListOperation } from '../shared/recordList';

export const getAbsences = recordListOperation({
	name: 'Get Absences',
	description:
		'Get the absences (sick reports) of every employee of a company in a year, in one call: each with its employee, start, end or still open, percentage and dossier',
	action: 'Get the absences of all employees of a company',
	call: 'EmployeeService.Absence_GetAll_AllEmployeesByCompany',
	locators: [['company', 'CompanyId']],
	year: { param: 'Year', of: 'the absences' },
	limited: true,
});
