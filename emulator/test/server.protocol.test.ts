/**
 * The emulator speaks SOAP the way Nmbrs' ASMX services do: raw envelopes over HTTP, both SOAP
 * versions, strict .NET namespace reading, authentication and the fault codes clients must handle.
 */
import { startEmulator, type RunningEmulator } from '../src';
import { findOperation, generatedCatalogue } from '../../nodes/Nmbrs/catalogue';
import { handlers } from '../src/operations';
import {
	ACCOUNTANT,
	admin,
	call,
	ENVELOPE_11,
	ENVELOPE_12,
	envelope,
	faultCode,
	NS,
	postSoap,
	values,
	WORLD_NOW,
} from './helpers';

let emulator: RunningEmulator;
let base: string;
let companyId: number;
let debtorId: number;
let employeeId: number;
let year: number;

beforeAll(async () => {
	emulator = await startEmulator({ port: 0, worldNow: WORLD_NOW });
	base = emulator.soapBaseUrl;
	const companies = await call(base, 'CompanyService', 'List_GetAll');
	companyId = Number(values(companies.body, 'ID')[0]);
	const debtors = await call(base, 'DebtorService', 'List_GetAll');
	debtorId = Number(values(debtors.body, 'Id')[0]);
	const employees = await call(base, 'EmployeeService', 'List_GetByCompany', {
		CompanyId: companyId,
		EmployeeType: 2,
	});
	employeeId = Number(values(employees.body, 'Id')[0]);
	year = Number(emulator.world.clock.now().slice(0, 4));
});

afterAll(async () => {
	await emulator.close();
});

describe('answers', () => {
	it('answers SOAP 1.1 in SOAP 1.1 with text/xml', async () => {
		const answer = await call(base, 'CompanyService', 'List_GetAll');
		expect(answer.status).toBe(200);
		expect(answer.contentType).toBe('text/xml; charset=utf-8');
		expect(answer.body).toContain(`<soap:Envelope xmlns:soap="${ENVELOPE_11}"`);
		expect(answer.body).toContain(`<List_GetAllResponse xmlns="${NS('CompanyService')}">`);
		expect(Number.isInteger(companyId) && companyId > 0).toBe(true);
	});

	it('answers SOAP 1.2 in SOAP 1.2 with application/soap+xml', async () => {
		const answer = await call(base, 'CompanyService', 'List_GetAll', {}, { soapVersion: '1.2' });
		expect(answer.status).toBe(200);
		expect(answer.contentType).toBe('application/soap+xml; charset=utf-8');
		expect(answer.body).toContain(`<soap:Envelope xmlns:soap="${ENVELOPE_12}"`);
	});

	it('takes the SOAP version from the envelope, not the Content-Type (a 1.2 envelope sent as text/xml)', async () => {
		const body = envelope('CompanyService', 'List_GetAll', {}, { soapVersion: '1.2' });
		const answer = await postSoap(base, 'CompanyService', 'List_GetAll', body, {
			soapVersion: '1.1',
			action: null,
		});
		expect(answer.status).toBe(200);
		expect(answer.body).toContain(ENVELOPE_12);
	});

	it('routes by the body element when no SOAPAction is sent (lenient by default)', async () => {
		const answer = await call(base, 'CompanyService', 'List_GetAll', {}, { action: null });
		expect(answer.status).toBe(200);
		expect(answer.body).toContain('<List_GetAllResponse');
	});

	it('accepts an unquoted SOAPAction and the 1.2 action parameter', async () => {
		const unquoted = await fetch(`${base}CompanyService.asmx`, {
			method: 'POST',
			headers: {
				'Content-Type': 'text/xml; charset=utf-8',
				SOAPAction: `${NS('CompanyService')}/List_GetAll`,
			},
			body: envelope('CompanyService', 'List_GetAll', {}),
		});
		expect(unquoted.status).toBe(200);
		const v12 = await call(
			base,
			'EmployeeService',
			'Employee_GetCurrent',
			{ EmployeeId: employeeId },
			{ soapVersion: '1.2' },
		);
		expect(v12.status).toBe(200);
		expect(values(v12.body, 'Employee_GetCurrentResult')[0]).toMatch(/^\d{4}-\d{1,2}-/);
	});

	it('reads parameters in the service namespace and answers with the right data', async () => {
		const answer = await call(base, 'EmployeeService', 'PersonalInfo_GetCurrent', {
			EmployeeId: employeeId,
		});
		expect(answer.status).toBe(200);
		expect(values(answer.body, 'Id')[0]).toBe(String(employeeId));
	});

	it('ignores a parameter in another namespace, as .NET does: the call runs with 0 and fails (2003), not with the id', async () => {
		const answer = await call(
			base,
			'EmployeeService',
			'PersonalInfo_GetCurrent',
			{ EmployeeId: employeeId },
			{ paramNamespace: 'https://api.nmbrs.nl/soap/v2.1/EmployeeService' },
		);
		expect(answer.status).toBe(500);
		expect(faultCode(answer.body)).toBe(2003);
	});

	it('ignores a misspelt parameter (CompanyID for CompanyId): a wrong answer, not the right one', async () => {
		const right = await call(base, 'CompanyService', 'Run_GetList', {
			CompanyId: companyId,
			Year: year,
		});
		expect(right.status).toBe(200);
		const wrong = await call(base, 'CompanyService', 'Run_GetList', {
			CompanyID: companyId,
			Year: year,
		});
		expect(wrong.body).not.toBe(right.body);
		expect(faultCode(wrong.body)).toBe(2004);
	});

	it('accepts the api-sandbox spelling of the namespace and answers in the api.nmbrs.nl one', async () => {
		const sandbox = 'https://api-sandbox.nmbrs.nl/soap/v3/CompanyService';
		const answer = await call(
			base,
			'CompanyService',
			'List_GetAll',
			{},
			{ bodyNamespace: sandbox, authNamespace: sandbox, action: null },
		);
		expect(answer.status).toBe(200);
		expect(answer.body).toContain(`<List_GetAllResponse xmlns="${NS('CompanyService')}">`);
	});

	it('calls DebtorService.Environment_Get with the plain AuthHeader and tells the subdomain', async () => {
		const answer = await call(
			base,
			'DebtorService',
			'Environment_Get',
			{},
			{ authElement: 'AuthHeader', login: { ...ACCOUNTANT, domain: null } },
		);
		expect(answer.status).toBe(200);
		expect(values(answer.body, 'SubDomain')).toEqual([ACCOUNTANT.domain]);
	});
});

