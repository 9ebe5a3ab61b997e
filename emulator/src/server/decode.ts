/**
 * Reading a request envelope with the wire codec, the way ASMX does: the body element must be in
 * the service namespace (the api-sandbox host spelling is accepted too, REFERENCE §1.1); an element
 * in another namespace or with another name is ignored as if absent, so its parameter keeps .NET's
 * default (0, false, null) and the call gives a wrong answer or a fault, never the right one.
 * A value .NET cannot convert (text in an int, a date or a GUID, an unknown enum name) gets
 * XmlSerializer's fault, found by a second pass with .NET's conversion rules (see wrongValue).
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { serviceNamespace } from '../../../nodes/Nmbrs/catalogue/types';
import type { Catalogue, Field, ServiceName } from '../../../nodes/Nmbrs/catalogue/types';
import type { ResolvedOperation } from '../../../nodes/Nmbrs/catalogue';
import {
	excerptOf,
	MAX_DEPTH,
	readRequest,
	SOAP_ENVELOPE_NAMESPACE,
	WireError,
	XSI_NAMESPACE,
} from '../../../nodes/Nmbrs/wire';
import type { RequestAuthHeader, SoapVersion, WireObject } from '../../../nodes/Nmbrs/wire';
import { isValueType, kindOf, type FieldKind } from '../../../nodes/Nmbrs/wire/shape';

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

/** Line and column (1-based) of an offset in a text; \r\n and a lone \r end a line too, as in XML. */
function positionOf(text: string, offset: number): [number, number] {
	const before = text.slice(0, offset).split(/\r\n?|\n/);
	return [before.length, (before[before.length - 1] as string).length + 1];
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
		if (!(error instanceof WireError)) throw error;
		// A value .NET cannot convert, met before the XML breaks, is what ASMX reports. A refusal
		// (nesting too deep, another encoding) comes first: the second pass must not read past it.
		const wrong = error.refusedAt || !resolved ? undefined : wrongValue(body, resolved, accepted);
		throw wrong ?? unreadableRequest(body, error);
	}
	// The codec is more lenient than .NET (a GUID or enum name is not checked, 1e5 is a number).
	const wrong = result.operation && resolved ? wrongValue(body, resolved, accepted) : undefined;
	if (wrong) throw wrong;

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

// ---------------------------------------------------------------- values .NET cannot convert

/**
 * The inner messages are .NET Framework's own (mscorlib and System.Xml resource strings, thrown by
 * XmlConvert / Int32.Parse / new Guid as XmlSerializer calls them). REFERENCE.md records no Nmbrs
 * answer to a wrong value (§ non-Nmbrs faults: "malformed XML -> ASMX client fault", inferred), so
 * all of them are assumed from .NET, not observed from Nmbrs.
 */
const FORMAT = 'Input string was not in a correct format.';
const overflow = (type: string) => `Value was either too large or too small for ${type}.`;
const GUID_LENGTH =
	'Guid should contain 32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).';
const GUID_HEX = 'Guid string should only contain hexadecimal characters.';

/** Number parsing's white space (U+0009 to U+000D and space); XmlConvert trims only four of them. */
const NUMBER_WHITE = new Set(['\t', '\n', '\v', '\f', '\r', ' ']);
const XML_WHITE = new Set(['\t', '\n', '\r', ' ']);

/** `text` without leading and trailing characters of `white` (a loop: values may be long). */
function trimOf(text: string, white: Set<string>): string {
	let start = 0;
	let end = text.length;
	while (start < end && white.has(text.charAt(start))) start++;
	while (end > start && white.has(text.charAt(end - 1))) end--;
	return text.slice(start, end);
}

/** Int32.Parse / Int64.Parse with XmlConvert's styles: white space and a sign allowed. */
function integerError(text: string, bits: 32 | 64): string | undefined {
	const trimmed = trimOf(text, NUMBER_WHITE);
	if (!/^[+-]?\d+$/.test(trimmed)) return FORMAT;
	const value = BigInt(trimmed);
	const limit = bits === 32 ? 2n ** 31n : 2n ** 63n;
	return value < -limit || value >= limit
		? overflow(bits === 32 ? 'an Int32' : 'an Int64')
		: undefined;
}

