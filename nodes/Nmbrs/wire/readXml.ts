/**
 * Reading SOAP envelopes straight into catalogue-typed values, as saxes events arrive: no DOM is
 * built first. Strict XML, namespace-aware; a DOCTYPE (and so any entity declaration) is refused,
 * which closes the door on entity expansion and external entities.
 *
 * Dates are handled as text, never through JS Date, so the process time zone cannot shift them.
 */
import type { SaxesParser, SaxesTagNS } from '../vendor/xml';
import type { Catalogue, Field, Operation, ServiceName } from '../catalogue/types';
import { operationKey } from '../catalogue/types';
import {
	DOTNET_MIN_DATE,
	SOAP_ENVELOPE_NAMESPACE,
	WireError,
	XSI_NAMESPACE,
	dotnetDefaultText,
	excerptOf,
	isValueType,
	kindOf,
	resultElementName,
	type FieldKind,
	type SoapVersion,
	type WireObject,
	type WireValue,
} from './shape';

/**
 * The XML libraries (one bundled module, see vendor/xml), loaded at their first use rather than
 * when n8n loads the node: n8n loads every installed node at each start, and these two were a
 * fifth of ours (the cold-load benchmark). Hence a require, not an import.
 */
type XmlLibraries = typeof import('../vendor/xml');
let xmlLibraries: XmlLibraries | undefined;
const xmlLibrary = (): XmlLibraries => (xmlLibraries ??= require('../vendor/xml') as XmlLibraries);

// ---------------------------------------------------------------- frames (one per open element)

interface Frame {
	/** The frame for a child element of this one. */
	child(node: SaxesTagNS): Frame;
	text(text: string): void;
	close(): void;
}

const SKIP: Frame = { child: () => SKIP, text: () => undefined, close: () => undefined };

/** How absent values are filled and whether unknown elements are kept. */
interface ReadMode {
	/** 'response': absent -> null, unknown kept. 'request': absent -> .NET default, unknown ignored (as ASMX). */
	purpose: 'response' | 'request';
	catalogue: Catalogue;
	/** Applied to any response text before a piece of it goes into an error (see ReadOptions.scrub). */
	scrub: Scrub;
}

/** Removes secrets from a text; runs on the whole text, before it is cut to an excerpt. */
export type Scrub = (text: string) => string;
const keep: Scrub = (text) => text;

function malformed(message: string, source?: string, scrub: Scrub = keep): WireError {
	return new WireError(
		'malformed',
		message,
		source === undefined ? {} : { excerpt: excerptOf(scrub(source)) },
	);
}

function isNil(node: SaxesTagNS): boolean {
	const attributes = node.attributes;
	for (const name in attributes) {
		const attribute = attributes[name] as SaxesTagNS['attributes'][string];
		if (attribute.uri === XSI_NAMESPACE && attribute.local === 'nil') {
			return attribute.value === 'true' || attribute.value === '1';
		}
	}
	return false;
}

// ---------------------------------------------------------------- scalar conversion

const READ_DATE_TIME =
	/^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;

function badValue(path: string, text: string, expected: string, scrub: Scrub): WireError {
	return malformed(
		`Nmbrs sent ${JSON.stringify(excerptOf(scrub(text), 40))} for ${path}, which is not ${expected}.`,
	);
}

/**
 * One scalar from its element text. `zones`: whether a dateTime may carry a zone suffix (requests,
 * which .NET accepts); responses from Nmbrs never do, and dropping one would silently shift the time.
 */
function convertScalar(
	kind: FieldKind,
	raw: string,
	path: string,
	scrub: Scrub = keep,
	zones = false,
): WireValue {
	if (kind.kind === 'enum') return raw.trim();
	if (kind.kind !== 'scalar') throw new Error('convertScalar called for a complex type');
	const text = raw.trim();
	switch (kind.scalar) {
		case 'int':
		case 'long':
			if (!/^[+-]?\d+$/.test(text)) throw badValue(path, raw, 'a whole number', scrub);
			return Number(text);
		case 'decimal':
		case 'double': {
			const number = text === '' ? NaN : Number(text);
			if (Number.isNaN(number) && text !== 'NaN') throw badValue(path, raw, 'a number', scrub);
			return number;
		}
		case 'boolean':
			if (text === 'true' || text === '1') return true;
			if (text === 'false' || text === '0') return false;
			throw badValue(path, raw, 'true or false', scrub);
		case 'date':
		case 'dateTime': {
			const match = READ_DATE_TIME.exec(text);
			if (!match) throw badValue(path, raw, 'a date', scrub);
			const [, date, hours = '00', minutes = '00', seconds = '00', zone] = match;
			if (zone !== undefined && !zones) {
				throw badValue(
					path,
					raw,
					'a Dutch local date and time without a time zone (Nmbrs never sends one; reading it would shift the time)',
					scrub,
				);
			}
			const local = `${date}T${hours}:${minutes}:${seconds}`;
			if (local === DOTNET_MIN_DATE) return null;
			return kind.scalar === 'date' ? (date as string) : local;
		}
		case 'base64Binary':
			return Buffer.from(raw.replace(/\s+/g, ''), 'base64');
		case 'guid':
			return text;
		case 'string':
		case 'xmlDocument':
		case 'anyType':
			return raw;
	}
}

