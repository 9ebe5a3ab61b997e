/**
 * HR records: leave (verlof) and its balance, absence (ziekteverzuim) writes over the employee's
 * absences, and the company's pension exports. Writes change the world; the reads (here and
 * EmployeeService's Absence_GetList / Absence_GetAll_AllEmployeesByCompany) give them back.
 *
 * Faults: an unknown leave id is 2018, a leave type outside Type1..Type4 2022, a missing or
 * inconsistent value (an end before the start, a date outside the employment) 2030; an unknown
 * absence or pension export is 2046 Not found (our choice: REFERENCE names no code for them).
 */
import type { WireValue } from '../../../nodes/Nmbrs/wire';
import { addDays, dayNumber, localDateTime } from '../world/calendar';
import { employmentIn } from '../world/history';
import type { AbsenceRecord, Company, Employee } from '../world/model';
import { touch, type World } from '../world/world';
import {
	ABSENCE_CAUSES,
	causeOf,
	hrOf,
	latestPartOf,
	leaveOf,
	LEAVE_STATUSES,
	LEAVE_TYPES,
	LEAVE_USAGE_TYPES,
	type LeaveRecord,
	type LeaveType,
} from '../records/hr';
import {
	leaveBalance,
	MAX_LEAVE_DAYS,
	scheduledHoursBetween,
	workCalendar,
} from '../records/leave';
import {
	findPensionExport,
	pensionExportsOf,
	pensionExportXml,
	type PensionExport,
} from '../records/pensionExports';
import { NmbrsFault, requireCompany, requireEmployee } from './faults';
import { bool, handler, int, obj, str, type OperationHandler, type Params } from './params';
import { absenceRecord } from './records';

const invalid = (what: string) => new NmbrsFault(2030, `Invalid set of values: ${what}`);

/** A dateTime value as 'YYYY-MM-DDTHH:mm:ss'; null when missing or .NET's default (0001-01-01). */
function dateTimeValue(value: WireValue | undefined): string | null {
	if (typeof value !== 'string' || value.startsWith('0001-')) return null;
	return localDateTime(value.slice(0, 19)) ?? null;
}

function requiredDate(value: WireValue | undefined, name: string): string {
	const dateTime = dateTimeValue(value);
	if (dateTime === null) throw invalid(`${name} is missing or not a date`);
	return dateTime.slice(0, 10);
}

function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
	return typeof value === 'string' && (values as readonly string[]).includes(value);
}

/** Leave types: .NET reads a missing enum as its first value, 'Undefined', which is no leave type. */
function leaveType(value: WireValue | undefined): LeaveType {
	if (!isOneOf(LEAVE_TYPES, value ?? 'Undefined')) throw new NmbrsFault(2022, 'Invalid leave type');
	return value as LeaveType;
}

function thisYear(world: World): number {
	return +world.clock.now().slice(0, 4);
}

// ---------------------------------------------------------------- leave

function leaveFields(leave: LeaveRecord) {
	return {
		Description: leave.description,
		Hours: leave.hours,
		UsageType: leave.usageType,
		Start: leave.start,
		End: leave.end,
		StartHours: leave.startHours,
		EndHours: leave.endHours,
		Type: leave.type,
		Status: leave.status,
	};
}

/** The employee's leave of a year, of a type and usage when given (nil: all), by start. */
function leaveList(world: World, employee: Employee, params: Params): LeaveRecord[] {
	const year = int(params, 'Year');
	const type = str(params, 'Type');
	const usage = str(params, 'Soort');
	return leaveOf(world, employee.id)
		.filter(
			(l) =>
				+l.start.slice(0, 4) === year &&
				(type === null || l.type === type) &&
				(usage === null || l.usageType === usage),
		)
		.sort((a, b) => a.start.localeCompare(b.start) || a.id - b.id);
}

/**
 * A leave record from a request's Leave: a missing UsageType/Status is .NET's default (Withdrawal,
 * None). Leave taken with no Hours gets the hours its days are scheduled for (our choice), and a
 * first or last day with no hours what the schedule has on that day.
 */
