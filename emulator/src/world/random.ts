/**
 * A small seeded PRNG (mulberry32) and helpers. The world never calls Math.random: the same
 * seed must give the same world, byte for byte, on every machine.
 */

export type Random = {
	/** Uniform in [0, 1). */
	next(): number;
	/** Integer in [min, max] (both inclusive). */
	int(min: number, max: number): number;
	/** True with probability p. */
	chance(p: number): boolean;
	pick<T>(items: readonly T[]): T;
	/** Pick by weight: [[item, weight], ...]. */
	weighted<T>(items: ReadonlyArray<readonly [T, number]>): T;
	/** Lower-case hex digits. */
	hex(length: number): string;
	/** A GUID-shaped string (xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx). */
	guid(): string;
};

export function mulberry32(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** FNV-1a over a string: derives independent sub-seeds ("seed|payslip|run 12|employee 7"). */
export function hashSeed(...parts: Array<string | number>): number {
	let hash = 0x811c9dc5;
	const text = parts.join('|');
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash >>> 0;
}

export function createRandom(seed: number): Random {
	const next = mulberry32(seed);
	const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
	const hex = (length: number) => {
		let out = '';
		for (let i = 0; i < length; i++) out += int(0, 15).toString(16);
		return out;
	};
	return {
		next,
		int,
		chance: (p) => next() < p,
		pick: (items) => items[Math.floor(next() * items.length)],
		weighted: (items) => {
			const total = items.reduce((sum, [, weight]) => sum + weight, 0);
			let roll = next() * total;
			for (const [item, weight] of items) {
				roll -= weight;
				if (roll < 0) return item;
			}
			return items[items.length - 1][0];
		},
		hex,
		guid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[int(0, 3)]}${hex(3)}-${hex(12)}`,
	};
}
