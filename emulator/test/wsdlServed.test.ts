/**
 * The WSDL the emulator serves, as a WSDL-driven client reads it: every operation the emulator
 * answers is in it (v3-only calls too), every type it names is declared, and where the real v2.1
 * WSDL has the same operation each element is typed as there (GUIDs as `s1:guid`, anyType untyped,
 * the same minOccurs / nillable, enums with the same values, ArrayOfX with the same items).
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { XMLParser } from 'fast-xml-parser';
import * as soap from 'soap';
import type { ServiceName } from '../../nodes/Nmbrs/catalogue';
import {
	SHARED_MISSING_MESSAGE,
	sharedWsdlsPresent,
	WSDL_DIR,
} from '../../test/contract/wsdlContract';
import { describeNeedingShared } from '../../test/needsShared';
import { startEmulator, type RunningEmulator } from '../src';
import { handlers } from '../src/operations';
import { v3OnlyHandlers } from '../src/operations/v3Only';
import { operationsOf } from '../src/served';
import { ACCOUNTANT, NS, WORLD_NOW } from './helpers';

const XSD = 'http://www.w3.org/2001/XMLSchema';
const GUID_NS = 'http://microsoft.com/wsdl/types/';
const GUID_PATTERN = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
/** The XSD built-ins an ASMX WSDL may name. */
const XSD_TYPES = new Set([
	'string',
	'int',
	'long',
	'decimal',
	'double',
	'boolean',
	'dateTime',
	'base64Binary',
	'anyType',
]);

interface RawElement {
	'@_name'?: string;
	'@_type'?: string;
	'@_minOccurs'?: string;
	'@_maxOccurs'?: string;
	'@_nillable'?: string;
	complexType?: RawComplexType[];
}
interface RawSequence {
	element?: RawElement[];
}
interface RawComplexType {
	'@_name'?: string;
	sequence?: RawSequence[];
	complexContent?: Array<{ extension?: Array<{ '@_base': string; sequence?: RawSequence[] }> }>;
}
interface RawSimpleType {
	'@_name': string;
	restriction?: Array<{
		'@_base': string;
		enumeration?: Array<{ '@_value': string }>;
		pattern?: Array<{ '@_value': string }>;
	}>;
}
interface RawSchema {
	'@_targetNamespace': string;
	import?: Array<{ '@_namespace': string }>;
	element?: RawElement[];
	complexType?: RawComplexType[];
	simpleType?: RawSimpleType[];
}
interface RawOperation {
	'@_name': string;
	input?: Array<{ '@_message'?: string; header?: Array<{ '@_message': string }> }>;
	output?: Array<{ '@_message'?: string }>;
}

interface Model {
	/** prefix -> namespace, from the root element (ASMX declares every prefix there). */
	prefixes: Map<string, string>;
	tns: string;
	schemas: RawSchema[];
	messages: Map<string, Array<{ '@_name': string; '@_element'?: string }>>;
	portType: RawOperation[];
	bindings: Array<{ '@_name': string; '@_type': string; operation?: RawOperation[] }>;
	ports: Array<{ '@_name': string; '@_binding': string }>;
}

const ARRAYS = new Set([
	'schema',
	'import',
	'element',
	'complexType',
	'simpleType',
	'sequence',
	'complexContent',
	'extension',
	'restriction',
	'enumeration',
	'pattern',
	'message',
	'part',
	'portType',
	'binding',
	'operation',
	'input',
	'output',
	'header',
	'port',
]);

function parseWsdl(xml: string): Model {
	const parser = new XMLParser({
		ignoreAttributes: false,
		attributeNamePrefix: '@_',
		removeNSPrefix: true,
		isArray: (name) => ARRAYS.has(name),
	});
	const definitions = parser.parse(xml).definitions;
	const rootTag = /<(?:\w+:)?definitions\s[^>]*>/.exec(xml)?.[0] ?? '';
	const prefixes = new Map(
		[...rootTag.matchAll(/xmlns:(\w+)="([^"]*)"/g)].map(([, prefix, ns]) => [prefix, ns]),
	);
	const messages = new Map<string, Array<{ '@_name': string; '@_element'?: string }>>();
	for (const message of definitions.message ?? []) messages.set(message['@_name'], message.part);
	const portType = (
		definitions.portType as Array<{ '@_name': string; operation: RawOperation[] }>
	).find((p) => p['@_name'].endsWith('Soap'))?.operation;
	return {
		prefixes: prefixes as Map<string, string>,
		tns: definitions['@_targetNamespace'],
		schemas: definitions.types.schema,
		messages,
		portType: portType ?? [],
		bindings: definitions.binding ?? [],
		ports: (definitions.service?.port ?? []) as Model['ports'],
	};
}

