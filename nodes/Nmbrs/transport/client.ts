/**
 * One SOAP call: envelope from the catalogue, POST through the HTTP function given (n8n's
 * authenticated helper inside n8n; test/support/plainHttp.ts in tests and benchmarks), fair-use
 * limiting per user, retries for reads only, and every failure as an NmbrsError that says what to fix.
 */
import { catalogue as curatedCatalogue, resolveAnyOperation } from '../catalogue';
import type { Catalogue, Operation, ServiceName } from '../catalogue/types';
import { SERVICES, operationKey } from '../catalogue/types';
import { WireError, excerptOf, type SoapVersion, type WireValue } from '../wire/shape';
import { buildRequest } from '../wire/writeXml';
import { ResponseReader } from '../wire/readXml';
import { AnswerTooLarge, DEFAULT_MAX_ANSWER_BYTES, feedAnswer } from './answer';
import { endpointUrl, type NmbrsTarget } from './connection';
import { NmbrsError, faultError, lookupFailureFromMessage, scrub } from './errors';
import { limiterFor, systemClock, type Clock, type FairUseLimiter } from './limiter';
import { attempt, settle } from '../support/outcome';

/** The n8n-style request the transport makes (a subset of n8n's IHttpRequestOptions). */
export interface HttpRequest {
	method: 'POST';
	url: string;
	headers: Record<string, string>;
	body: string;
	timeout: number;
	returnFullResponse: true;
	ignoreHttpStatusErrors: true;
	json: false;
	/** The body as it arrives (n8n: a readable stream), read chunk by chunk within a size limit. */
	encoding: 'stream';
	/** Aborted when the call's overall deadline passes (n8n's own timeout only counts idle time). */
	abortSignal?: AbortSignal;
}

export interface HttpResponse {
	statusCode: number;
	headers?: Record<string, unknown>;
	/** The XML: a stream of chunks, or text or bytes (anything else is treated as an unreadable answer). */
	body: unknown;
}

/**
 * Sends one request. Inside n8n:
 * `(o) => this.helpers.httpRequestWithAuthentication.call(this, 'nmbrsApi', o)`.
 * Must resolve for every HTTP status (ignoreHttpStatusErrors) and reject only when no answer came.
 */
export type HttpFunction = (request: HttpRequest) => Promise<HttpResponse>;

export interface CallOptions {
	/** Default '1.1'. */
	soapVersion?: SoapVersion;
	/** Default 60 s; 300 s for operations the catalogue marks slow (PDFs). */
	timeoutMs?: number;
	/** Extra attempts for reads after a network error, timeout or non-fault 5xx; default 2. Writes are never retried. */
	retries?: number;
	/** First backoff delay, doubled per retry; default 500 ms. */
	retryDelayMs?: number;
	clock?: Clock;
	/** Default: the process-wide limiter of target.userKey. */
	limiter?: FairUseLimiter;
	/** Catalogue for an Operation object passed directly (default: the one that holds it, else the curated one). */
	catalogue?: Catalogue;
	/** The most of one answer read, decompressed (default DEFAULT_MAX_ANSWER_BYTES). */
	maxAnswerBytes?: number;
}

export const DEFAULT_TIMEOUT_MS = 60_000;
export const SLOW_TIMEOUT_MS = 300_000;

/** The operation and the catalogue holding its types, from a 'Service.Op' key or an Operation. */
export function resolveCall(
	operation: Operation | string,
	explicit?: Catalogue,
): { op: Operation; catalogue: Catalogue } {
	if (typeof operation !== 'string') {
		if (explicit) return { op: operation, catalogue: explicit };
		const known = resolveAnyOperation(operation.service, operation.name);
		return {
			op: operation,
			catalogue: known?.operation === operation ? known.catalogue : curatedCatalogue,
		};
	}
	const dot = operation.indexOf('.');
	const service = operation.slice(0, dot) as ServiceName;
	const name = operation.slice(dot + 1);
	if (dot < 0 || !SERVICES.includes(service)) {
		throw new Error(
			`"${operation}" is not an Nmbrs operation key; write it as Service.Operation with one of ${SERVICES.join(', ')}, e.g. "CompanyService.WageTax_GetList".`,
		);
	}
	const resolved = resolveAnyOperation(service, name);
	if (!resolved) {
		throw new Error(
			`${service} has no operation "${name}" in the catalogue; check the spelling and casing against the Nmbrs API documentation, or call it as an ad-hoc operation (adHocOperation from the wire codec).`,
		);
	}
	return { op: resolved.operation, catalogue: explicit ?? resolved.catalogue };
}

