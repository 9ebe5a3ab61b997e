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
 * emits; later ("late": a company or year first seen now) what its own dates say may have changed
 * since activation.
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
	const latest = lastChanged(settings, thing, year, company.periodType);
	// No date at all: emitted, a duplicate rather than a loss.
	return sinceOption || latest === undefined || latest >= state.activatedOn;
}

function lastChanged(
	settings: EventSettings,
	thing: Thing,
	year: number,
	periodType: string | null,
): string | undefined {
	if (settings.lastChanged) return settings.lastChanged(thing, year, periodType);
	const end = settings.periodEnd(thing, year, periodType);
	const existing = settings.existingDate(thing, year);
	return end !== undefined && existing !== undefined && existing > end ? existing : end;
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
	const once = settings.once ?? [];
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
			// The watched statuses it shows or has passed (a sent declaration was locked).
			const reached = [...new Set([status, ...(settings.passed?.(thing) ?? [])])].filter((s) =>
				settings.watched.includes(s),
			);
			if (before === undefined) {
				if (reached.length === 0) continue;
				now[id] = encodeRemembered(status, reached);
				const mode = fresh ? 'activation' : 'late';
				if (baselineEmits(mode, state, settings, emitSince, company, thing, year))
					emits.push({ company, thing, repeat: false });
				continue;
			}
			const remembered = decodeRemembered(before[id], settings.watched);
			const was = remembered?.was ?? [];
			// A status emitted once: the first time it is reached. Another: each time it is reached.
			const firstOnce = reached.some((s) => once.includes(s) && !was.includes(s));
			const again =
				reached.includes(status) && !once.includes(status) && remembered?.current !== status;
			if (firstOnce || again) {
				emits.push({ company, thing, repeat: !firstOnce && was.includes(status) });
			}
			if (reached.length > 0 || remembered !== undefined) {
				now[id] = encodeRemembered(status, [...was, ...reached]);
			}
		}
		seen[String(year)] = now;
	}
	return { seen, emits };
}
