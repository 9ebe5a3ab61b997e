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

import { parseBoolean, parseLimit } from '../../glue/parameters';
import type { WireValue } from '../../wire';

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

/** A wire value as n8n JSON: Buffers become base64 text, everything else is kept. */
export function toJson(value: WireValue): IDataObject {
	const convert = (v: WireValue): unknown => {
		if (Buffer.isBuffer(v)) return v.toString('base64');
		if (Array.isArray(v)) return v.map(convert);
		if (v !== null && typeof v === 'object') {
			const out: IDataObject = {};
			for (const [key, inner] of Object.entries(v)) {
				out[key] = convert(inner as WireValue) as IDataObject;
			}
			return out;
		}
		return v;
	};
	const converted = convert(value);
	return converted !== null && typeof converted === 'object' && !Array.isArray(converted)
		? (converted as IDataObject)
		: { value: converted as IDataObject };
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
}

/** Rows (wire values or JSON) as the items of input item i. */
export function returnRows(
	this: IExecuteFunctions,
	rows: Array<WireValue | IDataObject>,
	itemIndex: number,
	options: RowsOptions = {},
): INodeExecutionData[] {
	const kept = options.limit === undefined ? rows : rows.slice(0, options.limit);
	const json = kept.map((row) => ({ ...toJson(row as WireValue), ...options.extra }));
	return this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(json), {
		itemData: { item: itemIndex },
	});
}
