/** CompanyService: companies, periods, payroll runs, wage tax declarations and the run documents. */
import { periodOf, periodString } from '../world/calendar';
import { DECLARATION_STATUSES, SENT_STATUSES } from '../world/declarations';
import {
	allPayslipsPdf,
	ANNUAL_REPORTS,
	annualDocumentPdf,
	declarationXml,
	journalXml,
	payslipPdf,
	sepaXml,
} from '../world/documents';
import { employeesOfRun, paidInRun } from '../world/payroll';
import { runInfo, wageTaxRecord } from '../world/records';
import { userSeesDebtor } from '../world/users';
import { declarationsOfCompany, findDeclaration, runsOfCompany, touch } from '../world/world';
import {
	NmbrsFault,
	requireCompany,
	requireDebtor,
	requireEmployee,
	requireRun,
	unauthorized,
} from './faults';
import { handler, int, str, type OperationHandler } from './params';
import { addressRecord, companyRecord } from './records';

export const companyHandlers: Array<[string, OperationHandler]> = [
	handler('CompanyService.List_GetAll', (world, { user }) =>
		world.companies.filter((c) => userSeesDebtor(user, c.debtorId)).map(companyRecord),
	),
	handler('CompanyService.List_GetByDebtor', (world, { user, params }) => {
		const debtor = requireDebtor(world, user, int(params, 'DebtorId'));
		return world.companies.filter((c) => c.debtorId === debtor.id).map(companyRecord);
	}),
	handler('CompanyService.Company_GetCurrentPeriod', (world, { user, params }) => {
		const company = requireCompany(world, user, int(params, 'CompanyId'));
		return periodString(
			company.periodType,
			periodOf(company.periodType, world.clock.now().slice(0, 10)),
		);
	}),
	handler('CompanyService.Address_GetCurrent', (world, { user, params }) =>
		addressRecord(requireCompany(world, user, int(params, 'CompanyId')).address),
	),
	handler('CompanyService.Run_GetList', (world, { user, params }) => {
		const company = requireCompany(world, user, int(params, 'CompanyId'));
		const year = int(params, 'Year');
		return runsOfCompany(world, company.id)
			.filter((run) => run.year === year)
			.map(runInfo);
	}),
	handler('CompanyService.Run_GetEmployeesByRunCompany', (world, { user, params }) => {
		const company = requireCompany(world, user, int(params, 'CompanyId'));
		const run = requireRun(world, company, int(params, 'RunId'), int(params, 'Year'));
		return employeesOfRun(world, run).map((e) => ({ EmployeeId: e.id, EmployeeNumber: e.number }));
	}),
	handler('CompanyService.WageTax_GetList', (world, { user, params }) => {
		const company = requireCompany(world, user, int(params, 'CompanyId'));
		const year = int(params, 'intYear');
		return declarationsOfCompany(world, company.id)
			.filter((d) => d.year === year)
			.map((d) => wageTaxRecord(world, d));
	}),
	handler('CompanyService.WageTax_GetXML', (world, { user, params }) => {
		const company = requireCompany(world, user, int(params, 'CompanyId'));
		return declarationXml(
			world,
			requireDeclaration(world, company.id, int(params, 'LoonaangifteID')),
		);
	}),
	handler('CompanyService.WageTax_SetSentExternal', (world, { user, params }) => {
		const company = requireCompany(world, user, int(params, 'CompanyId'));
		const declaration = requireDeclaration(world, company.id, int(params, 'LoonaangifteID'));
		if (SENT_STATUSES.has(declaration.status))
			throw new NmbrsFault(2012, 'Wage tax declaration already sent');
		declaration.status = DECLARATION_STATUSES.sentExternally;
		declaration.sentAt = world.clock.now();
		touch(world);
		return true;
	}),
	handler(
		'CompanyService.SalaryDocuments_GetEmployeePayslipsPDFByRunCompany_v2',
		(world, { user, params }) => {
			const company = requireCompany(world, user, int(params, 'CompanyId'));
			const { employee } = requireEmployee(world, user, int(params, 'EmployeeID'));
			if (employee.companyId !== company.id) throw unauthorized(2003);
			const run = requireRun(world, company, int(params, 'RunID'), int(params, 'intYear'));
			// An employee the run did not pay has no payslip: an empty list, not a fault.
			const paid = paidInRun(world, run, employee.id);
			return paid ? [{ PDF: payslipPdf(world, run, paid) }] : [];
		},
	),
	handler(
		'CompanyService.SalaryDocuments_GetAllPayslipsPDFByRunCompany_v2',
		(world, { user, params }) => {
			const company = requireCompany(world, user, int(params, 'CompanyId'));
			const run = requireRun(world, company, int(params, 'RunID'), int(params, 'intYear'));
			return { PDF: allPayslipsPdf(world, run) };
		},
	),
	handler('CompanyService.SalaryDocuments_GetSEPA', (world, { user, params }) => {
		const company = requireCompany(world, user, int(params, 'CompanyId'));
		const run = requireRun(world, company, int(params, 'RunID'), int(params, 'Year'));
		const paymentDate = str(params, 'paymentDate');
		return sepaXml(
			world,
			run,
			paymentDate && !paymentDate.startsWith('0001-') ? paymentDate.slice(0, 10) : null,
		);
	}),
	handler('CompanyService.Journals_GetByRunCompany_v2', (world, { user, params }) => {
		const company = requireCompany(world, user, int(params, 'CompanyId'));
		return journalXml(
			world,
			requireRun(world, company, int(params, 'RunId'), int(params, 'intYear')),
		);
	}),
	// The year-end documents (jaarwerk): one PDF per report, cumulative up to the run.
	...ANNUAL_REPORTS.map((report) =>
		handler(
			`CompanyService.SalaryDocuments_AnnualDocument_${report}`,
			(world, { user, params }) => {
				const company = requireCompany(world, user, int(params, 'CompanyId'));
				const run = requireRun(world, company, int(params, 'RunId'), int(params, 'Year'));
				return { PDF: annualDocumentPdf(world, run, report) };
			},
		),
	),
	handler('CompanyService.DefaultEmployeeTemplates_GetByCompany', (world, { user, params }) =>
		requireCompany(world, user, int(params, 'CompanyId')).defaultEmployeeTemplates.map((t) => ({
			DefaultEmployeeTemplateId: t.id,
			Description: t.description,
		})),
	),
	// Served with the generated (WSDL-only) entry: no curated catalogue entry.
	handler('CompanyService.CostCenter_GetList', (world, { user, params }) =>
		requireCompany(world, user, int(params, 'CompanyId')).costCenters.map((c) => ({
			Code: c.code,
			Description: c.description,
			Id: c.id,
		})),
	),
];

/** A declaration of this company; another company's or an unknown id is 2046 Not found (our choice). */
function requireDeclaration(
	world: Parameters<typeof findDeclaration>[0],
	companyId: number,
	id: number,
) {
	const declaration = findDeclaration(world, id);
	if (!declaration || declaration.companyId !== companyId) {
		throw new NmbrsFault(2046, `Not found: company ${companyId} has no wage tax declaration ${id}`);
	}
	return declaration;
}
