/** The WSDL the emulator serves, generated from the catalogue: what a WSDL-driven client relies on. */
import { startEmulator, type RunningEmulator } from '../src';
import { WORLD_NOW } from './helpers';

let emulator: RunningEmulator;
const wsdl: Record<string, string> = {};

beforeAll(async () => {
	emulator = await startEmulator({ port: 0, worldNow: WORLD_NOW });
	for (const service of ['DebtorService', 'EmployeeService']) {
		wsdl[service] = await (await fetch(`${emulator.soapBaseUrl}${service}.asmx?WSDL`)).text();
	}
});
afterAll(async () => {
	await emulator.close();
});

it('qualifies elements in the service namespace', () => {
	expect(wsdl.EmployeeService).toContain(
		'<s:schema elementFormDefault="qualified" targetNamespace="https://api.nmbrs.nl/soap/v3/EmployeeService">',
	);
});

it('writes nillable value types, optional strings, enums and ArrayOf lists as ASMX does', () => {
	expect(wsdl.EmployeeService).toMatch(
		/<s:element minOccurs="[01]" maxOccurs="1" name="Birthday" nillable="true" type="s:dateTime" \/>/,
	);
	expect(wsdl.EmployeeService).toContain(
		'<s:element minOccurs="0" maxOccurs="1" name="FirstName" type="s:string" />',
	);
	expect(wsdl.EmployeeService).toMatch(
		/<s:simpleType name="Gender"><s:restriction base="s:string"><s:enumeration value="undefined" \/>/,
	);
	expect(wsdl.EmployeeService).toMatch(
		/<s:complexType name="ArrayOfEmployee"><s:sequence><s:element minOccurs="0" maxOccurs="unbounded" name="Employee" nillable="true" type="tns:Employee" \/>/,
	);
});

it('declares the auth header per operation: AuthHeader for Environment_Get, AuthHeaderWithDomain elsewhere', () => {
	const debtor = wsdl.DebtorService;
	expect(debtor).toContain('<s:element name="AuthHeader" type="tns:AuthHeader" />');
	expect(debtor).toContain(
		'<s:element name="AuthHeaderWithDomain" type="tns:AuthHeaderWithDomain" />',
	);
	expect(debtor).toContain(
		'<wsdl:message name="Environment_GetAuthHeader"><wsdl:part name="AuthHeader" element="tns:AuthHeader" /></wsdl:message>',
	);
	expect(debtor).toContain(
		'<soap12:header message="tns:List_GetAllAuthHeaderWithDomain" part="AuthHeaderWithDomain" use="literal" />',
	);
	expect(debtor).toContain(
		'<soap:operation soapAction="https://api.nmbrs.nl/soap/v3/DebtorService/List_GetAll" style="document" />',
	);
});

it('points both ports at the address the client used', () => {
	expect(wsdl.DebtorService).toContain(
		`<soap:address location="${emulator.url}/soap/v3/DebtorService.asmx" />`,
	);
	expect(wsdl.DebtorService).toContain(
		`<soap12:address location="${emulator.url}/soap/v3/DebtorService.asmx" />`,
	);
});
