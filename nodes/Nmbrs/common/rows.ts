/**
 * Results as n8n items: wire values as JSON, Return All / Limit, extra fields on every row,
 * and pairedItem on every item.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { parseBoolean, parseLimit } from '../glue/parameters';
import type { WireValue } from '../wire';
import { isBsnKey } from './bsn';

/** Return All and Limit, for the properties of a Get Many. */
export const returnAllProperties: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

/**
 * A wire value as n8n JSON, in one copy: Buffers become base64 text, and with `dropBsn` every BSN
 * field (see bsn.ts) is left out at any depth. Rows of thousands of employees pass through here,
 * so it walks keys without the arrays Object.entries makes.
 */
export function toJson(value: WireValue, dropBsn = false): IDataObject {
	const convert = (v: WireValue): unknown => {
		if (v === null || typeof v !== 'object') return v;
		if (Buffer.isBuffer(v)) return v.toString('base64');
		if (Array.isArray(v)) return v.map(convert);
		const out: IDataObject = {};
		for (const key of Object.keys(v)) {
			if (dropBsn && isBsnKey(key)) continue;
			out[key] = convert(v[key] as WireValue) as IDataObject;
		}
		return out;
	};
	const converted = convert(value);
	return converted !== null && typeof converted === 'object' && !Array.isArray(converted)
		? (converted as IDataObject)
		: { value: converted as IDataObject };
}

/** JSON rows as the output items of input item i (built directly: one object per item). */
export function asItems(rows: IDataObject[], itemIndex: number): INodeExecutionData[] {
	return rows.map((json) => ({ json, pairedItem: { item: itemIndex } }));
}

/** Return All / Limit for item i: undefined means all. */
export function readLimit(this: IExecuteFunctions, itemIndex: number): number | undefined {
	const node = this.getNode();
	if (
		parseBoolean(
			node,
			this.getNodeParameter('returnAll', itemIndex, false),
			'Return All',
			itemIndex,
		)
	) {
		return undefined;
	}
	return parseLimit(node, this.getNodeParameter('limit', itemIndex, 50), itemIndex);
}

export interface RowsOptions {
	/** Fields added to every row (e.g. the CompanyId the rows belong to). */
	extra?: IDataObject;
	/** At most this many rows (from readLimit, read before any call); undefined keeps all. */
	limit?: number;
	/** Leave every BSN field out (Include BSN off); default: keep the rows as they are. */
	withoutBsn?: boolean;
}

/** Wire rows as the items of input item i, each converted once (see toJson). */
export function returnRows(
	this: IExecuteFunctions,
	rows: WireValue[],
	itemIndex: number,
	options: RowsOptions = {},
): INodeExecutionData[] {
	const kept = options.limit === undefined ? rows : rows.slice(0, options.limit);
	const json = kept.map((row) => {
		const converted = toJson(row, options.withoutBsn);
		return options.extra ? Object.assign(converted, options.extra) : converted;
	});
	return asItems(json, itemIndex);
}
