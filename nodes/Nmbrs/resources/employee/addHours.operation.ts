import { addComponentsOperation } from './addComponents';

export const addHours = addComponentsOperation({
	name: 'Add Hours',
	description:
		"Add hours of an hour code to an employee's variable hours of the company's current period or a period you give. Nmbrs adds them to what the period holds, so running the same items twice doubles them: Mode Set sends only the difference, so that the period holds exactly these hours. Items of one company and period go in one batch call.",
	action: 'Add hours to an employee',
	code: { locator: 'hourCode', field: 'HourCode', model: 'hour model' },
	amount: {
		parameter: 'hours',
		field: 'Hours',
		displayName: 'Hours',
		description: 'How many hours, e.g. 7.5; negative to take hours off',
	},
	calls: {
		codes: 'CompanyService.HourModel_GetHourCodes',
		held: 'EmployeeService.HourComponentVar_Get',
		batch: 'EmployeeService.HourComponentVar_Insert_Batch',
	},
	list: 'HourComponents',
});
