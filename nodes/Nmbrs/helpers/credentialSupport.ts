/**
 * What the credential needs beyond its description: reading the stored fields, resolving the
 * request URL, and discovering the subdomain. Kept here so the credential file stays a
 * description and the logic is testable on its own. No secrets leave these functions.
 */
import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';
import { UserError } from 'n8n-workflow';

import { catalogue, getOperation } from '../catalogue';
import { buildRequest } from '../catalogue/wire/writeXml';
import { fillAuthHeader } from '../transport/auth';
import { callNmbrs } from '../transport/client';
import type { NmbrsCredentials } from '../transport/connection';
import { normalizeSubdomain, resolveBaseUrl, targetFor } from '../transport/connection';
import { NmbrsError } from '../transport/errors';

type Environment = NmbrsCredentials['environment'];

function text(value: unknown): string {
	return typeof value === 'string' ? value.trim() : '';
}

/** The stored credential fields as the transport wants them (subdomain normalised). */
export function credentialsFromData(data: ICredentialDataDecryptedObject): NmbrsCredentials {
	const environment = text(data.environment);
	const env: Environment =
		environment === 'sandbox' || environment === 'custom' ? environment : 'live';
	const subdomain = normalizeSubdomain(text(data.subdomain));
	return {
		email: text(data.email),
		token: text(data.token),
		subdomain: subdomain === '' ? undefined : subdomain,
		environment: env,
		customBaseUrl: env === 'custom' ? text(data.customBaseUrl) : undefined,
	};
}

/** The Domain to send: the subdomain field when filled, else the one discovered and cached. */
export function effectiveSubdomain(data: ICredentialDataDecryptedObject): string {
	const typed = normalizeSubdomain(text(data.subdomain));
	if (typed !== '') return typed;
	return normalizeSubdomain(text(data.sessionSubdomain));
}

function originOf(url: string): string | undefined {
	try {
		return new URL(url).origin;
	} catch {
		return undefined;
	}
}

/**
 * The absolute URL of a request, and whether it points at the credential's own environment
 * (only then does the auth header get filled). Relative URLs are resolved against the base URL
 * of the environment; an explicit request baseURL is ignored for that, the credential decides.
 */
export function resolveRequestUrl(
	creds: NmbrsCredentials,
	url: string | undefined,
	_baseURL?: string,
): { url: string; sameEnvironment: boolean } {
	const base = resolveBaseUrl(creds);
	const target = url ?? '';
	const absolute = /^[a-z][a-z0-9+.-]*:\/\//i.test(target)
		? target
		: new URL(target.replace(/^\/+/, ''), base.endsWith('/') ? base : `${base}/`).toString();
	const sameEnvironment = originOf(absolute) !== undefined && originOf(absolute) === originOf(base);
	return { url: absolute, sameEnvironment };
}

/** Whether a request body is an envelope with the empty auth header the wire codec writes. */
export function hasAuthPlaceholder(body: unknown): body is string {
	return typeof body === 'string' && /<(AuthHeaderWithDomain|AuthHeader) xmlns="[^"]*"\s*\/>/.test(body);
}

/** The envelope of the credential test: DebtorService.List_GetAll with an empty auth header. */
export const placeholderEnvelope = buildRequest(getOperation('DebtorService.List_GetAll'), {}, catalogue);

type PlainHttp = (options: IHttpRequestOptions) => Promise<unknown>;

/**
 * Asks Nmbrs which subdomain the API user belongs to (DebtorService.Environment_Get, the one
 * call that takes the plain AuthHeader). Throws an error that names the fix, never the token.
 */
export async function discoverSubdomain(http: PlainHttp, creds: NmbrsCredentials): Promise<string> {
	const withAuth = async (options: IHttpRequestOptions) => {
		const body =
			typeof options.body === 'string'
				? fillAuthHeader(options.body, { email: creds.email, token: creds.token, domain: '' })
				: options.body;
		return (await http({ ...options, body })) as never;
	};
	let result: unknown;
	try {
		result = await callNmbrs(
			withAuth,
			targetFor(creds),
			'DebtorService.Environment_Get',
			{},
			{},
		);
	} catch (error) {
		if (error instanceof NmbrsError) {
			// Stays an NmbrsError (code, hint) so the node that triggered the lookup reports the
			// real fault (e.g. 1001) instead of a failed request.
			throw new NmbrsError(`Could not look up the Nmbrs subdomain: ${error.message}`, {
				kind: error.kind,
				operation: error.operation,
				code: error.code,
				nmbrsMessage: error.nmbrsMessage,
				httpStatus: error.httpStatus,
				hint: `${error.hint ? `${error.hint} ` : ''}You can also type the subdomain (the part before .nmbrs.nl) into the credential.`,
				retryable: false,
			});
		}
		throw new UserError(
			'Could not look up the Nmbrs subdomain; check the environment and base URL, or type the subdomain (the part before .nmbrs.nl) into the credential.',
		);
	}
	const subdomain =
		result !== null && typeof result === 'object' && 'SubDomain' in result
			? normalizeSubdomain(text((result as { SubDomain: unknown }).SubDomain))
			: '';
	if (subdomain === '') {
		throw new UserError(
			'Nmbrs did not return a subdomain for this API user; type the subdomain (the part before .nmbrs.nl) into the credential.',
		);
	}
	return subdomain;
}
