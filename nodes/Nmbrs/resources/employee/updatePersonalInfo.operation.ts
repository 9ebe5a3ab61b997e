import { locatorProperty, readLocator } from '../../common/locators';
import { returnRows } from '../../common/rows';
import { UPDATE_RERUN_NOTE } from '../shared/update';
import type { NmbrsOperation } from '../types';
import { includeBsnProperty, readIncludeBsn } from '../../common/bsn';
import {
	fieldsToChangeProperty,
	readFieldsToChange,
	updateCurrentPersonalInfo,
} from './personalInfo';
import { optionsCollection } from '../shared/options';

export const updatePersonalInfo: NmbrsOperation = {
	name: 'Update Personal Info',
	description: `Change some personal info fields of an employee (e.g. work e-mail, phone, name) in the company's current period. Give only the fields to change: the node reads the current record, writes all of it back and reads it again to check, so every other field (and the BSN) stays as it is. Returns the record as Nmbrs has it after the change. ${UPDATE_RERUN_NOTE}`,
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
		const written = await updateCurrentPersonalInfo.call(this, itemIndex, employeeId, changes);
		return returnRows.call(this, [written], itemIndex, {
			withoutBsn: !includeBsn,
			extra: { CompanyId: companyId, ChangedFields: Object.keys(changes) },
		});
	},
};
