/**
 * One table for the things a user picks in the editor: company, debtor, employee (within the
 * chosen company), payroll run and wage tax declaration (of the chosen company and year). Each
 * entry gives the resource locator property, the reader of the picked ID and the list search.
 */
import type {
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import type { CallWith } from '../catalogue/calls';
import { asRecords, requestCall } from '../glue/request';
import { currentDutchYear, isPayrollYear, parseId } from '../glue/parameters';
import type { WireObject } from '../wire';

export type LocatorKind =
	| 'company'
	| 'debtor'
	| 'employee'
	| 'run'
	| 'declaration'
	| 'pensionExport'
	| 'hourCode'
	| 'wageCode';

interface LocatorSpec {
	/** The node parameter, e.g. 'companyId'. */
	parameter: string;
	displayName: string;
	/** How errors name a wrong value, e.g. 'Company ID'. */
	label: string;
	description: string;
	/** The list search method's name in `methods.listSearch`. */
	searchMethod: string;
	/** The call that lists the candidates, and its parameters from the parameters already set. */
	list: (this: ILoadOptionsFunctions) => CallWith;
	/** A candidate as the list shows it; `search` is what the typed filter matches. */
	show: (row: WireObject) => { name: string; value: string; search: unknown[] };
}

/** An hour or wage code of the chosen company's model (the list shows code and description). */
function codeLocator(
	kind: 'hour' | 'wage',
	call: 'HourModel_GetHourCodes' | 'WageModel_GetWageCodes',
): LocatorSpec {
	const name = kind === 'hour' ? 'Hour' : 'Wage';
	return {
		parameter: `${kind}Code`,
		displayName: `${name} Code`,
		label: `${name} Code`,
		description: `A ${kind} code of the chosen company's ${kind} model`,
		searchMethod: `search${name}Codes`,
		list() {
			const companyId = current.call(this, 'companyId', 'Company ID');
			return { call: `CompanyService.${call}`, params: { CompanyId: companyId } };
		},
		show: (row) => ({
			name: `${String(row.Code)}: ${String(row.Description ?? '')}`,
			value: String(row.Code),
			search: [row.Code, row.Description],
		}),
	};
}

/** A parameter already set on the node (locators give their ID), read while the editor searches. */
function current(this: ILoadOptionsFunctions, name: string, label: string): number {
	let value: unknown;
	try {
		value = this.getCurrentNodeParameter(name, { extractValue: true });
	} catch {
		value = undefined;
	}
	return parseId(this.getNode(), value, label, 0);
}

function currentYear(this: ILoadOptionsFunctions): number {
	let value: unknown;
	try {
		value = this.getCurrentNodeParameter('year');
	} catch {
		value = undefined;
	}
	const year = Number(value);
	return isPayrollYear(year) ? year : currentDutchYear();
}

export const LOCATORS: Record<LocatorKind, LocatorSpec> = {
	company: {
		parameter: 'companyId',
		displayName: 'Company',
		label: 'Company ID',
		description: 'The company (employer) in Nmbrs',
		searchMethod: 'searchCompanies',
		list: () => ({ call: 'CompanyService.List_GetAll', params: {} }),
		show: (row) => ({
			// Company numbers repeat across debtors; the ID is what the node sends.
			name: `${String(row.Name ?? '')} (ID ${String(row.ID)})`,
			value: String(row.ID),
			search: [row.Name, row.Number, row.ID],
		}),
	},
	debtor: {
		parameter: 'debtorId',
		displayName: 'Debtor',
		label: 'Debtor ID',
		description: 'The debtor (client administration) in Nmbrs',
		searchMethod: 'searchDebtors',
		list: () => ({ call: 'DebtorService.List_GetAll', params: {} }),
		show: (row) => ({
			name: `${String(row.Name ?? '')} (${String(row.Number ?? row.Id)})`,
			value: String(row.Id),
			search: [row.Name, row.Number, row.Id],
		}),
	},
	employee: {
		parameter: 'employeeId',
		displayName: 'Employee',
		label: 'Employee ID',
		description: 'The employee in Nmbrs; the list shows the employees of the chosen company',
		searchMethod: 'searchEmployees',
		list() {
			const companyId = current.call(this, 'companyId', 'Company ID');
			// Employee type 2: employees on the payroll, the type integrations rely on.
			return {
				call: 'EmployeeService.List_GetByCompany',
				params: { CompanyId: companyId, EmployeeType: 2 },
			};
		},
		show: (row) => ({
			name: `${String(row.DisplayName ?? '')} (${String(row.Number ?? row.Id)})`,
			value: String(row.Id),
			search: [row.DisplayName, row.Number, row.Id],
		}),
	},
	run: {
		parameter: 'runId',
		displayName: 'Payroll Run',
		label: 'Payroll Run ID',
		description: 'A payroll run of the chosen company, in the chosen year',
		searchMethod: 'searchRuns',
		list() {
			const companyId = current.call(this, 'companyId', 'Company ID');
			return {
				call: 'CompanyService.Run_GetList',
				params: { CompanyId: companyId, Year: currentYear.call(this) },
			};
		},
		show: (row) => ({
			name: `${String(row.Year)} period ${String(row.PeriodStart)}: ${String(row.Description ?? `run ${String(row.Number)}`)}${row.IsLocked === true ? ' (locked)' : ''}`,
			value: String(row.ID),
			search: [row.Description, row.Number, row.ID, row.PeriodStart],
		}),
	},
	hourCode: codeLocator('hour', 'HourModel_GetHourCodes'),
	wageCode: codeLocator('wage', 'WageModel_GetWageCodes'),
	declaration: {
		parameter: 'declarationId',
		displayName: 'Wage Tax Declaration',
		label: 'Wage Tax Declaration ID',
		description: 'A wage tax declaration of the chosen company, in the chosen year',
		searchMethod: 'searchDeclarations',
		list() {
			const companyId = current.call(this, 'companyId', 'Company ID');
			return {
				call: 'CompanyService.WageTax_GetList',
				params: { CompanyId: companyId, intYear: currentYear.call(this) },
			};
		},
		show: (row) => ({
			name: `${String(row.Year)} period ${String(row.Period)}: ${String(row.Status ?? '')} (${String(row.LoonaangifteID)})`,
			value: String(row.LoonaangifteID),
			search: [row.Status, row.Period, row.LoonaangifteID, row.PaymentReference],
		}),
	},
	pensionExport: {
		parameter: 'pensionExportId',
		displayName: 'Pension Export',
		label: 'Pension Export ID',
		description: 'A pension export of the chosen company, in the chosen year',
		searchMethod: 'searchPensionExports',
		list() {
			const companyId = current.call(this, 'companyId', 'Company ID');
			return {
				call: 'CompanyService.PensionExport_GetList',
				params: { CompanyId: companyId, intYear: currentYear.call(this) },
			};
		},
		show: (row) => ({
			name: `${String(row.Year)} period ${String(row.Period)}: ${String(row.Status ?? '')} (${String(row.PensionExportID)})`,
			value: String(row.PensionExportID),
			search: [row.Status, row.Period, row.PensionExportID],
		}),
	},
};

/** The resource locator property of a kind: pick from a searchable list, or type the ID. */
export function locatorProperty(
	kind: LocatorKind,
	overrides: Partial<INodeProperties> = {},
): INodeProperties {
	const spec = LOCATORS[kind];
	return {
		displayName: spec.displayName,
		name: spec.parameter,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: spec.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: spec.searchMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 12345',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^\\s*\\d+\\s*$',
							errorMessage: `Not a valid ${spec.label}`,
						},
					},
				],
			},
		],
		...overrides,
	};
}

