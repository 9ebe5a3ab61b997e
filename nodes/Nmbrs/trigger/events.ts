/** The trigger's events and the SOAP calls each makes (the README's API template table uses them). */
import { ENGINE_CALLS } from './engine';
import { events } from './events/index';

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
