/**
 * HR records: leave and its balance from the schedule, absence writes read back by the absence
 * lists, and pension exports made from the locked runs. Writes show in the reads; unknown ids,
 * an invalid leave type and an end before the start are refused with their Nmbrs faults.
 */
import { generatedCatalogue } from '../../nodes/Nmbrs/catalogue';
import { fieldsOfType } from '../../nodes/Nmbrs/wire';
import { LEAVE_STATUSES, LEAVE_TYPES, LEAVE_USAGE_TYPES } from '../src/records/hr';
import { advanceClock, createWorld, worldToJson } from '../src/world';
import { payslipsOfRun } from '../src/world/payroll';
import { worldFromJson } from '../src/world/persistence';
import type { Employee } from '../src/world/model';
import type { World } from '../src/world/world';
import { call, faultOf, rows, tagValues, toCents, type Row } from './worldHelpers';

let world: World;
const user = () => world.users.find((u) => u.email === 'accountant@demo.example')!;
const employeeTypes = generatedCatalogue('EmployeeService')!;
const companyTypes = generatedCatalogue('CompanyService')!;
const fieldNames = (type: string, catalogue = employeeTypes) =>
	fieldsOfType(type, catalogue).map((f) => f.name);

beforeEach(() => {
	world = createWorld({ kind: 'demo' }, undefined, { now: '2026-11-25' });
});

/** On the payroll all of 2026 with one schedule since before it: a whole year's entitlement. */
function fullYearEmployee(index = 0): Employee {
	const found = world.employees.filter(
		(e) =>
			e.kind === 'payroll' &&
			e.employments.length === 1 &&
			e.employments[0].endDate === null &&
			e.employments[0].startDate < '2025-01-01' &&
			e.schedules.length === 1,
	);
	return found[index];
}

const weeklyHours = (e: Employee) => e.schedules[0].hours.reduce((a, b) => a + b, 0) / 2;

const leaveOf = (e: Employee, params: Row = {}) =>
	rows(world, user(), 'EmployeeService.Leave_GetList_V2', {
		EmployeeId: e.id,
		Year: 2026,
		...params,
	});

const balance = (e: Employee) =>
	call(world, user(), 'EmployeeService.LeaveBalance_Get', { EmployeeId: e.id }) as Row;

const perType = (e: Employee, type: string) =>
	call(world, user(), 'EmployeeService.LeaveBalance_GetPerType', {
		EmployeeId: e.id,
		LeaveType: type,
	}) as Row;

const leave = (fields: Row = {}) => ({
	Description: 'Vakantie',
	Hours: 0,
	UsageType: 'Withdrawal',
	Start: '2026-12-14T00:00:00',
	End: '2026-12-18T00:00:00',
	StartHours: 0,
	EndHours: 0,
	Type: 'Type1',
	Status: 'Approved',
	...fields,
});