describe('authentication faults (1001)', () => {
	const expect1001 = async (options: Parameters<typeof call>[4]) => {
		const answer = await call(base, 'CompanyService', 'List_GetAll', {}, options);
		expect(answer.status).toBe(500);
		expect(answer.contentType).toBe('text/xml; charset=utf-8');
		expect(answer.body).toContain(
			'<faultstring>Server was unable to process request. ---&gt; 1001: Invalid Authentication</faultstring>',
		);
		expect(answer.body).toContain('<faultcode>soap:Server</faultcode>');
	};
	it('unknown e-mail', () =>
		expect1001({ login: { ...ACCOUNTANT, email: 'nobody@demo.example' } }));
	it('wrong token', () => expect1001({ login: { ...ACCOUNTANT, token: 'wrong' } }));
	it('wrong domain', () => expect1001({ login: { ...ACCOUNTANT, domain: 'other' } }));
	it('missing domain', () => expect1001({ login: { ...ACCOUNTANT, domain: null } }));
	it('no header at all', () => expect1001({ login: null }));
	it('auth header in another namespace than the service', () =>
		expect1001({ authNamespace: NS('EmployeeService') }));
	it('AuthHeader where AuthHeaderWithDomain is required', () =>
		expect1001({ authElement: 'AuthHeader' }));

	it('a SOAP 1.2 fault is a 1.2 Receiver fault', async () => {
		const answer = await call(
			base,
			'CompanyService',
			'List_GetAll',
			{},
			{ soapVersion: '1.2', login: { ...ACCOUNTANT, token: 'x' } },
		);
		expect(answer.status).toBe(500);
		expect(answer.contentType).toBe('application/soap+xml; charset=utf-8');
		expect(answer.body).toContain('<soap:Value>soap:Receiver</soap:Value>');
		expect(answer.body).toContain('---&gt; 1001: Invalid Authentication');
	});
});

