/** A clock whose time only moves when the test lets it: assertions on timestamps, not wall time. */
import type { Clock } from '../../nodes/Nmbrs/transport/limiter';

export class FakeClock implements Clock {
	/** Gives the event loop back, as the system clock's does; no time passes. */
	readonly turns: number[] = [];
	async turn(): Promise<void> {
		this.turns.push(1);
		await new Promise((resolve) => setImmediate(resolve));
	}

	private time = 0;
	private timers: Array<{ at: number; wake: () => void }> = [];
	readonly sleeps: number[] = [];

	now(): number {
		return this.time;
	}

	/** Waits with a signal (the transport's per-call deadlines), apart from `sleeps`. */
	readonly deadlines: number[] = [];

	sleep(ms: number, signal?: AbortSignal): Promise<void> {
		if (signal === undefined) {
			this.sleeps.push(ms);
			return new Promise((wake) => this.timers.push({ at: this.time + ms, wake }));
		}
		this.deadlines.push(ms);
		return new Promise((wake, reject) => {
			if (signal.aborted) return reject(new Error('aborted'));
			const timer = { at: this.time + ms, wake };
			this.timers.push(timer);
			signal.addEventListener(
				'abort',
				() => {
					this.timers = this.timers.filter((t) => t !== timer);
					reject(new Error('aborted'));
				},
				{ once: true },
			);
		});
	}

	/** Runs until `work` settles, jumping time to the next timer whenever everything else waits. */
	async run<T>(work: Promise<T>): Promise<T> {
		let outcome: { value: T } | { error: unknown } | undefined;
		work.then(
			(value) => (outcome = { value }),
			(error: unknown) => (outcome = { error }),
		);
		for (let guard = 0; guard < 1_000_000; guard++) {
			await new Promise((resolve) => setImmediate(resolve));
			if (outcome) {
				if ('error' in outcome) throw outcome.error;
				return outcome.value;
			}
			if (this.timers.length === 0)
				throw new Error('FakeClock: nothing left to wake but the work is not done');
			this.timers.sort((a, b) => a.at - b.at);
			const next = (this.timers[0] as { at: number }).at;
			this.time = Math.max(this.time, next);
			const due = this.timers.filter((timer) => timer.at <= this.time);
			this.timers = this.timers.filter((timer) => timer.at > this.time);
			for (const timer of due) timer.wake();
		}
		throw new Error('FakeClock: too many steps');
	}
}
