import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { NmbrsApi } from '../../credentials/NmbrsApi.credentials';
import type { RunningEmulator } from '../../emulator';
import type { FullResponse, SentRequest } from '../nodes/harness';
import { credentialsFor, plainHttp } from '../nodes/harness';

const credential = new NmbrsApi();

const envelope = (element: 'AuthHeaderWithDomain' | 'AuthHeader' = 'AuthHeaderWithDomain') =>
	`<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header><${element} xmlns="https://api.nmbrs.nl/soap/v3/CompanyService"/></soap:Header><soap:Body><List_GetAll xmlns="https://api.nmbrs.nl/soap/v3/CompanyService"/></soap:Body></soap:Envelope>`;

function stored(fields: Record<string, string>): ICredentialDataDecryptedObject {
	return { email: 'payroll@example.nl', token: 'tok-123456', subdomain: '', environment: 'live', customBaseUrl: '', sessionSubdomain: '', ...fields };
}

async function authenticate(fields: Record<string, string>, options: Partial<IHttpRequestOptions> = {}) {
	return await credential.authenticate(stored(fields), {
		method: 'POST',
		url: 'CompanyService.asmx',
		body: envelope(),
		...options,
	} as IHttpRequestOptions);
}

describe('nmbrsApi credential: authenticate', () => {
	it('fills the auth header with the e-mail, token and subdomain, XML-escaped', async () => {
		const result = await authenticate({ email: 'a&b@example.nl', token: 'x<y>&"z\'', subdomain: 'acme' });
		expect(result.body).toContain(
			'<AuthHeaderWithDomain xmlns="https://api.nmbrs.nl/soap/v3/CompanyService">' +
				'<Username>a&amp;b@example.nl</Username><Token>x&lt;y&gt;&amp;&quot;z&apos;</Token><Domain>acme</Domain></AuthHeaderWithDomain>',
		);
		expect(result.body).not.toContain('<AuthHeaderWithDomain xmlns="https://api.nmbrs.nl/soap/v3/CompanyService"/>');
	});

	it.each([
		['live', '', 'https://api.nmbrs.nl/soap/v3/CompanyService.asmx'],
		['sandbox', '', 'https://api-sandbox.nmbrs.nl/soap/v3/CompanyService.asmx'],
		['custom', 'http://127.0.0.1:7780/soap/v3/', 'http://127.0.0.1:7780/soap/v3/CompanyService.asmx'],
		['custom', 'http://127.0.0.1:7780', 'http://127.0.0.1:7780/soap/v3/CompanyService.asmx'],
	])('resolves a relative URL for environment %s (%s)', async (environment, customBaseUrl, expected) => {
		const result = await authenticate({ environment, customBaseUrl, subdomain: 'acme' });
		expect(result.url).toBe(expected);
		expect(result.body).toContain('<Token>tok-123456</Token>');
	});

	it('keeps an absolute URL of the same environment and fills the header', async () => {
		const result = await authenticate(
			{ subdomain: 'acme' },
			{ url: 'https://api.nmbrs.nl/soap/v3/DebtorService.asmx' },
		);
		expect(result.url).toBe('https://api.nmbrs.nl/soap/v3/DebtorService.asmx');
		expect(result.body).toContain('<Token>tok-123456</Token>');
	});

	it('never puts the token into a request for another host', async () => {
		const result = await authenticate({ subdomain: 'acme' }, { url: 'https://elsewhere.example/soap/v3/CompanyService.asmx' });
		expect(result.url).toBe('https://elsewhere.example/soap/v3/CompanyService.asmx');
		expect(String(result.body)).not.toContain('tok-123456');
	});

	it('trims a full address typed as subdomain to the subdomain', async () => {
		for (const typed of ['https://Acme.nmbrs.nl/', 'acme.nmbrs.nl', ' acme ', 'acme.nmbrs-sandbox.nl']) {
			const result = await authenticate({ subdomain: typed });
			expect(result.body).toContain('<Domain>acme</Domain>');
		}
	});

	it('uses the discovered subdomain when the field is empty, and the typed one when both exist', async () => {
		expect((await authenticate({ sessionSubdomain: 'found' })).body).toContain('<Domain>found</Domain>');
		expect((await authenticate({ subdomain: 'typed', sessionSubdomain: 'found' })).body).toContain('<Domain>typed</Domain>');
	});

	it('fills the plain AuthHeader (no Domain) of Environment_Get', async () => {
		const result = await authenticate({ subdomain: 'acme' }, { body: envelope('AuthHeader') });
		expect(result.body).toContain('<AuthHeader xmlns="https://api.nmbrs.nl/soap/v3/CompanyService"><Username>payroll@example.nl</Username><Token>tok-123456</Token></AuthHeader>');
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
		expect(String(request.body)).toContain('<AuthHeaderWithDomain xmlns="https://api.nmbrs.nl/soap/v3/DebtorService"/>');
	});
});

