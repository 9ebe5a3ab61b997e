/**
 * The Nmbrs Webhook Trigger against the emulator, which posts real webhooks (allowHttpWebhooks):
 * registration per debtor, a locked run reaching the workflow, repeated and concurrent deliveries
 * emitting once, bodies that cannot be deliveries, 2044, deactivation and the test-event flow.
 */
import type { WebhookDelivery } from '../../../emulator/src/server/webhooks';
import { callsOf } from '../runNode';
import { admin } from '../harness';
import { WEBHOOK_CALLS } from '../../../nodes/Nmbrs/trigger/webhook/settings';
import { MAX_DELIVERY_BYTES } from '../../../nodes/Nmbrs/trigger/webhook/delivery';
import { newRun, RUNS, useWorld, type Emulator } from '../trigger/support';
import { until, WebhookWorkflow } from './support';

const world = useWorld({ allowHttpWebhooks: true, webhookRetryDelaysMs: [50, 100] });

let workflow: WebhookWorkflow;
beforeEach(async () => {
	workflow = new WebhookWorkflow(world, { event: RUNS });
	await workflow.listen();
});
afterEach(async () => await workflow.close());

interface Setting {
	WebhookSettingId: number;
	Name: string;
	Endpoint: string;
	Active: boolean;
	Events: Array<{ EventId: number; EventName: string; Active: boolean }>;
}

/** Every debtor's webhook settings, read from the world. */
function settings(emulator: Emulator): Array<{ debtorId: number; setting: Setting }> {
	return Object.entries(emulator.world.webhookSettings ?? {}).flatMap(([debtorId, list]) =>
		list.map((s) => ({
			debtorId: Number(debtorId),
			setting: {
				WebhookSettingId: s.id,
				Name: s.name,
				Endpoint: s.endpoint,
				Active: s.active,
				Events: s.events.map((e) => ({ EventId: e.eventId, EventName: '', Active: e.active })),
			},
		})),
	);
}

const deliveries = async (emulator: Emulator) =>
	((await admin(emulator.adminUrl, '/webhooks', undefined, 'GET')) as { items: WebhookDelivery[] })
		.items;

const firstCompanyOf = (emulator: Emulator, debtorId: number) =>
	emulator.world.companies.find((c) => c.debtorId === debtorId)!;