describe('business faults', () => {
	it('1002 when the API user template switches the call off (admin API), and back on', async () => {
		const template = await admin(
			emulator.adminUrl,
			'POST',
			`users/${encodeURIComponent(ACCOUNTANT.email)}/template`,
			{ disabled: ['CompanyService.Run_GetList'] },
		);
		expect(template.status).toBe(200);
		const refused = await call(base, 'CompanyService', 'Run_GetList', {
			CompanyId: companyId,
			Year: year,
		});
		expect(refused.status).toBe(500);
		expect(refused.body).toContain('---&gt; 1002: Unauthorized access');
		const other = await call(base, 'CompanyService', 'List_GetAll');
		expect(other.status).toBe(200);
		await admin(
			emulator.adminUrl,
			'POST',
			`users/${encodeURIComponent(ACCOUNTANT.email)}/template`,
			{ disabled: [] },
		);
		expect(
			(await call(base, 'CompanyService', 'Run_GetList', { CompanyId: companyId, Year: year }))
				.status,
		).toBe(200);
	});

	it('2003 for an unknown employee', async () => {
		expect(
			faultCode(
				(await call(base, 'EmployeeService', 'PersonalInfo_GetCurrent', { EmployeeId: 987654321 }))
					.body,
			),
		).toBe(2003);
	});

	it('2004 for an unknown company', async () => {
		expect(
			faultCode(
				(await call(base, 'CompanyService', 'Run_GetList', { CompanyId: 987654321, Year: year }))
					.body,
			),
		).toBe(2004);
	});

	it('2009 for an unknown debtor', async () => {
		expect(
			faultCode(
				(await call(base, 'DebtorService', 'Department_GetList', { DebtorId: 987654321 })).body,
			),
		).toBe(2009);
		expect(debtorId).toBeGreaterThan(0);
	});

	it('2006 for a period the company does not have', async () => {
		const answer = await call(base, 'EmployeeService', 'PersonalInfo_Get', {
			EmployeeId: employeeId,
			Period: 60,
			Year: year,
		});
		expect(answer.status).toBe(500);
		expect(faultCode(answer.body)).toBe(2006);
	});

	it('2011 for a write before the current period (protected mode)', async () => {
		const answer = await call(base, 'EmployeeService', 'PersonalInfo_Update', {
			EmployeeId: employeeId,
			PersonalInfo: '',
			Period: 1,
			Year: year - 1,
		});
		expect(answer.status).toBe(500);
		expect(faultCode(answer.body)).toBe(2011);
	});

	it('2012 when a wage tax declaration is marked as sent twice', async () => {
		const list = await admin<{ items: Array<{ id: number; companyId: number }> }>(
			emulator.adminUrl,
			'GET',
			`declarations?companyId=${companyId}`,
		);
		const declaration = list.json.items[0];
		await admin(emulator.adminUrl, 'POST', `declarations/${declaration.id}/status`, {
			status: 'locked',
		});
		const first = await call(base, 'CompanyService', 'WageTax_SetSentExternal', {
			LoonaangifteID: declaration.id,
			CompanyId: companyId,
		});
		expect(first.status).toBe(200);
		expect(values(first.body, 'WageTax_SetSentExternalResult')).toEqual(['true']);
		const again = await call(base, 'CompanyService', 'WageTax_SetSentExternal', {
			LoonaangifteID: declaration.id,
			CompanyId: companyId,
		});
		expect(again.status).toBe(500);
		expect(faultCode(again.body)).toBe(2012);
	});
});

