/**
 * The shape of the operation catalogue: pure data, no n8n imports.
 *
 * One entry per SOAP operation drives the client (envelope, SOAPAction, parsing),
 * the emulator (request reading, answers, its WSDL), the contract test (against the
 * real v2.1 WSDLs) and the node (which operation, which parameters).
 */

export const SERVICES = [
	'DebtorService',
	'CompanyService',
	'EmployeeService',
	'ReportService',
] as const;
export type ServiceName = (typeof SERVICES)[number];

/** The namespace every element of a request and response lives in. Never the sandbox host. */
export const NMBRS_NAMESPACE_BASE = 'https://api.nmbrs.nl/soap/v3/';
export function serviceNamespace(service: ServiceName): string {
	return `${NMBRS_NAMESPACE_BASE}${service}`;
}
export function soapAction(service: ServiceName, operation: string): string {
	return `${serviceNamespace(service)}/${operation}`;
}

/**
 * Scalar XML types as our code means them.
 * - `date`: an `xs:dateTime` on the wire whose meaning is a calendar date (birthday, period start):
 *   read as `YYYY-MM-DD`, written as `YYYY-MM-DDT00:00:00`.
 * - `dateTime`: zone-less Dutch local time, read and written as `YYYY-MM-DDTHH:mm:ss`.
 *   `0001-01-01T00:00:00` (.NET's "no date") reads as null for both.
 * - `xmlDocument`: an `xs:string` that carries an XML document (declaration XML, journals).
 * - `base64Binary`: read as a Buffer.
 */
export type ScalarType =
	| 'string'
	| 'int'
	| 'long'
	| 'decimal'
	| 'double'
	| 'boolean'
	| 'dateTime'
	| 'date'
	| 'guid'
	| 'base64Binary'
	| 'xmlDocument'
	| 'anyType';

/** `enum:Name` refers to `Catalogue.enums[Name]`; `type:Name` to `Catalogue.types[Name]`. */
export type FieldType = ScalarType | `enum:${string}` | `type:${string}`;

export interface Field {
	/** Exact element name, casing as in the WSDL (`CompanyId`, `CompanyID`, `intYear`...). */
	name: string;
	type: FieldType;
	/**
	 * Set when the element is an `ArrayOfX` wrapper: the name of its repeated child element
	 * (`Company`, `Employee`, `int`...). A list with one child is still a list.
	 */
	listItem?: string;
	/** minOccurs=0: omitted when null (reference types: strings, objects, lists). */
	optional?: boolean;
	/** nillable="true": sent as `xsi:nil="true"` when null (nullable value types). */
	nillable?: boolean;
}

/** Where a fact comes from, most to least certain. */
export type Source = 'wsdl' | 'v3-code' | 'inferred';

export interface ComplexType {
	name: string;
	/** The type this one extends (xs:extension); its fields come first on the wire. */
	base?: string;
	/** Own fields, in WSDL sequence order. */
	fields: Field[];
	source: Source;
	/** v3 fields that the v2.1 WSDL lacks (appended at the end). The contract test skips them. */
	v3AddedFields?: string[];
	/** How sure the v3 additions are (default: 'v3-code'); the README lists the 'inferred' ones. */
	v3AddedSource?: Source;
	note?: string;
}

/**
 * A difference between v3 (what we send) and the v2.1 WSDL the contract test reads.
 * `source` says how sure the v3 side is (default: the entry's own source); the README lists
 * every difference whose source is 'inferred'.
 */
export type V3Difference =
	/** The operation is not in any v2.1 WSDL we have. */
	(
		| { kind: 'v3-only'; note: string }
		/** v3 takes other parameters than v2.1; `v21Params` is what the v2.1 WSDL says. */
		| { kind: 'params-changed'; v21Params: Field[]; note: string }
		/** v3 returns another type than the v2.1 WSDL says. */
		| { kind: 'result-changed'; v21Result: Field | null; note: string }
	) & { source?: Source };

export interface Operation {
	service: ServiceName;
	/** Operation name exactly as on the wire, e.g. `WageTax_GetList`. */
	name: string;
	/** Body parameters, in WSDL sequence order. */
	params: Field[];
	/** The `<Op>Result` element; absent when the answer is an empty `<Op>Response/>`. */
	result?: Field;
	/** `AuthHeader` only for `DebtorService.Environment_Get`. */
	auth: 'AuthHeaderWithDomain' | 'AuthHeader';
	/** Reads may be retried; writes never blindly. */
	access: 'read' | 'write';
	/** Calls known to be slow (PDFs): the transport gives them a longer timeout. */
	slow?: boolean;
	source: Source;
	/** Who/what the entry rests on, in a few words. */
	sourceNote: string;
	v3Differences?: V3Difference[];
	/** Human description, used in the README's operation table and the node's hints. */
	description?: string;
}

export interface Catalogue {
	operations: Operation[];
	types: Record<string, ComplexType>;
	enums: Record<string, string[]>;
}

export function operationKey(op: Pick<Operation, 'service' | 'name'>): string {
	return `${op.service}.${op.name}`;
}
