/**
 * One mechanism for the period-based records: Nmbrs names its operations by pattern over a few
 * kinds of record (`X_Get` of a period, `X_GetCurrent`, `X_Insert`, `X_InsertCurrent`,
 * `X_Insert_With_End`, `X_Insert_Batch`, `X_Stop`, `X_Clear`, `Y_Update`, `Y_Delete`...). Every
 * operation of the WSDL catalogue whose name fits a family below gets its handler from the
 * pattern: parameters are found by name (any case, as .NET binds them), the record by its type,
 * and the answer is shaped by the operation's result type. Writes change the store; the matching
 * reads give back what was written, period by period as Nmbrs does.
 */
import {
	catalogue as curated,
	generatedCatalogue,
	operationKey,
	resolveAnyOperation,
	type Operation,
	type ServiceName,
} from '../../../nodes/Nmbrs/catalogue';
import { fieldsOfType, type WireValue } from '../../../nodes/Nmbrs/wire';
import type { PeriodRef } from '../world/calendar';
import type { Company, EmulatorUser } from '../world/model';
import { employeesOfCompany, touch, type World } from '../world/world';
import {
	NmbrsFault,
	requireCompany,
	requireEmployee,
	requirePeriod,
	requireUnprotected,
} from '../operations/faults';
import {
	boolParam,
	takes,
	currentPeriod,
	endParam,
	intParam,
	listParam,
	periodParam,
	recordParam,
} from './requests';
import type { OperationHandler, Params } from '../operations/params';
import { shapeResult, type Loose } from '../operations/shape';
import { HOUR_CODES, WAGE_CODES, type Code } from './codes';
import { HISTORIES } from './histories';
import { historyVerb } from './historyVerbs';
import { ownedVerb } from './ownedKinds';
import { MANAGER_KIND, STORED_KINDS } from './storedKinds';

/** The kinds served by the history verbs: the typed histories, then the stored kinds. */
const KINDS = [...HISTORIES, ...STORED_KINDS, MANAGER_KIND];
import {
	addRecord,
	findRecord,
	recordsAt,
	removeRecords,
	STORES,
	type PeriodRecord,
	type StoreSpec,
} from './store';

/** A kind of record and the operation prefixes that reach it. */
interface Family {
	/** The service whose operations reach it (EmployeeService unless said): CompanyService's are the company's own. */
	service?: ServiceName;
	/** `HourComponentVar` -> its store. */
	prefixes: Record<string, StoreSpec>;
	/** The prefix of the operations that reach a record of any of the stores by its ID. */
	byId?: string;
	/** The field that holds the code, and the codes the company has (2001/2002 otherwise). */
	code?: { field: string; codes: readonly Code[]; fault: number; what: string };
}

const FAMILIES: Family[] = [
	{
		prefixes: {
			HourComponentVar: STORES.hourComponentsVar,
			HourComponentFixed: STORES.hourComponentsFixed,
		},
		byId: 'HourComponent',
		code: { field: 'HourCode', codes: HOUR_CODES, fault: 2001, what: 'hour code' },
	},
	{
		prefixes: {
			WageComponentVar: STORES.wageComponentsVar,
			WageComponentFixed: STORES.wageComponentsFixed,
		},
		byId: 'WageComponent',
		code: { field: 'Code', codes: WAGE_CODES, fault: 2002, what: 'wage code' },
	},
	{ prefixes: { DaysVar: STORES.daysWorked, DaysFixed: STORES.daysFixed } },
	{
		service: 'CompanyService',
		prefixes: {
			WageComponentVar: STORES.companyWageComponentsVar,
			WageComponentFixed: STORES.companyWageComponentsFixed,
		},
		code: { field: 'Code', codes: WAGE_CODES, fault: 2002, what: 'wage code' },
	},
	{ prefixes: { CostCenter: STORES.costCenters } },
];

// ---------------------------------------------------------------- records in and out

