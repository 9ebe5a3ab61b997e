/** Mutations the server's admin API calls: move a declaration, make or lock a run, change a login's API template. */
import { allOperationKeys } from '../served';
import { comparePeriods, isValidPeriod, periodOf, type PeriodRef } from './calendar';
import { DECLARATION_STATUSES, knownStatus, SENT_STATUSES } from './declarations';
import { freezeBeforePastChange } from './documents';
import { declarationMoved, runFinished } from './events';
import { runDescription } from './generate';
import type { Declaration } from './model';
import { runInfo, type RunInfo } from './records';
import {
	addRun,
	findCompany,
	findDeclaration,
	findRun,
	runsOfCompany,
	touch,
	type World,
} from './world';

/** Sets a declaration's status (one of DECLARATION_STATUSES, any case). Returns the declaration. */
export function setDeclarationStatus(
	world: World,
	loonaangifteId: number,
	status: string,
): Declaration {
	const declaration = findDeclaration(world, loonaangifteId);
	if (!declaration)
		throw new Error(`No wage tax declaration with LoonaangifteID ${loonaangifteId}`);
	const known = knownStatus(status);
	if (!known)
		throw new Error(
			`Unknown declaration status "${status}"; known: ${Object.values(DECLARATION_STATUSES).join(', ')}`,
		);
	const before = declaration.status;
	declaration.status = known;
	declaration.sentAt = SENT_STATUSES.has(known) ? (declaration.sentAt ?? world.clock.now()) : null;
	declarationMoved(world, declaration, before, known);
	// Reopened: it reports the live world again (and freezes anew when it is next changed in the past).
	if (known === DECLARATION_STATUSES.open) delete declaration.frozen;
	touch(world);
	return declaration;
}

/** Makes an extra (open) run in a period of a company, by default its current period. */
export function createRun(world: World, companyId: number, at?: PeriodRef): RunInfo {
	const company = findCompany(world, companyId);
	if (!company) throw new Error(`No company with id ${companyId}`);
	const ref = at ?? periodOf(company.periodType, world.clock.now().slice(0, 10));
	if (!isValidPeriod(company.periodType, ref.period)) {
		throw new Error(
			`Period ${ref.period} does not exist for ${company.name} (${company.periodType === 'Month' ? '1-12' : '1-13'})`,
		);
	}
	// A run in an earlier period changes its payslips' sums: what was locked by then keeps its figures.
	if (comparePeriods(ref, periodOf(company.periodType, world.clock.now().slice(0, 10))) < 0)
		freezeBeforePastChange(world, company, ref);
	const number =
		runsOfCompany(world, companyId).filter((r) => r.year === ref.year && r.period === ref.period)
			.length + 1;
	const run = {
		id: world.nextIds.run++,
		companyId,
		number,
		year: ref.year,
		period: ref.period,
		description: runDescription(company, ref, number),
		runAt: world.clock.now(),
		isLocked: false,
	};
	addRun(world, run);
	touch(world);
	return runInfo(run);
}

export function lockRun(world: World, companyId: number, runId: number): RunInfo {
	const run = findRun(world, runId);
	if (!run || run.companyId !== companyId)
		throw new Error(`Company ${companyId} has no run ${runId}`);
	const wasLocked = run.isLocked;
	run.isLocked = true;
	touch(world);
	if (!wasLocked) runFinished(world, run);
	return runInfo(run);
}

/** Replaces a login's API user template: switch calls off, or switch only these on. */
export function setUserTemplate(
	world: World,
	email: string,
	template: { disabled: string[] } | { allowed: string[] },
): void {
	const user = world.users.find((u) => u.email.toLowerCase() === email.toLowerCase());
	if (!user)
		throw new Error(
			`No emulator login ${email}; logins: ${world.users.map((u) => u.email).join(', ')}`,
		);
	const known = new Set(allOperationKeys());
	const unknown = ('disabled' in template ? template.disabled : template.allowed).filter(
		(key) => !known.has(key),
	);
	if (unknown.length > 0) {
		throw new Error(
			`Unknown operation ${unknown.map((key) => `"${key}"`).join(', ')}: use 'Service.Op' as the WSDL names it (e.g. CompanyService.List_GetAll)`,
		);
	}
	if ('disabled' in template) {
		user.disabledOperations = new Set(template.disabled);
	} else {
		const allowed = new Set(template.allowed);
		user.disabledOperations = new Set(allOperationKeys().filter((key) => !allowed.has(key)));
	}
}
