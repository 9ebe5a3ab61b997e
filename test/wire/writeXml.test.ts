import {
	adHocOperation,
	buildFault,
	buildRequest,
	buildResponse,
	escapeXml,
	writeValue,
	WireError,
} from '../../nodes/Nmbrs/wire';
import {
	ENV11,
	ENV12,
	listGetByCompany,
	miniCatalogue,
	payslipGet,
	personalInfoGet,
	personalInfoUpdate,
} from './fixtures';

const EMP_NS = 'https://api.nmbrs.nl/soap/v3/EmployeeService';

describe('buildRequest', () => {
	it('writes a SOAP 1.1 envelope with the empty auth placeholder, params in catalogue order, SOAPAction', () => {
		const { body, headers } = buildRequest(
			listGetByCompany,
			{ EmployeeType: 2, CompanyId: 12345 },
			miniCatalogue,
			{
				soapVersion: '1.1',
			},
		);
		expect(body).toBe(
			`${ENV11}<soap:Header><AuthHeaderWithDomain xmlns="${EMP_NS}"/></soap:Header>` +
				`<soap:Body><List_GetByCompany xmlns="${EMP_NS}"><CompanyId>12345</CompanyId><EmployeeType>2</EmployeeType></List_GetByCompany></soap:Body></soap:Envelope>`,
		);
		expect(headers).toEqual({
			'Content-Type': 'text/xml; charset=utf-8',
			SOAPAction: `${EMP_NS}/List_GetByCompany`,
		});
	});

	it('writes SOAP 1.2 with the action in the content type', () => {
		const { body, headers } = buildRequest(
			listGetByCompany,
			{ CompanyId: 1, EmployeeType: 2 },
			miniCatalogue,
			{
				soapVersion: '1.2',
			},
		);
		expect(body.startsWith(`${ENV12}<soap:Header><AuthHeaderWithDomain xmlns="${EMP_NS}"/>`)).toBe(
			true,
		);
		expect(headers).toEqual({
			'Content-Type': `application/soap+xml; charset=utf-8; action="${EMP_NS}/List_GetByCompany"`,
		});
	});

	it('writes a complex parameter with base-type fields first, nil for nullable values, omitted null strings', () => {
		const { body } = buildRequest(
			personalInfoUpdate,
			{
				PersonalInfo: {
					Active: true,
					Hours: 38.5,
					LastName: "O'Brien & <Zn>",
					Id: 7,
					Number: 3,
					EmployeeNumber: null,
					Gender: 'FEMALE',
					Birthday: '1990-03-25',
					CreationDate: '2024-03-31T02:30:00',
					SomethingUnknown: 'dropped',
				},
				EmployeeId: 7,
			},
			miniCatalogue,
		);
		expect(body).toContain(
			`<PersonalInfo_UpdateCurrent xmlns="${EMP_NS}"><EmployeeId>7</EmployeeId><PersonalInfo>` +
				'<Id>7</Id><Number>3</Number><EmployeeNumber xsi:nil="true"/><LastName>O&apos;Brien &amp; &lt;Zn&gt;</LastName>' +
				'<Gender>female</Gender><Birthday>1990-03-25T00:00:00</Birthday><CreationDate>2024-03-31T02:30:00</CreationDate>' +
				'<Hours>38.5</Hours><Active>true</Active></PersonalInfo></PersonalInfo_UpdateCurrent>',
		);
		expect(body).not.toContain('SomethingUnknown');
	});

	it('refuses an unknown parameter name and lists the valid ones', () => {
		expect(() =>
			buildRequest(listGetByCompany, { companyId: 1, EmployeeType: 2 }, miniCatalogue),
		).toThrow(
			/EmployeeService\.List_GetByCompany has no parameter "companyId"; its parameters are: CompanyId, EmployeeType/,
		);
	});

	it('refuses a missing int parameter instead of silently sending 0', () => {
		expect(() => buildRequest(listGetByCompany, { CompanyId: 1 }, miniCatalogue)).toThrow(
			/needs parameter EmployeeType/,
		);
	});

	it('writes an empty operation element for an operation without parameters', () => {
		const op = { ...listGetByCompany, name: 'EmployeeType_GetList', params: [] };
		expect(buildRequest(op, {}, miniCatalogue).body).toContain(
			`<soap:Body><EmployeeType_GetList xmlns="${EMP_NS}"/></soap:Body>`,
		);
	});
});

