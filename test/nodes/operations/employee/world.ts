/** Employees of the emulator's demo world with the history a test needs, and their companies. */
import { comparePeriods, periodOf, type PeriodRef } from '../../../../emulator/src/world/calendar';
import { versionAt } from '../../../../emulator/src/world/history';
import type { Company, Employee } from '../../../../emulator/src/world/model';
import type { Emulator } from '../../runNode';
import { rl } from '../../runNode';

export function companyOf(emulator: Emulator, employee: Employee): Company {
	const company = emulator.world.companies.find((c) => c.id === employee.companyId);
	if (!company) throw new Error(`no company ${employee.companyId}`);
	return company;
}

/** The company's current period in the world. */
export function currentOf(emulator: Emulator, company: Company): PeriodRef {
	const { year, period } = periodOf(company.periodType, emulator.world.clock.now().slice(0, 10));
	return { year, period };
}

const isFuture = (emulator: Emulator, employee: Employee, v: PeriodRef) =>
	comparePeriods(v, currentOf(emulator, companyOf(emulator, employee))) > 0;

/** On the payroll and in service, without an end date. */
export function inService(employee: Employee): boolean {
	return employee.kind === 'payroll' && employee.employments.some((e) => e.endDate === null);
}

/** The n-th employee (0-based) in service, optionally of one company. */
export function employeeInService(emulator: Emulator, n = 0, companyId?: number): Employee {
	const found = emulator.world.employees.filter(
		(e) => inService(e) && (companyId === undefined || e.companyId === companyId),
	)[n];
	if (!found) throw new Error('no employee in service');
	return found;
}

/**
 * An employee in service whose personal info has a future-dated version (entered, valid from
 * the next period) and a change in the past, so three periods give three different records.
 */
export function withFutureAndPastPersonalInfo(emulator: Emulator, companyType?: 'Month') {
	const employee = emulator.world.employees.find((e) => {
		if (!inService(e)) return false;
		if (companyType && companyOf(emulator, e).periodType !== companyType) return false;
		const versions = e.personalInfo.map((v) => ({ year: v.startYear, period: v.startPeriod }));
		return (
			versions.filter((v) => isFuture(emulator, e, v)).length === 1 &&
			versions.filter((v) => !isFuture(emulator, e, v)).length >= 2
		);
	});
	if (!employee) throw new Error('no employee with past and future personal info versions');
	const ordered = [...employee.personalInfo].sort(
		(a, b) => a.startYear * 100 + a.startPeriod - (b.startYear * 100 + b.startPeriod),
	);
	const future = ordered[ordered.length - 1];
	const current = versionAt(
		employee.personalInfo,
		currentOf(emulator, companyOf(emulator, employee)),
	)!;
	const first = ordered[0];
	return { employee, company: companyOf(emulator, employee), first, current, future };
}

/** An employee in service whose department and function both have a future-dated version. */
export function withFutureAssignments(emulator: Emulator): Employee {
	const employee = emulator.world.employees.find(
		(e) =>
			inService(e) &&
			e.departments.some((v) =>
				isFuture(emulator, e, { year: v.startYear, period: v.startPeriod }),
			) &&
			e.functions.some((v) => isFuture(emulator, e, { year: v.startYear, period: v.startPeriod })),
	);
	if (!employee) throw new Error('no employee with future-dated department and function');
	return employee;
}

/** The company and employee locators of an employee, typed "By ID". */
export function locators(employee: Employee) {
	return { companyId: rl(employee.companyId), employeeId: rl(employee.id) };
}
