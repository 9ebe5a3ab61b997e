/**
 * Reading a request envelope with the wire codec, the way ASMX does: the body element must be in
 * the service namespace (the api-sandbox host spelling is accepted too, REFERENCE §1.1); an element
 * in another namespace or with another name is ignored as if absent, so its parameter keeps .NET's
 * default (0, false, null) and the call gives a wrong answer or a fault, never the right one.
 */
import { serviceNamespace } from '../../nodes/Nmbrs/catalogue/types';
import type { ServiceName } from '../../nodes/Nmbrs/catalogue/types';
import type { ResolvedOperation } from '../../nodes/Nmbrs/catalogue';
import { readRequest, SOAP_ENVELOPE_NAMESPACE, WireError } from '../../nodes/Nmbrs/wire';
import type { RequestAuthHeader, SoapVersion, WireObject } from '../../nodes/Nmbrs/wire';

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

/** ASMX's words for a request it cannot read (never the client codec's, which speaks of Nmbrs' answers). */
export function unreadableRequest(body: string, error: WireError): MalformedRequestError {
	if (body.trim() === '')
		return new MalformedRequestError(`${READ_FAILED} (0, 0). ---> Root element is missing.`);
	const doctype = /<!DOCTYPE/i.exec(body);
	if (doctype) {
		const [line, column] = positionOf(body, doctype.index);
		return new MalformedRequestError(
			`${READ_FAILED} (${line}, ${column}). ---> For security reasons DTD is prohibited in this XML document.`,
		);
	}
	const root =
		/^(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->)*<(?:([A-Za-z_][\w.-]*):)?([A-Za-z_][\w.-]*)([^>]*)>/.exec(
			body.replace(/^\uFEFF/, ''),
		);
	if (root && root[2] === 'Envelope') {
		const declared = new RegExp(
			`\\sxmlns${root[1] ? `:${root[1]}` : ''}\\s*=\\s*(["'])(.*?)\\1`,
		).exec(root[3]);
		const namespace = declared?.[2] ?? '';
		if (!Object.values(SOAP_ENVELOPE_NAMESPACE).includes(namespace)) {
			return new MalformedRequestError(
				`Possible SOAP version mismatch: Envelope namespace ${namespace} was unexpected. Expecting ${SOAP_ENVELOPE_NAMESPACE['1.1']}.`,
				true,
			);
		}
	}
	// The parser's own position when it gave one ("3:17: unclosed tag"), else where the root starts.
	const parsed = /(\d+):(\d+):\s*([^)]*)/.exec(error.message);
	if (parsed)
		return new MalformedRequestError(
			`${READ_FAILED} (${parsed[1]}, ${parsed[2]}). ---> ${parsed[3].trim()}.`,
		);
	const [line, column] = root
		? positionOf(body, body.indexOf(`<${root[1] ? `${root[1]}:` : ''}${root[2]}`))
		: [1, 1];
	const found = root ? `<${root[2]}> was not expected` : 'Data at the root level is invalid';
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
