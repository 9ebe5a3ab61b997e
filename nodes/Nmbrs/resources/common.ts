/**
 * Description pieces and output helpers shared by the operations.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { WireValue } from '../wire/shape';
import { parseBoolean, parseId, parseLimit } from '../glue/parameters';

export const returnAllProperty: INodeProperties = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
};

export const limitProperty: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 50,
	description: 'Max number of results to return',
	displayOptions: { show: { returnAll: [false] } },
};

function searchListMode(method: string) {
	return {
		displayName: 'From List',
		name: 'list',
		type: 'list' as const,
		typeOptions: { searchListMethod: method, searchable: true },
	};
}

function idMode(noun: string) {
	return {
		displayName: 'By ID',
		name: 'id',
		type: 'string' as const,
		placeholder: 'e.g. 12345',
		validation: [
			{
				type: 'regex' as const,
				properties: { regex: '^\\s*\\d+\\s*$', errorMessage: `Not a valid ${noun} ID` },
			},
		],
	};
}

export const companyLocator: INodeProperties = {
	displayName: 'Company',
	name: 'companyId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The company (employer) in Nmbrs',
	modes: [searchListMode('searchCompanies'), idMode('company')],
};

export const debtorLocator: INodeProperties = {
	displayName: 'Debtor',
	name: 'debtorId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The debtor (client administration) in Nmbrs',
	modes: [searchListMode('searchDebtors'), idMode('debtor')],
};

/** A wire value as n8n JSON: Buffers become base64 text, everything else is kept. */
export function toJson(value: WireValue): IDataObject {
	const convert = (v: WireValue): unknown => {
		if (Buffer.isBuffer(v)) return v.toString('base64');
		if (Array.isArray(v)) return v.map(convert);
		if (v !== null && typeof v === 'object') {
			const out: IDataObject = {};
			for (const [key, inner] of Object.entries(v))
				out[key] = convert(inner as WireValue) as IDataObject;
			return out;
		}
		return v;
	};
	const converted = convert(value);
	return converted !== null && typeof converted === 'object' && !Array.isArray(converted)
		? (converted as IDataObject)
		: { value: converted as IDataObject };
}

/** A resource locator's ID (list pick or typed ID), read and checked for item i. */
export function readLocatorId(
	this: IExecuteFunctions,
	parameter: 'companyId' | 'debtorId',
	itemIndex: number,
): number {
	const label = parameter === 'companyId' ? 'Company ID' : 'Debtor ID';
	return parseId(
		this.getNode(),
		this.getNodeParameter(parameter, itemIndex, '', { extractValue: true }),
		label,
		itemIndex,
	);
}

/** Return All / Limit, read and checked for item i. */
export function readLimit(this: IExecuteFunctions, itemIndex: number): number | undefined {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false);
	if (parseBoolean(this.getNode(), returnAll, 'Return All', itemIndex)) return undefined;
	return parseLimit(this.getNode(), this.getNodeParameter('limit', itemIndex, 50), itemIndex);
}

/** Rows as the items of input item i (pairedItem set on each). */
export function toItems(
	this: IExecuteFunctions,
	rows: IDataObject[],
	itemIndex: number,
): INodeExecutionData[] {
	return this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(rows), {
		itemData: { item: itemIndex },
	});
}
