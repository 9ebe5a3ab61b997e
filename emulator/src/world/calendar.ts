/**
 * Dates and payroll periods of the world. Dates are plain 'YYYY-MM-DD' strings and times
 * 'YYYY-MM-DDTHH:mm:ss' (Dutch local time, no zone); arithmetic goes through UTC day numbers so
 * the machine's time zone never shifts anything.
 *
 * Period types: 'Month' (12 periods, calendar months) and 'Week4' (13 periods of four ISO weeks;
 * period 13 also takes week 53 when the year has one). A 4-weekly year follows the ISO week year,
 * so its period 1 can start in late December.
 */
import {
	isLeapYear,
	isoWeekOneMonday,
	periodDates,
	periodsPerYear,
	type PeriodType as CataloguePeriodType,
} from '../../../nodes/Nmbrs/catalogue/periods';

export type PeriodType = 'Month' | 'Week4';

/** The catalogue's name for each period type (its periods per year, and how period strings spell it). */
const CATALOGUE_PERIOD_TYPE: Record<PeriodType, CataloguePeriodType> = {
	Month: 'month',
	Week4: '4weeks',
};

export interface PeriodRef {
	year: number;
	period: number;
}

export interface PeriodRange extends PeriodRef {
	/** First day, 'YYYY-MM-DD'. */
	start: string;
	/** Last day, 'YYYY-MM-DD'. */
	end: string;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a 'YYYY-MM-DD' (or the date part of a date-time). */
export function dayNumber(date: string): number {
	return Math.floor(
		Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY_MS,
	);
}

export function dateOfDay(day: number): string {
	return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
	return dateOfDay(dayNumber(date) + days);
}

/** 'YYYY-MM-DDTHH:mm:ss' plus hours (may cross days). */
export function addHours(dateTime: string, hours: number): string {
	const ms = Date.UTC(
		+dateTime.slice(0, 4),
		+dateTime.slice(5, 7) - 1,
		+dateTime.slice(8, 10),
		+dateTime.slice(11, 13),
		+dateTime.slice(14, 16),
		+dateTime.slice(17, 19),
	);
	return new Date(ms + hours * 3_600_000).toISOString().slice(0, 19);
}

export function dateTimeOf(date: string, time = '00:00:00'): string {
	return `${date}T${time}`;
}

export function dateOf(dateTime: string): string {
	return dateTime.slice(0, 10);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function lastDayOfMonth(year: number, month: number): number {
	return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
}

/**
 * A checked Dutch local date-time: 'YYYY-MM-DD' (at `timeOfDay`) or 'YYYY-MM-DDTHH:mm:ss';
 * undefined when the text is not one, or names a day or time that does not exist.
 */
export function localDateTime(text: string, timeOfDay = '00:00:00'): string | undefined {
	const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2}))?$/.exec(text);
	if (!match) return undefined;
	const [year, month, day] = [+match[1], +match[2], +match[3]];
	if (month < 1 || month > 12 || day < 1 || day > lastDayOfMonth(year, month)) return undefined;
	if (match[4] !== undefined && (+match[4] > 23 || +match[5] > 59 || +match[6] > 59))
		return undefined;
	return match[4] !== undefined ? text : `${text}T${timeOfDay}`;
}

/** Today's date in the Netherlands ('YYYY-MM-DD'), whatever the machine's time zone. */
export function dutchToday(at: Date = new Date()): string {
	const parts = new Intl.DateTimeFormat('en-GB', {
		timeZone: 'Europe/Amsterdam',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
	}).formatToParts(at);
	const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
	return `${part('year')}-${part('month')}-${part('day')}`;
}

export function periodsInYear(type: PeriodType): number {
	// Months and 4-week periods do not depend on the year (weeks would).
	return periodsPerYear(CATALOGUE_PERIOD_TYPE[type], 2000);
}

/** Whether a period number exists for the type (13 is only for 4-weekly companies). */
export function isValidPeriod(type: PeriodType, period: number): boolean {
	return Number.isInteger(period) && period >= 1 && period <= periodsInYear(type);
}

export function periodRange(type: PeriodType, year: number, period: number): PeriodRange {
	return { year, period, ...periodDates(CATALOGUE_PERIOD_TYPE[type], year, period) };
}

/** The period a date falls in. */
export function periodOf(type: PeriodType, date: string): PeriodRange {
	if (type === 'Month') return periodRange(type, +date.slice(0, 4), +date.slice(5, 7));
	const day = dayNumber(date);
	let year = +date.slice(0, 4) + 1;
	while (isoWeekOneMonday(year) > day) year--;
	const period = Math.min(13, Math.floor((day - isoWeekOneMonday(year)) / 28) + 1);
	return periodRange(type, year, period);
}

export function nextPeriod(type: PeriodType, ref: PeriodRef): PeriodRef {
	return ref.period < periodsInYear(type)
		? { year: ref.year, period: ref.period + 1 }
		: { year: ref.year + 1, period: 1 };
}

export function comparePeriods(a: PeriodRef, b: PeriodRef): number {
	return a.year !== b.year ? a.year - b.year : a.period - b.period;
}

/** Nmbrs' period string: 'yyyy-pp-type' with type M or W4, period not padded ('2026-11-M'). */
export function periodString(type: PeriodType, ref: PeriodRef): string {
	return `${ref.year}-${ref.period}-${type === 'Month' ? 'M' : 'W4'}`;
}

/** Every period from `from` up to and including `to`. */
export function periodsBetween(type: PeriodType, from: PeriodRef, to: PeriodRef): PeriodRef[] {
	const out: PeriodRef[] = [];
	for (let ref = from; comparePeriods(ref, to) <= 0; ref = nextPeriod(type, ref)) out.push(ref);
	return out;
}

export function previousPeriod(type: PeriodType, ref: PeriodRef): PeriodRef {
	return ref.period > 1
		? { year: ref.year, period: ref.period - 1 }
		: { year: ref.year - 1, period: periodsInYear(type) };
}
