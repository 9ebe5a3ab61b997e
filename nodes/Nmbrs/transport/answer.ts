/**
 * Reading an answer as it arrives: n8n hands the body over as a stream (encoding: 'stream'),
 * already decompressed; each chunk goes to the reader at once, the decompressed bytes are counted
 * against a limit (a gzip bomb or a body that never ends stops there, not in memory), and the
 * event loop is given back every megabyte, so a large answer does not stall n8n. A body given as
 * text or bytes (test doubles, older helpers) is fed the same way, in slices.
 */
import type { Clock } from './limiter';

/**
 * The most of one answer read by default, decompressed: one PDF of all payslips of a company of
 * about 2,000 employees (some 200 MB as base64) fits; the credential can raise it.
 */
export const DEFAULT_MAX_ANSWER_BYTES = 256 * 1024 * 1024;

/** How much is read between two returns to the event loop. */
export const TURN_EVERY_BYTES = 1024 * 1024;

export interface AnswerSink {
	write(chunk: string | Buffer): void;
}

/** The answer went past the limit; reading stopped there and the connection was dropped. */
export class AnswerTooLarge extends Error {
	constructor(readonly limitBytes: number) {
		super(`the answer is larger than ${limitBytes} bytes`);
	}
}

function isStream(body: unknown): body is AsyncIterable<unknown> {
	return (
		typeof body === 'object' &&
		body !== null &&
		typeof (body as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function'
	);
}

/** Text or bytes, whole; undefined for anything else (a parsed JSON object, say). */
function wholeBody(body: unknown): string | Buffer | undefined {
	if (typeof body === 'string' || Buffer.isBuffer(body)) return body;
	if (body instanceof ArrayBuffer) return Buffer.from(body);
	if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.length);
	if (body === undefined || body === null) return '';
	return undefined;
}

function sizeOf(chunk: string | Buffer): number {
	return typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
}

/**
 * Feeds the body to `sink` chunk by chunk. Returns false when the body is neither a stream nor
 * text nor bytes (nothing was fed). Throws AnswerTooLarge past `maxBytes`, and whatever the sink
 * throws; either way a stream is closed (the for-await's exit destroys it).
 */
export async function feedAnswer(
	body: unknown,
	sink: AnswerSink,
	options: { maxBytes: number; clock: Clock },
): Promise<boolean> {
	let total = 0;
	let sinceTurn = 0;
	const take = async (chunk: string | Buffer) => {
		total += sizeOf(chunk);
		if (total > options.maxBytes) throw new AnswerTooLarge(options.maxBytes);
		sink.write(chunk);
		sinceTurn += chunk.length;
		if (sinceTurn >= TURN_EVERY_BYTES) {
			sinceTurn = 0;
			await options.clock.turn();
		}
	};
	if (isStream(body)) {
		for await (const chunk of body) {
			if (typeof chunk === 'string' || Buffer.isBuffer(chunk)) await take(chunk);
			else if (chunk instanceof Uint8Array) await take(Buffer.from(chunk));
		}
		return true;
	}
	const whole = wholeBody(body);
	if (whole === undefined) return false;
	for (let at = 0; at < whole.length; at += TURN_EVERY_BYTES) {
		await take(whole.slice(at, at + TURN_EVERY_BYTES));
	}
	return true;
}
