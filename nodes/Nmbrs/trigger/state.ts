/**
 * What the trigger remembers between polls (the node's static data), as plain JSON.
 *
 * Layout (version 2):
 * - `event` and `watch`: the event and what it watches (e.g. the statuses); when either changes,
 *   the trigger starts afresh, as on a first activation.
 * - `activatedOn`: the Dutch date of the first poll. A company or year first seen later emits
 *   what its period shows may have changed since then.
 * - `instance`: a random name for this state, so that what a failed poll could not store (the
 *   failures already reported) is kept in memory under it.
 * - `companies[<id>]`:
 *   - `seen[<year>][<thing ID>]`: the thing's status at the last poll, followed by `|` and the
 *     watched statuses it was seen in before, when there are others (`locked`, `sent|locked`).
 *     Only things seen in a watched status are kept; a year present (even empty) is baselined.
 *     Years no longer watched are dropped, so the state stays bounded.
 *   - `missingSince`: the day the company list first left it out; it is forgotten 45 days later.
 * - `failing[company:<id> | debtor:<id>]`: since when and how many polls in a row its calls failed,
 *   and the call.
 * - `revision`: counts the stores, so that the webhook trigger can tell which of two copies is newer.
 * Static data of any other layout (none was ever published) starts the trigger afresh.
 */
import type { IDataObject } from 'n8n-workflow';

export interface Failing {
	/** The company or debtor as the error names it. */
	name: string;
	/** When the first failed poll of this run of failures was (ISO moment). */
	since: string;
	polls: number;
	call: string;
}

export interface CompanyMemory {
	seen?: Record<string, Record<string, string>>;
	missingSince?: string;
}

export interface TriggerState {
	version: 2;
	event: string;
	watch: string;
	instance: string;
	activatedOn: string;
	companies: Record<string, CompanyMemory>;
	/** Companies (`company:<id>`) and chosen debtors (`debtor:<id>`) whose calls fail. */
	failing?: Record<string, Failing>;
	revision?: number;
}

/** A remembered thing: its status now and the watched statuses it was seen in. */
export interface Remembered {
	current: string;
	was: string[];
}

/** `watched`: the current status counts among those seen when it is watched. */
export function decodeRemembered(
	value: string | undefined,
	watched: readonly string[],
): Remembered | undefined {
	if (value === undefined) return undefined;
	const [current, others] = value.split('|');
	const was = new Set(others ? others.split(',').filter((s) => s !== '') : []);
	if (watched.includes(current)) was.add(current);
	return { current, was: [...was] };
}

/** `was` holds every watched status seen; `current` is added to it when watched. */
export function encodeRemembered(current: string, was: string[]): string {
	const others = [...new Set(was)].filter((s) => s !== current).sort();
	return others.length === 0 ? current : `${current}|${others.join(',')}`;
}

function isObject(value: unknown): value is IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function randomName(): string {
	return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export interface LoadedState {
	state: TriggerState;
	/** True on the first poll (no state, or what is watched changed): nothing old is emitted. */
	fresh: boolean;
}

/**
 * The state to work on: a copy (written back only when a poll returns) of the static data when it
 * is this layout for this event and watch, or a new one.
 */
export function loadState(
	raw: IDataObject,
	event: string,
	watch: string,
	today: string,
): LoadedState {
	if (raw.version === 2 && raw.event === event && raw.watch === watch) {
		const copy = JSON.parse(JSON.stringify(raw)) as TriggerState;
		copy.companies = isObject(copy.companies) ? copy.companies : {};
		return { state: copy, fresh: false };
	}
	return {
		state: {
			version: 2,
			event,
			watch,
			instance: randomName(),
			activatedOn: today,
			companies: {},
		},
		fresh: true,
	};
}

/** Replaces the static data's content with the state (n8n keeps the object it handed out). */
export function storeState(raw: IDataObject, state: TriggerState): void {
	state.revision = (state.revision ?? 0) + 1;
	for (const key of Object.keys(raw)) delete raw[key];
	Object.assign(raw, JSON.parse(JSON.stringify(state)) as IDataObject);
}

/** Drops remembered years no longer watched, so the state stays bounded. */
export function prune(state: TriggerState, years: number[]): void {
	const watched = new Set(years.map(String));
	for (const memory of Object.values(state.companies)) {
		for (const year of Object.keys(memory.seen ?? {})) {
			if (!watched.has(year)) delete memory.seen?.[year];
		}
	}
}
