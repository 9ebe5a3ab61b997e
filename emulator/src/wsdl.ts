/**
 * The WSDL the emulator serves at `<Service>.asmx?WSDL`, generated from the catalogue so that it
 * cannot drift from what the emulator reads and writes. Laid out like an ASMX WSDL: one schema
 * (elementFormDefault qualified) with a wrapper element per operation and `<Op>Response`, the
 * complex types, `ArrayOfX` list types, enums as string restrictions, both auth header elements;
 * GUIDs as the Microsoft `guid` type in a schema of their own (`s1:guid`), an untyped element for
 * anyType, as the real v2.1 WSDLs have them; then messages, one portType and SOAP 1.1 + 1.2
 * bindings whose address is this server.
 */
import { soapAction, serviceNamespace } from '../../nodes/Nmbrs/catalogue/types';
import type {
	Catalogue,
	Field,
	FieldType,
	Operation,
	ServiceName,
} from '../../nodes/Nmbrs/catalogue/types';
import { escapeXml } from '../../nodes/Nmbrs/wire';

/** Where ASMX declares System.Guid: a pattern-restricted string, imported by the service schema. */
const GUID_NAMESPACE = 'http://microsoft.com/wsdl/types/';
const GUID_SCHEMA =
	`<s:schema elementFormDefault="qualified" targetNamespace="${GUID_NAMESPACE}">` +
	`<s:simpleType name="guid"><s:restriction base="s:string">` +
	`<s:pattern value="[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}" />` +
	`</s:restriction></s:simpleType></s:schema>`;

/** XSD type per scalar; anyType is an element without a type attribute (undefined), as ASMX writes it. */
const SCALAR_XSD: Record<string, string | undefined> = {
	string: 's:string',
	int: 's:int',
	long: 's:long',
	decimal: 's:decimal',
	double: 's:double',
	boolean: 's:boolean',
	dateTime: 's:dateTime',
	date: 's:dateTime',
	guid: 's1:guid',
	base64Binary: 's:base64Binary',
	xmlDocument: 's:string',
	anyType: undefined,
};

/** Scalars that are .NET reference types: their ArrayOfX items are nillable, value types' are not. */
const REFERENCE_SCALARS = new Set(['string', 'xmlDocument', 'base64Binary', 'anyType']);

function typeAttribute(ref: string | undefined): string {
	return ref === undefined ? '' : ` type="${ref}"`;
}

/** XSD names must be NCNames; catalogue type names may carry qualifiers (`Employee.WageTax`). */
function xsdName(name: string): string {
	return name.replace(/[^\w.-]/g, '_').replace(/^([^A-Z_])/i, '_$1');
}

