/**
 * The "yyyy-pp-type" period strings of Company_GetCurrentPeriod and Employee_GetCurrent.
 * Sources spell the type differently (`M`, `4W`, `W4`, `W1`...), so parsing is lenient.
 */
export type PeriodType = 'month' | '4weeks' | 'week';

export interface ParsedPeriod {
	year: number;
	period: number;
	periodType: PeriodType;
	/** 12 for months, 13 for 4-week periods, 52 or 53 (ISO weeks of that year) for weeks. */
	periodsPerYear: number;
}

const TYPE_SPELLINGS: Record<string, PeriodType> = {
	M: 'month',
	MONTH: 'month',
	W4: '4weeks',
	'4W': '4weeks',
	WEEK4: '4weeks',
	W1: 'week',
	'1W': 'week',
	W: 'week',
	WEEK: 'week',
	WEEK1: 'week',
};

/** Gregorian leap year. */
export function isLeapYear(year: number): boolean {
	return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** ISO years have 53 weeks when they start on a Thursday, or on a Wednesday in a leap year. */
export function isoWeeksInYear(year: number): number {
	const jan1 = new Date(Date.UTC(year, 0, 1)).getUTCDay(); // 0 = Sunday
	return jan1 === 4 || (isLeapYear(year) && jan1 === 3) ? 53 : 52;
}

export function periodsPerYear(periodType: PeriodType, year: number): number {
	if (periodType === 'month') return 12;
	if (periodType === '4weeks') return 13;
	return isoWeeksInYear(year);
}

/** Parses e.g. `2010-5-M`, `2010-4-4W`, `2024-13-W4`, `2024-1-W1`; throws a clear error otherwise. */
export function parsePeriod(text: string): ParsedPeriod {
	const match = /^\s*(\d{4})\s*-\s*(\d{1,2})\s*-\s*([A-Z0-9]+)\s*$/i.exec(text ?? '');
	const periodType = match ? TYPE_SPELLINGS[match[3].toUpperCase()] : undefined;
	if (!match || !periodType) {
		throw new Error(
			`Cannot read the Nmbrs period "${text}": expected "year-period-type" such as "2024-5-M" (month), ` +
				'"2024-4-W4" (4 weeks) or "2024-13-W1" (week)',
		);
	}
	const year = Number(match[1]);
	const period = Number(match[2]);
	const perYear = periodsPerYear(periodType, year);
	if (period < 1 || period > perYear) {
		throw new Error(
			`The Nmbrs period "${text}" has period ${period}, but a ${periodType} company has periods 1 to ${perYear}`,
		);
	}
	return { year, period, periodType, periodsPerYear: perYear };
}

const DAY_MS = 86_400_000;

const dateOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Days since 1970-01-01 of the Monday of ISO week 1 (the week with 4 January in it). */
export function isoWeekOneMonday(year: number): number {
	const jan4 = Date.UTC(year, 0, 4) / DAY_MS;
	const weekday = (new Date(jan4 * DAY_MS).getUTCDay() + 6) % 7; // Monday = 0
	return jan4 - weekday;
}

/**
 * The first and last day ('YYYY-MM-DD') of a payroll period: a calendar month; four ISO weeks (a
 * 4-weekly year follows the ISO week year, and its period 13 also takes week 53 when there is
 * one); an ISO week.
 */
export function periodDates(
	periodType: PeriodType,
	year: number,
	period: number,
): { start: string; end: string } {
	if (periodType === 'month') {
		const first = Date.UTC(year, period - 1, 1) / DAY_MS;
		const last = Date.UTC(year, period, 1) / DAY_MS - 1;
		return { start: dateOfDay(first), end: dateOfDay(last) };
	}
	if (periodType === 'week') {
		const first = isoWeekOneMonday(year) + (period - 1) * 7;
		return { start: dateOfDay(first), end: dateOfDay(first + 6) };
	}
	const first = isoWeekOneMonday(year) + (period - 1) * 28;
	const last = period === 13 ? isoWeekOneMonday(year + 1) - 1 : first + 27;
	return { start: dateOfDay(first), end: dateOfDay(last) };
}
