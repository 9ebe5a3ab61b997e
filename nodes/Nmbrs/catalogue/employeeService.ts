/** Curated EmployeeService operations (facts: the 2020 v2.1 EmployeeService WSDL, plus v3 changes). */
import { curatedEntries } from './curated';
import type { Field, Operation } from './types';

const entry = curatedEntries('EmployeeService', 'EmployeeService WSDL (2020, v2.1)');

/** What v2.1 takes instead of v3's `EmployeeType: int`. */
function v21ActiveParams(idName: 'CompanyId' | 'DebtorId'): Field[] {
	return [
		{ name: idName, type: 'int' },
		{ name: 'active', type: 'enum:Active' },
	];
}

const employeeList = (name: string): Field => ({
	name,
	type: 'type:Employee',
	listItem: 'Employee',
	optional: true,
});

export const employeeOperations: Operation[] = [
	entry({
		name: 'List_GetByCompany',
		params: [
			{ name: 'CompanyId', type: 'int' },
			{ name: 'EmployeeType', type: 'int' },
		],
		result: employeeList('List_GetByCompanyResult'),
		source: 'v3-code',
		sourceNote:
			'v3 parameters from four v3 code bases; result from the v2.1 WSDL and a captured response',
		v3Differences: [
			{
				kind: 'params-changed',
				v21Params: v21ActiveParams('CompanyId'),
				note: 'v3 takes EmployeeType (an id from EmployeeType_GetList) instead of v2.1 active (Active enum)',
			},
		],
		description: 'Employees of a company of one employee type',
	}),
	entry({
		name: 'List_GetByDebtor',
		params: [
			{ name: 'DebtorId', type: 'int' },
			{ name: 'EmployeeType', type: 'int' },
		],
		result: employeeList('List_GetByDebtorResult'),
		source: 'v3-code',
		sourceNote: 'v3 parameters as List_GetByCompany (REFERENCE 2.3); result from the v2.1 WSDL',
		v3Differences: [
			{
				kind: 'params-changed',
				v21Params: v21ActiveParams('DebtorId'),
				note: 'v3 takes EmployeeType instead of v2.1 active, like List_GetByCompany',
				source: 'inferred',
			},
		],
		description: 'Employees of all companies of a debtor, of one employee type',
	}),
	entry({
		name: 'EmployeeType_GetList',
		params: [],
		result: {
			name: 'EmployeeType_GetListResult',
			type: 'type:EmployeeType',
			listItem: 'EmployeeType',
			optional: true,
		},
		source: 'v3-code',
		sourceNote: 'three v3 code bases (identity connector, Go client, Python SDK)',
		v3Differences: [{ kind: 'v3-only', note: 'not in the v2.1 WSDL' }],
		description: 'Employee types (ids for List_GetByCompany)',
	}),
	entry({
		name: 'Employee_GetCurrent',
		params: [{ name: 'EmployeeId', type: 'int' }],
		result: { name: 'Employee_GetCurrentResult', type: 'string', optional: true },
		description: 'Current period of the employee\'s company, as "yyyy-pp-type"',
	}),
	entry({
		name: 'PersonalInfo_GetCurrent',
		params: [{ name: 'EmployeeId', type: 'int' }],
		result: { name: 'PersonalInfo_GetCurrentResult', type: 'type:PersonalInfo', optional: true },
		description: 'Personal info of an employee in the current period',
	}),
	entry({
		name: 'PersonalInfo_Get',
		params: [
			{ name: 'EmployeeId', type: 'int' },
			{ name: 'Period', type: 'int' },
			{ name: 'Year', type: 'int' },
		],
		result: { name: 'PersonalInfo_GetResult', type: 'type:PersonalInfo', optional: true },
		description: 'Personal info of an employee as of a period and year',
	}),
	entry({
		name: 'PersonalInfo_UpdateCurrent',
		params: [
			{ name: 'EmployeeId', type: 'int' },
			{ name: 'PersonalInfo', type: 'type:PersonalInfo', optional: true },
		],
		access: 'write',
		description: 'Replace the personal info of the current period (fields left out become empty)',
	}),
	entry({
		name: 'PersonalInfo_Update',
		params: [
			{ name: 'EmployeeId', type: 'int' },
			{ name: 'PersonalInfo', type: 'type:PersonalInfo', optional: true },
			{ name: 'Period', type: 'int' },
			{ name: 'Year', type: 'int' },
		],
		access: 'write',
		description: 'Replace the personal info from a period on (fields left out become empty)',
	}),
	entry({
		name: 'PersonalInfo_GetAll_AllEmployeesByCompany',
		params: [{ name: 'CompanyID', type: 'int' }],
		result: {
			name: 'PersonalInfo_GetAll_AllEmployeesByCompanyResult',
			type: 'type:PersonalInfoItem',
			listItem: 'PersonalInfoItem',
			optional: true,
		},
		description: 'Personal info history of every employee of a company, in one call',
	}),
	entry({
		name: 'PersonalInfoWithoutBSN_Get_GetAllEmployeesByCompany',
		params: [{ name: 'CompanyID', type: 'int' }],
		result: {
			name: 'PersonalInfoWithoutBSN_Get_GetAllEmployeesByCompanyResult',
			type: 'type:PersonalInfoItem',
			listItem: 'PersonalInfoItem',
			optional: true,
		},
		source: 'v3-code',
		sourceNote: 'name and CompanyID parameter from two v3 code bases',
		v3Differences: [
			{
				kind: 'v3-only',
				note: 'not in the v2.1 WSDL; result assumed shaped like PersonalInfo_GetAll_AllEmployeesByCompany with BSN left out',
				source: 'inferred',
			},
		],
		description: 'Personal info history of every employee of a company, without BSN',
	}),
	entry({
		name: 'Employee_InsertBasedOnDefault',
		params: [
			{ name: 'CompanyId', type: 'int' },
			{ name: 'DefaultEmployeeTemplate', type: 'string', optional: true },
			{ name: 'FirstName', type: 'string', optional: true },
			{ name: 'LastName', type: 'string', optional: true },
			{ name: 'employment', type: 'type:Employment', optional: true },
			{ name: 'UnprotectedMode', type: 'boolean' },
		],
		result: { name: 'Employee_InsertBasedOnDefaultResult', type: 'int' },
		access: 'write',
		description:
			"Create an employee from one of the company's default templates; returns the new id",
	}),
	entry({
		name: 'Contract_GetAll',
		params: [{ name: 'EmployeeId', type: 'int' }],
		result: {
			name: 'Contract_GetAllResult',
			type: 'type:EmployeeContract',
			listItem: 'EmployeeContract',
			optional: true,
		},
		source: 'v3-code',
		sourceNote: 'name, EmployeeId parameter and contract fields from one v3 SDK',
		v3Differences: [
			{
				kind: 'v3-only',
				note: 'v3 name of v2.1 Contract_GetAll_v2; the result item element EmployeeContract is inferred',
				source: 'inferred',
			},
		],
		description: 'All contracts of an employee',
	}),
	entry({
		name: 'Contract_GetAll_AllEmployeesByCompany',
		params: [{ name: 'CompanyID', type: 'int' }],
		result: {
			name: 'Contract_GetAll_AllEmployeesByCompanyResult',
			type: 'type:EmployeeContractItem',
			listItem: 'EmployeeContractItem',
			optional: true,
		},
		description: 'Contract history of every employee of a company, in one call',
	}),
	entry({
		name: 'Employment_GetAll_AllEmployeesByCompany',
		params: [{ name: 'CompanyID', type: 'int' }],
		result: {
			name: 'Employment_GetAll_AllEmployeesByCompanyResult',
			type: 'type:EmployeeEmploymentItem',
			listItem: 'EmployeeEmploymentItem',
			optional: true,
		},
		description: 'Employments (in and out of service dates) of every employee of a company',
	}),
	entry({
		name: 'Department_GetAll_AllEmployeesByCompany',
		params: [{ name: 'CompanyID', type: 'int' }],
		result: {
			name: 'Department_GetAll_AllEmployeesByCompanyResult',
			type: 'type:EmployeeDepartmentItem',
			listItem: 'EmployeeDepartmentItem',
			optional: true,
		},
		description: 'Department history of every employee of a company, in one call',
	}),
	entry({
		name: 'Function_GetAll_AllEmployeesByCompany',
		params: [{ name: 'CompanyID', type: 'int' }],
		result: {
			name: 'Function_GetAll_AllEmployeesByCompanyResult',
			type: 'type:EmployeeFunctionItem',
			listItem: 'EmployeeFunctionItem',
			optional: true,
		},
		description: 'Function (job title) history of every employee of a company, in one call',
	}),
	entry({
		name: 'Salary_GetCurrent',
		params: [{ name: 'EmployeeId', type: 'int' }],
		result: { name: 'Salary_GetCurrentResult', type: 'type:Salary', optional: true },
		description: 'Salary of an employee in the current period',
	}),
	entry({
		name: 'Salary_Get',
		params: [
			{ name: 'EmployeeId', type: 'int' },
			{ name: 'Period', type: 'int' },
			{ name: 'Year', type: 'int' },
		],
		result: { name: 'Salary_GetResult', type: 'type:Salary', optional: true },
		description: 'Salary of an employee as of a period and year',
	}),
	entry({
		name: 'Salary_GetAll_AllEmployeesByCompany',
		params: [{ name: 'CompanyID', type: 'int' }],
		result: {
			name: 'Salary_GetAll_AllEmployeesByCompanyResult',
			type: 'type:EmployeeSalaryItem',
			listItem: 'EmployeeSalaryItem',
			optional: true,
		},
		description: 'Salary history of every employee of a company, in one call',
	}),
	entry({
		name: 'BankAccount_GetListCurrent',
		params: [{ name: 'EmployeeId', type: 'int' }],
		result: {
			name: 'BankAccount_GetListCurrentResult',
			type: 'type:BankAccount',
			listItem: 'BankAccount',
			optional: true,
		},
		description: 'Bank accounts of an employee in the current period',
	}),
	entry({
		name: 'BankAccount_GetList',
		params: [
			{ name: 'EmployeeId', type: 'int' },
			{ name: 'Period', type: 'int' },
			{ name: 'Year', type: 'int' },
		],
		result: {
			name: 'BankAccount_GetListResult',
			type: 'type:BankAccount',
			listItem: 'BankAccount',
			optional: true,
		},
		description: 'Bank accounts of an employee as of a period and year',
	}),
	entry({
		name: 'Address_GetAll_AllEmployeesByCompany',
		params: [{ name: 'CompanyID', type: 'int' }],
		result: {
			name: 'Address_GetAll_AllEmployeesByCompanyResult',
			type: 'type:EmployeeAddressItem',
			listItem: 'EmployeeAddressItem',
			optional: true,
		},
		description: 'Address history of every employee of a company, in one call',
	}),
	entry({
		name: 'Schedule_GetAll_AllEmployeesByCompany',
		params: [{ name: 'CompanyID', type: 'int' }],
		result: {
			name: 'Schedule_GetAll_AllEmployeesByCompanyResult',
			type: 'type:EmployeeScheduleItem',
			listItem: 'EmployeeScheduleItem',
			optional: true,
		},
		description: 'Work schedule history of every employee of a company, in one call',
	}),
	entry({
		name: 'Absence_GetAll_AllEmployeesByCompany',
		params: [
			{ name: 'CompanyId', type: 'int' },
			{ name: 'Year', type: 'int' },
		],
		result: {
			name: 'Absence_GetAll_AllEmployeesByCompanyResult',
			type: 'type:EmployeeAbsence',
			listItem: 'EmployeeAbsence',
			optional: true,
		},
		source: 'v3-code',
		sourceNote: 'v3 Year parameter from one v3 integration; result from the v2.1 WSDL',
		v3Differences: [
			{
				kind: 'params-changed',
				v21Params: [{ name: 'CompanyId', type: 'int' }],
				note: 'v3 adds Year after CompanyId (seen in one integration only)',
			},
		],
		description: 'Absences (sickness) of every employee of a company in a year, in one call',
	}),
	entry({
		name: 'SalaryDocuments_GetAnnualStatementPDF',
		params: [
			{ name: 'EmployeeID', type: 'int' },
			{ name: 'intYear', type: 'int' },
		],
		result: {
			name: 'SalaryDocuments_GetAnnualStatementPDFResult',
			type: 'type:SalaryDocument',
			optional: true,
		},
		slow: true,
		description: 'Annual statement (jaaropgaaf) PDF of an employee for a year',
	}),
	// Hour and wage components of an employee: variable (this period only) and fixed (from a
	// period on), of the current period or of a period given.
	...(
		[
			['HourComponentVar', 'HourComponent_2', 'HourComponent', 'Variable hours'],
			['HourComponentFixed', 'HourComponent_2', 'HourComponent', 'Fixed hours'],
			['WageComponentVar', 'WageComponent', 'WageComponent', 'Variable wage components'],
			['WageComponentFixed', 'WageComponent', 'WageComponent', 'Fixed wage components'],
		] as const
	).flatMap(([prefix, type, item, what]) => [
		entry({
			name: `${prefix}_GetCurrent`,
			params: [{ name: 'EmployeeId', type: 'int' }],
			result: {
				name: `${prefix}_GetCurrentResult`,
				type: `type:${type}`,
				listItem: item,
				optional: true,
			},
			description: `${what} of an employee in the current period`,
		}),
		entry({
			name: `${prefix}_Get`,
			params: [
				{ name: 'EmployeeId', type: 'int' },
				{ name: 'Period', type: 'int' },
				{ name: 'Year', type: 'int' },
			],
			result: { name: `${prefix}_GetResult`, type: `type:${type}`, listItem: item, optional: true },
			description: `${what} of an employee in a period and year`,
		}),
	]),
	...(
		[
			[
				'HourComponentVar_Insert_Batch',
				'HourComponents',
				'EmployeeHourComponent',
				'variable hours',
			],
			[
				'WageComponentVar_Insert_Batch',
				'WageComponents',
				'EmployeeWageComponent',
				'variable wage components',
			],
		] as const
	).map(([name, list, item, what]) =>
		entry({
			name,
			params: [
				{ name: list, type: `type:${item}`, listItem: item, optional: true },
				{ name: 'Period', type: 'int' },
				{ name: 'Year', type: 'int' },
				{ name: 'UnprotectedMode', type: 'boolean' },
			],
			access: 'write',
			description: `Add ${what} for many employees of a company in one period, in one call`,
		}),
	),
	entry({
		name: 'DaysVar_Set_Batch',
		params: [
			{
				name: 'EmployeesDaysWorked',
				type: 'type:DaysWorked',
				listItem: 'DaysWorked',
				optional: true,
			},
			{ name: 'UnprotectedMode', type: 'boolean' },
		],
		access: 'write',
		description: 'Set the days worked of many employees, each in its period, in one call',
	}),
	// Records of an employee valid in the current period, or in a period and year given.
	...(
		[
			['Address_GetListCurrent', 'Address_GetList', 'EmployeeAddress', 'Addresses (each type)'],
			['Schedule_GetCurrent', 'Schedule_Get', 'Schedule', 'Work schedule'],
		] as const
	).flatMap(([current, inPeriod, type, what]) => {
		const result = (name: string): Field =>
			type === 'EmployeeAddress'
				? { name, type: `type:${type}`, listItem: type, optional: true }
				: { name, type: `type:${type}`, optional: true };
		return [
			entry({
				name: current,
				params: [{ name: 'EmployeeId', type: 'int' }],
				result: result(`${current}Result`),
				description: `${what} of an employee in the current period`,
			}),
			entry({
				name: inPeriod,
				params: [
					{ name: 'EmployeeId', type: 'int' },
					{ name: 'Period', type: 'int' },
					{ name: 'Year', type: 'int' },
				],
				result: result(`${inPeriod}Result`),
				description: `${what} of an employee in a period and year`,
			}),
		];
	}),
	entry({
		name: 'LeaveBalance_Get',
		params: [{ name: 'EmployeeId', type: 'int' }],
		result: { name: 'LeaveBalance_GetResult', type: 'type:LeaveBalance', optional: true },
		description: "An employee's leave balance: at the start of the year and now, in hours",
	}),
	entry({
		name: 'Absence_GetList',
		params: [{ name: 'EmployeeId', type: 'int' }],
		result: {
			name: 'Absence_GetListResult',
			type: 'type:Absence',
			listItem: 'Absence',
			optional: true,
		},
		description: "An employee's absences (sick reports) with their recovery",
	}),
	entry({
		name: 'CostCenter_GetAllEmployeesByCompany',
		params: [
			{ name: 'CompanyId', type: 'int' },
			{ name: 'Period', type: 'int' },
			{ name: 'Year', type: 'int' },
		],
		result: {
			name: 'CostCenter_GetAllEmployeesByCompanyResult',
			type: 'type:EmployeeCostCenters',
			listItem: 'EmployeeCostCenters',
			optional: true,
		},
		description: 'The cost centers of every employee of a company in a period',
	}),
	entry({
		name: 'Absence2_GetList',
		params: [{ name: 'EmployeeId', type: 'int' }],
		result: {
			name: 'Absence2_GetListResult',
			type: 'type:AbsenceV2',
			listItem: 'AbsenceV2',
			optional: true,
		},
		description: "An employee's absences with their cause",
	}),
	entry({
		name: 'Absence2_Insert',
		params: [
			{ name: 'EmployeeId', type: 'int' },
			{ name: 'Absence', type: 'type:AbsenceV2', optional: true },
			{ name: 'NewDossier', type: 'boolean' },
		],
		result: { name: 'Absence2_InsertResult', type: 'int' },
		access: 'write',
		description: 'Report an absence (sick report) of an employee, with its cause',
	}),
	entry({
		name: 'Absence_RecoveryInsert',
		params: [
			{ name: 'EmployeeId', type: 'int' },
			{ name: 'AbsenceID', type: 'int' },
			{ name: 'Lastdayabsence', type: 'dateTime' },
			{ name: 'Reportdate', type: 'dateTime' },
			{ name: 'Comment', type: 'string', optional: true },
		],
		result: { name: 'Absence_RecoveryInsertResult', type: 'string', optional: true },
		access: 'write',
		description: 'Report the full recovery of an absence: its last day',
	}),
	entry({
		name: 'Absence_PartialRecoveryInsert',
		params: [
			{ name: 'EmployeeId', type: 'int' },
			{ name: 'AbsenceID', type: 'int' },
			{ name: 'StartDate', type: 'dateTime' },
			{ name: 'Reportdate', type: 'dateTime' },
			{ name: 'Percent', type: 'int' },
			{ name: 'Comment', type: 'string', optional: true },
		],
		result: { name: 'Absence_PartialRecoveryInsertResult', type: 'int' },
		access: 'write',
		description: 'Report a partial recovery of an absence: the percentage absent from a date on',
	}),
	entry({
		name: 'Leave_GetList_V2',
		params: [
			{ name: 'EmployeeId', type: 'int' },
			{ name: 'Type', type: 'enum:LeaveType', nillable: true },
			{ name: 'Soort', type: 'enum:LeaveUsageType', nillable: true },
			{ name: 'Year', type: 'int' },
		],
		result: {
			name: 'Leave_GetList_V2Result',
			type: 'type:LeaveV2',
			listItem: 'LeaveV2',
			optional: true,
		},
		description: "An employee's leave of a year, with IDs",
	}),
	entry({
		name: 'Leave_Insert',
		params: [
			{ name: 'EmployeeId', type: 'int' },
			{ name: 'Leave', type: 'type:Leave', optional: true },
		],
		access: 'write',
		description: 'Add leave for an employee (taken, stored or expired hours)',
	}),
	entry({
		name: 'Address_Update',
		params: [
			{ name: 'EmployeeId', type: 'int' },
			{ name: 'Address', type: 'type:EmployeeAddress', optional: true },
		],
		result: { name: 'Address_UpdateResult', type: 'boolean' },
		access: 'write',
		description: 'Change an address of an employee (the whole record is written)',
	}),
	entry({
		name: 'Schedule_UpdateCurrent',
		params: [
			{ name: 'EmployeeId', type: 'int' },
			{ name: 'Schedule', type: 'type:Schedule', optional: true },
			{ name: 'CompanyRoosterNr', type: 'int' },
		],
		access: 'write',
		description: "Change an employee's work schedule from the current period on",
	}),
];
