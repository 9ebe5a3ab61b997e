/**
 * The year-end documents (SalaryDocuments_AnnualDocument_*) and the v3-only call the emulator
 * serves outside the catalogue, called directly.
 */
import { ANNUAL_DOCUMENTS } from '../../nodes/Nmbrs/catalogue';
import { v3OnlyHandlers } from '../src/operations/v3Only';
import { createWorld } from '../src/world';
import { euros } from '../src/world/documents';
import { payslipsOfRun } from '../src/world/payroll';
import { call, faultOf, pdfProblems } from './worldHelpers';

const world = createWorld({ kind: 'demo' });
const [accountant] = world.users;
const company = world.companies[0];
const locked = world.runs.filter((r) => r.companyId === company.id && r.isLocked);
const lastLocked = locked[locked.length - 1];

const pdfOf = (report: string, runId = lastLocked.id, year = lastLocked.year) =>
	(
		call(world, accountant, `CompanyService.${report}`, {
			CompanyId: company.id,
			RunId: runId,
			Year: year,
		}) as { PDF: Buffer }
	).PDF;

describe('year-end documents', () => {
	it('serves every report as a well-formed PDF', () => {
		for (const [report] of ANNUAL_DOCUMENTS) expect(pdfProblems(pdfOf(report))).toEqual([]);
	});

	it('sums the payslips of the year up to the run', () => {
		const runs = world.runs.filter(
			(r) =>
				r.companyId === company.id &&
				r.year === lastLocked.year &&
				(r.period < lastLocked.period ||
					(r.period === lastLocked.period && r.number <= lastLocked.number)),
		);
		const gross = runs
			.flatMap((r) => payslipsOfRun(world, r))
			.reduce((acc, slip) => acc + slip.grossCents, 0);
		const text = pdfOf('SalaryDocuments_AnnualDocument_PayrollRegisterSummaryCumulative').toString(
			'latin1',
		);
		expect(text).toContain(euros(gross));
	});

	it('answers a run asked for with another year with 2046', () => {
		expect(
			faultOf(() => pdfOf('SalaryDocuments_AnnualDocument_PayrollRegister', lastLocked.id, 2001)),
		).toBe(2046);
	});
});

describe('v3-only calls', () => {
	it("Company_GetCurrentByEmployeeId answers the employee's company", () => {
		const employee = world.employees.find((e) => e.companyId === company.id)!;
		const answer = v3OnlyHandlers['CompanyService.Company_GetCurrentByEmployeeId'](world, {
			user: accountant,
			params: { EmployeeId: employee.id },
		});
		expect(answer).toMatchObject({ ID: company.id, Name: company.name });
	});
});
