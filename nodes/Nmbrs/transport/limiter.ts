/**
 * Fair use: Nmbrs allows 150 calls per second per user and delays calls beyond that. Each user
 * gets one limiter, shared by everything in this process (limiterFor), which starts at most
 * `maxPerSecond` calls in any window of a second plus a safety margin, and keeps at most
 * `maxConcurrent` in flight. Calls start in the order they were scheduled.
 *
 * The margin: Nmbrs counts arrivals, not starts, and network jitter can bunch calls started just
 * over a second apart into one second at its end.
 */
import { sleep, sleepWithAbort } from 'n8n-workflow';

export interface Clock {
	now(): number;
	/** Resolves after `ms`; with a signal, rejects as soon as it is aborted (the wait is dropped). */
	sleep(ms: number, signal?: AbortSignal): Promise<void>;
	/** Gives the event loop back once (timers and I/O run), e.g. between chunks of a large answer. */
	turn(): Promise<void>;
}

/**
 * Monotonic (performance.now): a wall-clock jump (NTP, DST, a manual change) cannot open or stall
 * the window. Waits with n8n-workflow's sleep: node code may not use timers of its own.
 */
export const systemClock: Clock = {
	now: () => performance.now(),
	sleep: async (ms, signal) => (signal ? await sleepWithAbort(ms, signal) : await sleep(ms)),
	turn: async () => await sleep(0),
};

/** Calls in flight at once per login; the router and the trigger start as many items or companies. */
export const MAX_IN_FLIGHT = 10;

export interface LimiterOptions {
	/** Calls started in any window of `windowMs`; default 150 (Nmbrs fair use). */
	maxPerSecond?: number;
	/** Calls in flight at once; default 10. */
	maxConcurrent?: number;
	/** Default DEFAULT_WINDOW_MS: one second plus a safety margin. */
	windowMs?: number;
	clock?: Clock;
}

/** Nmbrs' one-second window plus 50 ms for jitter between our start and Nmbrs' arrival count. */
export const DEFAULT_WINDOW_MS = 1000 + 50;

export class FairUseLimiter {
	/** Calls started in any window; a credential may change it (setBudget). */
	maxPerSecond: number;
	readonly maxConcurrent: number;
	private readonly windowMs: number;
	private readonly clock: Clock;
	/** Start times of the last `maxPerSecond` calls, oldest first (a ring would do; this stays short). */
	private readonly starts: number[] = [];
	private readonly waiting: Array<() => void> = [];
	private inFlight = 0;
	private timerPending = false;

	constructor(options: LimiterOptions = {}) {
		this.maxPerSecond = options.maxPerSecond ?? 150;
		this.maxConcurrent = options.maxConcurrent ?? MAX_IN_FLIGHT;
		this.windowMs = options.windowMs ?? DEFAULT_WINDOW_MS;
		this.clock = options.clock ?? systemClock;
		if (this.maxPerSecond < 1 || this.maxConcurrent < 1)
			throw new Error('Limiter bounds must be at least 1.');
	}

	/** Runs `task` when the fair-use budget and the concurrency bound allow. */
	async run<T>(task: () => Promise<T>): Promise<T> {
		await new Promise<void>((resolve) => {
			this.waiting.push(resolve);
			this.pump();
		});
		try {
			return await task();
		} finally {
			this.inFlight--;
			this.pump();
		}
	}

	/** A new budget from now on (the credential's Calls per Second changed); 1 or more. */
	setBudget(maxPerSecond: number): void {
		if (!(maxPerSecond >= 1)) throw new Error('Limiter bounds must be at least 1.');
		this.maxPerSecond = maxPerSecond;
		this.pump();
	}

	/** Calls waiting for their turn (for tests and diagnostics). */
	get queued(): number {
		return this.waiting.length;
	}

	private pump(): void {
		while (this.waiting.length > 0 && this.inFlight < this.maxConcurrent) {
			const now = this.clock.now();
			// Starts that left the window no longer count.
			while (this.starts.length > 0 && (this.starts[0] as number) + this.windowMs <= now)
				this.starts.shift();
			if (this.starts.length >= this.maxPerSecond) {
				// The budget may have been lowered: the start that must leave the window first.
				const blocking = this.starts[this.starts.length - this.maxPerSecond] as number;
				this.wakeAt(blocking + this.windowMs - now);
				return;
			}
			this.starts.push(now);
			this.inFlight++;
			(this.waiting.shift() as () => void)();
		}
	}

	private wakeAt(delayMs: number): void {
		if (this.timerPending) return;
		this.timerPending = true;
		void this.clock.sleep(delayMs).then(() => {
			this.timerPending = false;
			this.pump();
		});
	}
}

const registry = new Map<string, FairUseLimiter>();

/**
 * The process-wide limiter of one Nmbrs user (key: connection.userKey(baseUrl, email)).
 * Options apply only when the limiter is first created; `callsPerSecond` (the credential's, when
 * set) is its budget from then on.
 */
export function limiterFor(
	key: string,
	options?: LimiterOptions,
	callsPerSecond?: number,
): FairUseLimiter {
	let limiter = registry.get(key);
	if (!limiter) {
		limiter = new FairUseLimiter({
			...options,
			maxPerSecond: callsPerSecond ?? options?.maxPerSecond,
		});
		registry.set(key, limiter);
	} else if (callsPerSecond !== undefined && limiter.maxPerSecond !== callsPerSecond) {
		limiter.setBudget(callsPerSecond);
	}
	return limiter;
}
