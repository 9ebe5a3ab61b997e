import * as http from 'http';
import type { AddressInfo } from 'net';
import { buildFault, buildResponse, nmbrsFaultMessage } from '../../nodes/Nmbrs/wire';
import { catalogue, getOperation } from '../../nodes/Nmbrs/catalogue';
import {
	callNmbrs,
	FairUseLimiter,
	NmbrsError,
	type HttpFunction,
	type HttpRequest,
	type HttpResponse,
} from '../../nodes/Nmbrs/transport';
import { callWithCredentials } from '../support/plainHttp';
import { FakeClock } from './fakeClock';
import { nmbrsError } from './nmbrsError';

const ENV11 =
	'<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">';
const COMPANY_NS = 'https://api.nmbrs.nl/soap/v3/CompanyService';
const target = {
	baseUrl: 'https://api.nmbrs.nl/soap/v3/',
	userKey: 'test',
	redact: ['TOKEN-abc123'],
};

/** An HTTP function answering from a list, recording every request. */
function scripted(
	...answers: Array<HttpResponse | Error>
): HttpFunction & { requests: HttpRequest[] } {
	const requests: HttpRequest[] = [];
	const fn = async (request: HttpRequest) => {
		requests.push(request);
		const answer = answers.shift();
		if (!answer) throw new Error('no more scripted answers');
		if (answer instanceof Error) throw answer;
		return answer;
	};
	return Object.assign(fn, { requests });
}

const ok = (body: string): HttpResponse => ({ statusCode: 200, body });
const fault = (code: number, message: string, version: '1.1' | '1.2' = '1.1'): HttpResponse => ({
	statusCode: 500,
	body: buildFault(version, { sender: false, message: nmbrsFaultMessage(code, message) }),
});
const options = () => ({
	clock: new FakeClock(),
	limiter: new FairUseLimiter({ clock: new FakeClock() }),
});