/** What kind of value a non-text body is, without any of its content. */
function describeBody(body: unknown): string {
	if (Array.isArray(body)) return 'a list';
	if (typeof body === 'object') return 'an object (parsed JSON?)';
	return `a ${typeof body}`;
}

/** A short, token-free description of a thrown transport error. */
function describeThrown(
	error: unknown,
	secrets: readonly string[],
): { code?: string; text: string } {
	const record = (typeof error === 'object' && error !== null ? error : {}) as Record<
		string,
		unknown
	>;
	const candidate = record.code ?? (record.cause as Record<string, unknown> | undefined)?.code;
	const code =
		typeof candidate === 'string' && /^[A-Z][A-Z_]+$/.test(candidate) ? candidate : undefined;
	const message = typeof record.message === 'string' ? (record.message.split('\n')[0] ?? '') : '';
	return { code, text: excerptOf(scrub(message, secrets), 160) };
}

function isTimeout(code: string | undefined, text: string): boolean {
	return (
		code === 'ETIMEDOUT' ||
		code === 'ECONNABORTED' ||
		code === 'ESOCKETTIMEDOUT' ||
		/timed?\s*out/i.test(text)
	);
}

interface AttemptContext {
	op: Operation;
	key: string;
	url: string;
	timeoutMs: number;
	secrets: readonly string[];
	params: Record<string, unknown>;
	catalogueForRead: Catalogue;
	maxAnswerBytes: number;
	clock: Clock;
}

/**
 * For a write that failed in any way but an Nmbrs fault (no answer, an HTTP error, a cut or
 * unreadable answer): the request may have reached Nmbrs, so running it again could do it twice.
 */
export const UNKNOWN_WRITE_OUTCOME =
	'The change may or may not have been made in Nmbrs (only a fault from Nmbrs proves it was not): check in Nmbrs whether it was, before running this again.';

/** What to do after an answer that is not a fault: for a write, first find out whether it was made. */
function responseHint(op: Operation, hint: string): string {
	return op.access === 'write' ? `${UNKNOWN_WRITE_OUTCOME} ${hint}` : hint;
}

/**
 * An NmbrsError raised before the request was sent, inside n8n's authentication step (the
 * credential's subdomain discovery with Environment_Get), reaches us wrapped by n8n
 * (NodeApiError with the original as `cause`). It is the real reason: surface it as it is.
 */
