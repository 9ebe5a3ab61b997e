/**
 * The verbs over the employee's typed histories (histories.ts), chosen by operation name as the
 * period-record verbs are: `X_Get`/`X_GetCurrent`/`X_GetCurrentPeriod` (what holds in a period),
 * `X_GetList` (of a period: by the kind's rule; without one: all), `X_GetAll`,
 * `X_GetAll_AllEmployeesByCompany`, `X_Insert`/`X_InsertCurrent`, `X_Update`/`X_UpdateCurrent`
 * (a record named by its Id is corrected; otherwise a new version starts in the period) and
 * `X_Delete`. The answer takes the shape of the operation's result type: one record, a list, or
 * an employee's item with its list, each record with the fields its type has.
 */
import { resolveAnyOperation, type Field, type Operation } from '../../../nodes/Nmbrs/catalogue';
import { fieldsOfType, type WireValue } from '../../../nodes/Nmbrs/wire';
import { comparePeriods, periodOf, periodRange, type PeriodRef } from '../world/calendar';
import { chronological, versionAt } from '../world/history';
import type { Company, Employee, EmulatorUser, VersionStart } from '../world/model';
import { employeesOfCompany, touch, type World } from '../world/world';
import {
	NmbrsFault,
	requireCompany,
	requireEmployee,
	requireUnprotected,
} from '../operations/faults';
import type { Params } from '../operations/params';
import type { Loose } from '../operations/shape';
import { requiredDate, type History } from './histories';
import {
	boolParam,
	currentPeriod,
	intParam,
	listParam,
	param,
	periodParam,
	recordParam,
	takes,
	writePeriod,
} from './requests';

type Kind = History<{ id: number }>;
type Record_ = { id: number };
type Row = { [field: string]: Loose };

const VERBS = [
	'Get',
	'GetList',
	'GetAll',
	'GetAll_AllEmployeesByCompany',
	'Insert',
	'InsertBatch',
	'Update',
	'Stop',
	'Delete',
] as const;
type Verb = (typeof VERBS)[number];

/**
 * `InsertCurrentPeriod_v2` is Insert, `GetListCurrent` GetList, `GetCurrentPeriod` Get,
 * `StopCurrent` Stop; `GetAll_EmployeesByCompany` and `GetAll_Employeesbycompany` are the
 * company's list.
 */
export function historyVerbOf(rest: string): Verb | undefined {
	if (/^GetAll_(?:All)?EmployeesByCompany(?:_v2)?$/i.test(rest))
		return 'GetAll_AllEmployeesByCompany';
	// `Service_Insert2` is Insert too.
	const base = rest
		.replace(/(?<=Insert)2$/, '')
		.replace(/_v2$/i, '')
		.replace(/Current/g, '')
		.replace(/Period/g, '');
	return (VERBS as readonly string[]).includes(base) ? (base as Verb) : undefined;
}

// ---------------------------------------------------------------- which records

const asVersions = (records: Record_[]) => records as unknown as VersionStart[];

function ordered(kind: Kind, records: Record_[]): Record_[] {
	if (kind.holds === 'versions') return chronological(asVersions(records));
	return kind.order ? [...records].sort(kind.order) : records;
}

/** What holds in the period: per group the version valid then, or what runs in any of its days. */
function holding(kind: Kind, company: Company, list: Record_[], at: PeriodRef): Record_[] {
	const holds = kind.holds;
	if (holds === 'versions') {
		const group = kind.group ?? (() => '');
		const groups = [...new Set(list.map(group))];
		return groups.flatMap(
			(g) => versionAt(asVersions(list.filter((r) => group(r) === g)), at) ?? [],
		);
	}
	const range = periodRange(company.periodType, at.year, at.period);
	return list.filter((r) => {
		const to = holds.to(r);
		return holds.from(r) <= range.end && (to === null || to >= range.start);
	});
}

/** What holds on a day: the version valid in its period, or what runs on it. */
function holdingOn(kind: Kind, company: Company, list: Record_[], day: string): Record_[] {
	if (kind.holds === 'versions')
		return holding(kind, company, list, periodOf(company.periodType, day));
	const holds = kind.holds;
	return list.filter((r) => {
		const to = holds.to(r);
		return holds.from(r) <= day && (to === null || to >= day);
	});
}

/** Every version started by the period. */
function upTo(list: Record_[], at: PeriodRef): Record_[] {
	return asVersions(list).filter(
		(v) => comparePeriods({ year: v.startYear, period: v.startPeriod }, at) <= 0,
	);
}

// ---------------------------------------------------------------- the answer's shape

/**
 * The record fields of the result type; when it is an employee's item (`EmployeeId` and the
 * employee's records, a list or one), the field that holds them and their fields.
 */
