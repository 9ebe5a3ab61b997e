/**
 * What a payroll run pays: payslip amounts computed on request from the employee's salary and
 * schedule valid in the run's period (nothing stored, so scaled worlds stay small). Simplified Dutch
 * rules with believable rates; every amount is in euro cents and every total is a plain sum, so
 * declarations, SEPA files and journals agree with the payslips to the cent.
 */
import { hashSeed } from './random';
import { periodRange, periodsInYear } from './calendar';
import { employmentIn, isPaidInPeriod, versionAt } from './history';
import type { Company, Employee, Run } from './model';
import { employeesOfCompany, findCompany, runsOfCompany, type World } from './world';

export interface Payslip {
	employeeId: number;
	runId: number;
	year: number;
	period: number;
	/** Gross wage (salary or, in an extra run, a one-off payment). */
	grossCents: number;
	/** Employee's pension premium, deducted before tax. */
	pensionEmployeeCents: number;
	/** Wage for wage tax: gross minus the employee pension premium. */
	taxableCents: number;
	/** Withheld wage tax and national insurance (loonheffing). */
	wageTaxCents: number;
	netCents: number;
	/** Employer's side: pension, unemployment (AWf), disability (Aof), return-to-work (Whk), Zvw levy. */
	pensionEmployerCents: number;
	awfCents: number;
	aofCents: number;
	whkCents: number;
	zvwCents: number;
	/** Payslip lines as printed: [description, cents]. */
	lines: Array<[string, number]>;
}

const RATES = {
	pensionEmployee: 0.045,
	pensionEmployer: 0.09,
	awf: 0.0264,
	aof: 0.0618,
	whk: 0.012,
	zvw: 0.0651,
};
/** Annual wage tax credit (heffingskorting), spread over the periods. */
const ANNUAL_TAX_CREDIT_CENTS = 650_000;

function cents(amount: number): number {
	return Math.round(amount);
}

/**
 * Employees a run pays: everyone in service in the period for the regular run; a few for extra runs.
 * A locked run frozen before a change to its past pays its frozen copies (documents.ts).
 */
export function employeesOfRun(world: World, run: Run): Employee[] {
	if (run.frozenEmployees) return run.frozenEmployees;
	const company = findCompany(world, run.companyId);
	if (!company) return [];
	const range = periodRange(company.periodType, run.year, run.period);
	const paid = employeesOfCompany(world, company.id).filter((e) => isPaidInPeriod(e, range));
	if (run.number === 1) return paid;
	// Extra runs (bonuses, corrections) pay about one in five, always the same ones for a seed.
	const some = paid.filter((e) => hashSeed(world.seed, 'extra-run', run.id, e.id) % 5 === 0);
	return some.length > 0 ? some : paid.slice(0, 1);
}

function grossOfRegularRun(
	company: Company,
	employee: Employee,
	year: number,
	period: number,
): number {
	const ref = { year, period };
	const salary = versionAt(employee.salaries, ref);
	if (!salary) return 0;
	const schedule = versionAt(employee.schedules, ref);
	const parttime = schedule ? schedule.parttimePercentage : 100;
	if (salary.type === 'Bruto_Salaris_Fulltime') return cents((salary.valueCents * parttime) / 100);
	const weeklyHours = schedule ? schedule.hours.slice(0, 7).reduce((a, b) => a + b, 0) : 40;
	const weeks = company.periodType === 'Week4' ? 4 : 52 / 12;
	return cents(salary.valueCents * weeklyHours * weeks);
}

export function computePayslip(world: World, run: Run, employee: Employee): Payslip {
	const company = findCompany(world, run.companyId) as Company;
	const periods = periodsInYear(company.periodType);
	const lines: Array<[string, number]> = [];
	let gross: number;
	if (run.number === 1) {
		gross = grossOfRegularRun(company, employee, run.year, run.period);
		lines.push(['Salaris', gross]);
	} else {
		gross = 10_000 + (hashSeed(world.seed, 'bonus', run.id, employee.id) % 90_000);
		lines.push([run.description, gross]);
	}
	const pensionEmployee = cents(gross * RATES.pensionEmployee);
	const taxable = gross - pensionEmployee;
	const annualised = taxable * periods;
	const rate = annualised > 7_600_000 ? 0.495 : 0.3697;
	const credit = run.number === 1 ? ANNUAL_TAX_CREDIT_CENTS / periods : 0;
	const wageTax = Math.max(0, cents(taxable * rate - credit));
	const net = gross - pensionEmployee - wageTax;
	lines.push(
		['Pensioenpremie werknemer', -pensionEmployee],
		['Loonheffing', -wageTax],
		['Netto te betalen', net],
	);
	return {
		employeeId: employee.id,
		runId: run.id,
		year: run.year,
		period: run.period,
		grossCents: gross,
		pensionEmployeeCents: pensionEmployee,
		taxableCents: taxable,
		wageTaxCents: wageTax,
		netCents: net,
		pensionEmployerCents: cents(gross * RATES.pensionEmployer),
		awfCents: cents(gross * RATES.awf),
		aofCents: cents(gross * RATES.aof),
		whkCents: cents(gross * RATES.whk),
		zvwCents: cents(taxable * RATES.zvw),
		lines,
	};
}

export function payslipsOfRun(world: World, run: Run): Payslip[] {
	return employeesOfRun(world, run).map((employee) => computePayslip(world, run, employee));
}

/** Every payslip of every run of a company in one period (what its declaration reports). */
export function payslipsOfPeriod(
	world: World,
	companyId: number,
	year: number,
	period: number,
): Payslip[] {
	return runsOfCompany(world, companyId)
		.filter((run) => run.year === year && run.period === period)
		.flatMap((run) => payslipsOfRun(world, run));
}

/** An employee's payslips of a (tax) year, for the annual statement. */
export function payslipsOfYear(world: World, employee: Employee, year: number): Payslip[] {
	return runsOfCompany(world, employee.companyId)
		.filter((run) => run.year === year)
		.flatMap((run) => {
			const paid = paidInRun(world, run, employee.id);
			return paid ? [computePayslip(world, run, paid)] : [];
		});
}

/** The employee as the run paid them (its frozen copy for a frozen run), or undefined when it did not. */
export function paidInRun(world: World, run: Run, employeeId: number): Employee | undefined {
	return employeesOfRun(world, run).find((e) => e.id === employeeId);
}

/** The income relationship (inkomstenverhouding) number the employee is paid under in a range. */
export function incomeRelationshipNumber(
	employee: Employee,
	range: { start: string; end: string },
): number {
	const employment = employmentIn(employee, range);
	return employment ? employee.employments.indexOf(employment) + 1 : 1;
}
