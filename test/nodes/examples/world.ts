/** IDs from the emulator's demo world, for examples and tests. */
import { pensionExportsOf } from '../../../emulator/src/records/pensionExports';
import { employeesOfRun } from '../../../emulator/src/world/payroll';
import type { Emulator } from '../runNode';

export function firstCompany(emulator: Emulator) {
	const company = emulator.world.companies[0];
	if (!company) throw new Error('the demo world has no company');
	return company;
}

/** An employee on the payroll of the first company, in service with no end date. */
export function activeEmployee(emulator: Emulator) {
	const company = firstCompany(emulator);
	const employee = emulator.world.employees.find(
		(e) =>
			e.companyId === company.id &&
			e.kind === 'payroll' &&
			e.employments.some((employment) => employment.endDate === null),
	);
	if (!employee) throw new Error('the first company has no employee in service');
	return employee;
}

/** The last locked regular run of the first company in 2026 (it paid employees). */
export function lockedRun(emulator: Emulator) {
	const company = firstCompany(emulator);
	const runs = emulator.world.runs.filter(
		(run) => run.companyId === company.id && run.year === 2026 && run.isLocked && run.number === 1,
	);
	const run = runs[runs.length - 1];
	if (!run) throw new Error('the demo world has no locked run in 2026');
	return run;
}

/** A run of the first company that is not locked yet. */
export function openRun(emulator: Emulator) {
	const company = firstCompany(emulator);
	const run = emulator.world.runs.find((r) => r.companyId === company.id && !r.isLocked);
	if (!run) throw new Error('the demo world has no open run');
	return run;
}

/** A wage tax declaration of the first company in 2026. */
export function declarationOf(emulator: Emulator) {
	const company = firstCompany(emulator);
	const declaration = emulator.world.declarations.find(
		(d) => d.companyId === company.id && d.year === 2026,
	);
	if (!declaration) throw new Error('the demo world has no declaration in 2026');
	return declaration;
}

/** A pension export of the first company in 2026 (one per locked run). */
export function pensionExportOf(emulator: Emulator) {
	const company = firstCompany(emulator);
	const [pension] = pensionExportsOf(emulator.world, company, 2026);
	if (!pension) throw new Error('the demo world has no pension export in 2026');
	return pension;
}

/** An employee of the first company paid in the locked run. */
export function paidEmployee(emulator: Emulator) {
	const employee = employeesOfRun(emulator.world, lockedRun(emulator))[0];
	if (!employee) throw new Error('the locked run paid nobody');
	return employee;
}

/** An employee of the first company with variable components of this kind this period (seeded). */
export function employeeWithComponents(
	emulator: Emulator,
	store: 'hourComponentsVar' | 'wageComponentsVar',
) {
	const company = firstCompany(emulator);
	const ids = new Set((emulator.world.records?.[store] ?? []).map((r) => r.employeeId));
	const employee = emulator.world.employees.find(
		(e) => e.companyId === company.id && ids.has(e.id),
	);
	if (!employee) throw new Error(`the first company has no employee with ${store}`);
	return employee;
}
