/**
 * The seeded world: deterministic, Dutch and realistic enough that a payroll user recognises it,
 * with history, valid identifiers, and documents whose numbers agree with each other.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import {
	advanceClock,
	createRun,
	createWorld,
	DECLARATION_STATUSES,
	DEMO_LOGINS,
	dutchToday,
	lockRun,
	saveWorld,
	setDeclarationStatus,
	setUserTemplate,
	worldToJson,
	type World,
} from '../src/world';
import { resolveWorldNow } from '../src';
import { isValidBsn, isValidIban } from '../src/world/identifiers';
import { computePayslip, employeesOfRun } from '../src/world/payroll';
import { declarationXml, payslipPdf, sepaXml } from '../src/world/documents';
import { call, pdfProblems, rows, tagValues, toCents, type Row } from './worldHelpers';

const demo = createWorld({ kind: 'demo' });
const accountant = demo.users[0];
const today = demo.clock.now().slice(0, 10);

function someDocuments(world: World): string[] {
	const run = world.runs[5];
	const employee = employeesOfRun(world, run)[0];
	return [
		payslipPdf(world, run, employee).toString('base64'),
		declarationXml(world, world.declarations[3]),
		sepaXml(world, run, null),
	];
}

describe('determinism', () => {
	it('gives the same world and documents, byte for byte, for the same seed', () => {
		const again = createWorld({ kind: 'demo' });
		expect(JSON.stringify(again)).toBe(JSON.stringify(demo));
		expect(someDocuments(again)).toEqual(someDocuments(demo));
	});

	it('gives another world for another seed', () => {
		const other = createWorld({ kind: 'demo' }, 7);
		expect(JSON.stringify(other)).not.toBe(JSON.stringify(demo));
		expect(other.employees[0].personalInfo[0].data.BSN).not.toBe(
			demo.employees[0].personalInfo[0].data.BSN,
		);
	});
});

describe('the demo world', () => {
	it('holds several debtors with monthly and 4-weekly companies and 200+ employees', () => {
		expect(demo.debtors.length).toBeGreaterThanOrEqual(3);
		expect(demo.companies.length).toBeGreaterThanOrEqual(8);
		expect(new Set(demo.companies.map((c) => c.periodType))).toEqual(new Set(['Month', 'Week4']));
		expect(demo.employees.length).toBeGreaterThanOrEqual(200);
		for (const debtor of demo.debtors)
			expect(demo.companies.some((c) => c.debtorId === debtor.id)).toBe(true);
	});

	it('gives companies Dutch registration numbers and addresses', () => {
		for (const company of demo.companies) {
			expect(company.kvkNumber).toMatch(/^\d{8}$/);
			expect(company.payrollTaxNumber).toMatch(/^\d{9}L\d{2}$/);
			expect(isValidBsn(company.payrollTaxNumber.slice(0, 9))).toBe(true); // the RSIN passes the elfproef too
			expect(company.address.postalCode).toMatch(/^[1-9]\d{3} [A-Z]{2}$/);
			expect(isValidIban(company.iban)).toBe(true);
		}
	});

	it('has only fake BSNs that pass the elfproef, never twice', () => {
		const bsns = demo.employees.flatMap((e) => e.personalInfo.map((v) => v.data.BSN));
		for (const bsn of bsns) expect(isValidBsn(bsn as string)).toBe(true);
		expect(new Set(demo.employees.map((e) => e.personalInfo[0].data.BSN)).size).toBe(
			demo.employees.length,
		);
		// The elfproef itself: a correct number passes, one changed digit fails.
		expect(isValidBsn('111222333')).toBe(true);
		expect(isValidBsn('111222334')).toBe(false);
	});

	it('has only Dutch IBANs that pass mod-97', () => {
		const ibans = demo.employees.flatMap((e) =>
			e.bankAccounts.flatMap((v) => v.accounts.map((a) => a.iban)),
		);
		expect(ibans.length).toBeGreaterThan(150);
		for (const iban of ibans) {
			expect(iban).toMatch(/^NL\d{2}[A-Z]{4}\d{10}$/);
			expect(isValidIban(iban)).toBe(true);
		}
		expect(isValidIban('NL91ABNA0417164300')).toBe(true);
		expect(isValidIban('NL91ABNA0417164301')).toBe(false);
	});

	it('uses Dutch names with separate prefixes and postal codes like 1234 AB', () => {
		const people = demo.employees.map((e) => e.personalInfo[0].data);
		expect(people.some((p) => p.Prefix === 'van der' || p.Prefix === 'van den')).toBe(true);
		expect(people.some((p) => p.Prefix === null)).toBe(true);
		for (const employee of demo.employees)
			for (const v of employee.addresses) expect(v.address.postalCode).toMatch(/^\d{4} [A-Z]{2}$/);
	});

	it('keeps history: several versions, some future-dated, so "current" is not the latest record', () => {
		const company = demo.companies[0];
		const items = rows(
			demo,
			accountant,
			'EmployeeService.PersonalInfo_GetAll_AllEmployeesByCompany',
			{ CompanyID: company.id },
		);
		const current = call(demo, accountant, 'CompanyService.Company_GetCurrentPeriod', {
			CompanyId: company.id,
		}) as string;
		const [year, period] = current.split('-').map(Number);
		const withFuture = items.find((item) => {
			const versions = item.EmployeePersonalInfos as Row[];
			return (
				versions.length >= 2 &&
				versions.some(
					(v) => (v.StartYear as number) * 100 + (v.StartPeriod as number) > year * 100 + period,
				)
			);
		});
		expect(withFuture).toBeDefined();
		const versions = withFuture?.EmployeePersonalInfos as Row[];
		const latest = versions[versions.length - 1];
		const now = call(demo, accountant, 'EmployeeService.PersonalInfo_GetCurrent', {
			EmployeeId: withFuture?.EmployeeId,
		}) as Row;
		expect(now.EmailWork).not.toBe(latest.EmailWork);

		const salaries = rows(demo, accountant, 'EmployeeService.Salary_GetAll_AllEmployeesByCompany', {
			CompanyID: company.id,
		});
		const raised = salaries.find((item) =>
			(item.EmployeeSalaries as Row[]).some((s) => (s.StartDate as string) > today),
		);
		expect(raised).toBeDefined();
		const history = raised?.EmployeeSalaries as Row[];
		const currentSalary = call(demo, accountant, 'EmployeeService.Salary_GetCurrent', {
			EmployeeId: raised?.EmployeeId,
		}) as Row;
		expect(currentSalary.Value).not.toBe(history[history.length - 1].Value);
		expect(history.length).toBeGreaterThanOrEqual(2);
	});

	it('has people out of service, with an end date in the past, listed as employee type 4', () => {
		const outOfService = demo.companies.flatMap((c) =>
			rows(demo, accountant, 'EmployeeService.List_GetByCompany', {
				CompanyId: c.id,
				EmployeeType: 4,
			}),
		);
		expect(outOfService.length).toBeGreaterThan(5);
		for (const row of outOfService) {
			const employee = demo.employees.find((e) => e.id === row.Id);
			expect(employee?.employments.every((e) => e.endDate !== null && e.endDate < today)).toBe(
				true,
			);
		}
	});

	it('has payroll runs per period: older ones locked, the current one open', () => {
		for (const company of demo.companies) {
			const runs = rows(demo, accountant, 'CompanyService.Run_GetList', {
				CompanyId: company.id,
				Year: 2026,
			});
			const current = Number(
				(
					call(demo, accountant, 'CompanyService.Company_GetCurrentPeriod', {
						CompanyId: company.id,
					}) as string
				).split('-')[1],
			);
			expect(runs.filter((r) => r.PeriodStart === current).every((r) => r.IsLocked === false)).toBe(
				true,
			);
			expect(
				runs.filter((r) => (r.PeriodStart as number) < current).every((r) => r.IsLocked === true),
			).toBe(true);
			expect(runs.some((r) => r.PeriodStart === current)).toBe(true);
		}
	});

	it('has declarations in every status stage, and a correction', () => {
		const statuses = new Set(demo.declarations.map((d) => d.status));
		expect([...statuses].sort()).toEqual(['accepted', 'locked', 'open'].sort());
		expect(demo.declarations.some((d) => d.correction !== null)).toBe(true);
	});
});

describe('documents', () => {
	const company = demo.companies[3];
	const runs = rows(demo, accountant, 'CompanyService.Run_GetList', {
		CompanyId: company.id,
		Year: 2026,
	});
	const run = runs[2];

	it('payslips and annual statements are real PDFs with correct xref offsets', () => {
		const all = call(
			demo,
			accountant,
			'CompanyService.SalaryDocuments_GetAllPayslipsPDFByRunCompany_v2',
			{ CompanyId: company.id, RunID: run.ID, intYear: 2026 },
		) as Row;
		expect(pdfProblems(all.PDF as Buffer)).toEqual([]);
		const employees = rows(demo, accountant, 'CompanyService.Run_GetEmployeesByRunCompany', {
			CompanyId: company.id,
			RunId: run.ID,
			Year: 2026,
		});
		expect((all.PDF as Buffer).toString('latin1').match(/\/Type \/Page\b/g)?.length).toBe(
			employees.length,
		);
		const one = rows(
			demo,
			accountant,
			'CompanyService.SalaryDocuments_GetEmployeePayslipsPDFByRunCompany_v2',
			{
				EmployeeID: employees[0].EmployeeId,
				CompanyId: company.id,
				RunID: run.ID,
				intYear: 2026,
			},
		);
		expect(one).toHaveLength(1);
		expect(pdfProblems(one[0].PDF as Buffer)).toEqual([]);
		const annual = call(demo, accountant, 'EmployeeService.SalaryDocuments_GetAnnualStatementPDF', {
			EmployeeID: employees[0].EmployeeId,
			intYear: 2025,
		}) as Row;
		expect(pdfProblems(annual.PDF as Buffer)).toEqual([]);
		expect((annual.PDF as Buffer).toString('latin1')).toContain('Jaaropgaaf 2025');
	});

	it('declaration totals add up from the payslips of the period', () => {
		const declarations = rows(demo, accountant, 'CompanyService.WageTax_GetList', {
			CompanyId: company.id,
			intYear: 2026,
		});
		let checked = 0;
		for (const declaration of declarations.filter((d) => d.CorrectionTijdvakStart === null)) {
			const xml = call(demo, accountant, 'CompanyService.WageTax_GetXML', {
				LoonaangifteID: declaration.LoonaangifteID,
				CompanyId: company.id,
			}) as string;
			expect(tagValues(xml, 'LhNr')).toEqual([company.payrollTaxNumber]);
			expect(tagValues(xml, 'DatAanvTv')).toEqual([declaration.TijdvakStart]);
			const sum = (tag: string) => tagValues(xml, tag).reduce((acc, v) => acc + Number(v), 0);
			for (const [total, each] of [
				['TotLnLbPh', 'LnLbPh'],
				['TotLnSV', 'LnSV'],
				['TotLbPh', 'LbPh'],
				['TotPrAWf', 'PrAWf'],
				['TotWghZvw', 'WghZvw'],
			]) {
				expect(Number(tagValues(xml, total)[0])).toBe(sum(each));
			}
			const parts = ['TotLbPh', 'TotPrAWf', 'TotPrAof', 'TotPrWhk', 'TotWghZvw'].reduce(
				(acc, tag) => acc + Number(tagValues(xml, tag)[0]),
				0,
			);
			expect(Number(tagValues(xml, 'TotTeBet')[0])).toBe(parts);
			expect(declaration.TotalGeneral).toBe(parts);
			// Each person's wage for insurances is their payslips' gross of that period, in whole euros.
			const periodRuns = demo.runs.filter(
				(r) =>
					r.companyId === company.id &&
					r.year === declaration.Year &&
					r.period === declaration.Period,
			);
			const grossByBsn = new Map<string, number>();
			for (const r of periodRuns) {
				for (const e of employeesOfRun(demo, r)) {
					const bsn = e.personalInfo[0].data.BSN as string;
					grossByBsn.set(bsn, (grossByBsn.get(bsn) ?? 0) + computePayslip(demo, r, e).grossCents);
				}
			}
			const reported = tagValues(xml, 'SofiNr');
			expect(reported.sort()).toEqual([...grossByBsn.keys()].sort());
			const lnsv = tagValues(xml, 'LnSV').map(Number);
			expect(lnsv.reduce((a, b) => a + b, 0)).toBe(
				[...grossByBsn.values()].reduce((acc, c) => acc + Math.trunc(c / 100), 0),
			);
			checked++;
		}
		expect(checked).toBeGreaterThan(5);
	});

	it('the SEPA file pays each net salary to a valid IBAN, with NbOfTxs and CtrlSum consistent', () => {
		const sepa = call(demo, accountant, 'CompanyService.SalaryDocuments_GetSEPA', {
			CompanyId: company.id,
			RunID: run.ID,
			Year: 2026,
			paymentDate: '2026-03-25',
		}) as string;
		expect(sepa).toContain('urn:iso:std:iso:20022:tech:xsd:pain.001.001.03');
		const amounts = tagValues(sepa, 'InstdAmt').map(toCents);
		expect(tagValues(sepa, 'NbOfTxs')).toEqual([String(amounts.length), String(amounts.length)]);
		const ctrl = tagValues(sepa, 'CtrlSum');
		expect(ctrl.map(toCents)).toEqual([
			amounts.reduce((a, b) => a + b, 0),
			amounts.reduce((a, b) => a + b, 0),
		]);
		for (const iban of tagValues(sepa, 'IBAN')) expect(isValidIban(iban)).toBe(true);
		expect(tagValues(sepa, 'ReqdExctnDt')).toEqual(['2026-03-25']);
		const nets = employeesOfRun(
			demo,
			demo.runs.find((r) => r.id === run.ID)!,
		).map(
			(e) =>
				computePayslip(
					demo,
					demo.runs.find((r) => r.id === run.ID)!,
					e,
				).netCents,
		);
		expect(amounts.sort()).toEqual(nets.filter((n) => n > 0).sort());
	});

	it('the journal balances', () => {
		const journal = call(demo, accountant, 'CompanyService.Journals_GetByRunCompany_v2', {
			CompanyId: company.id,
			RunId: run.ID,
			intYear: 2026,
		}) as string;
		const debit = tagValues(journal, 'Debit')
			.map(toCents)
			.reduce((a, b) => a + b, 0);
		const credit = tagValues(journal, 'Credit')
			.map(toCents)
			.reduce((a, b) => a + b, 0);
		expect(debit).toBeGreaterThan(0);
		expect(debit).toBe(credit);
		expect(toCents(tagValues(journal, 'TotalDebit')[0])).toBe(debit);
	});
});

describe('time and admin mutations', () => {
	it('advancing the clock opens a new period, locks the old run and moves declarations on', () => {
		const world = createWorld({ kind: 'demo' });
		const user = world.users[0];
		const company = world.companies[0]; // monthly
		expect(
			call(world, user, 'CompanyService.Company_GetCurrentPeriod', { CompanyId: company.id }),
		).toBe('2026-11-M');
		const november = () =>
			rows(world, user, 'CompanyService.WageTax_GetList', {
				CompanyId: company.id,
				intYear: 2026,
			}).find((d) => d.Period === 11);
		expect(november()?.Status).toBe(DECLARATION_STATUSES.open);

		advanceClock(world, { to: '2026-12-01T07:00:00' });
		expect(
			call(world, user, 'CompanyService.Company_GetCurrentPeriod', { CompanyId: company.id }),
		).toBe('2026-12-M');
		const runs = rows(world, user, 'CompanyService.Run_GetList', {
			CompanyId: company.id,
			Year: 2026,
		});
		expect(runs.filter((r) => r.PeriodStart === 11).every((r) => r.IsLocked)).toBe(true);
		expect(runs.filter((r) => r.PeriodStart === 12).map((r) => r.IsLocked)).toEqual([false]);
		expect(november()?.Status).toBe(DECLARATION_STATUSES.locked);

		advanceClock(world, { days: 30 });
		expect(november()?.Status).toBe(DECLARATION_STATUSES.accepted);
		expect(november()?.SentAt).not.toBeNull();
		expect(() => advanceClock(world, { to: '2026-01-01' })).toThrow(/only moves forward/);
	});

	it('the admin API can set a status, make and lock a run, and change a login template', () => {
		const world = createWorld({ kind: 'demo' });
		const open = world.declarations.find((d) => d.status === 'open')!;
		setDeclarationStatus(world, open.id, 'Locked');
		expect(open.status).toBe('locked');
		expect(() => setDeclarationStatus(world, open.id, 'approved-ish')).toThrow(
			/known: open, locked/,
		);

		const company = world.companies[2];
		const run = createRun(world, company.id);
		expect(run).toMatchObject({ Number: 2, IsLocked: false, RunAt: world.clock.now() });
		expect(lockRun(world, company.id, run.ID).IsLocked).toBe(true);
		expect(() => createRun(world, company.id, { year: 2026, period: 13 })).toThrow(/Period 13/);

		setUserTemplate(world, 'accountant@demo.example', { allowed: ['CompanyService.List_GetAll'] });
		const disabled = world.users[0].disabledOperations;
		expect(disabled.has('CompanyService.List_GetAll')).toBe(false);
		expect(disabled.has('CompanyService.WageTax_GetXML')).toBe(true);
		expect(disabled.has('EmployeeService.Absence_GetList')).toBe(true);
		setUserTemplate(world, 'accountant@demo.example', { disabled: [] });
		expect(world.users[0].disabledOperations.size).toBe(0);
	});

	it('has the documented demo logins in every world', () => {
		expect(DEMO_LOGINS.map((l) => l.email)).toEqual(demo.users.map((u) => u.email));
		expect(demo.users[0]).toMatchObject({
			email: 'accountant@demo.example',
			token: 'demo-token',
			domain: 'demo',
			debtorIds: 'all',
		});
		expect(demo.users[1].debtorIds).toEqual([demo.debtors[0].id]);
		expect(demo.users[2].disabledOperations.has('CompanyService.WageTax_GetXML')).toBe(true);
	});

	it('saves to JSON and loads back the same world, documents included', () => {
		const world = createWorld({ kind: 'demo' });
		advanceClock(world, { days: 3 });
		const dir = mkdtempSync(join(tmpdir(), 'nmbrs-world-'));
		try {
			const path = join(dir, 'world.json');
			saveWorld(world, path);
			const loaded = createWorld({ kind: 'file', path });
			expect(worldToJson(loaded)).toBe(
				worldToJson(world).replace('"origin":"demo"', `"origin":${JSON.stringify(path)}`),
			);
			expect(loaded.clock.now()).toBe(world.clock.now());
			expect(someDocuments(loaded)).toEqual(someDocuments(world));
			expect(loaded.users[2].disabledOperations).toEqual(world.users[2].disabledOperations);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('a scaled world', () => {
	it('of 200 companies and 20,000 employees builds and answers for one company', () => {
		const world = createWorld({ kind: 'scaled', companies: 200, employees: 20_000 });
		expect(world.companies).toHaveLength(200);
		expect(world.employees).toHaveLength(20_000);
		expect(world.users.map((u) => u.email)).toEqual(DEMO_LOGINS.map((l) => l.email));
		const user = world.users[0];
		const company = world.companies[137];
		const active = rows(world, user, 'EmployeeService.List_GetByCompany', {
			CompanyId: company.id,
			EmployeeType: 2,
		});
		expect(active.length).toBeGreaterThan(50);
		const items = rows(world, user, 'EmployeeService.PersonalInfo_GetAll_AllEmployeesByCompany', {
			CompanyID: company.id,
		});
		expect(items).toHaveLength(100);
		expect(new Set(items.map((i) => i.EmployeeId))).toEqual(
			new Set(world.employees.filter((e) => e.companyId === company.id).map((e) => e.id)),
		);
		const bsns = new Set(world.employees.map((e) => e.personalInfo[0].data.BSN));
		expect(bsns.size).toBe(20_000);
	});
});

describe("the world's now", () => {
	it('the same seed and the same now give the same world, byte for byte; another now another world', () => {
		const a = createWorld({ kind: 'demo' }, 7, { now: '2025-03-10' });
		const b = createWorld({ kind: 'demo' }, 7, { now: '2025-03-10T09:00:00' });
		expect(a.clock.now()).toBe('2025-03-10T09:00:00');
		expect(worldToJson(b)).toBe(worldToJson(a));
		expect(someDocuments(b)).toEqual(someDocuments(a));
		expect(worldToJson(createWorld({ kind: 'demo' }, 7, { now: '2025-04-10' }))).not.toBe(
			worldToJson(a),
		);
		expect(() => createWorld({ kind: 'demo' }, 7, { now: '2025-02-30' })).toThrow('YYYY-MM-DD');
	});

	it("the emulator's default is today 09:00 Dutch time, whatever the machine's time zone", () => {
		// 23:30 UTC on 28 March 2026 is already 29 March in Amsterdam (UTC+1 that night).
		expect(dutchToday(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-29');
		// 22:30 UTC on 30 June is 00:30 on 1 July in summer time (UTC+2).
		expect(dutchToday(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
		expect(resolveWorldNow(undefined, () => '2027-01-04')).toBe('2027-01-04T09:00:00');
		expect(resolveWorldNow('2027-01-04')).toBe('2027-01-04T09:00:00');
		expect(resolveWorldNow('2027-01-04T17:45:00')).toBe('2027-01-04T17:45:00');
		expect(resolveWorldNow(undefined)).toBe(`${dutchToday()}T09:00:00`);
		expect(() => resolveWorldNow('4 January')).toThrow('worldNow must be');
	});
});

describe('locked runs and sent declarations keep what they reported', () => {
	it('an insert into a past period (UnprotectedMode) changes the open declaration, not a locked or accepted one', () => {
		const world = createWorld({ kind: 'demo' });
		const user = world.users[0];
		const company = world.companies.find((c) => c.periodType === 'Month')!;
		const year = Number(world.clock.now().slice(0, 4));
		const list = () =>
			rows(world, user, 'CompanyService.WageTax_GetList', {
				CompanyId: company.id,
				intYear: year,
			}).filter((d) => d.CorrectionTijdvakStart === null);
		const xmlOf = (id: unknown) =>
			call(world, user, 'CompanyService.WageTax_GetXML', {
				CompanyId: company.id,
				LoonaangifteID: id,
			}) as string;
		const before = list();
		const open = before.find((d) => d.Status === DECLARATION_STATUSES.open)!;
		const closed = before.filter(
			(d) => d.Status !== DECLARATION_STATUSES.open && (d.Period as number) >= 8,
		);
		expect(closed.map((d) => d.Status)).toEqual(
			expect.arrayContaining([DECLARATION_STATUSES.locked, DECLARATION_STATUSES.accepted]),
		);
		const xmlBefore = new Map(closed.map((d) => [d.LoonaangifteID, xmlOf(d.LoonaangifteID)]));
		const lockedRun = world.runs.find(
			(r) => r.companyId === company.id && r.year === year && r.period === 9 && r.number === 1,
		)!;
		expect(lockedRun.isLocked).toBe(true);
		const paidBefore = employeesOfRun(world, lockedRun).map((e) => e.id);
		const slipBefore = payslipPdf(world, lockedRun, employeesOfRun(world, lockedRun)[0]).toString(
			'base64',
		);

		// Protected without UnprotectedMode; with it, a new employee from 1 August.
		const insert = (unprotected: boolean) =>
			call(world, user, 'EmployeeService.Employee_InsertBasedOnDefault', {
				CompanyId: company.id,
				FirstName: 'Late',
				LastName: 'Entry',
				employment: { StartDate: `${year}-08-01T00:00:00` },
				UnprotectedMode: unprotected,
			});
		expect(() => insert(false)).toThrow(expect.objectContaining({ code: 2011 }));
		const id = insert(true) as number;

		const after = list();
		for (const d of closed) {
			const now = after.find((x) => x.LoonaangifteID === d.LoonaangifteID)!;
			expect(now.TotalGeneral).toBe(d.TotalGeneral);
			expect(xmlOf(d.LoonaangifteID)).toBe(xmlBefore.get(d.LoonaangifteID));
		}
		expect(
			after.find((x) => x.LoonaangifteID === open.LoonaangifteID)!.TotalGeneral,
		).toBeGreaterThan(open.TotalGeneral as number);
		expect(xmlOf(open.LoonaangifteID)).toContain(
			`<PersNr>${world.employees.find((e) => e.id === id)!.number}</PersNr>`,
		);
		expect(employeesOfRun(world, lockedRun).map((e) => e.id)).toEqual(paidBefore);
		expect(
			payslipPdf(world, lockedRun, employeesOfRun(world, lockedRun)[0]).toString('base64'),
		).toBe(slipBefore);

		// A saved world keeps them.
		const dir = mkdtempSync(join(tmpdir(), 'nmbrs-frozen-'));
		try {
			saveWorld(world, join(dir, 'w.json'));
			const loaded = createWorld({ kind: 'file', path: join(dir, 'w.json') });
			for (const d of closed)
				expect(xmlOf(d.LoonaangifteID)).toBe(
					call(loaded, user, 'CompanyService.WageTax_GetXML', {
						CompanyId: company.id,
						LoonaangifteID: d.LoonaangifteID,
					}),
				);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