function nmbrsErrorInside(error: unknown): NmbrsError | undefined {
	for (let current = error, depth = 0; current && depth < 5; depth++) {
		if (current instanceof NmbrsError || (current as Error).name === 'NmbrsError')
			return current as NmbrsError;
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}

const NETWORK_REASONS: Record<string, string> = {
	ECONNREFUSED: 'connection refused',
	ECONNRESET: 'connection reset',
	ENOTFOUND: 'host not found',
	EAI_AGAIN: 'host name lookup failed',
	EHOSTUNREACH: 'host unreachable',
	ENETUNREACH: 'network unreachable',
	EPIPE: 'connection closed while sending',
	CERT_HAS_EXPIRED: 'TLS certificate expired',
	DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed TLS certificate',
	UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate not trusted',
};

function errorFromThrown(error: unknown, ctx: AttemptContext): NmbrsError {
	const inner = nmbrsErrorInside(error) ?? lookupFailureFromMessage(error);
	if (inner) return inner;
	const { code, text } = describeThrown(error, ctx.secrets);
	const isWrite = ctx.op.access === 'write';
	if (isTimeout(code, text)) {
		return new NmbrsError(
			`No answer from Nmbrs within ${Math.round(ctx.timeoutMs / 1000)} s for ${ctx.key}`,
			{
				kind: 'timeout',
				operation: ctx.key,
				nmbrsMessage: text || undefined,
				hint: isWrite
					? `${UNKNOWN_WRITE_OUTCOME} Nmbrs or the network was slow; for large changes, give the call a longer timeout.`
					: 'Nmbrs or the network is slow; try again later. For large companies or PDFs, give the call a longer timeout.',
				retryable: !isWrite,
			},
		);
	}
	const check =
		"Check the credential's environment (and base URL for a custom one), the network and any proxy between n8n and Nmbrs.";
	// The system code (ECONNREFUSED...) stays in nmbrsMessage: in the headline n8n would swap our
	// sentence, which names the URL and the call, for a generic one.
	const reason = code ? (NETWORK_REASONS[code] ?? 'network error') : undefined;
	return new NmbrsError(
		`Could not reach Nmbrs at ${ctx.url} for ${ctx.key}${reason ? `: ${reason}` : ''}`,
		{
			kind: 'network',
			operation: ctx.key,
			nmbrsMessage: text || undefined,
			hint: isWrite ? `${UNKNOWN_WRITE_OUTCOME} ${check}` : check,
			retryable: !isWrite,
		},
	);
}

/** What an HTTP error status means; a write gets no "try again" (it may have been made). */
function httpHint(status: number, ctx: AttemptContext): string {
	if (status === 404)
		return `Nothing answers at ${ctx.url}: check the base URL in the credential (it should end in /soap/v3/).`;
	if (status === 401 || status === 403)
		return 'The server refused the request before Nmbrs read it; check the base URL and any proxy or firewall.';
	if (status === 429 || status >= 500)
		return ctx.op.access === 'write'
			? 'Nmbrs or a gateway in front of it had a problem.'
			: 'Nmbrs or a gateway in front of it had a problem; try again in a few minutes.';
	return 'Nmbrs did not accept the request; check the base URL in the credential.';
}

/** Reads the answer as it arrives: its result, or the error it makes. */
async function answerOf(
	response: HttpResponse,
	ctx: AttemptContext,
): Promise<NmbrsError | { result: WireValue }> {
	const status = response.statusCode;
	const ok = status >= 200 && status < 300;
	// The reader scrubs the start it keeps before it cuts any excerpt from it.
	const reader = new ResponseReader(ctx.op, ctx.catalogueForRead, {
		scrub: (t) => scrub(t, ctx.secrets),
	});
	const read = await settle(
		(async () => {
			const fed = await feedAnswer(response.body, reader, {
				maxBytes: ctx.maxAnswerBytes,
				clock: ctx.clock,
			});
			return fed ? reader.end() : undefined;
		})(),
	);
	if (read.ok) {
		if (read.value === undefined) return notText(response, ctx);
		if (ok) return { result: read.value.result };
		// A complete SOAP answer under an error status: a gateway or Nmbrs itself says the call failed,
		// so the result is not trusted. Only reads are tried again, and only for a server-side (5xx) status.
		return new NmbrsError(
			`Nmbrs answered ${ctx.key} with HTTP ${status}, although the body is a regular SOAP answer (not a fault); the result was not used`,
			{
				kind: 'http',
				operation: ctx.key,
				hint: responseHint(ctx.op, httpHint(status, ctx)),
				httpStatus: status,
				retryable: ctx.op.access === 'read' && status >= 500,
			},
		);
	}
	const error = read.error;
	if (error instanceof AnswerTooLarge) return tooLarge(error.limitBytes, status, ctx);
	if (!(error instanceof WireError)) throw error;
	if (error.kind === 'fault')
		return faultError(ctx.key, scrub(error.faultString ?? '', ctx.secrets), status, ctx.params);
	const excerpt = error.excerpt === undefined ? undefined : scrub(error.excerpt, ctx.secrets);
	if (ok) {
		return new NmbrsError(
			`Nmbrs sent an unreadable answer to ${ctx.key}: ${scrub(error.message, ctx.secrets)}`,
			{
				kind: 'malformed',
				operation: ctx.key,
				nmbrsMessage: excerpt,
				hint: responseHint(
					ctx.op,
					"The answer is not the SOAP message this operation returns; check the credential's base URL points at the Nmbrs SOAP v3 API, then try again.",
				),
				httpStatus: status,
				retryable: false,
			},
		);
	}
	return new NmbrsError(
		`Nmbrs answered ${ctx.key} with HTTP ${status}${excerpt ? `: ${excerpt}` : ''}`,
		{
			kind: 'http',
			operation: ctx.key,
			nmbrsMessage: excerpt,
			hint: responseHint(ctx.op, httpHint(status, ctx)),
			httpStatus: status,
			retryable: status >= 500 || status === 429 || status === 408,
		},
	);
}

/** An answer larger than the limit: reading stopped there. */
function tooLarge(limitBytes: number, status: number, ctx: AttemptContext): NmbrsError {
	const megabytes = Math.round(limitBytes / (1024 * 1024));
	return new NmbrsError(
		`The answer to ${ctx.key} is larger than ${megabytes} MB (unpacked); it was not read further`,
		{
			kind: 'malformed',
			operation: ctx.key,
			hint: responseHint(
				ctx.op,
				`Answers are read up to the credential's Largest Answer (${megabytes} MB), so that a runaway or hostile answer cannot exhaust n8n's memory. If the answer is a real one (a PDF of the payslips of a very large company, say), raise Largest Answer in the credential, or ask for less at once (one employee's payslips, a shorter period).`,
			),
			httpStatus: status,
			retryable: false,
		},
	);
}

/** A body that is neither a stream nor text nor bytes: something decoded it on the way. */
function notText(response: HttpResponse, ctx: AttemptContext): NmbrsError {
	const status = response.statusCode;
	if (status >= 200 && status < 300) {
		return new NmbrsError(
			`Nmbrs answered ${ctx.key} with HTTP ${status}, but the answer reached the node already decoded, not as text`,
			{
				kind: 'malformed',
				operation: ctx.key,
				hint: responseHint(
					ctx.op,
					`The HTTP layer handed over the answer as ${describeBody(response.body)} instead of the XML text, so it cannot be read as SOAP; the request asks for the raw body (json: false, encoding: 'stream'): check that nothing between n8n and Nmbrs (a proxy, or a custom base URL pointing at a JSON API) rewrites the answer.`,
				),
				httpStatus: status,
				retryable: false,
			},
		);
	}
	return new NmbrsError(
		`Nmbrs answered ${ctx.key} with HTTP ${status} and a body that is not text`,
		{
			kind: 'http',
			operation: ctx.key,
			hint: responseHint(ctx.op, httpHint(status, ctx)),
			httpStatus: status,
			retryable: status >= 500,
		},
	);
}

/**
 * Rejects as a timeout once `ms` have passed since the call was sent, and aborts the request;
 * never settles when the call ends first (its wait is dropped with the signal).
 */
function deadlinePassed(clock: Clock, ms: number, deadline: AbortController): Promise<never> {
	return new Promise<never>((_resolve, reject) => {
		clock.sleep(ms, deadline.signal).then(
			() => {
				reject(
					Object.assign(new Error(`timed out: no complete answer within ${ms} ms`), {
						code: 'ETIMEDOUT',
					}),
				);
				deadline.abort();
			},
			() => undefined,
		);
	});
}

/**
 * Calls one Nmbrs operation and returns its typed result (see the wire codec for the value model).
 * Throws NmbrsError for anything Nmbrs or the network did wrong; WireError{kind:'input'} or Error
 * for bad input (nothing was sent then).
 */
export async function callNmbrs(
	send: HttpFunction,
	target: NmbrsTarget,
	operation: Operation | string,
	params: Record<string, unknown>,
	options: CallOptions = {},
): Promise<WireValue> {
	const { op, catalogue } = resolveCall(operation, options.catalogue);
	const built = attempt(() =>
		buildRequest(op, params, catalogue, { soapVersion: options.soapVersion ?? '1.1' }),
	);
	if (!built.ok) {
		if (!(built.error instanceof WireError)) throw built.error;
		throw new NmbrsError(`The parameters do not fit ${operationKey(op)}`, {
			kind: 'input',
			operation: operationKey(op),
			nmbrsMessage: built.error.message,
			hint: `${built.error.message} Nothing was sent to Nmbrs.`,
			retryable: false,
		});
	}
	const { body, headers } = built.value;
	const clock = options.clock ?? systemClock;
	const limiter = options.limiter ?? limiterFor(target.userKey, undefined, target.callsPerSecond);
	const ctx: AttemptContext = {
		op,
		key: operationKey(op),
		url: endpointUrl(target.baseUrl, op.service),
		timeoutMs: options.timeoutMs ?? (op.slow ? SLOW_TIMEOUT_MS : DEFAULT_TIMEOUT_MS),
		secrets: target.redact ?? [],
		params,
		catalogueForRead: catalogue,
		maxAnswerBytes: options.maxAnswerBytes ?? DEFAULT_MAX_ANSWER_BYTES,
		clock,
	};
	const attempts = 1 + (op.access === 'read' ? Math.max(0, options.retries ?? 2) : 0);
	const firstDelay = options.retryDelayMs ?? 500;
	for (let attempt = 1; ; attempt++) {
		let outcome: NmbrsError | { result: WireValue };
		// An overall deadline per call: n8n's HTTP timeout only fires when the connection is idle,
		// so a server that trickles bytes would otherwise hold the call as long as it likes.
		const deadline = new AbortController();
		try {
			// The deadline covers the whole answer: headers, then the body as it is read.
			outcome = await limiter.run(
				async () =>
					await Promise.race([
						(async () => {
							const response = await send({
								method: 'POST',
								url: ctx.url,
								headers,
								body,
								timeout: ctx.timeoutMs,
								returnFullResponse: true,
								ignoreHttpStatusErrors: true,
								json: false,
								encoding: 'stream',
								abortSignal: deadline.signal,
							});
							return await answerOf(response, ctx);
						})(),
						deadlinePassed(clock, ctx.timeoutMs, deadline),
					]),
			);
		} catch (error) {
			outcome = errorFromThrown(error, ctx);
		} finally {
			deadline.abort();
		}
		if (!(outcome instanceof NmbrsError)) return outcome.result;
		if (!outcome.retryable || attempt >= attempts) throw outcome;
		await clock.sleep(firstDelay * 2 ** (attempt - 1));
	}
}
