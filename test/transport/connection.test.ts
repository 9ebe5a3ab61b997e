import {
	endpointUrl,
	normalizeSubdomain,
	resolveBaseUrl,
	targetFor,
} from '../../nodes/Nmbrs/transport/connection';
import { fillAuthHeader } from '../../nodes/Nmbrs/transport/auth';
import { buildRequest } from '../../nodes/Nmbrs/wire';
import { catalogue, getOperation } from '../../nodes/Nmbrs/catalogue';

describe('normalizeSubdomain', () => {
	it.each([
		['acme', 'acme'],
		[' Acme ', 'acme'],
		['acme.nmbrs.nl', 'acme'],
		['https://acme.nmbrs.nl/applications/common/default.aspx', 'acme'],
		['acme.nmbrs-sandbox.nl', 'acme'],
		['http://Acme.nmbrs.nl:443/', 'acme'],
		['', ''],
	])('%j -> %j', (input, expected) => {
		expect(normalizeSubdomain(input)).toBe(expected);
	});
});

describe('resolveBaseUrl and endpointUrl', () => {
	it('gives the live, sandbox and custom base URLs ending in /soap/v3/', () => {
		expect(resolveBaseUrl({ environment: 'live' })).toBe('https://api.nmbrs.nl/soap/v3/');
		expect(resolveBaseUrl({ environment: 'sandbox' })).toBe(
			'https://api-sandbox.nmbrs.nl/soap/v3/',
		);
		expect(resolveBaseUrl({ environment: 'custom', customBaseUrl: 'http://127.0.0.1:7780' })).toBe(
			'http://127.0.0.1:7780/soap/v3/',
		);
		expect(
			resolveBaseUrl({ environment: 'custom', customBaseUrl: 'http://127.0.0.1:7780/soap/v3' }),
		).toBe('http://127.0.0.1:7780/soap/v3/');
		expect(
			resolveBaseUrl({
				environment: 'custom',
				customBaseUrl: ' https://proxy.example/nmbrs/soap/v3/ ',
			}),
		).toBe('https://proxy.example/nmbrs/soap/v3/');
		expect(() =>
			resolveBaseUrl({ environment: 'custom', customBaseUrl: 'localhost:7780' }),
		).toThrow(/http:\/\/ or https:\/\//);
		expect(endpointUrl('https://api.nmbrs.nl/soap/v3/', 'CompanyService')).toBe(
			'https://api.nmbrs.nl/soap/v3/CompanyService.asmx',
		);
	});

	it('keys fair use by base URL and lower-cased e-mail and carries the token only to scrub it', () => {
		const target = targetFor({
			email: 'Pay@Example.nl',
			token: 'secret-token',
			environment: 'live',
		});
		expect(target).toEqual({
			baseUrl: 'https://api.nmbrs.nl/soap/v3/',
			userKey: 'https://api.nmbrs.nl:443/soap/v3|pay@example.nl',
			redact: ['secret-token'],
		});
	});
});

describe('fillAuthHeader', () => {
	const NS = 'https://api.nmbrs.nl/soap/v3/CompanyService';
	const auth = { email: "o'brien&co@example.nl", token: 'a<b>c', domain: 'acme' };

	it('fills AuthHeaderWithDomain escaped, in Username, Token, Domain order', () => {
		const { body } = buildRequest(
			getOperation('CompanyService.WageTax_GetList'),
			{ CompanyId: 1, intYear: 2024 },
			catalogue,
		);
		const filled = fillAuthHeader(body, auth);
		expect(filled).toContain(
			`<soap:Header><AuthHeaderWithDomain xmlns="${NS}"><Username>o&apos;brien&amp;co@example.nl</Username><Token>a&lt;b&gt;c</Token><Domain>acme</Domain></AuthHeaderWithDomain></soap:Header>`,
		);
		expect(fillAuthHeader(filled, { ...auth, token: 'other' })).toBe(filled); // a second run changes nothing
	});

	it('gives AuthHeader (Environment_Get) no Domain, and leaves an empty domain out', () => {
		const { body } = buildRequest(getOperation('DebtorService.Environment_Get'), {}, catalogue);
		expect(fillAuthHeader(body, auth)).toContain(
			'<AuthHeader xmlns="https://api.nmbrs.nl/soap/v3/DebtorService"><Username>o&apos;brien&amp;co@example.nl</Username><Token>a&lt;b&gt;c</Token></AuthHeader>',
		);
		const { body: listBody } = buildRequest(
			getOperation('DebtorService.List_GetAll'),
			{},
			catalogue,
		);
		expect(fillAuthHeader(listBody, { email: 'e', token: 't0k3n', domain: '' })).toContain(
			'<Token>t0k3n</Token></AuthHeaderWithDomain>',
		);
	});

	it('fails clearly, without the token, when there is no placeholder', () => {
		let message = '';
		try {
			fillAuthHeader('<soap:Envelope/>', { email: 'e', token: 'SECRET-TOKEN-XYZ', domain: 'd' });
		} catch (error) {
			message = (error as Error).message;
		}
		expect(message).toMatch(
			/no empty <AuthHeaderWithDomain\/> or <AuthHeader\/> element.*buildRequest/,
		);
		expect(message).not.toContain('SECRET-TOKEN-XYZ');
	});
});
