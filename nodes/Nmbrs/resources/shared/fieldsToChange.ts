/**
 * "Fields to Change" of the read-modify-write updates (personal info, an address, a schedule):
 * a collection of the record's fields a user may change, each checked by its kind before any call,
 * an error naming the field.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	parseDate,
	parseNonNegative,
	parseNumberInRange,
	parseSingleLineText,
} from '../../glue/parameters';
import { alphabetical } from '../../common/alphabetical';

export type FieldKind =
	| 'text'
	| 'email'
	| 'phone'
	| 'date'
	| 'gender'
	| 'number'
	| 'bsn'
	| 'country'
	| 'hours'
	| 'percentage';

export interface ChangeableField {
	/** The field as Nmbrs names it. */
	field: string;
	displayName: string;
	kind: FieldKind;
	description: string;
}

/** The parameter name of a field: EmailWork -> emailWork, BSN -> bsn. */
function parameterName(field: string): string {
	return field === 'BSN' ? 'bsn' : `${field[0].toLowerCase()}${field.slice(1)}`;
}

/** Numbers a field of the kind may hold. */
const RANGES: Partial<Record<FieldKind, [number, number]>> = {
	hours: [0, 24],
	percentage: [0, 100],
};

function fieldProperty(spec: ChangeableField): INodeProperties {
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
		case 'hours':
		case 'percentage':
			return {
				displayName: spec.displayName,
				name,
				type: 'number',
				default: 0,
				typeOptions: { numberPrecision: 2 },
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

/** The "Fields to Change" collection of an update over these fields. */
export function fieldsToChange(fields: ChangeableField[]): INodeProperties {
	return {
		displayName: 'Fields to Change',
		name: 'fields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description:
			'Only the fields to change; every other field keeps its current value in Nmbrs. A field added but left empty is cleared.',
		options: [...fields]
			.sort((a, b) => alphabetical(a.displayName, b.displayName))
			.map(fieldProperty),
	};
}

/** The eleven test of a 9-digit BSN. */
function passesElevenTest(bsn: string): boolean {
	const digits = [...bsn].map(Number);
	const sum = digits.slice(0, 8).reduce((total, d, i) => total + d * (9 - i), 0) - digits[8];
	return sum % 11 === 0;
}

/** What a text field of the kind must look like, and how the error says it. */
const TEXT_RULES: Partial<Record<FieldKind, [RegExp, string]>> = {
	gender: [/^(?:female|male|undefined)$/, 'must be female, male or undefined'],
	email: [/^[^\s@]+@[^\s.@]+(?:\.[^\s.@]+)+$/, 'must be an e-mail address like name@example.com'],
	country: [/^[A-Z]{2}$/, 'must be a two-letter ISO country code in capitals, e.g. NL'],
};

/**
 * The fields to change of item i, as field -> value (null clears), each checked before any call;
 * an error names the field. At least one is needed.
 */
export function readChanges(
	this: IExecuteFunctions,
	itemIndex: number,
	fields: ChangeableField[],
): IDataObject {
	const node = this.getNode();
	const given = (this.getNodeParameter('fields', itemIndex, {}) ?? {}) as IDataObject;
	const changes: IDataObject = {};
	const refuse = (spec: ChangeableField, value: unknown, rule: string) =>
		// A BSN is personal data: it is never repeated in an error.
		new NodeOperationError(
			node,
			`The ${spec.displayName}${spec.kind === 'bsn' ? '' : ` "${String(value)}"`} is not valid`,
			{
				itemIndex,
				description: `${spec.displayName} ${rule}. Nothing was changed.`,
			},
		);
	for (const spec of fields) {
		const name = parameterName(spec.field);
		if (!(name in given)) continue;
		const raw = given[name];
		const text = typeof raw === 'string' ? raw.trim() : raw;
		if (spec.kind === 'date') {
			changes[spec.field] = parseDate(node, raw, spec.displayName, itemIndex);
			continue;
		}
		const range = RANGES[spec.kind];
		if (spec.kind === 'number' || range) {
			changes[spec.field] =
				text === '' || text === null || text === undefined
					? range
						? 0
						: null
					: range
						? parseNumberInRange(node, text, spec.displayName, itemIndex, ...range)
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
		const rule = TEXT_RULES[spec.kind];
		if (rule && !rule[0].test(line)) throw refuse(spec, raw, rule[1]);
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