describe('buildRequest: names from input (an ad-hoc Custom Call operation)', () => {
	const adHoc = (names: string[], name = 'Company_GetCurrentByEmployeeId') =>
		adHocOperation('CompanyService', name, names);

	it.each([
		['x/><EmployeeId>600099</EmployeeId><y', { EmployeeId: 600003 }],
		['a><b', {}],
		['soap:Body', {}],
		['1st', {}],
		['', {}],
		['two words', {}],
	])('refuses the parameter name %j before anything is written', (name, rest) => {
		const params = { [name]: '', ...rest };
		expect(() => buildRequest(adHoc(Object.keys(params)), params, miniCatalogue)).toThrow(
			/parameter name of CompanyService\.Company_GetCurrentByEmployeeId .* is not a valid XML element name.*Nothing was sent/,
		);
	});

	it('refuses an operation name with markup, and a nested name, the same way', () => {
		expect(() => buildRequest(adHoc([], 'X><Y'), {}, miniCatalogue)).toThrow(
			/operation name of CompanyService "X><Y" is not a valid XML element name/,
		);
		expect(() => buildRequest(adHoc(['Filter']), { Filter: { 'a b': 1 } }, miniCatalogue)).toThrow(
			/field name inside Filter "a b" is not a valid XML element name/,
		);
	});

	it('writes valid names as they are, non-ASCII letters included', () => {
		const params = { EmployeeId: 600003, Straße_1: 'x', 'Ünit.no-2': 2 };
		const { body } = buildRequest(adHoc(Object.keys(params)), params, miniCatalogue);
		expect(body).toContain(
			'<EmployeeId>600003</EmployeeId><Straße_1>x</Straße_1><Ünit.no-2>2</Ünit.no-2>',
		);
	});
});

describe('writeValue', () => {
	const field = (type: string, extra: object = {}) => ({ name: 'X', type, ...extra }) as never;

	it('writes dates zone-less and refuses zones, Dates and impossible dates with the field name', () => {
		expect(writeValue(field('date'), '2024-02-29', miniCatalogue)).toBe(
			'<X>2024-02-29T00:00:00</X>',
		);
		expect(writeValue(field('dateTime'), '2024-03-31T02:30:00', miniCatalogue)).toBe(
			'<X>2024-03-31T02:30:00</X>',
		);
		expect(writeValue(field('dateTime'), '2024-03-31', miniCatalogue)).toBe(
			'<X>2024-03-31T00:00:00</X>',
		);
		expect(() => writeValue(field('dateTime'), '2024-03-31T02:30:00+02:00', miniCatalogue)).toThrow(
			/X has a time zone/,
		);
		expect(() => writeValue(field('dateTime'), '2024-03-31T02:30:00Z', miniCatalogue)).toThrow(
			/X has a time zone/,
		);
		expect(() => writeValue(field('date'), '2023-02-29', miniCatalogue)).toThrow(
			/X is not an existing calendar date/,
		);
		expect(() => writeValue(field('date'), new Date(), miniCatalogue)).toThrow(
			/X must be a text date/,
		);
		expect(() => writeValue(field('date'), '2024-03-31T10:00:00', miniCatalogue)).toThrow(
			/date without a time/,
		);
	});

	it('writes numbers in invariant form and refuses text that is not a number', () => {
		expect(writeValue(field('decimal'), 1234.5, miniCatalogue)).toBe('<X>1234.5</X>');
		expect(writeValue(field('decimal'), 1e-7, miniCatalogue)).toBe('<X>0.0000001</X>');
		expect(writeValue(field('decimal'), '12144.00', miniCatalogue)).toBe('<X>12144.00</X>');
		expect(() => writeValue(field('decimal'), '12,5', miniCatalogue)).toThrow(
			/X must be a number like 1234.56/,
		);
		expect(() => writeValue(field('int'), 1.5, miniCatalogue)).toThrow(/X must be a whole number/);
		expect(() => writeValue(field('int'), 2 ** 31, miniCatalogue)).toThrow(/32-bit/);
	});

	it('writes null by .NET rules: nil when nillable, omitted reference, default value type', () => {
		expect(writeValue(field('int', { nillable: true }), null, miniCatalogue)).toBe(
			'<X xsi:nil="true"/>',
		);
		expect(writeValue(field('string', { optional: true }), null, miniCatalogue)).toBe('');
		expect(writeValue(field('int'), null, miniCatalogue)).toBe('<X>0</X>');
		expect(writeValue(field('dateTime'), null, miniCatalogue)).toBe('<X>0001-01-01T00:00:00</X>');
	});

	it('writes lists, Buffers as base64, and refuses values outside an enum', () => {
		expect(writeValue(field('int', { listItem: 'int' }), [1], miniCatalogue)).toBe(
			'<X><int>1</int></X>',
		);
		expect(writeValue(field('int', { listItem: 'int' }), [], miniCatalogue)).toBe('<X/>');
		expect(writeValue(field('base64Binary'), Buffer.from('%PDF'), miniCatalogue)).toBe(
			'<X>JVBERg==</X>',
		);
		expect(() => writeValue(field('enum:Gender'), 'other', miniCatalogue)).toThrow(
			/must be one of undefined, male, female/,
		);
	});

	it('refuses control characters XML cannot carry', () => {
		expect(() => writeValue(field('string'), 'a\u0001b', miniCatalogue)).toThrow(WireError);
	});

	it('refuses half of a broken character (an unpaired surrogate) and keeps a whole one', () => {
		for (const broken of ['a\udfffb', 'a\ud83d', '\udc00x']) {
			expect(() => writeValue(field('string'), broken, miniCatalogue)).toThrow(
				/Nmbrs field X contains half of a broken character \(the unpaired surrogate U\+D[0-9A-F]{3}\)/,
			);
		}
		expect(writeValue(field('string'), 'Zoë 👩‍💼', miniCatalogue)).toBe('<X>Zoë 👩‍💼</X>');
	});

	it('keeps a carriage return: escaped, so that parsing cannot turn it into a line feed', () => {
		const xml = writeValue(field('string'), 'Jansen\r', miniCatalogue);
		expect(xml).toBe('<X>Jansen&#xD;</X>');
	});
});

