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
 * - `legacy`: the foundation trigger's state (`seen` keys `<year>:<ID>:<status>` without the
 *   company, `baselined`, `statuses`), read until every company it baselined has been seen again.
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

export interface LegacyState {
	seen: Record<string, string>;
	baselined: number[];
	statuses: string;
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
	legacy?: LegacyState;
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

/** The foundation trigger's state, when the static data holds it. */
function legacyOf(raw: IDataObject): LegacyState | undefined {
	if (raw.version !== undefined) return undefined;
	if (raw.seen === undefined && raw.baselined === undefined && raw.statuses === undefined)
		return undefined;
	const seen: Record<string, string> = {};
	if (isObject(raw.seen)) {
		for (const [key, day] of Object.entries(raw.seen)) {
			// Keys of an earlier shape (without the year) cannot be placed: dropped, as before.
			if (/^\d{4}:[^:]+:.*$/.test(key)) seen[key] = String(day);
		}
	}
	const baselined = Array.isArray(raw.baselined)
		? raw.baselined.map(Number).filter((n) => Number.isInteger(n))
		: [];
	return { seen, baselined, statuses: typeof raw.statuses === 'string' ? raw.statuses : '' };
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
 * The state to work on: a copy (written back only when a poll returns), read from the static
 * data of this version or of the foundation trigger, or a new one.
 */
export function loadState(
	raw: IDataObject,
	event: string,
	watch: string,
	today: string,
	legacyEvent: boolean,
): LoadedState {
	if (raw.version === 2 && raw.event === event && raw.watch === watch) {
		const copy = JSON.parse(JSON.stringify(raw)) as TriggerState;
		copy.companies = isObject(copy.companies) ? copy.companies : {};
		return { state: copy, fresh: false };
	}
	const legacy = legacyOf(raw);
	if (legacy && legacyEvent && legacy.statuses === watch && legacy.baselined.length > 0) {
		const days = Object.values(legacy.seen).sort();
		return {
			state: {
				version: 2,
				event,
				watch,
				instance: randomName(),
				activatedOn: days[0] ?? today,
				companies: {},
				legacy,
			},
			fresh: false,
		};
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
	for (const key of Object.keys(raw)) delete raw[key];
	Object.assign(raw, JSON.parse(JSON.stringify(state)) as IDataObject);
}

/** Drops remembered years no longer watched, and the legacy state once nothing needs it. */
export function prune(state: TriggerState, years: number[]): void {
	const watched = new Set(years.map(String));
	for (const memory of Object.values(state.companies)) {
		for (const year of Object.keys(memory.seen ?? {})) {
			if (!watched.has(year)) delete memory.seen?.[year];
		}
	}
	const legacy = state.legacy;
	if (legacy) {
		for (const key of Object.keys(legacy.seen)) {
			if (!watched.has(key.split(':')[0])) delete legacy.seen[key];
		}
		legacy.baselined = legacy.baselined.filter(
			(id) => Object.keys(state.companies[String(id)]?.seen ?? {}).length === 0,
		);
		if (legacy.baselined.length === 0 || Object.keys(legacy.seen).length === 0) delete state.legacy;
	}
}
