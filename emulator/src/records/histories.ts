/**
 * The employee's typed histories as kinds of record for the name-driven mechanism: schedules,
 * addresses, salaries, contracts, absences and leave. Each kind says where its records live (the
 * same lists payslips, documents and the leave balance read, so a write shows everywhere), how a
 * record holds over time, how it looks on the wire and how a request makes one; the verbs in
 * historyVerbs.ts do the rest by operation name.
 */
import type { WireValue } from '../../../nodes/Nmbrs/wire';
import {
	dayNumber,
	localDateTime,
	periodOf,
	periodRange,
	previousPeriod,
	type PeriodRef,
} from '../world/calendar';
import { employmentIn } from '../world/history';
import type {
	AbsenceRecord,
	AddressData,
	AssignmentVersion,
	EmploymentRecord,
	AddressType,
	AddressVersion,
	Company,
	ContractRecord,
	Employee,
	SalaryVersion,
	ScheduleVersion,
	VersionStart,
} from '../world/model';
import type { World } from '../world/world';
import { NmbrsFault, requireUnprotected } from '../operations/faults';
import type { Params } from '../operations/params';
import {
	absenceRecord,
	contractRecord,
	salaryRecord,
	scheduleV2Record,
	type Row,
} from '../operations/records';
import {
	ABSENCE_CAUSES,
	causeOf,
	hrOf,
	leaveOf,
	LEAVE_STATUSES,
	LEAVE_TYPES,
	LEAVE_USAGE_TYPES,
	type LeaveRecord,
	type LeaveType,
} from './hr';
import { MAX_LEAVE_DAYS, scheduledHoursBetween, workCalendar } from './leave';
import { boolParam, intParam, param } from './requests';

/** What a request that writes a record is about. */
export interface WriteContext {
	world: World;
	company: Company;
	employee: Employee;
	/** The period the write is for (named, of its Start date, or the current one). */
	at: PeriodRef;
	params: Params;
}

export interface History<T extends { id: number }> {
	/** The operation prefixes that reach it (`Absence`, `Absence2`). */
	prefixes: string[];
	/** What one record is called in a fault, and the fault for an unknown id (2046 unless said). */
	what: string;
	notFound?: number;
	/** The employee's records of the kind, as the world keeps them (the list itself). */
	list(world: World, employee: Employee): T[];
	/**
	 * 'versions': each holds from its start period until the next of its group starts;
	 * otherwise each holds between the dates these give (end null: open).
	 */
	holds: 'versions' | { from(record: T): string; to(record: T): string | null };
	/** Versions of one group replace each other (an address per type); one group if none. */
	group?(record: T): string;
	/** X_GetList of a period: every version started by then ('history'), or those that hold then. */
	listOfPeriod?: 'history' | 'holding';
	order?(a: T, b: T): number;
	/** Which records a list call asks for (its Year, Type...): all when not given. */
	filter?(record: T, params: Params): boolean;
	/** The record with every field any of its wire types has; each answer keeps its type's fields. */
	row(record: T, ctx: { world: World; employee: Employee; company: Company; list: T[] }): Row;
	/** Fields some wire types carry as a code where others carry the enum's text. */
	codes?: Record<string, Record<string, number>>;
	/** An update of a record with no Id (0) adds one (Partner_Update), instead of Not found. */
	addOnUpdate?: boolean;
	/** Ends a record on a day (X_Stop with End). */
	stop?(record: T, end: string, params: Params): void;
	/** A new record from a request's record (2030 when it cannot be one). */
	fromRequest(ctx: WriteContext, input: Record<string, WireValue>, id: number): T;
}

const invalid = (what: string) => new NmbrsFault(2030, `Invalid set of values: ${what}`);

/** Declares a kind; the mechanism handles every kind alike, through its records' ids. */
function kind<T extends { id: number }>(history: History<T>): History<{ id: number }> {
	return history as unknown as History<{ id: number }>;
}

function started(ctx: WriteContext): VersionStart {
	return {
		id: 0,
		startYear: ctx.at.year,
		startPeriod: ctx.at.period,
		creationDate: ctx.world.clock.now(),
	};
}

function periodStart(company: Company, at: PeriodRef): string {
	return periodRange(company.periodType, at.year, at.period).start;
}

/** A dateTime value as 'YYYY-MM-DDTHH:mm:ss'; null when missing or .NET's default (0001-01-01). */
function dateTimeValue(value: WireValue | undefined): string | null {
	if (typeof value !== 'string' || value.startsWith('0001-')) return null;
	return localDateTime(value.slice(0, 19)) ?? null;
}