/** .NET's value for an element the request left out (0001-01-01T00:00:00 reads as null). */
function requestDefault(field: Field, kind: FieldKind): WireValue {
	if (field.listItem !== undefined) return [];
	if (field.nillable || !isValueType(kind)) return null;
	if (kind.kind === 'enum' && kind.values.length === 0) return null;
	return convertScalar(kind, dotnetDefaultText(kind), field.name);
}

// ---------------------------------------------------------------- typed frames

class ScalarFrame implements Frame {
	private buffer = '';
	constructor(
		private readonly kind: FieldKind,
		private readonly path: string,
		private readonly mode: ReadMode,
		private readonly assign: (value: WireValue) => void,
	) {}
	child(): Frame {
		return SKIP;
	}
	text(text: string): void {
		this.buffer += text;
	}
	close(): void {
		this.assign(
			convertScalar(
				this.kind,
				this.buffer,
				this.path,
				this.mode.scrub,
				this.mode.purpose === 'request',
			),
		);
	}
}

/** Unknown elements and anyType: text when it has no children, else an object of its children. */
class GenericFrame implements Frame {
	private buffer = '';
	private children: WireObject | null = null;
	constructor(private readonly assign: (value: WireValue) => void) {}
	child(node: SaxesTagNS): Frame {
		const children = (this.children ??= {});
		if (isNil(node)) {
			addRepeatable(children, node.local, null);
			return SKIP;
		}
		return new GenericFrame((value) => addRepeatable(children, node.local, value));
	}
	text(text: string): void {
		if (this.children === null) this.buffer += text;
	}
	close(): void {
		this.assign(this.children ?? this.buffer);
	}
}

function hasOwn(target: object, name: string): boolean {
	return Object.prototype.hasOwnProperty.call(target, name);
}

/**
 * Sets an own, enumerable data property, whatever the name: an element called `__proto__`,
 * `constructor` or `toString` becomes plain data and never reaches a prototype.
 */
function setOwn(target: WireObject, name: string, value: WireValue): void {
	Object.defineProperty(target, name, {
		value,
		enumerable: true,
		writable: true,
		configurable: true,
	});
}

/** A repeated element name becomes a list. */
function addRepeatable(target: WireObject, name: string, value: WireValue): void {
	if (!hasOwn(target, name)) {
		setOwn(target, name, value);
		return;
	}
	const existing = target[name];
	if (Array.isArray(existing) && (existing as unknown as { repeated?: boolean }).repeated) {
		existing.push(value);
		return;
	}
	const list: WireValue[] = [existing as WireValue, value];
	Object.defineProperty(list, 'repeated', { value: true, enumerable: false });
	setOwn(target, name, list);
}

/** Per field list and purpose: name lookup and initial values, computed once (hot path). */
interface PreparedShape {
	byName: Map<string, PreparedField>;
	/** The field names and, at the same index, each one's initial value (EMPTY_LIST for a list). */
	names: string[];
	initial: WireValue[];
}
interface PreparedField {
	field: Field;
	kind: FieldKind;
	/** One scalar element, read by its object's frame without a frame of its own. */
	plain: boolean;
}
/** Marks a list field in a prepared shape: each record gets a fresh [] for it. */
const EMPTY_LIST: WireValue[] = [];
const preparedShapes = new WeakMap<Field[], Partial<Record<ReadMode['purpose'], PreparedShape>>>();

