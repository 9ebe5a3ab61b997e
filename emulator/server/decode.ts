/**
 * Reading a request envelope with the wire codec, the way ASMX does: the body element must be in
 * the service namespace (the api-sandbox host spelling is accepted too, REFERENCE §1.1); an element
 * in another namespace or with another name is ignored as if absent, so its parameter keeps .NET's
 * default (0, false, null) and the call gives a wrong answer or a fault, never the right one.
 */
import { serviceNamespace } from '../../nodes/Nmbrs/catalogue/types';
import type { ServiceName } from '../../nodes/Nmbrs/catalogue/types';
import type { ResolvedOperation } from '../../nodes/Nmbrs/catalogue';
import { readRequest, SOAP_ENVELOPE_NAMESPACE, WireError } from '../../nodes/Nmbrs/catalogue/wire';
import type { RequestAuthHeader, SoapVersion, WireObject } from '../../nodes/Nmbrs/catalogue/wire';

export interface DecodedRequest {
	soapVersion: SoapVersion;
	/** The operation called; undefined when neither the action nor the body element names one. */
	resolved?: ResolvedOperation;
	/** Local name of the body's first element, for error messages. */
	bodyElement?: string;
	/** The auth header in the service namespace, null when absent or in another namespace. */
	auth: RequestAuthHeader | null;
	params: WireObject;
}

/** The request could not be read as XML / SOAP at all. */
export class MalformedRequestError extends Error {}

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
		if (error instanceof WireError) throw new MalformedRequestError(error.message);
		throw error;
	}

	const bodyInServiceNamespace = result.namespace !== undefined && accepted.has(result.namespace);
	const auth = bodyInServiceNamespace ? result.header : null;
	let params = result.params;
	if (resolved && !result.operation) {
		// Routed by the action, but the body element has another name or namespace: .NET reads
		// nothing from it, so every parameter keeps its default. The codec supplies those defaults.
		params = readRequest(emptyCall(result.soapVersion, resolved), resolved.catalogue, () => resolved?.operation).params;
	}
	const decoded: DecodedRequest = { soapVersion: result.soapVersion, auth, params };
	if (resolved) decoded.resolved = resolved;
	if (result.operationName !== undefined) decoded.bodyElement = result.operationName;
	return decoded;
}

function emptyCall(soapVersion: SoapVersion, resolved: ResolvedOperation): string {
	const { service, name } = resolved.operation;
	return (
		`<soap:Envelope xmlns:soap="${SOAP_ENVELOPE_NAMESPACE[soapVersion]}"><soap:Body>` +
		`<${name} xmlns="${serviceNamespace(service)}"/></soap:Body></soap:Envelope>`
	);
}
