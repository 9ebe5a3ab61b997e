/**
 * Nmbrs business faults and the checks that raise them. Auth (1001) and the API user template
 * (1002) are the server's; data scope, period validity, protected mode and "already sent" are here.
 */
import { comparePeriods, isValidPeriod, periodOf, type PeriodRef } from '../world/calendar';
import { freezeBeforePastChange } from '../world/documents';
import type { Company, Debtor, Employee, EmulatorUser, Run } from '../world/model';
import { userSeesDebtor } from '../world/users';
import { findCompany, findDebtor, findEmployee, findRun, type World } from '../world/world';

/** A fault the server answers as `Server was unable to process request. ---> <code>: <message>`. */
export class NmbrsFault extends Error {
	constructor(
		readonly code: number,
		message: string,
	) {
		super(message);
		this.name = 'NmbrsFault';
	}
}

export const unauthorized = (code: 1003 | 2003 | 2004 | 2009) =>
	new NmbrsFault(code, 'Unauthorized access');

/** Unknown, or outside the login's debtors: Nmbrs answers both the same way. */
export function requireDebtor(world: World, user: EmulatorUser, id: number): Debtor {
	const debtor = findDebtor(world, id);
	if (!debtor || !userSeesDebtor(user, debtor.id)) throw unauthorized(2009);
	return debtor;
}

export function requireCompany(world: World, user: EmulatorUser, id: number): Company {
	const company = findCompany(world, id);
	if (!company || !userSeesDebtor(user, company.debtorId)) throw unauthorized(2004);
	return company;
}

export function requireEmployee(
	world: World,
	user: EmulatorUser,
	id: number,
): { employee: Employee; company: Company } {
	const employee = findEmployee(world, id);
	const company = employee && findCompany(world, employee.companyId);
	if (!employee || !company || !userSeesDebtor(user, company.debtorId)) throw unauthorized(2003);
	return { employee, company };
}

/** A run of this company (and year, when given); otherwise 2046 Not found (our choice: Nmbrs' answer is not known). */
export function requireRun(world: World, company: Company, runId: number, year?: number): Run {
	const run = findRun(world, runId);
	if (!run || run.companyId !== company.id || (year !== undefined && run.year !== year)) {
		throw new NmbrsFault(
			2046,
			`Not found: company ${company.id} has no run ${runId}${year !== undefined ? ` in ${year}` : ''}`,
		);
	}
	return run;
}

/** 2006 for a period the company's period type does not have (13 for a monthly company) or a silly year. */
export function requirePeriod(company: Company, period: number, year: number): PeriodRef {
	if (
		!isValidPeriod(company.periodType, period) ||
		!Number.isInteger(year) ||
		year < 1900 ||
		year > 2100
	) {
		throw new NmbrsFault(2006, 'Invalid Period');
	}
	return { year, period };
}

/**
 * 2011 for a write before the company's current period unless UnprotectedMode is true. A write
 * into the past that may go ahead first freezes what locked runs and declarations reported.
 */
export function requireUnprotected(
	world: World,
	company: Company,
	ref: PeriodRef,
	unprotectedMode: boolean,
): void {
	const current = periodOf(company.periodType, world.clock.now().slice(0, 10));
	if (comparePeriods(ref, current) >= 0) return;
	if (!unprotectedMode)
		throw new NmbrsFault(
			2011,
			'Protected mode: cannot change the past (set UnprotectedMode to true)',
		);
	freezeBeforePastChange(world, company, ref);
}
