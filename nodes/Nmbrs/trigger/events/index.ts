/**
 * Every event of the trigger, in the order the editor lists them, and the SOAP calls each makes
 * (the README's API template table uses them). Adding an event is one file and one line here.
 */
import { ENGINE_CALLS } from '../engine';
import type { TriggerEvent } from '../event';
import { payrollRunLocked } from './payrollRunLocked';
import { pensionExportReachedStatus } from './pensionExportReachedStatus';
import { wageTaxDeclarationReachedStatus } from './wageTaxDeclarationReachedStatus';

export const events: readonly TriggerEvent[] = [
	wageTaxDeclarationReachedStatus,
	payrollRunLocked,
	pensionExportReachedStatus,
];

export interface TriggerEventCalls {
	/** The event as the editor lists it. */
	name: string;
	calls: readonly string[];
}

/** Per event: the engine's calls (company list, debtors) and the event's own. */
export const triggerEvents: readonly TriggerEventCalls[] = events.map((event) => ({
	name: event.name,
	calls: [...ENGINE_CALLS, ...event.calls],
}));