describe('nmbrsApi credential: against the emulator', () => {
	let emulator: RunningEmulator;
	beforeAll(async () => {
		// Loaded here so the authenticate tests above run on their own.
		const { startEmulator } = await import('../../emulator');
		emulator = await startEmulator({ port: 0, world: 'demo', worldNow: '2026-11-25T09:00:00' });
	});
	afterAll(async () => {
		await emulator.close();
	});

	const environmentGets = (sent: SentRequest[]) => sent.filter((r) => r.soapAction.endsWith('/Environment_Get'));

	it('preAuthentication stores the typed subdomain, normalised, without any call', async () => {
		const sent: SentRequest[] = [];
		const httpRequest = jest.fn(plainHttp(sent));
		const output = await credential.preAuthentication.call(
			{ helpers: { httpRequest: httpRequest as never } },
			credentialsFor(emulator.soapBaseUrl, { subdomain: 'https://Demo.nmbrs.nl/' }),
		);
		expect(output).toEqual({ sessionSubdomain: 'demo' });
		expect(httpRequest).not.toHaveBeenCalled();
	});

	it('preAuthentication discovers the subdomain with one Environment_Get when none is typed', async () => {
		const sent: SentRequest[] = [];
		const output = await credential.preAuthentication.call(
			{ helpers: { httpRequest: plainHttp(sent) as never } },
			credentialsFor(emulator.soapBaseUrl, { subdomain: '' }),
		);
		expect(output).toEqual({ sessionSubdomain: 'demo' });
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
		const error = await attempt.catch((e: Error) => e);
		expect(String((error as Error).message)).not.toContain(wrongToken);
		expect(JSON.stringify(error)).not.toContain(wrongToken);
		// It stays the Nmbrs fault (1001 with its hint), so the node reports the real cause.
		expect(error).toMatchObject({ name: 'NmbrsError', code: 1001, kind: 'fault' });
		expect((error as { hint?: string }).hint).toMatch(/token/i);
	});

	/** What n8n does for a declarative credential test: preAuthentication, authenticate, POST. */
	async function runCredentialTest(fields: Record<string, string>): Promise<FullResponse> {
		const creds = credentialsFor(emulator.soapBaseUrl, fields);
		const http = plainHttp();
		Object.assign(
			creds,
			await credential.preAuthentication.call({ helpers: { httpRequest: http as never } }, creds),
		);
		const request = credential.test.request;
		const options = await credential.authenticate(creds, {
			...(request as IHttpRequestOptions),
			url: request.url ?? '',
			headers: { ...(request.headers ?? {}) },
			ignoreHttpStatusErrors: true,
			returnFullResponse: true,
		});
		return (await http(options)) as FullResponse;
	}

	it('the credential test request succeeds (200) with good credentials', async () => {
		const response = await runCredentialTest({});
		expect(response.statusCode).toBe(200);
		expect(response.body).toContain('List_GetAllResponse');
	});

	it('the credential test request fails (500) with a wrong token, and its rule explains the likely causes', async () => {
		const response = await runCredentialTest({ token: 'not-the-token' });
		expect(response.statusCode).toBe(500);
		const rule = credential.test.rules?.find((r) => r.type === 'responseCode' && r.properties.value === 500);
		expect(rule).toBeDefined();
		const message = String(rule?.properties.message);
		for (const cause of [/e-mail/i, /API token/i, /subdomain/i, /template/i]) expect(message).toMatch(cause);
	});
});
