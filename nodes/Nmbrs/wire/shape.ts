/**
 * What the reader and the writer share: the value model, the wire error, and how a catalogue
 * field is interpreted (its type, its fields including base types, its .NET default).
 */
import type {
	Catalogue,
	ComplexType,
	Field,
	FieldType,
	Operation,
	ScalarType,
	ServiceName,
} from '../catalogue/types';

export type WireValue = null | string | number | boolean | Buffer | WireObject | WireValue[];
export interface WireObject {
	[field: string]: WireValue;
}

export type SoapVersion = '1.1' | '1.2';

export const SOAP_ENVELOPE_NAMESPACE: Record<SoapVersion, string> = {
	'1.1': 'http://schemas.xmlsoap.org/soap/envelope/',
	'1.2': 'http://www.w3.org/2003/05/soap-envelope',
};
export const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';
export const XSD_NAMESPACE = 'http://www.w3.org/2001/XMLSchema';

/** Content types of requests and responses per SOAP version (1.2 requests add `; action="..."`). */
export const SOAP_CONTENT_TYPE: Record<SoapVersion, string> = {
	'1.1': 'text/xml; charset=utf-8',
	'1.2': 'application/soap+xml; charset=utf-8',
};

/** .NET's "no date": a non-nullable DateTime that was never set. Read as null. */
export const DOTNET_MIN_DATE = '0001-01-01T00:00:00';
export const EMPTY_GUID = '00000000-0000-0000-0000-000000000000';

export type WireErrorKind =
	/** The server answered with a SOAP fault. */
	| 'fault'
	/** The answer is not a readable SOAP envelope (HTML page, empty, truncated, DOCTYPE...). */
	| 'malformed'
	/** A value given to the writer does not fit its field (fix the input, nothing was sent). */
	| 'input';

/**
 * The one error the codec throws. Carries no request text, so it never holds credentials;
 * `excerpt` is a short, whitespace-collapsed piece of the offending response.
 */
export class WireError extends Error {
	readonly kind: WireErrorKind;
	/** Fault only: the fault string exactly as sent (`Server was unable... ---> 1002: ...`). */
	readonly faultString?: string;
	/** Fault only: the fault code without prefix (`Server`, `Client`, `Receiver`, `Sender`). */
	readonly faultCode?: string;
	readonly soapVersion?: SoapVersion;
	/** Malformed only: the start of the response, for the user to recognise what came back. */
	readonly excerpt?: string;
	/**
	 * Malformed only: where the reader refused the input on purpose (elements nested past
	 * MAX_DEPTH, a declared encoding it cannot read) rather than found it broken; 1-based.
	 */
	readonly refusedAt?: { line: number; column: number };

	constructor(
		kind: WireErrorKind,
		message: string,
		details: {
			faultString?: string;
			faultCode?: string;
			soapVersion?: SoapVersion;
			excerpt?: string;
			refusedAt?: { line: number; column: number };
		} = {},
	) {
		super(message);
		this.name = 'WireError';
		this.kind = kind;
		if (details.faultString !== undefined) this.faultString = details.faultString;
		if (details.faultCode !== undefined) this.faultCode = details.faultCode;
		if (details.soapVersion !== undefined) this.soapVersion = details.soapVersion;
		if (details.excerpt !== undefined) this.excerpt = details.excerpt;
		if (details.refusedAt !== undefined) this.refusedAt = details.refusedAt;
	}
}

/** A short, single-line piece of a response for error messages. */
export function excerptOf(text: string, maxLength = 160): string {
	const flat = text
		// Control characters (not tab, line feed, carriage return) are dropped on purpose.
		// eslint-disable-next-line no-control-regex
		.replace(/[\u0000-\u0008\v\f\u000e-\u001f]/g, '')
		.replace(/\s+/g, ' ')
		.trim();
	return flat.length > maxLength ? `${flat.slice(0, maxLength)}…` : flat;
}