/** The record's fields that its store keeps: everything given but its ID. */
function fieldsOf(input: Record<string, WireValue>): Record<string, WireValue> {
	const { Id: _id, ID: _ID, ...fields } = input;
	return fields;
}

/** The item type of the operation's (list) result. */
function resultFields(op: Operation, where: ReturnType<typeof resolveAnyOperation>): string[] {
	const type = op.result?.type ?? '';
	if (!type.startsWith('type:') || !where) return [];
	return fieldsOfType(type.slice(5), where.catalogue).map((f) => f.name);
}

/** A stored record as the result type shows it: its ID and the fields the type has. */
function project(record: PeriodRecord, fields: string[]): Record<string, Loose> {
	const out: Record<string, Loose> = {};
	for (const name of fields) {
		if (name === 'Id' || name === 'ID') out[name] = record.id;
		else if (name === 'EmployeeId') out[name] = record.employeeId;
		else if (name in record.fields) out[name] = record.fields[name] as Loose;
	}
	return out;
}

function checkCode(family: Family, fields: Record<string, WireValue>, where: string): void {
	if (!family.code) return;
	const code = fields[family.code.field];
	if (!family.code.codes.some((c) => c.code === code)) {
		throw new NmbrsFault(
			family.code.fault,
			`Invalid ${family.code.what} ${String(code)}${where}: the company's model has ${family.code.codes.map((c) => c.code).join(', ')}`,
		);
	}
}

function newRecord(
	world: World,
	employeeId: number,
	from: PeriodRef,
	end: PeriodRef | null,
	fields: Record<string, WireValue>,
): PeriodRecord {
	return {
		id: world.nextIds.record++,
		employeeId,
		startYear: from.year,
		startPeriod: from.period,
		endYear: end?.year ?? null,
		endPeriod: end?.period ?? null,
		creationDate: world.clock.now(),
		fields,
	};
}

// ---------------------------------------------------------------- the verbs

type Verb = (
	world: World,
	ctx: { user: EmulatorUser; params: Params; op: Operation; family: Family; spec: StoreSpec },
) => Loose;

const store = (world: World) => (world.records ??= {});

/**
 * Whose records a call (or a batch item) is about: an employee's, or for CompanyService's own
 * components the company's (its id is the records' owner). Its company decides periods.
 */
function ownerOf(world: World, user: EmulatorUser, op: Operation, values: Params) {
	if (op.service === 'CompanyService') {
		const company = requireCompany(world, user, intParam(values, 'CompanyId'));
		return { employee: { id: company.id }, company };
	}
	return requireEmployee(world, user, intParam(values, 'EmployeeId'));
}

/** The owner the call is about, its company, and the period it names (current if none). */
function employeeIn(world: World, user: EmulatorUser, op: Operation, params: Params) {
	const { employee, company } = ownerOf(world, user, op, params);
	return { employee, company, at: periodParam(world, company, op, params) };
}

/** A write: the period must be open, or UnprotectedMode given (2011). */
function writable(world: World, company: Company, at: PeriodRef, params: Params): void {
	requireUnprotected(world, company, at, boolParam(params, 'UnprotectedMode'));
}

