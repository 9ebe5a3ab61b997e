import { NodeOperationError } from 'n8n-workflow';

import { isRecord, nmbrsRequest } from '../../glue/request';
import { locatorProperty, readLocator } from '../shared/locators';
import { returnRows } from '../shared/rows';
import { readModifyWrite } from '../shared/update';
import type { NmbrsOperation } from '../types';
import { includeBsnProperty, readIncludeBsn } from '../shared/bsn';
import { fieldsToChangeProperty, readFieldsToChange } from './personalInfo';
import { optionsCollection } from '../shared/options';

export const updatePersonalInfo: NmbrsOperation = {
	name: 'Update Personal Info',
	description:
		"Change some personal info fields of an employee (e.g. work e-mail, phone, name) in the company's current period. Give only the fields to change: the node reads the current record and writes all of it back, so every other field (and the BSN) stays as it is. Returns the record as written.",
	action: 'Update the personal info of an employee',
	properties: [
		locatorProperty('company'),
		locatorProperty('employee'),
		fieldsToChangeProperty,
		optionsCollection([includeBsnProperty]),
	],
	calls: ['EmployeeService.PersonalInfo_GetCurrent', 'EmployeeService.PersonalInfo_UpdateCurrent'],
	recordKey(itemIndex) {
		try {
			return `employee:${readLocator.call(this, 'employee', itemIndex)}`;
		} catch {
			return undefined; // execute reports the bad ID
		}
	},
	async execute(itemIndex) {
		const companyId = readLocator.call(this, 'company', itemIndex);
		const employeeId = readLocator.call(this, 'employee', itemIndex);
		const changes = readFieldsToChange.call(this, itemIndex);
		const includeBsn = readIncludeBsn.call(this, itemIndex);
		const what = `the personal info of employee ${employeeId}`;
		const written = await readModifyWrite.call(this, itemIndex, {
			what,
			read: async () => {
				const current = await nmbrsRequest.call(
					this,
					'EmployeeService.PersonalInfo_GetCurrent',
					{ EmployeeId: employeeId },
					itemIndex,
				);
				if (!isRecord(current)) {
					throw new NodeOperationError(
						this.getNode(),
						`Employee ${employeeId} has no personal info in the current period`,
						{
							itemIndex,
							description:
								'Nmbrs returned no record to change (the employee may start in a later period). Nothing was changed.',
						},
					);
				}
				return current;
			},
			changes,
			keepFilled: ['BSN'],
			write: async (record) =>
				await nmbrsRequest.call(
					this,
					'EmployeeService.PersonalInfo_UpdateCurrent',
					{ EmployeeId: employeeId, PersonalInfo: record },
					itemIndex,
				),
		});
		return returnRows.call(this, [written], itemIndex, {
			withoutBsn: !includeBsn,
			extra: { CompanyId: companyId, ChangedFields: Object.keys(changes) },
		});
	},
};
