/** Curated CompanyService operations (facts: the 2020 v2.1 CompanyService WSDL). */
import { curatedEntries } from './curated';
import type { Operation } from './types';

const entry = curatedEntries('CompanyService', 'CompanyService WSDL (2020, v2.1)');

/**
 * The year-end documents (jaarwerk): company reports of a payroll run, cumulative up to it, each a
 * PDF. Names exactly as in the WSDL, misspellings included (AnualStatement, CompanyrCumulative).
 */
export const ANNUAL_DOCUMENTS: ReadonlyArray<readonly [string, string]> = [
	[
		'SalaryDocuments_AnnualDocument_AnualStatement',
		"Annual statements of all employees (jaaropgaven) of a run's year, as a PDF",
	],
	[
		'SalaryDocuments_AnnualDocument_CompanyWageComponentsCumulative',
		'Wage components of the company, cumulative up to a run, as a PDF',
	],
	[
		'SalaryDocuments_AnnualDocument_JournalEntriesCompanyrCumulative',
		'Journal entries of the company, cumulative up to a run, as a PDF',
	],
	[
		'SalaryDocuments_AnnualDocument_JournalEntriesCostCenterCumulative',
		'Journal entries per cost centre, cumulative up to a run, as a PDF',
	],
	[
		'SalaryDocuments_AnnualDocument_JournalEntriesDepartmentCumulative',
		'Journal entries per department, cumulative up to a run, as a PDF',
	],
	[
		'SalaryDocuments_AnnualDocument_JournalEntriesEmployeeCumulative',
		'Journal entries per employee, cumulative up to a run, as a PDF',
	],
	[
		'SalaryDocuments_AnnualDocument_LeaveSaldos',
		'Leave balances of the employees at a run, as a PDF',
	],
	[
		'SalaryDocuments_AnnualDocument_PaymentListCumulative',
		'Payment list (net salaries paid), cumulative up to a run, as a PDF',
	],
	[
		'SalaryDocuments_AnnualDocument_PayrollRegister',
		'Payroll register (loonjournaal) of a run, as a PDF',
	],
	[
		'SalaryDocuments_AnnualDocument_PayrollRegisterAllEmployees',
		"Payroll register of every employee of a run's year, as a PDF",
	],
	[
		'SalaryDocuments_AnnualDocument_PayrollRegisterSummaryCumulative',
		'Payroll register summary, cumulative up to a run, as a PDF',
	],
	[
		'SalaryDocuments_AnnualDocument_ReservationSaldos',
		'Reservation balances (holiday pay and other reservations) at a run, as a PDF',
	],
	[
		'SalaryDocuments_AnnualDocument_SentWageTaxDeclarations',
		"Wage tax declarations sent in a run's year, as a PDF",
	],
	[
		'SalaryDocuments_AnnualDocument_WageTaxDeclarationOverviewByPeriod',
		"Wage tax declaration overview per period of a run's year, as a PDF",
	],
	[
		'SalaryDocuments_AnnualDocument_WageTaxDeclarationOverviewCumulative',
		'Wage tax declaration overview, cumulative up to a run, as a PDF',
	],
];

