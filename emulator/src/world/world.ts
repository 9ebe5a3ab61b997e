/** The World: its data plus the clock, and fast lookups by id (kept beside the data, never saved). */
import { periodOf, type PeriodRange } from './calendar';
import type { Company, Debtor, Declaration, Employee, Run, WorldData } from './model';

/** The world's "now": Dutch local time 'YYYY-MM-DDTHH:mm:ss'. Moved only by advanceClock. */
export class WorldClock {
	constructor(private current: string) {}
	now(): string {
		return this.current;
	}
	/** Used by advanceClock only; it also moves the world's payroll forward. */
	set(dateTime: string): void {
		this.current = dateTime;
	}
	toJSON(): string {
		return this.current;
	}
}

export interface World extends WorldData {
	clock: WorldClock;
}

interface WorldIndex {
	debtors: Map<number, Debtor>;
	companies: Map<number, Company>;
	employees: Map<number, Employee>;
	employeesByCompany: Map<number, Employee[]>;
	runs: Map<number, Run>;
	runsByCompany: Map<number, Run[]>;
	declarations: Map<number, Declaration>;
	declarationsByCompany: Map<number, Declaration[]>;
}

const indexes = new WeakMap<World, WorldIndex>();

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

function indexOf(world: World): WorldIndex {
	let index = indexes.get(world);
	if (!index) {
		index = {
			debtors: new Map(world.debtors.map((d) => [d.id, d])),
			companies: new Map(world.companies.map((c) => [c.id, c])),
			employees: new Map(world.employees.map((e) => [e.id, e])),
			employeesByCompany: new Map(),
			runs: new Map(world.runs.map((r) => [r.id, r])),
			runsByCompany: new Map(),
			declarations: new Map(world.declarations.map((d) => [d.id, d])),
			declarationsByCompany: new Map(),
		};
		for (const employee of world.employees)
			push(index.employeesByCompany, employee.companyId, employee);
		for (const run of world.runs) push(index.runsByCompany, run.companyId, run);
		for (const declaration of world.declarations)
			push(index.declarationsByCompany, declaration.companyId, declaration);
		indexes.set(world, index);
	}
	return index;
}

export const findDebtor = (world: World, id: number): Debtor | undefined =>
	indexOf(world).debtors.get(id);
export const findCompany = (world: World, id: number): Company | undefined =>
	indexOf(world).companies.get(id);
export const findEmployee = (world: World, id: number): Employee | undefined =>
	indexOf(world).employees.get(id);
export const findRun = (world: World, id: number): Run | undefined => indexOf(world).runs.get(id);
export const findDeclaration = (world: World, id: number): Declaration | undefined =>
	indexOf(world).declarations.get(id);
export const employeesOfCompany = (world: World, companyId: number): Employee[] =>
	indexOf(world).employeesByCompany.get(companyId) ?? [];
export const runsOfCompany = (world: World, companyId: number): Run[] =>
	indexOf(world).runsByCompany.get(companyId) ?? [];
export const declarationsOfCompany = (world: World, companyId: number): Declaration[] =>
	indexOf(world).declarationsByCompany.get(companyId) ?? [];

/** Appends a record to the world's list and, when the lookups are built, to its two indexes. */
function addIndexed<T extends { id: number }>(
	list: T[],
	record: T,
	byId: Map<number, T> | undefined,
	byCompany: Map<number, T[]> | undefined,
	companyId: number,
): void {
	list.push(record);
	byId?.set(record.id, record);
	if (byCompany) push(byCompany, companyId, record);
}

export function addEmployee(world: World, employee: Employee): void {
	const index = indexes.get(world);
	addIndexed(
		world.employees,
		employee,
		index?.employees,
		index?.employeesByCompany,
		employee.companyId,
	);
}

export function addRun(world: World, run: Run): void {
	const index = indexes.get(world);
	addIndexed(world.runs, run, index?.runs, index?.runsByCompany, run.companyId);
}

export function addDeclaration(world: World, declaration: Declaration): void {
	const index = indexes.get(world);
	addIndexed(
		world.declarations,
		declaration,
		index?.declarations,
		index?.declarationsByCompany,
		declaration.companyId,
	);
}

/** The company's current period: the one today (the world clock's date) falls in. */
export function currentPeriod(world: World, company: Company): PeriodRange {
	return periodOf(company.periodType, world.clock.now().slice(0, 10));
}

/** Marks a write: cached computations (declaration totals) are recomputed after it. */
export function touch(world: World): void {
	world.revision++;
}
