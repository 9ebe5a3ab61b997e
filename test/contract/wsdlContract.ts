/**
 * The contract checker: compares catalogue entries with the real v2.1 WSDLs.
 *
 * It parses the WSDLs with fast-xml-parser, on purpose NOT with the saxes reader the
 * generator uses (scripts/wsdl), so that a bug in one cannot hide in the other.
 * Type rules: date and dateTime are both xs:dateTime; xmlDocument is xs:string; guid is the
 * Microsoft guid type; anyType is an element without type; enum:X is the WSDL enumeration X
 * (values compared too); type:X is the complex type X (or an anonymous inline type of the same
 * fields); listItem is the child element of the ArrayOfX wrapper.
 */
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import { XMLParser } from 'fast-xml-parser';
import type { Catalogue, ComplexType, Field, Operation } from '../../nodes/Nmbrs/catalogue/types';

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const SHARED_DIR = path.resolve(REPO_ROOT, '../shared');
export const WSDL_DIR = path.join(SHARED_DIR, 'nmbrs-api/wsdl-v2.1');
export const SHARED_MISSING_MESSAGE = `the WSDL contract tests need ${WSDL_DIR}, which is absent`;

export function sharedWsdlsPresent(): boolean {
	return existsSync(WSDL_DIR);
}

/** An xs:simpleType as the parser gives it: an enumeration's values. */
interface RawSimpleType {
	'@_name': string;
	restriction?: { enumeration?: Array<{ '@_value': string }> };
}

interface RawElement {
	'@_name': string;
	'@_type'?: string;
	'@_minOccurs'?: string;
	'@_maxOccurs'?: string;
	'@_nillable'?: string;
	complexType?: RawComplexType[];
}
interface RawComplexType {
	'@_name'?: string;
	sequence?: Array<{ element?: RawElement[] }>;
	complexContent?: Array<{
		extension?: Array<{ '@_base': string; sequence?: Array<{ element?: RawElement[] }> }>;
	}>;
}

export interface WsdlModel {
	service: string;
	elements: Map<string, RawElement>;
	complexTypes: Map<string, RawComplexType>;
	enums: Map<string, string[]>;
	operations: Set<string>;
}

const ARRAYS = new Set([
	'element',
	'complexType',
	'simpleType',
	'enumeration',
	'schema',
	'operation',
	'sequence',
	'complexContent',
	'extension',
]);

export function loadWsdl(service: string): WsdlModel {
	const parser = new XMLParser({
		ignoreAttributes: false,
		attributeNamePrefix: '@_',
		removeNSPrefix: true,
		isArray: (tagName) => ARRAYS.has(tagName),
	});
	const doc = parser.parse(readFileSync(path.join(WSDL_DIR, `${service}.wsdl`), 'utf8'));
	const definitions = doc.definitions;
	const schema = (definitions.types.schema as Array<Record<string, unknown>>).find(
		(s) => s['@_targetNamespace'] === definitions['@_targetNamespace'],
	) as {
		element?: RawElement[];
		complexType?: RawComplexType[];
		simpleType?: RawSimpleType[];
	};
	const model: WsdlModel = {
		service,
		elements: new Map(),
		complexTypes: new Map(),
		enums: new Map(),
		operations: new Set(),
	};
	for (const element of schema.element ?? []) model.elements.set(element['@_name'], element);
	for (const type of schema.complexType ?? []) model.complexTypes.set(type['@_name'] ?? '', type);
	for (const simple of schema.simpleType ?? []) {
		const values = (simple.restriction?.enumeration ?? []).map((e) => e['@_value']);
		model.enums.set(simple['@_name'], values);
	}
	const portTypes = Array.isArray(definitions.portType)
		? definitions.portType
		: [definitions.portType];
	const soapPort = portTypes.find((p: Record<string, string>) => p['@_name'].endsWith('Soap'));
	for (const op of soapPort.operation) model.operations.add(op['@_name']);
	return model;
}

function sequenceOf(type: RawComplexType): { base?: string; fields: RawElement[] } {
	const extension = type.complexContent?.[0]?.extension?.[0];
	if (extension)
		return { base: localName(extension['@_base']), fields: extension.sequence?.[0]?.element ?? [] };
	return { fields: type.sequence?.[0]?.element ?? [] };
}

