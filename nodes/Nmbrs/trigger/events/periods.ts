/** Period dates the events need when Nmbrs gives a period number but no date. */
import { DateTime } from 'luxon';

/**
 * A day no earlier than the last day of period `period` of `year`, whatever the company's period
 * type: the end of that month (monthly), or 28 days per period from the start of the year plus a
 * week (4-weekly periods start on the Monday of ISO week 1, which may fall in late December).
 */
export function periodEndBound(year: number, period: number): string | undefined {
	if (!Number.isInteger(year) || !Number.isInteger(period) || period < 1) return undefined;
	const monthly = DateTime.fromObject({ year, month: Math.min(period, 12), day: 1 }).endOf('month');
	const fourWeekly = DateTime.fromObject({ year, month: 1, day: 1 }).plus({
		days: 28 * period + 6,
	});
	return (monthly > fourWeekly ? monthly : fourWeekly).toISODate() ?? undefined;
}
