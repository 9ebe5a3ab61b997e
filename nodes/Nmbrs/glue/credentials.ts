/**
 * What the credential needs beyond its description: reading the stored fields, resolving the
 * request URL, and discovering the subdomain. Kept here so the credential file stays a
 * description and the logic is testable on its own. No secrets leave these functions.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { UserError } from 'n8n-workflow';

import { catalogue, getOperation } from '../catalogue';
import { buildRequest } from '../wire/writeXml';
import { AUTH_PLACEHOLDER } from '../transport/auth';
import type { NmbrsCredentials } from '../transport/connection';
import { isApiHost, normalizeSubdomain, resolveBaseUrl, userKey } from '../transport/connection';

type Environment = NmbrsCredentials['environment'];

function text(value: unknown): string {
	return typeof value === 'string' ? value.trim() : '';
}

/**
 * The subdomain field, normalised ('' when empty). Throws when it names the API's own host
 * (`https://api.nmbrs.nl/soap/v3/` pasted by mistake): Nmbrs would refuse every call with 1001.
 */
export function typedSubdomain(data: ICredentialDataDecryptedObject): string {
	const subdomain = normalizeSubdomain(text(data.subdomain));
	if (isApiHost(subdomain)) {
		throw new UserError(
			`The subdomain "${subdomain}" is the address of the Nmbrs API, not of your environment: in the credential, type the part of YOUR Nmbrs address before .nmbrs.nl (e.g. mycompany for https://mycompany.nmbrs.nl), or leave the field empty to have it looked up.`,
		);
	}
	return subdomain;
}

/** The stored credential fields as the transport wants them (subdomain normalised and checked). */
export function credentialsFromData(data: ICredentialDataDecryptedObject): NmbrsCredentials {
	const environment = text(data.environment);
	const env: Environment =
		environment === 'sandbox' || environment === 'custom' ? environment : 'live';
	const subdomain = typedSubdomain(data);
	return {
		email: text(data.email),
		token: text(data.token),
		subdomain: subdomain === '' ? undefined : subdomain,
		environment: env,
		customBaseUrl: env === 'custom' ? text(data.customBaseUrl) : undefined,
		maxAnswerMb: positiveNumber(data.maxAnswerMb),
		callsPerSecond: callsPerSecond(data.callsPerSecond),
	};
}

/** Nmbrs' fair use: at most 150 calls per second per user. */
export const NMBRS_CALLS_PER_SECOND = 150;

/** The credential's Calls per Second as a whole number of 1 to 150; undefined: Nmbrs' 150. */
function callsPerSecond(value: unknown): number | undefined {
	const number = positiveNumber(value);
	return number === undefined
		? undefined
		: Math.min(NMBRS_CALLS_PER_SECOND, Math.max(1, Math.floor(number)));
}

/** A number above zero, or undefined (the default applies). */
function positiveNumber(value: unknown): number | undefined {
	const number = typeof value === 'string' ? Number(value.trim()) : value;
	return typeof number === 'number' && Number.isFinite(number) && number > 0 ? number : undefined;
}

/**
 * Whom a discovered subdomain belongs to: the environment's base URL and the lower-cased e-mail
 * (no secret). Stored next to the discovered subdomain; '' when the base URL is not valid.
 */
export function sessionFingerprint(creds: NmbrsCredentials): string {
	try {
		return userKey(resolveBaseUrl(creds), creds.email);
	} catch {
		return '';
	}
}

/**
 * The subdomain discovered earlier, when it was discovered for the credential's current
 * e-mail and environment; '' otherwise (then it is not sent: n8n does not look it up again by
 * itself, see staleSessionSubdomain).
 */
function cachedSubdomain(data: ICredentialDataDecryptedObject, creds: NmbrsCredentials): string {
	const cached = normalizeSubdomain(text(data.sessionSubdomain));
	if (cached === '') return '';
	const fingerprint = sessionFingerprint(creds);
	return fingerprint !== '' && text(data.sessionFor) === fingerprint ? cached : '';
}

/** The Domain to send: the subdomain field when filled, else the one discovered for this e-mail and environment. */
export function effectiveSubdomain(data: ICredentialDataDecryptedObject): string {
	const creds = credentialsFromData(data);
	return creds.subdomain ?? cachedSubdomain(data, creds);
}

/**
 * Whether the credential holds a discovered subdomain that is no longer used because the
 * e-mail or the environment changed since it was looked up (the subdomain field is empty).
 */
export function staleSessionSubdomain(data: ICredentialDataDecryptedObject): boolean {
	try {
		const creds = credentialsFromData(data);
		return (
			creds.subdomain === undefined &&
			text(data.sessionSubdomain) !== '' &&
			cachedSubdomain(data, creds) === ''
		);
	} catch {
		return false;
	}
}

/** What to do when a discovered subdomain is no longer used (added to a 1001 error's fix). */
export const STALE_SUBDOMAIN_HINT =
	'The subdomain looked up earlier was for another e-mail or environment, so no subdomain was sent: type the subdomain (the part of your Nmbrs address before .nmbrs.nl) into the credential, or create the credential anew to have it looked up again.';

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
	return typeof body === 'string' && AUTH_PLACEHOLDER.test(body);
}

/** The envelope of the credential test: DebtorService.List_GetAll with an empty auth header. */
export const placeholderEnvelope = buildRequest(
	getOperation('DebtorService.List_GetAll'),
	{},
	catalogue,
);