function prepare(fields: Field[], mode: ReadMode): PreparedShape {
	let perFields = preparedShapes.get(fields);
	if (!perFields) {
		perFields = {};
		preparedShapes.set(fields, perFields);
	}
	let shape = perFields[mode.purpose];
	if (!shape) {
		shape = { byName: new Map(), names: [], initial: [] };
		for (const field of fields) {
			const kind = kindOf(field.type, mode.catalogue);
			const plain =
				field.listItem === undefined &&
				(kind.kind === 'enum' || (kind.kind === 'scalar' && kind.scalar !== 'anyType'));
			shape.byName.set(field.name, { field, kind, plain });
			const initial =
				mode.purpose === 'request'
					? requestDefault(field, kind)
					: field.listItem !== undefined
						? []
						: null;
			shape.names.push(field.name);
			shape.initial.push(Array.isArray(initial) ? EMPTY_LIST : initial);
		}
		perFields[mode.purpose] = shape;
	}
	return shape;
}

class ObjectFrame implements Frame {
	readonly value: WireObject;
	/**
	 * The scalar field whose element is open now. A record's scalar fields are read here, on the
	 * object's own frame, rather than each through a frame and a callback of its own: responses
	 * carry thousands of records of twenty fields, and those objects were most of the garbage.
	 */
	private scalar: PreparedField | undefined = undefined;
	private buffer = '';
	constructor(
		private readonly shape: PreparedShape,
		private readonly namespace: string,
		private readonly path: string,
		private readonly mode: ReadMode,
	) {
		// Every field in catalogue order, lists as fresh arrays (no [] is shared between records).
		// Records of more than 16 fields become V8 dictionaries this way; a copy of a template object
		// keeps them compact (28 instead of 44 MB in the parse benchmark) but measured 25 % slower
		// in an n8n server's bulk read, so memory is traded for time here.
		const { names, initial } = this.shape;
		const value: WireObject = {};
		for (let i = 0; i < names.length; i++) {
			const start = initial[i] as WireValue;
			value[names[i] as string] = start === EMPTY_LIST ? [] : start;
		}
		this.value = value;
	}
	child(node: SaxesTagNS): Frame {
		// Elements inside a scalar's element are skipped; only its own text counts.
		if (this.scalar) return SKIP;
		const entry = node.uri === this.namespace ? this.shape.byName.get(node.local) : undefined;
		if (entry) {
			const name = entry.field.name;
			if (entry.plain) {
				if (isNil(node)) {
					this.value[name] = null;
					return SKIP;
				}
				this.scalar = entry;
				this.buffer = '';
				return this;
			}
			return fieldFrame(
				entry.field,
				entry.kind,
				node,
				this.namespace,
				this.path,
				name,
				this.mode,
				(value) => {
					this.value[name] = value;
				},
			);
		}
		if (this.mode.purpose === 'request' || this.shape.byName.has(node.local)) return SKIP;
		return new GenericFrame((value) => addRepeatable(this.value, node.local, value));
	}
	text(text: string): void {
		if (this.scalar) this.buffer += text;
	}
	close(): void {
		const scalar = this.scalar;
		if (scalar === undefined) {
			this.closeObject();
			return;
		}
		this.scalar = undefined;
		const name = scalar.field.name;
		this.value[name] = convertScalar(
			scalar.kind,
			this.buffer,
			this.path === '' ? name : `${this.path}.${name}`,
			this.mode.scrub,
			this.mode.purpose === 'request',
		);
	}
	/** The object's own element closed. */
	protected closeObject(): void {}
}

/** A record that is an item of a list: stored at its index when it closes (no callback per item). */
class ListItemFrame extends ObjectFrame {
	constructor(
		shape: PreparedShape,
		namespace: string,
		path: string,
		mode: ReadMode,
		private readonly items: WireValue[],
		private readonly index: number,
	) {
		super(shape, namespace, path, mode);
	}
	protected closeObject(): void {
		this.items[this.index] = this.value;
	}
}

class ObjectValueFrame extends ObjectFrame {
	constructor(
		shape: PreparedShape,
		namespace: string,
		path: string,
		mode: ReadMode,
		private readonly assign: (value: WireValue) => void,
	) {
		super(shape, namespace, path, mode);
	}
	protected closeObject(): void {
		this.assign(this.value);
	}
}

