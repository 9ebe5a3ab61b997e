/**
 * One SOAP call, the way an ASMX service handles it: SOAP version from the envelope namespace,
 * routing by SOAPAction / action parameter (else by the body element), strict .NET reading of the
 * request, authentication from the auth header in the service namespace, the API user template,
 * fair use, injected faults, then the world's handler and an answer in the request's SOAP version.
 */
import { operationKey } from '../../../nodes/Nmbrs/catalogue/types';
import type { Operation, ServiceName } from '../../../nodes/Nmbrs/catalogue/types';
import {
	buildFault,
	buildResponse,
	nmbrsFaultMessage,
	SOAP_CONTENT_TYPE,
	type RequestAuthHeader,
	type SoapVersion,
} from '../../../nodes/Nmbrs/wire';
import type { EmulatorUser } from '../world';
import { NmbrsFault } from '../operations';
import { catalogue as curatedCatalogue } from '../../../nodes/Nmbrs/catalogue';
import { decodeRequest, MalformedRequestError } from './decode';
import type { EmulatorContext } from './context';
import { standardFaultMessage, type FaultRule } from './faultInjection';
import { FAIR_USE_DELAY_MS } from './throttle';

/** What the HTTP layer writes and logs. */
export interface SoapOutcome {
	status: number;
	contentType: string;
	body: string;
	/** How the body goes out: normally, over `slowBodyMs`, or not at all (socket reset). */
	delivery: 'normal' | 'slowBody' | 'reset';
	slowBodyMs?: number;
	soapVersion: SoapVersion | null;
	operation: string | null;
	user: string | null;
	faultCode: number | null;
	throttled: boolean;
	injected: string | null;
}

export interface SoapRequest {
	service: ServiceName;
	body: string;
	/** The SOAPAction header, raw (may be quoted, may be absent). */
	soapActionHeader: string | undefined;
	contentType: string | undefined;
}

/** The v3 action URI prefixes accepted for a service (the sandbox host too, REFERENCE §1.1). */
function actionOperationName(action: string, service: ServiceName): string | undefined {
	const match = /^https:\/\/api(?:-sandbox)?\.nmbrs\.nl\/soap\/v3\/(\w+)\/(\w+)$/.exec(action);
	if (!match || match[1] !== service) return undefined;
	return match[2];
}

function unquote(value: string): string {
	const trimmed = value.trim();
	return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')
		? trimmed.slice(1, -1)
		: trimmed;
}

/** The `action` parameter of a SOAP 1.2 Content-Type, if any. */
function contentTypeAction(contentType: string | undefined): string | undefined {
	if (!contentType) return undefined;
	const match = /;\s*action\s*=\s*("([^"]*)"|[^;\s]+)/i.exec(contentType);
	if (!match) return undefined;
	return match[2] ?? match[1];
}