describe('escapeXml', () => {
	it('escapes the five XML characters and carriage returns', () => {
		expect(escapeXml(`<a href="x">O'Brien & Zn</a>\r\n`)).toBe(
			'&lt;a href=&quot;x&quot;&gt;O&apos;Brien &amp; Zn&lt;/a&gt;&#xD;\n',
		);
	});
});

describe('buildResponse and buildFault', () => {
	it('writes what ASMX emits: Response/Result in the v3 namespace, empty Response for void', () => {
		expect(
			buildResponse(listGetByCompany, [{ Id: 1, Number: 2, DisplayName: null }], miniCatalogue),
		).toBe(
			`${ENV11}<soap:Body><List_GetByCompanyResponse xmlns="${EMP_NS}"><List_GetByCompanyResult>` +
				'<Employee><Id>1</Id><Number>2</Number></Employee></List_GetByCompanyResult></List_GetByCompanyResponse></soap:Body></soap:Envelope>',
		);
		expect(buildResponse(personalInfoUpdate, null, miniCatalogue, '1.2')).toBe(
			`${ENV12}<soap:Body><PersonalInfo_UpdateCurrentResponse xmlns="${EMP_NS}"/></soap:Body></soap:Envelope>`,
		);
		expect(buildResponse(personalInfoGet, null, miniCatalogue)).toContain(
			`<PersonalInfo_GetCurrentResponse xmlns="${EMP_NS}"/>`,
		);
		expect(buildResponse(payslipGet, { PDF: Buffer.from('%PDF') }, miniCatalogue)).toContain(
			'<SalaryDocuments_GetAllPayslipsPDFByRunCompany_v2Result><PDF>JVBERg==</PDF></SalaryDocuments_GetAllPayslipsPDFByRunCompany_v2Result>',
		);
	});

	it('writes SOAP 1.1 and 1.2 faults', () => {
		expect(
			buildFault('1.1', {
				sender: false,
				message: 'Server was unable to process request. ---> 1002: Unauthorized access',
			}),
		).toBe(
			`${ENV11}<soap:Body><soap:Fault><faultcode>soap:Server</faultcode><faultstring>Server was unable to process request. ---&gt; 1002: Unauthorized access</faultstring><detail/></soap:Fault></soap:Body></soap:Envelope>`,
		);
		expect(buildFault('1.2', { sender: true, message: 'bad & wrong' })).toBe(
			`${ENV12}<soap:Body><soap:Fault><soap:Code><soap:Value>soap:Sender</soap:Value></soap:Code><soap:Reason><soap:Text xml:lang="en">bad &amp; wrong</soap:Text></soap:Reason><soap:Detail/></soap:Fault></soap:Body></soap:Envelope>`,
		);
	});
});