class ListFrame implements Frame {
	private readonly items: WireValue[] = [];
	/** The items' prepared shape, looked up once per list rather than once per item. */
	private itemShape: PreparedShape | undefined;
	constructor(
		private readonly itemName: string,
		private readonly kind: FieldKind,
		private readonly namespace: string,
		private readonly path: string,
		private readonly mode: ReadMode,
		private readonly assign: (value: WireValue) => void,
	) {}
	child(node: SaxesTagNS): Frame {
		if (node.local !== this.itemName || node.uri !== this.namespace) return SKIP;
		const index = this.items.length;
		this.items.push(null);
		if (isNil(node)) return SKIP;
		const path = `${this.path}[${index}]`;
		if (this.kind.kind === 'complex')
			return new ListItemFrame(
				(this.itemShape ??= prepare(this.kind.fields, this.mode)),
				this.namespace,
				path,
				this.mode,
				this.items,
				index,
			);
		return valueFrame(this.kind, this.namespace, path, this.mode, (value) => {
			this.items[index] = value;
		});
	}
	text(): void {}
	close(): void {
		this.assign(this.items);
	}
}

function valueFrame(
	kind: FieldKind,
	namespace: string,
	path: string,
	mode: ReadMode,
	assign: (value: WireValue) => void,
): Frame {
	if (kind.kind === 'complex')
		return new ObjectValueFrame(prepare(kind.fields, mode), namespace, path, mode, assign);
	if (kind.kind === 'scalar' && kind.scalar === 'anyType') return new GenericFrame(assign);
	return new ScalarFrame(kind, path, mode, assign);
}

function fieldFrame(
	field: Field,
	kind: FieldKind,
	node: SaxesTagNS,
	namespace: string,
	parentPath: string,
	name: string,
	mode: ReadMode,
	assign: (value: WireValue) => void,
): Frame {
	const path = parentPath === '' ? name : `${parentPath}.${name}`;
	if (isNil(node)) {
		assign(field.listItem !== undefined ? [] : null);
		return SKIP;
	}
	if (field.listItem !== undefined)
		return new ListFrame(field.listItem, kind, namespace, path, mode, assign);
	return valueFrame(kind, namespace, path, mode, assign);
}

// ---------------------------------------------------------------- driving saxes

function soapVersionOf(namespace: string): SoapVersion | undefined {
	if (namespace === SOAP_ENVELOPE_NAMESPACE['1.1']) return '1.1';
	if (namespace === SOAP_ENVELOPE_NAMESPACE['1.2']) return '1.2';
	return undefined;
}

/**
 * How deep elements may nest, the Envelope counting as 1. Nmbrs' messages are about ten deep
 * (Envelope, Body, response, result, list, record, nested record, field); 100 leaves ample room.
 * The limit is what keeps reading linear: saxes looks each element's namespace prefix up through
 * every open element, so without a bound n nested elements cost n² steps (a 280 KB answer of
 * nested unknown elements held the event loop for 12 s). Checked as each element opens.
 */
export const MAX_DEPTH = 100;

/** Encodings a text that is already a JS string may declare: it was decoded as UTF-8. */
const UTF8_NAMES = new Set(['utf-8', 'utf8', 'us-ascii', 'ascii']);

/** The encoding named in an XML declaration at the very start, if any (lower case). */
function declaredEncoding(start: string): string | undefined {
	const declaration = /^<\?xml\s[^>]*/.exec(start.slice(0, 1024))?.[0];
	const match = declaration && /\sencoding\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(declaration);
	return match ? (match[1] ?? match[2] ?? '').trim().toLowerCase() : undefined;
}

function refusedEncoding(message: string): WireError {
	return new WireError('malformed', message, { refusedAt: { line: 1, column: 1 } });
}

/** How much of the start of a text is kept for error excerpts (they show its first 160 characters). */
const HEAD_CHARS = 64 * 1024;
/** How many bytes of a Buffer are awaited before its encoding is decided (its XML declaration). */
const SNIFF_BYTES = 1024;

/**
 * The decoder for bytes as their start says: a byte-order mark wins, then the XML declaration's
 * encoding (ISO-8859-1, windows-1252, UTF-16...), else UTF-8.
 */
