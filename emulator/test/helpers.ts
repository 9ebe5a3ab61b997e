/** Shared by the emulator's HTTP-level tests: raw SOAP envelopes, HTTP calls, the admin API. */
import * as fs from 'fs';
import * as path from 'path';

export const NS = (service: string) => `https://api.nmbrs.nl/soap/v3/${service}`;
export const ENVELOPE_11 = 'http://schemas.xmlsoap.org/soap/envelope/';
export const ENVELOPE_12 = 'http://www.w3.org/2003/05/soap-envelope';

/** The accountant master login of the demo world (documented fake). */
export const ACCOUNTANT = { email: 'accountant@demo.example', token: 'demo-token', domain: 'demo' };

export interface Login {
	email: string;
	token: string;
	domain?: string | null;
}

export interface EnvelopeOptions {
	soapVersion?: '1.1' | '1.2';
	login?: Login | null;
	/** The auth header element (default AuthHeaderWithDomain). */
	authElement?: 'AuthHeaderWithDomain' | 'AuthHeader';
	/** Namespace of the auth header (default: the service namespace). */
	authNamespace?: string;
	/** Namespace of the body element (default: the service namespace). */
	bodyNamespace?: string;
	/** Namespace of the parameters (default: inherit the body's). */
	paramNamespace?: string;
}

/** A hand-written request envelope, the way a simple client would send it. */
export function envelope(
	service: string,
	operation: string,
	params: Record<string, string | number | boolean>,
	options: EnvelopeOptions = {},
): string {
	const soapNs = options.soapVersion === '1.2' ? ENVELOPE_12 : ENVELOPE_11;
	const login = options.login === undefined ? ACCOUNTANT : options.login;
	const authElement = options.authElement ?? 'AuthHeaderWithDomain';
	const header = login
		? `<soap:Header><${authElement} xmlns="${options.authNamespace ?? NS(service)}">` +
			`<Username>${login.email}</Username><Token>${login.token}</Token>` +
			(login.domain === undefined
				? `<Domain>${ACCOUNTANT.domain}</Domain>`
				: login.domain === null
					? ''
					: `<Domain>${login.domain}</Domain>`) +
			`</${authElement}></soap:Header>`
		: '';
	const paramXml = Object.entries(params)
		.map(([name, value]) =>
			options.paramNamespace !== undefined
				? `<p:${name} xmlns:p="${options.paramNamespace}">${value}</p:${name}>`
				: `<${name}>${value}</${name}>`,
		)
		.join('');
	return (
		`<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="${soapNs}">${header}<soap:Body>` +
		`<${operation} xmlns="${options.bodyNamespace ?? NS(service)}">${paramXml}</${operation}></soap:Body></soap:Envelope>`
	);
}

export interface HttpAnswer {
	status: number;
	contentType: string;
	body: string;
}

/** POSTs a SOAP request; `action` undefined sends the right SOAPAction / action parameter, null sends none. */
export async function postSoap(
	baseUrl: string,
	service: string,
	operation: string,
	body: string,
	options: { soapVersion?: '1.1' | '1.2'; action?: string | null } = {},
): Promise<HttpAnswer> {
	const action = options.action === undefined ? `${NS(service)}/${operation}` : options.action;
	const headers: Record<string, string> =
		options.soapVersion === '1.2'
			? {
					'Content-Type': `application/soap+xml; charset=utf-8${action !== null ? `; action="${action}"` : ''}`,
				}
			: {
					'Content-Type': 'text/xml; charset=utf-8',
					...(action !== null ? { SOAPAction: `"${action}"` } : {}),
				};
	const res = await fetch(`${baseUrl}${service}.asmx`, { method: 'POST', headers, body });
	return {
		status: res.status,
		contentType: res.headers.get('content-type') ?? '',
		body: await res.text(),
	};
}

/** Calls an operation with the accountant login (or `options.login`) and returns the answer. */
export async function call(
	baseUrl: string,
	service: string,
	operation: string,
	params: Record<string, string | number | boolean> = {},
	options: EnvelopeOptions & { action?: string | null } = {},
): Promise<HttpAnswer> {
	return postSoap(
		baseUrl,
		service,
		operation,
		envelope(service, operation, params, options),
		options,
	);
}

/** The Nmbrs error code in a fault string (`---> 2004: ...`), or null. */
export function faultCode(body: string): number | null {
	const match = /---&gt; (\d{4}):|---> (\d{4}):/.exec(body);
	return match ? Number(match[1] ?? match[2]) : null;
}

/** Every text value of `<Name>` elements (any prefix), in order. */
export function values(body: string, name: string): string[] {
	const pattern = new RegExp(`<(?:\\w+:)?${name}(?:\\s[^>]*)?>([^<]*)</(?:\\w+:)?${name}>`, 'g');
	return [...body.matchAll(pattern)].map((m) => m[1]);
}

export async function admin<T = Record<string, unknown>>(
	adminUrl: string,
	method: 'GET' | 'POST' | 'DELETE',
	route: string,
	body?: unknown,
): Promise<{ status: number; json: T }> {
	const res = await fetch(`${adminUrl}${route}`, {
		method,
		headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: res.status, json: (await res.json()) as T };
}

/** ../shared next to the repository: real WSDLs and samples. Tests that need it skip without it. */
export const SHARED_DIR = path.resolve(__dirname, '..', '..', '..', 'shared');
export const sharedAvailable = fs.existsSync(path.join(SHARED_DIR, 'nmbrs-api'));

/** The world's "now" every emulator test pins, so answers do not change with the date the tests run. */
export const WORLD_NOW = '2026-11-25T09:00:00';
