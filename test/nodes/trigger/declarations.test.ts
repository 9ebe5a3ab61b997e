/**
 * Wage Tax Declaration Reached Status on the emulator: locked once per declaration (seen locked or
 * with a sent date), other statuses each time they are reached.
 */
import { NodeOperationError } from 'n8n-workflow';

import type { FullResponse, Intercept, SentRequest } from '../harness';
import { admin, plainHttp } from '../harness';
import {
	Trigger,
	declarations,
	idsOf,
	isCall,
	openDeclarations,
	setStatus,
	useWorld,
	wasLocked,
} from './support';

const world = useWorld();

describe('Wage Tax Declaration Reached Status', () => {
	it('records on the first poll, emits a declaration locked between polls once, then nothing', async () => {
		const trigger = new Trigger(world);
		expect(await trigger.poll()).toEqual([]);

		const [target] = await openDeclarations(world(), 1);
		await setStatus(world(), target.id);
		const items = await trigger.poll();
		expect(items).toHaveLength(1);
		const { json } = items[0];
		expect(json.LoonaangifteID).toBe(target.id);
		expect(json.Status).toBe('locked');
		expect(json.Year).toBe(target.year);
		expect(json.Period).toBe(target.period);
		expect(json.IsRepeat).toBe(false);
		const company = world().world.companies.find((c) => c.id === target.companyId);
		const debtor = world().world.debtors.find((d) => d.id === company?.debtorId);
		expect(json.CompanyId).toBe(target.companyId);
		expect(json.CompanyName).toBe(company?.name);
		expect(json.DebtorId).toBe(debtor?.id);
		expect(json.DebtorName).toBe(debtor?.name);
		expect(items[0].binary).toBeUndefined();

		expect(await trigger.poll()).toEqual([]);
		expect(await trigger.poll()).toEqual([]);
	});

	it('emits every declaration locked between two polls, oldest first, each once', async () => {
		const trigger = new Trigger(world);
		await trigger.poll();
		const picked = await openDeclarations(world(), 3);
		for (const d of picked) await setStatus(world(), d.id);
		const items = await trigger.poll();
		expect(idsOf(items).sort()).toEqual(picked.map((d) => d.id).sort());
		const order = items.map((i) => Number(i.json.Year) * 100 + Number(i.json.Period));
		expect(order).toEqual([...order].sort((a, b) => a - b));
		expect(await trigger.poll()).toEqual([]);
	});

	it('compares statuses case-insensitively', async () => {
		const trigger = new Trigger(world, { statuses: 'LOCKED, Sent' });
		await trigger.poll();
		const [target] = await openDeclarations(world(), 1);
		await setStatus(world(), target.id, 'sent');
		expect(idsOf(await trigger.poll())).toEqual([target.id]);
	});

	it('locked again later: by default not emitted again; with Emit: Once per Status, emitted again as a repeat', async () => {
		for (const [emit, again] of [
			['lockedOnce', []],
			['perStatus', [true]],
		] as const) {
			await admin(world().adminUrl, '/reset', {});
			const trigger = new Trigger(world, { declarationOptions: { emit } });
			await trigger.poll();
			const [target] = await openDeclarations(world(), 1);
			await setStatus(world(), target.id, 'locked');
			expect((await trigger.poll()).map((i) => i.json.IsRepeat)).toEqual([false]);
			await setStatus(world(), target.id, 'open');
			expect(await trigger.poll()).toEqual([]);
			await setStatus(world(), target.id, 'locked');
			expect((await trigger.poll()).map((i) => i.json.IsRepeat)).toEqual(again);
			expect(await trigger.poll()).toEqual([]);
		}
	});

	it('with two statuses watched: locked once, the other each time it is reached; Once per Status repeats locked too', async () => {
		for (const [emit, expected] of [
			[
				'lockedOnce',
				[
					['locked', false],
					['sent', false],
					['sent', true],
				],
			],
			[
				'perStatus',
				[
					['locked', false],
					['sent', false],
					['locked', true],
					['sent', true],
				],
			],
		] as const) {
			await admin(world().adminUrl, '/reset', {});
			const trigger = new Trigger(world, {
				statuses: 'locked, sent',
				declarationOptions: { emit },
			});
			await trigger.poll();
			const [target] = await openDeclarations(world(), 1);
			const seen: Array<[unknown, unknown]> = [];
			for (const status of ['locked', 'sent', 'locked', 'locked', 'sent']) {
				await setStatus(world(), target.id, status);
				for (const item of await trigger.poll()) seen.push([item.json.Status, item.json.IsRepeat]);
			}
			expect(seen).toEqual(expected);
		}
	});

	it('a declaration locked and sent between two polls is emitted once, as it is now (its sent date shows it was locked)', async () => {
		const trigger = new Trigger(world);
		await trigger.poll();
		const [target] = await openDeclarations(world(), 1);
		await setStatus(world(), target.id, 'locked');
		await setStatus(world(), target.id, 'sent');
		const items = await trigger.poll();
		expect(idsOf(items)).toEqual([target.id]);
		expect(items[0].json.Status).toBe('sent');
		await setStatus(world(), target.id, 'accepted');
		expect(await trigger.poll()).toEqual([]);
	});

	it('with Emit: Once per Status, a status held only between two polls is not seen', async () => {
		const trigger = new Trigger(world, { declarationOptions: { emit: 'perStatus' } });
		await trigger.poll();
		const [target] = await openDeclarations(world(), 1);
		await setStatus(world(), target.id, 'locked');
		await setStatus(world(), target.id, 'sent');
		expect(await trigger.poll()).toEqual([]);
	});

	it('refuses an Emit option it does not know, before any call', async () => {
		const sent: SentRequest[] = [];
		const error = await new Trigger(world, { declarationOptions: { emit: 'twice' } }).failure({
			sent,
		});
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain('Emit');
		expect(sent).toHaveLength(0);
	});

	it('a change of the watched statuses starts afresh instead of emitting the existing ones', async () => {
		const trigger = new Trigger(world, { statuses: 'locked' });
		await trigger.poll();
		// Every company has accepted declarations this year: without a new baseline these would flood.
		trigger.params.statuses = 'locked, accepted';
		expect(await trigger.poll()).toEqual([]);
		const [target] = await openDeclarations(world(), 1);
		await setStatus(world(), target.id, 'accepted');
		trigger.params.statuses = 'Accepted,LOCKED';
		expect(idsOf(await trigger.poll())).toEqual([target.id]);
	});

	it('refuses an empty Statuses field before any call', async () => {
		for (const statuses of ['', ' , ']) {
			const sent: SentRequest[] = [];
			const trigger = new Trigger(world, { statuses });
			const error = await trigger.failure({ sent });
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toContain('Statuses');
			expect(sent).toHaveLength(0);
		}
	});
});

