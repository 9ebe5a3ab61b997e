/**
 * What the trigger scenarios share: the emulator's admin API, the items a workflow posted to
 * its deliveries, and activating a workflow in a running n8n.
 */
import type { RunningEmulator } from '../../emulator/src';
import type { N8n } from '../../scripts/e2e/harness';

/** 2.x activates a workflow by publishing it; 1.x by update:workflow, which takes effect at the next start. */
export async function activateWorkflow(n8n: N8n, id: string): Promise<void> {
	if (n8n.major >= 2) await n8n.cli(['publish:workflow', `--id=${id}`]);
	else await n8n.cli(['update:workflow', `--id=${id}`, '--active=true']);
}

export async function admin<T>(
	emulator: RunningEmulator,
	method: string,
	route: string,
	body?: unknown,
): Promise<T> {
	const res = await fetch(`${emulator.adminUrl}${route}`, {
		method,
		headers: { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	if (!res.ok)
		throw new Error(
			`emulator ${method} /__admin/${route} answered ${res.status}: ${await res.text()}`,
		);
	return (await res.json()) as T;
}

/** The items the workflow posted to the emulator's deliveries channel (its HTTP node's URL). */
export const delivered = async (emulator: RunningEmulator, channel: string) =>
	(await admin<{ items: Array<Record<string, unknown>> }>(emulator, 'GET', `deliveries/${channel}`))
		.items;
