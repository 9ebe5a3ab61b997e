import type { IDataObject } from 'n8n-workflow';

import { asList, asRecords, cachedRequest, isRecord, nmbrsRequest } from '../../glue/request';
import { parseBoolean, parseNonNegative } from '../../glue/parameters';
import type { WireObject } from '../../wire';
import { locatorProperty, readLocator } from '../../common/locators';
import { periodProperties, readPeriod, versionValidIn, type PayrollPeriod } from '../shared/period';
import { readLimit, returnAllProperties, returnRows } from '../../common/rows';
import type { NmbrsOperation } from '../types';
import { includeBsnProperty } from '../../common/bsn';
import { optionsCollection, readOptions } from '../shared/options';

/** The company batch call behind each option, and the list its items carry. */
const BATCH = {
	includePersonalInfo: {
		call: 'EmployeeService.PersonalInfo_GetAll_AllEmployeesByCompany',
		list: 'EmployeePersonalInfos',
		field: 'PersonalInfo',
		label: 'Include Personal Info',
	},
	includeDepartment: {
		call: 'EmployeeService.Department_GetAll_AllEmployeesByCompany',
		list: 'EmployeeDepartments',
		field: 'Department',
		label: 'Include Department',
	},
	includeFunction: {
		call: 'EmployeeService.Function_GetAll_AllEmployeesByCompany',
		list: 'EmployeeFunctions',
		field: 'Function',
		label: 'Include Function',
	},
	includeEmployments: {
		call: 'EmployeeService.Employment_GetAll_AllEmployeesByCompany',
		list: 'EmployeeEmployments',
		field: 'Employments',
		label: 'Include Employments',
	},
} as const;

type Include = keyof typeof BATCH;

export const getMany: NmbrsOperation = {
	name: 'Get Many',
	description:
		"Get many employees of a company, of one employee type (2 = on the payroll). Options add each employee's personal info, department and function as valid in the chosen period (future-dated changes are ignored) and their employments, with one call per company for all employees.",
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
		...periodProperties('the included personal info, department and function'),
		optionsCollection([
			{
				displayName: 'Include Department',
				name: 'includeDepartment',
				type: 'boolean',
				default: false,
				description:
					"Whether to add each employee's department (ID, code, description) valid in the chosen period, as Department",
			},
			{
				displayName: 'Include Employments',
				name: 'includeEmployments',
				type: 'boolean',
				default: false,
				description:
					"Whether to add each employee's employments (start, end and initial start dates), as Employments",
			},
			{
				displayName: 'Include Function',
				name: 'includeFunction',
				type: 'boolean',
				default: false,
				description:
					"Whether to add each employee's function (job title: ID, code, description) valid in the chosen period, as Function",
			},
			{
				displayName: 'Include Personal Info',
				name: 'includePersonalInfo',
				type: 'boolean',
				default: false,
				description:
					"Whether to add each employee's personal info (names, e-mail, phone, birth date, …) valid in the chosen period, as PersonalInfo",
			},
			includeBsnProperty,
		]),
	],
	calls: [
		'EmployeeService.List_GetByCompany',
		'EmployeeService.PersonalInfo_GetAll_AllEmployeesByCompany',
		'EmployeeService.Department_GetAll_AllEmployeesByCompany',
		'EmployeeService.Function_GetAll_AllEmployeesByCompany',
		'EmployeeService.Employment_GetAll_AllEmployeesByCompany',
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
		const versioned = includes.some((include) => include !== 'includeEmployments');
		const at: PayrollPeriod | undefined = versioned
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
				const rows = asRecords(
					await cachedRequest(this, BATCH[include].call, { CompanyID: companyId }, itemIndex),
				);
				return { include, byEmployee: new Map(rows.map((row) => [row.EmployeeId, row])) };
			}),
		);

		const rows = kept.map((employee) => {
			// The list is this item's own answer (not cached): its records take the fields in place,
			// and returnRows makes the one copy.
			const row = (isRecord(employee) ? employee : {}) as WireObject;
			for (const { include, byEmployee } of histories) {
				const { list, field } = BATCH[include];
				const versions = asRecords(byEmployee.get(row.Id as number)?.[list] ?? null);
				row[field] =
					include === 'includeEmployments'
						? versions
						: at === undefined
							? null
							: versionValidIn<WireObject>(versions, at);
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
