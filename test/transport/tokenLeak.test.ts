import { inspect } from 'util';
import type { INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { toNodeError } from '../../nodes/Nmbrs/glue/request';
import { buildFault, buildResponse } from '../../nodes/Nmbrs/wire';
import { catalogue, getOperation } from '../../nodes/Nmbrs/catalogue';
import {
	callNmbrs,
	fillAuthHeader,
	FairUseLimiter,
	NmbrsError,
	type HttpFunction,
	type HttpRequest,
} from '../../nodes/Nmbrs/transport';
import { FakeClock } from './fakeClock';

const TOKEN = 'Zq9-LEAK-7f3e1d2c-TOKEN';
/** Enough of the token to recognise it: also catches a token cut in two by an excerpt. */
const TOKEN_START = TOKEN.slice(0, 6);
/** The reply excerpt keeps 160 characters; these bodies put the token across that cut. */
const EXCERPT_LENGTH = 160;
const acrossTheCut = (prefix: string) =>
	`${prefix}${'x'.repeat(EXCERPT_LENGTH - 10 - prefix.length)}${TOKEN}`;
const node: INode = {
	id: 'n',
	name: 'Nmbrs',
	type: 'n8n-nodes-nmbrs.nmbrs',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
const target = { baseUrl: 'https://api.nmbrs.nl/soap/v3/', userKey: 'leak', redact: [TOKEN] };

/** Like n8n with the credential: the header is filled with the token before "sending". */
function authenticated(answer: (request: HttpRequest) => unknown): HttpFunction {
	return async (request) => {
		const sent = {
			...request,
			body: fillAuthHeader(request.body, { email: 'api@example.nl', token: TOKEN, domain: 'acme' }),
		};
		return answer(sent) as never;
	};
}

/** An axios-like failure: carries the request config, body (with the token) included. */
function axiosLike(message: string, code: string, request: HttpRequest): Error {
	return Object.assign(new Error(`${message} (${TOKEN})`), {
		code,
		config: { data: request.body, headers: request.headers },
		request: { body: request.body },
	});
}

/** The token as servers have been seen to echo it: encoded, escaped or upper-cased. */
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const jsonEscaped = [...TOKEN]
	.map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
	.join('');
const echoForms: Array<[string, string]> = [
	['upper-cased', TOKEN.toUpperCase()],
	['as JSON \\u escapes', jsonEscaped],
	['base64-encoded alone', base64(TOKEN)],
	['base64-encoded as e-mail:token (Basic auth)', base64(`api@example.nl:${TOKEN}`)],
	['base64-encoded after two bytes', base64(`ab${TOKEN}!`)],
];
/** What must never show: the plain start of the token, upper-cased, or JSON-escaped. */
const leakSigns = [TOKEN_START, TOKEN_START.toUpperCase(), jsonEscaped.slice(0, 36)];
/** Whether any base64 run in `text`, read from any of its 4 character offsets, holds `secret`. */
function holdsBase64Of(text: string, secret: string): boolean {
	for (const [run] of text.matchAll(/[\w+/-]{8,}/g)) {
		for (let offset = 0; offset < 4; offset++) {
			if (Buffer.from(run.slice(offset), 'base64').toString('latin1').includes(secret)) return true;
		}
	}
	return false;
}

const wageTax = getOperation('CompanyService.WageTax_GetList');
const echoed = `Server was unable to process request. ---> 1001: Invalid Authentication for token ${TOKEN}`;
const makers: Array<[string, HttpFunction]> = [
	[
		'fault',
		authenticated(() => ({
			statusCode: 500,
			body: buildFault('1.1', { sender: false, message: echoed }),
		})),
	],
	[
		'http 502 page',
		authenticated((r) => ({
			statusCode: 502,
			body: `<html><body>Bad gateway for ${r.body}</body></html>`,
		})),
	],
	['http 404 text', authenticated(() => ({ statusCode: 404, body: `Not found: ${TOKEN}` }))],
	[
		'http 502 text, token across the excerpt cut',
		authenticated(() => ({ statusCode: 502, body: acrossTheCut('') })),
	],
	[
		'html 200, token across the excerpt cut',
		authenticated(() => ({
			statusCode: 200,
			body: `${acrossTheCut('<html><body>')}</body></html>`,
		})),
	],
	[
		'malformed 200',
		authenticated((r) => ({
			statusCode: 200,
			body: `${buildResponse(wageTax, [], catalogue).slice(0, 120)}${r.body}`,
		})),
	],
	['malformed echo', authenticated((r) => ({ statusCode: 200, body: r.body }))],
	['network', authenticated((r) => Promise.reject(axiosLike('socket hang up', 'ECONNRESET', r)))],
	[
		'timeout',
		authenticated((r) =>
			Promise.reject(axiosLike('timeout of 60000ms exceeded', 'ECONNABORTED', r)),
		),
	],
	...echoForms.flatMap(([form, text]): Array<[string, HttpFunction]> => [
		[
			`fault echoing the token ${form}`,
			authenticated(() => ({
				statusCode: 500,
				body: buildFault('1.1', { sender: false, message: `---> 1001: Invalid token ${text}` }),
			})),
		],
		[
			`http 502 text echoing the token ${form}`,
			authenticated(() => ({ statusCode: 502, body: `Bad gateway: ${text}` })),
		],
	]),
];

describe('the API token never appears in an error', () => {
	it.each(makers)('%s', async (_kind, send) => {
		const clock = new FakeClock();
		let caught: unknown;
		try {
			await clock.run(
				callNmbrs(
					send,
					target,
					wageTax,
					{ CompanyId: 1, intYear: 2024 },
					{ clock, limiter: new FairUseLimiter({ clock }) },
				),
			);
		} catch (error) {
			caught = error;
		}
		expect(caught).toBeInstanceOf(NmbrsError);
		const error = caught as NmbrsError;
		// What the node shows the user: the NodeApiError built from it.
		const nodeError = toNodeError(node, error, TOKEN, 0);
		expect(nodeError).toBeInstanceOf(NodeApiError);
		const apiError = nodeError as NodeApiError;
		expect(apiError.message.length).toBeGreaterThan(10);
		const views = [
			error.message,
			String(error.stack),
			JSON.stringify(error),
			String(error),
			inspect(error, { depth: 10, showHidden: true }),
			String(error.nmbrsMessage),
			String(error.hint),
			JSON.stringify(
				Object.getOwnPropertyNames(error).map((name) =>
					String((error as unknown as Record<string, unknown>)[name]),
				),
			),
			apiError.message,
			String(apiError.description),
			String(apiError.stack),
			JSON.stringify(apiError),
			JSON.stringify(apiError.cause ?? null),
			JSON.stringify(apiError.context),
			inspect(apiError, { depth: 10, showHidden: true }),
		];
		for (const view of views) {
			expect(view).not.toContain(TOKEN);
			for (const sign of leakSigns) expect(view).not.toContain(sign);
			expect(holdsBase64Of(view, TOKEN_START)).toBe(false);
		}
		expect(error.message.length).toBeGreaterThan(10);
	});

	it.each([
		['502 text', { statusCode: 502, body: acrossTheCut('') }, 'http'],
		[
			'200 HTML page',
			{ statusCode: 200, body: `${acrossTheCut('<html><body>')}</body></html>` },
			'malformed',
		],
	] as const)(
		'a %s with the token across the excerpt cut: the excerpt is cut from the scrubbed text',
		async (_name, answer, kind) => {
			const clock = new FakeClock();
			const send = authenticated(() => answer);
			let caught: unknown;
			try {
				await clock.run(
					callNmbrs(
						send,
						target,
						wageTax,
						{ CompanyId: 1, intYear: 2024 },
						{ clock, limiter: new FairUseLimiter({ clock }), retries: 0 },
					),
				);
			} catch (error) {
				caught = error;
			}
			const error = caught as NmbrsError;
			expect(error).toMatchObject({ kind });
			// The excerpt is there (so the check below is not vacuous), with the token replaced as a whole.
			expect(error.nmbrsMessage).toMatch(/x{20}\*\*\*/);
			expect(error.nmbrsMessage).not.toContain(TOKEN_START);
			const nodeError = toNodeError(node, error, TOKEN) as NodeApiError;
			const views = [
				nodeError.message,
				String(nodeError.description),
				JSON.stringify(nodeError),
				inspect(nodeError, { depth: 10, showHidden: true }),
			];
			for (const view of views) expect(view).not.toContain(TOKEN_START);
			// The scrubbed excerpt travels with the node error (its Nmbrs response), so it was checked too.
			expect(views[3]).toMatch(/x{20}\*\*\*/);
		},
	);
});
