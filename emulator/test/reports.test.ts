/**
 * Journals by other splits, the reports and the tax SEPA file: their figures are the world's own
 * payslips and declarations, so they agree with each other.
 */
import { createWorld } from '../src/world';
import { declarationAmounts } from '../src/world/documents';
import { computePayslip, employeesOfRun } from '../src/world/payroll';
import type { World } from '../src/world/world';
import { call, faultOf } from './worldHelpers';

let world: World;
const user = () => world.users.find((u) => u.email === 'accountant@demo.example')!;

beforeEach(() => {
	world = createWorld({ kind: 'demo' }, undefined, { now: '2026-11-25' });
});

const lockedRun = () => world.runs.find((r) => r.isLocked && r.number === 1)!;
const amounts = (text: string, element: string) =>
	[...text.matchAll(new RegExp(`<${element}>([-\\d.]+)</${element}>`, 'g'))].map((m) =>
		Number(m[1]),
	);

it('every journal split balances, and the department split books on the departments', () => {
	const run = lockedRun();
	const params = { CompanyId: run.companyId, RunId: run.id, intYear: run.year };
	const company = call(
		world,
		user(),
		'CompanyService.Journals_GetByRunCompany_v2',
		params,
	) as string;
	const department = call(
		world,
		user(),
		'CompanyService.Journals_GetByRunDepartment_v2',
		params,
	) as string;
	const employee = call(
		world,
		user(),
		'CompanyService.Journals_GetByRunEmployee',
		params,
	) as string;
	for (const journal of [company, department, employee]) {
		const debit = amounts(journal, 'Debit').reduce((a, b) => a + b, 0);
		expect(debit).toBeCloseTo(amounts(journal, 'TotalDebit')[0], 2);
		expect(amounts(journal, 'TotalDebit')).toEqual(amounts(company, 'TotalDebit'));
	}
	expect(department).toContain('<Department>');
	const paid = employeesOfRun(world, run);
	expect(employee).toContain(`<EmployeeNumber>${paid[0].number}</EmployeeNumber>`);
});

it('the wage code report sums the payslips; filtered by a code it shows that code only', () => {
	const run = lockedRun();
	const params = { CompanyId: run.companyId, RunId: run.id };
	const report = call(
		world,
		user(),
		'CompanyService.Reports_GetWageCodesByRunCompany',
		params,
	) as string;
	const gross = employeesOfRun(world, run).reduce(
		(sum, e) => sum + computePayslip(world, run, e).grossCents,
		0,
	);
	const salaries = [
		...report.matchAll(/<Code>1<\/Code><Description>Salaris<\/Description><Amount>([-\d.]+)</g),
	];
	expect(salaries.reduce((sum, m) => sum + Number(m[1]), 0)).toBeCloseTo(gross / 100, 2);
	const net = call(
		world,
		user(),
		'CompanyService.Reports_GetWageCodesByRunCompany_FilterByWageCode',
		{
			...params,
			intYear: run.year,
			WageCode: 900,
		},
	) as string;
	expect(net).toContain('<Code>900</Code>');
	expect(net).not.toContain('<Code>1</Code>');
});

it("the tax SEPA file pays the declaration's total with its payment reference", () => {
	const run = lockedRun();
	const tax = world.declarations.find(
		(d) => d.companyId === run.companyId && d.year === run.year && d.period === run.period,
	)!;
	const sepa = call(world, user(), 'CompanyService.SalaryDocuments_GetSEPA_Tax', {
		CompanyId: run.companyId,
		RunID: run.id,
		Year: run.year,
		WageTaxID: tax.id,
		paymentDate: '2026-12-01T00:00:00',
	}) as string;
	expect(sepa).toContain(`<Ustrd>${tax.paymentReference}</Ustrd>`);
	expect(sepa).toContain(
		`<CtrlSum>${(declarationAmounts(world, tax).collective.totalToPay / 100).toFixed(2)}</CtrlSum>`,
	);
	expect(sepa).toContain('<ReqdExctnDt>2026-12-01</ReqdExctnDt>');
});

it('a journals report of periods after their end is 2006', () => {
	const run = lockedRun();
	expect(
		faultOf(() =>
			call(world, user(), 'CompanyService.Reports_GetJournalsReportByCompany', {
				CompanyId: run.companyId,
				StartPeriod: 5,
				EndPeriod: 3,
				Year: run.year,
			}),
		),
	).toBe(2006);
});

