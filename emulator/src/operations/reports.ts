/**
 * Run documents by other names and the reports: journals split per cost centre, department or
 * employee, payslips without the year parameter, the tax SEPA file, and the `Reports_*` XML
 * documents. Documents keep their own handlers; these map parameters onto world/reports.ts.
 */
import {
	declarationAmounts,
	journalXml,
	payslipPdf,
	allPayslipsPdf,
	type JournalSplit,
} from '../world/documents';
import type { Company, EmulatorUser, Run } from '../world/model';
import { paidInRun } from '../world/payroll';
import {
	employerCostPerHourPdf,
	journalsReportXml,
	payslipReportXml,
	sepaTaxXml,
	wageCodesReportXml,
} from '../world/reports';
import { findDeclaration, runsOfCompany, type World } from '../world/world';
import {
	NmbrsFault,
	requireCompany,
	requireEmployee,
	requirePeriod,
	requireRun,
	unauthorized,
} from './faults';
import { handler, int, str, type OperationHandler, type Params } from './params';

/** The company and run a call names (with its year when the call has one). */
function companyRun(
	world: World,
	user: EmulatorUser,
	params: Params,
): { company: Company; run: Run } {
	const company = requireCompany(world, user, int(params, 'CompanyId') || int(params, 'companyId'));
	const runId = int(params, 'RunId') || int(params, 'RunID') || int(params, 'runId');
	const year = int(params, 'intYear') || int(params, 'year') || int(params, 'Year');
	return { company, run: requireRun(world, company, runId, year || undefined) };
}

const JOURNALS: Array<[string, JournalSplit]> = [
	['Journals_GetByRunCompany', 'costCenter'],
	['Journals_GetByRunCostCenter', 'costCenter'],
	['Journals_GetByRunCostCenter_v2', 'costCenter'],
	['Journals_GetByRunCostCenterCostUnit', 'costCenterCostUnit'],
	['Journals_GetByRunCostCenterCostUnitPerYear', 'costCenterCostUnit'],
	['Journals_GetByRunDepartment', 'department'],
	['Journals_GetByRunDepartment_v2', 'department'],
	['Journals_GetByRunEmployee', 'employee'],
	['Journals_GetByRunEmployee_v2', 'employee'],
];

/** The runs of a year from StartPeriod to EndPeriod (an end before the start is 2006). */
function runsBetween(world: World, company: Company, params: Params): Run[] {
	const year = int(params, 'Year');
	const start = requirePeriod(company, int(params, 'StartPeriod'), year);
	const end = requirePeriod(company, int(params, 'EndPeriod'), year);
	if (end.period < start.period) throw new NmbrsFault(2006, 'Invalid Period');
	return runsOfCompany(world, company.id).filter(
		(r) => r.year === year && r.period >= start.period && r.period <= end.period,
	);
}

export const reportHandlers: Array<[string, OperationHandler]> = [
	...JOURNALS.map(([name, split]) =>
		handler(`CompanyService.${name}`, (world, { user, params }) =>
			journalXml(world, companyRun(world, user, params).run, split),
		),
	),
	handler(
		'CompanyService.SalaryDocuments_GetEmployeePayslipsPDFByRunCompany',
		(world, { user, params }) => {
			const { company, run } = companyRun(world, user, params);
			const { employee } = requireEmployee(world, user, int(params, 'EmployeeID'));
			if (employee.companyId !== company.id) throw unauthorized(2003);
			const paid = paidInRun(world, run, employee.id);
			return paid ? [{ PDF: payslipPdf(world, run, paid) }] : [];
		},
	),
	handler(
		'CompanyService.SalaryDocuments_GetEmployeePayslipsInOnePDFByRunCompany',
		(world, { user, params }) => {
			const { company, run } = companyRun(world, user, params);
			const { employee } = requireEmployee(world, user, int(params, 'EmployeeID'));
			if (employee.companyId !== company.id) throw unauthorized(2003);
			const paid = paidInRun(world, run, employee.id);
			// Not paid by the run: no payslip (nil), as the list call answers an empty list.
			return paid ? { PDF: payslipPdf(world, run, paid) } : null;
		},
	),
	handler(
		'CompanyService.SalaryDocuments_GetAllPayslipsPDFByRunCompany',
		(world, { user, params }) => ({
			PDF: allPayslipsPdf(world, companyRun(world, user, params).run),
		}),
	),
	handler('CompanyService.SalaryDocuments_GetSEPA_Tax', (world, { user, params }) => {
		const { company, run } = companyRun(world, user, params);
		const tax = findDeclaration(world, int(params, 'WageTaxID'));
		if (!tax || tax.companyId !== company.id)
			throw new NmbrsFault(
				2046,
				`Not found: company ${company.id} has no wage tax declaration ${int(params, 'WageTaxID')}`,
			);
		const date = str(params, 'paymentDate');
		const amount = declarationAmounts(world, tax).collective.totalToPay;
		return sepaTaxXml(
			world,
			run,
			tax,
			amount,
			date && !date.startsWith('0001-') ? date.slice(0, 10) : null,
		);
	}),
	handler('CompanyService.HrDocuments_EmployerCostPerHour_Year', (world, { user, params }) =>
		employerCostPerHourPdf(world, companyRun(world, user, params).run),
	),
	handler('CompanyService.Reports_GetPayslipByRunCompany', (world, { user, params }) =>
		payslipReportXml(world, companyRun(world, user, params).run),
	),
	handler('CompanyService.Reports_GetPayslipByRunCompany_v2', (world, { user, params }) =>
		payslipReportXml(world, companyRun(world, user, params).run),
	),
	handler('CompanyService.Reports_GetWageCodesByRunCompany', (world, { user, params }) => {
		const { company, run } = companyRun(world, user, params);
		return wageCodesReportXml(world, company, [run]);
	}),
	handler('CompanyService.Reports_GetWageCodesByRunCompany_v2', (world, { user, params }) => {
		const { company, run } = companyRun(world, user, params);
		return wageCodesReportXml(world, company, [run]);
	}),
	handler(
		'CompanyService.Reports_GetWageCodesByRunCompany_FilterByWageCode',
		(world, { user, params }) => {
			const { company, run } = companyRun(world, user, params);
			return wageCodesReportXml(world, company, [run], int(params, 'WageCode'));
		},
	),
	handler('CompanyService.Reports_GetWageCodesByYear', (world, { user, params }) => {
		const company = requireCompany(world, user, int(params, 'CompanyId'));
		const year = int(params, 'Year');
		return wageCodesReportXml(
			world,
			company,
			runsOfCompany(world, company.id).filter((r) => r.year === year),
		);
	}),
	handler('CompanyService.Reports_GetJournalsReportByCompany', (world, { user, params }) => {
		const company = requireCompany(world, user, int(params, 'CompanyId'));
		return journalsReportXml(world, company, runsBetween(world, company, params));
	}),
	handler('EmployeeService.Reports_GetJournalsReportByEmployee', (world, { user, params }) => {
		const { employee, company } = requireEmployee(world, user, int(params, 'EmployeeId'));
		return journalsReportXml(world, company, runsBetween(world, company, params), employee);
	}),
];
