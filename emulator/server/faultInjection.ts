/**
 * Faults injected through the admin API (`POST /__admin/faults`), so that clients can be
 * tested against the failures they meet in production: slow answers, Nmbrs faults,
 * a gateway's HTML error page, broken or cut-off XML, dropped connections.
 */
export const FAULT_KINDS = ['latency', 'fault', 'html502', 'malformed', 'truncated', 'reset', 'slowBody'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultRule {
	/** 'Service.Op', or '*' for every SOAP call. */
	operation: string;
	kind: FaultKind;
	/** `fault`: the Nmbrs code and message (default 9999 "Unkown", as Nmbrs spells it). */
	code?: number;
	message?: string;
	/** `latency`: added delay; `slowBody`: time over which the body is written. */
	ms?: number;
	/** How many matching calls to affect; unlimited when absent. */
	times?: number;
	/** Chance (0..1) that a matching call is affected; 1 when absent. */
	probability?: number;
}

export class FaultInjector {
	private rules: Array<FaultRule & { remaining: number }> = [];

	constructor(private readonly random: () => number) {}

	/** Validates and adds a rule; throws an Error with a user-facing message when it is wrong. */
	add(input: unknown): FaultRule {
		if (typeof input !== 'object' || input === null) throw new Error('body must be a JSON object');
		const r = input as Record<string, unknown>;
		if (typeof r.operation !== 'string' || !(r.operation === '*' || /^\w+\.\w+$/.test(r.operation))) {
			throw new Error("operation must be 'Service.Op' or '*'");
		}
		if (!FAULT_KINDS.includes(r.kind as FaultKind)) throw new Error(`kind must be one of ${FAULT_KINDS.join(', ')}`);
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
		if (rule.probability !== undefined && rule.probability > 1) throw new Error('probability must be between 0 and 1');
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
		return this.rules.map((r) => ({ ...r, remaining: Number.isFinite(r.remaining) ? r.remaining : null }));
	}

	clear(): void {
		this.rules = [];
	}
}

/** A small seeded generator (mulberry32), so a seeded emulator injects the same faults every run. */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
