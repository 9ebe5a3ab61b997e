import * as fs from 'fs';
import * as path from 'path';
import {
	buildFault,
	buildRequest,
	buildResponse,
	readRequest,
	readResponse,
	xmlDocumentToJson,
	WireError,
} from '../../nodes/Nmbrs/wire';
import { catalogue, getOperation } from '../../nodes/Nmbrs/catalogue';
import {
	ENV11,
	listGetByCompany,
	miniCatalogue,
	payslipGet,
	personalInfoGet,
	personalInfoUpdate,
} from './fixtures';
import { describeNeedingShared } from '../needsShared';

const EMP_NS = 'https://api.nmbrs.nl/soap/v3/EmployeeService';
const body = (inner: string, env = ENV11) =>
	`${env}<soap:Body>${inner}</soap:Body></soap:Envelope>`;

function wireError(fn: () => unknown): WireError {
	try {
		fn();
	} catch (error) {
		if (error instanceof WireError) return error;
		throw error;
	}
	throw new Error('expected a WireError');
}

const SAMPLES = path.resolve(__dirname, '../../../shared/nmbrs-api/samples-v2.1');
const describeSamples = describeNeedingShared(
	fs.existsSync(SAMPLES),
	`the real-sample tests need ${SAMPLES}, which is absent`,
);

describeSamples('real v2.1 samples from ../shared', () => {
	it('reads CompanyService.List_GetAll: a one-company answer is still a list, omitted strings are null', () => {
		const xml = fs.readFileSync(path.join(SAMPLES, 'CompanyService.List_GetAll.response.xml'));
		const { result } = readResponse(xml, getOperation('CompanyService.List_GetAll'), catalogue);
		expect(Array.isArray(result)).toBe(true);
		expect(result).toHaveLength(1);
		expect(result).toEqual([
			expect.objectContaining({
				ID: 54613,
				Number: 444445,
				Name: 'DEMO B.V. 2',
				LoonaangifteTijdvak: 'Month',
				PhoneNumber: null,
				KvkNr: null,
			}),
		]);
	});

	it('reads EmployeeService.List_GetByCompany into typed employees', () => {
		const xml = fs.readFileSync(
			path.join(SAMPLES, 'EmployeeService.List_GetByCompany.response.xml'),
			'utf8',
		);
		const { result, soapVersion } = readResponse(
			xml,
			getOperation('EmployeeService.List_GetByCompany'),
			catalogue,
		);
		expect(soapVersion).toBe('1.1');
		expect(result).toEqual([
			{ Id: 503293, Number: 1, DisplayName: 'Jan de Vries' },
			{ Id: 503294, Number: 2, DisplayName: 'Anton de Jong' },
		]);
	});
});