/** Decimal.Parse with XmlConvert's styles: a sign and a point, no exponent; 29 whole digits at most. */
function decimalError(text: string): string | undefined {
	const match = /^[+-]?(\d*)(?:\.(\d*))?$/.exec(trimOf(text, NUMBER_WHITE));
	if (!match || `${match[1] ?? ''}${match[2] ?? ''}` === '') return FORMAT;
	const whole = (match[1] ?? '').replace(/^0+/, '');
	const max = '79228162514264337593543950335';
	return whole.length > max.length || (whole.length === max.length && whole > max)
		? overflow('a Decimal')
		: undefined;
}

/** XmlConvert.ToDouble: INF and -INF, else Double.Parse (exponent allowed, NaN and Infinity too). */
function doubleError(text: string): string | undefined {
	const trimmed = trimOf(text, XML_WHITE);
	if (['INF', '-INF', 'NaN', 'Infinity', '-Infinity'].includes(trimmed)) return undefined;
	if (!/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i.test(trimmed)) return FORMAT;
	return Number.isFinite(Number(trimmed)) ? undefined : overflow('a Double');
}

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function validDay(year: number, month: number, day: number): boolean {
	const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
	return day >= 1 && day <= (month === 2 && !leap ? 28 : (DAYS[month - 1] ?? 0));
}

const ZONE = '(?:Z|z|[+-]\\d{2}:\\d{2})?';
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})(?:\\.\\d+)?';
/**
 * XmlSerializer reads xs:dateTime with XsdDateTimeFlags.AllXsd: a dateTime, date, time, gYearMonth,
 * gYear, gMonthDay, gMonth or gDay, each with an optional zone (Z or ±hh:mm) and white space around.
 */
const ALL_XSD: Array<[RegExp, (m: RegExpExecArray) => boolean]> = [
	[
		new RegExp(`^(\\d{4})-(\\d{2})-(\\d{2})(?:T${TIME})?${ZONE}$`),
		(m) =>
			Number(m[1]) >= 1 &&
			validDay(Number(m[1]), Number(m[2]), Number(m[3])) &&
			(m[4] === undefined || (Number(m[4]) < 24 && Number(m[5]) < 60 && Number(m[6]) < 60)),
	],
	[
		new RegExp(`^${TIME}${ZONE}$`),
		(m) => Number(m[1]) < 24 && Number(m[2]) < 60 && Number(m[3]) < 60,
	],
	[
		new RegExp(`^(\\d{4})(?:-(\\d{2}))?${ZONE}$`),
		(m) => Number(m[1]) >= 1 && (m[2] === undefined || between(m[2], 1, 12)),
	],
	[
		new RegExp(`^--(\\d{2})(?:-(\\d{2})|--)?${ZONE}$`),
		(m) =>
			between(m[1], 1, 12) && (m[2] === undefined || validDay(2000, Number(m[1]), Number(m[2]))),
	],
	[new RegExp(`^---(\\d{2})${ZONE}$`), (m) => between(m[1], 1, 31)],
];

function isAllXsd(text: string): boolean {
	const trimmed = text.trim();
	return ALL_XSD.some(([pattern, valid]) => {
		const match = pattern.exec(trimmed);
		return match !== null && valid(match);
	});
}

function between(digits: string | undefined, low: number, high: number): boolean {
	const value = Number(digits);
	return value >= low && value <= high;
}

/**
 * new Guid(text): 32 hex digits, optionally with dashes (8-4-4-4-12) and braces or parentheses;
 * the {0x…,0x…,…} form is accepted as a shape only (its own messages are not reproduced).
 */
