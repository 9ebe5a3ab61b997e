import { componentsOperation } from './components';

export const getHours = componentsOperation({
	name: 'Get Hours',
	description:
		"Get an employee's hour components (hour code and hours) of the company's current period or a period you give: the variable ones entered for that period, or the fixed ones that recur",
	action: 'Get the hours of an employee',
	what: 'hours',
	calls: {
		variable: {
			current: 'EmployeeService.HourComponentVar_GetCurrent',
			inPeriod: 'EmployeeService.HourComponentVar_Get',
		},
		fixed: {
			current: 'EmployeeService.HourComponentFixed_GetCurrent',
			inPeriod: 'EmployeeService.HourComponentFixed_Get',
		},
	},
});
