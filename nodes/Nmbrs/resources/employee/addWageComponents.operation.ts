import { addComponentsOperation } from './addComponents';

export const addWageComponents = addComponentsOperation({
	name: 'Add Wage Components',
	description:
		"Add a wage component of a wage code (an allowance, expenses, kilometres) to an employee's variable wage components of the company's current period or a period you give. Nmbrs adds them up, so running the same items twice doubles them: Mode Set sends only the difference, so that the period holds exactly this value for the code. Items of one company and period go in one batch call.",
	action: 'Add wage components to an employee',
	code: { locator: 'wageCode', field: 'Code', model: 'wage model' },
	amount: {
		parameter: 'value',
		field: 'Value',
		displayName: 'Value',
		description: 'The amount in euros (or the count the wage code takes, e.g. kilometres)',
	},
	calls: {
		codes: 'CompanyService.WageModel_GetWageCodes',
		held: 'EmployeeService.WageComponentVar_Get',
		batch: 'EmployeeService.WageComponentVar_Insert_Batch',
	},
	list: 'WageComponents',
});