export const companyOperations: Operation[] = [
	entry({
		name: 'List_GetAll',
		params: [],
		result: {
			name: 'List_GetAllResult',
			type: 'type:Company',
			listItem: 'Company',
			optional: true,
		},
		description: 'All companies the API user can see',
	}),
	entry({
		name: 'List_GetByDebtor',
		params: [{ name: 'DebtorId', type: 'int' }],
		result: {
			name: 'List_GetByDebtorResult',
			type: 'type:Company',
			listItem: 'Company',
			optional: true,
		},
		description: 'Companies of one debtor',
	}),
	entry({
		name: 'Company_GetCurrentPeriod',
		params: [{ name: 'CompanyId', type: 'int' }],
		result: { name: 'Company_GetCurrentPeriodResult', type: 'string', optional: true },
		description: 'Current payroll period of a company, as "yyyy-pp-type" (see periods.ts)',
	}),
	entry({
		name: 'Address_GetCurrent',
		params: [{ name: 'CompanyId', type: 'int' }],
		result: { name: 'Address_GetCurrentResult', type: 'type:Address', optional: true },
		description: 'Current address of a company',
	}),
	entry({
		name: 'Run_GetList',
		params: [
			{ name: 'CompanyId', type: 'int' },
			{ name: 'Year', type: 'int' },
		],
		result: {
			name: 'Run_GetListResult',
			type: 'type:RunInfo',
			listItem: 'RunInfo',
			optional: true,
		},
		description: 'Payroll runs of a company in a year',
	}),
	entry({
		name: 'Run_GetEmployeesByRunCompany',
		params: [
			{ name: 'CompanyId', type: 'int' },
			{ name: 'RunId', type: 'int' },
			{ name: 'Year', type: 'int' },
		],
		result: {
			name: 'Run_GetEmployeesByRunCompanyResult',
			type: 'type:EmployeeIdNumber',
			listItem: 'EmployeeIdNumber',
			optional: true,
		},
		description: 'Employees paid in a payroll run',
	}),
	entry({
		name: 'WageTax_GetList',
		params: [
			{ name: 'CompanyId', type: 'int' },
			{ name: 'intYear', type: 'int' },
		],
		result: {
			name: 'WageTax_GetListResult',
			type: 'type:WageTax',
			listItem: 'WageTax',
			optional: true,
		},
		description: 'Wage tax declarations (loonaangifte) of a company in a year',
	}),
	entry({
		name: 'WageTax_GetXML',
		params: [
			{ name: 'LoonaangifteID', type: 'int' },
			{ name: 'CompanyId', type: 'int' },
		],
		result: { name: 'WageTax_GetXMLResult', type: 'xmlDocument', optional: true },
		description: 'The XML message of one wage tax declaration',
	}),
	entry({
		name: 'WageTax_SetSentExternal',
		params: [
			{ name: 'LoonaangifteID', type: 'int' },
			{ name: 'CompanyId', type: 'int' },
		],
		result: { name: 'WageTax_SetSentExternalResult', type: 'boolean' },
		access: 'write',
		description: 'Mark a wage tax declaration as sent by another party',
	}),
	entry({
		name: 'SalaryDocuments_GetEmployeePayslipsPDFByRunCompany_v2',
		params: [
			{ name: 'EmployeeID', type: 'int' },
			{ name: 'CompanyId', type: 'int' },
			{ name: 'RunID', type: 'int' },
			{ name: 'intYear', type: 'int' },
		],
		result: {
			name: 'SalaryDocuments_GetEmployeePayslipsPDFByRunCompany_v2Result',
			type: 'type:Payslip',
			listItem: 'Payslip',
			optional: true,
		},
		slow: true,
		description: "An employee's payslip PDFs of a payroll run",
	}),
	entry({
		name: 'SalaryDocuments_GetAllPayslipsPDFByRunCompany_v2',
		params: [
			{ name: 'CompanyId', type: 'int' },
			{ name: 'RunID', type: 'int' },
			{ name: 'intYear', type: 'int' },
		],
		result: {
			name: 'SalaryDocuments_GetAllPayslipsPDFByRunCompany_v2Result',
			type: 'type:Payslip',
			optional: true,
		},
		slow: true,
		description: 'All payslips of a payroll run in one PDF',
	}),
	entry({
		name: 'SalaryDocuments_GetSEPA',
		params: [
			{ name: 'CompanyId', type: 'int' },
			{ name: 'RunID', type: 'int' },
			{ name: 'Year', type: 'int' },
			{ name: 'paymentDate', type: 'date' },
		],
		result: { name: 'SalaryDocuments_GetSEPAResult', type: 'xmlDocument', optional: true },
		description: 'SEPA credit transfer file (pain.001) of the net salaries of a payroll run',
	}),
	entry({
		name: 'Journals_GetByRunCompany_v2',
		params: [
			{ name: 'CompanyId', type: 'int' },
			{ name: 'RunId', type: 'int' },
			{ name: 'intYear', type: 'int' },
		],
		result: { name: 'Journals_GetByRunCompany_v2Result', type: 'xmlDocument', optional: true },
		description: 'Journal entries (journaalposten) of a payroll run, as XML',
	}),
	...ANNUAL_DOCUMENTS.map(([name, description]) =>
		entry({
			name,
			params: [
				{ name: 'CompanyId', type: 'int' },
				{ name: 'RunId', type: 'int' },
				{ name: 'Year', type: 'int' },
			],
			result: { name: `${name}Result`, type: 'type:SalaryDocument', optional: true },
			slow: true,
			description,
		}),
	),
	entry({
		name: 'DefaultEmployeeTemplates_GetByCompany',
		params: [{ name: 'CompanyId', type: 'int' }],
		result: {
			name: 'DefaultEmployeeTemplates_GetByCompanyResult',
			type: 'type:DefaultEmployeeTemplate',
			listItem: 'DefaultEmployeeTemplate',
			optional: true,
		},
		description: 'Templates a new employee can be created from',
	}),
	...(
		[
			['HourModel_GetHourCodes', 'HourCode', "The hour codes of the company's hour model"],
			['WageModel_GetWageCodes', 'WageCode', "The wage codes of the company's wage model"],
			['CostCenter_GetList', 'CostCenter', "The company's cost centers"],
		] as const
	).map(([name, type, description]) =>
		entry({
			name,
			params: [{ name: 'CompanyId', type: 'int' }],
			result: { name: `${name}Result`, type: `type:${type}`, listItem: type, optional: true },
			description,
		}),
	),
	entry({
		name: 'PensionExport_GetList',
		params: [
			{ name: 'CompanyId', type: 'int' },
			{ name: 'intYear', type: 'int' },
		],
		result: {
			name: 'PensionExport_GetListResult',
			type: 'type:PensionExport',
			listItem: 'PensionExport',
			optional: true,
		},
		description: "The company's pension exports of a year, with status and when they were sent",
	}),
	entry({
		name: 'PensionExport_GetXML',
		params: [
			{ name: 'PensionExportID', type: 'int' },
			{ name: 'CompanyId', type: 'int' },
		],
		result: { name: 'PensionExport_GetXMLResult', type: 'string', optional: true },
		description: 'The XML file of a pension export',
	}),
];
