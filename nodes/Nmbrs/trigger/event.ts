/**
 * What an event of the trigger is: what to fetch per company and year, the key of a thing, when
 * it matches, how items are sorted, and what an item carries. The engine (engine.ts) does the
 * rest: scope, budget, remembered state, baselines, manual mode and failures.
 */
import type { IDataObject, INode, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { PollCalls } from './companies';

export interface TriggerEvent {
	/** The Event parameter's value. */
	value: string;
	/** The event as the editor lists it. */
	name: string;
	description: string;
	/** The calls the event makes itself (the engine adds the company and debtor lists). */
	calls: readonly string[];
	/**
	 * The Nmbrs webhook events (as WebhookSettings_GetEvents names them) after which what the
	 * event watches may have changed: the webhook trigger subscribes to them.
	 */
	wakesOn: readonly string[];
	/** The event's own parameters; the node shows them for this event only. */
	properties: INodeProperties[];
	/** Reads and checks the event's parameters, before any call (errors name the field). */
	settings(read: (name: string, fallback: unknown) => unknown, node: INode): EventSettings;
}

/** A thing (declaration, run) as the list call gives it. */
export type Thing = IDataObject;

export interface EventSettings {
	/** The statuses that count as a match, lower-case. */
	watched: string[];
	/** What the state is recorded for: a change makes the trigger start afresh. */
	watchKey: string;
	/** A company's things of one year (one list call). */
	fetch(calls: PollCalls, companyId: number, year: number): Promise<Thing[]>;
	/** The thing's ID within its company and year. */
	id(thing: Thing): string;
	/** Its status, lower-case. */
	status(thing: Thing): string;
	/**
	 * Watched statuses it has passed although it shows another now: a declaration with a sent date
	 * was locked before it was sent, even when no poll saw it locked.
	 */
	passed?(thing: Thing): string[];
	/**
	 * Watched statuses emitted once per thing, however often it reaches them again. The others are
	 * emitted each time a poll sees the thing reach them (again: IsRepeat).
	 */
	once?: readonly string[];
	/**
	 * For a company or year first seen after activation: the latest day the thing is known to have
	 * changed ('YYYY-MM-DD'); undefined when its dates cannot tell (it is emitted). Default: the
	 * later of its period end and its existing date.
	 */
	lastChanged?(thing: Thing, year: number, periodType: string | null): string | undefined;
	/**
	 * The last day of its period ('YYYY-MM-DD'), or a day no earlier; `periodType` is the
	 * company's LoonaangifteTijdvak (Month, Week4), when known.
	 */
	periodEnd(thing: Thing, year: number, periodType: string | null): string | undefined;
	/** The day "Emit Existing Since" compares with ('YYYY-MM-DD'). */
	existingDate(thing: Thing, year: number): string | undefined;
	/** Oldest first. */
	compare(a: Thing, b: Thing): number;
	/** The item: the JSON the engine made (fields, company, debtor), plus files when asked. */
	item(calls: PollCalls, json: IDataObject, thing: Thing): Promise<INodeExecutionData>;
	/** "Fetch Test Event" found nothing: the message and what was seen instead. */
	noMatch(
		seen: Map<string, number>,
		years: number[],
		companies: number,
	): {
		message: string;
		description: string;
	};
}
