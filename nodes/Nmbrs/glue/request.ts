/**
 * The one place where the nodes talk to Nmbrs: n8n's authenticated HTTP helper (so the user's
 * proxy, TLS and timeout settings apply, and the credential fills the auth header) handed to the
 * transport's callNmbrs, and every failure turned into an n8n error that names the fix.
 */
import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	IPollFunctions,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, UserError } from 'n8n-workflow';

import type { CallWith, CuratedCall, ParamsOf } from '../catalogue/calls';
import type { Operation } from '../catalogue/types';
import type { WireObject, WireValue } from '../wire/shape';
import { callNmbrs, UNKNOWN_WRITE_OUTCOME } from '../transport/client';

export { UNKNOWN_WRITE_OUTCOME };
export { MAX_IN_FLIGHT } from '../transport/limiter';
import { targetFor } from '../transport/connection';
import { NmbrsError, scrub } from '../transport/errors';
import { STALE_SUBDOMAIN_HINT, credentialsFromData, staleSessionSubdomain } from './credentials';

export type NmbrsContext =
	IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions | IHookFunctions | IWebhookFunctions;

export const CREDENTIAL_NAME = 'nmbrsApi';

/** Options a node operation may pass on to the transport. */
export interface NmbrsRequestOptions {
	/** The user's Timeout option, in ms; default: the transport's (60 s, 300 s for PDFs). */
	timeoutMs?: number;
}

/**
 * A NodeApiError from a transport error, built only from its sanitized fields. `token`, when
 * given, is scrubbed once more from every text (the transport already did).
 */
export function toNodeError(
	node: INode,
	error: unknown,
	token?: string,
	itemIndex?: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	const secrets = token ? [token] : [];
	if (error instanceof NmbrsError && error.kind === 'input') {
		// Nothing was sent: the user's parameters are to fix, the hint names the one.
		return new NodeOperationError(node, scrub(error.message, secrets), {
			itemIndex,
			description: error.hint ? scrub(error.hint, secrets) : undefined,
		});
	}
	if (error instanceof NmbrsError) {
		// A last line of defence: the transport already scrubbed every text it took from Nmbrs.
		const message = scrub(error.message, secrets);
		const description = error.hint ? scrub(error.hint, secrets) : undefined;
		const response: JsonObject = {
			message,
			operation: error.operation ?? null,
			kind: error.kind ?? null,
		};
		if (error.code !== undefined && error.code !== null) response.code = String(error.code);
		if (error.nmbrsMessage) response.nmbrsMessage = scrub(error.nmbrsMessage, secrets);
		return new NodeApiError(node, response, {
			message,
			description,
			httpCode: error.httpStatus ? String(error.httpStatus) : undefined,
			itemIndex,
		});
	}
	const raw = error instanceof Error ? error.message : String(error);
	if (error instanceof UserError) {
		// A setting to fix (e.g. the credential's subdomain); nothing was sent.
		return new NodeOperationError(node, scrub(raw, secrets), { itemIndex });
	}
	return new NodeOperationError(node, scrub(raw, secrets) || 'The call to Nmbrs failed', {
		itemIndex,
		description:
			'The request to Nmbrs did not complete; check the environment or base URL in the credential.',
	});
}

/** The credential per execution: n8n reads and decrypts it from its database at every call. */
const credentialCache = new WeakMap<object, Promise<ICredentialDataDecryptedObject>>();

/**
 * An action node's context lives for one execution; a trigger's poll context lives as long as
 * the workflow is active, so nothing is kept on it (a changed credential must take effect).
 */
function isOneExecution(context: NmbrsContext): boolean {
	return 'getInputData' in context;
}

async function credentialsOf(
	context: NmbrsContext,
	itemIndex: number | undefined,
): Promise<ICredentialDataDecryptedObject> {
	if (!isOneExecution(context))
		return await context.getCredentials(CREDENTIAL_NAME, itemIndex ?? 0);
	let data = credentialCache.get(context);
	if (data === undefined) {
		data = context.getCredentials(CREDENTIAL_NAME, itemIndex ?? 0);
		credentialCache.set(context, data);
		data.catch(() => credentialCache.delete(context));
	}
	return await data;
}

/**
 * Calls one curated operation (`'Service.Operation'`, a key of CuratedCalls) with its parameters,
 * both checked by the compiler, and returns its typed result. Failures become NodeApiError (Nmbrs
 * faults, with the code's meaning and the fix) or NodeOperationError; the API token appears in
 * neither.
 */
export async function nmbrsRequest<K extends CuratedCall>(
	context: NmbrsContext,
	operation: K,
	params: ParamsOf<K>,
	itemIndex?: number,
	options: NmbrsRequestOptions = {},
): Promise<WireValue> {
	return await anyRequest(context, operation, params, itemIndex, options);
}

/** nmbrsRequest for a call and its parameters picked from a table (checked there, as a pair). */
export async function requestCall(
	context: NmbrsContext,
	request: CallWith,
	itemIndex?: number,
): Promise<WireValue> {
	return await anyRequest(context, request.call, request.params, itemIndex);
}

