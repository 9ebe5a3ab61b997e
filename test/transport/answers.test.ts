/**
 * Hostile and large answers: the transport reads an answer as it arrives, stops at a size limit
 * that counts the unpacked bytes (a gzip bomb, a body that never ends), gives the event loop back
 * between chunks, and keeps its deadline while the body trickles.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';
import { Readable } from 'stream';
import { createGzip, gzipSync } from 'zlib';

import { catalogue, getOperation } from '../../nodes/Nmbrs/catalogue';
import { callNmbrs, FairUseLimiter, type HttpFunction } from '../../nodes/Nmbrs/transport';
import { TURN_EVERY_BYTES } from '../../nodes/Nmbrs/transport/answer';
import { systemClock, type Clock } from '../../nodes/Nmbrs/transport/limiter';
import { buildResponse } from '../../nodes/Nmbrs/wire';
import { callWithCredentials } from '../support/plainHttp';
import { FakeClock } from './fakeClock';
import { nmbrsError } from './nmbrsError';

const MB = 1024 * 1024;
const GET_XML = 'CompanyService.WageTax_GetXML';
const PARAMS = { LoonaangifteID: 1, CompanyId: 2 };
const target = { baseUrl: 'http://127.0.0.1:1/soap/v3/', userKey: 'answers', redact: [] };

/** The system clock, counting the times it gives the event loop back. */
function countingClock(): Clock & { turns: number } {
	const clock = {
		turns: 0,
		now: systemClock.now,
		sleep: systemClock.sleep,
		turn: async () => {
			clock.turns++;
			await systemClock.turn();
		},
	};
	return clock;
}

/** A declaration XML answer of about `size` bytes. */
function largeAnswer(size: number): { xml: string; document: string } {
	const document = `<Aangifte>${'x'.repeat(size)}</Aangifte>`;
	return { xml: buildResponse(getOperation(GET_XML), document, catalogue, '1.1'), document };
}

