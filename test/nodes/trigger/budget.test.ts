/**
 * 500 companies: one poll makes the company list and one declaration list per company and year,
 * concurrently, never more than 150 calls in a second. Times are read from the request log,
 * whose clock is the same virtual clock as the login's limiter: it moves only when every call
 * has been answered and the limiter waits, so no wall-clock time is measured.
 */
import { resolveBaseUrl, userKey } from '../../../nodes/Nmbrs/transport/connection';
import type { Clock } from '../../../nodes/Nmbrs/transport/limiter';
import { limiterFor } from '../../../nodes/Nmbrs/transport/limiter';
import { admin } from '../harness';
import { EMAIL, Trigger, WORLD_NOW, startWorld, stopWorld, type Emulator } from './support';

/** Time moves to the limiter's next wake-up only when no call is in flight. */
class VirtualClock implements Clock {
	/** Gives the event loop back, as the system clock's does; no time passes. */
	readonly turns: number[] = [];
	async turn(): Promise<void> {
		this.turns.push(1);
		await new Promise((resolve) => setImmediate(resolve));
	}

	private time = 1_000_000;
	private timers: Array<{ at: number; wake: () => void }> = [];
	inFlight = 0;

	now(): number {
		return this.time;
	}

	sleep(ms: number): Promise<void> {
		return new Promise((wake) => this.timers.push({ at: this.time + ms, wake }));
	}

	async run<T>(work: Promise<T>): Promise<T> {
		let outcome: { value: T } | { error: unknown } | undefined;
		work.then(
			(value) => (outcome = { value }),
			(error: unknown) => (outcome = { error }),
		);
		while (outcome === undefined) {
			await new Promise((resolve) => setTimeout(resolve, 1));
			if (outcome !== undefined || this.inFlight > 0 || this.timers.length === 0) continue;
			this.timers.sort((a, b) => a.at - b.at);
			this.time = Math.max(this.time, this.timers[0].at);
			const due = this.timers.filter((t) => t.at <= this.time);
			this.timers = this.timers.filter((t) => t.at > this.time);
			for (const timer of due) timer.wake();
		}
		if ('error' in outcome) throw outcome.error;
		return outcome.value;
	}
}

interface LogEntry {
	time: number;
	service: string | null;
	operation: string | null;
	throttled: boolean;
}

describe('500 companies', () => {
	let emulator: Emulator | undefined;
	afterEach(async () => await stopWorld(emulator));

	it('one poll: the company list and one list call per company, within 150 calls a second', async () => {
		const clock = new VirtualClock();
		emulator = await startWorld({
			world: { companies: 500, employees: 500 },
			worldNow: WORLD_NOW,
			// The emulator's fair-use delay stays on: a call past the budget would be marked throttled.
			throttle: true,
			clockMs: () => clock.now(),
		});
		const base = resolveBaseUrl({ environment: 'custom', customBaseUrl: emulator.soapBaseUrl });
		limiterFor(userKey(base, EMAIL), { clock });
		const running = emulator;
		const trigger = new Trigger(() => running);
		const count = (context: { helpers: Record<string, unknown> }) => {
			const send = context.helpers.httpRequestWithAuthentication as (
				...a: unknown[]
			) => Promise<unknown>;
			context.helpers.httpRequestWithAuthentication = async function (
				this: unknown,
				...args: unknown[]
			) {
				clock.inFlight++;
				try {
					return await send.apply(this, args);
				} finally {
					clock.inFlight--;
				}
			};
		};
		const items = await clock.run(
			trigger.poll({
				onContext: (c) => count(c as unknown as { helpers: Record<string, unknown> }),
			}),
		);
		expect(items).toEqual([]);

		const log = (
			(await admin(running.adminUrl, '/requests', undefined, 'GET')) as { items: LogEntry[] }
		).items.filter((e) => e.service !== null);
		const calls = (name: string) => log.filter((e) => `${e.service}.${e.operation}` === name);
		expect(calls('CompanyService.List_GetAll')).toHaveLength(1);
		expect(calls('CompanyService.WageTax_GetList')).toHaveLength(500);
		expect(log).toHaveLength(501);
		expect(log.filter((e) => e.throttled)).toEqual([]);
		const times = log.map((e) => e.time).sort((a, b) => a - b);
		for (const [i, start] of times.entries()) {
			const inWindow = times.slice(i).filter((t) => t < start + 1000).length;
			expect(inWindow).toBeLessThanOrEqual(150);
		}
		// 501 calls at 150 a second: the limiter spread them over more than three seconds.
		expect(times[times.length - 1] - times[0]).toBeGreaterThan(3000);
	}, 120_000);
});