function leaveFromRequest(
	employee: Employee,
	company: Company,
	input: Record<string, WireValue> | null,
): Omit<LeaveRecord, 'id'> {
	if (!input) throw invalid('Leave is missing');
	const type = leaveType(input.Type);
	const usageType = input.UsageType ?? 'Withdrawal';
	const status = input.Status ?? 'None';
	if (!isOneOf(LEAVE_USAGE_TYPES, usageType)) throw invalid(`UsageType ${String(usageType)}`);
	if (!isOneOf(LEAVE_STATUSES, status)) throw invalid(`Status ${String(status)}`);
	const start = dateTimeValue(input.Start);
	const end = dateTimeValue(input.End);
	if (start === null || end === null) throw invalid('Start and End are required');
	if (end < start) throw invalid('End lies before Start');
	const [from, to] = [start.slice(0, 10), end.slice(0, 10)];
	if (dayNumber(to) - dayNumber(from) >= MAX_LEAVE_DAYS)
		throw invalid(`a leave spans at most ${MAX_LEAVE_DAYS} days`);
	if (!employmentIn(employee, { start: from, end: from }))
		throw invalid(`the employee is not employed on ${from}`);
	const number = (name: string): number => {
		const value = input[name] ?? 0;
		if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
			throw invalid(`${name} must be a number of hours`);
		return value;
	};
	const taken = usageType === 'Withdrawal';
	const calendar = workCalendar(employee, company);
	const hours = number('Hours');
	const startHours = number('StartHours');
	const endHours = number('EndHours');
	return {
		type,
		usageType,
		status,
		description: typeof input.Description === 'string' ? input.Description : null,
		start,
		end,
		hours: hours === 0 && taken ? scheduledHoursBetween(calendar, from, to) : hours,
		startHours: startHours === 0 && taken ? calendar(dayNumber(from)) : startHours,
		endHours: endHours === 0 && taken ? calendar(dayNumber(to)) : endHours,
	};
}

function requireLeave(world: World, employee: Employee, id: number): LeaveRecord {
	const leave = leaveOf(world, employee.id).find((l) => l.id === id);
	if (!leave) throw new NmbrsFault(2018, `Invalid leave id ${id}`);
	return leave;
}

// ---------------------------------------------------------------- absence

function requireAbsence(employee: Employee, id: number): AbsenceRecord {
	const absence = employee.absences.find((a) => a.id === id);
	if (!absence)
		throw new NmbrsFault(2046, `Not found: employee ${employee.id} has no absence ${id}`);
	return absence;
}

/**
 * Absence_Insert / Absence2_Insert. NewDossier opens the next dossier number; otherwise the
 * absence joins the dossier its Dossiernr names, else the latest one (a relapse counts with it).
 */
function insertAbsence(world: World, employee: Employee, params: Params, withCause: boolean) {
	const input = obj(params, 'Absence');
	if (!input) throw invalid('Absence is missing');
	const start = requiredDate(input.Start, 'Start');
	const endValue = dateTimeValue(input.End);
	const end = endValue === null ? null : endValue.slice(0, 10);
	if (end !== null && end < start) throw invalid('End lies before Start');
	const percentage = input.Percentage;
	if (typeof percentage !== 'number' || percentage <= 0 || percentage > 100)
		throw invalid('Percentage must be 1 to 100');
	if (!employmentIn(employee, { start, end: start }))
		throw invalid(`the employee is not employed on ${start}`);
	const numbers = employee.absences.map((a) => a.dossierNumber);
	const latest = [...employee.absences].sort((a, b) => a.start.localeCompare(b.start)).pop();
	const given = typeof input.Dossiernr === 'number' && input.Dossiernr > 0 ? input.Dossiernr : 0;
	const dossierNumber = bool(params, 'NewDossier')
		? Math.max(0, ...numbers) + 1
		: given || (latest?.dossierNumber ?? 1);
	const cause = withCause ? causeFromRequest(input.AbsenceCause) : null;
	const absence: AbsenceRecord = {
		id: world.nextIds.record++,
		comment: typeof input.Comment === 'string' ? input.Comment : null,
		percentage,
		start,
		end,
		dossier: typeof input.Dossier === 'string' && input.Dossier !== '' ? input.Dossier : 'Ziekte',
		dossierNumber,
	};
	employee.absences.push(absence);
	if (cause) hrOf(world).absenceCauses[absence.id] = cause;
	touch(world);
	return absence.id;
}

