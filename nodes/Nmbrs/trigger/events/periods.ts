/** Period dates the events need when Nmbrs gives a period number but no date. */
import { DateTime } from '../../vendor/luxon';

/** The Monday of ISO week 1 of a year: where 4-weekly periods start. */
function isoWeekOneMonday(year: number): DateTime {
	return DateTime.fromObject({ weekYear: year, weekNumber: 1, weekday: 1 });
}

/**
 * The last day of period `period` of `year` ('YYYY-MM-DD'). `periodType` is the company's
 * LoonaangifteTijdvak ('Month', 'Week4'); when it is neither, a day no earlier than the end of
 * the period whatever the type (a later day only makes the trigger emit rather than miss).
 */
export function periodEnd(
	year: number,
	period: number,
	periodType?: string | null,
): string | undefined {
	if (!Number.isInteger(year) || !Number.isInteger(period) || period < 1) return undefined;
	const monthly = DateTime.fromObject({ year, month: Math.min(period, 12), day: 1 }).endOf('month');
	const fourWeekly = isoWeekOneMonday(year).plus({ days: 28 * period - 1 });
	if (periodType === 'Month') return monthly.toISODate() ?? undefined;
	if (periodType === 'Week4') return fourWeekly.toISODate() ?? undefined;
	return (monthly > fourWeekly ? monthly : fourWeekly).toISODate() ?? undefined;
}

/** The day a declaration or export was sent, or undefined (Nmbrs writes 0001-01-01 or nothing for none). */
export function sentDay(thing: { SentAt?: unknown }): string | undefined {
	const sent = typeof thing.SentAt === 'string' ? thing.SentAt.slice(0, 10) : '';
	return /^(?:19|2\d)\d\d-\d\d-\d\d$/.test(sent) ? sent : undefined;
}