describe('callNmbrs on real catalogue entries', () => {
	it('posts CompanyService.WageTax_GetList exactly and reads the declarations', async () => {
		const op = getOperation('CompanyService.WageTax_GetList');
		const declarations = [
			{
				LoonaangifteID: 9,
				SerialNumber: 1,
				PaymentReference: null,
				TotalGeneral: 1200,
				Period: 3,
				Year: 2024,
				Status: 'locked',
				SentAt: null,
				TijdvakStart: '2024-03-01',
				TijdvakEnd: '2024-03-31',
				CorrectionTijdvakStart: null,
				CorrectionTijdvakEnd: null,
			},
		];
		const send = scripted(ok(buildResponse(op, declarations, catalogue)));
		const result = await callNmbrs(
			send,
			target,
			'CompanyService.WageTax_GetList',
			{ intYear: 2024, CompanyId: 77 },
			options(),
		);
		expect(result).toEqual(declarations);
		expect(send.requests).toEqual([
			{
				method: 'POST',
				url: 'https://api.nmbrs.nl/soap/v3/CompanyService.asmx',
				headers: {
					'Content-Type': 'text/xml; charset=utf-8',
					SOAPAction: `${COMPANY_NS}/WageTax_GetList`,
				},
				body:
					`${ENV11}<soap:Header><AuthHeaderWithDomain xmlns="${COMPANY_NS}"/></soap:Header><soap:Body>` +
					`<WageTax_GetList xmlns="${COMPANY_NS}"><CompanyId>77</CompanyId><intYear>2024</intYear></WageTax_GetList></soap:Body></soap:Envelope>`,
				timeout: 60000,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				json: false,
				encoding: 'stream',
				abortSignal: expect.any(AbortSignal),
			},
		]);
		// The call's deadline is dropped once the answer is in.
		expect((send.requests[0] as HttpRequest).abortSignal?.aborted).toBe(true);
	});

	it('gives every call an overall deadline: a server that never finishes is a timeout, and the request is aborted', async () => {
		const clock = new FakeClock();
		const requests: HttpRequest[] = [];
		const never: HttpFunction = (request) => {
			requests.push(request);
			return new Promise(() => undefined); // trickles bytes for ever: n8n's idle timeout never fires
		};
		let caught: unknown;
		try {
			await clock.run(
				callNmbrs(
					never,
					target,
					'CompanyService.WageTax_GetList',
					{ CompanyId: 77, intYear: 2024 },
					{
						clock,
						limiter: new FairUseLimiter({ clock }),
						retries: 0,
						timeoutMs: 3000,
					},
				),
			);
		} catch (error) {
			caught = error;
		}
		expect(caught).toBeInstanceOf(NmbrsError);
		expect(caught).toMatchObject({ kind: 'timeout' });
		expect((caught as NmbrsError).message).toContain('No answer from Nmbrs within 3 s');
		expect(clock.now()).toBe(3000);
		expect(requests[0].abortSignal?.aborted).toBe(true);
	});

	it('posts EmployeeService.List_GetByCompany in SOAP 1.2 and DebtorService.Environment_Get with AuthHeader', async () => {
		const employees = getOperation('EmployeeService.List_GetByCompany');
		const send = scripted(
			ok(buildResponse(employees, [{ Id: 1, Number: 1, DisplayName: 'A' }], catalogue, '1.2')),
		);
		await callNmbrs(
			send,
			target,
			employees,
			{ CompanyId: 5, EmployeeType: 2 },
			{ ...options(), soapVersion: '1.2' },
		);
		const [request] = send.requests as [HttpRequest];
		expect(request.headers).toEqual({
			'Content-Type':
				'application/soap+xml; charset=utf-8; action="https://api.nmbrs.nl/soap/v3/EmployeeService/List_GetByCompany"',
		});
		expect(request.body).toContain(
			'<soap:Body><List_GetByCompany xmlns="https://api.nmbrs.nl/soap/v3/EmployeeService"><CompanyId>5</CompanyId><EmployeeType>2</EmployeeType></List_GetByCompany></soap:Body>',
		);

		const environment = getOperation('DebtorService.Environment_Get');
		const send2 = scripted(
			ok(buildResponse(environment, { Domain: 'acme.nmbrs.nl', SubDomain: 'acme' }, catalogue)),
		);
		const result = await callNmbrs(send2, target, 'DebtorService.Environment_Get', {}, options());
		expect(result).toMatchObject({ SubDomain: 'acme' });
		expect((send2.requests[0] as HttpRequest).body).toContain(
			'<soap:Header><AuthHeader xmlns="https://api.nmbrs.nl/soap/v3/DebtorService"/></soap:Header><soap:Body><Environment_Get xmlns="https://api.nmbrs.nl/soap/v3/DebtorService"/></soap:Body>',
		);
	});

	it('posts a write (CompanyService.WageTax_SetSentExternal) exactly, parameters in WSDL order', async () => {
		const op = getOperation('CompanyService.WageTax_SetSentExternal');
		const send = scripted(ok(buildResponse(op, true, catalogue)));
		const result = await callNmbrs(
			send,
			target,
			op,
			{ CompanyId: 12, LoonaangifteID: 345 },
			options(),
		);
		expect(result).toBe(true);
		expect((send.requests[0] as HttpRequest).body).toBe(
			`${ENV11}<soap:Header><AuthHeaderWithDomain xmlns="${COMPANY_NS}"/></soap:Header><soap:Body>` +
				`<WageTax_SetSentExternal xmlns="${COMPANY_NS}"><LoonaangifteID>345</LoonaangifteID><CompanyId>12</CompanyId></WageTax_SetSentExternal></soap:Body></soap:Envelope>`,
		);
		expect((send.requests[0] as HttpRequest).headers.SOAPAction).toBe(
			`${COMPANY_NS}/WageTax_SetSentExternal`,
		);
	});

	it('gives slow operations (PDFs) the long timeout', async () => {
		const op = getOperation('CompanyService.SalaryDocuments_GetAllPayslipsPDFByRunCompany_v2');
		const send = scripted(ok(buildResponse(op, { PDF: Buffer.from('%PDF-1.4') }, catalogue)));
		const result = (await callNmbrs(
			send,
			target,
			op,
			{ CompanyId: 1, RunID: 2, intYear: 2024 },
			options(),
		)) as { PDF: Buffer };
		expect(result.PDF.toString()).toBe('%PDF-1.4');
		expect((send.requests[0] as HttpRequest).timeout).toBe(300000);
	});

	it('refuses an unknown operation key before sending anything', async () => {
		const send = scripted();
		await expect(
			callNmbrs(send, target, 'CompanyService.WageTax_GetLst', {}, options()),
		).rejects.toThrow(/CompanyService has no operation "WageTax_GetLst"/);
		await expect(callNmbrs(send, target, 'Payroll.Run', {}, options())).rejects.toThrow(
			/Service\.Operation/,
		);
		expect(send.requests).toHaveLength(0);
	});
});

