/**
 * The webhook trigger's activation: when its state is new (first activation, or the event or what
 * it watches changed), what exists is recorded as the polling trigger's first poll does, so that
 * the first delivery emits only what is new. A state already there is kept: what changed while
 * the workflow was inactive is emitted at the next delivery that looks at its company.
 */
import type { IHookFunctions } from 'n8n-workflow';

import { eventOf, runTrigger } from '../engine';
import type { TriggerEvent } from '../event';
import { loadState } from '../state';

export async function baseline(
	context: IHookFunctions,
	events: readonly TriggerEvent[],
): Promise<void> {
	const event = eventOf(context, events);
	const settings = event.settings(
		(name, fallback) => context.getNodeParameter(name, fallback),
		context.getNode(),
	);
	const raw = context.getWorkflowStaticData('node');
	if (!loadState(raw, event.value, settings.watchKey, '').fresh) return;
	await runTrigger(context, events);
}