function guidError(text: string): string | undefined {
	const guid = text.trim();
	if (guid === '') return 'Unrecognized Guid format.';
	if (guid.includes('-')) {
		const wrapped = guid.startsWith('{') || guid.startsWith('(');
		const close = guid.startsWith('{') ? '}' : ')';
		if (wrapped ? guid.length !== 38 || !guid.endsWith(close) : guid.length !== 36)
			return GUID_LENGTH;
		const inner = wrapped ? guid.slice(1, -1) : guid;
		if ([8, 13, 18, 23].some((at) => inner[at] !== '-'))
			return 'Dashes are in the wrong position for GUID parsing.';
		return /^[0-9a-f-]+$/i.test(inner) ? undefined : GUID_HEX;
	}
	if (guid.includes('{')) {
		const hex = (digits: number) => `0[xX][0-9a-fA-F]{1,${digits}}`;
		const form = new RegExp(
			`^\\{${hex(8)},${hex(4)},${hex(4)},\\{(?:${hex(2)},){7}${hex(2)}\\}\\}$`,
		);
		return form.test(guid) ? undefined : 'Unrecognized Guid format.';
	}
	if (guid.length !== 32) return GUID_LENGTH;
	return /^[0-9a-f]+$/i.test(guid) ? undefined : GUID_HEX;
}

/** What .NET says converting `text` to the field's type, or undefined when it converts. */
export function conversionError(kind: FieldKind, text: string): string | undefined {
	if (kind.kind === 'enum') {
		// The generated reader switches on the exact text: no trimming, case-sensitive.
		return kind.values.includes(text)
			? undefined
			: `Instance validation error: '${text}' is not a valid value for ${kind.name}.`;
	}
	if (kind.kind !== 'scalar') return undefined;
	switch (kind.scalar) {
		case 'int':
			return integerError(text, 32);
		case 'long':
			return integerError(text, 64);
		case 'decimal':
			return decimalError(text);
		case 'double':
			return doubleError(text);
		case 'boolean': {
			const trimmed = trimOf(text, XML_WHITE);
			return ['true', 'false', '1', '0'].includes(trimmed)
				? undefined
				: `The string '${trimmed}' is not a valid Boolean value.`;
		}
		case 'date':
		case 'dateTime':
			return isAllXsd(text) ? undefined : `The string '${text}' is not a valid AllXsd value.`;
		case 'guid':
			return guidError(text);
		default:
			// Strings, XML in a string, anyType; base64Binary errors are left to the codec.
			return undefined;
	}
}

/** One open element of the second pass: what its children are read as. */
type Open =
	| { is: 'skip' }
	| { is: 'envelope'; namespace: string }
	| { is: 'body'; seenCall: boolean }
	| { is: 'object'; namespace: string; fields: Map<string, Field>; read: Set<string> }
	| { is: 'list'; namespace: string; item: string; kind: FieldKind; field: Field }
	| { is: 'value'; kind: FieldKind; text: string; nested: boolean };

class StopReading extends Error {}

/**
 * The first value of the call that .NET cannot convert, as ASMX's fault, or undefined. XmlSerializer
 * converts a simple element after ReadElementString has read past its end tag, so .NET's (line,
 * column) is that of the node after the element: the text right after `>` (usually the line break),
 * else the name of the next tag (`<Next` + 1, `</Parent` + 2). A repeated parameter is read once, as
 * the generated reader does (the later one is skipped unconverted); xsi:nil counts as absent, as in
 * the codec.
 */
