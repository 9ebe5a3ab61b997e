import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { asList, asRecords, cachedRequest, isRecord, nmbrsRequest } from '../../glue/request';
import { parseBoolean, parseNonNegative } from '../../glue/parameters';
import type { CuratedCall, ParamsOf } from '../../catalogue/calls';
import { periodDates } from '../../catalogue/periods';
import type { WireObject, WireValue } from '../../wire';
import { locatorProperty, readLocator } from '../../common/locators';
import {
	datedVersionValidIn,
	periodProperties,
	readPeriod,
	versionValidIn,
	type PayrollPeriod,
} from '../shared/period';
import { readLimit, returnAllProperties, returnRows } from '../../common/rows';
import type { NmbrsOperation } from '../types';
import { includeBsnProperty } from '../../common/bsn';
import { optionsCollection, readOptions } from '../shared/options';

/** How an option picks what it adds from the versions its batch call lists for an employee. */
type Pick = (versions: WireObject[], at: PayrollPeriod) => WireValue;

const dateOf = (value: WireValue | undefined) => String(value ?? '').slice(0, 10);

const inPeriod: Pick = (versions, at) => versionValidIn(versions, at);
const onDate: Pick = (versions, at) => datedVersionValidIn(versions, at);
const all: Pick = (versions) => versions;
/** The contract running in the period: started by its last day, not ended before its first. */
const runningContract: Pick = (versions, at) => {
	const { start } = periodDates(at.periodType, at.year, at.period);
	return datedVersionValidIn(
		versions.filter((c) => !c.EndDate || dateOf(c.EndDate) >= start),
		at,
	);
};
/** The home address valid in the period (one that ended before it is not). */
const homeAddress: Pick = (versions, at) =>
	versionValidIn(
		versions.filter(
			(a) =>
				a.Type === 'HomeAddress' &&
				(!a.EndYear || Number(a.EndYear) * 100 + Number(a.EndPeriod) >= at.year * 100 + at.period),
		),
		at,
	);

interface Batch {
	call: CuratedCall;
	/** The list of versions in each employee's item of the answer. */
	list: string;
	/** The field of the output item it fills. */
	field: string;
	label: string;
	/** What it adds, for the option's description. */
	what: string;
	pick: Pick;
	/** The call is asked for the chosen period (the others list every version). */
	perPeriod?: true;
}

/** The company batch call behind each option: one call per company for all its employees. */
const BATCH = {
	includeAddress: {
		call: 'EmployeeService.Address_GetAll_AllEmployeesByCompany',
		list: 'EmployeeAddresses',
		field: 'Address',
		label: 'Include Address',
		what: 'home address (street, house number, postal code, city, country) valid in the chosen period',
		pick: homeAddress,
	},
	includeContract: {
		call: 'EmployeeService.Contract_GetAll_AllEmployeesByCompany',
		list: 'EmployeeContracts',
		field: 'Contract',
		label: 'Include Contract',
		what: 'contract running in the chosen period (start, end, indefinite, hours per week)',
		pick: runningContract,
	},
	includeCostCenters: {
		call: 'EmployeeService.CostCenter_GetAllEmployeesByCompany',
		list: 'CostCenters',
		field: 'CostCenters',
		label: 'Include Cost Centers',
		what: 'cost centers in the chosen period (code, description, percentage)',
		pick: all,
		perPeriod: true,
	},
	includeDepartment: {
		call: 'EmployeeService.Department_GetAll_AllEmployeesByCompany',
		list: 'EmployeeDepartments',
		field: 'Department',
		label: 'Include Department',
		what: 'department (ID, code, description) valid in the chosen period',
		pick: inPeriod,
	},
	includeEmployments: {
		call: 'EmployeeService.Employment_GetAll_AllEmployeesByCompany',
		list: 'EmployeeEmployments',
		field: 'Employments',
		label: 'Include Employments',
		what: 'employments (start, end and initial start dates), all of them',
		pick: all,
	},
	includeFunction: {
		call: 'EmployeeService.Function_GetAll_AllEmployeesByCompany',
		list: 'EmployeeFunctions',
		field: 'Function',
		label: 'Include Function',
		what: 'function (job title: ID, code, description) valid in the chosen period',
		pick: inPeriod,
	},
	includePersonalInfo: {
		call: 'EmployeeService.PersonalInfo_GetAll_AllEmployeesByCompany',
		list: 'EmployeePersonalInfos',
		field: 'PersonalInfo',
		label: 'Include Personal Info',
		what: 'personal info (names, e-mail, phone, birth date, …) valid in the chosen period',
		pick: inPeriod,
	},
	includeSalary: {
		call: 'EmployeeService.Salary_GetAll_AllEmployeesByCompany',
		list: 'EmployeeSalaries',
		field: 'Salary',
		label: 'Include Salary',
		what: 'salary (value, type, salary table) valid in the chosen period: the latest started by its last day',
		pick: onDate,
	},
	includeSchedule: {
		call: 'EmployeeService.Schedule_GetAll_AllEmployeesByCompany',
		list: 'EmployeeSchedules',
		field: 'Schedule',
		label: 'Include Schedule',
		what: 'work schedule (hours per day, part-time percentage) valid in the chosen period',
		pick: onDate,
	},
} satisfies Record<string, Batch>;