const VERBS: Record<string, Verb> = {
	Get(world, { user, params, op, spec }) {
		const { employee, at } = employeeIn(world, user, op, params);
		const records = recordsAt(store(world), spec, employee.id, at);
		const where = resolveAnyOperation(op.service, op.name);
		if (op.result?.listItem === undefined && !op.result?.type.startsWith('type:')) {
			// A single value (DaysVar_Get): the record's one field, or 0.
			return (Object.values(records[0]?.fields ?? {})[0] as Loose) ?? 0;
		}
		return records.map((r) => project(r, resultFields(op, where)));
	},
	Insert(world, { user, params, op, family, spec }) {
		const { employee, company, at } = employeeIn(world, user, op, params);
		const input = recordParam(op, params);
		if (!input) throw new NmbrsFault(2030, `Invalid set of values: the record is missing`);
		const fields = fieldsOf(input);
		checkCode(family, fields, '');
		writable(world, company, at, params);
		const record = newRecord(world, employee.id, at, endParam(company, op, params), fields);
		addRecord(store(world), spec, record);
		touch(world);
		return record.id;
	},
	Insert_Batch(world, { user, params, op, family, spec }) {
		const items = listParam(op, params);
		// Every item is checked before any is written: a batch with a bad item changes nothing.
		const checked = items.map((item, index) => {
			const { employee, company } = ownerOf(world, user, op, item);
			const at = periodParam(world, company, op, params);
			const fields = fieldsOf(item);
			delete fields.EmployeeId;
			delete fields.CompanyId;
			checkCode(family, fields, ` (item ${index + 1}, employee ${employee.id})`);
			writable(world, company, at, params);
			return { employee, company, at, fields };
		});
		const ids = checked.map(({ employee, company, at, fields }) => {
			const record = newRecord(world, employee.id, at, endParam(company, op, params), fields);
			addRecord(store(world), spec, record);
			return record.id;
		});
		if (checked.length > 0) touch(world);
		// The ids written, for the calls that answer them (CompanyService's).
		return ids;
	},
	Set(world, { user, params, op, spec }) {
		const { employee, company, at } = employeeIn(world, user, op, params);
		writable(world, company, at, params);
		setOnePeriod(world, company, spec, employee.id, at, { Days: intParam(params, 'Days') });
		return undefined;
	},
	Set_Batch(world, { user, params, op, spec }) {
		const checked = listParam(op, params).map((item) => {
			const { employee, company } = requireEmployee(world, user, Number(item.EmployeeId ?? 0));
			// Each item names its period (DaysWorked.Period/Year); none: the current one.
			const period = Number(item.Period ?? 0);
			const year = Number(item.Year ?? 0);
			const at =
				period === 0 && year === 0
					? currentPeriod(world, company)
					: requirePeriod(company, period, year);
			writable(world, company, at, params);
			return { employee, company, at, days: Number(item.Days ?? 0) };
		});
		for (const { employee, company, at, days } of checked)
			setOnePeriod(world, company, spec, employee.id, at, { Days: days });
		return undefined;
	},
	Clear(world, { user, params, op, spec }) {
		const { employee, company, at } = employeeIn(world, user, op, params);
		writable(world, company, at, params);
		const cleared = recordsAt(store(world), spec, employee.id, at).map((r) => r.id);
		removeRecords(
			store(world),
			spec,
			(r) => r.employeeId === employee.id && cleared.includes(r.id),
		);
		touch(world);
		// The ids removed, for the calls that answer them (CompanyService's).
		return cleared;
	},
	Stop(world, { user, params, op, spec }) {
		const { employee, company, at } = employeeIn(world, user, op, params);
		const input = recordParam(op, params);
		const byId = input !== null || takes(op, 'WageComponentId', 'HourComponentId');
		const id = input
			? Number(input.Id ?? 0)
			: intParam(params, 'WageComponentId', 'HourComponentId');
		// Named by its id, or (DaysFixed_Stop) whatever holds in the period.
		const found = byId
			? findRecord(store(world), [spec], employee.id, id)?.record
			: recordsAt(store(world), spec, employee.id, at)[0];
		if (!found)
			throw new NmbrsFault(
				2046,
				`Not found: ${op.service === 'CompanyService' ? 'company' : 'employee'} ${employee.id} has no component ${id}`,
			);
		writable(world, company, at, params);
		stopBefore(company, found, at);
		touch(world);
		return undefined;
	},
	Update(world, { user, params, op, spec }) {
		// A new version of the set from the period on (CostCenter_Update, _UpdateCurrent).
		if (spec.validity !== 'untilNextVersion') return undefined;
		const { employee, company, at } = employeeIn(world, user, op, params);
		writable(world, company, at, params);
		return replaceVersion(world, spec, employee.id, at, listParam(op, params));
	},
};