/** A local server answering every request with `answer`; records whether the client hung up first. */
async function server(
	answer: (res: http.ServerResponse) => void,
): Promise<{ url: string; hungUp: () => boolean; close: () => Promise<void> }> {
	let hungUp = false;
	const srv = http.createServer((req, res) => {
		req.resume();
		res.on('close', () => {
			if (!res.writableFinished) hungUp = true;
		});
		answer(res);
	});
	await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
	const { port } = srv.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/soap/v3/`,
		hungUp: () => hungUp,
		close: async () => {
			srv.closeAllConnections();
			await new Promise<void>((resolve) => srv.close(() => resolve()));
		},
	};
}

const credentials = (url: string) => ({
	email: 'api@example.nl',
	token: 'secret-token',
	environment: 'custom' as const,
	customBaseUrl: url,
});

describe('an answer larger than the limit', () => {
	it('a gzip bomb stops at the limit of unpacked bytes', async () => {
		// 64 MB of XML text packed into a few dozen kB.
		const bomb = gzipSync(Buffer.from(largeAnswer(64 * MB).xml));
		expect(bomb.length).toBeLessThan(MB);
		const srv = await server((res) => {
			res.writeHead(200, { 'Content-Type': 'text/xml', 'Content-Encoding': 'gzip' });
			res.end(bomb);
		});
		try {
			const error = await nmbrsError(
				callWithCredentials(credentials(srv.url), GET_XML, PARAMS, { maxAnswerBytes: 2 * MB }),
			);
			expect(error.message).toContain(`The answer to ${GET_XML} is larger than 2 MB (unpacked)`);
			expect(error.hint).toContain('Largest Answer');
			expect(error.retryable).toBe(false);
		} finally {
			await srv.close();
		}
	});

	it('a packed body that never ends stops at the limit, and the connection is dropped', async () => {
		const { xml } = largeAnswer(0);
		const open = xml.slice(0, xml.indexOf('&lt;/Aangifte&gt;'));
		const srv = await server((res) => {
			res.writeHead(200, { 'Content-Type': 'text/xml', 'Content-Encoding': 'gzip' });
			const gzip = createGzip();
			gzip.pipe(res);
			gzip.write(open);
			const chunk = Buffer.alloc(256 * 1024, 'x');
			const more = () => {
				if (!res.destroyed) gzip.write(chunk, () => setImmediate(more));
			};
			more();
		});
		try {
			const error = await nmbrsError(
				callWithCredentials(credentials(srv.url), GET_XML, PARAMS, { maxAnswerBytes: 3 * MB }),
			);
			expect(error.message).toContain('is larger than 3 MB');
			await new Promise((resolve) => setTimeout(resolve, 100));
			expect(srv.hungUp()).toBe(true);
		} finally {
			await srv.close();
		}
	});

	it('an answer within the limit is read whole, from a stream as from text', async () => {
		const { xml, document } = largeAnswer(3 * MB);
		for (const body of [Readable.from([Buffer.from(xml)]), xml, Buffer.from(xml)]) {
			const send: HttpFunction = async () => ({ statusCode: 200, body });
			const result = await callNmbrs(send, target, GET_XML, PARAMS, {
				maxAnswerBytes: 4 * MB,
				limiter: new FairUseLimiter({ clock: new FakeClock() }),
			});
			expect(result).toBe(document);
		}
	});

	it('the limit counts the answer as given as text too', async () => {
		const send: HttpFunction = async () => ({ statusCode: 200, body: largeAnswer(3 * MB).xml });
		const error = await nmbrsError(
			callNmbrs(send, target, GET_XML, PARAMS, {
				maxAnswerBytes: 2 * MB,
				limiter: new FairUseLimiter({ clock: new FakeClock() }),
			}),
		);
		expect(error.message).toContain('is larger than 2 MB');
	});
});

describe('a large answer does not hold the event loop', () => {
	it('gives the event loop back every megabyte while it reads, from a stream or from whole text', async () => {
		const { xml, document } = largeAnswer(8 * MB);
		const chunks = Array.from({ length: Math.ceil(xml.length / 65536) }, (_, i) =>
			Buffer.from(xml.slice(i * 65536, (i + 1) * 65536)),
		);
		for (const body of [() => Readable.from(chunks), () => xml]) {
			const clock = countingClock();
			let ticks = 0;
			const ticker = setInterval(() => ticks++, 0);
			try {
				const send: HttpFunction = async () => ({ statusCode: 200, body: body() });
				const result = await callNmbrs(send, target, GET_XML, PARAMS, {
					clock,
					limiter: new FairUseLimiter({ clock: new FakeClock() }),
				});
				expect(result).toBe(document);
			} finally {
				clearInterval(ticker);
			}
			expect(clock.turns).toBeGreaterThanOrEqual(Math.floor(xml.length / TURN_EVERY_BYTES) - 1);
			// Timers ran while the answer was read.
			expect(ticks).toBeGreaterThan(0);
		}
	});
});

describe('a body that trickles', () => {
	it('is cut at the call deadline, on an injected clock', async () => {
		const clock = new FakeClock();
		let aborted = false;
		const trickle: HttpFunction = async (request) => {
			request.abortSignal?.addEventListener('abort', () => (aborted = true));
			// Headers at once, then a byte now and then, for ever.
			async function* body() {
				yield Buffer.from(largeAnswer(0).xml.slice(0, 200));
				for (;;) {
					await new Promise((resolve) => setImmediate(resolve));
					if (aborted) return;
					yield Buffer.from('x');
				}
			}
			return { statusCode: 200, body: body() };
		};
		const error = await nmbrsError(
			clock.run(
				callNmbrs(trickle, target, GET_XML, PARAMS, {
					clock,
					limiter: new FairUseLimiter({ clock }),
					retries: 0,
					timeoutMs: 3000,
				}),
			),
		);
		expect(error.kind).toBe('timeout');
		expect(error.message).toContain('within 3 s');
		expect(clock.now()).toBe(3000);
		expect(aborted).toBe(true);
	});
});
