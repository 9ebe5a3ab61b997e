/**
 * The generated catalogue: every operation, complex type and enum of the v2.1 WSDLs, for
 * Custom Call. The data files in generated/ are written by scripts/generate-catalogue.ts
 * (never by hand) in a compact text form that is decoded here, and only required the first
 * time a service is asked for, so loading the node never pays for them.
 */
import type { Catalogue, ComplexType, Field, FieldType, Operation, ServiceName } from './types';

/**
 * One field as text: `Name:type`, `Name?:type` (minOccurs=0), `Name~:type` (nillable),
 * `Name?~:type`; a list adds `[]Item` (the repeated child element): `Result?:type:Company[]Company`.
 */
export type EncodedField = string;
/** [name, params, result ('' when the response is empty)] */
export type EncodedOperation = [string, EncodedField[], EncodedField];
/** [name, base ('' when none), fields] */
export type EncodedType = [string, string, EncodedField[]];

export interface EncodedService {
	service: ServiceName;
	operations: EncodedOperation[];
	types: EncodedType[];
	enums: Record<string, string[]>;
}

export const GENERATED_SOURCE_NOTE = 'generated from the v2.1 WSDL';

/** Services that have a v2.1 WSDL to generate from. ReportService has none. */
export const GENERATED_SERVICES = ['DebtorService', 'CompanyService', 'EmployeeService'] as const;
export type GeneratedServiceName = (typeof GENERATED_SERVICES)[number];

/** Generated file name per service (without extension), under catalogue/generated/. */
export function generatedFileName(service: GeneratedServiceName): string {
	return service.charAt(0).toLowerCase() + service.slice(1);
}

/** Reads are `Get`/`List` calls; anything else may change data and is never retried blindly. */
export function guessAccess(operationName: string): 'read' | 'write' {
	return /Get|List/.test(operationName) ? 'read' : 'write';
}

const FIELD_PATTERN = /^([^?~:]+)(\?)?(~)?:(.+?)(?:\[\](.+))?$/;

export function encodeField(field: Field): EncodedField {
	const flags = `${field.optional ? '?' : ''}${field.nillable ? '~' : ''}`;
	const list = field.listItem !== undefined ? `[]${field.listItem}` : '';
	return `${field.name}${flags}:${field.type}${list}`;
}

export function decodeField(text: EncodedField): Field {
	const match = FIELD_PATTERN.exec(text);
	if (!match)
		throw new Error(
			`Generated catalogue field "${text}" is malformed: run npm run generate:catalogue`,
		);
	const [, name, optional, nillable, type, listItem] = match;
	const field: Field = { name, type: type as FieldType };
	if (listItem !== undefined) field.listItem = listItem;
	if (optional) field.optional = true;
	if (nillable) field.nillable = true;
	return field;
}

/** Binary in the result itself or in a field of its type (or base types): a document, e.g. a PDF. */
function returnsBinary(result: Field, types: Record<string, ComplexType>): boolean {
	if (result.type === 'base64Binary') return true;
	let typeName = result.type.startsWith('type:') ? result.type.slice('type:'.length) : undefined;
	for (const seen = new Set<string>(); typeName !== undefined && !seen.has(typeName);) {
		seen.add(typeName);
		const type: ComplexType | undefined = types[typeName];
		if (!type) return false;
		if (type.fields.some((field) => field.type === 'base64Binary')) return true;
		typeName = type.base;
	}
	return false;
}

/** Slow calls get the transport's long timeout: PDFs and other documents Nmbrs renders on request. */
export function isSlowOperation(
	name: string,
	result: Field | undefined,
	types: Record<string, ComplexType>,
): boolean {
	return /PDF/.test(name) || (result !== undefined && returnsBinary(result, types));
}

export function decodeService(encoded: EncodedService): Catalogue {
	const types: Record<string, ComplexType> = {};
	for (const [name, base, fields] of encoded.types) {
		const type: ComplexType = { name, fields: fields.map(decodeField), source: 'wsdl' };
		if (base !== '') type.base = base;
		types[name] = type;
	}
	const operations: Operation[] = encoded.operations.map(([name, params, result]) => {
		const operation: Operation = {
			service: encoded.service,
			name,
			params: params.map(decodeField),
			auth: 'AuthHeaderWithDomain',
			access: guessAccess(name),
			source: 'wsdl',
			sourceNote: GENERATED_SOURCE_NOTE,
		};
		if (result !== '') operation.result = decodeField(result);
		if (isSlowOperation(name, operation.result, types)) operation.slow = true;
		return operation;
	});
	const enums: Record<string, string[]> = {};
	for (const [name, values] of Object.entries(encoded.enums)) enums[name] = [...values];
	return { operations, types, enums };
}

const loaded = new Map<GeneratedServiceName, Catalogue>();

type GeneratedModule = { generated: EncodedService };
/** Lazy on purpose: these files are large and only Custom Call needs them. */
const LOAD_GENERATED: Record<GeneratedServiceName, () => GeneratedModule> = {
	DebtorService: () => require('./generated/debtorService') as GeneratedModule,
	CompanyService: () => require('./generated/companyService') as GeneratedModule,
	EmployeeService: () => require('./generated/employeeService') as GeneratedModule,
};

function isGeneratedService(service: string): service is GeneratedServiceName {
	return (GENERATED_SERVICES as readonly string[]).includes(service);
}

/**
 * The generated catalogue of one service (its own types and enums: the same type name can
 * mean different shapes in different services), or undefined for a service without WSDL.
 */
export function generatedCatalogue(service: ServiceName): Catalogue | undefined {
	if (!isGeneratedService(service)) return undefined;
	let catalogue = loaded.get(service);
	if (!catalogue) {
		catalogue = decodeService(LOAD_GENERATED[service]().generated);
		loaded.set(service, catalogue);
	}
	return catalogue;
}
