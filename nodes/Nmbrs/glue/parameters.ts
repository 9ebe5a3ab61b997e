/**
 * Input checks made before any call: a wrong ID or year is the user's to fix, and Nmbrs would
 * answer it with an unrelated fault (or, worse, silently use 0). Each error names the field.
 */
import { DateTime } from '../vendor/luxon';
import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

function shown(value: unknown): string {
	if (value === undefined || value === null || value === '') return 'empty';
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	return `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
}

function wholeNumber(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
	if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return Number(value.trim());
	return undefined;
}

/** Nmbrs IDs are .NET ints: 32-bit signed, so nothing above this reaches a record. */
export const MAX_INT32 = 2_147_483_647;

/** An Nmbrs record ID: a whole number of 1 or more (as number or numeric text). */
export function parseId(node: INode, value: unknown, field: string, itemIndex: number): number {
	return parseWholeInRange(node, value, field, itemIndex, 1, MAX_INT32);
}

/** A whole number of 0 or more (e.g. an employee type ID). */
export function parseNonNegative(
	node: INode,
	value: unknown,
	field: string,
	itemIndex: number,
): number {
	return parseWholeInRange(node, value, field, itemIndex, 0, MAX_INT32);
}

/** Nmbrs payroll years the node accepts. */
export function isPayrollYear(year: unknown): year is number {
	return typeof year === 'number' && Number.isInteger(year) && year >= 2000 && year <= 2100;
}

/** This year in the Netherlands, whatever the machine's zone ("this year" on 31 December 23:30 UTC is next year there). */
export function currentDutchYear(): number {
	return DateTime.now().setZone('Europe/Amsterdam').year;
}

/** Today in the Netherlands, 'YYYY-MM-DD'. */
export function dutchToday(): string {
	return DateTime.now().setZone('Europe/Amsterdam').toISODate() ?? '';
}

/** A payroll year between 2000 and 2100. */
export function parseYear(node: INode, value: unknown, field: string, itemIndex: number): number {
	const year = wholeNumber(value);
	if (!isPayrollYear(year)) {
		throw new NodeOperationError(node, `The ${field} ${shown(value)} is not valid`, {
			itemIndex,
			description: `${field} must be a year between 2000 and 2100, e.g. 2025.`,
		});
	}
	return year;
}

/** A payroll year, or the current year (Dutch time) when the value is empty. */
export function parseYearOrCurrent(
	node: INode,
	value: unknown,
	field: string,
	itemIndex: number,
): number {
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
		return currentDutchYear();
	}
	return parseYear(node, value, field, itemIndex);
}

/** A comma-separated list of statuses, trimmed and lower-cased; empty parts are dropped. */
export function parseStatusList(value: unknown): string[] {
	return String(value ?? '')
		.split(',')
		.map((s) => s.trim().toLowerCase())
		.filter((s) => s !== '');
}

/** The limit of a Get Many: a whole number of 1 or more. */
export function parseLimit(node: INode, value: unknown, itemIndex: number): number {
	return parseId(node, value, 'Limit', itemIndex);
}

/** A whole number between min and max (e.g. a period number, 1–53). */
export function parseWholeInRange(
	node: INode,
	value: unknown,
	field: string,
	itemIndex: number,
	min: number,
	max: number,
): number {
	const n = wholeNumber(value);
	if (n === undefined || n < min || n > max) {
		throw new NodeOperationError(node, `The ${field} ${shown(value)} is not valid`, {
			itemIndex,
			description: `${field} must be a whole number from ${min} to ${max}${min === 1 && max === MAX_INT32 ? ', e.g. 12345' : ''}.`,
		});
	}
	return n;
}

/** A number (decimals allowed) between min and max, e.g. hours of a day or a percentage. */
export function parseNumberInRange(
	node: INode,
	value: unknown,
	field: string,
	itemIndex: number,
	min: number,
	max: number,
): number {
	const n =
		typeof value === 'number'
			? value
			: typeof value === 'string' && /^\s*-?\d+(?:[.,]\d+)?\s*$/.test(value)
				? Number(value.trim().replace(',', '.'))
				: NaN;
	if (!Number.isFinite(n) || n < min || n > max) {
		throw new NodeOperationError(node, `The ${field} ${shown(value)} is not valid`, {
			itemIndex,
			description: `${field} must be a number from ${min} to ${max}, e.g. ${Math.min(max, 7.5)}.`,
		});
	}
	return n;
}

/** One of a fixed list of values (an options parameter an expression may fill with anything). */
export function parseChoice(
	node: INode,
	value: unknown,
	field: string,
	itemIndex: number,
	values: readonly string[],
): string {
	const text = typeof value === 'string' ? value.trim() : value;
	if (typeof text !== 'string' || !values.includes(text)) {
		throw new NodeOperationError(node, `The ${field} ${shown(value)} is not valid`, {
			itemIndex,
			description: `${field} must be one of: ${values.join(', ')}. Nothing was sent.`,
		});
	}
	return text;
}

/**
 * A boolean parameter, which an expression may have turned into anything: only true/false or the
 * text "true"/"false" (any case, trimmed) count; the text "false" is false, never a truthy string.
 */
export function parseBoolean(
	node: INode,
	value: unknown,
	field: string,
	itemIndex: number,
): boolean {
	if (typeof value === 'boolean') return value;
	if (typeof value === 'string') {
		const text = value.trim().toLowerCase();
		if (text === 'true') return true;
		if (text === 'false') return false;
	}
	throw new NodeOperationError(node, `The ${field} ${shown(value)} is not valid`, {
		itemIndex,
		description: `${field} must be true or false.`,
	});
}

/**
 * A calendar date as 'YYYY-MM-DD': from the text "2024-03-31" (a time after it, as n8n's date
 * picker gives, is ignored) or a Luxon date an expression gives. Empty gives null.
 */
export function parseDate(
	node: INode,
	value: unknown,
	field: string,
	itemIndex: number,
): string | null {
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
		return null;
	}
	if (DateTime.isDateTime(value) && value.isValid) return value.toISODate();
	const match =
		typeof value === 'string' ? /^\s*(\d{4}-\d{2}-\d{2})(?:[T ].*)?$/.exec(value) : null;
	if (match === null || !DateTime.fromISO(match[1]).isValid) {
		throw new NodeOperationError(node, `The ${field} ${shown(value)} is not valid`, {
			itemIndex,
			description: `${field} must be a date like 2024-03-31.`,
		});
	}
	return match[1];
}

/**
 * A one-line text (a name, an e-mail address, a phone number), trimmed; empty gives null. Refused,
 * naming the field, when it holds a line break (trimming would silently drop a trailing one, and
 * one inside a name is a mistake) or half of a broken character (an unpaired surrogate, which
 * Nmbrs would store as U+FFFD).
 */
export function parseSingleLineText(
	node: INode,
	value: unknown,
	field: string,
	itemIndex: number,
): string | null {
	if (value === undefined || value === null) return null;
	if (typeof value !== 'string' && typeof value !== 'number') {
		throw new NodeOperationError(node, `The ${field} ${shown(value)} is not valid`, {
			itemIndex,
			description: `${field} must be text.`,
		});
	}
	const text = String(value);
	const problem = /[\r\n\u2028\u2029]/.test(text)
		? 'holds a line break (often a trailing one from a CSV or spreadsheet); remove it'
		: /[\ud800-\udfff]/u.test(text)
			? 'holds half of a broken character (an unpaired surrogate); fix the text where it comes from'
			: undefined;
	if (problem !== undefined) {
		throw new NodeOperationError(node, `The ${field} is not valid`, {
			itemIndex,
			description: `${field} ${problem}. Nothing was sent.`,
		});
	}
	const trimmed = text.trim();
	return trimmed === '' ? null : trimmed;
}
