/**
 * The trigger in a running n8n, across restarts. n8n polls at activation (each start) and then
 * every minute; declarations are locked through the emulator's admin API while n8n is stopped, so
 * each start's activation poll sees the change and nothing races a tick. The workflow posts each
 * item to the emulator's deliveries endpoint, which keeps them.
 *
 *   start 1 (in credentialTest.ts): the first poll records what exists, emits nothing
 *   stopped: lock declaration X                     -> start 2 emits X   (restart before the first emit)
 *   stopped: clock to 1 December, November locks   -> start 3 emits them, not X again (restart after it)
 *
 * Promised per line: on 2.x exactly one delivery per locked declaration; on 1.x at least one, and
 * none lost across the restart after the first emit.
 */
import * as path from 'path';

import type { RunningEmulator } from '../../emulator/src';
import type { N8n } from '../../scripts/e2e/harness';
import { activateWorkflow, admin, delivered as deliveredTo } from './emulatorAdmin';
import { ACTIVATION_LOG, waitForActivation } from './credentialTest';

export const TRIGGER_WORKFLOW = path.join(__dirname, 'trigger', 'declaration-locked-delivers.json');
export const TRIGGER_WORKFLOW_ID = 'e2eTrigger';
const CHANNEL = 'trigger';

interface AdminDeclaration {
	id: number;
	companyId: number;
	year: number;
	period: number;
	status: string;
}

export const activateTrigger = (n8n: N8n) => activateWorkflow(n8n, TRIGGER_WORKFLOW_ID);

export const declarations = async (emulator: RunningEmulator) =>
	(await admin<{ items: AdminDeclaration[] }>(emulator, 'GET', 'declarations')).items;
export const delivered = (emulator: RunningEmulator) => deliveredTo(emulator, CHANNEL);

/** The declaration a delivered item stands for. */
function idOf(item: Record<string, unknown>): number {
	return Number(item.LoonaangifteID ?? item.ID ?? item.id);
}

async function startAndWaitFor(n8n: N8n, emulator: RunningEmulator, count: number): Promise<void> {
	await n8n.start(ACTIVATION_LOG);
	try {
		await waitForActivation(n8n);
		// The activation poll emits at once; allow one minute's tick more before giving up.
		const deadline = Date.now() + 75_000;
		while ((await delivered(emulator)).length < count && Date.now() < deadline)
			await new Promise((r) => setTimeout(r, 500));
	} finally {
		// A graceful stop lets the running execution finish its deliveries.
		await n8n.stop();
	}
}

export async function runTriggerScenario(n8n: N8n, emulator: RunningEmulator): Promise<string[]> {
	const problems: string[] = [];
	const exact = n8n.major >= 2;

	const afterBaseline = await delivered(emulator);
	if (afterBaseline.length)
		problems.push(
			`the first start emitted ${afterBaseline.length} items; it should only record what exists`,
		);

	// Restart before the first emit: X, locked while n8n is stopped, comes at the next start.
	const before = await declarations(emulator);
	const x = before.find((d) => d.status === 'open');
	if (!x) return ['the emulator world has no open declaration to lock'];
	await admin(emulator, 'POST', `declarations/${x.id}/status`, { status: 'locked' });
	await startAndWaitFor(n8n, emulator, 1);
	const first = await delivered(emulator);
	problems.push(...compare('after the first lock', first, [x.id], exact));

	// Restart after the first emit: the month ends, November's declarations lock.
	const lockedBefore = new Set(
		(await declarations(emulator)).filter((d) => d.status === 'locked').map((d) => d.id),
	);
	await admin(emulator, 'POST', 'clock/advance', { to: '2026-12-01T09:00:00' });
	const newlyLocked = (await declarations(emulator))
		.filter((d) => d.status === 'locked' && !lockedBefore.has(d.id))
		.map((d) => d.id);
	if (newlyLocked.length === 0) problems.push('advancing the clock locked no declaration');
	await startAndWaitFor(n8n, emulator, first.length + newlyLocked.length);
	problems.push(
		...compare('after the month ended', await delivered(emulator), [x.id, ...newlyLocked], exact),
	);
	if (problems.length) problems.push(n8n.describeLog(n8n.output, 40));
	return problems;
}

/** Each expected declaration delivered exactly once (2.x) or at least once (1.x), and nothing else. */
export function compare(
	when: string,
	items: Array<Record<string, unknown>>,
	expected: number[],
	exact: boolean,
): string[] {
	const counts = new Map<number, number>();
	for (const item of items) counts.set(idOf(item), (counts.get(idOf(item)) ?? 0) + 1);
	const problems: string[] = [];
	for (const id of expected) {
		const n = counts.get(id) ?? 0;
		if (n === 0) problems.push(`${when}: declaration ${id} was not delivered`);
		else if (exact && n > 1) problems.push(`${when}: declaration ${id} was delivered ${n} times`);
	}
	const unexpected = [...counts.keys()].filter((id) => !expected.includes(id));
	if (unexpected.length)
		problems.push(`${when}: unexpected deliveries for ${unexpected.join(', ')}`);
	return problems;
}