export function wrongValue(
	body: string,
	resolved: ResolvedOperation,
	accepted: Set<string>,
): MalformedRequestError | undefined {
	const catalogue: Catalogue = resolved.catalogue;
	const text = body.startsWith('\uFEFF') ? body.slice(1) : body;
	// As the codec: white space before the XML declaration is tolerated (positions stay the text's).
	const skipped = /^\s+(?=<\?xml)/.exec(text)?.[0].length ?? 0;
	const parser = new SaxesParser({ xmlns: true, position: true });
	const stack: Open[] = [];
	let found: MalformedRequestError | undefined;

	const objectOf = (fields: Field[], namespace: string): Open => ({
		is: 'object',
		namespace,
		fields: new Map(fields.map((field) => [field.name, field])),
		read: new Set(),
	});
	const valueOf = (field: Field, kind: FieldKind, node: SaxesTagNS, namespace: string): Open => {
		if (isNil(node)) return { is: 'skip' };
		if (kind.kind === 'complex') return objectOf(kind.fields, namespace);
		// Text that is never checked (strings, a document's base64) is not collected either.
		return isValueType(kind) ? { is: 'value', kind, text: '', nested: false } : { is: 'skip' };
	};
	const open = (node: SaxesTagNS): Open => {
		const top = stack[stack.length - 1];
		if (top === undefined) {
			const soap = Object.values(SOAP_ENVELOPE_NAMESPACE).includes(node.uri);
			return node.local === 'Envelope' && soap
				? { is: 'envelope', namespace: node.uri }
				: { is: 'skip' };
		}
		switch (top.is) {
			case 'envelope':
				return node.local === 'Body' && node.uri === top.namespace
					? { is: 'body', seenCall: false }
					: { is: 'skip' };
			case 'body': {
				if (top.seenCall) return { is: 'skip' };
				top.seenCall = true;
				const ours = node.local === resolved.operation.name && accepted.has(node.uri);
				return ours ? objectOf(resolved.operation.params, node.uri) : { is: 'skip' };
			}
			case 'object': {
				const field = node.uri === top.namespace ? top.fields.get(node.local) : undefined;
				if (!field || top.read.has(field.name)) return { is: 'skip' };
				top.read.add(field.name);
				const kind = kindOf(field.type, catalogue);
				if (field.listItem !== undefined) {
					return isNil(node)
						? { is: 'skip' }
						: { is: 'list', namespace: top.namespace, item: field.listItem, kind, field };
				}
				return valueOf(field, kind, node, top.namespace);
			}
			case 'list':
				return node.local === top.item && node.uri === top.namespace
					? valueOf(top.field, top.kind, node, top.namespace)
					: { is: 'skip' };
			case 'value':
				top.nested = true;
				return { is: 'skip' };
			default:
				return { is: 'skip' };
		}
	};

	parser.on('doctype', () => {
		throw new StopReading();
	});
	parser.on('opentag', (node) => {
		if (stack.length >= MAX_DEPTH) throw new StopReading();
		stack.push(open(node));
	});
	const addText = (chunk: string) => {
		const top = stack[stack.length - 1];
		if (top?.is === 'value') top.text += chunk;
	};
	parser.on('text', addText);
	parser.on('cdata', addText);
	parser.on('closetag', () => {
		const closed = stack.pop();
		if (closed?.is !== 'value' || closed.nested) return;
		const inner = conversionError(closed.kind, closed.text);
		if (inner === undefined) return;
		const [line, column] = nextNodePosition(text, skipped + parser.position);
		found = new MalformedRequestError(`${READ_FAILED} (${line}, ${column}). ---> ${inner}`);
		throw new StopReading();
	});
	try {
		parser.write(text.slice(skipped)).close();
	} catch {
		// Stopped at the wrong value, or the XML broke first: the codec's error stands then.
	}
	return found;
}

function isNil(node: SaxesTagNS): boolean {
	return Object.values(node.attributes).some(
		(a) => a.uri === XSI_NAMESPACE && a.local === 'nil' && (a.value === 'true' || a.value === '1'),
	);
}

/** .NET's line and column of the node that starts at `offset`: a tag's name, else the text itself. */
function nextNodePosition(text: string, offset: number): [number, number] {
	let at = offset;
	if (text.startsWith('</', at) || text.startsWith('<?', at)) at += 2;
	else if (text.startsWith('<!--', at)) at += 4;
	else if (text.startsWith('<![CDATA[', at)) at += 9;
	else if (text.startsWith('<', at)) at += 1;
	return positionOf(text, at);
}
