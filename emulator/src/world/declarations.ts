/**
 * Wage tax declaration (loonaangifte) statuses and how they move with time.
 *
 * Nmbrs does not publish its status strings. THESE ARE OUR GUESS, kept in this one constant so
 * they can be corrected in one edit when real ones are seen. The trigger compares them
 * case-insensitively.
 */
import { addDays, dateTimeOf } from './calendar';
import type { Declaration } from './model';

export const DECLARATION_STATUSES = {
	/** Runs of the period are still being made. */
	open: 'open',
	/** The period is closed; the declaration is final and ready to send. */
	locked: 'locked',
	/** Sent to the Belastingdienst by Nmbrs. */
	sent: 'sent',
	/** Received and accepted by the Belastingdienst. */
	accepted: 'accepted',
	/** Marked as sent by another party (WageTax_SetSentExternal). */
	sentExternally: 'sent externally',
} as const;

export type DeclarationStatus = (typeof DECLARATION_STATUSES)[keyof typeof DECLARATION_STATUSES];

/** The order a declaration moves through on its own as the clock advances. */
const AUTOMATIC_ORDER: string[] = [
	DECLARATION_STATUSES.open,
	DECLARATION_STATUSES.locked,
	DECLARATION_STATUSES.sent,
	DECLARATION_STATUSES.accepted,
];

/** Statuses after which a declaration counts as sent (SetSentExternal then answers 2012). */
export const SENT_STATUSES: ReadonlySet<string> = new Set([
	DECLARATION_STATUSES.sent,
	DECLARATION_STATUSES.accepted,
	DECLARATION_STATUSES.sentExternally,
]);

/**
 * When a declaration reaches each automatic status: locked the morning after its period ends,
 * sent shortly before the deadline (end of the following month), accepted the day after.
 */
export function declarationTimeline(periodEnd: string): {
	locked: string;
	sent: string;
	accepted: string;
} {
	return {
		locked: dateTimeOf(addDays(periodEnd, 1), '06:00:00'),
		sent: dateTimeOf(addDays(periodEnd, 26), '14:00:00'),
		accepted: dateTimeOf(addDays(periodEnd, 27), '09:30:00'),
	};
}

/** The automatic status at a moment. `filedPeriodEnd` is the end of the period the declaration is filed in. */
export function automaticStatusAt(filedPeriodEnd: string, now: string): string {
	const timeline = declarationTimeline(filedPeriodEnd);
	if (now < timeline.locked) return DECLARATION_STATUSES.open;
	if (now < timeline.sent) return DECLARATION_STATUSES.locked;
	if (now < timeline.accepted) return DECLARATION_STATUSES.sent;
	return DECLARATION_STATUSES.accepted;
}

/**
 * Moves a declaration forward when the clock crossed one of its thresholds between `before` and
 * `after`. Only forward, only along the automatic order: a declaration sent externally, or moved
 * by the admin API, stays where it is until the next threshold is crossed.
 */
export function progressDeclaration(
	declaration: Declaration,
	filedPeriodEnd: string,
	before: string,
	after: string,
): void {
	const was = automaticStatusAt(filedPeriodEnd, before);
	const becomes = automaticStatusAt(filedPeriodEnd, after);
	if (was === becomes) return;
	const current = AUTOMATIC_ORDER.indexOf(declaration.status);
	const target = AUTOMATIC_ORDER.indexOf(becomes);
	if (current < 0 || current >= target) return;
	declaration.status = becomes;
	if (SENT_STATUSES.has(becomes) && declaration.sentAt === null)
		declaration.sentAt = declarationTimeline(filedPeriodEnd).sent;
}

/** Looks a status up case-insensitively among the known ones; undefined when unknown. */
export function knownStatus(status: string): DeclarationStatus | undefined {
	const lower = status.trim().toLowerCase();
	return Object.values(DECLARATION_STATUSES).find((known) => known === lower);
}