/** The inline type of a wrapper element; an empty `<s:complexType />` parses as '' and means no children. */
function wrapperType(element: RawElement | undefined): RawComplexType | undefined {
	if (!element?.complexType) return undefined;
	return element.complexType[0] || {};
}

const localName = (qname: string): string => qname.slice(qname.indexOf(':') + 1);

/** What the WSDL's type attribute must be for a catalogue scalar. */
function expectedScalar(type: string): string | undefined {
	switch (type) {
		case 'date':
		case 'dateTime':
			return 's:dateTime';
		case 'xmlDocument':
			return 's:string';
		case 'guid':
			return 's1:guid';
		case 'anyType':
			return undefined;
		default:
			return `s:${type}`;
	}
}

export class ContractChecker {
	readonly problems: string[] = [];
	private readonly checkedTypes = new Set<string>();

	constructor(
		private readonly wsdl: WsdlModel,
		private readonly catalogue: Catalogue,
	) {}

	/** Every type name this checker compared with the WSDL. */
	get typesChecked(): ReadonlySet<string> {
		return this.checkedTypes;
	}

	private report(where: string, message: string): void {
		this.problems.push(`${this.wsdl.service} ${where}: ${message}`);
	}

	checkOperation(op: Operation): void {
		const where = op.name;
		const differences = op.v3Differences ?? [];
		if (differences.some((d) => d.kind === 'v3-only')) {
			if (this.wsdl.operations.has(op.name))
				this.report(
					where,
					'marked v3-only but the v2.1 WSDL has it: remove the v3-only difference',
				);
			this.checkReferencedTypes([...op.params, ...(op.result ? [op.result] : [])], where);
			return;
		}
		if (!this.wsdl.operations.has(op.name)) {
			this.report(
				where,
				'operation not in the v2.1 WSDL (check the name and casing, or mark it v3-only)',
			);
			return;
		}
		const paramsChanged = differences.find((d) => d.kind === 'params-changed');
		const resultChanged = differences.find((d) => d.kind === 'result-changed');
		const input = wrapperType(this.wsdl.elements.get(op.name));
		const output = wrapperType(this.wsdl.elements.get(`${op.name}Response`));
		if (!input || !output) {
			this.report(where, 'request or response wrapper element missing in the WSDL');
			return;
		}
		const v21Params =
			paramsChanged && paramsChanged.kind === 'params-changed'
				? paramsChanged.v21Params
				: op.params;
		this.compareFields(v21Params, sequenceOf(input).fields, `${where} params`);
		if (paramsChanged) this.checkReferencedTypes(op.params, where);

		const wsdlResult = sequenceOf(output).fields;
		const v21Result =
			resultChanged && resultChanged.kind === 'result-changed'
				? resultChanged.v21Result
				: (op.result ?? null);
		this.compareFields(v21Result ? [v21Result] : [], wsdlResult, `${where} result`);
		if (resultChanged && op.result) this.checkReferencedTypes([op.result], where);
	}

	/** Types used only on the v3 side still get checked when the WSDL has them. */
	private checkReferencedTypes(fields: Field[], where: string): void {
		for (const field of fields) {
			const name = field.type.startsWith('type:') ? field.type.slice(5) : undefined;
			if (name && this.wsdl.complexTypes.has(name))
				this.checkNamedType(name, `${where} -> ${name}`);
		}
	}

	private compareFields(fields: Field[], wsdlFields: RawElement[], where: string): void {
		const ours = fields.map((f) => f.name).join(', ');
		const theirs = wsdlFields.map((e) => e['@_name']).join(', ');
		if (ours !== theirs) {
			this.report(where, `names/order differ: catalogue (${ours}), WSDL (${theirs})`);
			return;
		}
		fields.forEach((field, i) => this.compareField(field, wsdlFields[i], `${where}.${field.name}`));
	}

