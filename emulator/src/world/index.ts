/**
 * The emulator's seeded payroll world: debtors, companies, employees with history, payroll runs,
 * wage tax declarations, and documents made on request. Deterministic for a seed.
 */
import { DEFAULT_NOW, DEFAULT_SEED, buildWorld, demoShape, scaledShape } from './generate';
import { localDateTime } from './calendar';
import { loadWorld } from './persistence';
import type { World } from './world';

export type WorldSource =
	| { kind: 'demo' }
	| { kind: 'scaled'; companies: number; employees: number }
	| { kind: 'file'; path: string };

/**
 * The largest scaled world the emulator makes: building one is synchronous, so a bigger world
 * would hold every caller (10⁹ companies ran the process out of memory). At the caps a world
 * takes about 1 GB and builds in tens of seconds (measured: 165 s on a heavily loaded machine,
 * 20,000 employees in 1 to 10 s); the caps are ten times the largest world the tests use.
 */
export const MAX_COMPANIES = 2_000;
export const MAX_EMPLOYEES = 200_000;

/** Throws a plain sentence when a scaled world's size is not whole, not positive or past the caps. */
export function checkWorldSize(companies: number, employees: number): void {
	if (
		!Number.isInteger(companies) ||
		companies < 1 ||
		!Number.isInteger(employees) ||
		employees < 0
	)
		throw new Error(
			`A scaled world needs whole numbers: companies >= 1, employees >= 0 (got ${companies}, ${employees})`,
		);
	if (companies > MAX_COMPANIES || employees > MAX_EMPLOYEES)
		throw new Error(
			`A scaled world holds at most ${MAX_COMPANIES.toLocaleString('en')} companies and ${MAX_EMPLOYEES.toLocaleString('en')} employees (got ${companies}, ${employees})`,
		);
}

export interface WorldOptions {
	/**
	 * The world's "now" (Dutch local 'YYYY-MM-DDTHH:mm:ss', or 'YYYY-MM-DD' for 09:00 that day); default
	 * DEFAULT_NOW, so a seed gives one world. A saved world keeps its own clock.
	 */
	now?: string;
}

export function createWorld(
	source: WorldSource,
	seed: number = DEFAULT_SEED,
	options: WorldOptions = {},
): World {
	const now = options.now === undefined ? DEFAULT_NOW : localDateTime(options.now, '09:00:00');
	if (now === undefined)
		throw new Error(
			`The world's "now" must be YYYY-MM-DD or YYYY-MM-DDTHH:mm:ss (Dutch local time), got "${options.now}"`,
		);
	switch (source.kind) {
		case 'demo':
			return buildWorld(seed, now, demoShape(), 'demo');
		case 'scaled': {
			const { companies, employees } = source;
			checkWorldSize(companies, employees);
			return buildWorld(
				seed,
				now,
				scaledShape(companies, employees),
				`scaled ${companies}x${employees}`,
			);
		}
		case 'file':
			return loadWorld(source.path);
	}
}

export { DEFAULT_NOW, DEFAULT_SEED } from './generate';
export { dutchToday, localDateTime } from './calendar';
export { advanceClock, type ClockAdvance } from './advance';
export { createRun, lockRun, setDeclarationStatus, setUserTemplate } from './admin';
export { allOperationKeys } from '../served';
export { DECLARATION_STATUSES, type DeclarationStatus } from './declarations';
export { DEMO_LOGINS, type DemoLogin } from './users';
export { saveWorld, loadWorld, worldToJson } from './persistence';
export { runInfo, wageTaxRecord, type RunInfo } from './records';
export {
	WorldClock,
	currentPeriod,
	findCompany,
	findDebtor,
	findEmployee,
	findRun,
	findDeclaration,
	employeesOfCompany,
} from './world';
export type { World } from './world';
export type * from './model';
