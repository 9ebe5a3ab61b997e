/** Payroll Run Locked on the emulator: each run once, when it is seen locked. */
import { NodeOperationError } from 'n8n-workflow';

import {
	RUNS,
	Trigger,
	advance,
	idsOf,
	keyOf,
	lockRun,
	newRun,
	startWorld,
	stopWorld,
	useWorld,
} from './support';

const world = useWorld();

describe('Payroll Run Locked', () => {
	it('records on the first poll, emits a run locked between polls once, with its company and debtor', async () => {
		const trigger = new Trigger(world, { event: RUNS });
		expect(await trigger.poll()).toEqual([]);

		const company = world().world.companies[0];
		const run = await newRun(world(), company.id, { lock: true });
		const items = await trigger.poll();
		expect(idsOf(items)).toEqual([run.ID]);
		const { json } = items[0];
		expect(json.IsLocked).toBe(true);
		expect(json.Year).toBe(run.Year);
		expect(json.PeriodStart).toBe(run.PeriodStart);
		expect(json.CompanyId).toBe(company.id);
		expect(json.CompanyName).toBe(company.name);
		expect(json.DebtorId).toBe(company.debtorId);
		expect(json.DebtorName).toBe(
			world().world.debtors.find((d) => d.id === company.debtorId)?.name,
		);
		expect(json.IsRepeat).toBe(false);
		expect(await trigger.poll()).toEqual([]);
	});

	it('an open run is not emitted until it is locked', async () => {
		const trigger = new Trigger(world, { event: RUNS });
		await trigger.poll();
		const company = world().world.companies[1];
		const run = await newRun(world(), company.id);
		expect(await trigger.poll()).toEqual([]);
		await lockRun(world(), company.id, run.ID);
		expect(idsOf(await trigger.poll())).toEqual([run.ID]);
		expect(await trigger.poll()).toEqual([]);
	});

	it('the runs Nmbrs locks when their period ends are each emitted once', async () => {
		const trigger = new Trigger(world, { event: RUNS });
		await trigger.poll();
		const open = world().world.runs.filter((r) => !r.isLocked && r.year === 2026);
		expect(open.length).toBeGreaterThan(0);
		await advance(world(), { to: '2026-12-01T08:00:00' });
		const locked = open.filter((r) => world().world.runs.find((x) => x.id === r.id)?.isLocked);
		expect(locked.length).toBeGreaterThan(0);
		const items = await trigger.poll();
		expect(items.map(keyOf).sort()).toEqual(
			locked.map((r) => `${r.companyId}:${r.year}:${r.id}`).sort(),
		);
		expect(await trigger.poll()).toEqual([]);
	});

	it("Include Payslips adds the run's payslips as one PDF", async () => {
		const trigger = new Trigger(world, {
			event: RUNS,
			runOptions: { includePayslips: true, binaryPropertyName: 'payslips' },
		});
		await trigger.poll();
		const company = world().world.companies[0];
		const run = await newRun(world(), company.id, { lock: true });
		const [item] = await trigger.poll();
		expect(item.json.ID).toBe(run.ID);
		const file = item.binary?.payslips;
		expect(file?.mimeType).toBe('application/pdf');
		expect(file?.fileName).toMatch(/^payslips_.*_2026_\d+_run-\d+\.pdf$/);
		expect(
			Buffer.from(file?.data ?? '', 'base64')
				.subarray(0, 4)
				.toString('latin1'),
		).toBe('%PDF');
	});

	it("Include Journal adds the run's journal (Journals Finish) beside its payslips", async () => {
		const trigger = new Trigger(world, {
			event: RUNS,
			runOptions: { includePayslips: true, includeJournal: true },
		});
		await trigger.poll();
		const company = world().world.companies[0];
		const run = await newRun(world(), company.id, { lock: true });
		const [item] = await trigger.poll();
		expect(item.json.ID).toBe(run.ID);
		expect(item.binary?.data?.mimeType).toBe('application/pdf');
		const journal = item.binary?.journal;
		expect(journal?.mimeType).toBe('application/xml');
		expect(journal?.fileName).toMatch(/^journal_.*_2026_\d+_run-\d+\.xml$/);
		const xml = Buffer.from(journal?.data ?? '', 'base64').toString('utf8');
		expect(xml).toMatch(/^<\?xml|^</);
		expect(xml).toContain(String(run.ID));
	});

	it('with Emit Existing Since, the first poll emits the locked runs whose run date is on or after it', async () => {
		const since = '2026-10-01';
		const expected = world()
			.world.runs.filter((r) => r.isLocked && r.year === 2026 && r.runAt.slice(0, 10) >= since)
			.map((r) => r.id)
			.sort((a, b) => a - b);
		expect(expected.length).toBeGreaterThan(0);
		const trigger = new Trigger(world, { event: RUNS, emitExistingSince: since });
		expect(idsOf(await trigger.poll()).sort((a, b) => a - b)).toEqual(expected);
		expect(await trigger.poll()).toEqual([]);
	});

	it('Fetch Test Event returns the most recent locked run', async () => {
		const trigger = new Trigger(world, { event: RUNS });
		const items = await trigger.poll({ mode: 'manual', inMemory: true });
		expect(items).toHaveLength(1);
		expect(items[0].json.IsLocked).toBe(true);
		const newest = Math.max(
			...world()
				.world.runs.filter((r) => r.isLocked)
				.map((r) => r.year * 100 + r.period),
		);
		expect(Number(items[0].json.Year) * 100 + Number(items[0].json.PeriodEnd)).toBe(newest);
		expect(trigger.staticData).toEqual({});
	});
});

describe('Payroll Run Locked, early in a year', () => {
	it('Fetch Test Event without a locked run says so', async () => {
		const emulator = await startWorld({ worldNow: '2027-01-10T09:00:00' });
		try {
			const trigger = new Trigger(() => emulator, { event: RUNS, previousYearUntil: 0 });
			const error = await trigger.failure({ mode: 'manual', inMemory: true });
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toBe('No locked payroll run in 2027');
			expect((error as NodeOperationError).description).toMatch(/none locked yet/);
		} finally {
			await stopWorld(emulator);
		}
	});
});
