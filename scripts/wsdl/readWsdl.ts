/**
 * Reads an ASMX WSDL (the real Nmbrs v2.1 files in ../shared) into plain facts:
 * operations with their input/output elements and headers, named and anonymous complex
 * types, and string enumerations. Used by the catalogue generator and the contract test,
 * never at run time of the node.
 */
import { SaxesParser } from 'saxes';

const XS = 'http://www.w3.org/2001/XMLSchema';
const WSDL = 'http://schemas.xmlsoap.org/wsdl/';
const SOAP11 = 'http://schemas.xmlsoap.org/wsdl/soap/';
const MS_TYPES = 'http://microsoft.com/wsdl/types/';

/** A type reference as written in the WSDL: XSD built-in, Microsoft guid, or a tns type. */
export interface WsdlTypeRef {
	kind: 'xsd' | 'tns';
	/** Local name: `int`, `guid`, `ArrayOfCompany`... */
	name: string;
}

export interface WsdlElement {
	name: string;
	/** Absent when the element has no type attribute (an untyped element = anyType). */
	type?: WsdlTypeRef;
	/** Inline anonymous complex type, when the element declares one. */
	inline?: WsdlComplexType;
	minOccurs: number;
	/** 'unbounded' becomes Infinity. */
	maxOccurs: number;
	nillable: boolean;
}

export interface WsdlComplexType {
	/** Empty for anonymous types. */
	name: string;
	base?: WsdlTypeRef;
	fields: WsdlElement[];
}

export interface WsdlOperation {
	name: string;
	inputElement: string;
	outputElement: string;
	/** Header element names declared on the SOAP 1.1 binding (`AuthHeader`, `AuthHeaderWithDomain`). */
	headers: string[];
}

export interface WsdlFacts {
	targetNamespace: string;
	/** Top-level `s:element`s: operation wrappers (inline type) and header elements (typed). */
	elements: Map<string, WsdlElement>;
	complexTypes: Map<string, WsdlComplexType>;
	/** String enumerations: name -> values in WSDL order. */
	enums: Map<string, string[]>;
	/** In portType order. */
	operations: WsdlOperation[];
}

interface OpenNode {
	local: string;
	uri: string;
	attributes: Record<string, string>;
	/** What this node builds, if anything. */
	element?: WsdlElement;
	complexType?: WsdlComplexType;
	enumName?: string;
}

