import { includeBsnProperty, readIncludeBsn } from '../../common/bsn';
import { optionsCollection } from '../shared/options';
import { PERSONAL_INFO_FIELDS, personalInfoRecord } from './personalInfo';
import { recordUpdateOperation } from './updateRecord';

export const updatePersonalInfo = recordUpdateOperation({
	name: 'Update Personal Info',
	description:
		"Change some personal info fields of an employee (e.g. work e-mail, phone, name) in the company's current period; the BSN stays as it is unless given.",
	action: 'Update the personal info of an employee',
	fields: PERSONAL_INFO_FIELDS,
	options: optionsCollection([includeBsnProperty]),
	calls: ['EmployeeService.PersonalInfo_GetCurrent', 'EmployeeService.PersonalInfo_UpdateCurrent'],
	record(itemIndex, employeeId) {
		return personalInfoRecord.call(this, itemIndex, employeeId);
	},
	withoutBsn(itemIndex) {
		return !readIncludeBsn.call(this, itemIndex);
	},
});