/** A QName as namespace and local name; the service namespace (v2.1 or v3) reads as 'tns'. */
function resolve(model: Model, qname: string): { ns: string; local: string } {
	const colon = qname.indexOf(':');
	const ns = colon < 0 ? '' : (model.prefixes.get(qname.slice(0, colon)) ?? `?${qname}`);
	return { ns: ns === model.tns ? 'tns' : ns, local: qname.slice(colon + 1) };
}

function schemaOf(model: Model, ns: string): RawSchema | undefined {
	return model.schemas.find((s) => s['@_targetNamespace'] === (ns === 'tns' ? model.tns : ns));
}

const serviceSchema = (model: Model) => schemaOf(model, 'tns') as RawSchema;

function topElement(model: Model, name: string): RawElement | undefined {
	return serviceSchema(model).element?.find((e) => e['@_name'] === name);
}

/** A wrapper element's children; an empty `<s:complexType />` parses as '' and has none. */
function wrapperFields(element: RawElement | undefined): RawElement[] | undefined {
	if (!element?.complexType) return undefined;
	const inline = element.complexType[0] || {};
	return inline.sequence?.[0]?.element ?? [];
}

type Definition =
	| { kind: 'complex'; type: RawComplexType }
	| { kind: 'simple'; type: RawSimpleType }
	| { kind: 'builtin'; name: string }
	| { kind: 'anyType' }
	| { kind: 'missing'; name: string };

function definitionOf(model: Model, element: RawElement): Definition {
	if (element.complexType) return { kind: 'complex', type: element.complexType[0] || {} };
	if (element['@_type'] === undefined) return { kind: 'anyType' };
	return namedDefinition(model, element['@_type']);
}

function namedDefinition(model: Model, qname: string): Definition {
	const { ns, local } = resolve(model, qname);
	if (ns === XSD)
		return XSD_TYPES.has(local) ? { kind: 'builtin', name: `xsd:${local}` } : missing(qname);
	const schema = schemaOf(model, ns);
	const complex = schema?.complexType?.find((t) => t['@_name'] === local);
	if (complex) return { kind: 'complex', type: complex };
	const simple = schema?.simpleType?.find((t) => t['@_name'] === local);
	if (simple) return { kind: 'simple', type: simple };
	return missing(qname);
}

const missing = (name: string): Definition => ({ kind: 'missing', name });

/** A complex type's fields on the wire: base type fields first. */
function fieldsOf(
	model: Model,
	type: RawComplexType,
	seen = new Set<RawComplexType>(),
): RawElement[] {
	if (seen.has(type)) return [];
	seen.add(type);
	const extension = type.complexContent?.[0]?.extension?.[0];
	if (!extension) return type.sequence?.[0]?.element ?? [];
	const base = namedDefinition(model, extension['@_base']);
	const inherited = base.kind === 'complex' ? fieldsOf(model, base.type, seen) : [];
	return [...inherited, ...(extension.sequence?.[0]?.element ?? [])];
}

/** A simple type as comparable text: its enumeration values, or its namespace, name and pattern (guid). */
function simpleShape(model: Model, type: RawSimpleType): string {
	const restriction = type.restriction?.[0];
	const values = (restriction?.enumeration ?? []).map((e) => e['@_value']);
	if (values.length > 0) return `enum(${values.join(',')})`;
	const schema = model.schemas.find((s) => s.simpleType?.includes(type));
	const ns = schema?.['@_targetNamespace'] === model.tns ? 'tns' : schema?.['@_targetNamespace'];
	const base = resolve(model, restriction?.['@_base'] ?? '');
	const pattern = restriction?.pattern?.[0]?.['@_value'] ?? '';
	return `${ns}:${type['@_name']} (${base.ns}:${base.local} ${pattern})`;
}

function shapeOf(model: Model, definition: Definition): string {
	if (definition.kind === 'builtin') return definition.name;
	if (definition.kind === 'simple') return simpleShape(model, definition.type);
	return definition.kind;
}