/** The shape of one field after resolving `enum:` / `type:` references. */
export type FieldKind =
	| { kind: 'scalar'; scalar: ScalarType }
	| { kind: 'enum'; name: string; values: string[] }
	| { kind: 'complex'; name: string; fields: Field[] };

const fieldsCache = new WeakMap<Catalogue, Map<string, Field[]>>();

/** All fields of a complex type on the wire: base type fields first, then its own. */
export function fieldsOfType(typeName: string, catalogue: Catalogue): Field[] {
	let perCatalogue = fieldsCache.get(catalogue);
	if (!perCatalogue) {
		perCatalogue = new Map();
		fieldsCache.set(catalogue, perCatalogue);
	}
	const cached = perCatalogue.get(typeName);
	if (cached) return cached;
	const seen = new Set<string>();
	const chain: ComplexType[] = [];
	let current: string | undefined = typeName;
	while (current !== undefined) {
		if (seen.has(current))
			throw new Error(`Catalogue type ${typeName} has a cyclic base chain at ${current}.`);
		seen.add(current);
		const type: ComplexType | undefined = catalogue.types[current];
		if (!type)
			throw new Error(
				`Catalogue type "${current}" is referenced but not defined in catalogue.types.`,
			);
		chain.unshift(type);
		current = type.base;
	}
	const fields = chain.flatMap((type) => type.fields);
	perCatalogue.set(typeName, fields);
	return fields;
}

export function kindOf(type: FieldType, catalogue: Catalogue): FieldKind {
	if (type.startsWith('enum:')) {
		const name = type.slice('enum:'.length);
		const values = catalogue.enums[name];
		if (!values)
			throw new Error(`Catalogue enum "${name}" is referenced but not defined in catalogue.enums.`);
		return { kind: 'enum', name, values };
	}
	if (type.startsWith('type:')) {
		const name = type.slice('type:'.length);
		return { kind: 'complex', name, fields: fieldsOfType(name, catalogue) };
	}
	return { kind: 'scalar', scalar: type as ScalarType };
}

/** .NET value types: never omitted, written with their default when null (unless nillable). */
export function isValueType(kind: FieldKind): boolean {
	if (kind.kind === 'enum') return true;
	if (kind.kind === 'complex') return false;
	return ['int', 'long', 'decimal', 'double', 'boolean', 'dateTime', 'date', 'guid'].includes(
		kind.scalar,
	);
}

/**
 * The wire text of .NET's default for a value type (what XmlSerializer writes for an unset
 * non-nullable field, and what ASMX assumes for an absent one): false, 0, the minimum date,
 * the empty GUID, an enum's first value. Not escaped.
 */
export function dotnetDefaultText(kind: FieldKind): string {
	if (kind.kind === 'enum') return kind.values[0] ?? '';
	if (kind.kind !== 'scalar') return '';
	switch (kind.scalar) {
		case 'boolean':
			return 'false';
		case 'date':
		case 'dateTime':
			return DOTNET_MIN_DATE;
		case 'guid':
			return EMPTY_GUID;
		default:
			return '0';
	}
}

/** The element name of an operation's result. */
export function resultElementName(op: Pick<Operation, 'name' | 'result'>): string {
	return op.result?.name ?? `${op.name}Result`;
}

/**
 * An operation the catalogue does not have (the node's Custom Call): parameters go in the order
 * given, as untyped values; the result comes back as generic strings/objects.
 */
export function adHocOperation(
	service: ServiceName,
	name: string,
	paramNames: string[],
	access: 'read' | 'write' = 'write',
): Operation {
	return {
		service,
		name,
		params: paramNames.map((paramName) => ({ name: paramName, type: 'anyType', optional: true })),
		result: { name: `${name}Result`, type: 'anyType', optional: true },
		auth:
			name === 'Environment_Get' && service === 'DebtorService'
				? 'AuthHeader'
				: 'AuthHeaderWithDomain',
		access,
		source: 'inferred',
		sourceNote: 'ad hoc: not in the catalogue',
	};
}
