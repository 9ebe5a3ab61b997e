/**
 * Overlapping polls: n8n starts the next poll on schedule even while the last one still runs.
 * Both would read the same stored state and emit the same declarations; the second is skipped
 * and says so in n8n's log.
 */
import type { Intercept } from '../harness';
import { Trigger, idsOf, isCall, openDeclarations, setStatus, useWorld } from './support';

const world = useWorld();

/**
 * Holds the first WageTax_GetList answer until `release` is called (one call only: the login's
 * other calls share its limit of calls in flight).
 */
function holdLists(): { intercept: Intercept; release: () => void; held: Promise<void> } {
	let release!: () => void;
	const gate = new Promise<void>((resolve) => (release = resolve));
	let reached!: () => void;
	const held = new Promise<void>((resolve) => (reached = resolve));
	let holding = false;
	return {
		intercept: async (options) => {
			if (isCall(options, 'WageTax_GetList') && !holding) {
				holding = true;
				reached();
				await gate;
			}
			return undefined;
		},
		release,
		held,
	};
}

describe('a poll that starts while the last one still runs', () => {
	it('is skipped, saying so; the running poll emits, and nothing is emitted twice', async () => {
		const trigger = new Trigger(world);
		await trigger.poll();
		const [target] = await openDeclarations(world(), 1);
		await setStatus(world(), target.id);

		const slow = holdLists();
		const first = trigger.pollRaw({ intercept: slow.intercept, inMemory: true });
		await slow.held;
		const log: string[] = [];
		expect(await trigger.pollRaw({ inMemory: true, log })).toBeNull();
		expect(log).toEqual([expect.stringMatching(/^warn: .*skipped.*previous one is still running/)]);

		slow.release();
		const emitted = await first;
		expect(idsOf(emitted?.[0] ?? [])).toEqual([target.id]);
		expect(await trigger.poll({ inMemory: true })).toEqual([]);
	});

	it('another trigger (another workflow) polls meanwhile as usual', async () => {
		const busy = new Trigger(world);
		const other = new Trigger(world);
		await busy.poll();
		await other.poll();
		const [target] = await openDeclarations(world(), 1);
		await setStatus(world(), target.id);

		const slow = holdLists();
		const first = busy.pollRaw({ intercept: slow.intercept, inMemory: true });
		await slow.held;
		expect(idsOf(await other.poll())).toEqual([target.id]);
		slow.release();
		expect(idsOf((await first)?.[0] ?? [])).toEqual([target.id]);
	});

	it('a failed poll does not block the next one', async () => {
		const trigger = new Trigger(world);
		await trigger.poll();
		const failing: Intercept = (options) =>
			isCall(options, 'List_GetAll') ? { statusCode: 500, headers: {}, body: 'down' } : undefined;
		await trigger.failure({ intercept: failing });
		const [target] = await openDeclarations(world(), 1);
		await setStatus(world(), target.id);
		expect(idsOf(await trigger.poll())).toEqual([target.id]);
	});
});