function shapeOf(op: Operation): { list: boolean; fields: Field[]; inner?: Field; id?: string } {
	const where = resolveAnyOperation(op.service, op.name);
	const result = op.result;
	if (!where || !result?.type.startsWith('type:')) return { list: false, fields: [] };
	const fieldsOf = (type: string) => fieldsOfType(type.slice(5), where.catalogue);
	const fields = fieldsOf(result.type);
	const list = result.listItem !== undefined;
	const id = fields.find((f) => /^EmployeeId$/i.test(f.name))?.name;
	const inner =
		id && fields.length === 2 ? fields.find((f) => f.type.startsWith('type:')) : undefined;
	return inner ? { list, fields: fieldsOf(inner.type), inner, id } : { list, fields };
}

/** An employee's item: its id and its records (a list, or the first). */
function itemOf(shape: ReturnType<typeof shapeOf>, employee: Employee, answer: Row[]): Row {
	const inner = shape.inner as Field;
	return {
		[shape.id as string]: employee.id,
		[inner.name]: inner.listItem !== undefined ? answer : (answer[0] ?? null),
	};
}

function project(kind: Kind, row: Row, fields: Field[]): Row {
	const out: Row = {};
	for (const field of fields) {
		// A row may give a field per wire type: `Sector:type:Sector` where another type has an int.
		const typed = `${field.name}:${field.type}`;
		const name = typed in row ? typed : field.name;
		if (!(name in row)) continue;
		const value = row[name];
		const code = typeof value === 'string' ? kind.codes?.[field.name]?.[value] : undefined;
		out[field.name] = field.type.startsWith('enum:') || code === undefined ? value : code;
	}
	return out;
}

function rows(
	kind: Kind,
	world: World,
	employee: Employee,
	company: Company,
	records: Record_[],
	fields: Field[],
): Row[] {
	const list = kind.list(world, employee);
	return records.map((r) => project(kind, kind.row(r, { world, employee, company, list }), fields));
}

// ---------------------------------------------------------------- reads

function read(
	kind: Kind,
	verb: Verb,
	world: World,
	user: EmulatorUser,
	params: Params,
	op: Operation,
): Loose {
	const shape = shapeOf(op);
	if (verb === 'GetAll_AllEmployeesByCompany') {
		const company = requireCompany(world, user, intParam(params, 'CompanyId'));
		// Of a period when the call names one (LeaseCar_GetAll_EmployeesByCompany), else all.
		const at = takes(op, 'Period') ? periodParam(world, company, op, params) : null;
		const of = (employee: Employee) => {
			const list = kind.list(world, employee);
			const records = at ? holding(kind, company, list, at) : list;
			return rows(kind, world, employee, company, filtered(kind, records, params), shape.fields);
		};
		const employees = employeesOfCompany(world, company.id);
		if (!shape.inner) return employees.flatMap(of);
		return employees.map((employee) => itemOf(shape, employee, of(employee)));
	}
	const { employee, company } = requireEmployee(world, user, intParam(params, 'EmployeeId'));
	const list = kind.list(world, employee);
	let records: Record_[];
	const anyPeriod = verb === 'GetList' && !takes(op, 'Period') && !op.name.includes('Current');
	if (verb === 'GetAll' || anyPeriod) records = list;
	else {
		const at = periodParam(world, company, op, params);
		records =
			verb === 'GetList' && kind.listOfPeriod === 'history'
				? upTo(list, at)
				: holding(kind, company, list, at);
	}
	const answer = rows(
		kind,
		world,
		employee,
		company,
		filtered(kind, records, params),
		shape.fields,
	);
	if (shape.inner) return itemOf(shape, employee, answer);
	return shape.list ? answer : (answer[0] ?? null);
}

/** The records a call asks for, as the kind filters and orders them. */
function filtered(kind: Kind, records: Record_[], params: Params): Record_[] {
	return ordered(
		kind,
		records.filter((r) => !kind.filter || kind.filter(r, params)),
	);
}

// ---------------------------------------------------------------- writes

function notFound(kind: Kind, employee: Employee, id: number): NmbrsFault {
	if (kind.notFound === 2018) return new NmbrsFault(2018, `Invalid ${kind.what} id ${id}`);
	return new NmbrsFault(
		kind.notFound ?? 2046,
		`Not found: employee ${employee.id} has no ${kind.what} ${id}`,
	);
}

function removeWhere<T>(list: T[], matches: (item: T) => boolean): void {
	for (let i = list.length - 1; i >= 0; i--) if (matches(list[i])) list.splice(i, 1);
}

/** What a write answers: its record's id, true, or nothing, as the result type says. */
function written(op: Operation, id: number): Loose {
	if (op.result?.type === 'int') return id;
	if (op.result?.type === 'boolean') return true;
	if (op.result?.type === 'string') return String(id);
	return undefined;
}

/** The fields a correction leaves as they were: the record's identity and when it starts. */
const KEPT = ['id', 'startYear', 'startPeriod', 'startDate', 'creationDate'];

/** The record a write gives: its record parameter, else its parameters (Levensloop_Insert). */
function inputOf(op: Operation, params: Params): Record<string, WireValue> {
	const hasRecord = op.params.some((p) => p.type.startsWith('type:') && !p.listItem);
	const input = hasRecord ? recordParam(op, params) : params;
	if (!input) throw new NmbrsFault(2030, 'Invalid set of values: the record is missing');
	checkEnums(op, input);
	return input;
}