/**
 * nmbrsRequest for a call known only at run time (Custom Call: any operation by name, or an
 * Operation object for one the catalogue does not know): the parameters are checked as the
 * request is written, before anything is sent.
 */
export async function anyRequest(
	context: NmbrsContext,
	operation: string | Operation,
	params: Readonly<Record<string, unknown>>,
	itemIndex?: number,
	options: NmbrsRequestOptions = {},
): Promise<WireValue> {
	const data = await credentialsOf(context, itemIndex);
	const token = typeof data.token === 'string' ? data.token.trim() : undefined;
	const http = async (request: IHttpRequestOptions) =>
		(await context.helpers.httpRequestWithAuthentication.call(
			context,
			CREDENTIAL_NAME,
			request,
		)) as never;
	try {
		const creds = credentialsFromData(data);
		return await callNmbrs(http, targetFor(creds), operation, params, {
			...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
			...(creds.maxAnswerMb === undefined
				? {}
				: { maxAnswerBytes: Math.round(creds.maxAnswerMb * 1024 * 1024) }),
		});
	} catch (error) {
		const nodeError = toNodeError(context.getNode(), error, token, itemIndex);
		if (error instanceof NmbrsError && error.code === 1001 && staleSessionSubdomain(data)) {
			nodeError.description = `${nodeError.description ? `${nodeError.description} ` : ''}${STALE_SUBDOMAIN_HINT}`;
		}
		throw nodeError;
	}
}

/** A list result as an array (null -> [], one object -> [object]). */
export function asList(value: WireValue): WireValue[] {
	if (value === null || value === undefined) return [];
	return Array.isArray(value) ? value : [value];
}

/** Whether a wire value is a record (an object with fields, not a list or binary). */
export function isRecord(value: WireValue): value is WireObject {
	return (
		value !== null && typeof value === 'object' && !Array.isArray(value) && !Buffer.isBuffer(value)
	);
}

/** A list result's records (anything else in it is skipped). */
export function asRecords(value: WireValue): WireObject[] {
	return asList(value).filter(isRecord);
}

/**
 * Answers of reads by call and parameters, each asked once while the cache lives: one execution of
 * the node (cachedRequest) or one poll of the trigger. `forgetFailures`: a failed answer is asked
 * again next time (an execution's later items) rather than given again (the rest of one poll).
 */
export class AnswerCache {
	private readonly answers = new Map<string, Promise<WireValue>>();

	constructor(private readonly forgetFailures: boolean) {}

	get(
		operation: string,
		params: Readonly<Record<string, unknown>>,
		ask: () => Promise<WireValue>,
	): Promise<WireValue> {
		const key = `${operation} ${JSON.stringify(params)}`;
		let answer = this.answers.get(key);
		if (answer === undefined) {
			answer = ask();
			this.answers.set(key, answer);
			if (this.forgetFailures) answer.catch(() => this.answers.delete(key));
		}
		return answer;
	}
}

/** Answers kept for one execution of the node (its context object), see cachedRequest. */
const executionCache = new WeakMap<object, AnswerCache>();

/**
 * nmbrsRequest, but a read with the same parameters is made once per execution of the node:
 * e.g. a company's current period or the company list, needed by every item. A failed call is
 * not kept, so the next item tries again.
 */
export async function cachedRequest<K extends CuratedCall>(
	context: NmbrsContext,
	operation: K,
	params: ParamsOf<K>,
	itemIndex?: number,
): Promise<WireValue> {
	if (!isOneExecution(context)) return await nmbrsRequest(context, operation, params, itemIndex);
	let cache = executionCache.get(context);
	if (cache === undefined) {
		cache = new AnswerCache(true);
		executionCache.set(context, cache);
	}
	return await cache.get(operation, params, () =>
		nmbrsRequest(context, operation, params, itemIndex),
	);
}

/** The Nmbrs fault code (e.g. 2012) of an error nmbrsRequest threw; undefined when it is no fault. */
export function nmbrsFaultCode(error: unknown): number | undefined {
	if (!(error instanceof NodeApiError)) return undefined;
	const code = Number(error.errorResponse?.code);
	return Number.isInteger(code) && code > 0 ? code : undefined;
}

/**
 * Whether an error nmbrsRequest threw is an Nmbrs fault: Nmbrs read the call and refused it as a
 * whole. The only failure that proves a write was not made.
 */
export function isNmbrsFault(error: unknown): boolean {
	return error instanceof NodeApiError && error.errorResponse?.kind === 'fault';
}

/**
 * Adds a sentence to a node error's description; one that tells what became of a write takes the
 * place of the transport's "may or may not have been made" (UNKNOWN_WRITE_OUTCOME).
 */
export function explain(error: unknown, sentence: string, outcomeKnown = false): unknown {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		const before = (error.description ?? '').replace(outcomeKnown ? UNKNOWN_WRITE_OUTCOME : '', '');
		error.description = `${before.trim() ? `${before.trim()} ` : ''}${sentence}`;
	}
	return error;
}

/** A write Nmbrs refused with a fault: it says so, and that nothing came of it. */
export function refusedWrite(
	error: unknown,
	change: string,
	outcome = 'nothing was changed',
): unknown {
	return explain(error, `Nmbrs refused ${change}, so ${outcome}.`);
}
