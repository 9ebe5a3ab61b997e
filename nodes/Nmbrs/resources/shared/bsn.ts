/**
 * The BSN (burgerservicenummer, in Dutch payroll XML SofiNr) stays out of JSON output unless the
 * user asks for it: an "Include BSN" option, default off, wherever a record can carry one.
 */
import type { INodeProperties } from 'n8n-workflow';

const BSN_KEYS = new Set(['bsn', 'sofinr', 'burgerservicenummer']);

/** The "Include BSN" option (for an Options collection or as a parameter). */
export const includeBsnProperty: INodeProperties = {
	displayName: 'Include BSN',
	name: 'includeBsn',
	type: 'boolean',
	default: false,
	description:
		'Whether to keep citizen service numbers (BSN, SofiNr) in the JSON output; off leaves them out',
};

/** The value without any BSN field, at any depth. */
export function withoutBsn<T>(value: T): T {
	if (Array.isArray(value)) return value.map(withoutBsn) as T;
	if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return value;
	const out: Record<string, unknown> = {};
	for (const [key, inner] of Object.entries(value)) {
		if (!BSN_KEYS.has(key.toLowerCase())) out[key] = withoutBsn(inner);
	}
	return out as T;
}
