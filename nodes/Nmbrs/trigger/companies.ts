/**
 * The companies a poll looks at (every company the login sees, those of chosen debtors, or
 * chosen companies) and, when items need them, each company's debtor. Every list call is made
 * once per poll: n8n hands the same context to every poll of an active workflow, so the
 * per-execution cachedRequest would keep the first answer for good; the poll keeps its own.
 */
import type { IHookFunctions, IPollFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { AnswerCache, asRecords, nmbrsRequest } from '../glue/request';
import type { CuratedCall, ParamsOf } from '../catalogue/calls';
import type { WireObject, WireValue } from '../wire';
import { settle } from '../support/outcome';
import type { BinaryContext } from '../common/binary';

/** Where a trigger runs: a poll, a webhook delivery, or its activation (hooks: no items). */
export type TriggerContext = IPollFunctions | IWebhookFunctions | IHookFunctions;

export type Scope =
	{ kind: 'all' } | { kind: 'debtors'; ids: number[] } | { kind: 'companies'; ids: number[] };

export interface WatchedCompany {
	id: number;
	number: unknown;
	name: string | null;
	/** Its LoonaangifteTijdvak (Month, Week4...), which period dates follow. */
	periodType: string | null;
	/** Known when the company came from its debtor's list. */
	debtorId?: number;
}

export interface Debtor {
	id: number;
	number: string | null;
	name: string | null;
}

/** A call that failed, with the call's name. */
export class CallFailure {
	constructor(
		readonly call: string,
		readonly error: unknown,
	) {}
}

/** The calls of one poll: a read with the same parameters is made once. */
export class PollCalls {
	private readonly answers = new AnswerCache(false);

	constructor(readonly context: TriggerContext) {}

	/** The context that makes files: a poll's or a delivery's (activation emits nothing). */
	binary(): BinaryContext {
		const { helpers } = this.context;
		if ('prepareBinaryData' in helpers) return { helpers };
		throw new NodeOperationError(this.context.getNode(), 'No files can be made here', {
			description: 'Only a poll or a webhook delivery emits items.',
		});
	}

	/** The answer of a call; a failure is thrown as a CallFailure naming the call. */
	async request<K extends CuratedCall>(operation: K, params: ParamsOf<K>): Promise<WireValue> {
		const outcome = await settle(
			this.answers.get(operation, params, () => nmbrsRequest(this.context, operation, params)),
		);
		if (!outcome.ok) throw new CallFailure(operation, outcome.error);
		return outcome.value;
	}

	async records<K extends CuratedCall>(operation: K, params: ParamsOf<K>): Promise<WireObject[]> {
		return asRecords(await this.request(operation, params));
	}
}

function company(row: WireObject, debtorId?: number): WatchedCompany {
	return {
		id: Number(row.ID),
		number: row.Number ?? null,
		name: row.Name === null || row.Name === undefined ? null : String(row.Name),
		periodType: typeof row.LoonaangifteTijdvak === 'string' ? row.LoonaangifteTijdvak : null,
		...(debtorId === undefined ? {} : { debtorId }),
	};
}

export interface CompanyList {
	companies: WatchedCompany[];
	/** Debtors whose company list could not be read: their companies are neither seen nor missing. */
	failedDebtors: Array<{ debtorId: number; failure: CallFailure }>;
	/** Whether the answer lists every company the login sees (only then is one left out missing). */
	complete: boolean;
}

/**
 * The companies in scope. The company list failing fails the poll (it throws the CallFailure);
 * a chosen debtor whose list fails is reported in failedDebtors.
 */
export async function companiesInScope(calls: PollCalls, scope: Scope): Promise<CompanyList> {
	if (scope.kind === 'debtors') {
		const companies: WatchedCompany[] = [];
		const failedDebtors: CompanyList['failedDebtors'] = [];
		await Promise.all(
			scope.ids.map(async (debtorId) => {
				try {
					const rows = await calls.records('CompanyService.List_GetByDebtor', {
						DebtorId: debtorId,
					});
					for (const row of rows) companies.push(company(row, debtorId));
				} catch (error) {
					failedDebtors.push({ debtorId, failure: error as CallFailure });
				}
			}),
		);
		companies.sort((a, b) => a.id - b.id);
		return { companies, failedDebtors, complete: false };
	}
	const all = (await calls.records('CompanyService.List_GetAll', {}))
		.map((row) => company(row))
		.filter((c) => Number.isInteger(c.id));
	if (scope.kind === 'all') return { companies: all, failedDebtors: [], complete: true };
	const chosen = new Set(scope.ids);
	return { companies: all.filter((c) => chosen.has(c.id)), failedDebtors: [], complete: false };
}

export interface DebtorLookup {
	debtorOf(companyId: number): Debtor | null | CallFailure;
}

/**
 * Each company's debtor: the debtor list, and one List_GetByDebtor per debtor (all of them: the
 * company record does not name its debtor). A failed debtor call makes the companies it could
 * have held unknown (a CallFailure); a company found under no debtor has none (null).
 */
export async function lookUpDebtors(
	calls: PollCalls,
	companies: WatchedCompany[],
): Promise<DebtorLookup> {
	const known = new Map<number, Debtor>();
	let debtors: Debtor[];
	try {
		debtors = (await calls.records('DebtorService.List_GetAll', {})).map((row) => ({
			id: Number(row.Id),
			number: row.Number === null || row.Number === undefined ? null : String(row.Number),
			name: row.Name === null || row.Name === undefined ? null : String(row.Name),
		}));
	} catch (error) {
		return { debtorOf: () => error as CallFailure };
	}
	for (const debtor of debtors) known.set(debtor.id, debtor);
	const byCompany = new Map<number, Debtor>();
	for (const c of companies) {
		const debtor = c.debtorId === undefined ? undefined : known.get(c.debtorId);
		if (debtor) byCompany.set(c.id, debtor);
	}
	let failure: CallFailure | undefined;
	if (companies.some((c) => !byCompany.has(c.id))) {
		await Promise.all(
			debtors.map(async (debtor) => {
				try {
					const rows = await calls.records('CompanyService.List_GetByDebtor', {
						DebtorId: debtor.id,
					});
					for (const row of rows) byCompany.set(Number(row.ID), debtor);
				} catch (error) {
					failure ??= error as CallFailure;
				}
			}),
		);
	}
	return {
		debtorOf: (companyId) => byCompany.get(companyId) ?? failure ?? null,
	};
}