function decoderFor(start: Buffer): InstanceType<typeof TextDecoder> {
	if (start[0] === 0xff && start[1] === 0xfe) return new TextDecoder('utf-16le');
	if (start[0] === 0xfe && start[1] === 0xff) return new TextDecoder('utf-16be');
	if (start[0] === 0xef && start[1] === 0xbb && start[2] === 0xbf) return new TextDecoder('utf-8');
	const declared = declaredEncoding(start.subarray(0, SNIFF_BYTES).toString('latin1').trimStart());
	if (declared === undefined || UTF8_NAMES.has(declared)) return new TextDecoder('utf-8');
	try {
		return new TextDecoder(declared);
	} catch {
		throw refusedEncoding(
			`The XML declares encoding "${excerptOf(declared, 40)}", which this reader cannot decode; Nmbrs sends UTF-8.`,
		);
	}
}

/**
 * Runs saxes over a text given in chunks (text or bytes, not both), with `root` as the frame
 * above the document element: so an answer is read as it arrives, and a caller can give the event
 * loop back between chunks. A string has already been decoded, as UTF-8, so a string that declares
 * another encoding is refused rather than read with its accents garbled. Only the start of the
 * text is kept, for error excerpts.
 */
export class XmlFeed {
	private readonly parser: SaxesParser<{ xmlns: true }>;
	private head = '';
	private started = false;
	private content = false;
	private pending: Buffer[] = [];
	private pendingBytes = 0;
	private decoder?: InstanceType<typeof TextDecoder>;

	constructor(
		root: Frame,
		private readonly scrub: Scrub,
	) {
		const parser: SaxesParser<{ xmlns: true }> = new (xmlLibrary().SaxesParser)({ xmlns: true });
		this.parser = parser;
		const stack: Frame[] = [root];
		parser.on('opentagstart', () => {
			// stack.length is the depth of the element opening now (stack[0] is above the document).
			if (stack.length > MAX_DEPTH) {
				throw new WireError(
					'malformed',
					`Refused: the XML nests elements more than ${MAX_DEPTH} deep (line ${parser.line}); SOAP messages from Nmbrs are about ten deep.`,
					{
						excerpt: excerptOf(scrub(this.head)),
						refusedAt: { line: parser.line, column: parser.column },
					},
				);
			}
		});
		parser.on('doctype', (doctype) => {
			throw malformed(
				/^\s*html\b/i.test(doctype)
					? HTML_PAGE
					: 'Refused: the XML contains a DOCTYPE (entity declarations are not accepted from Nmbrs).',
				this.head,
				scrub,
			);
		});
		parser.on('opentag', (node) => {
			stack.push((stack[stack.length - 1] as Frame).child(node));
		});
		parser.on('text', (chunk) => (stack[stack.length - 1] as Frame).text(chunk));
		parser.on('cdata', (chunk) => (stack[stack.length - 1] as Frame).text(chunk));
		parser.on('closetag', () => {
			(stack.pop() as Frame).close();
		});
	}

	/** The start of the text read so far, for error excerpts. */
	get source(): string {
		return this.head;
	}

	/** Feeds the next chunk. */
	write(chunk: string | Buffer): void {
		if (typeof chunk === 'string') {
			this.writeText(chunk);
			return;
		}
		if (this.decoder) {
			this.writeText(this.decoder.decode(chunk, { stream: true }));
			return;
		}
		// The encoding is decided once the start (XML declaration) is here, or at the end.
		this.pending.push(chunk);
		this.pendingBytes += chunk.length;
		if (this.pendingBytes >= SNIFF_BYTES) this.decidePending();
	}

	/** The text is complete: the document must be too. */
	end(): void {
		if (this.pending.length > 0 || (!this.decoder && !this.started)) this.decidePending();
		if (this.decoder) this.writeText(this.decoder.decode());
		if (!this.content) throw malformed('The response body is empty; expected a SOAP envelope.');
		this.guard(() => this.parser.close());
	}

	private decidePending(): void {
		const bytes = Buffer.concat(this.pending);
		this.pending = [];
		this.decoder = decoderFor(bytes);
		if (bytes.length > 0) this.writeText(this.decoder.decode(bytes, { stream: true }));
	}

	private writeText(text: string): void {
		if (text === '') return;
		if (!this.started) {
			this.started = true;
			if (!this.decoder) {
				// Already text: decoded as UTF-8 before it reached the reader.
				const declared = declaredEncoding(text.replace(/^\uFEFF/, '').trimStart());
				if (declared !== undefined && !UTF8_NAMES.has(declared)) {
					throw refusedEncoding(
						`The XML declares encoding "${excerptOf(declared, 40)}", but it reached the reader as text already decoded as UTF-8, so its accented characters cannot be trusted; Nmbrs sends UTF-8.`,
					);
				}
			}
			text = text.replace(/^\uFEFF/, '').replace(/^\s+(?=<\?xml)/, '');
		}
		if (this.head.length < HEAD_CHARS) this.head += text.slice(0, HEAD_CHARS - this.head.length);
		if (!this.content && text.trim() !== '') this.content = true;
		this.guard(() => this.parser.write(text));
	}