describe('protocol faults', () => {
	it('malformed XML gets ASMX client fault', async () => {
		const answer = await postSoap(
			base,
			'CompanyService',
			'List_GetAll',
			'<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><List_GetAll>',
		);
		expect(answer.status).toBe(500);
		expect(answer.body).toContain('<faultcode>soap:Client</faultcode>');
		expect(answer.body).toContain('There is an error in XML document');
	});

	it('an unknown operation gets a client fault naming the SOAPAction', async () => {
		const answer = await call(base, 'CompanyService', 'No_Such_Operation');
		expect(answer.status).toBe(500);
		expect(answer.body).toContain('<faultcode>soap:Client</faultcode>');
		expect(answer.body).toContain(
			`Server did not recognize the value of HTTP Header SOAPAction: ${NS('CompanyService')}/No_Such_Operation.`,
		);
	});

	it('an operation of another service is unknown here', async () => {
		const answer = await call(
			base,
			'CompanyService',
			'PersonalInfo_GetCurrent',
			{ EmployeeId: employeeId },
			{ action: null },
		);
		expect(answer.status).toBe(500);
		expect(answer.body).toContain('soap:Client');
	});

	it('a body element in another namespace is not an operation of this service', async () => {
		const answer = await call(
			base,
			'CompanyService',
			'List_GetAll',
			{},
			{ bodyNamespace: 'https://api.nmbrs.nl/soap/v2.1/CompanyService', action: null },
		);
		expect(answer.status).toBe(500);
		expect(answer.body).toContain('soap:Client');
	});

	it('routes by the body element to an operation served with only a generated entry', async () => {
		const answer = await call(
			base,
			'DebtorService',
			'Title_GetList',
			{ DebtorId: debtorId },
			{ action: null },
		);
		expect(answer.status).toBe(200);
		expect(answer.body).toContain('<Title_GetListResponse');
	});

	it('says clearly when the emulator does not implement an operation the catalogue knows', async () => {
		// Every operation of the WSDLs is served now: take one away for the call.
		const op = generatedCatalogue('CompanyService')!.operations.find(
			(o) => !findOperation('CompanyService', o.name),
		)!;
		const key = `CompanyService.${op.name}`;
		const served = handlers[key];
		delete handlers[key];
		// An emulator takes its handlers when it starts: one without this one.
		const without = await startEmulator({ port: 0, world: 'demo', throttle: false }).finally(() => {
			handlers[key] = served;
		});
		try {
			const answer = await call(without.soapBaseUrl, 'CompanyService', op.name);
			expect(answer.status).toBe(500);
			expect(answer.body).toContain(`The Nmbrs emulator does not implement ${key}`);
		} finally {
			await without.close();
		}
	});

	it('serves unknown paths with 404 and the WSDL on GET ?wsdl (any casing)', async () => {
		expect(
			(await fetch(`${emulator.url}/soap/v3/NoService.asmx`, { method: 'POST', body: '' })).status,
		).toBe(404);
		const wsdl = await fetch(`${base}companyservice.asmx?wsdl`);
		expect(wsdl.status).toBe(200);
		const text = await wsdl.text();
		expect(text).toContain(
			`<soap:address location="${emulator.url}/soap/v3/CompanyService.asmx" />`,
		);
		expect(text).toContain(`soapAction="${NS('CompanyService')}/List_GetAll"`);
	});
});

describe('data scope (1003)', () => {
	const DEBTOR_LOGIN = { email: 'debtor@demo.example', token: 'debtor-token', domain: 'demo' };

	it('1003 when the debtor-level login asks DebtorService about another debtor; 2009 for one that does not exist', async () => {
		const debtorIds = values((await call(base, 'DebtorService', 'List_GetAll')).body, 'Id').map(
			Number,
		);
		const own = values(
			(await call(base, 'DebtorService', 'List_GetAll', {}, { login: DEBTOR_LOGIN })).body,
			'Id',
		).map(Number);
		const other = debtorIds.find((id) => !own.includes(id)) as number;
		expect(other).toBeDefined();
		for (const operation of [
			'Debtor_Get',
			'Department_GetList',
			'Function_GetList',
			'Address_Get',
			'Title_GetList',
		]) {
			const answer = await call(
				base,
				'DebtorService',
				operation,
				{ DebtorId: other },
				{ login: DEBTOR_LOGIN },
			);
			expect(answer.status).toBe(500);
			expect(answer.body).toContain('---&gt; 1003: Unauthorized access');
		}
		expect(
			(
				await call(
					base,
					'DebtorService',
					'Debtor_Get',
					{ DebtorId: own[0] },
					{ login: DEBTOR_LOGIN },
				)
			).status,
		).toBe(200);
		expect(
			faultCode(
				(
					await call(
						base,
						'DebtorService',
						'Debtor_Get',
						{ DebtorId: 987654321 },
						{ login: DEBTOR_LOGIN },
					)
				).body,
			),
		).toBe(2009);
		// The master login sees every debtor.
		expect((await call(base, 'DebtorService', 'Debtor_Get', { DebtorId: other })).status).toBe(200);
	});
});