describe('leave', () => {
	it('uses the enums the catalogue has', () => {
		expect(['Undefined', ...LEAVE_TYPES]).toEqual(employeeTypes.enums.LeaveType);
		expect([...LEAVE_USAGE_TYPES]).toEqual(employeeTypes.enums.LeaveUsageType);
		expect([...LEAVE_STATUSES]).toEqual(employeeTypes.enums.LeaveStatus);
	});

	it('most employees on the payroll this year have leave this year, within their employment', () => {
		const employed = world.employees.filter(
			(e) =>
				e.kind === 'payroll' &&
				e.employments.some(
					(m) => m.startDate <= '2026-11-25' && (m.endDate ?? '9') >= '2026-01-01',
				),
		);
		const withLeave = employed.filter((e) => leaveOf(e).length > 0);
		expect(withLeave.length / employed.length).toBeGreaterThan(0.6);
		for (const e of withLeave) {
			for (const row of leaveOf(e)) {
				expect(Object.keys(row)).toEqual(fieldNames('LeaveV2'));
				expect((row.End as string) >= (row.Start as string)).toBe(true);
				const day = (row.Start as string).slice(0, 10);
				expect(e.employments.some((m) => m.startDate <= day && (m.endDate ?? '9') >= day)).toBe(
					true,
				);
			}
		}
		// Leave_GetList is the same without the Id.
		const e = withLeave[0];
		expect(
			rows(world, user(), 'EmployeeService.Leave_GetList', { EmployeeId: e.id, Year: 2026 }),
		).toEqual(leaveOf(e).map(({ Id: _id, ...rest }) => rest));
		expect(leaveOf(e, { Year: 2024 })).toEqual([]);
	});

	it('filters by type and usage when given', () => {
		const all = world.employees.flatMap((e) => leaveOf(e));
		expect(new Set(all.map((r) => r.UsageType))).toEqual(
			new Set(['Withdrawal', 'Store', 'Expired']),
		);
		const e = world.employees.find((x) => leaveOf(x).some((r) => r.UsageType === 'Store'))!;
		const stored = leaveOf(e, { Soort: 'Store' });
		expect(stored.length).toBeGreaterThan(0);
		expect(stored.every((r) => r.UsageType === 'Store')).toBe(true);
		expect(leaveOf(e, { Type: 'Type1', Soort: 'Withdrawal' })).toEqual(
			leaveOf(e).filter((r) => r.Type === 'Type1' && r.UsageType === 'Withdrawal'),
		);
	});

	it('the yearly entitlement is 4 x the weekly hours (statutory) + 1 x (extra); leave taken comes off', () => {
		const e = fullYearEmployee();
		const weekly = weeklyHours(e);
		expect(perType(e, 'Type1').OpeningBalance).toBeCloseTo(4 * weekly, 2);
		expect(perType(e, 'Type2').OpeningBalance).toBeCloseTo(weekly, 2);
		expect(perType(e, 'Type3')).toEqual({ OpeningBalance: 0, CurrentBalance: 0 });
		expect(balance(e).DecMedewerkerVerlofStartSaldo).toBeCloseTo(5 * weekly, 2);
		// Current = opening + stored - taken - expired, over what counts (not pending or rejected).
		const counted = leaveOf(e).filter((r) => r.Status === 'Approved' || r.Status === 'None');
		const change = counted.reduce(
			(sum, r) => sum + (r.UsageType === 'Store' ? 1 : -1) * (r.Hours as number),
			0,
		);
		expect(balance(e).DecMedewerkerVerlofCurrSaldo).toBeCloseTo(5 * weekly + change, 2);
	});

	it('an insert is listed with the hours its days are scheduled for, and lowers the balance', () => {
		const e = fullYearEmployee(1);
		const before = perType(e, 'Type1').CurrentBalance as number;
		const ids = new Set(leaveOf(e).map((r) => r.Id));
		// 14 to 18 December 2026 is Monday to Friday.
		call(world, user(), 'EmployeeService.Leave_Insert', { EmployeeId: e.id, Leave: leave() });
		const added = leaveOf(e).filter((r) => !ids.has(r.Id));
		const week = e.schedules[0].hours;
		expect(added).toHaveLength(1);
		expect(added[0]).toMatchObject({
			Description: 'Vakantie',
			Start: '2026-12-14T00:00:00',
			End: '2026-12-18T00:00:00',
			Type: 'Type1',
			UsageType: 'Withdrawal',
			Status: 'Approved',
		});
		// Monday to Friday of the rota (the seeded schedules repeat one week).
		expect(added[0].Hours).toBe(week.slice(0, 5).reduce((a, b) => a + b, 0));
		expect(perType(e, 'Type1').CurrentBalance).toBeCloseTo(before - (added[0].Hours as number), 2);
		// Given hours are kept; a pending request does not count yet.
		call(world, user(), 'EmployeeService.Leave_Insert', {
			EmployeeId: e.id,
			Leave: leave({
				Start: '2026-12-21T00:00:00',
				End: '2026-12-21T00:00:00',
				Hours: 4,
				Status: 'Pending',
			}),
		});
		expect(leaveOf(e).find((r) => r.Start === '2026-12-21T00:00:00')).toMatchObject({
			Hours: 4,
			Status: 'Pending',
		});
		expect(perType(e, 'Type1').CurrentBalance).toBeCloseTo(before - (added[0].Hours as number), 2);
	});

	it('an update replaces the record; a delete removes it; an unknown id is 2018', () => {
		const e = fullYearEmployee(2);
		call(world, user(), 'EmployeeService.Leave_Insert', { EmployeeId: e.id, Leave: leave() });
		const id = leaveOf(e).find((r) => r.Start === '2026-12-14T00:00:00')!.Id as number;
		call(world, user(), 'EmployeeService.Leave_Update', {
			EmployeeId: e.id,
			Leave: { ...leave({ Type: 'Type2', Hours: 16, Description: 'Kerst' }), Id: id },
		});
		expect(leaveOf(e).find((r) => r.Id === id)).toMatchObject({
			Type: 'Type2',
			Hours: 16,
			Description: 'Kerst',
		});
		expect(leaveOf(e, { Type: 'Type1' }).map((r) => r.Id)).not.toContain(id);
		expect(
			call(world, user(), 'EmployeeService.Leave_Delete', { EmployeeId: e.id, LeaveId: id }),
		).toBe(String(id));
		expect(leaveOf(e).map((r) => r.Id)).not.toContain(id);
		expect(
			faultOf(() =>
				call(world, user(), 'EmployeeService.Leave_Delete', { EmployeeId: e.id, LeaveId: id }),
			),
		).toBe(2018);
		expect(
			faultOf(() =>
				call(world, user(), 'EmployeeService.Leave_Update', {
					EmployeeId: e.id,
					Leave: { ...leave(), Id: 12345 },
				}),
			),
		).toBe(2018);
		// Another employee's leave is not this one's.
		const other = world.employees.find((x) => x.id !== e.id && leaveOf(x).length > 0)!;
		expect(
			faultOf(() =>
				call(world, user(), 'EmployeeService.Leave_Delete', {
					EmployeeId: e.id,
					LeaveId: leaveOf(other)[0].Id,
				}),
			),
		).toBe(2018);
	});

	it('refuses an invalid leave type (2022), an end before the start (2030), an unknown employee (2003)', () => {
		const e = fullYearEmployee();
		const insert = (fields: Row, employeeId = e.id) =>
			faultOf(() =>
				call(world, user(), 'EmployeeService.Leave_Insert', {
					EmployeeId: employeeId,
					Leave: leave(fields),
				}),
			);
		expect(insert({ Type: 'Undefined' })).toBe(2022);
		expect(insert({ End: '2026-12-10T00:00:00' })).toBe(2030);
		expect(insert({ Start: '0001-01-01T00:00:00' })).toBe(2030);
		expect(insert({ Start: '2001-01-01T00:00:00' })).toBe(2030);
		expect(insert({}, 1)).toBe(2003);
		expect(faultOf(() => perType(e, 'Undefined'))).toBe(2022);
		expect(
			faultOf(() =>
				call(world, user(), 'EmployeeService.LeaveBalance_GetPerType', { EmployeeId: e.id }),
			),
		).toBe(2022);
		expect(
			faultOf(() => call(world, user(), 'EmployeeService.Leave_Insert', { EmployeeId: e.id })),
		).toBe(2030);
	});

	it('a world saved before leave existed loads and takes leave', () => {
		const saved = JSON.parse(worldToJson(world)) as Record<string, unknown>;
		delete saved.hr;
		world = worldFromJson(JSON.stringify(saved), 'old.json');
		const e = fullYearEmployee();
		expect(leaveOf(e)).toEqual([]);
		expect(perType(e, 'Type1').CurrentBalance).toBeCloseTo(4 * weeklyHours(e), 2);
		call(world, user(), 'EmployeeService.Leave_Insert', { EmployeeId: e.id, Leave: leave() });
		expect(leaveOf(e)).toHaveLength(1);
		expect(worldFromJson(worldToJson(world), 'again.json').hr?.leave[e.id]).toHaveLength(1);
	});
});

