/**
 * A namespace-aware element tree of an answer, read with fast-xml-parser: on purpose not with
 * saxes, which the node's own wire reader uses, so that a bug in one cannot hide in the other.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
export const SOAP11 = 'http://schemas.xmlsoap.org/soap/envelope/';
export const SOAP12 = 'http://www.w3.org/2003/05/soap-envelope';

export interface XmlElement {
	/** Namespace URI ('' when none). */
	ns: string;
	local: string;
	/** Attributes by `{uri}local` (`local` when unqualified), namespace declarations left out. */
	attrs: Map<string, string>;
	children: XmlElement[];
	/** The element's own text (CDATA included), children's text not. */
	text: string;
	/** Resolves a prefix in this element's scope ('' = the default namespace). */
	lookup(prefix: string): string | undefined;
}

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({
	preserveOrder: true,
	ignoreAttributes: false,
	attributeNamePrefix: '',
	parseTagValue: false,
	parseAttributeValue: false,
	trimValues: false,
	cdataPropName: '#cdata',
	commentPropName: '#comment',
	processEntities: true,
});

const split = (qname: string): [string, string] => {
	const colon = qname.indexOf(':');
	return colon < 0 ? ['', qname] : [qname.slice(0, colon), qname.slice(colon + 1)];
};

function textOf(nodes: Ordered[]): string {
	let text = '';
	for (const node of nodes) {
		if ('#text' in node) text += String(node['#text']);
		else if ('#cdata' in node)
			text += (node['#cdata'] as Ordered[]).map((n) => String(n['#text'] ?? '')).join('');
	}
	return text;
}

function build(node: Ordered, scope: Map<string, string>): XmlElement | undefined {
	const name = Object.keys(node).find((k) => k !== ':@' && !k.startsWith('#') && k !== '?xml');
	if (name === undefined) return undefined;
	const rawAttrs = node[':@'] ?? {};
	let inner = scope;
	for (const [attr, value] of Object.entries(rawAttrs)) {
		if (attr === 'xmlns' || attr.startsWith('xmlns:')) {
			if (inner === scope) inner = new Map(scope);
			inner.set(attr === 'xmlns' ? '' : attr.slice(6), value);
		}
	}
	const [prefix, local] = split(name);
	const attrs = new Map<string, string>();
	for (const [attr, value] of Object.entries(rawAttrs)) {
		if (attr === 'xmlns' || attr.startsWith('xmlns:')) continue;
		const [p, l] = split(attr);
		// An unprefixed attribute has no namespace (the default namespace does not apply).
		attrs.set(p === '' ? l : `{${inner.get(p) ?? p}}${l}`, value);
	}
	const content = (node[name] as Ordered[]) ?? [];
	const finalScope = inner;
	return {
		ns: finalScope.get(prefix) ?? '',
		local,
		attrs,
		children: content.flatMap((child) => build(child, finalScope) ?? []),
		text: textOf(content),
		lookup: (p) => finalScope.get(p),
	};
}

/** The document element, or a message saying why the text is not well-formed XML. */
export function parseXml(xml: string): XmlElement | string {
	const valid = XMLValidator.validate(xml);
	if (valid !== true) return `not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`;
	const nodes = parser.parse(xml) as Ordered[];
	const roots = nodes.flatMap((node) => build(node, new Map([['xml', 'xml']])) ?? []);
	if (roots.length !== 1) return `expected one document element, found ${roots.length}`;
	return roots[0];
}

/** The child elements of `parent` with this namespace and local name. */
export const childrenNamed = (parent: XmlElement, ns: string, local: string): XmlElement[] =>
	parent.children.filter((c) => c.ns === ns && c.local === local);
