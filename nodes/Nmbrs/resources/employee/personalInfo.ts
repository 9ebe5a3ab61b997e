/**
 * What the employee operations share about personal info: the fields Update Personal Info can
 * change, each checked before any call.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parseDate, parseNonNegative, parseSingleLineText } from '../../glue/parameters';
import { isRecord, nmbrsRequest } from '../../glue/request';
import type { WireObject } from '../../wire';
import { readModifyWrite } from '../shared/update';
import { alphabetical } from '../../common/alphabetical';

type FieldKind = 'text' | 'email' | 'phone' | 'date' | 'gender' | 'number' | 'bsn';

interface PersonalInfoField {
	/** The PersonalInfo field as Nmbrs names it. */
	field: string;
	displayName: string;
	kind: FieldKind;
	description: string;
}

/** The PersonalInfo fields a user can change, in the order the editor lists them. */
const FIELDS: PersonalInfoField[] = [
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

/** The parameter name of a field: EmailWork -> emailWork, BSN -> bsn. */
function parameterName(field: string): string {
	return field === 'BSN' ? 'bsn' : `${field[0].toLowerCase()}${field.slice(1)}`;
}

function fieldProperty(spec: PersonalInfoField): INodeProperties {
	const name = parameterName(spec.field);
	const description = `${spec.description}. Empty clears it in Nmbrs.`;
	switch (spec.kind) {
		case 'gender':
			return {
				displayName: spec.displayName,
				name,
				type: 'options',
				options: [
					{ name: 'Female', value: 'female' },
					{ name: 'Male', value: 'male' },
					{ name: 'Undefined', value: 'undefined' },
				],
				default: 'female',
				description: spec.description,
			};
		case 'date':
			return { displayName: spec.displayName, name, type: 'dateTime', default: '', description };
		case 'number':
			return {
				displayName: spec.displayName,
				name,
				type: 'number',
				default: 1,
				description: spec.description,
			};
		case 'email':
			return {
				displayName: spec.displayName,
				name,
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
				description,
			};
		default:
			return { displayName: spec.displayName, name, type: 'string', default: '', description };
	}
}

/** The "Fields to Change" collection of Update Personal Info. */
export const fieldsToChangeProperty: INodeProperties = {
	displayName: 'Fields to Change',
	name: 'fields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	description:
		'Only the fields to change; every other field keeps its current value in Nmbrs. A field added but left empty is cleared.',
	options: [...FIELDS]
		.sort((a, b) => alphabetical(a.displayName, b.displayName))
		.map(fieldProperty),
};

/** The eleven test of a 9-digit BSN. */
function passesElevenTest(bsn: string): boolean {
	const digits = [...bsn].map(Number);
	const sum = digits.slice(0, 8).reduce((total, d, i) => total + d * (9 - i), 0) - digits[8];
	return sum % 11 === 0;
}

/**
 * The fields to change of item i, as PersonalInfo field -> value (null clears), each checked
 * before any call; an error names the field.
 */
export function readFieldsToChange(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const node = this.getNode();
	const given = (this.getNodeParameter('fields', itemIndex, {}) ?? {}) as IDataObject;
	const changes: IDataObject = {};
	const refuse = (spec: PersonalInfoField, value: unknown, rule: string) =>
		// A BSN is personal data: it is never repeated in an error.
		new NodeOperationError(
			node,
			`The ${spec.displayName}${spec.kind === 'bsn' ? '' : ` "${String(value)}"`} is not valid`,
			{
				itemIndex,
				description: `${spec.displayName} ${rule}. Nothing was changed.`,
			},
		);
	for (const spec of FIELDS) {
		const name = parameterName(spec.field);
		if (!(name in given)) continue;
		const raw = given[name];
		const text = typeof raw === 'string' ? raw.trim() : raw;
		if (spec.kind === 'date') {
			changes[spec.field] = parseDate(node, raw, spec.displayName, itemIndex);
			continue;
		}
		if (spec.kind === 'number') {
			changes[spec.field] =
				text === '' || text === null || text === undefined
					? null
					: parseNonNegative(node, text, spec.displayName, itemIndex);
			continue;
		}
		if (typeof raw !== 'string' && raw !== null && raw !== undefined) {
			throw refuse(spec, raw, 'must be text');
		}
		const line = parseSingleLineText(node, raw, spec.displayName, itemIndex);
		if (line === null) {
			changes[spec.field] = null;
			continue;
		}
		if (spec.kind === 'gender' && !['female', 'male', 'undefined'].includes(line)) {
			throw refuse(spec, raw, 'must be female, male or undefined');
		}
		if (spec.kind === 'email' && !/^[^\s@]+@[^\s.@]+(?:\.[^\s.@]+)+$/.test(line)) {
			throw refuse(spec, raw, 'must be an e-mail address like name@example.com');
		}
		if (spec.kind === 'bsn' && !(/^\d{9}$/.test(line) && passesElevenTest(line))) {
			throw refuse(spec, raw, 'must be 9 digits that pass the eleven test');
		}
		changes[spec.field] = line;
	}
	if (Object.keys(changes).length === 0) {
		throw new NodeOperationError(node, 'No fields to change', {
			itemIndex,
			description: 'Add at least one field under Fields to Change. Nothing was changed.',
		});
	}
	return changes;
}

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
		changes,
		keepFilled,
		write: async (record) =>
			await nmbrsRequest(
				this,
				'EmployeeService.PersonalInfo_UpdateCurrent',
				{ EmployeeId: employeeId, PersonalInfo: record },
				itemIndex,
			),
	});
}
