import type { ICredentialDataDecryptedObject, IHttpRequestOptions, INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { NmbrsApi } from '../../credentials/NmbrsApi.credentials';
import type { RunningEmulator } from '../../emulator/src';
import { userKey } from '../../nodes/Nmbrs/transport/connection';
import { credentialsFromData } from '../../nodes/Nmbrs/glue/credentials';
import { NmbrsError } from '../../nodes/Nmbrs/transport/errors';
import type { FullResponse, SentRequest } from '../nodes/harness';
import { credentialsFor, plainHttp, wrapAsN8n } from '../nodes/harness';

const credential = new NmbrsApi();

const envelope = (element: 'AuthHeaderWithDomain' | 'AuthHeader' = 'AuthHeaderWithDomain') =>
	`<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header><${element} xmlns="https://api.nmbrs.nl/soap/v3/CompanyService"/></soap:Header><soap:Body><List_GetAll xmlns="https://api.nmbrs.nl/soap/v3/CompanyService"/></soap:Body></soap:Envelope>`;

function stored(fields: Record<string, string>): ICredentialDataDecryptedObject {
	return {
		email: 'payroll@example.nl',
		token: 'tok-123456',
		subdomain: '',
		environment: 'live',
		customBaseUrl: '',
		sessionSubdomain: '',
		...fields,
	};
}

async function authenticate(
	fields: Record<string, string>,
	options: Partial<IHttpRequestOptions> = {},
) {
	return await credential.authenticate(stored(fields), {
		method: 'POST',
		url: 'CompanyService.asmx',
		body: envelope(),
		...options,
	} as IHttpRequestOptions);
}

describe('nmbrsApi credential: authenticate', () => {
	it('fills the auth header with the e-mail, token and subdomain, XML-escaped', async () => {
		const result = await authenticate({
			email: 'a&b@example.nl',
			token: 'x<y>&"z\'',
			subdomain: 'acme',
		});
		expect(result.body).toContain(
			'<AuthHeaderWithDomain xmlns="https://api.nmbrs.nl/soap/v3/CompanyService">' +
				'<Username>a&amp;b@example.nl</Username><Token>x&lt;y&gt;&amp;&quot;z&apos;</Token><Domain>acme</Domain></AuthHeaderWithDomain>',
		);
		expect(result.body).not.toContain(
			'<AuthHeaderWithDomain xmlns="https://api.nmbrs.nl/soap/v3/CompanyService"/>',
		);
	});

	it.each([
		['live', '', 'https://api.nmbrs.nl/soap/v3/CompanyService.asmx'],
		['sandbox', '', 'https://api-sandbox.nmbrs.nl/soap/v3/CompanyService.asmx'],
		[
			'custom',
			'http://127.0.0.1:7780/soap/v3/',
			'http://127.0.0.1:7780/soap/v3/CompanyService.asmx',
		],
		['custom', 'http://127.0.0.1:7780', 'http://127.0.0.1:7780/soap/v3/CompanyService.asmx'],
	])(
		'resolves a relative URL for environment %s (%s)',
		async (environment, customBaseUrl, expected) => {
			const result = await authenticate({ environment, customBaseUrl, subdomain: 'acme' });
			expect(result.url).toBe(expected);
			expect(result.body).toContain('<Token>tok-123456</Token>');
		},
	);

	it('keeps an absolute URL of the same environment and fills the header', async () => {
		const result = await authenticate(
			{ subdomain: 'acme' },
			{ url: 'https://api.nmbrs.nl/soap/v3/DebtorService.asmx' },
		);
		expect(result.url).toBe('https://api.nmbrs.nl/soap/v3/DebtorService.asmx');
		expect(result.body).toContain('<Token>tok-123456</Token>');
	});

	it('never puts the token into a request for another host', async () => {
		const result = await authenticate(
			{ subdomain: 'acme' },
			{ url: 'https://elsewhere.example/soap/v3/CompanyService.asmx' },
		);
		expect(result.url).toBe('https://elsewhere.example/soap/v3/CompanyService.asmx');
		expect(String(result.body)).not.toContain('tok-123456');
	});

	it('trims a full address typed as subdomain to the subdomain', async () => {
		for (const typed of [
			'https://Acme.nmbrs.nl/',
			'acme.nmbrs.nl',
			' acme ',
			'acme.nmbrs-sandbox.nl',
		]) {
			const result = await authenticate({ subdomain: typed });
			expect(result.body).toContain('<Domain>acme</Domain>');
		}
	});

	// The login the stored subdomain belongs to, as the credential writes it.
	const liveFor = userKey('https://api.nmbrs.nl/soap/v3/', 'payroll@example.nl');

	it('uses the discovered subdomain when the field is empty, and the typed one when both exist', async () => {
		expect((await authenticate({ sessionSubdomain: 'found', sessionFor: liveFor })).body).toContain(
			'<Domain>found</Domain>',
		);
		// The e-mail is compared case-insensitively.
		expect(
			(
				await authenticate({
					email: 'Payroll@Example.nl',
					sessionSubdomain: 'found',
					sessionFor: liveFor,
				})
			).body,
		).toContain('<Domain>found</Domain>');
		expect(
			(await authenticate({ subdomain: 'typed', sessionSubdomain: 'found', sessionFor: liveFor }))
				.body,
		).toContain('<Domain>typed</Domain>');
	});

	it('does not send a discovered subdomain after the e-mail or the environment changed (or without its fingerprint)', async () => {
		const changed: Array<Record<string, string>> = [
			{ email: 'other@example.nl', sessionSubdomain: 'found', sessionFor: liveFor },
			{ environment: 'sandbox', sessionSubdomain: 'found', sessionFor: liveFor },
			{ sessionSubdomain: 'found' },
		];
		for (const fields of changed) {
			const body = String((await authenticate(fields)).body);
			expect(body).not.toContain('<Domain>');
			expect(body).toContain('<Token>tok-123456</Token>');
		}
	});

	it.each([
		'https://api.nmbrs.nl/soap/v3/',
		'api.nmbrs.nl',
		'https://api-sandbox.nmbrs.nl/soap/v3/DebtorService.asmx',
		'API',
	])(
		'refuses the API address %s typed as subdomain, saying which address to take',
		async (typed) => {
			const attempt = authenticate({ subdomain: typed });
			await expect(attempt).rejects.toThrow(
				/address of the Nmbrs API.*YOUR Nmbrs address.*mycompany\.nmbrs\.nl/,
			);
			await expect(
				credential.preAuthentication.call(
					{ helpers: { httpRequest: jest.fn() as never } },
					stored({ subdomain: typed }),
				),
			).rejects.toThrow(/address of the Nmbrs API/);
		},
	);

	it('fills the plain AuthHeader (no Domain) of Environment_Get', async () => {
		const result = await authenticate({ subdomain: 'acme' }, { body: envelope('AuthHeader') });
		expect(result.body).toContain(
			'<AuthHeader xmlns="https://api.nmbrs.nl/soap/v3/CompanyService"><Username>payroll@example.nl</Username><Token>tok-123456</Token></AuthHeader>',
		);
	});
});

describe('nmbrsApi credential: test request', () => {
	it('POSTs DebtorService.List_GetAll as SOAP 1.1 (text/xml with SOAPAction) with an empty auth header to fill', () => {
		const { request } = credential.test;
		const headers = request.headers as Record<string, string>;
		expect(request.method).toBe('POST');
		expect(request.url).toBe('DebtorService.asmx');
		expect(headers['Content-Type']).toMatch(/^text\/xml/);
		expect(headers.SOAPAction).toBe('https://api.nmbrs.nl/soap/v3/DebtorService/List_GetAll');
		expect(String(request.body)).toContain(
			'<AuthHeaderWithDomain xmlns="https://api.nmbrs.nl/soap/v3/DebtorService"/>',
		);
	});
});

describe('nmbrsApi credential: against the emulator', () => {
	let emulator: RunningEmulator;
	beforeAll(async () => {
		// Loaded here so the authenticate tests above run on their own.
		const { startEmulator } = await import('../../emulator/src');
		emulator = await startEmulator({ port: 0, world: 'demo', worldNow: '2026-11-25T09:00:00' });
	});
	afterAll(async () => {
		await emulator.close();
	});

	const environmentGets = (sent: SentRequest[]) =>
		sent.filter((r) => r.soapAction.endsWith('/Environment_Get'));

	const fingerprint = () => userKey(emulator.soapBaseUrl, 'accountant@demo.example');

	it('preAuthentication caches nothing for a typed subdomain, and makes no call', async () => {
		const sent: SentRequest[] = [];
		const httpRequest = jest.fn(plainHttp(sent));
		const output = await credential.preAuthentication.call(
			{ helpers: { httpRequest: httpRequest as never } },
			credentialsFor(emulator.soapBaseUrl, { subdomain: 'https://Demo.nmbrs.nl/' }),
		);
		// Finding: the typed subdomain used to be copied into the hidden field; it is used as typed.
		expect(output).toEqual({});
		expect(httpRequest).not.toHaveBeenCalled();
	});

	it('preAuthentication discovers the subdomain with one Environment_Get when none is typed', async () => {
		const sent: SentRequest[] = [];
		const output = await credential.preAuthentication.call(
			{ helpers: { httpRequest: plainHttp(sent) as never } },
			credentialsFor(emulator.soapBaseUrl, { subdomain: '' }),
		);
		expect(output).toEqual({ sessionSubdomain: 'demo', sessionFor: fingerprint() });
		expect(sent).toHaveLength(1);
		expect(environmentGets(sent)).toHaveLength(1);
		expect(sent[0].body).toContain('<AuthHeader ');
	});

	it('preAuthentication with a wrong token fails with a message that names the fix, not the token', async () => {
		const wrongToken = 'wrong-token-0123456789';
		const attempt = credential.preAuthentication.call(
			{ helpers: { httpRequest: plainHttp() as never } },
			credentialsFor(emulator.soapBaseUrl, { subdomain: '', token: wrongToken }),
		);
		await expect(attempt).rejects.toThrow(/subdomain/i);
		const error = (await attempt.catch((e: Error) => e)) as Error;
		expect(String(error.message)).not.toContain(wrongToken);
		expect(JSON.stringify(error)).not.toContain(wrongToken);
		// Finding: it used to be the NmbrsError itself, whose numeric `code` n8n's credential test
		// shows as the whole message ("1001"). Now: a plain Error without code or response, one
		// sentence with the likely causes and the exact fault...
		expect(error).not.toBeInstanceOf(NmbrsError);
		expect(error).not.toHaveProperty('code');
		expect(error).not.toHaveProperty('response');
		expect(error.message).toContain('Nmbrs answered 1001 Invalid Authentication');
		for (const cause of [
			/e-mail/i,
			/API token/i,
			/type the subdomain/i,
			/template allows DebtorService\.Environment_Get/,
		]) {
			expect(error.message).toMatch(cause);
		}
		// ...with the Nmbrs fault (1001 with its hint) as cause, so the node reports the real one.
		expect(error.cause).toBeInstanceOf(NmbrsError);
		expect(error.cause).toMatchObject({ code: 1001, kind: 'fault', retryable: false });
		expect((error.cause as NmbrsError).hint).toMatch(/token/i);
		expect(JSON.stringify(error.cause)).not.toContain(wrongToken);
	});

	const testerNode: INode = {
		id: 'tester',
		name: 'Temp-Node',
		type: 'n8n-nodes-base.noOp',
		typeVersion: 1,
		position: [0, 0],
		parameters: { temp: '' },
	};

	/**
	 * What n8n does for a declarative credential test: preAuthentication (always, when testing),
	 * authenticate, then the request, which fails for a non-2xx status; anything thrown is wrapped
	 * in a NodeApiError. Then the tester's verdict (credentials-tester.service): an HTTP status is
	 * matched against the rules, else `cause.code` is the message, else the error's message.
	 */
	async function credentialTestVerdict(
		fields: Record<string, string>,
	): Promise<{ status: 'OK' | 'Error'; message: string }> {
		const creds = credentialsFor(emulator.soapBaseUrl, fields);
		const http = plainHttp();
		try {
			try {
				Object.assign(
					creds,
					await credential.preAuthentication.call(
						{ helpers: { httpRequest: http as never } },
						creds,
					),
				);
				const request = credential.test.request;
				const options = await credential.authenticate(creds, {
					...(request as IHttpRequestOptions),
					url: request.url ?? '',
					headers: { ...(request.headers ?? {}) },
					ignoreHttpStatusErrors: true,
					returnFullResponse: true,
				});
				const response = (await http(options)) as FullResponse;
				if (response.statusCode < 200 || response.statusCode > 299) {
					throw Object.assign(new Error(`Request failed with status code ${response.statusCode}`), {
						response: { status: response.statusCode, statusText: '' },
					});
				}
			} catch (error) {
				throw wrapAsN8n(testerNode, error);
			}
		} catch (error) {
			const cause = (error as NodeApiError).cause as
				{ response?: { status: number; statusText: string }; code?: unknown } | undefined;
			if (cause?.response) {
				for (const rule of credential.test.rules ?? []) {
					if (rule.type === 'responseCode' && rule.properties.value === cause.response.status) {
						return { status: 'Error', message: rule.properties.message };
					}
				}
				return {
					status: 'Error',
					message:
						cause.response.statusText || `Received HTTP status code: ${cause.response.status}`,
				};
			}
			if (cause?.code) return { status: 'Error', message: cause.code as string };
			return { status: 'Error', message: String((error as Error).message) };
		}
		return { status: 'OK', message: 'Connection successful!' };
	}

	it('the credential test succeeds with good credentials, typed or looked-up subdomain', async () => {
		expect(await credentialTestVerdict({})).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		expect(await credentialTestVerdict({ subdomain: '' })).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
	});

	it('the credential test with a wrong token explains the likely causes (its rule for HTTP 500)', async () => {
		const verdict = await credentialTestVerdict({ token: 'not-the-token' });
		expect(verdict.status).toBe('Error');
		for (const cause of [/e-mail/i, /API token/i, /subdomain/i, /template/i])
			expect(verdict.message).toMatch(cause);
	});

	it('the credential test with an empty subdomain and a wrong token shows the sentence, not a bare "1001"', async () => {
		const verdict = await credentialTestVerdict({ subdomain: '', token: 'not-the-token' });
		expect(verdict.status).toBe('Error');
		expect(verdict.message).not.toMatch(/^\d+$/);
		expect(verdict.message).toContain('Nmbrs answered 1001 Invalid Authentication');
		for (const cause of [/e-mail/i, /API token/i, /subdomain/i, /template/i])
			expect(verdict.message).toMatch(cause);
		expect(verdict.message).not.toContain('not-the-token');
	});

	it('the tester would show a bare code for an error with a numeric code (why the lookup throws a plain Error)', () => {
		// The error shape that used to be thrown: n8n's rule (`cause.code`) makes "1001" the message.
		const old = new NmbrsError('Could not look up the Nmbrs subdomain', {
			kind: 'fault',
			operation: 'DebtorService.Environment_Get',
			code: 1001,
			retryable: false,
		});
		expect((wrapAsN8n(testerNode, old).cause as { code?: unknown }).code).toBe(1001);
	});
});

describe('nmbrsApi credential: Calls per Second', () => {
	it('is a whole number of 1 to 150; empty or not a number leaves the budget at Nmbrs’ 150', () => {
		const of = (callsPerSecond: unknown) =>
			credentialsFromData({
				email: 'pay@example.nl',
				token: 'tok-123456',
				environment: 'live',
				subdomain: 'acme',
				callsPerSecond,
			} as ICredentialDataDecryptedObject).callsPerSecond;
		expect(of(75)).toBe(75);
		expect(of(' 40 ')).toBe(40);
		expect(of(500)).toBe(150);
		expect(of(0.5)).toBe(1);
		expect(of(37.9)).toBe(37);
		expect(of('')).toBeUndefined();
		expect(of('fast')).toBeUndefined();
		expect(of(undefined)).toBeUndefined();
	});
});
