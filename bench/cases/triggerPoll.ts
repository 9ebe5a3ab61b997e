/**
 * Case 3: the trigger's poll over 500 companies, in-process with a poll context as n8n hands it
 * (the built node), against the emulator in its own process with 30 ms added to every call:
 * a poll with nothing new, then one after 50 declarations were locked.
 * Bound: the larger of calls / 150 per second and 30 ms x calls / 10 in flight.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { admin, credentialsFor, pollContext } from '../../test/nodes/harness';
import { ms, type BenchRow } from '../table';
import { spawnEmulator } from './emulatorStart';

// The built node, as n8n loads it.
const { NmbrsTrigger } =
	require('../../dist/nodes/Nmbrs/NmbrsTrigger.node.js') as typeof import('../../nodes/Nmbrs/NmbrsTrigger.node');
const trigger = new NmbrsTrigger();

const COMPANIES = 500;
const LOCKED = 50;
const LATENCY_MS = 30;

interface Poll {
	ms: number;
	calls: number;
	items: number;
}

export async function triggerPollCase(): Promise<BenchRow[]> {
	const emulator = await spawnEmulator([
		'--companies',
		String(COMPANIES),
		'--employees',
		String(COMPANIES * 2),
		'--now',
		'2026-11-25T09:00:00',
	]);
	try {
		let staticData: IDataObject = {};
		const poll = async (): Promise<Poll> => {
			let calls = 0;
			const context = pollContext({
				params: {
					event: 'wageTaxDeclarationReachedStatus',
					statuses: 'locked',
					scope: 'all',
					debtorIds: [],
					companyIds: [],
					emitExistingSince: '',
					previousYearUntil: 3,
					declarationOptions: {},
					runOptions: {},
				},
				credentials: credentialsFor(emulator.soapBaseUrl),
				mode: 'trigger',
				// n8n keeps the static data as JSON between polls.
				staticData: JSON.parse(JSON.stringify(staticData)) as IDataObject,
				intercept: () => {
					calls++;
					return undefined;
				},
			});
			const start = process.hrtime.bigint();
			const result: INodeExecutionData[][] | null = await trigger.poll.call(context);
			const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
			staticData = context.getWorkflowStaticData('node');
			return { ms: elapsed, calls, items: result?.[0]?.length ?? 0 };
		};
		await poll(); // first activation: records what exists
		await admin(emulator.adminUrl, '/faults', { operation: '*', kind: 'latency', ms: LATENCY_MS });
		const quiet = await poll();
		const all = (await admin(emulator.adminUrl, '/declarations', undefined, 'GET')) as {
			items: Array<{ id: number; companyId: number; year: number; status: string }>;
		};
		const picked = new Map<number, number>();
		for (const d of all.items) {
			if (d.year === 2026 && d.status === 'open' && !picked.has(d.companyId)) {
				picked.set(d.companyId, d.id);
			}
			if (picked.size === LOCKED) break;
		}
		for (const id of picked.values()) {
			await admin(emulator.adminUrl, `/declarations/${id}/status`, { status: 'locked' });
		}
		const busy = await poll();
		const bound = (p: Poll) => Math.max((p.calls / 150) * 1000, (LATENCY_MS * p.calls) / 10);
		return [
			{
				case: `3. Trigger poll, ${COMPANIES} companies, nothing new`,
				figure: `${ms(quiet.ms)}, ${quiet.calls} calls, ${quiet.items} items`,
				against: `bound ${ms(bound(quiet))}`,
				ratio: `${(quiet.ms / bound(quiet)).toFixed(2)}x the bound`,
				goal: '<= 1.2x the bound; 0 items',
				met: quiet.ms <= 1.2 * bound(quiet) && quiet.items === 0,
			},
			{
				case: `3. Trigger poll, ${COMPANIES} companies, ${picked.size} newly locked`,
				figure: `${ms(busy.ms)}, ${busy.calls} calls, ${busy.items} items`,
				against: `bound ${ms(bound(busy))}`,
				ratio: `${(busy.ms / bound(busy)).toFixed(2)}x the bound`,
				goal: `<= 1.2x the bound; exactly ${LOCKED} items`,
				met: busy.ms <= 1.2 * bound(busy) && busy.items === LOCKED,
			},
		];
	} finally {
		emulator.stop();
	}
}
