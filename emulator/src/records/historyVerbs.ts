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
import { fieldsOfType } from '../../../nodes/Nmbrs/wire';
import { comparePeriods, periodRange, type PeriodRef } from '../world/calendar';
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
import type { History } from './histories';
import { boolParam, intParam, periodParam, recordParam, takes, writePeriod } from './requests';

type Kind = History<{ id: number }>;
type Record_ = { id: number };
type Row = { [field: string]: Loose };

const VERBS = [
	'Get',
	'GetList',
	'GetAll',
	'GetAll_AllEmployeesByCompany',
	'Insert',
	'Update',
	'Delete',
] as const;
type Verb = (typeof VERBS)[number];

/** `InsertCurrentPeriod_v2` is Insert, `GetListCurrent` GetList, `GetCurrentPeriod` Get. */
export function historyVerbOf(rest: string): Verb | undefined {
	const base = rest
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

/** Every version started by the period. */
function upTo(list: Record_[], at: PeriodRef): Record_[] {
	return asVersions(list).filter(
		(v) => comparePeriods({ year: v.startYear, period: v.startPeriod }, at) <= 0,
	);
}

// ---------------------------------------------------------------- the answer's shape

/** The record fields of a type, and its list field when it is an employee's item of a list. */
function shapeOf(op: Operation): { list: boolean; fields: Field[]; listField?: Field } {
	const where = resolveAnyOperation(op.service, op.name);
	const result = op.result;
	if (!where || !result?.type.startsWith('type:')) return { list: false, fields: [] };
	const fieldsOf = (type: string) => fieldsOfType(type.slice(5), where.catalogue);
	const fields = fieldsOf(result.type);
	const listField = fields.find((f) => f.listItem !== undefined && f.type.startsWith('type:'));
	const list = result.listItem !== undefined;
	return listField ? { list, fields: fieldsOf(listField.type), listField } : { list, fields };
}

function project(kind: Kind, row: Row, fields: Field[]): Row {
	const out: Row = {};
	for (const field of fields) {
		if (!(field.name in row)) continue;
		const value = row[field.name];
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
		const of = (employee: Employee) =>
			rows(kind, world, employee, company, selected(kind, world, employee, params), shape.fields);
		const employees = employeesOfCompany(world, company.id);
		if (!shape.listField) return employees.flatMap(of);
		const listName = shape.listField.name;
		return employees.map((employee) => ({ EmployeeId: employee.id, [listName]: of(employee) }));
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
	records = ordered(
		kind,
		records.filter((r) => !kind.filter || kind.filter(r, params)),
	);
	const answer = rows(kind, world, employee, company, records, shape.fields);
	if (shape.listField) return { EmployeeId: employee.id, [shape.listField.name]: answer };
	return shape.list ? answer : (answer[0] ?? null);
}

/** An employee's records a list call asks for: all of them, as the kind filters and orders. */
function selected(kind: Kind, world: World, employee: Employee, params: Params): Record_[] {
	const list = kind.list(world, employee).filter((r) => !kind.filter || kind.filter(r, params));
	return ordered(kind, list);
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
		const idParam = op.params.find(
			(p) => p.type === 'int' && p.name.toLowerCase() !== 'employeeid',
		);
		const id = idParam ? intParam(params, idParam.name) : 0;
		if (!list.some((r) => r.id === id)) {
			if (op.result?.type === 'boolean') return false;
			throw notFound(kind, employee, id);
		}
		removeWhere(list, (r) => r.id === id);
		touch(world);
		return written(op, id);
	}
	const input = recordParam(op, params);
	if (!input) throw new NmbrsFault(2030, `Invalid set of values: the ${kind.what} is missing`);
	const recordType = op.params.find((p) => p.type.startsWith('type:') && !p.listItem)?.type ?? '';
	const where = resolveAnyOperation(op.service, op.name);
	const byId =
		verb === 'Update' &&
		where !== undefined &&
		fieldsOfType(recordType.slice(5), where.catalogue).some((f) => /^id$/i.test(f.name));
	if (byId) {
		// A correction of the record as it is: it keeps its id and start.
		const id = Number(input.Id ?? input.ID ?? 0);
		const existing = list.find((r) => r.id === id) as Record<string, unknown> | undefined;
		if (!existing) throw notFound(kind, employee, id);
		const at =
			'startYear' in existing
				? { year: Number(existing.startYear), period: Number(existing.startPeriod) }
				: writePeriod(world, company, op, params);
		const fresh = kind.fromRequest({ world, company, employee, at, params }, input, id);
		const kept = Object.fromEntries(KEPT.filter((k) => k in existing).map((k) => [k, existing[k]]));
		Object.assign(existing, fresh, kept);
		touch(world);
		return written(op, id);
	}
	const at = writePeriod(world, company, op, params);
	const record = kind.fromRequest(
		{ world, company, employee, at, params },
		input,
		world.nextIds.record++,
	);
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