export async function handleSoap(ctx: EmulatorContext, request: SoapRequest): Promise<SoapOutcome> {
	const outcome: SoapOutcome = {
		status: 200,
		contentType: '',
		body: '',
		delivery: 'normal',
		soapVersion: null,
		operation: null,
		user: null,
		faultCode: null,
		throttled: false,
		injected: null,
	};
	const fault = (
		soapVersion: SoapVersion,
		sender: boolean,
		message: string,
		code: number | null = null,
	): SoapOutcome => {
		outcome.status = 500;
		outcome.contentType = SOAP_CONTENT_TYPE[soapVersion];
		outcome.body = buildFault(soapVersion, { sender, message });
		outcome.faultCode = code;
		return outcome;
	};

	// 1. Routing: the action when present and known for this service, else the body element.
	const soapActionHeader =
		request.soapActionHeader !== undefined ? unquote(request.soapActionHeader) : undefined;
	const actionFor = (soapVersion: SoapVersion) =>
		soapVersion === '1.1' ? soapActionHeader : contentTypeAction(request.contentType);
	const byAction = (action: string | undefined) => {
		const name = action !== undefined ? actionOperationName(action, request.service) : undefined;
		return name !== undefined ? ctx.findOperation(request.service, name) : undefined;
	};
	// The SOAP version comes from the envelope namespace, not the Content-Type (as ASMX does);
	// until the envelope is read, guess it from the headers to pick the action.
	const guessedVersion: SoapVersion =
		soapActionHeader !== undefined || !/soap\+xml/i.test(request.contentType ?? '') ? '1.1' : '1.2';

	// 2. Read the envelope strictly; elements in a foreign namespace count as absent.
	let decoded;
	try {
		decoded = decodeRequest(
			request.service,
			request.body,
			byAction(actionFor(guessedVersion)) ??
				byAction(actionFor(guessedVersion === '1.1' ? '1.2' : '1.1')),
			(name) => ctx.findOperation(request.service, name),
			curatedCatalogue,
		);
	} catch (error) {
		if (error instanceof MalformedRequestError) {
			if (!error.versionMismatch) return fault(guessedVersion, true, error.message);
			// An envelope of no known SOAP version: ASMX answers a SOAP 1.1 VersionMismatch fault.
			fault('1.1', true, error.message);
			outcome.body = outcome.body.replace(
				'<faultcode>soap:Client</faultcode>',
				'<faultcode>soap:VersionMismatch</faultcode>',
			);
			return outcome;
		}
		throw error;
	}
	const soapVersion = decoded.soapVersion;
	outcome.soapVersion = soapVersion;
	const rawAction = actionFor(soapVersion);
	const actionOperation = byAction(rawAction);
	if (soapVersion === '1.1' && ctx.options.strictSoapAction && !actionOperation) {
		return fault(
			soapVersion,
			true,
			`Server did not recognize the value of HTTP Header SOAPAction: ${rawAction ?? ''}.`,
		);
	}
	// 3. The operation: by the action if it named a known one, else by the body element.
	const resolved = actionOperation ?? decoded.resolved;
	if (!resolved) {
		const message =
			soapVersion === '1.1' && rawAction !== undefined
				? `Server did not recognize the value of HTTP Header SOAPAction: ${rawAction}.`
				: `Unable to handle request without a valid action parameter. Please supply a valid soap action.`;
		return fault(soapVersion, true, message);
	}
	const op = resolved.operation;
	const key = operationKey(op);
	outcome.operation = op.name;

	// 4. Fair use, counted per user name as sent (a throttled call is still answered, later).
	const username = decoded.auth?.username ?? null;
	outcome.user = username;
	if (ctx.options.throttle && username !== null && ctx.throttle.register(username.toLowerCase())) {
		outcome.throttled = true;
		await ctx.sleep(FAIR_USE_DELAY_MS);
	}

	// 5. Injected faults (admin API). Those that replace the answer do so before any side effect.
	const injected = ctx.faults.pick(key);
	if (injected) {
		outcome.injected = injected.kind;
		const replaced = await applyInjectedFaultBefore(ctx, injected, soapVersion, op, outcome);
		if (replaced) return replaced;
	}

	// 6. Authentication and the API user template.
	const user = authenticate(ctx, op, decoded.auth);
	if (!user)
		return fault(soapVersion, false, nmbrsFaultMessage(1001, standardFaultMessage(1001)), 1001);
	outcome.user = user.email;
	if (user.disabledOperations.has(key))
		return fault(soapVersion, false, nmbrsFaultMessage(1002, standardFaultMessage(1002)), 1002);

	// 7. The world's answer.
	const handler = ctx.handlers[key];
	if (!handler) {
		return fault(
			soapVersion,
			false,
			`Server was unable to process request. ---> The Nmbrs emulator does not implement ${key}: the catalogue knows the operation, but the emulator has no data behind it.`,
		);
	}
	let result;
	try {
		result = handler(ctx.world(), {
			user,
			params: decoded.params,
			allowHttpWebhooks: ctx.options.allowHttpWebhooks,
		});
	} catch (error) {
		if (error instanceof NmbrsFault)
			return fault(soapVersion, false, nmbrsFaultMessage(error.code, error.message), error.code);
		ctx.logLine(
			`emulator: ${key} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
		);
		return fault(
			soapVersion,
			false,
			`Server was unable to process request. ---> ${error instanceof Error ? error.message : String(error)}`,
		);
	}
	outcome.contentType = SOAP_CONTENT_TYPE[soapVersion];
	outcome.body = buildResponse(op, result ?? null, resolved.catalogue, soapVersion);

	if (injected) applyInjectedFaultAfter(injected, outcome);
	return outcome;
}

/** The user the auth header names, or undefined (-> 1001). The header must be the operation's kind. */
function authenticate(
	ctx: EmulatorContext,
	op: Operation,
	auth: RequestAuthHeader | null,
): EmulatorUser | undefined {
	if (!auth || auth.element !== op.auth) return undefined;
	const { username, token, domain } = auth;
	if (username === null || token === null) return undefined;
	const user = ctx
		.world()
		.users.find((u) => u.email.toLowerCase() === username.trim().toLowerCase());
	if (!user || user.token !== token.trim()) return undefined;
	if (op.auth === 'AuthHeader') return user;
	if (domain === null || domain.trim() === '') return ctx.options.requireDomain ? undefined : user;
	return domain.trim().toLowerCase() === user.domain.toLowerCase() ? user : undefined;
}

const HTML_502 =
	'<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>' +
	'<body><h1>502 Bad Gateway</h1><p>The upstream server returned an invalid response.</p></body></html>\n';

async function applyInjectedFaultBefore(
	ctx: EmulatorContext,
	rule: FaultRule,
	soapVersion: SoapVersion,
	op: Operation,
	outcome: SoapOutcome,
): Promise<SoapOutcome | undefined> {
	switch (rule.kind) {
		case 'latency':
			await ctx.sleep(rule.ms ?? 1000);
			return undefined;
		case 'fault': {
			const code = rule.code ?? 9999;
			outcome.status = 500;
			outcome.contentType = SOAP_CONTENT_TYPE[soapVersion];
			outcome.body = buildFault(soapVersion, {
				sender: false,
				message: nmbrsFaultMessage(code, rule.message ?? standardFaultMessage(code)),
			});
			outcome.faultCode = code;
			return outcome;
		}
		case 'html502':
			outcome.status = 502;
			outcome.contentType = 'text/html; charset=utf-8';
			outcome.body = HTML_502;
			return outcome;
		case 'malformed':
			outcome.status = 200;
			outcome.contentType = SOAP_CONTENT_TYPE[soapVersion];
			// Tags that do not match: no XML parser accepts this.
			outcome.body =
				`<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">` +
				`<soap:Body><${op.name}Response><${op.name}Result><Id>1</Name></${op.name}Response></soap:Envelope>`;
			return outcome;
		case 'reset':
			outcome.status = 0;
			outcome.delivery = 'reset';
			return outcome;
		default:
			return undefined;
	}
}

function applyInjectedFaultAfter(rule: FaultRule, outcome: SoapOutcome): void {
	if (rule.kind === 'truncated') {
		outcome.body = outcome.body.slice(0, Math.floor(outcome.body.length / 2));
	} else if (rule.kind === 'slowBody') {
		outcome.delivery = 'slowBody';
		outcome.slowBodyMs = rule.ms ?? 2000;
	}
}
