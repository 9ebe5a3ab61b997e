/**
 * The one place where the nodes talk to Nmbrs: n8n's authenticated HTTP helper (so the user's
 * proxy, TLS and timeout settings apply, and the credential fills the auth header) handed to the
 * transport's callNmbrs, and every failure turned into an n8n error that names the fix.
 */
import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	IPollFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { WireValue } from '../catalogue/wire/shape';
import { callNmbrs } from '../transport/client';
import { targetFor } from '../transport/connection';
import { NmbrsError, scrub } from '../transport/errors';
import { credentialsFromData } from './credentialSupport';

export type NmbrsContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

export const CREDENTIAL_NAME = 'nmbrsApi';

/** Options a node operation may pass on to the transport. */
export interface NmbrsRequestOptions {
	/** The user's Timeout option, in ms; default: the transport's (60 s, 300 s for PDFs). */
	timeoutMs?: number;
}

/** A NodeApiError from a transport error, built only from its sanitized fields. */
export function toNodeError(
	node: INode,
	error: unknown,
	token: string,
	itemIndex?: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	if (error instanceof NmbrsError) {
		// A last line of defence: the transport already scrubbed every text it took from Nmbrs.
		const message = scrub(error.message, [token]);
		const description = error.hint ? scrub(error.hint, [token]) : undefined;
		const response: JsonObject = {
			message,
			operation: error.operation ?? null,
			kind: error.kind ?? null,
		};
		if (error.code !== undefined && error.code !== null) response.code = String(error.code);
		if (error.nmbrsMessage) response.nmbrsMessage = scrub(error.nmbrsMessage, [token]);
		return new NodeApiError(node, response, {
			message,
			description,
			httpCode: error.httpStatus ? String(error.httpStatus) : undefined,
			itemIndex,
		});
	}
	const raw = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(node, scrub(raw, [token]) || 'The call to Nmbrs failed', {
		itemIndex,
		description: 'The request to Nmbrs did not complete; check the environment or base URL in the credential.',
	});
}

/**
 * Calls one catalogue operation (`'Service.Operation'`) and returns its typed result.
 * Failures become NodeApiError (Nmbrs faults, with the code's meaning and the fix) or
 * NodeOperationError; the API token appears in neither.
 */
export async function nmbrsRequest(
	this: NmbrsContext,
	operation: string,
	params: Record<string, unknown>,
	itemIndex?: number,
	options: NmbrsRequestOptions = {},
): Promise<WireValue> {
	const data: ICredentialDataDecryptedObject = await this.getCredentials(CREDENTIAL_NAME, itemIndex ?? 0);
	const creds = credentialsFromData(data);
	const http = async (options: IHttpRequestOptions) =>
		(await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_NAME, options)) as never;
	try {
		return await callNmbrs(
			http,
			targetFor(creds),
			operation,
			params,
			options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs },
		);
	} catch (error) {
		throw toNodeError(this.getNode(), error, creds.token, itemIndex);
	}
}

/** A list result as an array (null -> [], one object -> [object]). */
export function asList(value: WireValue): WireValue[] {
	if (value === null || value === undefined) return [];
	return Array.isArray(value) ? value : [value];
}