export function requiredDate(value: WireValue | undefined, name: string): string {
	const dateTime = dateTimeValue(value);
	if (dateTime === null) throw invalid(`${name} is missing or not a date`);
	return dateTime.slice(0, 10);
}

function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
	return typeof value === 'string' && (values as readonly string[]).includes(value);
}

// ---------------------------------------------------------------- schedules

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const schedules = kind<ScheduleVersion>({
	prefixes: ['Schedule'],
	what: 'schedule',
	list: (_world, employee) => employee.schedules,
	holds: 'versions',
	listOfPeriod: 'history',
	row: (version) => scheduleV2Record(version),
	fromRequest(ctx, input, id) {
		const hours = [
			...DAYS.map((day) => Number(input[`Hours${day}`] ?? 0)),
			...DAYS.map((day) => Number(input[`Hours${day}2`] ?? 0)),
		];
		if (hours.some((h) => !Number.isFinite(h) || h < 0 || h > 24))
			throw invalid('hours per day must be 0 to 24');
		return {
			...started(ctx),
			id,
			startDate: periodStart(ctx.company, ctx.at),
			hours,
			parttimePercentage: Number(input.ParttimePercentage ?? 0),
		};
	},
});

// ---------------------------------------------------------------- addresses

function textOf(input: Record<string, WireValue>, name: string): string | null {
	const value = input[name];
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** An address from a request (an employee's or a company's): street, number, postal code and city are required (2030). */
export function addressOf(input: Record<string, WireValue>): AddressData {
	const street = textOf(input, 'Street');
	const houseNumber = textOf(input, 'HouseNumber');
	const postalCode = textOf(input, 'PostalCode');
	const city = textOf(input, 'City');
	if (!street || !houseNumber || !postalCode || !city)
		throw invalid('an address needs Street, HouseNumber, PostalCode and City');
	return {
		street,
		houseNumber,
		houseNumberAddition: textOf(input, 'HouseNumberAddition'),
		postalCode,
		city,
		countryIsoCode: textOf(input, 'CountryISOCode') ?? 'NL',
	};
}

const addresses = kind<AddressVersion>({
	prefixes: ['Address'],
	what: 'address',
	list: (_world, employee) => employee.addresses,
	holds: 'versions',
	group: (version) => version.type,
	listOfPeriod: 'holding',
	row(version, { company, list }) {
		// A version ends the period before the next one of its type starts.
		const next = list
			.filter(
				(v) =>
					v.type === version.type &&
					(v.startYear > version.startYear ||
						(v.startYear === version.startYear && v.startPeriod > version.startPeriod)),
			)
			.sort((a, b) => a.startYear - b.startYear || a.startPeriod - b.startPeriod)[0];
		const end = next
			? previousPeriod(company.periodType, { year: next.startYear, period: next.startPeriod })
			: null;
		return {
			Id: version.id,
			Default: version.type === 'HomeAddress',
			StartPeriod: version.startPeriod,
			StartYear: version.startYear,
			EndPeriod: end?.period ?? null,
			EndYear: end?.year ?? null,
			Street: version.address.street,
			HouseNumber: version.address.houseNumber,
			HouseNumberAddition: version.address.houseNumberAddition,
			PostalCode: version.address.postalCode,
			City: version.address.city,
			StateProvince: null,
			CreationDate: version.creationDate,
			CountryISOCode: version.address.countryIsoCode,
			Type: version.type,
		};
	},
	fromRequest: (ctx, input, id) => ({
		...started(ctx),
		id,
		address: addressOf(input),
		type: (textOf(input, 'Type') as AddressType | null) ?? 'HomeAddress',
	}),
});

// ---------------------------------------------------------------- salaries

const SALARY_TYPES = ['Bruto_Salaris_Fulltime', 'Bruto_Uurloon'] as const;

const salaries = kind<SalaryVersion>({
	prefixes: ['Salary'],
	what: 'salary',
	list: (_world, employee) => employee.salaries,
	holds: 'versions',
	listOfPeriod: 'history',
	row: (version) => salaryRecord(version),
	// Salary_V2 (the batch call) carries the type as a code.
	codes: { Type: { Bruto_Salaris_Fulltime: 1, Bruto_Uurloon: 3 } },
	// A salary table (scale and step) is not kept: the value is what payslips pay.
	fromRequest(ctx, input, id) {
		const value = input.Value;
		if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
			throw invalid('Value must be an amount of 0 or more');
		const type = input.Type ?? 'Bruto_Salaris_Fulltime';
		if (!isOneOf(SALARY_TYPES, type))
			throw invalid(`the emulator pays salaries of type ${SALARY_TYPES.join(' or ')}`);
		return {
			...started(ctx),
			id,
			startDate: periodStart(ctx.company, ctx.at),
			type,
			valueCents: Math.round(value * 100),
		};
	},
});

// ---------------------------------------------------------------- contracts

function dateOf(input: Record<string, WireValue>, name: string): string | null {
	const value = input[name];
	return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) && !value.startsWith('0001-')
		? value.slice(0, 10)
		: null;
}

