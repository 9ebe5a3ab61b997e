import { isRecord } from '../../glue/request';
import { locatorProperty, readLocator } from '../../common/locators';
import { employeeRecordIn, periodProperties } from '../shared/period';
import { returnRows } from '../../common/rows';
import type { NmbrsOperation } from '../types';
import { includeBsnProperty, readIncludeBsn } from '../../common/bsn';
import { optionsCollection } from '../shared/options';

export const get: NmbrsOperation = {
	name: 'Get',
	description:
		"Get an employee's personal info (name, e-mail, phone, birth date, …) as valid in the company's current period or in a period you give. The BSN is left out unless Include BSN is on. No item when the employee has no personal info in that period.",
	action: 'Get an employee',
	properties: [
		locatorProperty('company'),
		locatorProperty('employee'),
		...periodProperties('the personal info'),
		optionsCollection([includeBsnProperty]),
	],
	calls: [
		'EmployeeService.PersonalInfo_GetCurrent',
		'EmployeeService.PersonalInfo_Get',
		'CompanyService.Company_GetCurrentPeriod',
	],
	async execute(itemIndex) {
		const companyId = readLocator.call(this, 'company', itemIndex);
		const employeeId = readLocator.call(this, 'employee', itemIndex);
		const includeBsn = readIncludeBsn.call(this, itemIndex);
		const { record: result, at } = await employeeRecordIn.call(
			this,
			{
				current: 'EmployeeService.PersonalInfo_GetCurrent',
				inPeriod: 'EmployeeService.PersonalInfo_Get',
			},
			companyId,
			employeeId,
			itemIndex,
		);
		return returnRows.call(this, isRecord(result) ? [result] : [], itemIndex, {
			withoutBsn: !includeBsn,
			extra:
				at === undefined
					? { CompanyId: companyId }
					: { CompanyId: companyId, Year: at.year, Period: at.period },
		});
	},
};
