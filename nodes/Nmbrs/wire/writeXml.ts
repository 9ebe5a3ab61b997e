/**
 * Writing catalogue shapes as XML the way .NET's XmlSerializer (ASMX) does: fields in WSDL order
 * with base-type fields first, null references omitted, null nullable values as xsi:nil, dates
 * without a zone, decimals in invariant culture, Buffers as base64, every text escaped.
 */
import type { Catalogue, Field, Operation } from '../catalogue/types';
import { serviceNamespace, soapAction, operationKey } from '../catalogue/types';
import { isLeapYear } from '../catalogue/periods';
import {
	EMPTY_GUID,
	SOAP_CONTENT_TYPE,
	SOAP_ENVELOPE_NAMESPACE,
	WireError,
	XSD_NAMESPACE,
	XSI_NAMESPACE,
	dotnetDefaultText,
	isValueType,
	kindOf,
	type FieldKind,
	type SoapVersion,
} from './shape';

/** Escapes text for element content and attribute values. `\r` too, so it survives parsing. */
export function escapeXml(text: string): string {
	return text.replace(/[&<>"'\r]/g, (char) => ESCAPES[char] ?? char);
}
const ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&apos;',
	'\r': '&#xD;',
};

// The control characters XML 1.0 cannot carry, and (with the u flag, which reads a pair as one
// character) a surrogate without its pair: half of a broken character, which a server stores as
// U+FFFD. Matched on purpose.
// eslint-disable-next-line no-control-regex
const NOT_XML_CHARACTER = /[\u0000-\u0008\v\f\u000e-\u001f\ud800-\udfff\ufffe\uffff]/u;

function escapeText(text: string, path: string): string {
	const bad = NOT_XML_CHARACTER.exec(text);
	if (bad) {
		const unit = bad[0].charCodeAt(0);
		const code = unit.toString(16).toUpperCase().padStart(4, '0');
		throw inputError(
			path,
			unit >= 0xd800 && unit <= 0xdfff
				? `contains half of a broken character (the unpaired surrogate U+${code}), which XML cannot carry; fix the text where it comes from`
				: `contains the control character U+${code}, which XML cannot carry; remove it`,
		);
	}
	return escapeXml(text);
}

// XML 1.0 (fifth edition) names without a colon (NCName): a prefix would need a namespace. The
// zero-width (non-)joiners the standard also allows are left out: no Nmbrs name has them.
const XML_NAME =
	/^[A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}][\w\-.\u00B7\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u037D\u037F-\u1FFF\u203F\u2040\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}]*$/u;

/** Whether `name` can be written as an element name as it is (no markup, no prefix). */
export function isXmlName(name: string): boolean {
	return XML_NAME.test(name);
}

