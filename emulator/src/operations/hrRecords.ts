/**
 * HR records the name-driven mechanism does not serve: the leave balance (a computation over
 * the year's leave), absence recoveries (they end or split an absence), and the company's pension
 * exports. Leave and absence records themselves are kinds of records/histories.ts.
 *
 * Faults: a leave type outside Type1..Type4 is 2022, a missing or inconsistent value 2030; an
 * unknown absence or pension export is 2046 Not found (our choice: REFERENCE names no code).
 */
import { addDays } from '../world/calendar';
import type { AbsenceRecord, Employee } from '../world/model';
import { touch, type World } from '../world/world';
import { hrOf, latestPartOf, LEAVE_TYPES } from '../records/hr';
import { leaveType, requiredDate } from '../records/histories';
import { leaveBalance } from '../records/leave';
import {
	findPensionExport,
	pensionExportsOf,
	pensionExportXml,
	type PensionExport,
} from '../records/pensionExports';
import { NmbrsFault, requireCompany, requireEmployee } from './faults';
import { handler, int, str, type OperationHandler } from './params';

const invalid = (what: string) => new NmbrsFault(2030, `Invalid set of values: ${what}`);

function thisYear(world: World): number {
	return +world.clock.now().slice(0, 4);
}

// ---------------------------------------------------------------- absence

function requireAbsence(employee: Employee, id: number): AbsenceRecord {
	const absence = employee.absences.find((a) => a.id === id);
	if (!absence)
		throw new NmbrsFault(2046, `Not found: employee ${employee.id} has no absence ${id}`);
	return absence;
}

// ---------------------------------------------------------------- pension exports

function pensionExportRecord(pension: PensionExport) {
	return {
		PensionExportID: pension.id,
		SerialNumber: pension.serialNumber,
		Period: pension.run.period,
		Year: pension.run.year,
		Status: pension.status,
		SentAt: pension.sentAt,
		// One export per run of the period itself: never a correction of an earlier period.
		CorrectionTijdvakStart: null,
		CorrectionTijdvakEnd: null,
	};
}

export const hrRecordHandlers: Array<[string, OperationHandler]> = [
	handler('EmployeeService.LeaveBalance_Get', (world, { user, params }) => {
		const { employee, company } = requireEmployee(world, user, int(params, 'EmployeeId'));
		const balances = LEAVE_TYPES.map((type) =>
			leaveBalance(world, employee, company, thisYear(world), type),
		);
		const sum = (pick: (b: (typeof balances)[number]) => number) =>
			Math.round(balances.reduce((total, b) => total + pick(b), 0) * 100) / 100;
		return {
			DecMedewerkerVerlofStartSaldo: sum((b) => b.opening),
			DecMedewerkerVerlofCurrSaldo: sum((b) => b.current),
		};
	}),
	handler('EmployeeService.LeaveBalance_GetPerType', (world, { user, params }) => {
		const { employee, company } = requireEmployee(world, user, int(params, 'EmployeeId'));
		const type = leaveType(params.LeaveType);
		const balance = leaveBalance(world, employee, company, thisYear(world), type);
		return { OpeningBalance: balance.opening, CurrentBalance: balance.current };
	}),

	handler('EmployeeService.Absence_RecoveryInsert', (world, { user, params }) => {
		const { employee } = requireEmployee(world, user, int(params, 'EmployeeId'));
		const absence = latestPartOf(
			world,
			employee,
			requireAbsence(employee, int(params, 'AbsenceID')),
		);
		const lastDay = requiredDate(params.Lastdayabsence, 'Lastdayabsence');
		if (lastDay < absence.start) throw invalid('the last day of absence lies before its start');
		absence.end = lastDay;
		const comment = str(params, 'Comment');
		if (comment) absence.comment = comment;
		touch(world);
		// The answer's text is not known: the id of the absence that ended (our choice).
		return String(absence.id);
	}),
	handler('EmployeeService.Absence_PartialRecoveryInsert', (world, { user, params }) => {
		const { employee } = requireEmployee(world, user, int(params, 'EmployeeId'));
		const absence = latestPartOf(
			world,
			employee,
			requireAbsence(employee, int(params, 'AbsenceID')),
		);
		const from = requiredDate(params.StartDate, 'StartDate');
		const percent = int(params, 'Percent');
		if (percent <= 0 || percent > 100) throw invalid('Percent must be 1 to 100');
		if (from < absence.start) throw invalid('StartDate lies before the start of the absence');
		if (absence.end !== null && from > absence.end)
			throw invalid('StartDate lies after the absence ended');
		const comment = str(params, 'Comment');
		touch(world);
		if (from === absence.start) {
			// From its first day: the absence itself changes.
			absence.percentage = percent;
			if (comment) absence.comment = comment;
			return absence.id;
		}
		// The absence ends the day before; the same dossier goes on at the new percentage.
		const rest: AbsenceRecord = {
			...absence,
			id: world.nextIds.record++,
			comment: comment || absence.comment,
			percentage: percent,
			start: from,
		};
		absence.end = addDays(from, -1);
		employee.absences.push(rest);
		const hr = hrOf(world);
		hr.absenceContinuations[absence.id] = rest.id;
		const cause = hr.absenceCauses[absence.id];
		if (cause) hr.absenceCauses[rest.id] = cause;
		return rest.id;
	}),

	handler('CompanyService.PensionExport_GetList', (world, { user, params }) => {
		const company = requireCompany(world, user, int(params, 'CompanyId'));
		return pensionExportsOf(world, company, int(params, 'intYear')).map(pensionExportRecord);
	}),
	handler('CompanyService.PensionExport_GetXML', (world, { user, params }) => {
		const company = requireCompany(world, user, int(params, 'CompanyId'));
		const id = int(params, 'PensionExportID');
		const pension = findPensionExport(world, company, id);
		if (!pension)
			throw new NmbrsFault(2046, `Not found: company ${company.id} has no pension export ${id}`);
		return pensionExportXml(world, company, pension);
	}),
];