/**
 * Differences between the emulator's element and the real one: occurrence, nillability and type,
 * complex types field by field (fields the real type has; v3 additions may follow).
 */
function compareElements(
	ours: Model,
	ourElement: RawElement,
	real: Model,
	realElement: RawElement,
	where: string,
	problems: string[],
	seen: Set<string>,
): void {
	for (const attribute of ['@_minOccurs', '@_maxOccurs', '@_nillable'] as const) {
		const fallback = attribute === '@_nillable' ? 'false' : '1';
		const mine = ourElement[attribute] ?? fallback;
		const theirs = realElement[attribute] ?? fallback;
		if (mine !== theirs) problems.push(`${where}: ${attribute.slice(2)} ${mine}, real ${theirs}`);
	}
	const mine = definitionOf(ours, ourElement);
	const theirs = definitionOf(real, realElement);
	if (mine.kind === 'missing') {
		problems.push(`${where}: type ${mine.name} is not declared`);
		return;
	}
	if (theirs.kind === 'missing') return;
	if (mine.kind === 'complex' && theirs.kind === 'complex') {
		const key = `${ourElement['@_type'] ?? where}|${realElement['@_type'] ?? where}`;
		if (seen.has(key)) return;
		seen.add(key);
		const ourFields = fieldsOf(ours, mine.type);
		const realFields = fieldsOf(real, theirs.type);
		const names = ourFields.map((f) => f['@_name']);
		const common = realFields.filter((f) => names.includes(f['@_name']));
		const missingFields = realFields.filter((f) => !names.includes(f['@_name']));
		if (missingFields.length > 0)
			problems.push(`${where}: lacks ${missingFields.map((f) => f['@_name']).join(', ')}`);
		const order = names.filter((n) => common.some((f) => f['@_name'] === n));
		if (order.join() !== common.map((f) => f['@_name']).join())
			problems.push(`${where}: fields in another order than the real type`);
		for (const field of common) {
			const ourField = ourFields.find((f) => f['@_name'] === field['@_name']) as RawElement;
			compareElements(ours, ourField, real, field, `${where}.${field['@_name']}`, problems, seen);
		}
		return;
	}
	const ourShape = shapeOf(ours, mine);
	const realShape = shapeOf(real, theirs);
	if (ourShape !== realShape) problems.push(`${where}: type ${ourShape}, real ${realShape}`);
}

let emulator: RunningEmulator;
const served = new Map<ServiceName, string[]>();
const models = new Map<ServiceName, Model>();
const texts = new Map<ServiceName, string>();

beforeAll(async () => {
	emulator = await startEmulator({ port: 0, worldNow: WORLD_NOW });
	for (const key of Object.keys({ ...handlers, ...v3OnlyHandlers })) {
		const [service, name] = key.split('.') as [ServiceName, string];
		served.set(service, [...(served.get(service) ?? []), name]);
	}
	for (const service of served.keys()) {
		const res = await fetch(`${emulator.soapBaseUrl}${service}.asmx?wsdl`);
		expect(res.status).toBe(200);
		const text = await res.text();
		texts.set(service, text);
		models.set(service, parseWsdl(text));
	}
});
afterAll(async () => {
	await emulator.close();
});