/** Every element name that comes from input passes here before it is written. */
function checkedName(name: string, what: string): string {
	if (!isXmlName(name)) {
		const shownName = JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}…` : name);
		throw new WireError(
			'input',
			`The ${what} ${shownName} is not a valid XML element name: use letters, digits, _, - and . only, starting with a letter or _ (no spaces, colons or markup). Nothing was sent.`,
		);
	}
	return name;
}

function inputError(path: string, problem: string): WireError {
	return new WireError('input', `Nmbrs field ${path} ${problem}.`);
}

function describe(value: unknown): string {
	if (typeof value === 'string')
		return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
	if (value instanceof Date) return 'a JavaScript Date';
	if (Buffer.isBuffer(value)) return 'binary data';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object' && value !== null) return 'an object';
	return String(value);
}

// ---------------------------------------------------------------- dates

const DATE_TIME_INPUT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * Parses 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:mm[:ss]' as plain digits (never through JS Date, so the
 * process time zone cannot shift it) and returns the parts, or a reason it is not valid.
 */
function parseLocalDateTime(
	text: string,
): { date: string; time: string; hasTime: boolean } | { problem: string } {
	const match = DATE_TIME_INPUT.exec(text.trim());
	if (!match) {
		if (/(?:Z|[+-]\d{2}:?\d{2})$/.test(text.trim()) && /T/.test(text)) {
			return {
				problem:
					'has a time zone; Nmbrs dates are Dutch local time without a zone: give "YYYY-MM-DDTHH:mm:ss" as the local time',
			};
		}
		return {
			problem: 'is not a date; give "YYYY-MM-DD" (or "YYYY-MM-DDTHH:mm:ss" for a date and time)',
		};
	}
	const [, y, mo, d, h = '00', mi = '00', s = '00'] = match;
	const year = Number(y);
	const month = Number(mo);
	const day = Number(d);
	const daysInMonth = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][
		month - 1
	];
	if (
		year < 1 ||
		month < 1 ||
		month > 12 ||
		daysInMonth === undefined ||
		day < 1 ||
		day > daysInMonth
	) {
		return { problem: 'is not an existing calendar date' };
	}
	if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59)
		return { problem: 'has an impossible time of day' };
	return { date: `${y}-${mo}-${d}`, time: `${h}:${mi}:${s}`, hasTime: match[4] !== undefined };
}

function writeDate(value: unknown, path: string, withTime: boolean): string {
	if (typeof value !== 'string') {
		throw inputError(
			path,
			`must be a text date like "2024-03-31"${withTime ? ' or "2024-03-31T14:30:00"' : ''}, not ${describe(value)}`,
		);
	}
	const parsed = parseLocalDateTime(value);
	if ('problem' in parsed) throw inputError(path, `${parsed.problem} (got ${describe(value)})`);
	if (!withTime) {
		if (parsed.hasTime && parsed.time !== '00:00:00') {
			throw inputError(
				path,
				`is a date without a time of day; give "${parsed.date}" (got ${describe(value)})`,
			);
		}
		return `${parsed.date}T00:00:00`;
	}
	return `${parsed.date}T${parsed.time}`;
}

// ---------------------------------------------------------------- numbers and other scalars

const INT_RANGE = { min: -2147483648, max: 2147483647 };

function writeInteger(value: unknown, path: string, scalar: 'int' | 'long'): string {
	let number: number | undefined;
	if (typeof value === 'number') number = value;
	else if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) number = Number(value);
	if (number === undefined || !Number.isInteger(number)) {
		throw inputError(path, `must be a whole number, not ${describe(value)}`);
	}
	if (scalar === 'int' && (number < INT_RANGE.min || number > INT_RANGE.max)) {
		throw inputError(
			path,
			`must fit a 32-bit integer (${INT_RANGE.min} to ${INT_RANGE.max}), not ${number}`,
		);
	}
	if (scalar === 'long' && !Number.isSafeInteger(number)) {
		throw inputError(path, `is too large to send exactly (${number})`);
	}
	return String(number);
}

function writeDecimal(value: unknown, path: string): string {
	if (typeof value === 'string' && /^\s*-?\d+(?:\.\d+)?\s*$/.test(value)) return value.trim();
	if (typeof value !== 'number' || !Number.isFinite(value)) {
		throw inputError(
			path,
			`must be a number like 1234.56 (a dot as decimal separator), not ${describe(value)}`,
		);
	}
	const plain = String(value);
	// .NET's decimal reader does not accept exponents (1e-7), so spell those out.
	return /e/i.test(plain)
		? value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 })
		: plain;
}

function writeBoolean(value: unknown, path: string): string {
	if (value === true || value === 'true') return 'true';
	if (value === false || value === 'false') return 'false';
	throw inputError(path, `must be true or false, not ${describe(value)}`);
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function writeScalar(kind: FieldKind & { kind: 'scalar' }, value: unknown, path: string): string {
	switch (kind.scalar) {
		case 'int':
		case 'long':
			return writeInteger(value, path, kind.scalar);
		case 'decimal':
		case 'double':
			return writeDecimal(value, path);
		case 'boolean':
			return writeBoolean(value, path);
		case 'date':
			return writeDate(value, path, false);
		case 'dateTime':
			return writeDate(value, path, true);
		case 'guid':
			if (typeof value !== 'string' || !GUID.test(value.trim())) {
				throw inputError(path, `must be a GUID like ${EMPTY_GUID}, not ${describe(value)}`);
			}
			return value.trim().toLowerCase();
		case 'base64Binary':
			if (Buffer.isBuffer(value) || value instanceof Uint8Array)
				return Buffer.from(value).toString('base64');
			if (typeof value === 'string' && /^[A-Z0-9+/\s]*(?:={1,2}\s*)?$/i.test(value))
				return value.replace(/\s+/g, '');
			throw inputError(
				path,
				`must be binary data (a Buffer) or base64 text, not ${describe(value)}`,
			);
		case 'string':
		case 'xmlDocument':
			if (typeof value === 'string') return escapeText(value, path);
			if (typeof value === 'number' || typeof value === 'boolean') return String(value);
			throw inputError(path, `must be text, not ${describe(value)}`);
		case 'anyType':
			return writeUntypedContent(value, path);
	}
}

// ---------------------------------------------------------------- untyped (Custom Call) values

function writeUntypedContent(value: unknown, path: string): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return escapeText(value, path);
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (Buffer.isBuffer(value)) return value.toString('base64');
	if (value instanceof Date) {
		throw inputError(
			path,
			'is a JavaScript Date; give the local date as text, "YYYY-MM-DDTHH:mm:ss"',
		);
	}
	if (Array.isArray(value)) {
		throw inputError(
			path,
			'is a list; wrap it in an object naming its item element, e.g. {"int": [1, 2]}',
		);
	}
	if (typeof value === 'object') {
		return Object.entries(value as Record<string, unknown>)
			.map(([name, child]) => {
				checkedName(name, `field name inside ${path}`);
				const items = Array.isArray(child) ? child : [child];
				return items
					.map((item) => {
						const content = writeUntypedContent(item, `${path}.${name}`);
						return content === '' ? `<${name}/>` : `<${name}>${content}</${name}>`;
					})
					.join('');
			})
			.join('');
	}
	throw inputError(path, `cannot be sent (${describe(value)})`);
}

// ---------------------------------------------------------------- elements

function nilElement(name: string): string {
	return `<${name} xsi:nil="true"/>`;
}

function element(name: string, content: string): string {
	return content === '' ? `<${name}/>` : `<${name}>${content}</${name}>`;
}

/** Content of one value of `kind` (no surrounding element). */
function writeContent(kind: FieldKind, value: unknown, path: string, catalogue: Catalogue): string {
	if (kind.kind === 'scalar') return writeScalar(kind, value, path);
	if (kind.kind === 'enum') {
		const text = typeof value === 'string' ? value.trim() : undefined;
		const canonical =
			text === undefined
				? undefined
				: kind.values.find((v) => v.toLowerCase() === text.toLowerCase());
		if (canonical === undefined) {
			throw inputError(path, `must be one of ${kind.values.join(', ')}; got ${describe(value)}`);
		}
		return escapeXml(canonical);
	}
	if (
		typeof value !== 'object' ||
		value === null ||
		Array.isArray(value) ||
		Buffer.isBuffer(value) ||
		value instanceof Date
	) {
		throw inputError(
			path,
			`must be an object with the fields of ${kind.name}, not ${describe(value)}`,
		);
	}
	const record = value as Record<string, unknown>;
	// Keys the type does not have (e.g. unknown elements kept by the reader) are not sent: .NET would ignore them.
	return kind.fields
		.map((child) => writeField(child, record[child.name], `${path}.${child.name}`, catalogue))
		.join('');
}

function writeField(field: Field, value: unknown, path: string, catalogue: Catalogue): string {
	const kind = kindOf(field.type, catalogue);
	if (field.listItem !== undefined) {
		if (value === null || value === undefined) return field.nillable ? nilElement(field.name) : '';
		if (!Array.isArray(value)) throw inputError(path, `must be a list, not ${describe(value)}`);
		const itemName = field.listItem;
		const items = value.map((item, index) => {
			if (item === null || item === undefined) {
				return isValueType(kind)
					? element(itemName, escapeXml(dotnetDefaultText(kind)))
					: nilElement(itemName);
			}
			return element(itemName, writeContent(kind, item, `${path}[${index}]`, catalogue));
		});
		return element(field.name, items.join(''));
	}
	if (value === null || value === undefined) {
		if (field.nillable) return nilElement(field.name);
		if (isValueType(kind)) return element(field.name, escapeXml(dotnetDefaultText(kind)));
		return '';
	}
	return element(field.name, writeContent(kind, value, path, catalogue));
}

/**
 * One element for `field` holding `value`, .NET XmlSerializer style. Unqualified: the enclosing
 * element's default namespace applies. Throws WireError{kind:'input'} naming the field when the
 * value does not fit.
 */
export function writeValue(field: Field, value: unknown, catalogue: Catalogue): string {
	return writeField(field, value, field.name, catalogue);
}

// ---------------------------------------------------------------- envelopes

const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';

function envelopeOpen(soapVersion: SoapVersion): string {
	return (
		`${XML_DECLARATION}<soap:Envelope xmlns:soap="${SOAP_ENVELOPE_NAMESPACE[soapVersion]}"` +
		` xmlns:xsi="${XSI_NAMESPACE}" xmlns:xsd="${XSD_NAMESPACE}">`
	);
}
const ENVELOPE_CLOSE = '</soap:Envelope>';

export interface BuildRequestOptions {
	/** Default '1.1' (SOAPAction header). */
	soapVersion?: SoapVersion;
}

export interface BuiltRequest {
	/** The envelope, with an EMPTY auth header element for fillAuthHeader() to fill. */
	body: string;
	headers: Record<string, string>;
}

/**
 * The request envelope for `op`. Parameters are written in catalogue order whatever the key
 * order of `params`; a name the operation does not have is an error (Nmbrs would silently ignore it).
 * Value-type parameters (ints, booleans, dates, enums) must be given unless nillable.
 */
export function buildRequest(
	op: Operation,
	params: Record<string, unknown>,
	catalogue: Catalogue,
	options: BuildRequestOptions = {},
): BuiltRequest {
	const soapVersion = options.soapVersion ?? '1.1';
	const key = operationKey(op);
	// An ad-hoc operation (Custom Call) takes its names from the user.
	checkedName(op.name, `operation name of ${op.service}`);
	for (const param of op.params) checkedName(param.name, `parameter name of ${key}`);
	const known = new Set(op.params.map((p) => p.name));
	const unknown = Object.keys(params).filter((name) => !known.has(name));
	if (unknown.length > 0) {
		const valid =
			op.params.length > 0
				? op.params.map((p) => p.name).join(', ')
				: 'none (it takes no parameters)';
		throw new WireError(
			'input',
			`${key} has no parameter ${unknown.map((n) => `"${n}"`).join(', ')}; its parameters are: ${valid} (names are case-sensitive).`,
		);
	}
	const body = op.params
		.map((param) => {
			const value = params[param.name];
			if (
				(value === undefined || value === null) &&
				!param.nillable &&
				!param.optional &&
				param.listItem === undefined
			) {
				if (isValueType(kindOf(param.type, catalogue))) {
					throw new WireError(
						'input',
						`${key} needs parameter ${param.name} (${param.type}); it was not given.`,
					);
				}
			}
			return writeField(param, value, param.name, catalogue);
		})
		.join('');
	const namespace = serviceNamespace(op.service);
	const envelope =
		`${envelopeOpen(soapVersion)}<soap:Header><${op.auth} xmlns="${namespace}"/></soap:Header>` +
		`<soap:Body>${body === '' ? `<${op.name} xmlns="${namespace}"/>` : `<${op.name} xmlns="${namespace}">${body}</${op.name}>`}` +
		`</soap:Body>${ENVELOPE_CLOSE}`;
	const action = soapAction(op.service, op.name);
	const headers: Record<string, string> =
		soapVersion === '1.1'
			? { 'Content-Type': SOAP_CONTENT_TYPE['1.1'], SOAPAction: action }
			: { 'Content-Type': `${SOAP_CONTENT_TYPE['1.2']}; action="${action}"` };
	return { body: envelope, headers };
}

/** The answer ASMX gives for `op` with `result` (void operations: an empty `<OpResponse/>`). */
export function buildResponse(
	op: Operation,
	result: unknown,
	catalogue: Catalogue,
	soapVersion: SoapVersion = '1.1',
): string {
	const namespace = serviceNamespace(op.service);
	const content = op.result ? writeField(op.result, result, op.result.name, catalogue) : '';
	const response =
		content === ''
			? `<${op.name}Response xmlns="${namespace}"/>`
			: `<${op.name}Response xmlns="${namespace}">${content}</${op.name}Response>`;
	return `${envelopeOpen(soapVersion)}<soap:Body>${response}</soap:Body>${ENVELOPE_CLOSE}`;
}

export interface FaultSpec {
	/** true: the request was wrong (Client/Sender); false: the server failed (Server/Receiver). */
	sender: boolean;
	/** The fault string, e.g. nmbrsFaultMessage(1002, 'Unauthorized access'). */
	message: string;
}

/** The fault string ASMX produces for an Nmbrs business error. */
export function nmbrsFaultMessage(code: number, message: string): string {
	return `Server was unable to process request. ---> ${code}: ${message}`;
}

/** An ASMX-style SOAP fault envelope (send it with HTTP 500). */
export function buildFault(soapVersion: SoapVersion, fault: FaultSpec): string {
	const text = escapeXml(fault.message);
	const fault11 = `<soap:Fault><faultcode>soap:${fault.sender ? 'Client' : 'Server'}</faultcode><faultstring>${text}</faultstring><detail/></soap:Fault>`;
	const fault12 =
		`<soap:Fault><soap:Code><soap:Value>soap:${fault.sender ? 'Sender' : 'Receiver'}</soap:Value></soap:Code>` +
		`<soap:Reason><soap:Text xml:lang="en">${text}</soap:Text></soap:Reason><soap:Detail/></soap:Fault>`;
	return `${envelopeOpen(soapVersion)}<soap:Body>${soapVersion === '1.1' ? fault11 : fault12}</soap:Body>${ENVELOPE_CLOSE}`;
}
