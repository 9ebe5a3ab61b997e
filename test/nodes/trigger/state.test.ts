/**
 * The remembered state: JSON between polls, bounded, another layout starting afresh,
 * and what a restart does on each n8n line (2.x stores it after every poll, 1.x after a poll that
 * emits only).
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import {
	Trigger,
	advance,
	companyListOf,
	declarations,
	idsOf,
	keyOf,
	openDeclarations,
	setStatus,
	useWorld,
} from './support';

const world = useWorld();

/** What the foundation trigger stored after a poll with these declarations locked. */
async function foundationState(skip: number[] = []): Promise<IDataObject> {
	const seen: Record<string, string> = {};
	for (const d of await declarations(world())) {
		if (d.status === 'locked' && d.year === 2026 && !skip.includes(d.id))
			seen[`${d.year}:${d.id}:locked`] = '2026-11-20';
	}
	return {
		seen,
		baselined: world().world.companies.map((c) => c.id),
		statuses: 'locked',
	};
}

describe('the state', () => {
	it('goes through JSON between polls, and in memory gives the same items', async () => {
		const json = new Trigger(world);
		const memory = new Trigger(world);
		await json.poll();
		await memory.poll({ inMemory: true });
		expect(JSON.parse(JSON.stringify(memory.staticData))).toEqual(memory.staticData);
		const picked = await openDeclarations(world(), 2);
		for (const d of picked) await setStatus(world(), d.id);
		const fromJson = idsOf(await json.poll());
		expect(fromJson.sort()).toEqual(picked.map((d) => d.id).sort());
		expect(idsOf(await memory.poll({ inMemory: true })).sort()).toEqual(fromJson);
		for (let i = 0; i < 3; i++) {
			expect(await json.poll()).toEqual([]);
			expect(await memory.poll({ inMemory: true })).toEqual([]);
		}
	});

	it("of another layout (the unpublished foundation trigger's) starts afresh: nothing old emitted, what locks later is", async () => {
		const [late] = await openDeclarations(world(), 1);
		await setStatus(world(), late.id);
		const trigger = new Trigger(world);
		trigger.staticData = await foundationState([late.id]);
		expect(await trigger.poll()).toEqual([]);
		expect(trigger.staticData.version).toBe(2);
		expect(trigger.staticData.seen).toBeUndefined();
		expect(trigger.staticData.baselined).toBeUndefined();
		const [next] = (await openDeclarations(world(), 2)).filter((d) => d.id !== late.id);
		await setStatus(world(), next.id);
		expect(idsOf(await trigger.poll())).toEqual([next.id]);
	});

	it('stays bounded: years no longer watched and companies long gone are dropped', async () => {
		const trigger = new Trigger(world);
		await trigger.poll();
		const companies = trigger.staticData.companies as Record<string, { seen: IDataObject }>;
		const [first] = Object.keys(companies);
		companies[first].seen['2019'] = { '123': 'locked' };
		await trigger.poll();
		const after = trigger.staticData.companies as Record<string, { seen: IDataObject }>;
		expect(Object.keys(after[first].seen)).toEqual(['2026']);

		const gone = world().world.companies[0].id;
		const without = companyListOf(world(), (id) => id !== gone);
		await trigger.poll({ intercept: without });
		expect(Object.keys(trigger.staticData.companies as object)).toContain(String(gone));
		await advance(world(), { days: 46 });
		await trigger.poll({ intercept: without });
		expect(Object.keys(trigger.staticData.companies as object)).not.toContain(String(gone));
	});
});

describe('a restart', () => {
	/**
	 * Polls with locks in between; after each poll the state n8n would have stored is kept as
	 * each line stores it. A restart after poll `restartAfter` continues from the stored state.
	 */
	async function scenario(line: '1.x' | '2.x', restartAfter: number) {
		const trigger = new Trigger(world);
		let stored: IDataObject = {};
		const emitted: INodeExecutionData[][] = [];
		const open = await openDeclarations(world(), 4);
		for (let poll = 0; poll < 5; poll++) {
			if (poll > 0 && poll - 1 < open.length) await setStatus(world(), open[poll - 1].id);
			if (poll === restartAfter + 1) trigger.staticData = JSON.parse(JSON.stringify(stored));
			const items = await trigger.poll();
			emitted.push(items);
			if (line === '2.x' || items.length > 0)
				stored = JSON.parse(JSON.stringify(trigger.staticData));
		}
		return { emitted, open };
	}

	it('on n8n 2.x repeats nothing and loses nothing', async () => {
		const { emitted, open } = await scenario('2.x', 2);
		const keys = emitted.flat().map(keyOf);
		expect(new Set(keys).size).toBe(keys.length);
		expect(idsOf(emitted.flat()).sort()).toEqual(open.map((d) => d.id).sort());
	});

	it('on n8n 1.x after the first emit loses nothing and repeats at most the last poll', async () => {
		const { emitted, open } = await scenario('1.x', 2);
		expect([...new Set(idsOf(emitted.flat()))].sort()).toEqual(open.map((d) => d.id).sort());
		const keys = emitted.flat().map(keyOf);
		const repeated = keys.filter((k, i) => keys.indexOf(k) !== i);
		expect(repeated.every((k) => emitted[2].map(keyOf).includes(k))).toBe(true);
	});
});
