/**
 * Leave (verlof): what the schedule says a day is worth, the yearly entitlement, the balance, and
 * the leave a payroll world holds at the start. Leave years are calendar years.
 *
 * Assumed (Nmbrs publishes no rules for its API): Type1 is statutory leave, 4 x the weekly hours a
 * year (the legal minimum); Type2 extra-statutory leave, 1 x the weekly hours; Type3/Type4 have no
 * yearly entitlement. The entitlement is granted at the start of the year, pro rata for the months
 * employed and the schedule of each month. A record counts in the balance of the year it starts
 * in unless it is Pending or Rejected; booked leave counts before its day has come.
 */
import { dateOfDay, dayNumber, periodOf, periodRange } from '../world/calendar';
import { chronological, employmentIn, versionAt } from '../world/history';
import type { Company, Employee } from '../world/model';
import { createRandom, hashSeed } from '../world/random';
import { findCompany, type World } from '../world/world';
import { leaveOf, type LeaveRecord, type LeaveStatus, type LeaveType } from './hr';

const YEARLY_WEEKS: Record<LeaveType, number> = { Type1: 4, Type2: 1, Type3: 0, Type4: 0 };

/** The longest leave whose hours the emulator works out from the schedule (days). */
export const MAX_LEAVE_DAYS = 366;

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Days since 1970-01-01 -> the hours the employee is scheduled that day (0 outside employment). */
export type WorkCalendar = (day: number) => number;

/**
 * The employee's working days, worked out once (day numbers: no date parsing per day). The schedule
 * of a day is the version of its period, the latest entered among those starting together; week 1
 * and week 2 of the two-week rota alternate from Monday 1970-01-05 (our choice of phase).
 */
export function workCalendar(employee: Employee, company: Company): WorkCalendar {
	if (employee.kind !== 'payroll') return () => 0;
	const employed = employee.employments.map((e) => [
		dayNumber(e.startDate),
		e.endDate === null ? Infinity : dayNumber(e.endDate),
	]);
	const schedules = chronological(employee.schedules).map((v) => ({
		from: dayNumber(periodRange(company.periodType, v.startYear, v.startPeriod).start),
		hours: v.hours,
	}));
	const monday = dayNumber('1970-01-05');
	return (day) => {
		if (!employed.some(([from, to]) => from <= day && day <= to)) return 0;
		let hours: number[] | null = null;
		for (const schedule of schedules) {
			if (schedule.from > day) break;
			hours = schedule.hours;
		}
		if (hours === null) return 0;
		const days = day - monday;
		const weekday = ((days % 7) + 7) % 7;
		const week = ((Math.floor(days / 7) % 2) + 2) % 2;
		return hours[week * 7 + weekday] ?? 0;
	};
}

/** Scheduled hours from `start` to `end` (dates, both included). */
export function scheduledHoursBetween(calendar: WorkCalendar, start: string, end: string): number {
	let total = 0;
	for (let day = dayNumber(start); day <= dayNumber(end); day++) total += calendar(day);
	return round2(total);
}

/** The hours of a year's entitlement of one type. */
export function entitlement(
	employee: Employee,
	company: Company,
	year: number,
	type: LeaveType,
): number {
	const weeks = YEARLY_WEEKS[type];
	if (weeks === 0 || employee.kind !== 'payroll') return 0;
	let total = 0;
	for (let month = 1; month <= 12; month++) {
		const range = periodRange('Month', year, month);
		let employed = 0;
		let firstDay: string | null = null;
		for (const e of employee.employments) {
			const from = e.startDate > range.start ? e.startDate : range.start;
			const to = e.endDate !== null && e.endDate < range.end ? e.endDate : range.end;
			if (from > to) continue;
			employed += dayNumber(to) - dayNumber(from) + 1;
			if (firstDay === null || from < firstDay) firstDay = from;
		}
		if (firstDay === null) continue;
		const schedule = versionAt(employee.schedules, periodOf(company.periodType, firstDay));
		if (!schedule) continue;
		const weekly = schedule.hours.reduce((a, b) => a + b, 0) / 2;
		const days = dayNumber(range.end) - dayNumber(range.start) + 1;
		total += ((weeks * weekly) / 12) * (employed / days);
	}
	return round2(total);
}

const COUNTED: ReadonlySet<LeaveStatus> = new Set(['None', 'Approved']);

/** Opening balance (the year's entitlement) and current balance (after the year's records). */
export function leaveBalance(
	world: World,
	employee: Employee,
	company: Company,
	year: number,
	type: LeaveType,
): { opening: number; current: number } {
	const opening = entitlement(employee, company, year, type);
	let current = opening;
	for (const leave of leaveOf(world, employee.id)) {
		if (leave.type !== type || +leave.start.slice(0, 4) !== year || !COUNTED.has(leave.status))
			continue;
		current += leave.usageType === 'Store' ? leave.hours : -leave.hours;
	}
	return { opening, current: round2(current) };
}

