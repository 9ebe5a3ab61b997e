/**
 * Reading a request envelope with the wire codec, the way ASMX does: the body element must be in
 * the service namespace (the api-sandbox host spelling is accepted too, REFERENCE §1.1); an element
 * in another namespace or with another name is ignored as if absent, so its parameter keeps .NET's
 * default (0, false, null) and the call gives a wrong answer or a fault, never the right one.
 */
import { serviceNamespace } from '../../../nodes/Nmbrs/catalogue/types';
import type { ServiceName } from '../../../nodes/Nmbrs/catalogue/types';
import type { ResolvedOperation } from '../../../nodes/Nmbrs/catalogue';
import {
	excerptOf,
	readRequest,
	SOAP_ENVELOPE_NAMESPACE,
	WireError,
} from '../../../nodes/Nmbrs/wire';
import type { RequestAuthHeader, SoapVersion, WireObject } from '../../../nodes/Nmbrs/wire';

export interface DecodedRequest {
	soapVersion: SoapVersion;
	/** The operation called; undefined when neither the action nor the body element names one. */
	resolved?: ResolvedOperation;
	/** Local name of the body's first element, for error messages. */
	bodyElement?: string;
	/** The auth header in the service namespace (whatever the body's), null when absent or in another namespace. */
	auth: RequestAuthHeader | null;
	params: WireObject;
}

/**
 * The request could not be read as XML / SOAP at all. The message is worded as ASMX words it;
 * `versionMismatch` when the root is an Envelope in a namespace that is no SOAP version's.
 */
export class MalformedRequestError extends Error {
	constructor(
		message: string,
		readonly versionMismatch = false,
	) {
		super(message);
	}
}

const READ_FAILED = 'Server was unable to read request. ---> There is an error in XML document';

/** Line and column (1-based) of an offset in a text. */
function positionOf(text: string, offset: number): [number, number] {
	const before = text.slice(0, offset).split('\n');
	return [before.length, before[before.length - 1].length + 1];
}

/** The root element's prefix, local name and attribute text, found by scanning past a BOM,
 * whitespace, processing instructions and comments (one pass, no backtracking). */
function rootElement(
	body: string,
): { index: number; prefix?: string; local: string; attributes: string } | undefined {
	let at = body.startsWith('\uFEFF') ? 1 : 0;
	for (;;) {
		while (at < body.length && /\s/.test(body[at] as string)) at++;
		const [open, close] = body.startsWith('<?', at)
			? ['<?', '?>']
			: body.startsWith('<!--', at)
				? ['<!--', '-->']
				: [];
		if (open === undefined || close === undefined) break;
		const end = body.indexOf(close, at + open.length);
		if (end < 0) return undefined;
		at = end + close.length;
	}
	const name = /<(?:([A-Z_][\w.-]*):)?([A-Z_][\w.-]*)/iy;
	name.lastIndex = at;
	const match = name.exec(body);
	if (!match) return undefined;
	const close = body.indexOf('>', name.lastIndex);
	if (close < 0) return undefined;
	const root = {
		index: at,
		local: match[2] as string,
		attributes: body.slice(name.lastIndex, close),
	};
	return match[1] === undefined ? root : { ...root, prefix: match[1] };
}

