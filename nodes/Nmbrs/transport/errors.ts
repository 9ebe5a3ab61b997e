/**
 * NmbrsError: the one error the transport throws for a failed call. Built only from sanitized
 * fields (never from a raw HTTP error, which would carry the request envelope and so the token),
 * and every text taken from a response is scrubbed of the token before it is stored.
 */
import { redactTokenElements, secretPattern } from '../wire/redact';

/** `input`: the call could not be written from the parameters given, so nothing was sent. */
export type NmbrsErrorKind = 'fault' | 'http' | 'network' | 'timeout' | 'malformed' | 'input';

export interface NmbrsErrorFields {
	kind: NmbrsErrorKind;
	/** 'CompanyService.WageTax_GetList' */
	operation: string;
	/** Nmbrs' fault code (1002, 2004...), when the fault string carries one. */
	code?: number;
	/** Nmbrs' own words (fault string after the code, or a short excerpt of a non-SOAP answer). */
	nmbrsMessage?: string;
	/** What the user should do. */
	hint?: string;
	httpStatus?: number;
	/** Whether trying the same call again may succeed (only ever done for reads). */
	retryable: boolean;
}

export class NmbrsError extends Error {
	readonly kind: NmbrsErrorKind;
	readonly operation: string;
	readonly code?: number;
	readonly nmbrsMessage?: string;
	readonly hint?: string;
	readonly httpStatus?: number;
	readonly retryable: boolean;

	constructor(message: string, fields: NmbrsErrorFields) {
		super(message);
		this.name = 'NmbrsError';
		this.kind = fields.kind;
		this.operation = fields.operation;
		this.retryable = fields.retryable;
		if (fields.code !== undefined) this.code = fields.code;
		if (fields.nmbrsMessage !== undefined) this.nmbrsMessage = fields.nmbrsMessage;
		if (fields.hint !== undefined) this.hint = fields.hint;
		if (fields.httpStatus !== undefined) this.httpStatus = fields.httpStatus;
	}

	toJSON(): Record<string, unknown> {
		return {
			name: this.name,
			message: this.message,
			kind: this.kind,
			operation: this.operation,
			code: this.code,
			nmbrsMessage: this.nmbrsMessage,
			hint: this.hint,
			httpStatus: this.httpStatus,
			retryable: this.retryable,
		};
	}
}

/**
 * Replaces the content of every <Token> element, and each secret of 4 or more characters in any
 * mix of plain, XML-escaped and percent-encoded characters, with `***`. Linear in the text.
 */
export function scrub(text: string, secrets: readonly string[] = []): string {
	let clean = redactTokenElements(text);
	for (const secret of secrets) {
		if (secret.length >= 4) clean = clean.replace(secretPattern(secret), '***');
	}
	return clean;
}

/**
 * The most of a fault string that is parsed or shown. Nmbrs' own are under 100 characters
 * (`Server was unable to process request. ---> 1002: Unauthorized access`); a longer one is cut,
 * so a 1 MB fault never becomes a 1 MB error message.
 */
export const MAX_FAULT_CHARS = 1000;

/** The fault text cut to MAX_FAULT_CHARS (an ellipsis marks the cut). */
export function cutFaultText(text: string): string {
	return text.length > MAX_FAULT_CHARS ? `${text.slice(0, MAX_FAULT_CHARS)}…` : text;
}

/**
 * `---> 1002: Unauthorized access` anywhere in a fault string, whatever comes before it: the
 * first arrow followed by a code, else the first arrow, else the whole (cut) text. A message ends
 * at the next arrow or line break.
 */
export function parseFaultString(faultString: string): { code?: number; message: string } {
	const text = cutFaultText(faultString);
	const parts = text.split('--->').slice(1);
	const lines = parts.map((part) => (part.trimStart().split(/[\r\n]/)[0] ?? '').trim());
	for (const line of lines) {
		const coded = /^(\d{3,5})\s*:/.exec(line);
		if (coded) return { code: Number(coded[1]), message: line.slice(coded[0].length).trim() };
	}
	return { message: lines[0] ?? text.trim() };
}