/** The ID picked or typed in a locator, checked, for item i. */
export function readLocator(this: IExecuteFunctions, kind: LocatorKind, itemIndex: number): number {
	const spec = LOCATORS[kind];
	const value = this.getNodeParameter(spec.parameter, itemIndex, '', { extractValue: true });
	return parseId(this.getNode(), value, spec.label, itemIndex);
}

function matches(filter: string | undefined, texts: unknown[]): boolean {
	if (!filter) return true;
	const needle = filter.trim().toLowerCase();
	return texts.some(
		(t) => t !== null && t !== undefined && String(t).toLowerCase().includes(needle),
	);
}

function searchFor(kind: LocatorKind) {
	const spec = LOCATORS[kind];
	return async function (
		this: ILoadOptionsFunctions,
		filter?: string,
	): Promise<INodeListSearchResult> {
		const results: INodeListSearchItems[] = [];
		for (const row of asRecords(await requestCall(this, spec.list.call(this)))) {
			const shown = spec.show(row);
			if (matches(filter, shown.search)) results.push({ name: shown.name, value: shown.value });
		}
		return { results: results.sort((a, b) => a.name.localeCompare(b.name)) };
	};
}

export type ListSearch = (
	this: ILoadOptionsFunctions,
	filter?: string,
) => Promise<INodeListSearchResult>;

/** Every locator's list search, under the method names the properties refer to. */
export const locatorSearches: Record<string, ListSearch> = Object.fromEntries(
	(Object.keys(LOCATORS) as LocatorKind[]).map((kind) => [
		LOCATORS[kind].searchMethod,
		searchFor(kind),
	]),
);

/**
 * A kind's candidates as load options (the trigger's multiOptions fields: several companies or
 * debtors), from the same table as the list searches; the value is the ID.
 */
export function locatorOptions(kind: LocatorKind) {
	const spec = LOCATORS[kind];
	return async function (this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return asRecords(await requestCall(this, spec.list.call(this)))
			.map((row) => spec.show(row))
			.map((shown) => ({ name: shown.name, value: shown.value }))
			.sort((a, b) => a.name.localeCompare(b.name));
	};
}

/**
 * The router's record key of an operation that writes one employee's records: items of one
 * employee run one after another. A bad ID gives none (execute reports it).
 */
export function employeeRecordKey(this: IExecuteFunctions, itemIndex: number): string | undefined {
	try {
		return `employee:${readLocator.call(this, 'employee', itemIndex)}`;
	} catch {
		return undefined;
	}
}