/** The value of `xmlns` (or `xmlns:prefix`) in an attribute text, '' when not declared. */
function declaredNamespace(attributes: string, prefix: string | undefined): string {
	const wanted = prefix === undefined ? 'xmlns' : `xmlns:${prefix}`;
	const attribute = /\s*([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;
	for (let match = attribute.exec(attributes); match; match = attribute.exec(attributes)) {
		if (match[1] === wanted) return match[2] ?? match[3] ?? '';
	}
	return '';
}

/** ASMX's words for a request it cannot read (never the client codec's, which speaks of Nmbrs' answers). */
export function unreadableRequest(body: string, error: WireError): MalformedRequestError {
	if (error.refusedAt) {
		const { line, column } = error.refusedAt;
		return new MalformedRequestError(`${READ_FAILED} (${line}, ${column}). ---> ${error.message}`);
	}
	if (body.trim() === '')
		return new MalformedRequestError(`${READ_FAILED} (0, 0). ---> Root element is missing.`);
	const doctype = /<!DOCTYPE/i.exec(body);
	if (doctype) {
		const [line, column] = positionOf(body, doctype.index);
		return new MalformedRequestError(
			`${READ_FAILED} (${line}, ${column}). ---> For security reasons DTD is prohibited in this XML document.`,
		);
	}
	const root = rootElement(body);
	if (root && root.local === 'Envelope') {
		const namespace = declaredNamespace(root.attributes, root.prefix);
		if (!Object.values(SOAP_ENVELOPE_NAMESPACE).includes(namespace)) {
			return new MalformedRequestError(
				`Possible SOAP version mismatch: Envelope namespace ${excerptOf(namespace, 200)} was unexpected. Expecting ${SOAP_ENVELOPE_NAMESPACE['1.1']}.`,
				true,
			);
		}
	}
	// The parser's own position when it gave one ("3:17: unclosed tag"), else where the root starts.
	const parsed = /\((\d+):(\d+):([^)]*)/.exec(error.message.slice(0, 1000));
	if (parsed)
		return new MalformedRequestError(
			`${READ_FAILED} (${parsed[1]}, ${parsed[2]}). ---> ${excerptOf(parsed[3] as string, 200)}.`,
		);
	const [line, column] = root ? positionOf(body, root.index) : [1, 1];
	const found = root
		? `<${excerptOf(root.local, 100)}> was not expected`
		: 'Data at the root level is invalid';
	return new MalformedRequestError(`${READ_FAILED} (${line}, ${column}). ---> ${found}.`);
}

export function acceptedNamespaces(service: ServiceName): string[] {
	const official = serviceNamespace(service);
	return [official, official.replace('https://api.nmbrs.nl/', 'https://api-sandbox.nmbrs.nl/')];
}

/**
 * `byAction` is the operation the SOAPAction / action parameter named, if known; otherwise the
 * body element decides. `find` looks an operation of this service up by name.
 */
export function decodeRequest(
	service: ServiceName,
	body: string,
	byAction: ResolvedOperation | undefined,
	find: (name: string) => ResolvedOperation | undefined,
	fallbackCatalogue: ResolvedOperation['catalogue'],
): DecodedRequest {
	const accepted = new Set(acceptedNamespaces(service));
	let resolved = byAction;
	let needsOwnCatalogue = false;
	const read = (catalogue: ResolvedOperation['catalogue']) =>
		readRequest(body, catalogue, (name, namespace) => {
			if (!accepted.has(namespace)) return undefined;
			if (byAction) return name === byAction.operation.name ? byAction.operation : undefined;
			const found = find(name);
			if (!found) return undefined;
			resolved = found;
			if (found.catalogue !== catalogue) {
				// Its types live in another catalogue: read again with that one.
				needsOwnCatalogue = true;
				return undefined;
			}
			return found.operation;
		});

	let result;
	try {
		result = read(byAction?.catalogue ?? fallbackCatalogue);
		if (needsOwnCatalogue && resolved) result = read(resolved.catalogue);
	} catch (error) {
		if (error instanceof WireError) throw unreadableRequest(body, error);
		throw error;
	}

	// The codec pairs the header with the body element's namespace. ASMX reads the header on its
	// own: an auth header in the service namespace counts even when the body element is foreign.
	const bodyInServiceNamespace = result.namespace !== undefined && accepted.has(result.namespace);
	const auth =
		(bodyInServiceNamespace ? result.header : null) ??
		headerInNamespaces(body, [...accepted], resolved?.catalogue ?? fallbackCatalogue);
	let params = result.params;
	if (resolved && !result.operation) {
		// Routed by the action, but the body element has another name or namespace: .NET reads
		// nothing from it, so every parameter keeps its default. The codec supplies those defaults.
		params = readRequest(
			emptyCall(result.soapVersion, resolved),
			resolved.catalogue,
			() => resolved?.operation,
		).params;
	}
	const decoded: DecodedRequest = { soapVersion: result.soapVersion, auth, params };
	if (resolved) decoded.resolved = resolved;
	if (result.operationName !== undefined) decoded.bodyElement = result.operationName;
	return decoded;
}

/**
 * The auth header in one of `namespaces`: the envelope read again with its Body holding only an
 * empty element in that namespace (the codec takes the header that matches the body's namespace).
 */
function headerInNamespaces(
	body: string,
	namespaces: string[],
	catalogue: ResolvedOperation['catalogue'],
): RequestAuthHeader | null {
	const open = /<((?:[A-Za-z_][\w.-]*:)?)Body(?:\s[^>]*?)?(\/?)>/.exec(body);
	if (!open) return null;
	const afterOpen = open.index + open[0].length;
	const close = `</${open[1]}Body>`;
	const end = open[2] === '/' ? afterOpen : body.lastIndexOf(close);
	if (end < afterOpen) return null;
	for (const namespace of namespaces) {
		const probe = `<Probe xmlns="${namespace}"/>`;
		const xml =
			open[2] === '/'
				? `${body.slice(0, open.index)}<${open[1]}Body>${probe}${close}${body.slice(afterOpen)}`
				: `${body.slice(0, afterOpen)}${probe}${body.slice(end)}`;
		try {
			const header = readRequest(xml, catalogue, () => undefined).header;
			if (header) return header;
		} catch (error) {
			if (!(error instanceof WireError)) throw error;
		}
	}
	return null;
}

function emptyCall(soapVersion: SoapVersion, resolved: ResolvedOperation): string {
	const { service, name } = resolved.operation;
	return (
		`<soap:Envelope xmlns:soap="${SOAP_ENVELOPE_NAMESPACE[soapVersion]}"><soap:Body>` +
		`<${name} xmlns="${serviceNamespace(service)}"/></soap:Body></soap:Envelope>`
	);
}