describe('the served WSDL', () => {
	it('lists every operation the emulator answers, v3-only ones included', () => {
		expect([...served.keys()].sort()).toEqual([
			'CompanyService',
			'DebtorService',
			'EmployeeService',
		]);
		expect(served.get('CompanyService')).toContain('Company_GetCurrentByEmployeeId');
		const absent: string[] = [];
		for (const [service, names] of served) {
			const model = models.get(service) as Model;
			const portType = new Set(model.portType.map((op) => op['@_name']));
			for (const name of names) {
				const bound = model.bindings.every((b) =>
					(b.operation ?? []).some((op) => op['@_name'] === name),
				);
				const complete =
					portType.has(name) &&
					bound &&
					model.bindings.length === 2 &&
					topElement(model, name) !== undefined &&
					topElement(model, `${name}Response`) !== undefined &&
					model.messages.has(`${name}SoapIn`) &&
					model.messages.has(`${name}SoapOut`);
				if (!complete) absent.push(`${service}.${name}`);
			}
		}
		expect(absent).toEqual([]);
	});

	it("types each operation's elements from its catalogue entry", () => {
		const differences: string[] = [];
		for (const service of served.keys()) {
			const model = models.get(service) as Model;
			for (const { operation } of operationsOf(service)) {
				const params = wrapperFields(topElement(model, operation.name));
				const result = wrapperFields(topElement(model, `${operation.name}Response`));
				const names = (fields: RawElement[] | undefined) =>
					fields?.map((f) => f['@_name']).join(', ');
				if (names(params) !== operation.params.map((p) => p.name).join(', '))
					differences.push(`${service}.${operation.name} params: ${names(params)}`);
				if (names(result) !== (operation.result?.name ?? ''))
					differences.push(`${service}.${operation.name} result: ${names(result)}`);
			}
		}
		expect(differences).toEqual([]);

		const company = models.get('CompanyService') as Model;
		const [employeeId] = wrapperFields(topElement(company, 'Company_GetCurrentByEmployeeId')) ?? [];
		expect(employeeId).toMatchObject({
			'@_name': 'EmployeeId',
			'@_type': 's:int',
			'@_minOccurs': '1',
		});
		const [result] =
			wrapperFields(topElement(company, 'Company_GetCurrentByEmployeeIdResponse')) ?? [];
		expect(result).toMatchObject({
			'@_name': 'Company_GetCurrentByEmployeeIdResult',
			'@_type': 'tns:Company',
			'@_minOccurs': '0',
		});
	});

	it('declares every type, element, message and binding it names', () => {
		const undeclared: string[] = [];
		for (const [service, model] of models) {
			const check = (qname: string, where: string, from: RawSchema) => {
				const definition = namedDefinition(model, qname);
				if (definition.kind === 'missing') undeclared.push(`${service} ${where}: ${qname}`);
				const { ns } = resolve(model, qname);
				const own = from['@_targetNamespace'] === model.tns ? 'tns' : from['@_targetNamespace'];
				if (ns !== XSD && ns !== own && !(from.import ?? []).some((i) => i['@_namespace'] === ns))
					undeclared.push(`${service} ${where}: ${qname} without <s:import> of its namespace`);
			};
			const walk = (element: RawElement, where: string, schema: RawSchema) => {
				if (element['@_type'] !== undefined) check(element['@_type'], where, schema);
				for (const inline of element.complexType ?? []) walkType(inline || {}, where, schema);
			};
			const walkType = (type: RawComplexType, where: string, schema: RawSchema) => {
				const extension = type.complexContent?.[0]?.extension?.[0];
				if (extension) check(extension['@_base'], `${where} base`, schema);
				const sequence = extension?.sequence?.[0] ?? type.sequence?.[0];
				for (const element of sequence?.element ?? [])
					walk(element, `${where}.${element['@_name']}`, schema);
			};
			for (const schema of model.schemas) {
				for (const element of schema.element ?? []) walk(element, element['@_name'] ?? '', schema);
				for (const type of schema.complexType ?? []) walkType(type, type['@_name'] ?? '', schema);
				for (const type of schema.simpleType ?? []) {
					const base = type.restriction?.[0]?.['@_base'];
					if (base !== undefined) check(base, type['@_name'], schema);
				}
			}
			for (const [name, parts] of model.messages) {
				for (const part of parts) {
					const element = resolve(model, part['@_element'] ?? '');
					if (element.ns !== 'tns' || !topElement(model, element.local))
						undeclared.push(`${service} message ${name}: element ${part['@_element']}`);
				}
			}
			const messageNamed = (qname: string | undefined) =>
				qname !== undefined && model.messages.has(resolve(model, qname).local);
			for (const op of model.portType) {
				if (
					!messageNamed(op.input?.[0]?.['@_message']) ||
					!messageNamed(op.output?.[0]?.['@_message'])
				)
					undeclared.push(`${service} portType ${op['@_name']}: a message`);
			}
			for (const binding of model.bindings) {
				for (const op of binding.operation ?? []) {
					if (!messageNamed(op.input?.[0]?.header?.[0]?.['@_message']))
						undeclared.push(`${service} ${binding['@_name']} ${op['@_name']}: header message`);
				}
			}
			const bindings = new Set(model.bindings.map((b) => `tns:${b['@_name']}`));
			for (const port of model.ports)
				if (!bindings.has(port['@_binding'])) undeclared.push(`${service} port ${port['@_name']}`);
		}
		expect(undeclared).toEqual([]);
	});

	it('declares GUIDs with the Microsoft guid type, as ASMX does, and only where one is used', () => {
		const company = texts.get('CompanyService') as string;
		expect(company).toContain('xmlns:s1="http://microsoft.com/wsdl/types/"');
		expect(company).toContain('<s:import namespace="http://microsoft.com/wsdl/types/" />');
		expect(company).toMatch(
			/<s:element minOccurs="1" maxOccurs="1" name="LabourAgreementSettingsGroupGuid" type="s1:guid" \/>/,
		);
		const model = models.get('CompanyService') as Model;
		const guid = schemaOf(model, GUID_NS)?.simpleType?.[0];
		expect(guid?.['@_name']).toBe('guid');
		expect(guid?.restriction?.[0]).toMatchObject({
			'@_base': 's:string',
			pattern: [{ '@_value': GUID_PATTERN }],
		});
		// The DebtorService has no GUID: like the real one, no guid schema and no import.
		expect(texts.get('DebtorService')).not.toContain(GUID_NS);
	});
});