type Include = keyof typeof BATCH;

const includeOptions: INodeProperties[] = (Object.keys(BATCH) as Include[]).map((include) => ({
	displayName: BATCH[include].label,
	name: include,
	type: 'boolean',
	default: false,
	description: `Whether to add each employee's ${BATCH[include].what}, as ${BATCH[include].field}`,
}));

export const getMany: NmbrsOperation = {
	name: 'Get Many',
	description:
		"Get many employees of a company, of one employee type (2 = on the payroll). Options add each employee's personal info, department, function, salary, schedule, home address, contract and cost centers as valid in the chosen period (future-dated changes are ignored) and their employments, with one call per company and option for all employees, never one per employee.",
	action: 'Get many employees',
	properties: [
		locatorProperty('company'),
		{
			displayName: 'Employee Type Name or ID',
			name: 'employeeType',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getEmployeeTypes' },
			default: 2,
			description:
				'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		},
		...returnAllProperties,
		...periodProperties('the included records'),
		optionsCollection([...includeOptions, includeBsnProperty]),
	],
	calls: [
		'EmployeeService.List_GetByCompany',
		...Object.values(BATCH).map((batch) => batch.call),
		'CompanyService.Company_GetCurrentPeriod',
	],
	async execute(itemIndex) {
		const node = this.getNode();
		const companyId = readLocator.call(this, 'company', itemIndex);
		const employeeType = parseNonNegative(
			node,
			this.getNodeParameter('employeeType', itemIndex, 2),
			'Employee Type',
			itemIndex,
		);
		const limit = readLimit.call(this, itemIndex);
		const options = readOptions.call(this, itemIndex);
		const includes = (Object.keys(BATCH) as Include[]).filter((include) =>
			parseBoolean(node, options[include] ?? false, BATCH[include].label, itemIndex),
		);
		const includeBsn = parseBoolean(node, options.includeBsn ?? false, 'Include BSN', itemIndex);
		// Only the employments (all of them) need no period.
		const needsPeriod = includes.some((include) => include !== 'includeEmployments');
		const at: PayrollPeriod | undefined = needsPeriod
			? await readPeriod.call(this, companyId, itemIndex)
			: undefined;

		const employees = asList(
			await nmbrsRequest(
				this,
				'EmployeeService.List_GetByCompany',
				{ CompanyId: companyId, EmployeeType: employeeType },
				itemIndex,
			),
		);
		const kept = limit === undefined ? employees : employees.slice(0, limit);
		// One batch call per company and option for all employees, shared by every item.
		const histories = await Promise.all(
			includes.map(async (include) => {
				const batch: Batch = BATCH[include];
				const params =
					batch.perPeriod && at
						? { CompanyId: companyId, Period: at.period, Year: at.year }
						: { CompanyID: companyId };
				const rows = asRecords(
					await cachedRequest(this, batch.call, params as ParamsOf<typeof batch.call>, itemIndex),
				);
				return { include, byEmployee: new Map(rows.map((row) => [row.EmployeeId, row])) };
			}),
		);

		const rows = kept.map((employee) => {
			// The list is this item's own answer (not cached): its records take the fields in place,
			// and returnRows makes the one copy.
			const row = (isRecord(employee) ? employee : {}) as WireObject;
			for (const { include, byEmployee } of histories) {
				const { list, field, pick }: Batch = BATCH[include];
				const versions = asRecords(byEmployee.get(row.Id as number)?.[list] ?? null);
				row[field] = at === undefined ? versions : pick(versions, at);
			}
			return row;
		});
		const extra: IDataObject =
			at === undefined
				? { CompanyId: companyId }
				: { CompanyId: companyId, Year: at.year, Period: at.period };
		return returnRows.call(this, rows, itemIndex, { extra, withoutBsn: !includeBsn });
	},
};
