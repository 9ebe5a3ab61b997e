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
			if (
				!Number.isInteger(companies) ||
				companies < 1 ||
				!Number.isInteger(employees) ||
				employees < 0
			) {
				throw new Error(
					`A scaled world needs whole numbers: companies >= 1, employees >= 0 (got ${companies}, ${employees})`,
				);
			}
			if (employees > 999_999)
				throw new Error('A scaled world holds at most 999,999 employees (the fake BSN range)');
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