	private guard(step: () => unknown): void {
		try {
			step();
		} catch (error) {
			if (error instanceof WireError) {
				throw error.excerpt === undefined && error.kind === 'malformed'
					? malformed(error.message, this.head, this.scrub)
					: error;
			}
			const reason =
				error instanceof Error ? error.message.replace(/^undefined:/, '') : String(error);
			throw malformed(
				`The response is not well-formed XML (${this.scrub(reason.trim())}).`,
				this.head,
				this.scrub,
			);
		}
	}
}

/** An HTML page where a SOAP answer should be: something in front of Nmbrs answered instead. */
export const HTML_PAGE =
	'An HTML page came back instead of a SOAP answer: a proxy, a login or maintenance page, or a base URL that points at a website rather than the Nmbrs SOAP API.';

/** Envelope -> Header/Body; calls back for the Body's first-level children. */
class EnvelopeFrame implements Frame {
	soapVersion?: SoapVersion;
	sawBody = false;
	constructor(
		/** The start of the text, for excerpts. */
		private readonly source: () => string,
		private readonly scrub: Scrub,
		private readonly onHeaderChild: (node: SaxesTagNS) => Frame,
		private readonly onBodyChild: (node: SaxesTagNS, soapVersion: SoapVersion) => Frame,
	) {}
	/** The document element. */
	child(node: SaxesTagNS): Frame {
		const version = soapVersionOf(node.uri);
		if (node.local !== 'Envelope' || version === undefined) {
			throw malformed(
				node.local.toLowerCase() === 'html'
					? HTML_PAGE
					: `Expected a SOAP envelope but the answer starts with <${excerptOf(this.scrub(node.name), 80)}>.`,
				this.source(),
				this.scrub,
			);
		}
		this.soapVersion = version;
		const envelopeNamespace = node.uri;
		return {
			child: (part) => {
				if (part.uri !== envelopeNamespace) return SKIP;
				if (part.local === 'Header')
					return { child: this.onHeaderChild, text: () => undefined, close: () => undefined };
				if (part.local === 'Body') {
					this.sawBody = true;
					return {
						child: (inner) => this.onBodyChild(inner, version),
						text: () => undefined,
						close: () => undefined,
					};
				}
				return SKIP;
			},
			text: () => undefined,
			close: () => undefined,
		};
	}
	text(): void {}
	close(): void {}
}

// ---------------------------------------------------------------- responses

/** Response namespaces accepted for a service: v3 (what we send) or v2.1, production or sandbox host. */
function isServiceNamespace(namespace: string, service: ServiceName): boolean {
	const match = /^https?:\/\/api(?:-sandbox)?\.nmbrs\.nl\/soap\/v\d+(?:\.\d+)?\/([A-Za-z]+)$/.exec(
		namespace,
	);
	return match?.[1] === service;
}

function faultFromObject(fault: WireObject, soapVersion: SoapVersion): WireError {
	const first = (value: WireValue | undefined): WireValue | undefined =>
		Array.isArray(value) ? value[0] : value;
	const textOf = (value: WireValue | undefined): string => {
		const single = first(value);
		return typeof single === 'string' ? single : '';
	};
	let code: string;
	let faultString: string;
	if (soapVersion === '1.1') {
		code = textOf(fault.faultcode);
		faultString = textOf(fault.faultstring);
	} else {
		const codeElement = first(fault.Code);
		const reason = first(fault.Reason);
		code =
			codeElement && typeof codeElement === 'object'
				? textOf((codeElement as WireObject).Value)
				: '';
		faultString = reason && typeof reason === 'object' ? textOf((reason as WireObject).Text) : '';
	}
	const faultCode = code.trim().replace(/^.*:/, '');
	return new WireError('fault', `SOAP fault (${faultCode || 'no code'}): ${faultString.trim()}`, {
		faultString: faultString.trim(),
		faultCode,
		soapVersion,
	});
}

export interface ReadOptions {
	/**
	 * Removes secrets (the API token) from response text. Runs on the whole text before any piece
	 * of it is cut into an error's excerpt, so a secret across the cut cannot leak its first part.
	 */
	scrub?: Scrub;
}

