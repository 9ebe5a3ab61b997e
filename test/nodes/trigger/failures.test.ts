/**
 * Failures: a company that fails keeps its place and costs the others nothing; a poll returns
 * items or fails, never both; a company failing three polls in a row is reported once.
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { Intercept } from '../harness';
import { admin } from '../harness';
import {
	EMAIL,
	RUNS,
	Trigger,
	companyListOf,
	declarations,
	failFor,
	idsOf,
	newRun,
	openDeclarations,
	setStatus,
	lockedSince,
	useWorld,
	wasLocked,
} from './support';

const world = useWorld();

const activatedOn = (trigger: Trigger) => String(trigger.staticData.activatedOn);

describe('a company that fails', () => {
	it('does not cost the others their items, and is caught up on the next poll', async () => {
		const trigger = new Trigger(world);
		await trigger.poll();
		const [a, b] = await openDeclarations(world(), 2);
		await setStatus(world(), a.id);
		await setStatus(world(), b.id);
		expect(idsOf(await trigger.poll({ intercept: failFor(a.companyId) }))).toEqual([b.id]);
		expect(idsOf(await trigger.poll())).toEqual([a.id]);
		expect(await trigger.poll()).toEqual([]);
	});

	it('at activation: the activation does not fail; on recovery only what its dates say may be new is emitted', async () => {
		const [a] = await openDeclarations(world(), 1);
		const history = (await declarations(world())).filter(
			(d) => d.companyId === a.companyId && wasLocked(d),
		);
		const trigger = new Trigger(world);
		expect(await trigger.poll({ intercept: failFor(a.companyId) })).toEqual([]);
		const pending = await lockedSince(world(), a.companyId, activatedOn(trigger), 2026);
		// Locked and not sent yet: it may have been locked since activation (a duplicate, not a loss).
		expect(pending.length).toBeLessThan(history.length); // the sent history does not flood
		expect(idsOf(await trigger.poll()).sort()).toEqual(pending.sort());
		expect(await trigger.poll()).toEqual([]);
		await setStatus(world(), a.id);
		expect(idsOf(await trigger.poll())).toEqual([a.id]);
	});

	it('at activation, one locked before it recovers is emitted: a duplicate is preferred to a loss', async () => {
		const [a] = await openDeclarations(world(), 1);
		const trigger = new Trigger(world);
		await trigger.poll({ intercept: failFor(a.companyId) });
		const pending = await lockedSince(world(), a.companyId, activatedOn(trigger), 2026);
		await setStatus(world(), a.id);
		expect(idsOf(await trigger.poll()).sort()).toEqual([...pending, a.id].sort());
		expect(await trigger.poll()).toEqual([]);
	});

	it('activation does not fail even when every company fails', async () => {
		const trigger = new Trigger(world);
		const all: Intercept = (options) =>
			failFor(Number(/<CompanyId>(\d+)</.exec(String(options.body))?.[1]))(options);
		expect(await trigger.poll({ intercept: all })).toEqual([]);
		const [a] = await openDeclarations(world(), 1);
		await setStatus(world(), a.id);
		expect(idsOf(await trigger.poll())).toContain(a.id);
		expect(await trigger.poll()).toEqual([]);
	});

	it('1003 and other faults are handled alike', async () => {
		const trigger = new Trigger(world, { event: RUNS });
		await trigger.poll();
		const [first, second] = world().world.companies;
		const run = await newRun(world(), first.id, { lock: true });
		const other = await newRun(world(), second.id, { lock: true });
		expect(
			idsOf(await trigger.poll({ intercept: failFor(first.id, 'Run_GetList', 1003) })),
		).toEqual([other.ID]);
		expect(idsOf(await trigger.poll())).toEqual([run.ID]);
	});

	it('when every company fails after activation, the poll fails with the first error and its fix', async () => {
		const trigger = new Trigger(world);
		await trigger.poll();
		const template = `/users/${encodeURIComponent(EMAIL)}/template`;
		await admin(world().adminUrl, template, { disabled: ['CompanyService.WageTax_GetList'] });
		const error = await trigger.failure();
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toContain('1002');
		expect((error as NodeApiError).description).toMatch(
			/enable CompanyService\.WageTax_GetList in the API user template/,
		);
		await admin(world().adminUrl, template, { disabled: [] });
		const [target] = await openDeclarations(world(), 1);
		await setStatus(world(), target.id);
		expect(idsOf(await trigger.poll())).toEqual([target.id]);
	});
});

describe('three failed polls in a row', () => {
	it('fail the next poll without items, naming the company, the call and the fix, once; again after a recovery', async () => {
		const trigger = new Trigger(world);
		await trigger.poll();
		const [a, b, c] = await openDeclarations(world(), 3);
		const failA = failFor(a.companyId);
		const company = world().world.companies.find((x) => x.id === a.companyId);

		// Failure 1: B's lock is emitted as usual.
		await setStatus(world(), a.id);
		await setStatus(world(), b.id);
		expect(idsOf(await trigger.poll({ intercept: failA }))).toEqual([b.id]);
		// Failure 2: nothing to emit, not yet reported.
		expect(await trigger.poll({ intercept: failA })).toEqual([]);
		// Failure 3 with items: the items are emitted, never held back for the report.
		await setStatus(world(), c.id);
		expect(idsOf(await trigger.poll({ intercept: failA }))).toEqual([c.id]);
		// Failure 4 without items: reported.
		const error = await trigger.failure({ intercept: failA });
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain(`"${company?.name}" (ID ${a.companyId})`);
		expect(error.message).toContain('CompanyService.WageTax_GetList');
		expect(error.message).toMatch(/polls in a row/);
		expect((error as NodeOperationError).description).toMatch(
			/enable CompanyService\.WageTax_GetList in the API user template/,
		);
		// Reported once.
		expect(await trigger.poll({ intercept: failA })).toEqual([]);
		expect(await trigger.poll({ intercept: failA })).toEqual([]);

		// It recovers: its lock is emitted then, nothing was lost.
		expect(idsOf(await trigger.poll())).toEqual([a.id]);

		// It fails anew: reported again after three polls.
		expect(await trigger.poll({ intercept: failA })).toEqual([]);
		expect(await trigger.poll({ intercept: failA })).toEqual([]);
		expect((await trigger.failure({ intercept: failA })).message).toContain(`(ID ${a.companyId})`);
	});
});

describe('the company list', () => {
	it('one empty answer keeps what is remembered: the next lock is not lost, nothing old comes back', async () => {
		const trigger = new Trigger(world);
		await trigger.poll();
		const remembered = Object.keys(trigger.staticData.companies as object).sort();
		expect(remembered.length).toBe(world().world.companies.length);
		expect(await trigger.poll({ intercept: companyListOf(world(), () => false) })).toEqual([]);
		expect(Object.keys(trigger.staticData.companies as object).sort()).toEqual(remembered);
		const [target] = await openDeclarations(world(), 1);
		await setStatus(world(), target.id);
		expect(idsOf(await trigger.poll())).toEqual([target.id]);
		expect(await trigger.poll()).toEqual([]);
	});

	it('a company that appears later does not emit its sent history; what is locked and not sent yet is emitted, then its next lock', async () => {
		const [a] = await openDeclarations(world(), 1);
		const trigger = new Trigger(world);
		await trigger.poll({ intercept: companyListOf(world(), (id) => id !== a.companyId) });
		const pending = await lockedSince(world(), a.companyId, activatedOn(trigger), 2026);
		expect(idsOf(await trigger.poll()).sort()).toEqual(pending.sort());
		expect(await trigger.poll()).toEqual([]);
		await setStatus(world(), a.id);
		expect(idsOf(await trigger.poll())).toEqual([a.id]);
	});

	it('a new client whose catch-up declaration of an earlier period is locked before the trigger first sees it: emitted', async () => {
		// A client onboarded after activation: not in the company list at activation; its declaration
		// of a period that ended before activation is locked before the first poll that sees it.
		const trigger = new Trigger(world);
		const [first] = world().world.companies;
		const earlier = (await declarations(world())).find(
			(d) => d.companyId === first.id && d.year === 2026 && d.tijdvakEnd < '2026-10-01',
		)!;
		await setStatus(world(), earlier.id, 'open');
		await trigger.poll({ intercept: companyListOf(world(), (id) => id !== first.id) });
		expect(earlier.tijdvakEnd < activatedOn(trigger)).toBe(true);
		await setStatus(world(), earlier.id, 'locked');
		expect(idsOf(await trigger.poll())).toContain(earlier.id);
		expect(await trigger.poll()).toEqual([]);
	});
});
