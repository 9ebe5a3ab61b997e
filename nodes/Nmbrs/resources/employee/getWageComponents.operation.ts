import { componentsOperation } from './components';

export const getWageComponents = componentsOperation({
	name: 'Get Wage Components',
	description:
		"Get an employee's wage components (wage code and value, e.g. a travel allowance) of the company's current period or a period you give: the variable ones entered for that period, or the fixed ones that recur",
	action: 'Get the wage components of an employee',
	what: 'wage components',
	calls: {
		variable: {
			current: 'EmployeeService.WageComponentVar_GetCurrent',
			inPeriod: 'EmployeeService.WageComponentVar_Get',
		},
		fixed: {
			current: 'EmployeeService.WageComponentFixed_GetCurrent',
			inPeriod: 'EmployeeService.WageComponentFixed_Get',
		},
	},
});