describe('Nmbrs faults', () => {
	const cases: Array<[number, string, string, Record<string, unknown>, RegExp]> = [
		[
			1001,
			'Invalid Authentication',
			'CompanyService.WageTax_GetList',
			{ CompanyId: 1, intYear: 2024 },
			/API user's login e-mail.*User profile -> API token.*part before \.nmbrs\.nl/,
		],
		[
			1002,
			'Unauthorized access',
			'CompanyService.WageTax_GetList',
			{ CompanyId: 1, intYear: 2024 },
			/enable CompanyService\.WageTax_GetList in the API user template of this user \(Settings -> Template users -> API\)/,
		],
		[
			1003,
			'Unauthorized access',
			'CompanyService.WageTax_GetList',
			{ CompanyId: 1, intYear: 2024 },
			/no rights on this debtor or company \(CompanyId 1 was sent\)/,
		],
		[
			1003,
			'Unauthorized access',
			'DebtorService.Department_GetList',
			{ DebtorId: 77 },
			/no rights on this debtor or company \(DebtorId 77 was sent\)/,
		],
		[
			2003,
			'Unauthorized access',
			'EmployeeService.PersonalInfo_GetCurrent',
			{ EmployeeId: 4242 },
			/Unknown employee ID.*EmployeeId 4242 was sent/,
		],
		[
			2004,
			'Unauthorized access',
			'CompanyService.WageTax_GetList',
			{ CompanyId: 31337, intYear: 2024 },
			/Unknown company ID.*CompanyId 31337 was sent/,
		],
		[
			2006,
			'Invalid Period',
			'CompanyService.WageTax_GetList',
			{ CompanyId: 1, intYear: 2024 },
			/period does not fit the company's period type/,
		],
		[
			2009,
			'Unauthorized access',
			'DebtorService.Department_GetList',
			{ DebtorId: 55 },
			/Unknown debtor ID.*DebtorId 55 was sent/,
		],
		[
			2011,
			'Protected mode',
			'CompanyService.WageTax_SetSentExternal',
			{ LoonaangifteID: 1, CompanyId: 1 },
			/set UnprotectedMode to true/,
		],
		[
			2012,
			'Already sent',
			'CompanyService.WageTax_SetSentExternal',
			{ LoonaangifteID: 1, CompanyId: 1 },
			/already sent/,
		],
	];

	it.each(cases)(
		'fault %d names the meaning and the fix',
		async (code, text, key, params, hint) => {
			const send = scripted(fault(code, text));
			const error = await nmbrsError(callNmbrs(send, target, key, params, options()));
			expect(error.message).toBe(`Nmbrs fault ${code} in ${key}: ${text}`);
			expect(error).toMatchObject({
				kind: 'fault',
				code,
				nmbrsMessage: text,
				operation: key,
				httpStatus: 500,
				retryable: false,
			});
			expect(error.hint).toMatch(hint);
			expect(send.requests).toHaveLength(1); // faults are answers, not retried
		},
	);

	it('reads a SOAP 1.2 fault and tolerates any prefix before the arrow', async () => {
		const send = scripted({
			statusCode: 500,
			body: buildFault('1.2', {
				sender: true,
				message:
					'System.Web.Services.Protocols.SoapException: boom ---> 1002: Unauthorized access\n   at Nmbrs.Api',
			}),
		});
		const error = await nmbrsError(
			callNmbrs(
				send,
				target,
				'CompanyService.WageTax_GetList',
				{ CompanyId: 1, intYear: 2024 },
				{ ...options(), soapVersion: '1.2' },
			),
		);
		expect(error.code).toBe(1002);
		expect(error.nmbrsMessage).toBe('Unauthorized access');
	});
});