/** A cause from the emulator's list (by CauseId, or by its text); none given: null. */
function causeFromRequest(value: WireValue | undefined) {
	if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value))
		return null;
	const { CauseId: id, Cause: text } = value as Record<string, WireValue>;
	if ((id === 0 || id === undefined || id === null) && (text === null || text === undefined))
		return null;
	const known = ABSENCE_CAUSES.find((c) =>
		typeof id === 'number' && id > 0 ? c.causeId === id : c.cause === text,
	);
	if (!known) throw invalid(`unknown absence cause ${String(id ?? text)}`);
	return known;
}

// ---------------------------------------------------------------- pension exports

function pensionExportRecord(pension: PensionExport) {
	return {
		PensionExportID: pension.id,
		SerialNumber: pension.serialNumber,
		Period: pension.run.period,
		Year: pension.run.year,
		Status: pension.status,
		SentAt: pension.sentAt,
		// One export per run of the period itself: never a correction of an earlier period.
		CorrectionTijdvakStart: null,
		CorrectionTijdvakEnd: null,
	};
}

export const hrRecordHandlers: Array<[string, OperationHandler]> = [
	handler('EmployeeService.Leave_GetList', (world, { user, params }) => {
		const { employee } = requireEmployee(world, user, int(params, 'EmployeeId'));
		return leaveList(world, employee, params).map(leaveFields);
	}),
	handler('EmployeeService.Leave_GetList_V2', (world, { user, params }) => {
		const { employee } = requireEmployee(world, user, int(params, 'EmployeeId'));
		return leaveList(world, employee, params).map((l) => ({ ...leaveFields(l), Id: l.id }));
	}),
	handler('EmployeeService.Leave_Insert', (world, { user, params }) => {
		const { employee, company } = requireEmployee(world, user, int(params, 'EmployeeId'));
		const leave = leaveFromRequest(employee, company, obj(params, 'Leave'));
		leaveOf(world, employee.id, true).push({ id: world.nextIds.record++, ...leave });
		touch(world);
		return undefined;
	}),
	handler('EmployeeService.Leave_Update', (world, { user, params }) => {
		const { employee, company } = requireEmployee(world, user, int(params, 'EmployeeId'));
		const input = obj(params, 'Leave');
		const leave = requireLeave(world, employee, typeof input?.Id === 'number' ? input.Id : 0);
		// The request replaces the record, as Nmbrs' updates do.
		Object.assign(leave, leaveFromRequest(employee, company, input));
		touch(world);
		return undefined;
	}),
	handler('EmployeeService.Leave_Delete', (world, { user, params }) => {
		const { employee } = requireEmployee(world, user, int(params, 'EmployeeId'));
		const leave = requireLeave(world, employee, int(params, 'LeaveId'));
		const list = leaveOf(world, employee.id, true);
		list.splice(list.indexOf(leave), 1);
		touch(world);
		// The answer's text is not known: the id of the leave deleted (our choice).
		return String(leave.id);
	}),
	handler('EmployeeService.LeaveBalance_Get', (world, { user, params }) => {
		const { employee, company } = requireEmployee(world, user, int(params, 'EmployeeId'));
		const balances = LEAVE_TYPES.map((type) =>
			leaveBalance(world, employee, company, thisYear(world), type),
		);
		const sum = (pick: (b: (typeof balances)[number]) => number) =>
			Math.round(balances.reduce((total, b) => total + pick(b), 0) * 100) / 100;
		return {
			DecMedewerkerVerlofStartSaldo: sum((b) => b.opening),
			DecMedewerkerVerlofCurrSaldo: sum((b) => b.current),
		};
	}),
	handler('EmployeeService.LeaveBalance_GetPerType', (world, { user, params }) => {
		const { employee, company } = requireEmployee(world, user, int(params, 'EmployeeId'));
		const type = leaveType(params.LeaveType);
		const balance = leaveBalance(world, employee, company, thisYear(world), type);
		return { OpeningBalance: balance.opening, CurrentBalance: balance.current };
	}),

	handler('EmployeeService.Absence_Insert', (world, { user, params }) =>
		insertAbsence(
			world,
			requireEmployee(world, user, int(params, 'EmployeeId')).employee,
			params,
			false,
		),
	),
	handler('EmployeeService.Absence2_Insert', (world, { user, params }) =>
		insertAbsence(
			world,
			requireEmployee(world, user, int(params, 'EmployeeId')).employee,
			params,
			true,
		),
	),
	handler('EmployeeService.Absence2_GetList', (world, { user, params }) =>
		requireEmployee(world, user, int(params, 'EmployeeId')).employee.absences.map((a) => {
			const cause = causeOf(world, a);
			return {
				...absenceRecord(a),
				AbsenceCause: cause && { CauseId: cause.causeId, Cause: cause.cause },
			};
		}),
	),
	handler('EmployeeService.Absence_RecoveryInsert', (world, { user, params }) => {
		const { employee } = requireEmployee(world, user, int(params, 'EmployeeId'));
		const absence = latestPartOf(
			world,
			employee,
			requireAbsence(employee, int(params, 'AbsenceID')),
		);
		const lastDay = requiredDate(params.Lastdayabsence, 'Lastdayabsence');
		if (lastDay < absence.start) throw invalid('the last day of absence lies before its start');
		absence.end = lastDay;
		const comment = str(params, 'Comment');
		if (comment) absence.comment = comment;
		touch(world);
		// The answer's text is not known: the id of the absence that ended (our choice).
		return String(absence.id);
	}),
	handler('EmployeeService.Absence_PartialRecoveryInsert', (world, { user, params }) => {
		const { employee } = requireEmployee(world, user, int(params, 'EmployeeId'));
		const absence = latestPartOf(
			world,
			employee,
			requireAbsence(employee, int(params, 'AbsenceID')),
		);
		const from = requiredDate(params.StartDate, 'StartDate');
		const percent = int(params, 'Percent');
		if (percent <= 0 || percent > 100) throw invalid('Percent must be 1 to 100');
		if (from < absence.start) throw invalid('StartDate lies before the start of the absence');
		if (absence.end !== null && from > absence.end)
			throw invalid('StartDate lies after the absence ended');
		const comment = str(params, 'Comment');
		touch(world);
		if (from === absence.start) {
			// From its first day: the absence itself changes.
			absence.percentage = percent;
			if (comment) absence.comment = comment;
			return absence.id;
		}
		// The absence ends the day before; the same dossier goes on at the new percentage.
		const rest: AbsenceRecord = {
			...absence,
			id: world.nextIds.record++,
			comment: comment || absence.comment,
			percentage: percent,
			start: from,
		};
		absence.end = addDays(from, -1);
		employee.absences.push(rest);
		const hr = hrOf(world);
		hr.absenceContinuations[absence.id] = rest.id;
		const cause = hr.absenceCauses[absence.id];
		if (cause) hr.absenceCauses[rest.id] = cause;
		return rest.id;
	}),

	handler('CompanyService.PensionExport_GetList', (world, { user, params }) => {
		const company = requireCompany(world, user, int(params, 'CompanyId'));
		return pensionExportsOf(world, company, int(params, 'intYear')).map(pensionExportRecord);
	}),
	handler('CompanyService.PensionExport_GetXML', (world, { user, params }) => {
		const company = requireCompany(world, user, int(params, 'CompanyId'));
		const id = int(params, 'PensionExportID');
		const pension = findPensionExport(world, company, id);
		if (!pension)
			throw new NmbrsFault(2046, `Not found: company ${company.id} has no pension export ${id}`);
		return pensionExportXml(world, company, pension);
	}),
];
