/** The years watched: the current one and, until the month set, the previous one too. */
import { DateTime } from 'luxon';

import { watchedYears } from '../../../nodes/Nmbrs/trigger/engine';
import type { SentRequest } from '../harness';
import { callsOf } from '../runNode';
import { DECLARATIONS, RUNS, Trigger, advance, keyOf, setStatus, useWorld } from './support';

const world = useWorld();

function lockedDeclarations(years: number[]): Set<string> {
	return new Set(
		world()
			// Locked, or sent (then it was locked first): what the default rule emits once.
			.world.declarations.filter(
				(d) => (d.status === 'locked' || d.sentAt !== null) && years.includes(d.year),
			)
			.map((d) => `${d.companyId}:${d.year}:${d.id}`),
	);
}

function lockedRuns(years: number[]): Set<string> {
	return new Set(
		world()
			.world.runs.filter((r) => r.isLocked && years.includes(r.year))
			.map((r) => `${r.companyId}:${r.year}:${r.id}`),
	);
}

const minus = (a: Set<string>, b: Set<string>) => [...a].filter((k) => !b.has(k)).sort();

describe('years watched', () => {
	it('across the year boundary and the end of the previous-year window: every lock once', async () => {
		const declarationsTrigger = new Trigger(world, { event: DECLARATIONS });
		const runsTrigger = new Trigger(world, { event: RUNS });
		await declarationsTrigger.poll();
		await runsTrigger.poll();
		let years = [2026];
		let declarationsBefore = lockedDeclarations(years);
		let runsBefore = lockedRuns(years);

		const steps: Array<{ to: string; years: number[] }> = [
			{ to: '2026-12-02T08:00:00', years: [2026] },
			{ to: '2027-01-02T08:00:00', years: [2026, 2027] },
			{ to: '2027-02-02T08:00:00', years: [2026, 2027] },
			{ to: '2027-03-31T08:00:00', years: [2026, 2027] },
			{ to: '2027-04-02T08:00:00', years: [2027] },
		];
		for (const step of steps) {
			await advance(world(), { to: step.to });
			years = step.years;
			const declarationsNow = lockedDeclarations(years);
			const runsNow = lockedRuns(years);
			const expectedDeclarations = minus(declarationsNow, declarationsBefore);
			const expectedRuns = minus(runsNow, runsBefore);
			expect((await declarationsTrigger.poll()).map(keyOf).sort()).toEqual(expectedDeclarations);
			expect((await runsTrigger.poll()).map(keyOf).sort()).toEqual(expectedRuns);
			if (step.to.startsWith('2027-01'))
				// December's declarations and runs, locked on New Year's Day, come from the previous year.
				expect(expectedDeclarations.some((k) => k.includes(':2026:'))).toBe(true);
			declarationsBefore = declarationsNow;
			runsBefore = runsNow;
		}

		// After the window the state keeps the current year only.
		for (const trigger of [declarationsTrigger, runsTrigger]) {
			const companies = trigger.staticData.companies as Record<string, { seen?: object }>;
			for (const memory of Object.values(companies))
				expect(Object.keys(memory.seen ?? {})).toEqual(['2027']);
		}
	});

	it('a correction of last year locked in March is emitted; one locked in April is not watched', async () => {
		const trigger = new Trigger(world);
		await advance(world(), { to: '2027-03-10T08:00:00' });
		// Two corrections of last year, open at activation.
		const lastYear = world()
			.world.declarations.filter((d) => d.year === 2026)
			.slice(0, 2);
		for (const d of lastYear) await setStatus(world(), d.id, 'open');
		await trigger.poll();
		await setStatus(world(), lastYear[0].id, 'locked');
		expect((await trigger.poll()).map((i) => i.json.LoonaangifteID)).toEqual([lastYear[0].id]);
		await advance(world(), { to: '2027-04-01T08:00:00' });
		await setStatus(world(), lastYear[1].id, 'locked');
		// March's declarations lock on 1 April; last year's is no longer asked for.
		const april = await trigger.poll();
		expect(april.length).toBeGreaterThan(0);
		expect(april.every((i) => i.json.Year === 2027)).toBe(true);
	});

	it('Watch Previous Year Until decides which years are asked for', async () => {
		await advance(world(), { to: '2027-02-10T08:00:00' });
		for (const [until, years] of [
			[1, ['2027']],
			[2, ['2026', '2027']],
			[0, ['2027']],
		] as const) {
			const sent: SentRequest[] = [];
			await new Trigger(world, { previousYearUntil: until }).poll({ sent });
			const asked = sent
				.filter((_, i) => callsOf(sent)[i] === 'CompanyService.WageTax_GetList')
				.map((r) => /<intYear>(\d+)</.exec(r.body)?.[1]);
			expect([...new Set(asked)].sort()).toEqual(years);
		}
	});
});

describe('watchedYears', () => {
	it('watches the previous year too until the end of the month set (Dutch time)', () => {
		const at = (iso: string, zone = 'Europe/Amsterdam') => DateTime.fromISO(iso, { zone });
		expect(watchedYears(at('2026-03-31T23:30:00'), 3)).toEqual([2025, 2026]);
		expect(watchedYears(at('2026-04-01T00:30:00'), 3)).toEqual([2026]);
		// 31 December 23:30 UTC is already the new year in Amsterdam
		expect(watchedYears(at('2025-12-31T23:30:00', 'UTC'), 3)).toEqual([2025, 2026]);
		expect(watchedYears(at('2026-01-15T12:00:00'), 0)).toEqual([2026]);
		expect(watchedYears(at('2026-12-15T12:00:00'), 12)).toEqual([2025, 2026]);
	});
});