describe("an Nmbrs fault raised inside n8n's authentication step", () => {
	it('surfaces the wrapped NmbrsError (e.g. 1001 from the subdomain lookup) once, not as "could not reach"', async () => {
		const clock = new FakeClock();
		const inner = new NmbrsError(
			'Nmbrs fault 1001 in DebtorService.Environment_Get: Invalid Authentication',
			{
				kind: 'fault',
				operation: 'DebtorService.Environment_Get',
				code: 1001,
				hint: 'Check the e-mail, the API token and the subdomain.',
				retryable: false,
			},
		);
		// n8n wraps what preAuthentication throws: NodeApiError with the original as its cause.
		const wrapped = Object.assign(new Error('NodeApiError'), { cause: inner });
		let calls = 0;
		const send: HttpFunction = async () => {
			calls++;
			throw wrapped;
		};
		const wageTax = getOperation('CompanyService.WageTax_GetList');
		const error = await nmbrsError(
			clock.run(
				callNmbrs(
					send,
					target,
					wageTax,
					{ CompanyId: 1, intYear: 2024 },
					{ clock, limiter: new FairUseLimiter({ clock }) },
				),
			),
		);
		expect(error).toMatchObject({
			kind: 'fault',
			code: 1001,
			operation: 'DebtorService.Environment_Get',
		});
		expect(calls).toBe(1);
	});
});

describe('the subdomain lookup failing under n8n 1.x', () => {
	it('is recognised by its message alone (1.x drops the cause): the fault with its fix, one call', async () => {
		const clock = new FakeClock();
		// What n8n 1.x hands back after wrapping preAuthentication's error: the message, no cause.
		const wrapped = new Error(
			'Could not look up the Nmbrs subdomain (Nmbrs answered 1001 Invalid Authentication): check the e-mail and the API token, that the API user template allows DebtorService.Environment_Get, or type the subdomain into the credential.',
		);
		let calls = 0;
		const send: HttpFunction = async () => {
			calls++;
			throw wrapped;
		};
		const wageTax = getOperation('CompanyService.WageTax_GetList');
		const error = await nmbrsError(
			clock.run(
				callNmbrs(
					send,
					target,
					wageTax,
					{ CompanyId: 1, intYear: 2024 },
					{ clock, limiter: new FairUseLimiter({ clock }) },
				),
			),
		);
		expect(error).toMatchObject({
			kind: 'fault',
			code: 1001,
			operation: 'DebtorService.Environment_Get',
			retryable: false,
		});
		expect(error.message).toMatch(/^Could not look up the Nmbrs subdomain/);
		expect(error.hint).toMatch(/API token/);
		expect(calls).toBe(1);
	});
});

