import { isRecord } from '../../glue/request';
import { locatorProperty, readLocator } from '../../common/locators';
import { employeeRecordIn, periodProperties } from '../shared/period';
import { returnRows } from '../../common/rows';
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
		const { record: result, at } = await employeeRecordIn.call(
			this,
			{ current: 'EmployeeService.Salary_GetCurrent', inPeriod: 'EmployeeService.Salary_Get' },
			companyId,
			employeeId,
			itemIndex,
		);
		const period = at === undefined ? {} : { Year: at.year, Period: at.period };
		return returnRows.call(this, isRecord(result) ? [result] : [], itemIndex, {
			extra: { EmployeeId: employeeId, CompanyId: companyId, ...period },
		});
	},
};
