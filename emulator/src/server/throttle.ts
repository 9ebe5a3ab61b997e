/**
 * Nmbrs' fair use, as documented: 150 calls per second per user; past that each call is
 * delayed by half a second (throttling by delay, not by an error).
 */
export const FAIR_USE_CALLS_PER_SECOND = 150;
export const FAIR_USE_DELAY_MS = 500;

export class FairUseThrottle {
	/** Per user: start times (ms) of the calls in the last second, oldest first. */
	private readonly starts = new Map<string, number[]>();

	constructor(private readonly now: () => number) {}

	/** Records a call start; true when it is past the budget and must be delayed. */
	register(user: string): boolean {
		const t = this.now();
		let list = this.starts.get(user);
		if (!list) {
			list = [];
			this.starts.set(user, list);
		}
		let drop = 0;
		while (drop < list.length && list[drop] <= t - 1000) drop++;
		if (drop) list.splice(0, drop);
		list.push(t);
		return list.length > FAIR_USE_CALLS_PER_SECOND;
	}

	clear(): void {
		this.starts.clear();
	}
}