describeNeedingShared(sharedWsdlsPresent(), SHARED_MISSING_MESSAGE)(
	'against the real v2.1 WSDL',
	() => {
		const realModels = new Map<ServiceName, Model>();
		const real = (service: ServiceName) => {
			let model = realModels.get(service);
			if (!model) {
				model = parseWsdl(readFileSync(path.join(WSDL_DIR, `${service}.wsdl`), 'utf8'));
				realModels.set(service, model);
			}
			return model;
		};

		it('offers every operation the real WSDL has', () => {
			for (const service of served.keys()) {
				const ours = new Set((models.get(service) as Model).portType.map((op) => op['@_name']));
				const lacking = real(service)
					.portType.map((op) => op['@_name'])
					.filter((name) => !ours.has(name));
				expect({ service, lacking }).toEqual({ service, lacking: [] });
			}
		});

		it('types every element as the real WSDL does (GUIDs, dates, decimals, enums, lists)', () => {
			const problems: string[] = [];
			let guids = 0;
			for (const service of served.keys()) {
				const ours = models.get(service) as Model;
				const theirs = real(service);
				const seen = new Set<string>();
				for (const { operation } of operationsOf(service)) {
					const kinds = new Set((operation.v3Differences ?? []).map((d) => d.kind));
					if (kinds.has('v3-only')) continue;
					const parts: Array<[string, boolean]> = [
						[operation.name, kinds.has('params-changed')],
						[`${operation.name}Response`, kinds.has('result-changed')],
					];
					for (const [wrapper, changed] of parts) {
						if (changed) continue;
						const realFields = wrapperFields(topElement(theirs, wrapper));
						const ourFields = wrapperFields(topElement(ours, wrapper)) ?? [];
						if (!realFields) continue;
						for (const field of realFields) {
							const mine = ourFields.find((f) => f['@_name'] === field['@_name']);
							const where = `${service}.${wrapper}.${field['@_name']}`;
							if (!mine) problems.push(`${where}: absent`);
							else compareElements(ours, mine, theirs, field, where, problems, seen);
						}
					}
				}
				guids += (texts.get(service)?.match(/type="s1:guid"/g) ?? []).length;
			}
			expect(problems).toEqual([]);
			// The real WSDLs have nine GUID elements (five in CompanyService, four in EmployeeService).
			expect(guids).toBeGreaterThanOrEqual(9);
		});
	},
);

describe('node-soap', () => {
	it('builds a client from the served WSDL and calls the v3-only Company_GetCurrentByEmployeeId', async () => {
		const world = emulator.world;
		const employee = world.employees[0];
		const company = world.companies.find((c) => c.id === employee.companyId);
		const client = await soap.createClientAsync(`${emulator.soapBaseUrl}CompanyService.asmx?wsdl`);
		client.addSoapHeader(
			`<AuthHeaderWithDomain xmlns="${NS('CompanyService')}"><Username>${ACCOUNTANT.email}</Username>` +
				`<Token>${ACCOUNTANT.token}</Token><Domain>${ACCOUNTANT.domain}</Domain></AuthHeaderWithDomain>`,
		);
		const method = client.Company_GetCurrentByEmployeeIdAsync as (
			args: unknown,
		) => Promise<[Record<string, Record<string, unknown>>]>;
		const [result] = await method.call(client, { EmployeeId: employee.id });
		expect(result.Company_GetCurrentByEmployeeIdResult).toMatchObject({
			ID: company?.id,
			Name: company?.name,
		});
	});
});
