/**
 * What the emulator saw: one entry per request, for tests and the admin API
 * (`GET /__admin/requests`). The API token never reaches the log.
 */
import { redactTokenElements, secretPattern } from '../../../nodes/Nmbrs/wire';

export interface RequestLogEntry {
	/** Increasing number, so a test can ask for "everything after entry N". */
	seq: number;
	/** When the call started, ms since the epoch, from the emulator's (injectable) clock. */
	time: number;
	/** When its answer was written, on the same clock (after a fair-use delay or injected latency). */
	answeredAt: number;
	user: string | null;
	service: string | null;
	operation: string | null;
	soapVersion: '1.1' | '1.2' | null;
	status: number;
	/** The Nmbrs code of a fault answer (1001, 2004...), null for success or a non-Nmbrs fault. */
	faultCode: number | null;
	durationMs: number;
	/** Delayed by the fair-use throttle (more than 150 calls of this user within one second). */
	throttled: boolean;
	/** The fault kind injected through the admin API, if any. */
	injected: string | null;
	/** The request body with the Token element's content and every known token replaced by `***`. */
	requestBody: string;
}

/** Keeps memory bounded on long runs (benchmarks, 200-poll trigger tests). */
export const MAX_LOG_ENTRIES = 20_000;
export const MAX_LOG_BODY_CHARS = 16_384;
/**
 * Every logged body together: 20,000 bodies at the cap would hold 330 MB, and a GET
 * /__admin/requests answer as much. Past it the oldest entries go; ordinary calls (a few kB)
 * never reach it before MAX_LOG_ENTRIES does.
 */
export const MAX_LOG_TOTAL_CHARS = 32 * 1024 * 1024;

export class RequestLog {
	private entries: RequestLogEntry[] = [];
	private nextSeq = 1;
	/** The length of every entry's requestBody, held under MAX_LOG_TOTAL_CHARS. */
	private bodyChars = 0;

	/** `secrets`: the world's API tokens, hidden wherever they stand, e.g. in a mangled request. */
	constructor(private readonly secrets: () => readonly string[] = () => []) {}

	add(
		entry: Omit<RequestLogEntry, 'seq' | 'requestBody'> & { requestBody: string },
	): RequestLogEntry {
		// Every Token element's content, comments and CDATA inside it too, becomes ***; so does a
		// known token outside one (plain, XML-escaped or percent-encoded).
		let body = redactTokenElements(entry.requestBody);
		for (const secret of this.secrets())
			if (secret.length >= 4) body = body.replace(secretPattern(secret), '***');
		if (body.length > MAX_LOG_BODY_CHARS)
			body = `${body.slice(0, MAX_LOG_BODY_CHARS)}... [${body.length} chars]`;
		// A copy: V8 keeps a slice's or a replacement's source alive, the whole request (up to 64 MB).
		body = Buffer.from(body, 'utf8').toString('utf8');
		const full: RequestLogEntry = { ...entry, seq: this.nextSeq++, requestBody: body };
		this.entries.push(full);
		this.bodyChars += body.length;
		let drop = 0;
		while (
			this.entries.length - drop > MAX_LOG_ENTRIES ||
			(this.bodyChars > MAX_LOG_TOTAL_CHARS && drop < this.entries.length - 1)
		) {
			this.bodyChars -= this.entries[drop].requestBody.length;
			drop++;
		}
		if (drop > 0) this.entries.splice(0, drop);
		return full;
	}

	/** Entries with `time >= since` (ms) and, if given, `operation` as 'Service.Op' or 'Op'. */
	query(filter: { since?: number; operation?: string } = {}): RequestLogEntry[] {
		return this.entries.filter((e) => {
			if (filter.since !== undefined && e.time < filter.since) return false;
			if (filter.operation !== undefined) {
				const key = `${e.service}.${e.operation}`;
				if (filter.operation !== key && filter.operation !== e.operation) return false;
			}
			return true;
		});
	}

	all(): readonly RequestLogEntry[] {
		return this.entries;
	}

	clear(): void {
		this.entries = [];
		this.bodyChars = 0;
	}
}
