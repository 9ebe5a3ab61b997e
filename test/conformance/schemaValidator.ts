/**
 * Checks an answer against the real v2.1 schema (a WsdlModel), as a strict .NET client would
 * expect it: the body element `<Op>Response` in the service namespace, then every element against
 * its declaration: known to the type's sequence and in its order, required ones present, xsi:nil
 * only where nillable, xsi:type only to a derived type, scalar text in its lexical form, enum
 * values from the enumeration. Elements the v2.1 schema lacks pass only when ALLOWED_V3_ADDITIONS
 * names them.
 */
import type { WsdlModel } from '../contract/wsdlContract';
import type { V3Addition } from './v3Additions';
import { SOAP11, SOAP12, XSI, type XmlElement } from './xmlTree';

export type RawElement = WsdlModel['elements'] extends Map<string, infer E> ? E : never;
export type RawComplexType = WsdlModel['complexTypes'] extends Map<string, infer T> ? T : never;

/** One element a sequence allows. */
export interface Decl {
	name: string;
	/** As the WSDL writes it (`s:int`, `tns:Company`); absent = anyType. */
	type?: string;
	inline?: RawComplexType;
	min: number;
	max: number;
	nillable: boolean;
	/** Set when the element is a v3 addition, not in the WSDL. */
	addition?: V3Addition;
}

export interface Problem {
	/** Where: Response/Result/Company[2]/ID. */
	path: string;
	/** What, without the where: the key the summary groups by (e.g. "undeclared Company.Foo"). */
	reason: string;
}

export const localName = (qname: string): string => qname.slice(qname.indexOf(':') + 1);

export function declOf(element: RawElement): Decl {
	const max = element['@_maxOccurs'];
	return {
		name: element['@_name'],
		type: element['@_type'],
		// An empty `<s:complexType />` parses as '': a type without children.
		inline: element.complexType ? element.complexType[0] || {} : undefined,
		min: element['@_minOccurs'] === '0' ? 0 : 1,
		max: max === 'unbounded' ? Infinity : Number(max ?? 1),
		nillable: element['@_nillable'] === 'true',
	};
}

export const sequenceOf = (type: RawComplexType): Decl[] =>
	(type.sequence?.[0]?.element ?? []).map(declOf);

/** Fields of a named complex type, base type's first; `chain` is the type and its bases. */
export function fieldsOf(model: WsdlModel, typeName: string): { fields: Decl[]; chain: string[] } {
	const type = model.complexTypes.get(typeName);
	if (!type) return { fields: [], chain: [typeName] };
	const extension = type.complexContent?.[0]?.extension?.[0];
	if (!extension) return { fields: sequenceOf(type), chain: [typeName] };
	const base = fieldsOf(model, localName(extension['@_base']));
	const own = (extension.sequence?.[0]?.element ?? []).map(declOf);
	return { fields: [...base.fields, ...own], chain: [typeName, ...base.chain] };
}

const INT_RANGE: Record<string, [bigint, bigint]> = {
	's:int': [-(2n ** 31n), 2n ** 31n - 1n],
	's:long': [-(2n ** 63n), 2n ** 63n - 1n],
	's:short': [-(2n ** 15n), 2n ** 15n - 1n],
	's:unsignedByte': [0n, 255n],
};

function inRange(text: string, [min, max]: [bigint, bigint]): boolean {
	if (!/^[+-]?\d+$/.test(text)) return false;
	const value = BigInt(text);
	return value >= min && value <= max;
}

function validDateTime(text: string): boolean {
	const match =
		/^(-?\d{4,})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?$/.exec(
			text,
		);
	if (!match) return false;
	const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
	const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
	const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
	return days !== undefined && day >= 1 && day <= days && hour < 24 && minute < 60 && second < 60;
}

