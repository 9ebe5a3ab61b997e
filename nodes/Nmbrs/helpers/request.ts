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
import { NmbrsError } from '../transport/errors';
import { credentialsFromData } from './credentialSupport';

export type NmbrsContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

export const CREDENTIAL_NAME = 'nmbrsApi';

/** Removes every occurrence of the secret from a text (a last line of defence). */
export function redact(text: string, secret: string): string {
	if (secret.length < 4) return text;
	return text.split(secret).join('***');
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
		const message = redact(error.message, token);
		const description = error.hint ? redact(error.hint, token) : undefined;
		const response: JsonObject = {
			message,
			operation: error.operation ?? null,
			kind: error.kind ?? null,
		};
		if (error.code !== undefined && error.code !== null) response.code = String(error.code);
		if (error.nmbrsMessage) response.nmbrsMessage = redact(error.nmbrsMessage, token);
		return new NodeApiError(node, response, {
			message,
			description,
			httpCode: error.httpStatus ? String(error.httpStatus) : undefined,
			itemIndex,
		});
	}
	const raw = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(node, redact(raw, token) || 'The call to Nmbrs failed', {
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
			{},
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