function previousOf(company: Company, at: PeriodRef): PeriodRef {
	if (at.period > 1) return { year: at.year, period: at.period - 1 };
	return { year: at.year - 1, period: company.periodType === 'Month' ? 12 : 13 };
}

/** A record holds up to and including the period before `at`. */
function stopBefore(company: Company, record: PeriodRecord, at: PeriodRef): void {
	const last = previousOf(company, at);
	record.endYear = last.year;
	record.endPeriod = last.period;
}

/**
 * Sets the value from `at`: for the period only (DaysVar), or from then on (DaysFixed: the value
 * that held until then stops before it).
 */
function setOnePeriod(
	world: World,
	company: Company,
	spec: StoreSpec,
	employeeId: number,
	at: PeriodRef,
	fields: Record<string, WireValue>,
): void {
	removeRecords(
		store(world),
		spec,
		(r) => r.employeeId === employeeId && r.startYear === at.year && r.startPeriod === at.period,
	);
	if (spec.validity === 'untilEnd')
		for (const held of recordsAt(store(world), spec, employeeId, at)) stopBefore(company, held, at);
	addRecord(store(world), spec, newRecord(world, employeeId, at, null, fields));
	touch(world);
}

function replaceVersion(
	world: World,
	spec: StoreSpec,
	employeeId: number,
	at: PeriodRef,
	items: Array<Record<string, WireValue>>,
): undefined {
	removeRecords(
		store(world),
		spec,
		(r) => r.employeeId === employeeId && r.startYear === at.year && r.startPeriod === at.period,
	);
	for (const item of items)
		addRecord(store(world), spec, newRecord(world, employeeId, at, null, fieldsOf(item)));
	touch(world);
	return undefined;
}

/** Verbs reached by a record's ID across the family's stores (`HourComponent_Delete`). */
const BY_ID: Record<
	string,
	(world: World, user: EmulatorUser, params: Params, op: Operation, family: Family) => Loose
> = {
	Delete(world, user, params, _op, family) {
		const { employee } = requireEmployee(world, user, intParam(params, 'EmployeeId'));
		const id = intParam(params, 'HourComponentID', 'WageComponentID');
		const found = findRecord(store(world), Object.values(family.prefixes), employee.id, id);
		if (!found) return false;
		removeRecords(store(world), found.spec, (r) => r === found.record);
		touch(world);
		return true;
	},
	Update(world, user, params, op, family) {
		const { employee, company } = requireEmployee(world, user, intParam(params, 'EmployeeId'));
		const input = recordParam(op, params);
		if (!input) throw new NmbrsFault(2030, `Invalid set of values: the record is missing`);
		const id = Number(input.Id ?? 0);
		const found = findRecord(store(world), Object.values(family.prefixes), employee.id, id);
		if (!found)
			throw new NmbrsFault(2046, `Not found: employee ${employee.id} has no component ${id}`);
		const fields = fieldsOf(input);
		checkCode(family, fields, '');
		writable(
			world,
			company,
			{ year: found.record.startYear, period: found.record.startPeriod },
			params,
		);
		found.record.fields = { ...found.record.fields, ...fields };
		const end = endParam(company, op, params);
		if (end) {
			found.record.endYear = end.year;
			found.record.endPeriod = end.period;
		}
		touch(world);
		return op.result?.type === 'boolean' ? true : found.record.id;
	},
};

/** Which verb an operation name after its prefix is: `InsertCurrent_With_End` is Insert. */
function verbOf(rest: string): string | undefined {
	const base = rest.replace(/Current/g, '').replace(/_With_End$/, '');
	const verb = base === 'GetList' ? 'Get' : base;
	return verb in VERBS ? verb : undefined;
}

// ---------------------------------------------------------------- company lists

