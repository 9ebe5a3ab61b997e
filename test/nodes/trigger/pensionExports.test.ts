/**
 * Pension Export Reached Status: an export is made when its run locks and sent ten days after its
 * period (the emulator's timeline); each watched status is emitted once per export.
 */
import { advance, newRun, Trigger, useWorld } from './support';

const world = useWorld();
const EVENT = 'pensionExportReachedStatus';
/** The emulator's export ID of a run (one export per locked run). */
const exportOf = (runId: number) => runId + 300_000;

describe('Pension Export Reached Status', () => {
	it('a run locked makes its export: emitted once as created, with its XML when asked', async () => {
		const trigger = new Trigger(world, {
			event: EVENT,
			exportOptions: { includeXml: true },
		});
		expect(await trigger.poll()).toEqual([]);
		const company = world().world.companies[0];
		const run = await newRun(world(), company.id, { lock: true });
		const items = await trigger.poll();
		expect(items.map((i) => [i.json.PensionExportID, i.json.Status, i.json.CompanyId])).toEqual([
			[exportOf(run.ID), 'created', company.id],
		]);
		const file = items[0].binary?.data;
		expect(file?.fileName).toMatch(/^pension-export_.*_2026_11_\d+\.xml$/);
		expect(Buffer.from(file?.data ?? '', 'base64').toString('utf8')).toContain('<');
		expect(await trigger.poll()).toEqual([]);
	});

	it('watching created and sent: each once; an export first seen sent counts as created too', async () => {
		const trigger = new Trigger(world, { event: EVENT, exportStatuses: 'created, sent' });
		await trigger.poll();
		const company = world().world.companies[0];
		const run = await newRun(world(), company.id, { lock: true });
		expect((await trigger.poll()).map((i) => i.json.Status)).toEqual(['created']);
		// November's exports are sent on 10 December.
		await advance(world(), { to: '2026-12-11T09:00:00' });
		const sent = (await trigger.poll()).filter((i) => i.json.PensionExportID === exportOf(run.ID));
		expect(sent.map((i) => i.json.Status)).toEqual(['sent']);
		expect(
			(await trigger.poll()).filter((i) => i.json.PensionExportID === exportOf(run.ID)),
		).toEqual([]);

		// Only "created" watched, and the export created and sent between two polls: emitted once.
		const late = new Trigger(world, { event: EVENT });
		await late.poll();
		const other = await newRun(world(), company.id, { lock: true, year: 2026, period: 11 });
		await advance(world(), { to: '2026-12-12T09:00:00' });
		const items = (await late.poll()).filter((i) => i.json.PensionExportID === exportOf(other.ID));
		expect(items.map((i) => i.json.Status)).toEqual(['sent']);
		expect(await late.poll()).toEqual([]);
	});
});