export interface ReadResponseResult {
	/** The typed `<Op>Result` (null for void operations or an omitted result; [] for an omitted list). */
	result: WireValue;
	soapVersion: SoapVersion;
}

/**
 * Reads the answer to `op` as it arrives: `write` each chunk (text or bytes), then `end`. Throws
 * WireError{kind:'fault'} for a SOAP fault (1.1 or 1.2) and WireError{kind:'malformed'} for
 * anything that is not a complete SOAP answer to this operation.
 */
export class ResponseReader {
	private readonly feed: XmlFeed;
	private readonly envelope: EnvelopeFrame;
	private sawResponse = false;
	private fault: WireError | undefined;
	private result: WireValue;

	constructor(
		private readonly op: Operation,
		catalogue: Catalogue,
		options: ReadOptions = {},
	) {
		const scrub = options.scrub ?? keep;
		const mode: ReadMode = { purpose: 'response', catalogue, scrub };
		const responseName = `${op.name}Response`;
		const resultName = resultElementName(op);
		this.result = op.result?.listItem !== undefined ? [] : null;
		const source = () => this.feed.source;
		this.envelope = new EnvelopeFrame(
			source,
			scrub,
			() => SKIP,
			(node, soapVersion) => {
				if (node.local === 'Fault' && node.uri === SOAP_ENVELOPE_NAMESPACE[soapVersion]) {
					return new GenericFrame((value) => {
						this.fault = faultFromObject(
							typeof value === 'object' && value !== null ? (value as WireObject) : {},
							soapVersion,
						);
					});
				}
				if (node.local !== responseName) {
					throw malformed(
						`Expected <${responseName}> in the answer to ${operationKey(op)} but got <${excerptOf(scrub(node.local), 80)}>.`,
						source(),
						scrub,
					);
				}
				if (!isServiceNamespace(node.uri, op.service)) {
					throw malformed(
						`The answer to ${operationKey(op)} is in namespace "${scrub(node.uri)}", not the ${op.service} namespace; is the URL pointing at the right service?`,
						source(),
						scrub,
					);
				}
				this.sawResponse = true;
				const namespace = node.uri;
				return {
					child: (inner) => {
						if (!op.result || inner.local !== resultName || inner.uri !== namespace) return SKIP;
						const field = op.result;
						return fieldFrame(
							field,
							kindOf(field.type, catalogue),
							inner,
							namespace,
							'',
							resultName,
							mode,
							(value) => {
								this.result = value;
							},
						);
					},
					text: () => undefined,
					close: () => undefined,
				};
			},
		);
		this.feed = new XmlFeed(this.envelope, scrub);
		this.scrub = scrub;
	}

	private readonly scrub: Scrub;

	write(chunk: string | Buffer): void {
		this.feed.write(chunk);
	}

	end(): ReadResponseResult {
		this.feed.end();
		const soapVersion = this.envelope.soapVersion as SoapVersion;
		if (this.fault) throw this.fault;
		if (!this.sawResponse) {
			throw malformed(
				`The SOAP answer to ${operationKey(this.op)} has ${this.envelope.sawBody ? 'an empty Body' : 'no Body'}; expected <${this.op.name}Response>.`,
				this.feed.source,
				this.scrub,
			);
		}
		return { result: this.result, soapVersion };
	}
}

/** Reads a whole answer to `op` at once (see ResponseReader). */
export function readResponse(
	xml: string | Buffer,
	op: Operation,
	catalogue: Catalogue,
	options: ReadOptions = {},
): ReadResponseResult {
	const reader = new ResponseReader(op, catalogue, options);
	reader.write(xml);
	return reader.end();
}

// ---------------------------------------------------------------- requests (the emulator)

export interface RequestAuthHeader {
	element: 'AuthHeaderWithDomain' | 'AuthHeader';
	/** null when the element is absent (empty text stays ''). */
	username: string | null;
	token: string | null;
	domain: string | null;
}

export interface ReadRequestResult {
	soapVersion: SoapVersion;
	/** Local name of the Body's first element; undefined for an empty Body. */
	operationName?: string;
	/** Namespace of the Body's first element. */
	namespace?: string;
	/** What `resolve` returned; params are typed only when it returned an operation. */
	operation?: Operation;
	/** The auth header, only when it is in the same namespace as the body element (else null, as .NET ignores it). */
	header: RequestAuthHeader | null;
	/** Every catalogue parameter present; absent ones hold .NET's default (0, false, null). */
	params: WireObject;
}