/** Lexical checks of the XSD types the WSDLs use, on whitespace-collapsed text. */
const SCALARS: Record<string, (text: string) => boolean> = {
	's:string': () => true,
	's:int': (t) => inRange(t, INT_RANGE['s:int']),
	's:long': (t) => inRange(t, INT_RANGE['s:long']),
	's:short': (t) => inRange(t, INT_RANGE['s:short']),
	's:unsignedByte': (t) => inRange(t, INT_RANGE['s:unsignedByte']),
	's:decimal': (t) => /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(t),
	's:double': (t) => /^(?:[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|-?INF|NaN)$/.test(t),
	's:boolean': (t) => /^(?:true|false|1|0)$/.test(t),
	's:dateTime': validDateTime,
	's:base64Binary': (t) => {
		const packed = t.replace(/\s+/g, '');
		return packed.length % 4 === 0 && /^[a-z\d+/]*={0,2}$/i.test(packed);
	},
	's1:guid': (t) => /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i.test(t),
};

export class SchemaValidator {
	/** `Type.Field` of every v3 addition an answer used. */
	readonly additionsSeen = new Set<string>();

	constructor(
		readonly model: WsdlModel,
		/** The service's v3 namespace every answer element must be in. */
		readonly namespace: string,
		private readonly additions: readonly V3Addition[],
	) {}

	/** The problems of a whole answer envelope to `operation` (none = valid). */
	validateResponse(operation: string, envelope: XmlElement): Problem[] {
		const problems: Problem[] = [];
		if (envelope.local !== 'Envelope' || (envelope.ns !== SOAP11 && envelope.ns !== SOAP12))
			return [{ path: '', reason: 'not a SOAP envelope' }];
		const body = envelope.children.find((c) => c.ns === envelope.ns && c.local === 'Body');
		if (!body) return [{ path: '', reason: 'no SOAP Body' }];
		if (body.children.length !== 1)
			return [{ path: 'Body', reason: `Body has ${body.children.length} elements, not 1` }];
		const answer = body.children[0];
		const wrapper = this.model.elements.get(`${operation}Response`);
		if (!wrapper) return [{ path: 'Body', reason: `${operation}Response is not in the WSDL` }];
		if (answer.local !== `${operation}Response` || answer.ns !== this.namespace) {
			return [
				{ path: 'Body', reason: `body element is {${answer.ns}}${answer.local}, not the response` },
			];
		}
		const label = `${operation}Response`;
		this.element(answer, declOf(wrapper), label, label, problems);
		return problems;
	}

	private derivesFrom(typeName: string, base: string): boolean {
		return fieldsOf(this.model, typeName).chain.includes(base);
	}

	/** One element against its declaration; `where` names it in reasons (`Company.ID`). */
	private element(
		node: XmlElement,
		decl: Decl,
		where: string,
		path: string,
		problems: Problem[],
	): void {
		for (const key of node.attrs.keys()) {
			if (!key.startsWith(`{${XSI}}`))
				problems.push({ path, reason: `undeclared attribute ${key} on ${where}` });
		}
		const nil = node.attrs.get(`{${XSI}}nil`);
		if (nil === 'true' || nil === '1') {
			if (!decl.nillable) problems.push({ path, reason: `xsi:nil on non-nillable ${where}` });
			if (node.children.length > 0 || node.text.trim() !== '')
				problems.push({ path, reason: `xsi:nil element with content: ${where}` });
			return;
		}
		if (decl.inline) {
			this.complex(node, sequenceOf(decl.inline), [`(${decl.name})`], path, problems);
			return;
		}
		if (decl.type === undefined) {
			// anyType, or a v3 addition of unknown type: any text, but no structure.
			if (decl.addition && node.children.length > 0)
				problems.push({ path, reason: `elements inside ${where}` });
			return;
		}
		const declared = decl.type;
		if (declared.startsWith('tns:')) {
			let typeName = localName(declared);
			if (this.model.enums.has(typeName)) {
				this.simple(node, where, path, problems, (t) => {
					const values = this.model.enums.get(typeName) ?? [];
					return values.includes(t);
				});
				return;
			}
			const xsiType = node.attrs.get(`{${XSI}}type`);
			if (xsiType !== undefined) {
				const colon = xsiType.indexOf(':');
				const ns = node.lookup(colon < 0 ? '' : xsiType.slice(0, colon));
				const actual = xsiType.slice(colon + 1);
				if (ns !== this.namespace || !this.derivesFrom(actual, typeName)) {
					problems.push({ path, reason: `xsi:type ${xsiType} is not a ${typeName}` });
					return;
				}
				typeName = actual;
			}
			if (!this.model.complexTypes.has(typeName)) {
				problems.push({ path, reason: `type ${typeName} is not in the WSDL` });
				return;
			}
			const { fields, chain } = fieldsOf(this.model, typeName);
			this.complex(node, fields, chain, path, problems);
			return;
		}
		const check = SCALARS[declared];
		if (!check) {
			problems.push({ path, reason: `type ${declared} unknown to the validator` });
			return;
		}
		this.simple(node, where, path, problems, check, declared);
	}

	private simple(
		node: XmlElement,
		where: string,
		path: string,
		problems: Problem[],
		check: (text: string) => boolean,
		typeName = 'enumeration',
	): void {
		if (node.children.length > 0) {
			problems.push({ path, reason: `elements inside simple ${where}` });
			return;
		}
		// Every type but string collapses whitespace.
		const text = typeName === 's:string' ? node.text : node.text.trim();
		if (!check(text)) problems.push({ path, reason: `bad ${typeName} value in ${where}` });
	}

	/** A complex type's content: its sequence of child elements, no text. */
	private complex(
		node: XmlElement,
		fields: Decl[],
		chain: string[],
		path: string,
		problems: Problem[],
	): void {
		const typeLabel = chain[0];
		if (node.text.trim() !== '') problems.push({ path, reason: `text inside ${typeLabel}` });
		const counts = new Map<string, number>();
		let next = 0;
		node.children.forEach((child, index) => {
			const childPath = `${path}/${child.local}[${index}]`;
			const field = `${typeLabel}.${child.local}`;
			if (child.ns !== this.namespace) {
				problems.push({ path: childPath, reason: `element ${field} in namespace "${child.ns}"` });
				return;
			}
			let at = next;
			while (at < fields.length && fields[at].name !== child.local) at++;
			if (at < fields.length) {
				const count = (counts.get(child.local) ?? 0) + 1;
				counts.set(child.local, count);
				if (count > fields[at].max) problems.push({ path: childPath, reason: `repeated ${field}` });
				next = fields[at].max > 1 ? at : at + 1;
				this.element(child, fields[at], field, childPath, problems);
				return;
			}
			const earlier = fields.find((f) => f.name === child.local);
			if (earlier) {
				const count = (counts.get(child.local) ?? 0) + 1;
				counts.set(child.local, count);
				problems.push({
					path: childPath,
					reason: count > earlier.max ? `repeated ${field}` : `out of order ${field}`,
				});
				this.element(child, earlier, field, childPath, problems);
				return;
			}
			const addition = this.additions.find(
				(a) => a.field === child.local && chain.includes(a.type),
			);
			if (!addition) {
				problems.push({ path: childPath, reason: `undeclared ${field}` });
				return;
			}
			this.additionsSeen.add(`${addition.type}.${addition.field}`);
			const decl: Decl = {
				name: child.local,
				min: 0,
				max: 1,
				nillable: addition.nillable,
				addition,
			};
			if (addition.xsdType !== undefined) decl.type = addition.xsdType;
			this.element(child, decl, field, childPath, problems);
		});
		for (const field of fields) {
			if (field.min > 0 && !counts.has(field.name))
				problems.push({ path, reason: `missing required ${typeLabel}.${field.name}` });
		}
	}
}

/** The fault text of a SOAP 1.1 or 1.2 fault envelope, or undefined when it is not one. */
export function faultText(envelope: XmlElement): string | undefined {
	const body = envelope.children.find((c) => c.local === 'Body');
	const fault = body?.children.find((c) => c.local === 'Fault');
	if (!fault) return undefined;
	const soap11 = fault.children.find((c) => c.local === 'faultstring');
	if (soap11) return soap11.text;
	const reason = fault.children.find((c) => c.local === 'Reason');
	return reason?.children.find((c) => c.local === 'Text')?.text ?? '';
}
