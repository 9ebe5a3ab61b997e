/**
 * n8n starts a trigger's next poll on schedule even while the last one still runs: both would
 * read the same stored state and emit the same things. So one poll per trigger runs at a time in
 * an n8n process; one that starts while the last still runs is skipped and says so in n8n's log
 * (its things are picked up by the next poll). n8n runs triggers in the main process only, in
 * queue mode too.
 */
import type { IPollFunctions } from 'n8n-workflow';

/** The triggers (workflow and node) whose poll runs now. */
const running = new Set<string>();

function triggerKey(context: IPollFunctions): string {
	const node = context.getNode();
	return `${context.getWorkflow().id ?? ''}|${node.id ?? node.name}`;
}

/** Runs `poll` unless this trigger's last poll still runs; then null (nothing to emit). */
export async function unlessStillPolling<T>(
	context: IPollFunctions,
	poll: () => Promise<T>,
): Promise<T | null> {
	const key = triggerKey(context);
	if (running.has(key)) {
		context.logger.warn(
			`Nmbrs Trigger "${context.getNode().name}": this poll was skipped because the previous one is still running; the next poll picks up what it would have found.`,
		);
		return null;
	}
	running.add(key);
	try {
		return await poll();
	} finally {
		running.delete(key);
	}
}