function capitalise(name: string): string {
	return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * Writes the schema. Operations come from two catalogues (curated, and generated from the v2.1
 * WSDL) that may each define a type of the same name differently; the first definition keeps the
 * plain name and a different one gets a suffix. XSD type names never reach the wire (element
 * names do), so clients are not affected.
 */
class SchemaWriter {
	/** `kind|name` -> definitions already emitted with their XSD names (to reuse identical ones). */
	private readonly named = new Map<string, Array<{ definition: string; xsd: string }>>();
	/** catalogue-local reference -> XSD name, per catalogue. */
	private readonly resolved = new Map<Catalogue, Map<string, string>>();
	private readonly taken = new Set<string>(['AuthHeader', 'AuthHeaderWithDomain']);
	private readonly arrays = new Map<string, string>();
	private readonly parts: string[] = [];
	/** Whether any element is a GUID: then the guid schema and its import are written, as ASMX does. */
	usesGuid = false;

	private claim(
		kind: string,
		name: string,
		catalogue: Catalogue,
		definition: string,
	): { xsd: string; isNew: boolean } {
		const perCatalogue = this.resolved.get(catalogue) ?? new Map<string, string>();
		this.resolved.set(catalogue, perCatalogue);
		const local = perCatalogue.get(`${kind}|${name}`);
		if (local) return { xsd: local, isNew: false };
		const versions = this.named.get(`${kind}|${name}`) ?? [];
		this.named.set(`${kind}|${name}`, versions);
		const same = versions.find((v) => v.definition === definition);
		if (same) {
			perCatalogue.set(`${kind}|${name}`, same.xsd);
			return { xsd: same.xsd, isNew: false };
		}
		let xsd = xsdName(name);
		for (let n = 2; this.taken.has(xsd); n++) xsd = `${xsdName(name)}_${n}`;
		this.taken.add(xsd);
		versions.push({ definition, xsd });
		perCatalogue.set(`${kind}|${name}`, xsd);
		return { xsd, isNew: true };
	}

	typeRef(type: FieldType, catalogue: Catalogue): string | undefined {
		if (type.startsWith('enum:')) return `tns:${this.addEnum(type.slice(5), catalogue)}`;
		if (type.startsWith('type:')) return `tns:${this.addComplexType(type.slice(5), catalogue)}`;
		if (type === 'guid') this.usesGuid = true;
		return type in SCALAR_XSD ? SCALAR_XSD[type] : 's:string';
	}

	element(field: Field, catalogue: Catalogue): string {
		if (field.listItem !== undefined) {
			const arrayName = this.addArray(field.listItem, field.type, catalogue);
			return `<s:element minOccurs="0" maxOccurs="1" name="${escapeXml(field.name)}" type="tns:${arrayName}" />`;
		}
		const ref = this.typeRef(field.type, catalogue);
		const min = field.optional ? 0 : 1;
		const nillable = field.nillable ? ' nillable="true"' : '';
		return `<s:element minOccurs="${min}" maxOccurs="1" name="${escapeXml(field.name)}"${nillable}${typeAttribute(ref)} />`;
	}

	private addArray(itemName: string, itemType: FieldType, catalogue: Catalogue): string {
		const ref = this.typeRef(itemType, catalogue);
		const key = `${itemName}|${ref ?? ''}`;
		const existing = this.arrays.get(key);
		if (existing) return existing;
		let typeName = `ArrayOf${capitalise(xsdName(itemName))}`;
		for (let n = 2; this.taken.has(typeName); n++)
			typeName = `ArrayOf${capitalise(xsdName(itemName))}${n}`;
		this.taken.add(typeName);
		this.arrays.set(key, typeName);
		const nillable =
			itemType.startsWith('type:') || REFERENCE_SCALARS.has(itemType) ? ' nillable="true"' : '';
		this.parts.push(
			`<s:complexType name="${typeName}"><s:sequence>` +
				`<s:element minOccurs="0" maxOccurs="unbounded" name="${escapeXml(itemName)}"${nillable}${typeAttribute(ref)} />` +
				`</s:sequence></s:complexType>`,
		);
		return typeName;
	}

	private addEnum(name: string, catalogue: Catalogue): string {
		const values = catalogue.enums[name] ?? [];
		const { xsd, isNew } = this.claim('enum', name, catalogue, JSON.stringify(values));
		if (isNew) {
			this.parts.push(
				`<s:simpleType name="${xsd}"><s:restriction base="s:string">` +
					values.map((v) => `<s:enumeration value="${escapeXml(v)}" />`).join('') +
					`</s:restriction></s:simpleType>`,
			);
		}
		return xsd;
	}

	private addComplexType(name: string, catalogue: Catalogue): string {
		const type = catalogue.types[name];
		const { xsd, isNew } = this.claim(
			'type',
			name,
			catalogue,
			JSON.stringify(type ? [type.base, type.fields] : null),
		);
		if (!isNew) return xsd;
		if (!type) {
			// A dangling reference: serve an open type rather than an unloadable WSDL.
			this.parts.push(
				`<s:complexType name="${xsd}"><s:sequence><s:any minOccurs="0" maxOccurs="unbounded" processContents="lax" /></s:sequence></s:complexType>`,
			);
			return xsd;
		}
		const sequence = `<s:sequence>${type.fields.map((f) => this.element(f, catalogue)).join('')}</s:sequence>`;
		if (type.base) {
			const base = `tns:${this.addComplexType(type.base, catalogue)}`;
			this.parts.push(
				`<s:complexType name="${xsd}"><s:complexContent mixed="false">` +
					`<s:extension base="${base}">${sequence}</s:extension></s:complexContent></s:complexType>`,
			);
		} else {
			this.parts.push(`<s:complexType name="${xsd}">${sequence}</s:complexType>`);
		}
		return xsd;
	}

	operationElements(op: Operation, catalogue: Catalogue): void {
		const params = op.params.map((p) => this.element(p, catalogue)).join('');
		this.parts.push(
			`<s:element name="${op.name}"><s:complexType><s:sequence>${params}</s:sequence></s:complexType></s:element>`,
		);
		const result = op.result
			? `<s:sequence>${this.element(op.result, catalogue)}</s:sequence>`
			: '';
		this.parts.push(
			`<s:element name="${op.name}Response"><s:complexType>${result}</s:complexType></s:element>`,
		);
	}

	toXml(): string {
		return this.parts.join('\n');
	}
}

const AUTH_HEADERS =
	`<s:element name="AuthHeader" type="tns:AuthHeader" />` +
	`<s:complexType name="AuthHeader"><s:sequence>` +
	`<s:element minOccurs="0" maxOccurs="1" name="Username" type="s:string" />` +
	`<s:element minOccurs="0" maxOccurs="1" name="Token" type="s:string" />` +
	`</s:sequence><s:anyAttribute /></s:complexType>\n` +
	`<s:element name="AuthHeaderWithDomain" type="tns:AuthHeaderWithDomain" />` +
	`<s:complexType name="AuthHeaderWithDomain"><s:sequence>` +
	`<s:element minOccurs="0" maxOccurs="1" name="Username" type="s:string" />` +
	`<s:element minOccurs="0" maxOccurs="1" name="Token" type="s:string" />` +
	`<s:element minOccurs="0" maxOccurs="1" name="Domain" type="s:string" />` +
	`</s:sequence><s:anyAttribute /></s:complexType>`;

function binding(service: ServiceName, ops: Operation[], soap: 'soap' | 'soap12'): string {
	const name = soap === 'soap' ? `${service}Soap` : `${service}Soap12`;
	const operations = ops.map(
		(op) =>
			`<wsdl:operation name="${op.name}">` +
			`<${soap}:operation soapAction="${soapAction(service, op.name)}" style="document" />` +
			`<wsdl:input><${soap}:body use="literal" /><${soap}:header message="tns:${op.name}${op.auth}" part="${op.auth}" use="literal" /></wsdl:input>` +
			`<wsdl:output><${soap}:body use="literal" /></wsdl:output>` +
			`</wsdl:operation>`,
	);
	return (
		`<wsdl:binding name="${name}" type="tns:${service}Soap">` +
		`<${soap}:binding transport="http://schemas.xmlsoap.org/soap/http" />\n` +
		operations.join('\n') +
		`\n</wsdl:binding>`
	);
}

export interface WsdlOperation {
	operation: Operation;
	/** The catalogue that holds the operation's types and enums. */
	catalogue: Catalogue;
}

/**
 * The WSDL of one service. `address` is the endpoint to advertise, e.g.
 * `http://127.0.0.1:7780/soap/v3/CompanyService.asmx`.
 */
export function generateWsdl(
	service: ServiceName,
	operations: WsdlOperation[],
	address: string,
): string {
	const ns = serviceNamespace(service);
	const entries = [...operations].sort((a, b) => a.operation.name.localeCompare(b.operation.name));
	const ops = entries.map((e) => e.operation);
	const schema = new SchemaWriter();
	for (const entry of entries) schema.operationElements(entry.operation, entry.catalogue);

	const messages = ops.map(
		(op) =>
			`<wsdl:message name="${op.name}SoapIn"><wsdl:part name="parameters" element="tns:${op.name}" /></wsdl:message>` +
			`<wsdl:message name="${op.name}SoapOut"><wsdl:part name="parameters" element="tns:${op.name}Response" /></wsdl:message>` +
			`<wsdl:message name="${op.name}${op.auth}"><wsdl:part name="${op.auth}" element="tns:${op.auth}" /></wsdl:message>`,
	);
	const portType = ops.map(
		(op) =>
			`<wsdl:operation name="${op.name}">` +
			(op.description
				? `<wsdl:documentation>${escapeXml(op.description)}</wsdl:documentation>`
				: '') +
			`<wsdl:input message="tns:${op.name}SoapIn" /><wsdl:output message="tns:${op.name}SoapOut" /></wsdl:operation>`,
	);
	const location = escapeXml(address);
	const guid = schema.usesGuid;

	return [
		`<?xml version="1.0" encoding="utf-8"?>`,
		`<wsdl:definitions xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:s="http://www.w3.org/2001/XMLSchema" ` +
			`xmlns:soap12="http://schemas.xmlsoap.org/wsdl/soap12/" xmlns:http="http://schemas.xmlsoap.org/wsdl/http/" ` +
			`xmlns:tns="${ns}"${guid ? ` xmlns:s1="${GUID_NAMESPACE}"` : ''} targetNamespace="${ns}" xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/">`,
		`<wsdl:types><s:schema elementFormDefault="qualified" targetNamespace="${ns}">`,
		guid ? `<s:import namespace="${GUID_NAMESPACE}" />` : '',
		AUTH_HEADERS,
		schema.toXml(),
		`</s:schema>${guid ? GUID_SCHEMA : ''}</wsdl:types>`,
		messages.join('\n'),
		`<wsdl:portType name="${service}Soap">`,
		portType.join('\n'),
		`</wsdl:portType>`,
		binding(service, ops, 'soap'),
		binding(service, ops, 'soap12'),
		`<wsdl:service name="${service}">` +
			`<wsdl:port name="${service}Soap" binding="tns:${service}Soap"><soap:address location="${location}" /></wsdl:port>` +
			`<wsdl:port name="${service}Soap12" binding="tns:${service}Soap12"><soap12:address location="${location}" /></wsdl:port>` +
			`</wsdl:service>`,
		`</wsdl:definitions>`,
	]
		.filter((part) => part !== '')
		.join('\n');
}