function codesHandler(
	codes: readonly Code[],
): (world: World, user: EmulatorUser, params: Params) => Loose {
	return (world, user, params) => {
		requireCompany(world, user, intParam(params, 'CompanyId'));
		return codes.map((c) => ({ Code: c.code, Description: c.description }));
	};
}

/** CostCenter_GetAllEmployeesByCompany: each employee's cost centers in the period. */
function costCentersOfCompany(
	world: World,
	user: EmulatorUser,
	params: Params,
	op: Operation,
): Loose {
	const company = requireCompany(world, user, intParam(params, 'CompanyId'));
	const at = periodParam(world, company, op, params);
	const fields = fieldsOfType('EmployeeCostCenter', generatedCatalogue('EmployeeService')!).map(
		(f) => f.name,
	);
	return employeesOfCompany(world, company.id).map((employee) => ({
		EmployeeId: employee.id,
		CostCenters: recordsAt(store(world), STORES.costCenters, employee.id, at).map((r) =>
			project(r, fields),
		),
	}));
}

// ---------------------------------------------------------------- registration

/** The handlers the pattern gives, for every catalogue operation that fits a family. */
export function recordHandlers(): Array<[string, OperationHandler]> {
	const out: Array<[string, OperationHandler]> = [];
	const services: ServiceName[] = ['DebtorService', 'EmployeeService', 'CompanyService'];
	for (const service of services) {
		const operations = [
			...curated.operations.filter((op) => op.service === service),
			...(generatedCatalogue(service)?.operations ?? []),
		];
		const seen = new Set<string>();
		for (const op of operations) {
			const key = operationKey(op);
			if (seen.has(key)) continue;
			seen.add(key);
			const handler = handlerFor(op);
			if (handler) out.push([key, handler]);
		}
	}
	return out;
}

function handlerFor(op: Operation): OperationHandler | undefined {
	const key = operationKey(op);
	const shaped =
		(body: (world: World, user: EmulatorUser, params: Params) => Loose): OperationHandler =>
		(world, call) =>
			shapeResult(key, body(world, call.user, call.params));
	if (op.name === 'HourModel_GetHourCodes' || op.name === 'HourModel2_GetHourCodes')
		return shaped(codesHandler(HOUR_CODES));
	if (op.name === 'WageModel_GetWageCodes' || op.name === 'WageModel2_GetWageCodes')
		return shaped(codesHandler(WAGE_CODES));
	if (op.name === 'CostCenter_GetAllEmployeesByCompany')
		return shaped((world, user, params) => costCentersOfCompany(world, user, params, op));
	const ownedBody = ownedVerb(op);
	if (ownedBody) return shaped(ownedBody);
	const underscore = op.name.indexOf('_');
	if (underscore < 0) return undefined;
	const prefix = op.name.slice(0, underscore);
	const rest = op.name.slice(underscore + 1);
	if (op.service !== 'EmployeeService') {
		const family = FAMILIES.find((f) => f.service === op.service && f.prefixes[prefix]);
		const run = family && VERBS[verbOf(rest) ?? ''];
		if (!family || !run) return undefined;
		const spec = family.prefixes[prefix];
		return shaped((world, user, params) => run(world, { user, params, op, family, spec }));
	}
	const history = KINDS.find((h) => h.prefixes.includes(prefix));
	if (history) {
		const body = historyVerb(history, rest, op);
		return body && shaped(body);
	}
	for (const family of FAMILIES.filter((f) => f.service === undefined)) {
		const spec = family.prefixes[prefix];
		if (spec) {
			const verb = verbOf(rest);
			const run = verb ? VERBS[verb] : undefined;
			if (!run) return undefined;
			return shaped((world, user, params) => run(world, { user, params, op, family, spec }));
		}
		if (family.byId === prefix && BY_ID[rest]) {
			const run = BY_ID[rest];
			return shaped((world, user, params) => run(world, user, params, op, family));
		}
	}
	return undefined;
}