const contracts = kind<ContractRecord>({
	prefixes: ['Contract'],
	what: 'contract',
	list: (_world, employee) => employee.contracts,
	holds: { from: (c) => c.startDate, to: (c) => c.endDate },
	row: (contract) => contractRecord(contract),
	// A start date is required, an end not before it (2030); the start's period must be open (2011).
	fromRequest({ world, company, params }, input, id) {
		const startDate = dateOf(input, 'StartDate');
		if (startDate === null) throw invalid('a contract needs a StartDate');
		const endDate = dateOf(input, 'EndDate');
		if (endDate !== null && endDate < startDate)
			throw invalid('the contract ends before it starts');
		const { year, period } = periodOf(company.periodType, startDate);
		requireUnprotected(world, company, { year, period }, boolParam(params, 'UnprotectedMode'));
		return {
			id,
			creationDate: world.clock.now(),
			startDate,
			trialPeriod: dateOf(input, 'TrialPeriod'),
			endDate,
			employmentType: Number(input.EmployementType ?? 1),
			employmentSequenceTaxId: Number(input.EmploymentSequenceTaxId ?? 1),
			indefinite: input.Indefinite === true || endDate === null,
			writtenContract: true,
			hoursPerWeek: 0,
		};
	},
});

// ---------------------------------------------------------------- absences

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

const absences = kind<AbsenceRecord>({
	prefixes: ['Absence', 'Absence2'],
	what: 'absence',
	list: (_world, employee) => employee.absences,
	holds: { from: (a) => a.start, to: (a) => a.end },
	// A year asked for: the absences that run in any part of it.
	filter(absence, params) {
		if (param(params, 'Year') === undefined) return true;
		const year = intParam(params, 'Year');
		return (
			+absence.start.slice(0, 4) <= year &&
			(absence.end === null || +absence.end.slice(0, 4) >= year)
		);
	},
	row(absence, { world, employee }) {
		const cause = causeOf(world, absence);
		return {
			...absenceRecord(absence),
			EmployeeId: employee.id,
			AbsenceCause: cause && { CauseId: cause.causeId, Cause: cause.cause },
		};
	},
	/**
	 * NewDossier opens the next dossier number; otherwise the absence joins the dossier its
	 * Dossiernr names, else the latest one (a relapse counts with it).
	 */
	fromRequest({ world, employee, params }, input, id) {
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
		const dossierNumber = boolParam(params, 'NewDossier')
			? Math.max(0, ...numbers) + 1
			: given || (latest?.dossierNumber ?? 1);
		const cause = causeFromRequest(input.AbsenceCause);
		if (cause) hrOf(world).absenceCauses[id] = cause;
		return {
			id,
			comment: typeof input.Comment === 'string' ? input.Comment : null,
			percentage,
			start,
			end,
			dossier: typeof input.Dossier === 'string' && input.Dossier !== '' ? input.Dossier : 'Ziekte',
			dossierNumber,
		};
	},
});

// ---------------------------------------------------------------- leave

/** Leave types: .NET reads a missing enum as its first value, 'Undefined', which is no leave type. */
export function leaveType(value: WireValue | undefined): LeaveType {
	if (!isOneOf(LEAVE_TYPES, value ?? 'Undefined')) throw new NmbrsFault(2022, 'Invalid leave type');
	return value as LeaveType;
}

/**
 * A leave record from a request's Leave: a missing UsageType/Status is .NET's default (Withdrawal,
 * None). Leave taken with no Hours gets the hours its days are scheduled for (our choice), and a
 * first or last day with no hours what the schedule has on that day.
 */
