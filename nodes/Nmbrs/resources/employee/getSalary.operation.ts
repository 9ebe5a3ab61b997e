import { isRecord, nmbrsRequest } from '../../glue/request';
import { locatorProperty, readLocator } from '../shared/locators';
import { periodProperties, readPeriod } from '../shared/period';
import { returnRows } from '../shared/rows';
import type { NmbrsOperation } from '../types';

export const getSalary: NmbrsOperation = {
	name: 'Get Salary',
	description:
		"Get an employee's salary (value, type such as monthly gross or hourly wage, salary table and start date) as valid in the company's current period or in a period you give. No item when the employee has no salary in that period.",
	action: 'Get the salary of an employee',
	properties: [
		locatorProperty('company'),
		locatorProperty('employee'),
		...periodProperties('the salary'),
	],
	calls: [
		'EmployeeService.Salary_GetCurrent',
		'EmployeeService.Salary_Get',
		'CompanyService.Company_GetCurrentPeriod',
	],
	async execute(itemIndex) {
		const companyId = readLocator.call(this, 'company', itemIndex);
		const employeeId = readLocator.call(this, 'employee', itemIndex);
		const specific = this.getNodeParameter('periodChoice', itemIndex, 'current') === 'specific';
		const at = specific ? await readPeriod.call(this, companyId, itemIndex) : undefined;
		const result =
			at === undefined
				? await nmbrsRequest.call(
						this,
						'EmployeeService.Salary_GetCurrent',
						{ EmployeeId: employeeId },
						itemIndex,
					)
				: await nmbrsRequest.call(
						this,
						'EmployeeService.Salary_Get',
						{ EmployeeId: employeeId, Period: at.period, Year: at.year },
						itemIndex,
					);
		const period = at === undefined ? {} : { Year: at.year, Period: at.period };
		return returnRows.call(this, isRecord(result) ? [result] : [], itemIndex, {
			extra: { EmployeeId: employeeId, CompanyId: companyId, ...period },
		});
	},
};