describe('first activation', () => {
	it('without Emit Existing Since records what exists and emits nothing', async () => {
		const locked = (await declarations(world())).filter((d) => d.status === 'locked');
		expect(locked.length).toBeGreaterThan(0);
		const trigger = new Trigger(world);
		expect(await trigger.poll()).toEqual([]);
		expect(await trigger.poll()).toEqual([]);
	});

	it('with Emit Existing Since emits the matching declarations whose period ends on or after it, once', async () => {
		const since = '2026-09-01';
		const expected = (await declarations(world()))
			.filter((d) => wasLocked(d) && d.year === 2026 && d.tijdvakEnd >= since)
			.map((d) => d.id)
			.sort();
		expect(expected.length).toBeGreaterThan(0);
		const older = (await declarations(world())).filter(
			(d) => wasLocked(d) && d.year === 2026 && d.tijdvakEnd < since,
		);
		const trigger = new Trigger(world, { emitExistingSince: `${since}T00:00:00` });
		const items = await trigger.poll();
		expect(idsOf(items).sort()).toEqual(expected);
		for (const d of older) expect(idsOf(items)).not.toContain(d.id);
		expect(await trigger.poll()).toEqual([]);
	});

	it('refuses an Emit Existing Since that is not a date, before any call', async () => {
		const sent: SentRequest[] = [];
		const error = await new Trigger(world, { emitExistingSince: 'last week' }).failure({ sent });
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain('Emit Existing Since');
		expect(sent).toHaveLength(0);
	});
});