describe('answers that are not SOAP, and retries', () => {
	const html502 =
		'<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';
	const wageTax = getOperation('CompanyService.WageTax_GetList');

	it('retries a read after a 502 page and returns the answer, backing off on the clock', async () => {
		const clock = new FakeClock();
		const send = scripted(
			{ statusCode: 502, body: html502 },
			ok(buildResponse(wageTax, [], catalogue)),
		);
		const result = await clock.run(
			callNmbrs(
				send,
				target,
				wageTax,
				{ CompanyId: 1, intYear: 2024 },
				{ clock, limiter: new FairUseLimiter({ clock }) },
			),
		);
		expect(result).toEqual([]);
		expect(send.requests).toHaveLength(2);
		expect(clock.sleeps).toContain(500);
	});

	it('gives up after the retries with an http error that names the status', async () => {
		const clock = new FakeClock();
		const send = scripted(
			{ statusCode: 502, body: html502 },
			{ statusCode: 502, body: html502 },
			{ statusCode: 502, body: html502 },
		);
		const error = await nmbrsError(
			clock.run(
				callNmbrs(
					send,
					target,
					wageTax,
					{ CompanyId: 1, intYear: 2024 },
					{ clock, limiter: new FairUseLimiter({ clock }) },
				),
			),
		);
		expect(send.requests).toHaveLength(3);
		expect(error).toMatchObject({ kind: 'http', httpStatus: 502, retryable: true });
		expect(error.message).toMatch(/HTTP 502: .*502 Bad Gateway/);
		expect(error.hint).toMatch(/try again/);
	});

	it('never retries a write', async () => {
		const clock = new FakeClock();
		const send = scripted({ statusCode: 502, body: html502 }, ok('unused'));
		const error = await nmbrsError(
			clock.run(
				callNmbrs(
					send,
					target,
					'CompanyService.WageTax_SetSentExternal',
					{ LoonaangifteID: 1, CompanyId: 2 },
					{ clock, limiter: new FairUseLimiter({ clock }) },
				),
			),
		);
		expect(error.kind).toBe('http');
		expect(send.requests).toHaveLength(1);
	});

	it('reports an empty 200 body and truncated XML as malformed, not as a result', async () => {
		const empty = await nmbrsError(
			callNmbrs(scripted(ok('')), target, wageTax, { CompanyId: 1, intYear: 2024 }, options()),
		);
		expect(empty).toMatchObject({ kind: 'malformed', httpStatus: 200, retryable: false });
		expect(empty.message).toMatch(/empty/);
		const full = buildResponse(
			wageTax,
			[
				{
					LoonaangifteID: 1,
					SerialNumber: 1,
					TotalGeneral: 1,
					Period: 1,
					Year: 2024,
					TijdvakStart: '2024-01-01',
					TijdvakEnd: '2024-01-31',
				},
			],
			catalogue,
		);
		const truncated = await nmbrsError(
			callNmbrs(
				scripted(ok(full.slice(0, -40))),
				target,
				wageTax,
				{ CompanyId: 1, intYear: 2024 },
				options(),
			),
		);
		expect(truncated.kind).toBe('malformed');
	});

	it('classifies timeouts and network errors, retrying reads', async () => {
		const clock = new FakeClock();
		const timeout = Object.assign(new Error('timeout of 60000ms exceeded'), {
			code: 'ECONNABORTED',
		});
		const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:443'), {
			code: 'ECONNREFUSED',
		});
		const error = await nmbrsError(
			clock.run(
				callNmbrs(
					scripted(timeout, refused, timeout),
					target,
					wageTax,
					{ CompanyId: 1, intYear: 2024 },
					{ clock, limiter: new FairUseLimiter({ clock }) },
				),
			),
		);
		expect(error).toMatchObject({ kind: 'timeout', retryable: true });
		expect(error.message).toBe(
			'No answer from Nmbrs within 60 s for CompanyService.WageTax_GetList',
		);
		const network = await nmbrsError(
			callNmbrs(
				scripted(refused),
				target,
				wageTax,
				{ CompanyId: 1, intYear: 2024 },
				{ ...options(), retries: 0 },
			),
		);
		expect(network).toMatchObject({ kind: 'network' });
		expect(network.message).toMatch(
			/Could not reach Nmbrs at https:\/\/api\.nmbrs\.nl\/soap\/v3\/CompanyService\.asmx .*connection refused/,
		);
		expect(network.nmbrsMessage).toMatch(/ECONNREFUSED/);
	});
});

describe('a write that got no answer', () => {
	const write = 'CompanyService.WageTax_SetSentExternal';
	const params = { LoonaangifteID: 1, CompanyId: 2 };
	const timeout = () =>
		Object.assign(new Error('timeout of 60000ms exceeded'), { code: 'ECONNABORTED' });
	const reset = () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });

	it.each([
		['timeout', timeout],
		['network', reset],
	] as const)(
		'%s: one attempt, not retryable, and the hint says to check in Nmbrs first',
		async (kind, failure) => {
			const clock = new FakeClock();
			const send = scripted(failure(), ok('unused'), ok('unused'));
			const error = await nmbrsError(
				clock.run(
					callNmbrs(send, target, write, params, {
						clock,
						limiter: new FairUseLimiter({ clock }),
						retries: 5,
					}),
				),
			);
			expect(send.requests).toHaveLength(1);
			expect(error).toMatchObject({ kind, retryable: false, operation: write });
			expect(error.hint).toMatch(/may or may not have been made/);
			expect(error.hint).toMatch(/check in Nmbrs .* before running this again/);
			expect(error.hint).not.toMatch(/try again later/);
		},
	);

	it('a read with the same failure is still retryable and says to try again', async () => {
		const wageTax = getOperation('CompanyService.WageTax_GetList');
		const error = await nmbrsError(
			callNmbrs(
				scripted(timeout()),
				target,
				wageTax,
				{ CompanyId: 1, intYear: 2024 },
				{ ...options(), retries: 0 },
			),
		);
		expect(error).toMatchObject({ kind: 'timeout', retryable: true });
		expect(error.hint).toMatch(/try again later/);
		expect(error.hint).not.toMatch(/may or may not/);
	});
});