describe('absence', () => {
	const absence = (fields: Row = {}) => ({
		AbsenceId: 0,
		Comment: 'Griep',
		Percentage: 100,
		Start: '2026-11-10T00:00:00',
		End: null,
		Dossier: 'Ziekte',
		Dossiernr: 0,
		...fields,
	});
	const absencesOf = (e: Employee) =>
		rows(world, user(), 'EmployeeService.Absence_GetList', { EmployeeId: e.id });

	it('an insert shows in Absence_GetList and in the company list of its year; NewDossier opens one', () => {
		const e = fullYearEmployee();
		const numbers = e.absences.map((a) => a.dossierNumber);
		const id = call(world, user(), 'EmployeeService.Absence_Insert', {
			EmployeeId: e.id,
			Absence: absence(),
			NewDossier: true,
		}) as number;
		const row = absencesOf(e).find((a) => a.AbsenceId === id);
		expect(row).toMatchObject({
			Comment: 'Griep',
			Percentage: 100,
			Start: '2026-11-10T00:00:00',
			End: null,
			Dossier: 'Ziekte',
			Dossiernr: Math.max(0, ...numbers) + 1,
		});
		const company = rows(world, user(), 'EmployeeService.Absence_GetAll_AllEmployeesByCompany', {
			CompanyId: e.companyId,
			Year: 2026,
		});
		expect(company).toContainEqual({ ...row, EmployeeId: e.id });
		// Without NewDossier a relapse joins the latest dossier.
		const relapse = call(world, user(), 'EmployeeService.Absence_Insert', {
			EmployeeId: e.id,
			Absence: absence({ Start: '2026-11-20T00:00:00', Percentage: 50 }),
			NewDossier: false,
		});
		expect(absencesOf(e).find((a) => a.AbsenceId === relapse)?.Dossiernr).toBe(row?.Dossiernr);
	});

	it('Absence2 keeps the cause given, and lists every absence with one', () => {
		const e = fullYearEmployee();
		const id = call(world, user(), 'EmployeeService.Absence2_Insert', {
			EmployeeId: e.id,
			Absence: absence({ AbsenceCause: { CauseId: 3, Cause: null } }),
			NewDossier: true,
		});
		const list = rows(world, user(), 'EmployeeService.Absence2_GetList', { EmployeeId: e.id });
		expect(Object.keys(list[0])).toEqual(fieldNames('AbsenceV2'));
		expect(list.find((a) => a.AbsenceId === id)?.AbsenceCause).toEqual({
			CauseId: 3,
			Cause: 'Arbeidsongeval',
		});
		expect(list.map((a) => a.AbsenceId)).toEqual(absencesOf(e).map((a) => a.AbsenceId));
		expect(
			faultOf(() =>
				call(world, user(), 'EmployeeService.Absence2_Insert', {
					EmployeeId: e.id,
					Absence: absence({ AbsenceCause: { CauseId: 99, Cause: null } }),
					NewDossier: true,
				}),
			),
		).toBe(2030);
	});

	it('a partial recovery changes the percentage from its date; a recovery ends the absence', () => {
		const e = fullYearEmployee();
		const id = call(world, user(), 'EmployeeService.Absence_Insert', {
			EmployeeId: e.id,
			Absence: absence({ Start: '2026-10-01T00:00:00' }),
			NewDossier: true,
		}) as number;
		const partial = call(world, user(), 'EmployeeService.Absence_PartialRecoveryInsert', {
			EmployeeId: e.id,
			AbsenceID: id,
			StartDate: '2026-10-15T00:00:00',
			Reportdate: '2026-10-14T00:00:00',
			Percent: 50,
			Comment: 'Halve dagen',
		}) as number;
		const byId = (absenceId: number) => absencesOf(e).find((a) => a.AbsenceId === absenceId);
		expect(byId(id)).toMatchObject({ Percentage: 100, End: '2026-10-14T00:00:00' });
		expect(byId(partial)).toMatchObject({
			Percentage: 50,
			Start: '2026-10-15T00:00:00',
			End: null,
			Comment: 'Halve dagen',
			Dossiernr: byId(id)?.Dossiernr,
		});
		// The recovery, given the first absence's id, ends the part still open.
		expect(
			call(world, user(), 'EmployeeService.Absence_RecoveryInsert', {
				EmployeeId: e.id,
				AbsenceID: id,
				Lastdayabsence: '2026-11-02T00:00:00',
				Reportdate: '2026-11-03T00:00:00',
			}),
		).toBe(String(partial));
		expect(byId(partial)?.End).toBe('2026-11-02T00:00:00');
		expect(byId(id)?.End).toBe('2026-10-14T00:00:00');
	});

	it('refuses an end before the start (2030) and an unknown absence (2046)', () => {
		const e = fullYearEmployee();
		const insert = (fields: Row) =>
			faultOf(() =>
				call(world, user(), 'EmployeeService.Absence_Insert', {
					EmployeeId: e.id,
					Absence: absence(fields),
					NewDossier: true,
				}),
			);
		expect(insert({ End: '2026-11-01T00:00:00' })).toBe(2030);
		expect(insert({ Percentage: 0 })).toBe(2030);
		expect(insert({ Start: '2001-01-01T00:00:00' })).toBe(2030);
		const id = call(world, user(), 'EmployeeService.Absence_Insert', {
			EmployeeId: e.id,
			Absence: absence(),
			NewDossier: true,
		});
		const recover = (lastDay: string, absenceId = id) =>
			faultOf(() =>
				call(world, user(), 'EmployeeService.Absence_RecoveryInsert', {
					EmployeeId: e.id,
					AbsenceID: absenceId,
					Lastdayabsence: lastDay,
					Reportdate: '2026-11-24T00:00:00',
				}),
			);
		expect(recover('2026-11-09T00:00:00')).toBe(2030);
		expect(recover('2026-11-12T00:00:00', 42)).toBe(2046);
		const partial = (startDate: string) =>
			faultOf(() =>
				call(world, user(), 'EmployeeService.Absence_PartialRecoveryInsert', {
					EmployeeId: e.id,
					AbsenceID: id,
					StartDate: startDate,
					Reportdate: '2026-11-24T00:00:00',
					Percent: 50,
				}),
			);
		expect(partial('2026-11-01T00:00:00')).toBe(2030);
		expect(recover('2026-11-12T00:00:00')).toBe('no fault');
		expect(partial('2026-11-20T00:00:00')).toBe(2030);
	});
});