describe('readResponse', () => {
	it('types every field, nil -> null, absent -> null, 0001-01-01 -> null, unknown elements kept as text', () => {
		const xml = body(
			`<PersonalInfo_GetCurrentResponse xmlns="${EMP_NS}"><PersonalInfo_GetCurrentResult>` +
				'<Id>7</Id><Number>3</Number><EmployeeNumber xsi:nil="true"/><LastName>O&apos;Brien &amp; &lt;Zn&gt;</LastName>' +
				'<Gender>male</Gender><Birthday>1990-03-25T00:00:00</Birthday><CreationDate>0001-01-01T00:00:00</CreationDate>' +
				'<Hours>12144.00</Hours><Active>false</Active><NewV3Field>hello</NewV3Field>' +
				'</PersonalInfo_GetCurrentResult></PersonalInfo_GetCurrentResponse>',
		);
		expect(readResponse(xml, personalInfoGet, miniCatalogue).result).toEqual({
			Id: 7,
			Number: 3,
			DisplayName: null,
			EmployeeNumber: null,
			LastName: "O'Brien & <Zn>",
			Gender: 'male',
			Birthday: '1990-03-25',
			CreationDate: null,
			Hours: 12144,
			Active: false,
			NewV3Field: 'hello',
		});
	});

	it('round-trips what the writer writes, including awkward text and base64', () => {
		const record = {
			Id: 1,
			Number: 2,
			DisplayName: '<b>"Tom" & Jerry\'s</b>\r\n ]]> é€',
			EmployeeNumber: 5,
			LastName: '  spaced  ',
			Gender: 'female',
			Birthday: '1990-03-25',
			CreationDate: '2024-03-31T02:30:00',
			Hours: 0.1,
			Active: true,
		};
		expect(
			readResponse(
				buildResponse(personalInfoGet, record, miniCatalogue),
				personalInfoGet,
				miniCatalogue,
			).result,
		).toEqual(record);
		const pdf = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]);
		const { result } = readResponse(
			buildResponse(payslipGet, { PDF: pdf }, miniCatalogue),
			payslipGet,
			miniCatalogue,
		);
		expect(Buffer.isBuffer((result as { PDF: Buffer }).PDF)).toBe(true);
		expect((result as { PDF: Buffer }).PDF.equals(pdf)).toBe(true);
	});

	it('returns [] for an empty or omitted list result and null for a void operation', () => {
		const empty = body(
			`<List_GetByCompanyResponse xmlns="${EMP_NS}"><List_GetByCompanyResult/></List_GetByCompanyResponse>`,
		);
		expect(readResponse(empty, listGetByCompany, miniCatalogue).result).toEqual([]);
		const omitted = body(`<List_GetByCompanyResponse xmlns="${EMP_NS}"/>`);
		expect(readResponse(omitted, listGetByCompany, miniCatalogue).result).toEqual([]);
		const voidAnswer = buildResponse(personalInfoUpdate, null, miniCatalogue);
		expect(readResponse(voidAnswer, personalInfoUpdate, miniCatalogue).result).toBeNull();
	});

	it('accepts the v2.1 namespace and SOAP 1.2, refuses an answer from another service', () => {
		const v21 = body(
			'<List_GetByCompanyResponse xmlns="https://api.nmbrs.nl/soap/v2.1/EmployeeService"><List_GetByCompanyResult><Employee><Id>1</Id><Number>1</Number></Employee></List_GetByCompanyResult></List_GetByCompanyResponse>',
		);
		expect(readResponse(v21, listGetByCompany, miniCatalogue).result).toEqual([
			{ Id: 1, Number: 1, DisplayName: null },
		]);
		const v12 = buildResponse(listGetByCompany, [], miniCatalogue, '1.2');
		expect(readResponse(v12, listGetByCompany, miniCatalogue).soapVersion).toBe('1.2');
		const other = v21.replace('v2.1/EmployeeService', 'v3/CompanyService');
		expect(wireError(() => readResponse(other, listGetByCompany, miniCatalogue)).message).toMatch(
			/not the EmployeeService namespace/,
		);
	});

	it('turns SOAP 1.1 and 1.2 faults into fault errors', () => {
		const message = 'Server was unable to process request. ---> 2004: Unauthorized access';
		for (const version of ['1.1', '1.2'] as const) {
			const error = wireError(() =>
				readResponse(
					buildFault(version, { sender: false, message }),
					listGetByCompany,
					miniCatalogue,
				),
			);
			expect(error.kind).toBe('fault');
			expect(error.faultString).toBe(message);
			expect(error.faultCode).toBe(version === '1.1' ? 'Server' : 'Receiver');
			expect(error.soapVersion).toBe(version);
		}
	});

	it('gives a malformed error, never a half result, for truncated XML', () => {
		const full = buildResponse(
			listGetByCompany,
			[
				{ Id: 1, Number: 1 },
				{ Id: 2, Number: 2 },
			],
			miniCatalogue,
		);
		const truncated = full.slice(0, full.indexOf('<Id>2</Id>') + 6);
		const error = wireError(() => readResponse(truncated, listGetByCompany, miniCatalogue));
		expect(error.kind).toBe('malformed');
		expect(error.message).toMatch(/not well-formed/);
	});

	it('explains an HTML page and an empty body', () => {
		const html =
			'<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>';
		const error = wireError(() => readResponse(html, listGetByCompany, miniCatalogue));
		expect(error.kind).toBe('malformed');
		expect(error.message).toMatch(/HTML page came back.*proxy, a login or maintenance page/);
		expect(error.excerpt).toContain('502 Bad Gateway');
		expect(wireError(() => readResponse('', listGetByCompany, miniCatalogue)).message).toMatch(
			/empty/,
		);
		// A page with a doctype is an HTML page too, not an attack with entity declarations.
		const page = wireError(() =>
			readResponse(
				'<!DOCTYPE html><html><body>Down for maintenance<br></body></html>',
				listGetByCompany,
				miniCatalogue,
			),
		);
		expect(page.kind).toBe('malformed');
		expect(page.message).toMatch(/HTML page came back.*maintenance page/);
		expect(page.message).not.toMatch(/DTD|entit/i);
	});

	it('refuses DOCTYPE and entity declarations (XXE)', () => {
		const xxe =
			'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>' +
			body(
				`<List_GetByCompanyResponse xmlns="${EMP_NS}"><List_GetByCompanyResult><Employee><DisplayName>&x;</DisplayName></Employee></List_GetByCompanyResult></List_GetByCompanyResponse>`,
			).replace('<?xml version="1.0" encoding="utf-8"?>', '');
		const error = wireError(() => readResponse(xxe, listGetByCompany, miniCatalogue));
		expect(error.kind).toBe('malformed');
		expect(error.message).toMatch(/DOCTYPE/);
	});

	it('refuses a billion-laughs payload before expanding anything', () => {
		let entities = '<!ENTITY lol0 "lol">';
		for (let i = 1; i <= 9; i++) entities += `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`;
		const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [${entities}]><lolz>&lol9;</lolz>`;
		const error = wireError(() => readResponse(bomb, listGetByCompany, miniCatalogue));
		expect(error.message).toMatch(/DOCTYPE/);
		expect(() => xmlDocumentToJson(bomb)).toThrow(/DOCTYPE/);
	});
});

describe('readResponse: names that are also JavaScript property names', () => {
	it('keeps unknown elements named __proto__, constructor and toString as plain data, never touching a prototype', () => {
		const xml = body(
			`<PersonalInfo_GetCurrentResponse xmlns="${EMP_NS}"><PersonalInfo_GetCurrentResult><Id>1</Id>` +
				'<__proto__><polluted>yes</polluted></__proto__><constructor>c</constructor><toString>t</toString>' +
				'<Extra><__proto__>inner</__proto__><hasOwnProperty>h</hasOwnProperty><toString>1</toString><toString>2</toString></Extra>' +
				'</PersonalInfo_GetCurrentResult></PersonalInfo_GetCurrentResponse>',
		);
		const result = readResponse(xml, personalInfoGet, miniCatalogue).result as Record<
			string,
			unknown
		>;
		expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect((result as { polluted?: unknown }).polluted).toBeUndefined();
		expect(Object.getOwnPropertyDescriptor(result, '__proto__')?.value).toEqual({
			polluted: 'yes',
		});
		expect(Object.getOwnPropertyDescriptor(result, 'constructor')?.value).toBe('c');
		expect(Object.getOwnPropertyDescriptor(result, 'toString')?.value).toBe('t');
		const extra = result.Extra as Record<string, unknown>;
		expect(Object.getPrototypeOf(extra)).toBe(Object.prototype);
		expect(Object.getOwnPropertyDescriptor(extra, '__proto__')?.value).toBe('inner');
		expect(Object.getOwnPropertyDescriptor(extra, 'hasOwnProperty')?.value).toBe('h');
		expect(Object.getOwnPropertyDescriptor(extra, 'toString')?.value).toEqual(['1', '2']);
		expect(Object.keys(result)).toEqual(
			expect.arrayContaining(['__proto__', 'constructor', 'toString', 'Extra']),
		);
		// Shows up as data when the node hands it on as JSON.
		expect(JSON.parse(JSON.stringify(result)).toString).toBe('t');
	});

	it('does not take a header child named constructor for a header field', () => {
		const request = `${ENV11}<soap:Header><AuthHeaderWithDomain xmlns="${EMP_NS}"><constructor>x</constructor><Username>u</Username></AuthHeaderWithDomain></soap:Header><soap:Body><List_GetByCompany xmlns="${EMP_NS}"><CompanyId>1</CompanyId><EmployeeType>1</EmployeeType></List_GetByCompany></soap:Body></soap:Envelope>`;
		const read = readRequest(request, miniCatalogue, (name) =>
			name === 'List_GetByCompany' ? listGetByCompany : undefined,
		);
		expect(read.header).toEqual({
			element: 'AuthHeaderWithDomain',
			username: 'u',
			token: null,
			domain: null,
		});
	});
});

describe('readResponse: dates with a time zone', () => {
	const withCreationDate = (value: string) =>
		body(
			`<PersonalInfo_GetCurrentResponse xmlns="${EMP_NS}"><PersonalInfo_GetCurrentResult><Id>1</Id><CreationDate>${value}</CreationDate></PersonalInfo_GetCurrentResult></PersonalInfo_GetCurrentResponse>`,
		);

	it.each(['2024-03-31T12:00:00Z', '2024-03-31T12:00:00+02:00', '2024-03-31T12:00:00.123-05:00'])(
		'refuses %s with a malformed error naming the field, instead of silently dropping the zone',
		(value) => {
			const error = wireError(() =>
				readResponse(withCreationDate(value), personalInfoGet, miniCatalogue),
			);
			expect(error.kind).toBe('malformed');
			expect(error.message).toContain('CreationDate');
			expect(error.message).toContain(value);
			expect(error.message).toMatch(/without a time zone/);
		},
	);

	it('still reads the zone-less local time Nmbrs sends', () => {
		const { result } = readResponse(
			withCreationDate('2024-03-31T12:00:00.5'),
			personalInfoGet,
			miniCatalogue,
		);
		expect(result).toMatchObject({ CreationDate: '2024-03-31T12:00:00' });
	});
});

describe('readResponse: excerpts are cut from scrubbed text', () => {
	it('applies the scrub to the whole answer before cutting, so a secret across the cut is replaced whole', () => {
		const secret = 'SeCrEt-0123456789';
		const page = `<html><body>${'x'.repeat(140)}${secret}</body></html>`;
		const error = wireError(() =>
			readResponse(page, personalInfoGet, miniCatalogue, {
				scrub: (t) => t.split(secret).join('***'),
			}),
		);
		expect(error.excerpt).toMatch(/x{20}\*\*\*/);
		expect(error.excerpt).not.toContain(secret.slice(0, 4));
		const value = body(
			`<PersonalInfo_GetCurrentResponse xmlns="${EMP_NS}"><PersonalInfo_GetCurrentResult><Id>${'1'.repeat(35)}${secret}</Id></PersonalInfo_GetCurrentResult></PersonalInfo_GetCurrentResponse>`,
		);
		const badValue = wireError(() =>
			readResponse(value, personalInfoGet, miniCatalogue, {
				scrub: (t) => t.split(secret).join('***'),
			}),
		);
		expect(badValue.message).toMatch(/1{35}\*\*\*/);
		expect(badValue.message).not.toContain(secret.slice(0, 4));
	});
});

describe('readRequest (the emulator side)', () => {
	const resolve = (name: string) =>
		[listGetByCompany, personalInfoUpdate].find((op) => op.name === name);

	it('reads what buildRequest writes, with the auth header filled in any order', () => {
		const { body: request } = buildRequest(
			listGetByCompany,
			{ CompanyId: 12, EmployeeType: 2 },
			miniCatalogue,
		);
		const filled = request.replace(
			`<AuthHeaderWithDomain xmlns="${EMP_NS}"/>`,
			`<AuthHeaderWithDomain xmlns="${EMP_NS}"><Domain>acme</Domain><Username>a@b.nl</Username><Token>t0k</Token></AuthHeaderWithDomain>`,
		);
		const read = readRequest(filled, miniCatalogue, resolve);
		expect(read).toMatchObject({
			soapVersion: '1.1',
			operationName: 'List_GetByCompany',
			namespace: EMP_NS,
			header: { element: 'AuthHeaderWithDomain', username: 'a@b.nl', token: 't0k', domain: 'acme' },
			params: { CompanyId: 12, EmployeeType: 2 },
		});
	});

	it('ignores misspelt and foreign-namespace elements like .NET and fills .NET defaults', () => {
		const request = body(
			`<PersonalInfo_UpdateCurrent xmlns="${EMP_NS}"><employeeId>9</employeeId><PersonalInfo><Id>4</Id><LastName xmlns="urn:other">X</LastName><Birthday>0001-01-01T00:00:00</Birthday></PersonalInfo></PersonalInfo_UpdateCurrent>`,
		);
		const read = readRequest(request, miniCatalogue, resolve);
		expect(read.header).toBeNull();
		expect(read.params).toEqual({
			EmployeeId: 0,
			PersonalInfo: {
				Id: 4,
				Number: 0,
				DisplayName: null,
				EmployeeNumber: null,
				LastName: null,
				Gender: null,
				Birthday: null,
				CreationDate: null,
				Hours: 0,
				Active: false,
			},
		});
	});

	it('ignores an auth header in another namespace and reports unknown operations without params', () => {
		const request = `${ENV11}<soap:Header><AuthHeaderWithDomain xmlns="https://api.nmbrs.nl/soap/v3/CompanyService"><Username>u</Username></AuthHeaderWithDomain></soap:Header><soap:Body><Nope xmlns="${EMP_NS}"><A>1</A></Nope></soap:Body></soap:Envelope>`;
		const read = readRequest(request, miniCatalogue, resolve);
		expect(read.operationName).toBe('Nope');
		expect(read.operation).toBeUndefined();
		expect(read.header).toBeNull();
		expect(read.params).toEqual({});
	});

	it('detects SOAP 1.2 by the envelope namespace', () => {
		const { body: request } = buildRequest(
			listGetByCompany,
			{ CompanyId: 1, EmployeeType: 2 },
			miniCatalogue,
			{ soapVersion: '1.2' },
		);
		expect(readRequest(request, miniCatalogue, resolve).soapVersion).toBe('1.2');
	});
});

describe('xmlDocumentToJson', () => {
	it('parses an XML document carried in a string, keeping values as text', () => {
		expect(
			xmlDocumentToJson(
				'<Aangifte versie="1"><BSN>012345678</BSN><Naam>A &amp; B</Naam></Aangifte>',
			),
		).toEqual({
			Aangifte: { '@_versie': '1', BSN: '012345678', Naam: 'A & B' },
		});
		expect(() => xmlDocumentToJson('<a><b></a>')).toThrow(/not well-formed/);
	});

	it('decodes numeric character references, without decoding twice', () => {
		expect(
			xmlDocumentToJson(
				'<a><n>Ren&#233; &#xE9;</n><cr>x&#xD;y</cr><twice>&amp;#233;</twice><at v="&#65;"/></a>',
			),
		).toEqual({
			a: { n: 'René é', cr: 'x\ry', twice: '&#233;', at: { '@_v': 'A' } },
		});
	});

	it('leaves the XML declaration out of the result', () => {
		expect(
			xmlDocumentToJson(
				'<?xml version="1.0" encoding="utf-8"?>\n<Aangifte><BSN>1</BSN></Aangifte>',
			),
		).toEqual({ Aangifte: { BSN: '1' } });
	});

	it('keeps every value as text: a BSN keeps its leading zero, numbers and booleans stay strings', () => {
		expect(
			xmlDocumentToJson(
				'<r a="007"><BSN>012345678</BSN><Bedrag>0100.50</Bedrag><Ja>true</Ja><Leeg></Leeg></r>',
			),
		).toEqual({
			r: { '@_a': '007', BSN: '012345678', Bedrag: '0100.50', Ja: 'true', Leeg: '' },
		});
	});

	it("throws a WireError, not the parser's own error, for what the parser refuses (an element named __proto__)", () => {
		let caught: unknown;
		try {
			xmlDocumentToJson('<a><__proto__><x>1</x></__proto__></a>');
		} catch (error) {
			caught = error;
		}
		expect(caught).toBeInstanceOf(WireError);
		expect(caught).toMatchObject({ kind: 'malformed' });
		expect((caught as WireError).message).toMatch(/could not be read/);
		expect(({} as Record<string, unknown>).x).toBeUndefined();
	});
});
