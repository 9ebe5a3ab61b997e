/**
 * Every event of the trigger, in the order the editor lists them, and the SOAP calls each makes
 * (the README's API template table uses them). Adding an event is one file and one line here.
 */
import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

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

/** Both trigger nodes' subtitle: the event and what it watches. */
export const EVENT_SUBTITLE =
	'={{$parameter["event"] === "payrollRunLocked" ? "Payroll run locked" : $parameter["event"] === "pensionExportReachedStatus" ? "Pension export: " + $parameter["exportStatuses"] : "Wage tax declaration: " + $parameter["statuses"]}}';

/** The Event parameter and each event's own parameters, shown for it alone; `describe` words an event. */
export function eventProperties(describe: (event: TriggerEvent) => string): INodeProperties[] {
	return [
		{
			displayName: 'Event',
			name: 'event',
			type: 'options',
			noDataExpression: true,
			options: events.map((event) => ({
				name: event.name,
				value: event.value,
				description: describe(event),
			})),
			default: 'wageTaxDeclarationReachedStatus',
		},
		...events.flatMap((event) =>
			updateDisplayOptions({ show: { event: [event.value] } }, event.properties),
		),
	];
}