describe('Fetch Test Event (manual mode)', () => {
	it('returns the most recent matching declaration and leaves the state alone', async () => {
		const trigger = new Trigger(world);
		await trigger.poll();
		const before = JSON.stringify(trigger.staticData);
		const locked = (await declarations(world())).filter((d) => d.status === 'locked');
		const items = await trigger.poll({ mode: 'manual' });
		expect(items).toHaveLength(1);
		expect(items[0].json.Status).toBe('locked');
		const newest = Math.max(...locked.map((d) => d.year * 100 + d.period));
		expect(Number(items[0].json.Year) * 100 + Number(items[0].json.Period)).toBe(newest);
		expect(typeof items[0].json.DebtorName).toBe('string');
		expect(JSON.stringify(trigger.staticData)).toBe(before);
	});

	it('before any production poll does not start the state either', async () => {
		const trigger = new Trigger(world);
		await trigger.poll({ mode: 'manual', inMemory: true });
		expect(trigger.staticData).toEqual({});
	});

	it('without a match says so and names the statuses it did see', async () => {
		const trigger = new Trigger(world, { statuses: 'approved' });
		const error = await trigger.failure({ mode: 'manual', inMemory: true });
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(/No wage tax declaration .* "approved"/);
		expect((error as NodeOperationError).description).toMatch(/locked \(\d+\)/);
		expect((error as NodeOperationError).description).toMatch(/open \(\d+\)/);
		expect(trigger.staticData).toEqual({});
	});
});

describe('Include Declaration XML', () => {
	it('adds the XML as a file, and as JSON without the BSN unless asked', async () => {
		const trigger = new Trigger(world, {
			declarationOptions: { includeXml: true, xmlAsJson: true, binaryPropertyName: 'aangifte' },
		});
		await trigger.poll();
		const [target] = await openDeclarations(world(), 1);
		await setStatus(world(), target.id);
		const [item] = await trigger.poll();
		expect(item.json.LoonaangifteID).toBe(target.id);
		const file = item.binary?.aangifte;
		expect(file?.mimeType).toBe('application/xml');
		// Named as Get Wage Tax Declaration XML names it; the ID keeps a correction of the period apart.
		expect(file?.fileName).toMatch(
			new RegExp(
				`^wage-tax-declaration_.*_2026_${String(item.json.Period)}_${String(item.json.LoonaangifteID)}\\.xml$`,
			),
		);
		const text = Buffer.from(file?.data ?? '', 'base64').toString('utf8');
		expect(text).toContain('<SofiNr>');
		expect(typeof item.json.Xml).toBe('object');
		expect(JSON.stringify(item.json.Xml)).not.toMatch(/SofiNr/i);

		const withBsn = new Trigger(world, {
			declarationOptions: { xmlAsJson: true, includeBsn: true },
		});
		const [manual] = await withBsn.poll({ mode: 'manual' });
		expect(JSON.stringify(manual.json.Xml)).toMatch(/SofiNr/);
		expect(manual.binary).toBeUndefined();
	});
});

describe('Wage Tax Declaration Reached Status: an answer that lists a declaration twice', () => {
	/** Forwards the declaration lists and answers each with every declaration written twice. */
	const listedTwice: Intercept = async (options) => {
		if (!isCall(options, 'WageTax_GetList')) return undefined;
		const answer = (await plainHttp()(options)) as FullResponse;
		const body = answer.body.replace(/<WageTax>.*?<\/WageTax>/g, (one) => one + one);
		return { ...answer, body };
	};

	it('emits it once', async () => {
		const trigger = new Trigger(world);
		await trigger.poll({ intercept: listedTwice });
		const [target] = await openDeclarations(world(), 1);
		await setStatus(world(), target.id);
		expect(idsOf(await trigger.poll({ intercept: listedTwice }))).toEqual([target.id]);
		expect(await trigger.poll({ intercept: listedTwice })).toEqual([]);
	});
});
