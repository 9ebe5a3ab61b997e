/**
 * The BSN (burgerservicenummer, in Dutch payroll XML SofiNr) stays out of JSON output unless the
 * user asks for it: an "Include BSN" option, default off, wherever a record can carry one.
 * rows.ts (toJson) leaves the fields isBsnKey names out as it turns records into item JSON.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { parseBoolean } from '../glue/parameters';

const BSN_KEYS = new Set(['bsn', 'sofinr', 'burgerservicenummer']);
const BSN_KEY_LENGTHS = new Set([...BSN_KEYS].map((key) => key.length));

/** Whether a field name is a BSN, in any of its spellings. */
export function isBsnKey(key: string): boolean {
	// The length first: most keys are not, and lower-casing every key of thousands of rows is not free.
	return BSN_KEY_LENGTHS.has(key.length) && BSN_KEYS.has(key.toLowerCase());
}

/** The "Include BSN" option (for an Options collection or as a parameter). */
export const includeBsnProperty: INodeProperties = {
	displayName: 'Include BSN',
	name: 'includeBsn',
	type: 'boolean',
	default: false,
	description:
		'Whether to keep citizen service numbers (BSN, SofiNr) in the JSON output; off leaves them out',
};

/** Whether "Include BSN" is on in the Options collection of item i (checked: true or false). */
export function readIncludeBsn(this: IExecuteFunctions, itemIndex: number): boolean {
	const options = (this.getNodeParameter('options', itemIndex, {}) ?? {}) as IDataObject;
	return parseBoolean(this.getNode(), options.includeBsn ?? false, 'Include BSN', itemIndex);
}
