/**
 * Generated from the curated catalogue by `npm run generate:calls`; do not edit. Every curated
 * call with its parameters, exactly as Nmbrs spells them: nmbrsRequest takes a key of
 * CuratedCalls and that call's parameters, so a misspelt call or parameter does not compile.
 */
export interface CuratedCalls {
	'CompanyService.Address_GetCurrent': { CompanyId: number };
	'CompanyService.Company_GetCurrentPeriod': { CompanyId: number };
	'CompanyService.CostCenter_GetList': { CompanyId: number };
	'CompanyService.DefaultEmployeeTemplates_GetByCompany': { CompanyId: number };
	'CompanyService.HourModel_GetHourCodes': { CompanyId: number };
	'CompanyService.Journals_GetByRunCompany_v2': {
		CompanyId: number;
		RunId: number;
		intYear: number;
	};
	'CompanyService.List_GetAll': Record<string, never>;
	'CompanyService.List_GetByDebtor': { DebtorId: number };
	'CompanyService.PensionExport_GetList': { CompanyId: number; intYear: number };
	'CompanyService.PensionExport_GetXML': { PensionExportID: number; CompanyId: number };
	'CompanyService.Run_GetEmployeesByRunCompany': { CompanyId: number; RunId: number; Year: number };
	'CompanyService.Run_GetList': { CompanyId: number; Year: number };
	'CompanyService.SalaryDocuments_AnnualDocument_AnualStatement': {
		CompanyId: number;
		RunId: number;
		Year: number;
	};
	'CompanyService.SalaryDocuments_AnnualDocument_CompanyWageComponentsCumulative': {
		CompanyId: number;
		RunId: number;
		Year: number;
	};
	'CompanyService.SalaryDocuments_AnnualDocument_JournalEntriesCompanyrCumulative': {
		CompanyId: number;
		RunId: number;
		Year: number;
	};
	'CompanyService.SalaryDocuments_AnnualDocument_JournalEntriesCostCenterCumulative': {
		CompanyId: number;
		RunId: number;
		Year: number;
	};
	'CompanyService.SalaryDocuments_AnnualDocument_JournalEntriesDepartmentCumulative': {
		CompanyId: number;
		RunId: number;
		Year: number;
	};
	'CompanyService.SalaryDocuments_AnnualDocument_JournalEntriesEmployeeCumulative': {
		CompanyId: number;
		RunId: number;
		Year: number;
	};
	'CompanyService.SalaryDocuments_AnnualDocument_LeaveSaldos': {
		CompanyId: number;
		RunId: number;
		Year: number;
	};
	'CompanyService.SalaryDocuments_AnnualDocument_PaymentListCumulative': {
		CompanyId: number;
		RunId: number;
		Year: number;
	};
	'CompanyService.SalaryDocuments_AnnualDocument_PayrollRegister': {
		CompanyId: number;
		RunId: number;
		Year: number;
	};
	'CompanyService.SalaryDocuments_AnnualDocument_PayrollRegisterAllEmployees': {
		CompanyId: number;
		RunId: number;
		Year: number;
	};
	'CompanyService.SalaryDocuments_AnnualDocument_PayrollRegisterSummaryCumulative': {
		CompanyId: number;
		RunId: number;
		Year: number;
	};
	'CompanyService.SalaryDocuments_AnnualDocument_ReservationSaldos': {
		CompanyId: number;
		RunId: number;
		Year: number;
	};
	'CompanyService.SalaryDocuments_AnnualDocument_SentWageTaxDeclarations': {
		CompanyId: number;
		RunId: number;
		Year: number;
	};
	'CompanyService.SalaryDocuments_AnnualDocument_WageTaxDeclarationOverviewByPeriod': {
		CompanyId: number;
		RunId: number;
		Year: number;
	};
	'CompanyService.SalaryDocuments_AnnualDocument_WageTaxDeclarationOverviewCumulative': {
		CompanyId: number;
		RunId: number;
		Year: number;
	};
	'CompanyService.SalaryDocuments_GetAllPayslipsPDFByRunCompany_v2': {
		CompanyId: number;
		RunID: number;
		intYear: number;
	};
	'CompanyService.SalaryDocuments_GetEmployeePayslipsPDFByRunCompany_v2': {
		EmployeeID: number;
		CompanyId: number;
		RunID: number;
		intYear: number;
	};
	'CompanyService.SalaryDocuments_GetSEPA': {
		CompanyId: number;
		RunID: number;
		Year: number;
		paymentDate: string | null;
	};
	'CompanyService.WageModel_GetWageCodes': { CompanyId: number };
	'CompanyService.WageTax_GetList': { CompanyId: number; intYear: number };
	'CompanyService.WageTax_GetXML': { LoonaangifteID: number; CompanyId: number };
	'CompanyService.WageTax_SetSentExternal': { LoonaangifteID: number; CompanyId: number };
	'DebtorService.Debtor_Get': { DebtorId: number };
	'DebtorService.Department_GetList': { DebtorId: number };
	'DebtorService.Environment_Get': Record<string, never>;
	'DebtorService.Function_GetList': { DebtorId: number };
	'DebtorService.List_GetAll': Record<string, never>;
	'DebtorService.WebhookSettings_Delete': { DebtorId: number; WebhookSettingId: number };
	'DebtorService.WebhookSettings_Get': { DebtorId: number };
	'DebtorService.WebhookSettings_GetEvents': Record<string, never>;
	'DebtorService.WebhookSettings_Insert': {
		DebtorId: number;
		WebhookSetting?: Record<string, unknown> | null;
	};
	'EmployeeService.Absence_GetAll_AllEmployeesByCompany': { CompanyId: number; Year: number };
	'EmployeeService.Absence_GetList': { EmployeeId: number };
	'EmployeeService.Absence_PartialRecoveryInsert': {
		EmployeeId: number;
		AbsenceID: number;
		StartDate: string | null;
		Reportdate: string | null;
		Percent: number;
		Comment?: string | null;
	};
	'EmployeeService.Absence_RecoveryInsert': {
		EmployeeId: number;
		AbsenceID: number;
		Lastdayabsence: string | null;
		Reportdate: string | null;
		Comment?: string | null;
	};
	'EmployeeService.Absence2_GetList': { EmployeeId: number };
	'EmployeeService.Absence2_Insert': {
		EmployeeId: number;
		Absence?: Record<string, unknown> | null;
		NewDossier: boolean;
	};
	'EmployeeService.Address_GetAll_AllEmployeesByCompany': { CompanyID: number };
	'EmployeeService.Address_GetList': { EmployeeId: number; Period: number; Year: number };
	'EmployeeService.Address_GetListCurrent': { EmployeeId: number };
	'EmployeeService.Address_Update': {
		EmployeeId: number;
		Address?: Record<string, unknown> | null;
	};
	'EmployeeService.BankAccount_GetList': { EmployeeId: number; Period: number; Year: number };
	'EmployeeService.BankAccount_GetListCurrent': { EmployeeId: number };
	'EmployeeService.Contract_GetAll': { EmployeeId: number };
	'EmployeeService.Contract_GetAll_AllEmployeesByCompany': { CompanyID: number };
	'EmployeeService.CostCenter_GetAllEmployeesByCompany': {
		CompanyId: number;
		Period: number;
		Year: number;
	};
	'EmployeeService.DaysVar_Set_Batch': {
		EmployeesDaysWorked?: readonly unknown[] | null;
		UnprotectedMode: boolean;
	};
	'EmployeeService.Department_GetAll_AllEmployeesByCompany': { CompanyID: number };
	'EmployeeService.Employee_GetCurrent': { EmployeeId: number };
	'EmployeeService.Employee_InsertBasedOnDefault': {
		CompanyId: number;
		DefaultEmployeeTemplate?: string | null;
		FirstName?: string | null;
		LastName?: string | null;
		employment?: Record<string, unknown> | null;
		UnprotectedMode: boolean;
	};
	'EmployeeService.EmployeeType_GetList': Record<string, never>;
	'EmployeeService.Employment_GetAll_AllEmployeesByCompany': { CompanyID: number };
	'EmployeeService.Function_GetAll_AllEmployeesByCompany': { CompanyID: number };
	'EmployeeService.HourComponentFixed_Get': { EmployeeId: number; Period: number; Year: number };
	'EmployeeService.HourComponentFixed_GetCurrent': { EmployeeId: number };
	'EmployeeService.HourComponentVar_Get': { EmployeeId: number; Period: number; Year: number };
	'EmployeeService.HourComponentVar_GetCurrent': { EmployeeId: number };
	'EmployeeService.HourComponentVar_Insert_Batch': {
		HourComponents?: readonly unknown[] | null;
		Period: number;
		Year: number;
		UnprotectedMode: boolean;
	};
	'EmployeeService.Leave_GetList_V2': {
		EmployeeId: number;
		Type?: string | null;
		Soort?: string | null;
		Year: number;
	};
	'EmployeeService.Leave_Insert': { EmployeeId: number; Leave?: Record<string, unknown> | null };
	'EmployeeService.LeaveBalance_Get': { EmployeeId: number };
	'EmployeeService.List_GetByCompany': { CompanyId: number; EmployeeType: number };
	'EmployeeService.List_GetByDebtor': { DebtorId: number; EmployeeType: number };
	'EmployeeService.PersonalInfo_Get': { EmployeeId: number; Period: number; Year: number };
	'EmployeeService.PersonalInfo_GetAll_AllEmployeesByCompany': { CompanyID: number };
	'EmployeeService.PersonalInfo_GetCurrent': { EmployeeId: number };
	'EmployeeService.PersonalInfo_Update': {
		EmployeeId: number;
		PersonalInfo?: Record<string, unknown> | null;
		Period: number;
		Year: number;
	};
	'EmployeeService.PersonalInfo_UpdateCurrent': {
		EmployeeId: number;
		PersonalInfo?: Record<string, unknown> | null;
	};
	'EmployeeService.PersonalInfoWithoutBSN_Get_GetAllEmployeesByCompany': { CompanyID: number };
	'EmployeeService.Salary_Get': { EmployeeId: number; Period: number; Year: number };
	'EmployeeService.Salary_GetAll_AllEmployeesByCompany': { CompanyID: number };
	'EmployeeService.Salary_GetCurrent': { EmployeeId: number };
	'EmployeeService.SalaryDocuments_GetAnnualStatementPDF': { EmployeeID: number; intYear: number };
	'EmployeeService.Schedule_Get': { EmployeeId: number; Period: number; Year: number };
	'EmployeeService.Schedule_GetAll_AllEmployeesByCompany': { CompanyID: number };
	'EmployeeService.Schedule_GetCurrent': { EmployeeId: number };
	'EmployeeService.Schedule_UpdateCurrent': {
		EmployeeId: number;
		Schedule?: Record<string, unknown> | null;
		CompanyRoosterNr: number;
	};
	'EmployeeService.WageComponentFixed_Get': { EmployeeId: number; Period: number; Year: number };
	'EmployeeService.WageComponentFixed_GetCurrent': { EmployeeId: number };
	'EmployeeService.WageComponentVar_Get': { EmployeeId: number; Period: number; Year: number };
	'EmployeeService.WageComponentVar_GetCurrent': { EmployeeId: number };
	'EmployeeService.WageComponentVar_Insert_Batch': {
		WageComponents?: readonly unknown[] | null;
		Period: number;
		Year: number;
		UnprotectedMode: boolean;
	};
}

/** A curated call, 'Service.Operation'. */
export type CuratedCall = keyof CuratedCalls;

/** The parameters of a curated call. */
export type ParamsOf<K extends CuratedCall> = CuratedCalls[K];

/** A curated call together with its parameters, for tables that pick the call at run time. */
export type CallWith = { [K in CuratedCall]: { call: K; params: ParamsOf<K> } }[CuratedCall];