export function readWsdl(xml: string): WsdlFacts {
	const facts: WsdlFacts = {
		targetNamespace: '',
		elements: new Map(),
		complexTypes: new Map(),
		enums: new Map(),
		operations: [],
	};
	const messages = new Map<string, string>(); // message name -> part element local name
	const portTypeOps: Array<{ name: string; input: string; output: string }> = [];
	const bindingHeaders = new Map<string, string[]>(); // op -> header message names (SOAP 1.1)

	const stack: OpenNode[] = [];
	const parser = new SaxesParser({ xmlns: true });
	let nsContext: Array<Record<string, string>> = [];

	const resolveQName = (qname: string): WsdlTypeRef => {
		const [prefix, local] = qname.includes(':') ? qname.split(':') : ['', qname];
		let uri: string | undefined;
		for (let i = nsContext.length - 1; i >= 0 && uri === undefined; i--) uri = nsContext[i][prefix];
		if (uri === XS || uri === MS_TYPES) return { kind: 'xsd', name: local };
		if (uri === facts.targetNamespace) return { kind: 'tns', name: local };
		throw new Error(
			`WSDL type "${qname}" is in an unexpected namespace "${uri ?? '(undeclared)'}"`,
		);
	};
	const localOf = (qname: string): string => (qname.includes(':') ? qname.split(':')[1] : qname);
	const nearest = <K extends keyof OpenNode>(key: K): OpenNode | undefined => {
		for (let i = stack.length - 1; i >= 0; i--) if (stack[i][key] !== undefined) return stack[i];
		return undefined;
	};

	parser.on('opentag', (tag) => {
		const attributes: Record<string, string> = {};
		const declared: Record<string, string> = {};
		for (const [key, attr] of Object.entries(tag.attributes)) {
			const a = attr as { value: string; prefix: string; local: string };
			attributes[key] = a.value;
			if (a.prefix === 'xmlns') declared[a.local] = a.value;
			else if (key === 'xmlns') declared[''] = a.value;
		}
		nsContext = [...nsContext, declared];
		const node: OpenNode = { local: tag.local, uri: tag.uri, attributes };
		const parent = stack[stack.length - 1];

		if (tag.uri === WSDL && tag.local === 'definitions')
			facts.targetNamespace = attributes.targetNamespace;

		if (tag.uri === XS) {
			if (tag.local === 'element') {
				const element: WsdlElement = {
					name: attributes.name ?? localOf(attributes.ref ?? ''),
					type: attributes.type ? resolveQName(attributes.type) : undefined,
					minOccurs: attributes.minOccurs === undefined ? 1 : Number(attributes.minOccurs),
					maxOccurs:
						attributes.maxOccurs === 'unbounded'
							? Infinity
							: attributes.maxOccurs === undefined
								? 1
								: Number(attributes.maxOccurs),
					nillable: attributes.nillable === 'true',
				};
				node.element = element;
				const owner = nearest('complexType');
				if (parent?.local === 'schema') facts.elements.set(element.name, element);
				else if (
					owner?.complexType &&
					owner.complexType !== undefined &&
					isDirectSequenceChild(stack, owner)
				)
					owner.complexType.fields.push(element);
			} else if (tag.local === 'complexType') {
				const type: WsdlComplexType = { name: attributes.name ?? '', fields: [] };
				node.complexType = type;
				if (parent?.local === 'schema') facts.complexTypes.set(type.name, type);
				else if (parent?.element) parent.element.inline = type;
			} else if (tag.local === 'extension') {
				const owner = nearest('complexType');
				if (owner?.complexType) owner.complexType.base = resolveQName(attributes.base);
			} else if (tag.local === 'simpleType' && parent?.local === 'schema') {
				node.enumName = attributes.name;
				facts.enums.set(attributes.name, []);
			} else if (tag.local === 'enumeration') {
				const owner = nearest('enumName');
				if (owner?.enumName) facts.enums.get(owner.enumName)?.push(attributes.value);
			} else if (tag.local === 'any' || tag.local === 'choice' || tag.local === 'attribute') {
				// Not used by the Nmbrs data types; refuse rather than silently misread.
				throw new Error(
					`WSDL uses xs:${tag.local}, which this reader does not handle: extend scripts/wsdl/readWsdl.ts`,
				);
			}
		}

		if (tag.uri === WSDL) {
			if (tag.local === 'part' && parent?.local === 'message') {
				messages.set(parent.attributes.name, localOf(attributes.element ?? ''));
			} else if (
				tag.local === 'operation' &&
				parent?.local === 'portType' &&
				parent.attributes.name.endsWith('Soap')
			) {
				portTypeOps.push({ name: attributes.name, input: '', output: '' });
			} else if (
				(tag.local === 'input' || tag.local === 'output') &&
				parent?.local === 'operation'
			) {
				const grand = stack[stack.length - 2];
				if (grand?.local === 'portType' && grand.attributes.name.endsWith('Soap')) {
					portTypeOps[portTypeOps.length - 1][tag.local] = localOf(attributes.message);
				}
			}
		}
		if (tag.uri === SOAP11 && tag.local === 'header') {
			const opNode = stack[stack.length - 2];
			const binding = stack[stack.length - 3];
			if (
				opNode?.local === 'operation' &&
				binding?.local === 'binding' &&
				parent?.local === 'input'
			) {
				const list = bindingHeaders.get(opNode.attributes.name) ?? [];
				list.push(localOf(attributes.message));
				bindingHeaders.set(opNode.attributes.name, list);
			}
		}
		stack.push(node);
	});
	parser.on('closetag', () => {
		stack.pop();
		nsContext = nsContext.slice(0, -1);
	});
	parser.write(xml).close();

	for (const op of portTypeOps) {
		const inputElement = messages.get(op.input);
		const outputElement = messages.get(op.output);
		if (!inputElement || !outputElement)
			throw new Error(`WSDL operation ${op.name} has no input/output message part`);
		facts.operations.push({
			name: op.name,
			inputElement,
			outputElement,
			headers: (bindingHeaders.get(op.name) ?? []).map((m) => messages.get(m) ?? m),
		});
	}
	// Simple types that are not enumerations are not expected; drop empty entries defensively.
	for (const [name, values] of facts.enums) if (values.length === 0) facts.enums.delete(name);
	return facts;
}

/** True when the element being opened sits in the sequence of `owner` (not deeper, in a nested element). */
function isDirectSequenceChild(stack: OpenNode[], owner: OpenNode): boolean {
	const index = stack.indexOf(owner);
	for (let i = index + 1; i < stack.length; i++) if (stack[i].element) return false;
	return true;
}