/** A value of an enum field must be one the catalogue lists (2030): it is read back as it is. */
export function checkEnums(op: Operation, input: Record<string, WireValue>): void {
	const where = resolveAnyOperation(op.service, op.name);
	const record = op.params.find((p) => p.type.startsWith('type:') && !p.listItem);
	if (!where || !record) return;
	for (const field of fieldsOfType(record.type.slice(5), where.catalogue)) {
		const value = input[field.name];
		if (!field.type.startsWith('enum:') || value === null || value === undefined) continue;
		if (!(where.catalogue.enums[field.type.slice(5)] ?? []).includes(String(value)))
			throw new NmbrsFault(2030, `Invalid set of values: ${field.name} ${String(value)}`);
	}
}

/** Whether the call names the period it writes for (else an update corrects a record by Id). */
const namesPeriod = (op: Operation) =>
	takes(op, 'Period', 'Start', 'StartDate') || op.name.includes('Current');

function write(
	kind: Kind,
	verb: Verb,
	world: World,
	user: EmulatorUser,
	params: Params,
	op: Operation,
): Loose {
	const { employee, company } = requireEmployee(world, user, intParam(params, 'EmployeeId'));
	const list = kind.list(world, employee);
	if (verb === 'Delete') {
		// By the id the call names; a call that names none removes the latest (Service_Delete).
		const idParam = op.params.find((p) => p.type === 'int' && !/^employeeid$/i.test(p.name));
		const id = idParam ? intParam(params, idParam.name) : (ordered(kind, list).at(-1)?.id ?? 0);
		if (!list.some((r) => r.id === id)) {
			if (op.result?.type === 'boolean') return false;
			throw notFound(kind, employee, id);
		}
		removeWhere(list, (r) => r.id === id);
		touch(world);
		return written(op, id);
	}
	if (verb === 'Stop') {
		// What runs on the End date ends then (LeaseCar_Stop, Service_StopCurrent).
		const end = requiredDate(param(params, 'End', 'EndDate'), 'End');
		if (!kind.stop) return undefined;
		// Nothing running then: nothing to stop (our choice).
		const running = holdingOn(kind, company, list, end);
		for (const record of running) kind.stop(record, end, params);
		if (running.length > 0) touch(world);
		return written(op, running[0]?.id ?? 0);
	}
	const ctx = (at: PeriodRef) => ({ world, company, employee, at, params });
	if (verb === 'InsertBatch') {
		const at = writePeriod(world, company, op, params);
		const records = listParam(op, params).map((item) =>
			kind.fromRequest(ctx(at), item, world.nextIds.record++),
		);
		list.push(...records);
		touch(world);
		// The answer's text is not known: the ids written (our choice).
		return records.map((r) => r.id).join(',');
	}
	const input = inputOf(op, params);
	if (verb === 'Update' && !namesPeriod(op)) {
		// A correction of the record its Id names, as it is: it keeps its id and start.
		const id = Number(input.Id ?? input.ID ?? 0);
		const existing = list.find((r) => r.id === id) as Record<string, unknown> | undefined;
		if (!existing && !(id === 0 && kind.addOnUpdate)) throw notFound(kind, employee, id);
		if (existing) {
			const at =
				'startYear' in existing
					? { year: Number(existing.startYear), period: Number(existing.startPeriod) }
					: currentPeriod(world, company);
			const fresh = kind.fromRequest(ctx(at), input, id);
			const kept = Object.fromEntries(
				KEPT.filter((k) => k in existing).map((k) => [k, existing[k]]),
			);
			Object.assign(existing, fresh, kept);
			touch(world);
			return written(op, id);
		}
	}
	const at = writePeriod(world, company, op, params);
	const record = kind.fromRequest(ctx(at), input, world.nextIds.record++);
	if (kind.holds === 'versions') {
		requireUnprotected(world, company, at, boolParam(params, 'UnprotectedMode'));
		if (verb === 'Update') {
			// The version starting in that period (of the record's group) is replaced.
			const group = kind.group ?? (() => '');
			const start = record as unknown as VersionStart;
			removeWhere(
				asVersions(list),
				(v) =>
					v.startYear === start.startYear &&
					v.startPeriod === start.startPeriod &&
					group(v) === group(record),
			);
		}
	}
	list.push(record);
	touch(world);
	return written(op, record.id);
}

/** The body of an operation on a typed history, or undefined when its name is no verb. */
export function historyVerb(
	kind: Kind,
	rest: string,
	op: Operation,
): ((world: World, user: EmulatorUser, params: Params) => Loose) | undefined {
	const verb = historyVerbOf(rest);
	if (!verb) return undefined;
	const reads = verb.startsWith('Get');
	return (world, user, params) =>
		reads ? read(kind, verb, world, user, params, op) : write(kind, verb, world, user, params, op);
}
