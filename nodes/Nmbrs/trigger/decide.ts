/**
 * What one company's things mean against what is remembered of it: the new memory of each year
 * and what to emit (the rules are in engine.ts).
 */
import type { WatchedCompany } from './companies';
import type { EventSettings, Thing } from './event';
import type { TriggerState } from './state';
import { decodeRemembered, encodeRemembered } from './state';

export interface Emit {
	company: WatchedCompany;
	thing: Thing;
	repeat: boolean;
}

export interface Decision {
	/** The company's new memory: per year, per thing ID, the encoded statuses. */
	seen: Record<string, Record<string, string>>;
	emits: Emit[];
}

/**
 * A year the state has no memory of: on the first poll ("activation") only Emit Existing Since
 * emits; later ("late": a company or year first seen now) what may have changed since activation.
 */
function baselineEmits(
	mode: 'activation' | 'late',
	state: TriggerState,
	settings: EventSettings,
	emitSince: string | undefined,
	company: WatchedCompany,
	thing: Thing,
	year: number,
): boolean {
	const existing = settings.existingDate(thing, year);
	const sinceOption = emitSince !== undefined && existing !== undefined && existing >= emitSince;
	if (mode === 'activation') return sinceOption;
	const end = settings.periodEnd(thing, year, company.periodType);
	const latest = end !== undefined && existing !== undefined && existing > end ? existing : end;
	// No date at all: emitted, a duplicate rather than a loss.
	return sinceOption || latest === undefined || latest >= state.activatedOn;
}

export function decide(
	state: TriggerState,
	fresh: boolean,
	settings: EventSettings,
	emitSince: string | undefined,
	company: WatchedCompany,
	years: Map<number, Thing[]>,
): Decision {
	const memory = state.companies[String(company.id)];
	const seen: Record<string, Record<string, string>> = { ...(memory?.seen ?? {}) };
	const emits: Emit[] = [];
	for (const [year, things] of years) {
		const before = memory?.seen?.[String(year)];
		const now: Record<string, string> = {};
		// An answer may list a thing twice: it is decided (and emitted) once.
		const handled = new Set<string>();
		for (const thing of things) {
			const id = settings.id(thing);
			if (handled.has(id)) continue;
			handled.add(id);
			const status = settings.status(thing);
			const watched = settings.watched.includes(status);
			if (before === undefined) {
				if (!watched) continue;
				now[id] = encodeRemembered(status, [status]);
				const mode = fresh ? 'activation' : 'late';
				if (baselineEmits(mode, state, settings, emitSince, company, thing, year))
					emits.push({ company, thing, repeat: false });
				continue;
			}
			const remembered = decodeRemembered(before[id], settings.watched);
			if (watched) {
				if (remembered?.current !== status)
					emits.push({ company, thing, repeat: remembered?.was.includes(status) ?? false });
				now[id] = encodeRemembered(status, [...(remembered?.was ?? []), status]);
			} else if (remembered !== undefined) {
				now[id] = encodeRemembered(status, remembered.was);
			}
		}
		seen[String(year)] = now;
	}
	return { seen, emits };
}