describe('status and body that disagree', () => {
	const wageTax = getOperation('CompanyService.WageTax_GetList');
	const answer = buildResponse(wageTax, [], catalogue);

	it('a regular SOAP answer under HTTP 503 is an http error, not a result, and a read is tried again', async () => {
		const clock = new FakeClock();
		const send = scripted(
			{ statusCode: 503, body: answer },
			{ statusCode: 503, body: answer },
			{ statusCode: 503, body: answer },
		);
		const error = await nmbrsError(
			clock.run(
				callNmbrs(
					send,
					target,
					wageTax,
					{ CompanyId: 1, intYear: 2024 },
					{ clock, limiter: new FairUseLimiter({ clock }) },
				),
			),
		);
		expect(send.requests).toHaveLength(3);
		expect(error).toMatchObject({ kind: 'http', httpStatus: 503, retryable: true });
		expect(error.message).toMatch(/HTTP 503.*regular SOAP answer.*not used/);
	});

	it('a regular SOAP answer under HTTP 400 is not retried', async () => {
		const send = scripted({ statusCode: 400, body: answer }, ok(answer));
		const error = await nmbrsError(
			callNmbrs(send, target, wageTax, { CompanyId: 1, intYear: 2024 }, options()),
		);
		expect(send.requests).toHaveLength(1);
		expect(error).toMatchObject({ kind: 'http', httpStatus: 400, retryable: false });
		expect(error.message).toMatch(/HTTP 400/);
	});

	it('a regular SOAP answer under HTTP 500 to a write: one attempt, not retryable', async () => {
		const op = getOperation('CompanyService.WageTax_SetSentExternal');
		const send = scripted(
			{ statusCode: 500, body: buildResponse(op, true, catalogue) },
			ok('unused'),
		);
		const error = await nmbrsError(
			callNmbrs(send, target, op, { LoonaangifteID: 1, CompanyId: 2 }, options()),
		);
		expect(send.requests).toHaveLength(1);
		expect(error).toMatchObject({ kind: 'http', httpStatus: 500, retryable: false });
	});

	it('a 200 whose body is not text says the answer arrived decoded, not that the base URL is wrong', async () => {
		const send = scripted({ statusCode: 200, body: { WageTax_GetListResult: [] } }, ok(answer));
		const error = await nmbrsError(
			callNmbrs(send, target, wageTax, { CompanyId: 1, intYear: 2024 }, options()),
		);
		expect(send.requests).toHaveLength(1);
		expect(error).toMatchObject({ kind: 'malformed', httpStatus: 200, retryable: false });
		expect(error.message).toMatch(/already decoded, not as text/);
		expect(error.hint).toMatch(/an object .*instead of the XML text/);
		expect(error.hint).not.toMatch(/Nmbrs or a gateway/);
	});
});

describe("the tests' plain HTTP client against a local server", () => {
	it('fills the auth header itself and sends the SOAPAction', async () => {
		const seen: Array<{ headers: http.IncomingHttpHeaders; body: string; url?: string }> = [];
		const op = getOperation('EmployeeService.List_GetByCompany');
		const server = http.createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => {
				seen.push({
					headers: req.headers,
					body: Buffer.concat(chunks).toString('utf8'),
					url: req.url,
				});
				res.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8' });
				res.end(buildResponse(op, [{ Id: 7, Number: 1, DisplayName: 'Zoë' }], catalogue));
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		try {
			const { port } = server.address() as AddressInfo;
			const result = await callWithCredentials(
				{
					email: 'api@example.nl',
					token: 'tok&en',
					subdomain: 'acme',
					environment: 'custom',
					customBaseUrl: `http://127.0.0.1:${port}`,
				},
				'EmployeeService.List_GetByCompany',
				{ CompanyId: 3, EmployeeType: 2 },
			);
			expect(result).toEqual([{ Id: 7, Number: 1, DisplayName: 'Zoë' }]);
			expect(seen[0]?.url).toBe('/soap/v3/EmployeeService.asmx');
			expect(seen[0]?.headers.soapaction).toBe(
				'https://api.nmbrs.nl/soap/v3/EmployeeService/List_GetByCompany',
			);
			expect(seen[0]?.body).toContain(
				'<AuthHeaderWithDomain xmlns="https://api.nmbrs.nl/soap/v3/EmployeeService"><Username>api@example.nl</Username><Token>tok&amp;en</Token><Domain>acme</Domain></AuthHeaderWithDomain>',
			);
		} finally {
			await new Promise((resolve) => server.close(resolve));
		}
	});
});
