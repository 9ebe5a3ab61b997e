/**
 * The wire form of catalogue shapes, both directions, shared by the client (transport) and
 * the emulator so that nothing about the XML is written twice. Pure: no n8n imports.
 *
 * Values (WireValue)
 *   int/long/decimal/double -> number; boolean -> boolean; enum/string/guid -> string;
 *   date -> 'YYYY-MM-DD'; dateTime -> 'YYYY-MM-DDTHH:mm:ss' (zone-less, never shifted);
 *   '0001-01-01T00:00:00' -> null; base64Binary -> Buffer; xmlDocument -> string (see xmlDocumentToJson);
 *   complex -> object with every catalogue field present (absent/nil -> null, absent/nil list -> []),
 *   plus, in responses, unknown child elements as strings (or objects of strings when they have children);
 *   listItem fields -> arrays (one child is still a one-item array).
 *   A Field with `listItem` is an ArrayOf wrapper; its `type` is the type of each item.
 *
 * Writing (writeXml.ts)
 *   escapeXml(text)                                     text and attribute escaping
 *   writeValue(field, value, catalogue)                 one element, .NET XmlSerializer style; accepts
 *       dates as 'YYYY-MM-DD' / 'YYYY-MM-DDTHH:mm:ss' text only (a zone or a JS Date is an error);
 *       null: nillable -> xsi:nil, reference types omitted, value types .NET default
 *   buildRequest(op, params, catalogue, { soapVersion }) -> { body, headers }
 *       params in catalogue order; unknown names and missing value-type params are errors;
 *       the header holds an EMPTY <AuthHeaderWithDomain xmlns="ns"/> (or <AuthHeader .../>)
 *       that transport/auth.ts fillAuthHeader() fills in.
 *   buildResponse(op, result, catalogue, soapVersion)   the emulator's answers
 *   buildFault(soapVersion, { sender, message })         ASMX-style fault; nmbrsFaultMessage(code, text)
 *
 * Reading (readXml.ts, saxes: streaming, strict, DOCTYPE refused)
 *   readResponse(xml, op, catalogue, { scrub }) -> { result, soapVersion }
 *   new ResponseReader(op, catalogue, { scrub }): write(chunk)..., end() -> the same, as it arrives
 *       throws WireError{kind:'fault', faultString, faultCode} or WireError{kind:'malformed', excerpt};
 *       accepts the v3 or v2.1 service namespace on responses; refuses a dateTime with a zone;
 *       `scrub` cleans the whole answer of secrets before any excerpt is cut from it
 *       (unknown elements, whatever their name, are kept as own data properties)
 *   readRequest(xml, catalogue, resolve) -> { soapVersion, operationName, namespace, operation, header, params }
 *       (the emulator) elements in another namespace or with unknown names are ignored, as .NET does;
 *       absent params get .NET defaults
 *   xmlDocumentToJson(xml)                              fast-xml-parser, for XML-in-a-string (values
 *       stay text, character references decoded, declaration left out)
 *
 * Redacting (redact.ts)
 *   redactTokenElements(xml)                            every <Token> element's content -> ***
 *   secretPattern(secret)                               the secret plain, XML-escaped or percent-encoded
 *
 * Errors: every codec error is a WireError (kind 'fault' | 'malformed' | 'input'); none carries
 * request text, so none can carry credentials.
 */
export {
	WireError,
	SOAP_CONTENT_TYPE,
	SOAP_ENVELOPE_NAMESPACE,
	XSI_NAMESPACE,
	XSD_NAMESPACE,
	DOTNET_MIN_DATE,
	adHocOperation,
	fieldsOfType,
	resultElementName,
	excerptOf,
} from './shape';
export type { WireValue, WireObject, SoapVersion, WireErrorKind } from './shape';
export {
	escapeXml,
	writeValue,
	buildRequest,
	buildResponse,
	buildFault,
	nmbrsFaultMessage,
} from './writeXml';
export type { BuildRequestOptions, BuiltRequest, FaultSpec } from './writeXml';
export { MAX_DEPTH, ResponseReader, readResponse, readRequest, xmlDocumentToJson } from './readXml';
export { redactTokenElements, secretPattern } from './redact';
export type {
	ReadOptions,
	ReadResponseResult,
	ReadRequestResult,
	RequestAuthHeader,
	Scrub,
} from './readXml';
