/**
 * Where a call goes: the credential's fields, the base URL of its environment, the endpoint of
 * a service, and the key under which calls of one Nmbrs user share their fair-use budget.
 */
import type { ServiceName } from '../catalogue/types';

export interface NmbrsCredentials {
	/** The API user's login e-mail (AuthHeader Username). */
	email: string;
	/** The API token from User profile -> API Token. Never logged, never in an error. */
	token: string;
	/** The tenant subdomain: `acme` for https://acme.nmbrs.nl (AuthHeaderWithDomain Domain). */
	subdomain?: string;
	environment: 'live' | 'sandbox' | 'custom';
	/** Only for 'custom', e.g. the emulator: http://127.0.0.1:7780/soap/v3/ (the suffix may be left out). */
	customBaseUrl?: string;
	/** The most of one answer read, in MB (unpacked); default 256. */
	maxAnswerMb?: number;
	/** This process's fair-use budget for the user, 1–150 calls per second; default 150. */
	callsPerSecond?: number;
}

export const LIVE_BASE_URL = 'https://api.nmbrs.nl/soap/v3/';
export const SANDBOX_BASE_URL = 'https://api-sandbox.nmbrs.nl/soap/v3/';

/**
 * The subdomain from whatever a user pastes: `acme`, ` Acme `, `acme.nmbrs.nl`,
 * `https://acme.nmbrs.nl/...`, `acme.nmbrs-sandbox.nl` all give `acme`. Empty input gives ''.
 */
export function normalizeSubdomain(input: string): string {
	let text = input.trim().toLowerCase();
	text = text.replace(/^[a-z][a-z0-9+.-]*:\/\//, ''); // scheme
	const pathStart = text.search(/[/?#]/); // path, query
	if (pathStart >= 0) text = text.slice(0, pathStart);
	text = text.replace(/:\d+$/, ''); // port
	text = text.replace(/\.nmbrs(?:-sandbox)?\.(?:nl|com)$/, '');
	return text.replace(/\.$/, '');
}

/** Subdomains that are the API's own host, not a tenant: what a pasted API URL turns into. */
const API_HOSTS = new Set(['api', 'api-sandbox']);

/** Whether a (normalised) subdomain is the API's own host rather than a tenant's. */
export function isApiHost(subdomain: string): boolean {
	return API_HOSTS.has(subdomain);
}

/** The SOAP v3 base URL of the credential's environment, always ending in `/soap/v3/`. */
export function resolveBaseUrl(
	creds: Pick<NmbrsCredentials, 'environment' | 'customBaseUrl'>,
): string {
	if (creds.environment === 'live') return LIVE_BASE_URL;
	if (creds.environment === 'sandbox') return SANDBOX_BASE_URL;
	const given = (creds.customBaseUrl ?? '').trim();
	if (!URL.canParse(given)) {
		throw new Error(
			`The custom base URL "${given}" is not a valid URL; give it like http://127.0.0.1:7780/soap/v3/ (with http:// or https://).`,
		);
	}
	const url = new URL(given);
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw new Error(
			`The custom base URL must start with http:// or https://, not ${url.protocol}//.`,
		);
	}
	let pathname = url.pathname.replace(/\/[A-Z]+Service\.asmx$/i, '');
	while (pathname.endsWith('/')) pathname = pathname.slice(0, -1);
	if (!/\/soap\/v3$/i.test(pathname)) pathname = `${pathname}/soap/v3`;
	return `${url.origin}${pathname}/`;
}

/** `https://api.nmbrs.nl/soap/v3/CompanyService.asmx` */
export function endpointUrl(baseUrl: string, service: ServiceName): string {
	return `${baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`}${service}.asmx`;
}

/**
 * The server a base URL reaches, as one spelling: scheme, host and path in lower case (IIS paths
 * are case-insensitive), the port written out, and every loopback name (localhost, 127.x, [::1])
 * as one; so that one login written two ways does not get two fair-use budgets.
 */
function serverOf(baseUrl: string): string {
	if (!URL.canParse(baseUrl)) return baseUrl.trim().toLowerCase();
	const url = new URL(baseUrl);
	const loopback =
		url.hostname === 'localhost' || url.hostname === '[::1]' || /^127\./.test(url.hostname);
	const port = url.port || (url.protocol === 'https:' ? '443' : '80');
	const path = url.pathname.toLowerCase().split('/').filter(Boolean).join('/');
	return `${url.protocol}//${loopback ? 'loopback' : url.hostname}:${port}/${path}`;
}

/** One Nmbrs user's fair-use key: the login as Nmbrs sees it, the server and the e-mail (any case). */
export function userKey(baseUrl: string, email: string): string {
	return `${serverOf(baseUrl)}|${email.trim().toLowerCase()}`;
}

/** Where a call goes and whose budget it uses. */
export interface NmbrsTarget {
	baseUrl: string;
	/** Calls with the same key share one fair-use limiter (see userKey). */
	userKey: string;
	/** Secrets to scrub from any text taken from a response (the token). */
	redact?: string[];
	/** The user's fair-use budget in this process, when the credential sets one. */
	callsPerSecond?: number;
}

export function targetFor(creds: NmbrsCredentials): NmbrsTarget {
	const baseUrl = resolveBaseUrl(creds);
	return {
		baseUrl,
		userKey: userKey(baseUrl, creds.email),
		redact: creds.token ? [creds.token] : [],
		...(creds.callsPerSecond === undefined ? {} : { callsPerSecond: creds.callsPerSecond }),
	};
}