	private compareField(field: Field, element: RawElement, where: string): void {
		const optional = element['@_minOccurs'] === '0';
		const nillable = element['@_nillable'] === 'true';
		if (Boolean(field.optional) !== optional) this.report(where, `optional should be ${optional}`);
		if (Boolean(field.nillable) !== nillable) this.report(where, `nillable should be ${nillable}`);

		let typeAttr = element['@_type'];
		let inline = element.complexType?.[0];
		let itemName: string | undefined;
		if (typeAttr?.startsWith('tns:')) {
			const wrapper = this.wsdl.complexTypes.get(localName(typeAttr));
			const items = wrapper && !wrapper.complexContent ? sequenceOf(wrapper).fields : [];
			if (wrapper && items.length === 1 && items[0]['@_maxOccurs'] === 'unbounded') {
				itemName = items[0]['@_name'];
				typeAttr = items[0]['@_type'];
				inline = items[0].complexType?.[0];
			}
		}
		if (field.listItem !== itemName) {
			this.report(
				where,
				itemName
					? `is a list of <${itemName}>, catalogue says listItem ${field.listItem ?? '(none)'}`
					: `is not a list, catalogue says listItem ${field.listItem}`,
			);
			return;
		}
		this.compareType(field.type, typeAttr, inline, where);
	}

	private compareType(
		type: Field['type'],
		typeAttr: string | undefined,
		inline: RawComplexType | undefined,
		where: string,
	): void {
		if (type.startsWith('type:')) {
			const name = type.slice(5);
			if (inline) {
				const ours = this.catalogue.types[name];
				if (!ours) this.report(where, `type ${name} is not in the catalogue`);
				else {
					// Compared with the anonymous type where it is used (the name is the catalogue's).
					this.checkedTypes.add(name);
					this.compareFields(ours.fields, sequenceOf(inline).fields, `${where} (inline ${name})`);
				}
				return;
			}
			if (typeAttr !== `tns:${name}` || !this.wsdl.complexTypes.has(name)) {
				this.report(where, `type should be ${typeAttr ?? '(none)'}, catalogue says ${type}`);
				return;
			}
			this.checkNamedType(name, where);
			return;
		}
		if (type.startsWith('enum:')) {
			const name = type.slice(5);
			if (typeAttr !== `tns:${name}` || !this.wsdl.enums.has(name)) {
				this.report(where, `type should be ${typeAttr ?? '(none)'}, catalogue says ${type}`);
				return;
			}
			const ours = (this.catalogue.enums[name] ?? []).join(', ');
			const theirs = (this.wsdl.enums.get(name) ?? []).join(', ');
			if (ours !== theirs)
				this.report(where, `enum ${name} values differ: catalogue (${ours}), WSDL (${theirs})`);
			return;
		}
		if (inline) {
			this.report(where, `has an inline complex type, catalogue says ${type}`);
			return;
		}
		const expected = expectedScalar(type);
		if (expected !== typeAttr)
			this.report(
				where,
				`type should be ${typeAttr ?? '(untyped: anyType)'}, catalogue says ${type}`,
			);
	}

	/** A named complex type: base, then field names, order and types; v3AddedFields must be new and last. */
	checkNamedType(name: string, where = name): void {
		if (this.checkedTypes.has(name)) return;
		this.checkedTypes.add(name);
		const ours: ComplexType | undefined = this.catalogue.types[name];
		const theirs = this.wsdl.complexTypes.get(name);
		if (!ours) {
			this.report(where, `type ${name} is used but not in the catalogue`);
			return;
		}
		if (!theirs) {
			if (ours.source === 'wsdl')
				this.report(name, 'type not in the WSDL but its source says wsdl');
			return;
		}
		const { base, fields } = sequenceOf(theirs);
		if (ours.base !== base)
			this.report(
				`type ${name}`,
				`base should be ${base ?? '(none)'}, catalogue says ${ours.base ?? '(none)'}`,
			);
		if (base) this.checkNamedType(base, `${name} base`);
		const added = ours.v3AddedFields ?? [];
		const v21Fields = ours.fields.slice(0, ours.fields.length - added.length);
		const tail = ours.fields.slice(ours.fields.length - added.length).map((f) => f.name);
		if (added.length > 0 && tail.join(',') !== added.join(',')) {
			this.report(
				`type ${name}`,
				`v3AddedFields (${added.join(', ')}) must be the last fields, in that order`,
			);
		}
		this.compareFields(v21Fields, fields, `type ${name}`);
	}
}

/** Checks operations (and every type they reach) against one service's WSDL; returns the problems. */
export function checkAgainstWsdl(
	wsdl: WsdlModel,
	operations: Operation[],
	catalogue: Catalogue,
): { problems: string[]; typesChecked: ReadonlySet<string> } {
	const checker = new ContractChecker(wsdl, catalogue);
	for (const op of operations) checker.checkOperation(op);
	return { problems: checker.problems, typesChecked: checker.typesChecked };
}
