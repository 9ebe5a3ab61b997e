/**
 * Picking from history. Nmbrs keeps every version; "current" is a choice made for a period: the
 * latest version that started in or before it. A future-dated version is stored but not current.
 */
import { comparePeriods, dayNumber, type PeriodRange, type PeriodRef } from './calendar';
import type { Employee, EmploymentRecord, PersonalData, VersionStart } from './model';

/** The version valid in a period; of two starting in the same period, the one entered last wins. */
export function versionAt<T extends VersionStart>(
	versions: readonly T[],
	ref: PeriodRef,
): T | null {
	let best: T | null = null;
	for (const version of versions) {
		if (comparePeriods({ year: version.startYear, period: version.startPeriod }, ref) > 0) continue;
		if (
			!best ||
			comparePeriods(
				{ year: version.startYear, period: version.startPeriod },
				{ year: best.startYear, period: best.startPeriod },
			) > 0 ||
			(version.startYear === best.startYear &&
				version.startPeriod === best.startPeriod &&
				version.creationDate >= best.creationDate)
		) {
			best = version;
		}
	}
	return best;
}

/** The personal data valid in a period (null before the first version). */
export function personAt(employee: Employee, ref: PeriodRef): PersonalData | null {
	return versionAt(employee.personalInfo, ref)?.data ?? null;
}

/** Versions in the order Nmbrs lists them: by start period, then by entry. */
export function chronological<T extends VersionStart>(versions: readonly T[]): T[] {
	return [...versions].sort(
		(a, b) =>
			comparePeriods(
				{ year: a.startYear, period: a.startPeriod },
				{ year: b.startYear, period: b.startPeriod },
			) ||
			a.creationDate.localeCompare(b.creationDate) ||
			a.id - b.id,
	);
}

/** The employment covering any day of the range (a payroll run pays it). */
export function employmentIn(
	employee: Employee,
	range: { start: string; end: string },
): EmploymentRecord | null {
	for (const employment of employee.employments) {
		if (
			employment.startDate <= range.end &&
			(employment.endDate === null || employment.endDate >= range.start)
		)
			return employment;
	}
	return null;
}

export function isPaidInPeriod(employee: Employee, range: PeriodRange): boolean {
	return employee.kind === 'payroll' && employmentIn(employee, range) !== null;
}

/**
 * Employee types as EmployeeType_GetList lists them. 2 (active payroll) and 4 (out of service) are
 * the ids integrations rely on; 1 and 3 are our own choice.
 */
export const EMPLOYEE_TYPES = [
	{ id: 1, description: 'Applicant' },
	{ id: 2, description: 'Employee (payroll)' },
	{ id: 3, description: 'External employee' },
	{ id: 4, description: 'Out of service' },
] as const;

/** The employee type on a day: out of service once the last employment has ended. */
export function employeeTypeOn(employee: Employee, date: string): number {
	if (employee.kind === 'applicant') return 1;
	if (employee.kind === 'external') return 3;
	const inService = employee.employments.some(
		(e) => e.endDate === null || dayNumber(e.endDate) >= dayNumber(date),
	);
	return inService ? 2 : 4;
}
