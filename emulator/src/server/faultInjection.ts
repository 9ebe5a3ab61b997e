/**
 * Faults injected through the admin API (`POST /__admin/faults`), so that clients can be
 * tested against the failures they meet in production: slow answers, Nmbrs faults,
 * a gateway's HTML error page, broken or cut-off XML, dropped connections. Rules with a
 * probability draw from a generator seeded by the world's seed, so a run can be repeated.
 */
import { hashSeed, mulberry32 } from '../world/random';

export const FAULT_KINDS = [
	'latency',
	'fault',
	'html502',
	'malformed',
	'truncated',
	'reset',
	'slowBody',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultRule {
	/** 'Service.Op', or '*' for every SOAP call. */
	operation: string;
	kind: FaultKind;
	/** `fault`: the Nmbrs code (default 9999) and message (default: the code's standard one, e.g. 2006 Invalid Period). */
	code?: number;
	message?: string;
	/** `latency`: added delay; `slowBody`: time over which the body is written. */
	ms?: number;
	/** How many matching calls to affect; unlimited when absent. */
	times?: number;
	/** Chance (0..1) that a matching call is affected; 1 when absent. */
	probability?: number;
}

/** The messages Nmbrs gives with its codes (REFERENCE §1.5); an injected fault without a message uses these. */
export const NMBRS_FAULT_MESSAGES: Readonly<Record<number, string>> = {
	1001: 'Invalid Authentication',
	1002: 'Unauthorized access',
	1003: 'Unauthorized access',
	1004: 'Disabled, no valid subscription',
	2001: 'Invalid Hour component',
	2002: 'Invalid Wage component',
	2003: 'Unauthorized access',
	2004: 'Unauthorized access',
	2006: 'Invalid Period',
	2009: 'Unauthorized access',
	2011: 'Protected mode: cannot change the past (set UnprotectedMode to true)',
	2012: 'Wage tax declaration already sent',
	2046: 'Not found',
	9999: 'Unkown',
};

/** Rules kept at once: each call walks them, and the admin API must not grow without bound. */
export const MAX_FAULT_RULES = 1_000;
/** A rule's `message`: with MAX_FAULT_RULES, rules hold a few MB at most. */
export const MAX_FAULT_MESSAGE_CHARS = 4_096;
/** A rule's `ms`: an hour, far past any client timeout; past 2^31 ms a timer would fire at once. */
export const MAX_FAULT_MS = 3_600_000;

/** The rule list is full: answered with a 413 (the rule may be fine; there is no room). */
export class FaultRulesFullError extends Error {}

/** The standard message for a code, "Unkown" (as Nmbrs spells it) for one without. */
export function standardFaultMessage(code: number): string {
	return NMBRS_FAULT_MESSAGES[code] ?? NMBRS_FAULT_MESSAGES[9999];
}

export class FaultInjector {
	private rules: Array<FaultRule & { remaining: number }> = [];
	private random: () => number;

	/** `seed`: the world's, so "10 % of calls at random" picks the same calls in every run of that world. */
	constructor(seed: number) {
		this.random = FaultInjector.generator(seed);
	}

	private static generator(seed: number): () => number {
		return mulberry32(hashSeed(seed, 'injected-faults'));
	}

	/** Starts the random sequence again from a (new) world's seed. */
	reseed(seed: number): void {
		this.random = FaultInjector.generator(seed);
	}

	/** Validates and adds a rule; throws an Error with a user-facing message when it is wrong. */
	add(input: unknown): FaultRule {
		if (typeof input !== 'object' || input === null) throw new Error('body must be a JSON object');
		if (this.rules.length >= MAX_FAULT_RULES)
			throw new FaultRulesFullError(
				`At most ${MAX_FAULT_RULES} fault rules are kept; DELETE /__admin/faults clears them`,
			);
		const r = input as Record<string, unknown>;
		if (
			typeof r.operation !== 'string' ||
			!(r.operation === '*' || /^\w+\.\w+$/.test(r.operation))
		) {
			throw new Error("operation must be 'Service.Op' or '*'");
		}
		if (!FAULT_KINDS.includes(r.kind as FaultKind))
			throw new Error(`kind must be one of ${FAULT_KINDS.join(', ')}`);
		const optionalNumber = (name: string): number | undefined => {
			if (r[name] === undefined || r[name] === null) return undefined;
			if (typeof r[name] !== 'number' || !Number.isFinite(r[name]) || (r[name] as number) < 0) {
				throw new Error(`${name} must be a non-negative number`);
			}
			return r[name] as number;
		};
		const rule: FaultRule = {
			operation: r.operation,
			kind: r.kind as FaultKind,
			code: optionalNumber('code'),
			message: typeof r.message === 'string' ? r.message : undefined,
			ms: optionalNumber('ms'),
			times: optionalNumber('times'),
			probability: optionalNumber('probability'),
		};
		if (rule.probability !== undefined && rule.probability > 1)
			throw new Error('probability must be between 0 and 1');
		if (rule.ms !== undefined && rule.ms > MAX_FAULT_MS)
			throw new Error(`ms must be at most ${MAX_FAULT_MS} (one hour)`);
		if (rule.message !== undefined && rule.message.length > MAX_FAULT_MESSAGE_CHARS)
			throw new Error(`message must be at most ${MAX_FAULT_MESSAGE_CHARS} characters`);
		this.rules.push({ ...rule, remaining: rule.times ?? Infinity });
		return rule;
	}

	/** The rule that hits this call, if any (first matching rule wins; it uses up one of its `times`). */
	pick(operationKey: string): FaultRule | undefined {
		for (const rule of this.rules) {
			if (rule.remaining <= 0) continue;
			if (rule.operation !== '*' && rule.operation !== operationKey) continue;
			if (rule.probability !== undefined && this.random() >= rule.probability) continue;
			rule.remaining--;
			return rule;
		}
		return undefined;
	}

	list(): Array<FaultRule & { remaining: number | null }> {
		return this.rules.map((r) => ({
			...r,
			remaining: Number.isFinite(r.remaining) ? r.remaining : null,
		}));
	}

	clear(): void {
		this.rules = [];
	}
}
