/**
 * What the employee operations share about personal info: the fields Update Personal Info can
 * change, each checked before any call.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isRecord, nmbrsRequest } from '../../glue/request';
import type { WireObject } from '../../wire';
import type { ChangeableField } from '../shared/fieldsToChange';
import { readModifyWrite, type ReadModifyWrite } from '../shared/update';

/** The PersonalInfo fields a user can change, in the order the editor lists them. */
export const PERSONAL_INFO_FIELDS: ChangeableField[] = [
	{ field: 'FirstName', displayName: 'First Name', kind: 'text', description: 'Given name' },
	{ field: 'Initials', displayName: 'Initials', kind: 'text', description: 'E.g. J.P.' },
	{
		field: 'Prefix',
		displayName: 'Prefix',
		kind: 'text',
		description: 'Surname prefix, e.g. van der',
	},
	{ field: 'LastName', displayName: 'Last Name', kind: 'text', description: 'Surname' },
	{ field: 'Nickname', displayName: 'Nickname', kind: 'text', description: 'Name used at work' },
	{ field: 'Title', displayName: 'Title', kind: 'text', description: 'Title before the name' },
	{
		field: 'TitleAfter',
		displayName: 'Title After Name',
		kind: 'text',
		description: 'Title after the name',
	},
	{
		field: 'EmailWork',
		displayName: 'Work Email',
		kind: 'email',
		description: 'Work e-mail address (HR syncs write it back)',
	},
	{
		field: 'EmailPrivate',
		displayName: 'Private Email',
		kind: 'email',
		description: 'Private e-mail address',
	},
	{
		field: 'TelephoneWork',
		displayName: 'Work Phone',
		kind: 'phone',
		description: 'Work telephone number',
	},
	{
		field: 'TelephoneMobileWork',
		displayName: 'Work Mobile',
		kind: 'phone',
		description: 'Work mobile number',
	},
	{
		field: 'TelephonePrivate',
		displayName: 'Private Phone',
		kind: 'phone',
		description: 'Private telephone number',
	},
	{
		field: 'TelephoneMobilePrivate',
		displayName: 'Private Mobile',
		kind: 'phone',
		description: 'Private mobile number',
	},
	{
		field: 'TelephoneOther',
		displayName: 'Other Phone',
		kind: 'phone',
		description: 'Another telephone number',
	},
	{ field: 'Gender', displayName: 'Gender', kind: 'gender', description: 'Gender' },
	{ field: 'Birthday', displayName: 'Birth Date', kind: 'date', description: 'Date of birth' },
	{
		field: 'PlaceOfBirth',
		displayName: 'Place of Birth',
		kind: 'text',
		description: 'Town of birth',
	},
	{
		field: 'CountryOfBirthISOCode',
		displayName: 'Country of Birth',
		kind: 'text',
		description: 'ISO country code of the country of birth, e.g. NL',
	},
	{
		field: 'NationalityCode',
		displayName: 'Nationality Code',
		kind: 'number',
		description: 'Nmbrs nationality code (1 = Dutch)',
	},
	{
		field: 'PartnerPrefix',
		displayName: 'Partner Prefix',
		kind: 'text',
		description: "Partner's surname prefix",
	},
	{
		field: 'PartnerLastName',
		displayName: 'Partner Last Name',
		kind: 'text',
		description: "Partner's surname",
	},
	{
		field: 'InCaseOfEmergency',
		displayName: 'Emergency Contact',
		kind: 'text',
		description: 'Who to call in case of emergency',
	},
	{
		field: 'InCaseOfEmergencyPhone',
		displayName: 'Emergency Contact Phone',
		kind: 'phone',
		description: 'Phone number of the emergency contact',
	},
	{
		field: 'InCaseOfEmergencyRelation',
		displayName: 'Emergency Contact Relation',
		kind: 'text',
		description: 'E.g. Partner',
	},
	{
		field: 'IdentificationNumber',
		displayName: 'Identification Number',
		kind: 'text',
		description: 'Number of the identity document',
	},
	{
		field: 'BSN',
		displayName: 'BSN',
		kind: 'bsn',
		description: 'Citizen service number (9 digits, passes the eleven test)',
	},
];

/**
 * Changes `changes` in the personal info of an employee in the company's current period, as a
 * checked read-modify-write under the record's lock (see shared/update). `keepFilled`: fields
 * never written back empty (the BSN, unless the employee is new and has none yet).
 */
export async function updateCurrentPersonalInfo(
	this: IExecuteFunctions,
	itemIndex: number,
	employeeId: number,
	changes: IDataObject,
	keepFilled: string[] = ['BSN'],
): Promise<WireObject> {
	return await readModifyWrite.call(this, itemIndex, {
		...personalInfoRecord.call(this, itemIndex, employeeId, keepFilled),
		changes,
	});
}

/** How the current personal info of an employee is read and written back. */
export function personalInfoRecord(
	this: IExecuteFunctions,
	itemIndex: number,
	employeeId: number,
	keepFilled: string[] = ['BSN'],
): Omit<ReadModifyWrite, 'changes'> {
	return {
		what: `the personal info of employee ${employeeId}`,
		lockKey: `employee:${employeeId}:personalInfo`,
		read: async () => {
			const current = await nmbrsRequest(
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
		keepFilled,
		write: async (record) =>
			await nmbrsRequest(
				this,
				'EmployeeService.PersonalInfo_UpdateCurrent',
				{ EmployeeId: employeeId, PersonalInfo: record },
				itemIndex,
			),
	};
}