it('an employee placed on a step of the salary table earns its amount from that period', () => {
	const company = world.companies[0];
	const employee = world.employees.find((e) => e.companyId === company.id && e.kind === 'payroll')!;
	const current = { Period: 11, Year: 2026 };
	const scales = call(world, user(), 'CompanyService.SalaryTable2_GetScales', {
		CompanyId: company.id,
		...current,
	}) as Array<Record<string, unknown>>;
	const table = call(world, user(), 'CompanyService.SalaryTable2_Get', {
		CompanyId: company.id,
		...current,
	}) as Record<string, unknown>;
	const steps = call(world, user(), 'CompanyService.SalaryTable2_GetSteps', {
		CompanyId: company.id,
		Scale: { Scale: scales[1].Scale },
		...current,
	}) as Array<Record<string, unknown>>;
	call(world, user(), 'EmployeeService.SalaryTable_InsertCurrent', {
		EmployeeId: employee.id,
		SalaryTableId: table.GuidSalaryTable,
		SalaryTableScaleId: scales[1].GuidSalaryTableScale,
		SalaryTableStepId: steps[2].GuidSalaryTableStep,
	});
	expect(
		call(world, user(), 'EmployeeService.Salary_GetCurrent', { EmployeeId: employee.id }),
	).toMatchObject({
		Value: steps[2].StepValue,
		Type: 'Bruto_Salaris_Fulltime',
	});
});

it('the holiday allowance reserved is 8 % of the gross paid this year', () => {
	const run = lockedRun();
	const employee = employeesOfRun(world, run)[0];
	const gross = world.runs
		.filter((r) => r.companyId === run.companyId && r.year === run.year && r.period <= run.period)
		.filter((r) => employeesOfRun(world, r).some((e) => e.id === employee.id))
		.reduce((sum, r) => sum + computePayslip(world, r, employee).grossCents, 0);
	const [reservation] = call(world, user(), 'EmployeeService.Reservations_GetList', {
		EmployeeId: employee.id,
		Year: run.year,
		Period: run.period,
	}) as Array<Record<string, unknown>>;
	expect(reservation).toMatchObject({ Description: 'Vakantiegeld', DecPercentage: 8 });
	expect(reservation.Saldo).toBeCloseTo((gross * 0.08) / 100, 2);
});

it('a company and a debtor added are listed', () => {
	const debtor = world.debtors[0];
	const id = call(world, user(), 'CompanyService.Company_Insert', {
		DebtorId: debtor.id,
		CompanyName: 'Nieuw B.V.',
		PeriodType: 2,
		DefaultCompanyId: 0,
	});
	expect(
		call(world, user(), 'CompanyService.List_GetByDebtor', { DebtorId: debtor.id }),
	).toContainEqual(
		expect.objectContaining({ ID: id, Name: 'Nieuw B.V.', LoonaangifteTijdvak: 'Week4' }),
	);
	const debtorId = call(world, user(), 'DebtorService.Debtor_Insert', {
		Debtor: { Id: 0, Number: 'D-777', Name: 'Nieuwe klant' },
	});
	expect(call(world, user(), 'DebtorService.List_GetByNumber', { Number: 'D-777' })).toEqual([
		{ Id: debtorId, Number: 'D-777', Name: 'Nieuwe klant' },
	]);
});

it('hours registered on an hour code are listed in their range and cleared with it', () => {
	const employee = world.employees.find((e) => e.kind === 'payroll')!;
	const code = { Id: 1 };
	const book = (day: string) =>
		call(world, user(), 'EmployeeService.TimeRegistration_Insert', {
			timeRegistrationCode: code,
			employeeId: employee.id,
			dtmStart: `${day}T09:00:00`,
			dtmEnd: `${day}T17:00:00`,
			costCenterId: 0,
		});
	book('2026-11-02');
	book('2026-11-03');
	const list = (from: string, to: string) =>
		call(world, user(), 'EmployeeService.TimeRegistration_GetList', {
			employeeId: employee.id,
			dtmStart: from,
			dtmEnd: to,
		}) as Array<Record<string, unknown>>;
	expect(list('2026-11-01T00:00:00', '2026-11-30T23:59:59')).toHaveLength(2);
	expect(list('2026-11-03T00:00:00', '2026-11-03T23:59:59')[0]).toMatchObject({
		Status: 'Open',
		TimeRegistrationCode: { Id: 1, Description: 'Gewerkte uren' },
	});
	expect(
		faultOf(() =>
			call(world, user(), 'EmployeeService.TimeRegistration_Insert', {
				timeRegistrationCode: { Id: 99 },
				employeeId: employee.id,
				dtmStart: '2026-11-04T09:00:00',
				dtmEnd: '2026-11-04T17:00:00',
			}),
		),
	).toBe(2001);
	call(world, user(), 'EmployeeService.TimeRegistration_ClearCurrent', { employeeId: employee.id });
	expect(list('2026-11-01T00:00:00', '2026-11-30T23:59:59')).toEqual([]);
});