describe('requests ASMX cannot read', () => {
	const CLIENT_CODEC_WORDING =
		/well-formed XML|answer starts with|not accepted from Nmbrs|Nmbrs sent/;

	it("names the place in the XML document, in ASMX words, never the client codec's", async () => {
		const broken = await postSoap(
			base,
			'CompanyService',
			'List_GetAll',
			`<soap:Envelope xmlns:soap="${ENVELOPE_11}">\n<soap:Body><List_GetAll></soap:Body>`,
		);
		expect(broken.status).toBe(500);
		expect(broken.body).toContain('<faultcode>soap:Client</faultcode>');
		expect(broken.body).toMatch(
			/Server was unable to read request\. ---&gt; There is an error in XML document \(\d+, \d+\)\./,
		);
		expect(broken.body).not.toMatch(CLIENT_CODEC_WORDING);

		const html = await postSoap(
			base,
			'CompanyService',
			'List_GetAll',
			'<html><body>hi</body></html>',
		);
		expect(html.body).toContain(
			'There is an error in XML document (1, 1). ---&gt; &lt;html&gt; was not expected.',
		);
		expect(html.body).not.toMatch(CLIENT_CODEC_WORDING);

		const empty = await postSoap(base, 'CompanyService', 'List_GetAll', '');
		expect(empty.body).toContain(
			'There is an error in XML document (0, 0). ---&gt; Root element is missing.',
		);

		const doctype = await postSoap(
			base,
			'CompanyService',
			'List_GetAll',
			`<!DOCTYPE x [<!ENTITY a "b">]><soap:Envelope xmlns:soap="${ENVELOPE_11}"/>`,
		);
		expect(doctype.body).toContain('For security reasons DTD is prohibited in this XML document.');
		expect(doctype.body).not.toMatch(CLIENT_CODEC_WORDING);
	});

	it('an envelope in an unknown namespace gets a VersionMismatch fault', async () => {
		const body = envelope('CompanyService', 'List_GetAll', {}).replace(
			ENVELOPE_11,
			'http://example.com/not-soap',
		);
		const answer = await postSoap(base, 'CompanyService', 'List_GetAll', body);
		expect(answer.status).toBe(500);
		expect(answer.body).toContain('<faultcode>soap:VersionMismatch</faultcode>');
		expect(answer.body).toContain(
			'Possible SOAP version mismatch: Envelope namespace http://example.com/not-soap was unexpected.',
		);
	});
});

describe('a body element in the wrong namespace, with the right SOAPAction', () => {
	it('keeps the auth header: the call runs with default parameters (2004), not as unauthenticated (1001)', async () => {
		const answer = await call(
			base,
			'CompanyService',
			'Run_GetList',
			{ CompanyId: companyId, Year: year },
			{ bodyNamespace: 'https://api.nmbrs.nl/soap/v2.1/CompanyService' },
		);
		expect(answer.status).toBe(500);
		expect(faultCode(answer.body)).toBe(2004);
	});

	it('a call without parameters then gives its (right) answer, authenticated', async () => {
		const answer = await call(
			base,
			'CompanyService',
			'List_GetAll',
			{},
			{ bodyNamespace: 'https://api.nmbrs.nl/soap/v2.1/CompanyService' },
		);
		expect(answer.status).toBe(200);
		expect(values(answer.body, 'ID').length).toBeGreaterThan(0);
	});

	it('a header in a foreign namespace is still 1001', async () => {
		const answer = await call(
			base,
			'CompanyService',
			'List_GetAll',
			{},
			{ bodyNamespace: 'https://example.com/x', authNamespace: 'https://example.com/x' },
		);
		expect(faultCode(answer.body)).toBe(1001);
	});
});

describe('WageTax_GetList on the wire', () => {
	it('a declaration never sent has SentAt 0001-01-01T00:00:00; a non-correction has nil correction dates', async () => {
		const answer = await call(base, 'CompanyService', 'WageTax_GetList', {
			CompanyId: companyId,
			intYear: year,
		});
		expect(answer.status).toBe(200);
		const items = [...answer.body.matchAll(/<WageTax>([\s\S]*?)<\/WageTax>/g)].map((m) => m[1]);
		const open = items.find((item) => values(item, 'Status')[0] === 'open');
		expect(open).toBeDefined();
		expect(values(open as string, 'SentAt')).toEqual(['0001-01-01T00:00:00']);
		const plain = items.find((item) => !/<CorrectionTijdvakStart>\d/.test(item)) as string;
		expect(plain).toContain('<CorrectionTijdvakStart xsi:nil="true"/>');
		expect(plain).toContain('<CorrectionTijdvakEnd xsi:nil="true"/>');
	});
});