function leaveFromRequest(
	employee: Employee,
	company: Company,
	input: Record<string, WireValue>,
): Omit<LeaveRecord, 'id'> {
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

const leave = kind<LeaveRecord>({
	prefixes: ['Leave'],
	what: 'leave',
	notFound: 2018,
	list: (world, employee) => leaveOf(world, employee.id, true),
	holds: { from: (l) => l.start.slice(0, 10), to: (l) => l.end.slice(0, 10) },
	order: (a, b) => a.start.localeCompare(b.start) || a.id - b.id,
	// Leave of the year asked for, of a type and usage (Soort) when given (nil: all).
	filter(l, params) {
		const type = param(params, 'Type');
		const usage = param(params, 'Soort');
		return (
			+l.start.slice(0, 4) === intParam(params, 'Year') &&
			(type === null || type === undefined || l.type === type) &&
			(usage === null || usage === undefined || l.usageType === usage)
		);
	},
	row: (l) => ({
		Id: l.id,
		Description: l.description,
		Hours: l.hours,
		UsageType: l.usageType,
		Start: l.start,
		End: l.end,
		StartHours: l.startHours,
		EndHours: l.endHours,
		Type: l.type,
		Status: l.status,
	}),
	fromRequest: ({ employee, company }, input, id) => ({
		id,
		...leaveFromRequest(employee, company, input),
	}),
});

// ---------------------------------------------------------------- departments and functions

/** An employee's department or function: versions naming one of the debtor's by its id. */
function assignments(prefix: 'Department' | 'Function') {
	const choices = (world: World, company: Company) => {
		const debtor = world.debtors.find((d) => d.id === company.debtorId);
		return (prefix === 'Department' ? debtor?.departments : debtor?.functions) ?? [];
	};
	return kind<AssignmentVersion>({
		prefixes: [prefix],
		what: prefix.toLowerCase(),
		list: (_world, employee) =>
			prefix === 'Department' ? employee.departments : employee.functions,
		holds: 'versions',
		row(version, { world, company }) {
			const chosen = choices(world, company).find((c) => c.id === version.refId);
			const record = {
				Id: version.refId,
				Code: chosen?.code ?? 0,
				Description: chosen?.description ?? null,
			};
			return {
				...record,
				RecordId: version.id,
				CreationDate: version.creationDate,
				StartPeriod: version.startPeriod,
				StartYear: version.startYear,
				// EmployeeFunction (the _V2 batch call) holds the function as a record.
				[`${prefix}:type:${prefix}`]: record,
			};
		},
		// The call names one of the debtor's by its id (DepartmentId, FunctionId): else 2030.
		fromRequest(ctx, input, id) {
			const refId = intParam(input as Params, `${prefix}Id`);
			if (!choices(ctx.world, ctx.company).some((c) => c.id === refId))
				throw invalid(`the debtor has no ${prefix.toLowerCase()} ${refId}`);
			return { ...started(ctx), id, refId };
		},
	});
}

// ---------------------------------------------------------------- service (employments)

/** Reasons a service ends (uitdienst), by id: our list. */
export const END_SERVICE_REASONS = [
	'Eigen verzoek werknemer',
	'Einde tijdelijk contract',
	'Ontslag tijdens proeftijd',
	'Bedrijfseconomische redenen',
	'Ontbinding met wederzijds goedvinden',
	'Pensioen',
	'Overlijden',
] as const;

const services = kind<EmploymentRecord>({
	prefixes: ['Service'],
	what: 'employment',
	list: (_world, employee) => employee.employments,
	holds: { from: (e) => e.startDate, to: (e) => e.endDate },
	order: (a, b) => a.startDate.localeCompare(b.startDate),
	row: (e) => ({
		Start: e.startDate,
		End: e.endDate,
		SeniorityDate: e.initialStartDate,
		EndServiceReason: e.endReason ?? null,
	}),
	// The end, and why (EndServiceReasonId, one of END_SERVICE_REASONS).
	stop(employment, end, params) {
		employment.endDate = end;
		const reason = END_SERVICE_REASONS[intParam(params, 'EndServiceReasonId') - 1];
		if (reason) employment.endReason = reason;
	},
	// A new employment from Start (seniority from Ancienniteitsdatum when given); no overlap (2030).
	fromRequest({ world, company, employee, params }, input, id) {
		const start = requiredDate(input.Start, 'Start');
		if (employee.employments.some((e) => e.endDate === null || e.endDate >= start))
			throw invalid(`the employee is in service on ${start}: end that employment first`);
		requireUnprotected(
			world,
			company,
			periodOf(company.periodType, start),
			boolParam(params, 'UnprotectedMode'),
		);
		const seniority = dateTimeValue(input.Ancienniteitsdatum)?.slice(0, 10) ?? start;
		return {
			id,
			creationDate: world.clock.now(),
			startDate: start,
			endDate: null,
			initialStartDate: seniority,
		};
	},
});

/** Every typed history the mechanism serves. */
export const HISTORIES: ReadonlyArray<History<{ id: number }>> = [
	schedules,
	addresses,
	salaries,
	contracts,
	absences,
	leave,
	assignments('Department'),
	assignments('Function'),
	services,
];
