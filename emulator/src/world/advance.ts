/**
 * Moving the world clock. Time only goes forward, and the payroll world moves with it: each new
 * period gets its regular run and an open declaration, runs of ended periods are locked, and
 * declarations move open -> locked -> sent -> accepted as their thresholds pass.
 */
import {
	addHours,
	localDateTime,
	nextPeriod,
	periodOf,
	periodsBetween,
	periodRange,
} from './calendar';
import { pensionExportsOf, PENSION_EXPORT_STATUSES } from '../records/pensionExports';
import { progressDeclaration } from './declarations';
import { declarationMoved, happened, isHeard, runFinished } from './events';
import { openPeriod } from './generate';
import { findCompany, runsOfCompany, touch, type World } from './world';

export interface ClockAdvance {
	days?: number;
	hours?: number;
	/** An absolute moment: 'YYYY-MM-DD' (midnight) or 'YYYY-MM-DDTHH:mm:ss'. */
	to?: string;
}

/** The furthest the clock moves in one step. */
export const MAX_ADVANCE_DAYS = 1096;
/** The clock stays before this moment: payroll dates past it make no sense (and past 9999, no date). */
export const CLOCK_HORIZON = '2200-01-01T00:00:00';

export function advanceClock(world: World, by: ClockAdvance): string {
	const before = world.clock.now();
	let after: string;
	if (by.to !== undefined) {
		const to = localDateTime(by.to);
		if (to === undefined)
			throw new Error(
				`"to" must be YYYY-MM-DD or YYYY-MM-DDTHH:mm:ss (Dutch local time), got "${by.to}"`,
			);
		after = to;
	} else {
		const hours = (by.days ?? 0) * 24 + (by.hours ?? 0);
		if (!Number.isFinite(hours)) throw new Error('days and hours must be numbers');
		if (hours > MAX_ADVANCE_DAYS * 24)
			throw new Error(
				`The world clock moves at most ${MAX_ADVANCE_DAYS} days (three years) at a time (asked ${hours / 24} days); move it in steps`,
			);
		after = addHours(before, hours);
	}
	if (after < before)
		throw new Error(`The world clock only moves forward (now ${before}, asked ${after})`);
	// Every period in between is opened and run: a far jump would hold the emulator for minutes.
	if (after > addHours(before, MAX_ADVANCE_DAYS * 24))
		throw new Error(
			`The world clock moves at most ${MAX_ADVANCE_DAYS} days (three years) at a time (now ${before}, asked ${after}); move it in steps`,
		);
	if (after >= CLOCK_HORIZON)
		throw new Error(`The world clock stays before ${CLOCK_HORIZON.slice(0, 10)} (asked ${after})`);
	// Pension exports have no status of their own: what was sent is read before and after.
	const sentBefore = isHeard(world) && hasWebhooks(world) ? sentPensionExports(world) : undefined;
	world.clock.set(after);

	const today = after.slice(0, 10);
	for (const company of world.companies) {
		const was = periodOf(company.periodType, before.slice(0, 10));
		const is = periodOf(company.periodType, today);
		const first = nextPeriod(company.periodType, was);
		for (const ref of periodsBetween(company.periodType, first, is))
			openPeriod(world, company, ref);
	}
	for (const run of world.runs) {
		if (run.isLocked) continue;
		const company = findCompany(world, run.companyId);
		if (company && periodRange(company.periodType, run.year, run.period).end < today) {
			run.isLocked = true;
			runFinished(world, run);
		}
	}
	for (const declaration of world.declarations) {
		const was = declaration.status;
		progressDeclaration(declaration, declaration.tijdvakEnd, before, after);
		declarationMoved(world, declaration, was, declaration.status);
	}
	if (sentBefore) {
		for (const [id, pension] of sentPensionExports(world)) {
			if (sentBefore.has(id)) continue;
			happened(world, {
				event: 'Pension Export Sent',
				companyId: pension.companyId,
				subject: pension,
			});
		}
	}
	touch(world);
	return after;
}

function hasWebhooks(world: World): boolean {
	return Object.values(world.webhookSettings ?? {}).some((list) => list.length > 0);
}

/** Every pension export sent by now, by id. */
function sentPensionExports(
	world: World,
): Map<
	number,
	{ companyId: number; pensionExportId: number; runId: number; year: number; period: number }
> {
	const sent = new Map<
		number,
		{ companyId: number; pensionExportId: number; runId: number; year: number; period: number }
	>();
	for (const company of world.companies) {
		const years = new Set(
			runsOfCompany(world, company.id)
				.filter((r) => r.isLocked)
				.map((r) => r.year),
		);
		for (const year of years) {
			for (const e of pensionExportsOf(world, company, year)) {
				if (e.status !== PENSION_EXPORT_STATUSES.sent) continue;
				sent.set(e.id, {
					companyId: company.id,
					pensionExportId: e.id,
					runId: e.run.id,
					year: e.run.year,
					period: e.run.period,
				});
			}
		}
	}
	return sent;
}
