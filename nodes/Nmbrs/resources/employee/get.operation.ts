import { isRecord, nmbrsRequest } from '../../glue/request';
import { locatorProperty, readLocator } from '../shared/locators';
import { periodProperties, readPeriod } from '../shared/period';
import { returnRows, toJson } from '../shared/rows';
import type { NmbrsOperation } from '../types';
import { bsnIf, includeBsnProperty, readIncludeBsn } from '../shared/bsn';

export const get: NmbrsOperation = {
	name: 'Get',
	description:
		"Get an employee's personal info (name, e-mail, phone, birth date, …) as valid in the company's current period or in a period you give. The BSN is left out unless Include BSN is on. No item when the employee has no personal info in that period.",
	action: 'Get an employee',
	properties: [
		locatorProperty('company'),
		locatorProperty('employee'),
		...periodProperties('the personal info'),
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			options: [includeBsnProperty],
		},
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
		const specific = this.getNodeParameter('periodChoice', itemIndex, 'current') === 'specific';
		const at = specific ? await readPeriod.call(this, companyId, itemIndex) : undefined;
		const result =
			at === undefined
				? await nmbrsRequest.call(
						this,
						'EmployeeService.PersonalInfo_GetCurrent',
						{ EmployeeId: employeeId },
						itemIndex,
					)
				: await nmbrsRequest.call(
						this,
						'EmployeeService.PersonalInfo_Get',
						{ EmployeeId: employeeId, Period: at.period, Year: at.year },
						itemIndex,
					);
		const rows = isRecord(result) ? [bsnIf(toJson(result), includeBsn)] : [];
		return returnRows.call(this, rows, itemIndex, {
			extra:
				at === undefined
					? { CompanyId: companyId }
					: { CompanyId: companyId, Year: at.year, Period: at.period },
		});
	},
};