/**
 * The leave a payroll world holds at the start, for everyone employed this year: hours carried
 * over from last year for many (what is left of it lapses on 1 July, as statutory leave does),
 * days off taken this year for most (a few requests rejected), and a request or booking ahead for
 * some.
 */
export function seedLeave(world: World): void {
	const today = world.clock.now().slice(0, 10);
	const year = +today.slice(0, 4);
	const yearStart = `${year}-01-01`;
	const lapse = `${year}-07-01`;
	const todayDay = dayNumber(today);
	for (const employee of world.employees) {
		if (employee.kind !== 'payroll' || employee.schedules.length === 0) continue;
		const company = findCompany(world, employee.companyId);
		const employment = employmentIn(employee, { start: yearStart, end: today });
		if (!company || !employment) continue;
		const random = createRandom(hashSeed(world.seed, 'leave', employee.id));
		const calendar = workCalendar(employee, company);
		const records: LeaveRecord[] = [];
		const add = (
			fields: Pick<LeaveRecord, 'type' | 'usageType' | 'status' | 'description' | 'hours'>,
			from: number,
			to: number,
		) => {
			const withdrawal = fields.usageType === 'Withdrawal';
			records.push({
				id: world.nextIds.record++,
				...fields,
				start: `${dateOfDay(from)}T00:00:00`,
				end: `${dateOfDay(to)}T00:00:00`,
				startHours: withdrawal ? calendar(from) : 0,
				endHours: withdrawal ? calendar(to) : 0,
			});
		};
		/** Days off from `from` for `days` calendar days (not past `limit`), trimmed to working days. */
		const takeOff = (from: number, days: number, limit: number, status: LeaveStatus) => {
			let to = Math.min(from + days - 1, limit);
			while (from < to && calendar(from) === 0) from++;
			while (to > from && calendar(to) === 0) to--;
			let hours = 0;
			for (let day = from; day <= to; day++) hours += calendar(day);
			if (hours === 0) return to;
			const type: LeaveType = random.chance(0.15) ? 'Type2' : 'Type1';
			const description = from === to ? 'Snipperdag' : 'Vakantie';
			add({ type, usageType: 'Withdrawal', status, description, hours: round2(hours) }, from, to);
			return to;
		};
		let weekly = 0;
		for (let day = todayDay - 14; day < todayDay; day++) weekly += calendar(day) / 2;

		// Carried over from last year, for those employed on 1 January.
		const startDay = dayNumber(employment.startDate);
		const carried =
			employment.startDate <= yearStart && random.chance(0.6)
				? Math.round(random.next() * weekly * 3) / 2
				: 0;
		if (carried > 0) {
			const description = `Restant verlof ${year - 1}`;
			const day = dayNumber(yearStart);
			add(
				{ type: 'Type1', usageType: 'Store', status: 'None', description, hours: carried },
				day,
				day,
			);
		}

		// Days off taken so far this year.
		const until = Math.min(
			todayDay - 1,
			employment.endDate === null ? Infinity : dayNumber(employment.endDate),
		);
		if (random.chance(0.85)) {
			let cursor = Math.max(startDay, dayNumber(yearStart)) + random.int(5, 40);
			for (let n = 0; n < 4 && cursor <= until; n++) {
				const status = random.chance(0.06) ? 'Rejected' : 'Approved';
				cursor = takeOff(cursor, random.int(1, 7), until, status) + random.int(20, 90);
			}
		}

		// What is left of the carried-over hours on 1 July lapses (taken first, before this year's).
		if (carried > 0 && lapse < today) {
			const lapseDay = dayNumber(lapse);
			const taken = records
				.filter(
					(r) =>
						r.usageType === 'Withdrawal' &&
						r.type === 'Type1' &&
						r.status === 'Approved' &&
						r.start < lapse,
				)
				.reduce((sum, r) => sum + r.hours, 0);
			const left = round2(carried - taken);
			if (left > 0) {
				const description = `Vervallen verlof ${year - 1}`;
				add(
					{ type: 'Type1', usageType: 'Expired', status: 'None', description, hours: left },
					lapseDay,
					lapseDay,
				);
			}
		}

		// A request (or a booking already approved) ahead.
		const ahead = todayDay + random.int(7, 60);
		const endDay = employment.endDate === null ? Infinity : dayNumber(employment.endDate);
		if (random.chance(0.4) && endDay >= ahead + 10)
			takeOff(ahead, random.int(1, 10), ahead + 10, random.chance(0.5) ? 'Pending' : 'Approved');

		if (records.length > 0) leaveOf(world, employee.id, true).push(...records);
	}
}
