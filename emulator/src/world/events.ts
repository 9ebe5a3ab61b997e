/**
 * What happens in the world that Nmbrs sends webhooks for. The world's mutations report events
 * here; a running emulator listens (server/webhooks.ts). A world being made, loaded or changed by
 * a test without a listener reports to nobody.
 */
import { DECLARATION_STATUSES, SENT_STATUSES } from './declarations';
import type { World } from './world';

/** The events of a webhook setting, as Nmbrs's support pages list them; the ids are ours. */
export const WEBHOOK_EVENTS = [
	{ EventId: 1, EventName: 'Run Finish' },
	{ EventId: 2, EventName: 'Journals Finish' },
	{ EventId: 3, EventName: 'Wage Tax Declaration Created' },
	{ EventId: 4, EventName: 'Wage Tax Declaration Sent' },
	{ EventId: 5, EventName: 'Pension Export Created' },
	{ EventId: 6, EventName: 'Pension Export Sent' },
] as const;

export type WebhookEventName = (typeof WEBHOOK_EVENTS)[number]['EventName'];

export interface WorldEvent {
	event: WebhookEventName;
	companyId: number;
	/** The run, declaration or pension export it is about, as the payload names it. */
	subject: Record<string, number | string>;
}

const listeners = new WeakMap<World, (event: WorldEvent) => void>();

/** Sends the world's events to `listener` (one per world; a reset makes a new world). */
export function listenToWorld(world: World, listener: (event: WorldEvent) => void): void {
	listeners.set(world, listener);
}

export function isHeard(world: World): boolean {
	return listeners.has(world);
}

export function happened(world: World, event: WorldEvent): void {
	listeners.get(world)?.(event);
}

/** A run finished (locked): its journals and its pension export are made with it. */
export function runFinished(
	world: World,
	run: { id: number; companyId: number; year: number; period: number },
): void {
	const subject = { runId: run.id, year: run.year, period: run.period };
	happened(world, { event: 'Run Finish', companyId: run.companyId, subject });
	happened(world, { event: 'Journals Finish', companyId: run.companyId, subject });
	happened(world, { event: 'Pension Export Created', companyId: run.companyId, subject });
}

/**
 * A declaration's status changed from `before` to `after`. It is "created" when it leaves open: the
 * emulator's open declaration is the draft of a period still being run, and Nmbrs makes the
 * declaration (its message) when the period is closed. It is "sent" when it reaches a sent status.
 */
export function declarationMoved(
	world: World,
	declaration: { id: number; companyId: number; year: number; period: number },
	before: string,
	after: string,
): void {
	const subject = {
		loonaangifteId: declaration.id,
		year: declaration.year,
		period: declaration.period,
	};
	const { companyId } = declaration;
	if (before === DECLARATION_STATUSES.open && after !== DECLARATION_STATUSES.open)
		happened(world, { event: 'Wage Tax Declaration Created', companyId, subject });
	if (!SENT_STATUSES.has(before) && SENT_STATUSES.has(after))
		happened(world, { event: 'Wage Tax Declaration Sent', companyId, subject });
}
