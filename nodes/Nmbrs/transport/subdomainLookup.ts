/**
 * Asks Nmbrs which subdomain an API user belongs to (DebtorService.Environment_Get, the one call
 * that takes the plain AuthHeader). The credential's preAuthentication calls this when the
 * subdomain field is empty.
 */
import type { IHttpRequestOptions } from 'n8n-workflow';

import { fillAuthHeader } from './auth';
import { callNmbrs } from './client';
import { isApiHost, normalizeSubdomain, targetFor, type NmbrsCredentials } from './connection';
import { NmbrsError, subdomainLookupError } from './errors';

type PlainHttp = (options: IHttpRequestOptions) => Promise<unknown>;

const LOOKUP = 'DebtorService.Environment_Get';

/**
 * The subdomain, normalised. Every failure, including an answer without a subdomain, is thrown
 * as subdomainLookupError (never retried by the node, never holding the token).
 */
export async function discoverSubdomain(http: PlainHttp, creds: NmbrsCredentials): Promise<string> {
	const secrets = creds.token ? [creds.token] : [];
	const withAuth = async (options: IHttpRequestOptions) => {
		const body =
			typeof options.body === 'string'
				? fillAuthHeader(options.body, { email: creds.email, token: creds.token, domain: '' })
				: options.body;
		return (await http({ ...options, body })) as never;
	};
	let result: unknown;
	try {
		result = await callNmbrs(withAuth, targetFor(creds), LOOKUP, {}, {});
	} catch (error) {
		throw subdomainLookupError(error, secrets);
	}
	const found =
		result !== null && typeof result === 'object' && 'SubDomain' in result
			? (result as { SubDomain: unknown }).SubDomain
			: '';
	const subdomain = normalizeSubdomain(typeof found === 'string' ? found : '');
	if (subdomain === '' || isApiHost(subdomain)) {
		throw subdomainLookupError(
			new NmbrsError(`Nmbrs answered ${LOOKUP} without a subdomain`, {
				kind: 'malformed',
				operation: LOOKUP,
				hint: 'Nmbrs did not say which environment this API user belongs to.',
				retryable: false,
			}),
			secrets,
		);
	}
	return subdomain;
}
