/**
 * The wire form of catalogue shapes, both directions, shared by the client (transport) and
 * the emulator so that nothing about the XML is written twice. Pure: no n8n imports.
 *
 * CONTRACT (implemented in the files beside this one):
 *
 * Values
 *   type WireValue = null | string | number | boolean | Buffer | WireObject | WireValue[]
 *   interface WireObject { [field: string]: WireValue }
 *   - int/long/decimal/double -> number; boolean -> boolean; enum/string/guid -> string;
 *     date -> 'YYYY-MM-DD'; dateTime -> 'YYYY-MM-DDTHH:mm:ss' (zone-less, never shifted);
 *     '0001-01-01T00:00:00' -> null; base64Binary -> Buffer; xmlDocument -> string;
 *     complex -> object with every catalogue field present (absent/nil -> null, list -> []),
 *     plus any unknown child elements as strings (nothing is lost);
 *     listItem fields -> arrays (one child is still a one-item array).
 *
 * Writing (writeXml.ts)
 *   escapeXml(text): string                                   text and attribute escaping
 *   writeValue(field, value, catalogue): string               one element, .NET XmlSerializer style:
 *       WSDL order, null optional -> omitted, null nillable -> xsi:nil="true", dates zone-less,
 *       decimals invariant, Buffers base64, every value escaped
 *   buildRequest(op, params, catalogue, { soapVersion }): { body, headers }
 *       SOAP 1.1: Content-Type text/xml; charset=utf-8 + SOAPAction header;
 *       SOAP 1.2: application/soap+xml; charset=utf-8; action="..."
 *       The header holds an EMPTY auth element in the service namespace
 *       (<AuthHeaderWithDomain xmlns="ns"/> or <AuthHeader xmlns="ns"/>) that
 *       fillAuthHeader() (transport/auth.ts, used by the credential's authenticate) fills in.
 *   buildResponse(op, result, catalogue, soapVersion): string       (the emulator's answers)
 *   buildFault(soapVersion, { sender: boolean, message }): string    ASMX-style fault
 *
 * Reading (readXml.ts, saxes: streaming, strict, DOCTYPE/entity declarations refused)
 *   readResponse(xml, op, catalogue): { result: WireValue } | throws WireError
 *       Fault -> WireError{ kind:'fault', faultString, soapVersion }, truncated/garbage -> WireError{ kind:'malformed' }
 *   readRequest(xml, catalogue, resolve): { soapVersion, operationName, header: {...}, params }
 *       (the emulator) elements in another namespace or with unknown names are ignored, as .NET does
 *   xmlDocumentToJson(xml): unknown                         fast-xml-parser, for XML-in-a-string
 */
export {};