describe('Nmbrs Webhook Trigger', () => {
	it('registers one setting per debtor, named for the workflow, and never doubles it', async () => {
		await workflow.activate();
		const registered = settings(world());
		expect(registered.map((r) => r.debtorId).sort()).toEqual(
			world()
				.world.debtors.map((d) => d.id)
				.sort(),
		);
		for (const { setting } of registered) {
			expect(setting).toMatchObject({
				Name: `n8n workflow ${workflow.workflowId}: Nmbrs Webhook Trigger`,
				Endpoint: workflow.url(),
				Active: true,
			});
			// Payroll Run Locked wakes on Run Finish and Journals Finish.
			expect(setting.Events.filter((e) => e.Active).map((e) => e.EventId)).toEqual([1, 2]);
		}
		expect(await workflow.checkExists()).toBe(true);
		await workflow.create();
		await workflow.activate();
		expect(settings(world())).toHaveLength(registered.length);
		// The event changed: the settings are replaced, not added to.
		workflow.params.event = 'wageTaxDeclarationReachedStatus';
		expect(await workflow.checkExists()).toBe(false);
		await workflow.activate();
		const now = settings(world());
		expect(now).toHaveLength(registered.length);
		expect(now[0].setting.Events.filter((e) => e.Active).map((e) => e.EventId)).toEqual([1, 3, 4]);
	});

	it('Pension Export Created and Sent wake a pension export trigger; its export comes with its XML', async () => {
		workflow.params = {
			event: 'pensionExportReachedStatus',
			exportStatuses: 'created',
			exportOptions: { includeXml: true },
		};
		await workflow.activate();
		const [{ setting }] = settings(world());
		expect(setting.Events.filter((e) => e.Active).map((e) => e.EventId)).toEqual([5, 6]);
		const [debtor] = world().world.debtors;
		const company = firstCompanyOf(world(), debtor.id);
		const run = await newRun(world(), company.id, { lock: true });
		const items = await until(
			() => workflow.items(),
			(i) => i.length > 0,
		);
		expect(items.map((i) => [i.json.PensionExportID, i.json.Status])).toEqual([
			[run.ID + 300_000, 'created'],
		]);
		expect(items[0].binary?.data?.fileName).toMatch(/^pension-export_/);
	});

	it('chosen debtors only', async () => {
		const [, second] = world().world.debtors;
		workflow.params = { event: RUNS, scope: 'debtors', debtorIds: [String(second.id)] };
		await workflow.activate();
		expect(settings(world()).map((r) => r.debtorId)).toEqual([second.id]);
	});

	it('a run locked in Nmbrs reaches the workflow once; a repeated delivery emits nothing', async () => {
		await workflow.activate();
		expect(workflow.items()).toEqual([]);
		const [debtor] = world().world.debtors;
		const company = firstCompanyOf(world(), debtor.id);
		const run = await newRun(world(), company.id, { lock: true });
		const items = await until(
			() => workflow.items(),
			(i) => i.length > 0,
		);
		expect(items.map((i) => [i.json.CompanyId, i.json.ID, i.json.IsLocked])).toEqual([
			[company.id, run.ID, true],
		]);
		expect(items[0].json).toMatchObject({ DebtorId: debtor.id, IsRepeat: false });
		const [sent] = await until(
			() => deliveries(world()),
			(d) => d.length > 0 && d[0].state !== 'pending',
		);
		expect(sent.state).toBe('delivered');
		// Nmbrs retrying the same delivery: answered, nothing emitted again.
		const answer = await workflow.post(sent.payload);
		expect(answer.status).toBe(200);
		expect(workflow.items()).toHaveLength(1);
	});

	it('a run locked before n8n saved the activation state still arrives, once', async () => {
		const save = await workflow.activate('trigger', { saveLater: true });
		const [debtor] = world().world.debtors;
		const company = firstCompanyOf(world(), debtor.id);
		const run = await newRun(world(), company.id, { lock: true });
		const items = await until(
			() => workflow.items(),
			(i) => i.length > 0,
		);
		expect(items.map((i) => i.json.ID)).toEqual([run.ID]);
		save();
		await workflow.post({ companyId: company.id });
		expect(workflow.items()).toHaveLength(1);
	});

	it('deliveries at once emit a locked run once, each answered', async () => {
		await workflow.activate();
		const [debtor] = world().world.debtors;
		const company = firstCompanyOf(world(), debtor.id);
		// The run is locked where no webhook is told (a new run locked by the clock is the same).
		const run = await newRun(world(), company.id);
		world().world.runs.find((r) => r.id === run.ID)!.isLocked = true;
		const answers = await Promise.all(
			Array.from({ length: 6 }, () =>
				workflow.post({ event: 'Run Finish', debtorId: debtor.id, companyId: company.id }),
			),
		);
		expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
		expect(workflow.items().map((i) => i.json.ID)).toEqual([run.ID]);
		// Later deliveries, started from the stored state, emit nothing either.
		await workflow.post({ companyId: company.id });
		await workflow.post({});
		expect(workflow.items()).toHaveLength(1);
	});

	it('a delivery naming nothing useful looks at every company; one naming a company, at it alone', async () => {
		await workflow.activate();
		const [debtor] = world().world.debtors;
		const company = firstCompanyOf(world(), debtor.id);
		const run = await newRun(world(), company.id);
		world().world.runs.find((r) => r.id === run.ID)!.isLocked = true;

		workflow.sent.length = 0;
		expect((await workflow.post({ hello: ['world'] })).status).toBe(200);
		const runLists = () =>
			callsOf(workflow.sent).filter((c) => c === 'CompanyService.Run_GetList').length;
		expect(runLists()).toBeGreaterThanOrEqual(world().world.companies.length);
		expect(workflow.items().map((i) => i.json.ID)).toEqual([run.ID]);

		workflow.sent.length = 0;
		await workflow.post({ data: { CompanyId: String(company.id) } });
		// One company, in the watched years (the current one and, until March, the last).
		expect(runLists()).toBeLessThanOrEqual(2);
	});

	it('refuses what cannot be a delivery, without calling Nmbrs', async () => {
		await workflow.activate();
		workflow.sent.length = 0;
		expect(await workflow.post([{ companyId: 1 }])).toEqual({
			status: 400,
			body: { error: 'A delivery is a JSON object' },
		});
		expect((await workflow.post('companyId=1', { contentType: 'text/plain' })).status).toBe(415);
		const big = { padding: 'x'.repeat(MAX_DELIVERY_BYTES) };
		expect((await workflow.post(big)).status).toBe(413);
		expect(workflow.sent).toEqual([]);
		expect(workflow.items()).toEqual([]);
	});

	it('an endpoint Nmbrs refuses (2044) fails activation, naming the https fix', async () => {
		const { startWorld } = await import('../trigger/support');
		const strict = await startWorld({ allowHttpWebhooks: false });
		const other = new WebhookWorkflow(() => strict, { event: RUNS });
		await other.listen();
		try {
			await expect(other.activate()).rejects.toThrow(/2044|https/);
		} finally {
			await other.close();
			await strict.close();
		}
	});

	it('deactivation leaves no setting behind, even for a debtor no longer chosen', async () => {
		await workflow.activate();
		expect(settings(world()).length).toBeGreaterThan(0);
		const [first] = world().world.debtors;
		workflow.params = { event: RUNS, scope: 'debtors', debtorIds: [String(first.id)] };
		await workflow.deactivate();
		expect(settings(world())).toEqual([]);
		// Nothing is posted any more.
		await newRun(world(), firstCompanyOf(world(), first.id).id, { lock: true });
		await new Promise((r) => setTimeout(r, 150));
		expect(await deliveries(world())).toEqual([]);
	});

	it('"Listen for test event": the test URL is registered, gets the run, and is removed', async () => {
		await workflow.activate();
		await workflow.activate('manual');
		const test = settings(world()).filter((r) => r.setting.Endpoint === workflow.url('manual'));
		expect(test).toHaveLength(world().world.debtors.length);
		expect(test[0].setting.Name).toBe(
			`n8n workflow ${workflow.workflowId} (test): Nmbrs Webhook Trigger`,
		);
		const [debtor] = world().world.debtors;
		const company = firstCompanyOf(world(), debtor.id);
		const run = await newRun(world(), company.id, { lock: true });
		const items = await until(
			() => workflow.items(),
			(i) => i.length >= 2,
		);
		// The live URL and the test URL each got it; the test left the live state alone.
		expect(items.map((i) => i.json.ID)).toEqual([run.ID, run.ID]);
		await workflow.deactivate('manual');
		expect(settings(world()).map((r) => r.setting.Endpoint)).not.toContain(workflow.url('manual'));
		expect(settings(world()).length).toBe(world().world.debtors.length);
	});

	it('makes the calls it declares', async () => {
		await workflow.activate();
		await workflow.deactivate();
		const made = new Set(callsOf(workflow.sent));
		for (const call of WEBHOOK_CALLS) expect(made).toContain(call);
	});
});
