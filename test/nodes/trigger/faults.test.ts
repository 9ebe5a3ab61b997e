/**
 * 200 polls of both events while 10 % of all calls fail (the emulator's fault injection, drawn
 * from the world's seed), with the world's clock moving a day per poll (periods open, runs lock,
 * declarations move open -> locked -> sent -> accepted) and extra locks made through the admin
 * API: every declaration and run locked after activation is emitted exactly once.
 */
import { admin } from '../harness';
import { DECLARATIONS, RUNS, Trigger, advance, keyOf, useWorld } from './support';

const world = useWorld({ world: { companies: 3, employees: 9 }, seed: 7 });

/** A small seeded generator for the test's own choices. */
function random(seed: number): () => number {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

interface Watch {
	trigger: Trigger;
	locked: () => Set<string>;
	/** Locked when the trigger was activated (its first poll that did not fail). */
	atActivation?: Set<string>;
	/** Locked at some poll after activation. */
	lockedLater: Set<string>;
	emitted: Map<string, number>;
	firstLocked: Map<string, number>;
	failedPolls: number;
}

describe('200 polls with 10 % of calls failing', () => {
	it('emit every declaration and run locked after activation exactly once', async () => {
		const emulator = world();
		const declarationsLocked = () =>
			new Set(
				emulator.world.declarations
					.filter((d) => d.status === 'locked')
					.map((d) => `${d.companyId}:${d.year}:${d.id}`),
			);
		const runsLocked = () =>
			new Set(
				emulator.world.runs
					.filter((r) => r.isLocked)
					.map((r) => `${r.companyId}:${r.year}:${r.id}`),
			);
		const watches: Watch[] = [
			{ trigger: new Trigger(world, { event: DECLARATIONS }), locked: declarationsLocked },
			{ trigger: new Trigger(world, { event: RUNS }), locked: runsLocked },
		].map((w) => ({
			...w,
			lockedLater: new Set(),
			emitted: new Map(),
			firstLocked: new Map(),
			failedPolls: 0,
		}));

		await admin(emulator.adminUrl, '/faults', {
			operation: '*',
			kind: 'fault',
			code: 9999,
			probability: 0.1,
		});
		const choose = random(11);
		for (let poll = 0; poll <= 200; poll++) {
			// After 200 polls with faults, one without: what failed last is caught up.
			if (poll === 200) await admin(emulator.adminUrl, '/faults', undefined, 'DELETE');
			if (poll > 0) await advance(emulator, { hours: 20 });
			// Extra locks now and then: a declaration of the current period, an extra run.
			if (choose() < 0.3) {
				const open = emulator.world.declarations.filter((d) => d.status === 'open');
				const pick = open[Math.floor(choose() * open.length)];
				if (pick)
					await admin(emulator.adminUrl, `/declarations/${pick.id}/status`, { status: 'locked' });
			}
			if (choose() < 0.2) {
				const company =
					emulator.world.companies[Math.floor(choose() * emulator.world.companies.length)];
				const run = (await admin(emulator.adminUrl, '/runs', { companyId: company.id })) as {
					ID: number;
				};
				if (choose() < 0.7) await admin(emulator.adminUrl, `/runs/${company.id}/${run.ID}/lock`);
			}
			const polled = await Promise.all(
				watches.map(async (watch) => {
					const locked = watch.locked();
					try {
						return { locked, items: await watch.trigger.poll() };
					} catch {
						return { locked, items: undefined };
					}
				}),
			);
			for (const [i, watch] of watches.entries()) {
				const { locked, items } = polled[i];
				if (items === undefined) {
					watch.failedPolls++;
					continue;
				}
				if (watch.atActivation === undefined) watch.atActivation = locked;
				else
					for (const key of locked) {
						if (!watch.atActivation.has(key) && !watch.lockedLater.has(key)) {
							watch.lockedLater.add(key);
							watch.firstLocked.set(key, poll);
						}
					}
				for (const item of items) {
					const key = keyOf(item);
					watch.emitted.set(key, (watch.emitted.get(key) ?? 0) + 1);
				}
			}
		}

		const injected = (
			(await admin(emulator.adminUrl, '/requests', undefined, 'GET')) as {
				items: Array<{ injected: string | null }>;
			}
		).items.filter((r) => r.injected === 'fault').length;
		expect(injected).toBeGreaterThan(100);
		for (const watch of watches) {
			expect(watch.lockedLater.size).toBeGreaterThan(20);
			expect(watch.failedPolls).toBeGreaterThan(0);
			// Each locked after activation: exactly once.
			for (const key of watch.lockedLater)
				expect([key, watch.firstLocked.get(key), watch.emitted.get(key)]).toEqual([
					key,
					watch.firstLocked.get(key),
					1,
				]);
			// Nothing else, and nothing twice (one locked at activation may come once: a company that
			// failed then is baselined later, and a duplicate is preferred to a loss).
			for (const [key, count] of watch.emitted) {
				expect([key, count]).toEqual([key, 1]);
				expect(watch.lockedLater.has(key) || watch.atActivation?.has(key)).toBe(true);
			}
		}
		// About 2,000 calls over HTTP: seconds on an idle machine; the limit allows a busy one.
	}, 300_000);
});