describe('pension exports', () => {
	const company = () => world.companies[0];
	const exportsOf = (year = 2026) =>
		rows(world, user(), 'CompanyService.PensionExport_GetList', {
			CompanyId: company().id,
			intYear: year,
		});

	it('one per locked run of the year, numbered in order, sent once ten days have passed', () => {
		const list = exportsOf();
		const locked = world.runs.filter(
			(r) => r.companyId === company().id && r.year === 2026 && r.isLocked,
		);
		expect(list).toHaveLength(locked.length);
		expect(Object.keys(list[0])).toEqual(fieldNames('PensionExport', companyTypes));
		expect(list.map((x) => x.SerialNumber)).toEqual(list.map((_, i) => i + 1));
		expect(list.map((x) => x.Period)).toEqual(
			[...list.map((x) => x.Period as number)].sort((a, b) => a - b),
		);
		// Monthly company, now 25 November: October's export went on 10 November.
		const october = list.find((x) => x.Period === 10)!;
		expect(october).toMatchObject({ Status: 'sent', SentAt: '2026-11-10T10:00:00', Year: 2026 });
		expect(exportsOf(2025).length).toBeGreaterThanOrEqual(12);
		expect(
			faultOf(() =>
				call(world, user(), 'CompanyService.PensionExport_GetList', {
					CompanyId: 1,
					intYear: 2026,
				}),
			),
		).toBe(2004);
	});

	it("the XML has the run's employees with the payslips' pension base and premiums", () => {
		const last = exportsOf().at(-1)!;
		const xml = call(world, user(), 'CompanyService.PensionExport_GetXML', {
			PensionExportID: last.PensionExportID,
			CompanyId: company().id,
		}) as string;
		// Exports are numbered over the year's locked runs by period, then run number.
		const run = world.runs
			.filter((r) => r.companyId === company().id && r.year === 2026 && r.isLocked)
			.sort((a, b) => a.period - b.period || a.number - b.number)[
			(last.SerialNumber as number) - 1
		];
		expect(run.period).toBe(last.Period);
		const slips = payslipsOfRun(world, run);
		const numbers = slips.map((s) => world.employees.find((e) => e.id === s.employeeId)!.number);
		expect(tagValues(xml, 'PersNr').map(Number)).toEqual(numbers);
		expect(tagValues(xml, 'PremieWn').map(toCents)).toEqual(
			slips.map((s) => s.pensionEmployeeCents),
		);
		const sum = (pick: (s: (typeof slips)[number]) => number) =>
			slips.reduce((total, s) => total + pick(s), 0);
		expect(toCents(tagValues(xml, 'TotPensioengevendLoon')[0])).toBe(sum((s) => s.grossCents));
		expect(toCents(tagValues(xml, 'TotPremieWg')[0])).toBe(sum((s) => s.pensionEmployerCents));
		expect(tagValues(xml, 'AantWn')).toEqual([String(slips.length)]);
		expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<Pensioenaangifte /);
	});

	it("an unknown export, or another company's, is 2046", () => {
		const other = world.companies[1];
		const theirs = rows(world, user(), 'CompanyService.PensionExport_GetList', {
			CompanyId: other.id,
			intYear: 2026,
		})[0];
		const getXml = (id: unknown) =>
			faultOf(() =>
				call(world, user(), 'CompanyService.PensionExport_GetXML', {
					PensionExportID: id,
					CompanyId: company().id,
				}),
			);
		expect(getXml(theirs.PensionExportID)).toBe(2046);
		expect(getXml(0)).toBe(2046);
	});

	it('a period that ends brings its export, made and not sent yet', () => {
		const before = exportsOf();
		advanceClock(world, { to: '2026-12-02T09:00:00' });
		const after = exportsOf();
		expect(after).toHaveLength(before.length + 1);
		expect(after.at(-1)).toMatchObject({ Period: 11, Status: 'created', SentAt: null });
	});
});
