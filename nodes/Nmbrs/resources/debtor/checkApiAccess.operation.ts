/**
 * Check API Access: which calls the login's API user template switches on. Every read call the
 * nodes use is made once with the login's own first debtor, company, employee, run and
 * declaration; each is reported "on", "off (1002)" or why it could not be checked, with the
 * operations that need it. Writes are listed, never made.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { catalogue, operationKey, type Field } from '../../catalogue';
import { anyRequest, asRecords, nmbrsFaultCode, isNmbrsFault } from '../../glue/request';
import { currentDutchYear } from '../../glue/parameters';
import { settle } from '../../support/outcome';
import { events } from '../../trigger/events';
// The registry of every resource, read when the operation runs (it holds this operation too).
import * as registry from '../index';
import { currentPeriod } from '../shared/period';
import type { NmbrsOperation } from '../types';

const reads = catalogue.operations.filter((op) => op.access === 'read').map(operationKey);
const writes = catalogue.operations.filter((op) => op.access === 'write').map(operationKey);

/** The calls that find the login's own records, made first (in this order) and checked too. */
const FINDERS = [
	'DebtorService.List_GetAll',
	'CompanyService.List_GetByDebtor',
	'EmployeeService.List_GetByCompany',
	'CompanyService.Company_GetCurrentPeriod',
	'CompanyService.Run_GetList',
	'CompanyService.WageTax_GetList',
	'CompanyService.PensionExport_GetList',
];

type Access = 'on' | 'off (1002)' | string;

export const checkApiAccess: NmbrsOperation = {
	name: 'Check API Access',
	description:
		"Check which calls the login's API user template switches on: every read call the Nmbrs nodes use is made once with the login's own first debtor, company and employee, and reported on or off (1002) with the operations that need it. Writes are listed, not made.",
	action: 'Check which API calls the login may make',
	properties: [],
	calls: reads,
	async execute(itemIndex) {
		const ids: Record<string, number | string> = {
			Year: currentDutchYear(),
			intYear: currentDutchYear(),
			EmployeeType: 2,
			paymentDate: new Date().toISOString().slice(0, 10),
		};
		const results = new Map<string, { access: Access; detail?: string }>();
		const check = async (key: string) => {
			// A filter Nmbrs takes as nil (Leave_GetList_V2's Type) is left out: all of them.
			const missing = paramsOf(key).filter(
				(param) => !param.nillable && ids[byName(param.name)] === undefined,
			);
			if (missing.length > 0) {
				const names = missing.map((param) => param.name).join(', ');
				results.set(key, { access: `not checked: no ${names} to call it with` });
				return undefined;
			}
			const params = Object.fromEntries(
				paramsOf(key).map((param) => [param.name, ids[byName(param.name)] ?? null]),
			);
			const outcome = await settle(anyRequest(this, key, params, itemIndex));
			results.set(key, accessOf(outcome));
			return outcome.ok ? outcome.value : undefined;
		};
		// The login's own records, each found with a call that is checked itself.
		const first = (answer: unknown, field: string) => asRecords(answer as never)[0]?.[field];
		setId(ids, 'DebtorId', first(await check(FINDERS[0]), 'Id'));
		setId(ids, 'CompanyId', first(await check(FINDERS[1]), 'ID'));
		setId(ids, 'EmployeeId', first(await check(FINDERS[2]), 'Id'));
		if (ids.CompanyId !== undefined) {
			results.set(FINDERS[3], { access: 'on' });
			const period = await settle(currentPeriod.call(this, Number(ids.CompanyId), itemIndex));
			if (period.ok) setId(ids, 'Period', period.value.period);
			else results.set(FINDERS[3], accessOf(period));
		} else await check(FINDERS[3]);
		setId(ids, 'RunId', first(await check(FINDERS[4]), 'ID'));
		setId(ids, 'LoonaangifteID', first(await check(FINDERS[5]), 'LoonaangifteID'));
		setId(ids, 'PensionExportID', first(await check(FINDERS[6]), 'PensionExportID'));
		await Promise.all(reads.filter((key) => !FINDERS.includes(key)).map(check));

		const users = usersOf();
		const rows: IDataObject[] = [
			...reads.map((key) => ({
				Call: key,
				Access: results.get(key)?.access ?? 'not checked',
				...detail(results.get(key)),
			})),
			...writes.map((key) => ({ Call: key, Access: 'not checked: it would change data' })),
		].map((row) => ({ ...row, UsedBy: users.get(String(row.Call)) ?? [] }));
		return rows.map((json): INodeExecutionData => ({ json, pairedItem: { item: itemIndex } }));
	},
};

/** The parameters of a call, as the catalogue has them. */
function paramsOf(key: string): Field[] {
	return catalogue.operations.find((op) => operationKey(op) === key)?.params ?? [];
}

/** Nmbrs spells one ID several ways (CompanyId, CompanyID, RunID): one value for all. */
function byName(name: string): string {
	const spelled: Record<string, string> = {
		companyid: 'CompanyId',
		employeeid: 'EmployeeId',
		debtorid: 'DebtorId',
		runid: 'RunId',
		loonaangifteid: 'LoonaangifteID',
		pensionexportid: 'PensionExportID',
	};
	return spelled[name.toLowerCase()] ?? name;
}

function setId(ids: Record<string, number | string>, name: string, value: unknown): void {
	if (typeof value === 'number' || (typeof value === 'string' && value !== ''))
		ids[name] = Number(value);
}

/** On, off (1002), or why not: a fault about the data means Nmbrs let the call through. */
function accessOf(outcome: { ok: true } | { ok: false; error: unknown }): {
	access: Access;
	detail?: string;
} {
	if (outcome.ok) return { access: 'on' };
	const error = outcome.error;
	if (isNmbrsFault(error)) {
		if (nmbrsFaultCode(error) === 1002) return { access: 'off (1002)' };
		return { access: 'on', detail: `allowed; Nmbrs answered ${(error as Error).message}` };
	}
	return { access: 'could not check', detail: (error as Error).message };
}

function detail(result: { detail?: string } | undefined): IDataObject {
	return result?.detail === undefined ? {} : { Detail: result.detail };
}

/** Per call, the operations and trigger events that make it. */
function usersOf(): Map<string, string[]> {
	const users = new Map<string, string[]>();
	const add = (call: string, user: string) => users.set(call, [...(users.get(call) ?? []), user]);
	for (const resource of registry.resources)
		for (const operation of Object.values(resource.operations))
			for (const call of operation.calls) add(call, `${resource.name} → ${operation.name}`);
	for (const event of events)
		for (const call of event.calls) add(call, `Nmbrs Trigger → ${event.name}`);
	return users;
}