/**
 * Reads a request envelope (the emulator's side). `resolve` maps the body element to an
 * operation of the service being called, or undefined when it has none of that name.
 */
export function readRequest(
	xml: string | Buffer,
	catalogue: Catalogue,
	resolve: (operationName: string, namespace: string) => Operation | undefined,
): ReadRequestResult {
	const mode: ReadMode = { purpose: 'request', catalogue, scrub: keep };
	const headers: Array<RequestAuthHeader & { namespace: string }> = [];
	let operationName: string | undefined;
	let namespace: string | undefined;
	let operation: Operation | undefined;
	let paramsFrame: ObjectFrame | undefined;

	const envelope: EnvelopeFrame = new EnvelopeFrame(
		() => feed.source,
		keep,
		(node) => {
			if (node.local !== 'AuthHeaderWithDomain' && node.local !== 'AuthHeader') return SKIP;
			const header = {
				element: node.local,
				namespace: node.uri,
				username: null,
				token: null,
				domain: null,
			} as RequestAuthHeader & {
				namespace: string;
			};
			headers.push(header);
			const targets: Record<string, 'username' | 'token' | 'domain'> = {
				Username: 'username',
				Token: 'token',
				Domain: 'domain',
			};
			return {
				child: (part) => {
					const target =
						part.uri === node.uri && hasOwn(targets, part.local) ? targets[part.local] : undefined;
					if (target === undefined) return SKIP;
					return new ScalarFrame(
						{ kind: 'scalar', scalar: 'string' },
						`${node.local}.${part.local}`,
						mode,
						(value) => {
							header[target] = value as string;
						},
					);
				},
				text: () => undefined,
				close: () => undefined,
			};
		},
		(node) => {
			if (operationName !== undefined) return SKIP; // only the first body element is the call
			operationName = node.local;
			namespace = node.uri;
			operation = resolve(node.local, node.uri);
			if (!operation) return SKIP;
			paramsFrame = new ObjectFrame(prepare(operation.params, mode), node.uri, node.local, mode);
			return paramsFrame;
		},
	);
	const feed = new XmlFeed(envelope, keep);
	feed.write(xml);
	feed.end();
	const matching = headers.find(
		(header) => namespace !== undefined && header.namespace === namespace,
	);
	const result: ReadRequestResult = {
		soapVersion: envelope.soapVersion as SoapVersion,
		header: matching
			? {
					element: matching.element,
					username: matching.username,
					token: matching.token,
					domain: matching.domain,
				}
			: null,
		params: paramsFrame?.value ?? {},
	};
	if (operationName !== undefined) result.operationName = operationName;
	if (namespace !== undefined) result.namespace = namespace;
	if (operation !== undefined) result.operation = operation;
	return result;
}

// ---------------------------------------------------------------- XML inside a string

/**
 * Turns an XML document carried in a string (declaration XML, journals) into JSON with
 * fast-xml-parser. Values stay text (a BSN keeps its leading zero); attributes get an `@_` prefix;
 * character references (`&#233;`, `&#xD;`) are decoded; the XML declaration is left out.
 * DOCTYPE / entity declarations are refused; every failure is a WireError{kind:'malformed'}.
 */
export function xmlDocumentToJson(xml: string): unknown {
	if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
		throw malformed('Refused: the XML document contains a DOCTYPE or entity declaration.', xml);
	}
	const { XMLParser, XMLValidator } = xmlLibrary();
	const valid = XMLValidator.validate(xml);
	if (valid !== true) {
		throw malformed(
			`The XML document is not well-formed (line ${valid.err.line}: ${valid.err.msg}).`,
			xml,
		);
	}
	const parser = new XMLParser({
		ignoreAttributes: false,
		attributeNamePrefix: '@_',
		parseTagValue: false,
		parseAttributeValue: false,
		trimValues: true,
		processEntities: true,
		// Also decodes numeric character references, which the XML entities alone leave as text.
		htmlEntities: true,
		ignoreDeclaration: true,
	});
	try {
		return parser.parse(xml);
	} catch (error) {
		// e.g. an element named __proto__, which the parser refuses.
		const reason = error instanceof Error ? error.message : String(error);
		throw malformed(`The XML document could not be read (${reason.trim()}).`, xml);
	}
}
