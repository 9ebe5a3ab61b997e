/**
 * The webhook trigger in a running n8n: the emulator (allowHttpWebhooks) posts to n8n's webhook
 * URL on loopback. With the workflow active, n8n registers one webhook setting per debtor at
 * start; a run locked through the emulator's admin API must reach the workflow (which posts its
 * item to the emulator's deliveries) within seconds, exactly once, also when the delivery is
 * posted again as Nmbrs would retry it.
 *
 * Reusable: `runWebhookScenario` takes a started n8n (any mode, e.g. queue mode with a webhook
 * process) whose WEBHOOK_URL reaches it; `webhookEnv` gives that environment for a plain start.
 */
import * as path from 'path';

import type { RunningEmulator } from '../../emulator/src';
import type { N8n } from '../../scripts/e2e/harness';
import { activateWorkflow, admin, delivered as deliveredTo } from './emulatorAdmin';
import { ACTIVATION_LOG } from './credentialTest';

export const WEBHOOK_WORKFLOW = path.join(__dirname, 'trigger', 'run-locked-webhook.json');
export const WEBHOOK_WORKFLOW_ID = 'e2eWebhookTrigger';
const CHANNEL = 'webhook';
/** "Within seconds": from the lock to the workflow's delivery. */
export const WITHIN_MS = 15_000;

/** The environment that makes n8n's webhook URLs the ones the emulator reaches on loopback. */
export function webhookEnv(n8n: N8n): Record<string, string> {
	return { ...ACTIVATION_LOG, WEBHOOK_URL: `${n8n.url}/` };
}

export const activateWebhookWorkflow = (n8n: N8n) => activateWorkflow(n8n, WEBHOOK_WORKFLOW_ID);

const delivered = (emulator: RunningEmulator) => deliveredTo(emulator, CHANNEL);

interface SentWebhook {
	payload: Record<string, unknown>;
	endpoint: string;
	state: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** This workflow's webhook settings in the emulator's world: debtor ID and endpoint. */
function registered(emulator: RunningEmulator): Array<{ debtorId: string; endpoint: string }> {
	return Object.entries(emulator.world.webhookSettings ?? {}).flatMap(([debtorId, list]) =>
		list
			.filter((s) => s.name.includes(`n8n workflow ${WEBHOOK_WORKFLOW_ID}`))
			.map((s) => ({ debtorId, endpoint: s.endpoint })),
	);
}

/** Waits until n8n has registered the workflow's setting at every debtor, or fails. */
async function waitForRegistration(n8n: N8n, emulator: RunningEmulator): Promise<string[]> {
	const deadline = Date.now() + 120_000;
	const debtors = emulator.world.debtors.length;
	while (Date.now() < deadline) {
		if (registered(emulator).length === debtors) return [];
		await sleep(250);
	}
	return [
		`n8n registered ${registered(emulator).length} webhook settings of ${debtors} debtors`,
		n8n.describeLog(n8n.output, 40),
	];
}

/**
 * With n8n started and the workflow active: a locked run reaches the workflow within seconds,
 * once; the same delivery posted again emits nothing.
 */
export async function runWebhookScenario(n8n: N8n, emulator: RunningEmulator): Promise<string[]> {
	const problems = await waitForRegistration(n8n, emulator);
	if (problems.length) return problems;
	const endpoints = new Set(registered(emulator).map((r) => r.endpoint));
	if (endpoints.size !== 1)
		problems.push(`one endpoint expected for every debtor, got ${[...endpoints].join(', ')}`);
	await admin(emulator, 'DELETE', `deliveries/${CHANNEL}`);
	await admin(emulator, 'DELETE', 'webhooks');

	const [debtor] = emulator.world.debtors;
	const company = emulator.world.companies.find((c) => c.debtorId === debtor.id);
	if (!company) return ['the emulator world has no company of its first debtor'];
	const run = await admin<{ ID: number }>(emulator, 'POST', 'runs', { companyId: company.id });
	const lockedAt = Date.now();
	await admin(emulator, 'POST', `runs/${company.id}/${run.ID}/lock`);
	while ((await delivered(emulator)).length === 0 && Date.now() - lockedAt < WITHIN_MS)
		await sleep(100);
	const took = Date.now() - lockedAt;
	const first = await delivered(emulator);
	if (first.length === 0) {
		const sent = (await admin<{ items: SentWebhook[] }>(emulator, 'GET', 'webhooks')).items;
		problems.push(
			`the locked run did not reach the workflow within ${WITHIN_MS / 1000} s; the emulator sent: ${JSON.stringify(sent).slice(0, 600)}`,
		);
	} else {
		process.stdout.write(`      the locked run reached the workflow in ${took} ms\n`);
	}

	// Nmbrs retrying the same delivery: answered, no second execution.
	const sent = (await admin<{ items: SentWebhook[] }>(emulator, 'GET', 'webhooks')).items;
	const done = sent.find((s) => s.payload.event === 'Run Finish' && s.state === 'delivered');
	if (!done) problems.push(`the emulator logged no delivered Run Finish: ${JSON.stringify(sent)}`);
	else {
		const again = await fetch(done.endpoint, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(done.payload),
		});
		if (again.status !== 200) problems.push(`the repeated delivery was answered ${again.status}`);
	}
	await sleep(3_000);
	const items = await delivered(emulator);
	const ids = items.map((item) => Number(item.ID));
	if (items.length > 0 && (ids.length !== 1 || ids[0] !== run.ID))
		problems.push(`expected run ${run.ID} delivered once, got runs ${ids.join(', ')}`);
	if (problems.length) problems.push(n8n.describeLog(n8n.output, 40));
	return problems;
}

/** A plain `n8n start` with the webhook URL on loopback, the scenario, and a stop. */
export async function checkWebhookTrigger(n8n: N8n, emulator: RunningEmulator): Promise<string[]> {
	await n8n.start(webhookEnv(n8n));
	try {
		return await runWebhookScenario(n8n, emulator);
	} finally {
		await n8n.stop();
	}
}