/** Parameters whose value helps name the record a 1003 or 200x fault is about. */
const RECORD_PARAMS: Record<number, RegExp> = {
	1003: /^(?:debtorid|companyid)$/i,
	2003: /^employeeid$/i,
	2004: /^companyid$/i,
	2009: /^debtorid$/i,
};

function sentValue(code: number, params: Record<string, unknown>): string {
	const pattern = RECORD_PARAMS[code];
	if (!pattern) return '';
	const entry = Object.entries(params).find(([name]) => pattern.test(name));
	if (!entry || entry[1] === undefined || entry[1] === null || typeof entry[1] === 'object')
		return '';
	return ` (${entry[0]} ${String(entry[1])} was sent)`;
}

/** What to do about each Nmbrs fault code. */
export function hintFor(
	code: number | undefined,
	operation: string,
	params: Record<string, unknown> = {},
): string {
	switch (code) {
		case 1001:
			return "Nmbrs did not accept the credentials. Check in the n8n credential: the e-mail is the API user's login e-mail, the API token is the current one from User profile -> API token in Nmbrs (generating a new one voids the old), and the subdomain is the part before .nmbrs.nl of your Nmbrs address. A sandbox token only works from the day after it was made.";
		case 1002:
			return `The API user may not make this call: enable ${operation} in the API user template of this user (Settings -> Template users -> API) in Nmbrs. Debtor → Check API Access lists every call the template switches off.`;
		case 1003:
			return `The API user has no rights on this debtor or company${sentValue(code, params)} (debtor filters or tags on the user); give the user access in Nmbrs or pick a record it can see.`;
		case 1004:
			return 'The Nmbrs environment is disabled or has no valid subscription; contact your Nmbrs administrator.';
		case 2001:
			return "The hour code is not in the company's hour model; pick one from CompanyService.HourModel_GetHourCodes.";
		case 2002:
			return "The wage code is not in the company's wage model; pick one from CompanyService.WageModel_GetWageCodes.";
		case 2003:
			return `Unknown employee ID, or the API user cannot see this employee${sentValue(code, params)}; check the ID (Get Many lists the valid ones).`;
		case 2004:
			return `Unknown company ID, or the API user cannot see this company${sentValue(code, params)}; check the ID (Company Get Many lists the valid ones).`;
		case 2006:
			return "The period does not fit the company's period type (monthly companies have periods 1-12, four-weekly 1-13, weekly 1-53); check the company's current period with CompanyService.Company_GetCurrentPeriod.";
		case 2009:
			return `Unknown debtor ID, or the API user cannot see this debtor${sentValue(code, params)}; check the ID (Debtor Get Many lists the valid ones).`;
		case 2011:
			return 'The change falls in a period that is already closed (protected mode); set UnprotectedMode to true to change the past on purpose, or change a current or future period.';
		case 2012:
			return 'This wage tax declaration was already sent; nothing needs to be done, or pick a declaration that is not sent yet.';
		case 9999:
			return 'Nmbrs reported an unspecified error; try again later, and if it persists check the input values and contact Nmbrs support with the time of the call.';
		default:
			return code === undefined
				? 'Nmbrs rejected the request; check the parameters against the operation (names and values).'
				: `See Nmbrs error code ${code} in the troubleshooting section of the README.`;
	}
}

/** The error for a SOAP fault. `faultString` must already be scrubbed. */
export function faultError(
	operation: string,
	faultString: string,
	httpStatus: number | undefined,
	params: Record<string, unknown> = {},
): NmbrsError {
	const { code, message } = parseFaultString(faultString);
	const nmbrsMessage = message || cutFaultText(faultString) || 'no fault text';
	const label = code === undefined ? 'Nmbrs fault' : `Nmbrs fault ${code}`;
	return new NmbrsError(`${label} in ${operation}: ${nmbrsMessage}`, {
		kind: 'fault',
		operation,
		code,
		nmbrsMessage,
		hint: hintFor(code, operation, params),
		httpStatus,
		retryable: false,
	});
}

