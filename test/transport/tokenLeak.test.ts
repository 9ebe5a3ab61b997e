import { inspect } from 'util';
import { buildFault, buildResponse } from '../../nodes/Nmbrs/catalogue/wire';
import { catalogue, getOperation } from '../../nodes/Nmbrs/catalogue';
import { callNmbrs, fillAuthHeader, FairUseLimiter, NmbrsError, type HttpFunction, type HttpRequest } from '../../nodes/Nmbrs/transport';
import { FakeClock } from './fakeClock';

const TOKEN = 'Zq9-LEAK-7f3e1d2c-TOKEN';
const target = { baseUrl: 'https://api.nmbrs.nl/soap/v3/', userKey: 'leak', redact: [TOKEN] };

/** Like n8n with the credential: the header is filled with the token before "sending". */
function authenticated(answer: (request: HttpRequest) => unknown): HttpFunction {
	return async (request) => {
		const sent = { ...request, body: fillAuthHeader(request.body, { email: 'api@example.nl', token: TOKEN, domain: 'acme' }) };
		return answer(sent) as never;
	};
}

/** An axios-like failure: carries the request config, body (with the token) included. */
function axiosLike(message: string, code: string, request: HttpRequest): Error {
	return Object.assign(new Error(`${message} (${TOKEN})`), { code, config: { data: request.body, headers: request.headers }, request: { body: request.body } });
}

const wageTax = getOperation('CompanyService.WageTax_GetList');
const echoed = `Server was unable to process request. ---> 1001: Invalid Authentication for token ${TOKEN}`;
const makers: Array<[string, HttpFunction]> = [
	['fault', authenticated(() => ({ statusCode: 500, body: buildFault('1.1', { sender: false, message: echoed }) }))],
	['http 502 page', authenticated((r) => ({ statusCode: 502, body: `<html><body>Bad gateway for ${r.body}</body></html>` }))],
	['http 404 text', authenticated(() => ({ statusCode: 404, body: `Not found: ${TOKEN}` }))],
	['malformed 200', authenticated((r) => ({ statusCode: 200, body: `${buildResponse(wageTax, [], catalogue).slice(0, 120)}${r.body}` }))],
	['malformed echo', authenticated((r) => ({ statusCode: 200, body: r.body }))],
	['network', authenticated((r) => Promise.reject(axiosLike('socket hang up', 'ECONNRESET', r)))],
	['timeout', authenticated((r) => Promise.reject(axiosLike('timeout of 60000ms exceeded', 'ECONNABORTED', r)))],
];

describe('the API token never appears in an error', () => {
	it.each(makers)('%s', async (_kind, send) => {
		const clock = new FakeClock();
		let caught: unknown;
		try {
			await clock.run(callNmbrs(send, target, wageTax, { CompanyId: 1, intYear: 2024 }, { clock, limiter: new FairUseLimiter({ clock }) }));
		} catch (error) {
			caught = error;
		}
		expect(caught).toBeInstanceOf(NmbrsError);
		const error = caught as NmbrsError & { cause?: unknown; description?: unknown };
		const views = [
			error.message,
			String(error.stack),
			JSON.stringify(error),
			String(error),
			inspect(error, { depth: 10, showHidden: true }),
			JSON.stringify(error.cause ?? null),
			JSON.stringify(error.description ?? null),
			JSON.stringify(Object.getOwnPropertyNames(error).map((name) => String((error as unknown as Record<string, unknown>)[name]))),
		];
		for (const view of views) expect(view).not.toContain(TOKEN);
		expect(error.message.length).toBeGreaterThan(10);
	});
});