const SUBDOMAIN_LOOKUP = 'DebtorService.Environment_Get';
/** How a failed subdomain lookup's message begins: the one text both directions below share. */
const SUBDOMAIN_LOOKUP_FAILED = 'Could not look up the Nmbrs subdomain';
const TYPE_THE_SUBDOMAIN =
	'You can also type the subdomain (the part of your Nmbrs address before .nmbrs.nl) into the credential.';

/**
 * The error a failed subdomain lookup throws out of the credential's preAuthentication: one
 * sentence with the likely causes and Nmbrs' exact answer, the NmbrsError (never retried) as
 * `cause`. A plain Error without `code` or `response`, because n8n's credential test shows
 * `cause.code` or the HTTP status instead of the message when the error it wraps has one.
 */
export function subdomainLookupError(failure: unknown, secrets: string[]): Error {
	let fault: NmbrsError;
	if (failure instanceof NmbrsError) {
		fault = new NmbrsError(`${SUBDOMAIN_LOOKUP_FAILED}: ${failure.message}`, {
			kind: failure.kind,
			operation: failure.operation,
			code: failure.code,
			nmbrsMessage: failure.nmbrsMessage,
			httpStatus: failure.httpStatus,
			hint: `${failure.hint ? `${failure.hint} ` : ''}${TYPE_THE_SUBDOMAIN}`,
			retryable: false,
		});
	} else {
		const reason = scrub(failure instanceof Error ? failure.message : String(failure), secrets);
		fault = new NmbrsError(`${SUBDOMAIN_LOOKUP_FAILED}: ${reason}`, {
			kind: 'malformed',
			operation: SUBDOMAIN_LOOKUP,
			hint: `Check the environment and the base URL in the credential. ${TYPE_THE_SUBDOMAIN}`,
			retryable: false,
		});
	}
	// What Nmbrs (or the network) said, in a few words: "Nmbrs answered 1001 Invalid Authentication".
	const exact =
		fault.kind === 'fault'
			? `Nmbrs answered ${fault.code ?? 'a fault'}${fault.nmbrsMessage ? ` ${fault.nmbrsMessage}` : ''}`
			: fault.message.replace(`${SUBDOMAIN_LOOKUP_FAILED}: `, '');
	return new Error(
		`${SUBDOMAIN_LOOKUP_FAILED} (${exact}): check the e-mail and the API token, that the API user template allows ${SUBDOMAIN_LOOKUP}, or type the subdomain (the part of your Nmbrs address before .nmbrs.nl) into the credential.`,
		{ cause: fault },
	);
}

/**
 * The subdomain lookup's failure, recognised by its message. n8n wraps what preAuthentication
 * throws; n8n 2.x keeps the NmbrsError as `cause`, but n8n 1.x keeps only the message, so the
 * message alone must be enough to report the real fault (and never retry it).
 */
export function lookupFailureFromMessage(error: unknown): NmbrsError | undefined {
	for (let current = error, depth = 0; current && depth < 5; depth++) {
		const message = (current as { message?: unknown }).message;
		if (typeof message === 'string' && message.startsWith(SUBDOMAIN_LOOKUP_FAILED)) {
			const answered = /Nmbrs answered (\d{3,5})\b/.exec(message);
			const code = answered ? Number(answered[1]) : undefined;
			return new NmbrsError(message, {
				kind: code === undefined ? 'malformed' : 'fault',
				operation: SUBDOMAIN_LOOKUP,
				code,
				hint: `${code === undefined ? '' : `${hintFor(code, SUBDOMAIN_LOOKUP)} `}${TYPE_THE_SUBDOMAIN}`,
				retryable: false,
			});
		}
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}
