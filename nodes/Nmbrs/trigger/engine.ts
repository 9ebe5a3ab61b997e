/**
 * The polling engine every event runs on: which companies (scope), fetching them concurrently
 * within the login's fair-use budget (the transport's limiter keeps to 150 calls per second),
 * what is remembered between polls (state.ts), baselines, "Fetch Test Event", and failures.
 *
 * The rules, as the README states them:
 * - A thing (declaration, run) is emitted when a poll sees it reach a watched status (or one it has
 *   passed, event's `passed`); again, with IsRepeat true, when it reaches it anew, except for the
 *   statuses the event emits once per thing (`once`: a declaration's "locked" by default).
 * - The first poll records what exists and emits nothing, unless Emit Existing Since is set: then
 *   matching things whose date (event's) is on or after it are emitted. A company or year first
 *   seen later (it failed at activation, appeared later, a new year) emits the matching things
 *   whose own dates say they may have changed since the activation day (event's `lastChanged`):
 *   a duplicate is preferred to a loss.
 * - A company whose calls fail keeps its state and is retried next poll; the others' items are
 *   emitted. A poll returns items or fails, never both: once a company has failed three polls in
 *   a row, the next poll without items fails naming it, its call and the fix, once per run of
 *   failures. When every company fails, the poll fails (never the first one).
 * - A poll that fails changes nothing in the state.
 *
 * Both triggers run on it: the polling trigger at each poll, the webhook trigger at each delivery
 * (a wake-up that may name the debtor or company to look at: `Wake`) and at activation.
 */
import { DateTime } from '../vendor/luxon';
import type {
	IDataObject,
	INode,
	INodeExecutionData,
	INodeProperties,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parseId, parseWholeInRange } from '../glue/parameters';
import { MAX_IN_FLIGHT } from '../glue/request';
import type {
	CompanyList,
	Debtor,
	DebtorLookup,
	Scope,
	TriggerContext,
	WatchedCompany,
} from './companies';
import { CallFailure, PollCalls, companiesInScope, lookUpDebtors } from './companies';
import { decide, type Decision } from './decide';
import type { EventSettings, Thing, TriggerEvent } from './event';
import { asFailure, dueReport, errorOf, recordFailures, type PollFailures } from './failures';
import type { TriggerState } from './state';
import { loadState, prune, storeState } from './state';
import { unlessStillPolling } from './overlap';

export { REPORT_AFTER } from './failures';

/** The calls the engine makes for every event: the company list, the debtors. */
export const ENGINE_CALLS = [
	'CompanyService.List_GetAll',
	'DebtorService.List_GetAll',
	'CompanyService.List_GetByDebtor',
] as const;

/** Companies fetched at once; the transport's limiter bounds calls in flight and per second. */
const CONCURRENCY = MAX_IN_FLIGHT;
/** Days a company left out of the company list is remembered. */
const FORGET_MISSING_AFTER_DAYS = 45;
const ZONE = 'Europe/Amsterdam';

/** The engine's parameters (scope, first run, years), shown for every event. */
export const engineProperties: INodeProperties[] = [
	{
		displayName: 'Watch',
		name: 'scope',
		type: 'options',
		options: [
			{
				name: 'Every Company',
				value: 'all',
				description: 'Every company the login can see, including companies added later',
			},
			{
				name: 'Companies of Chosen Debtors',
				value: 'debtors',
				description: 'The companies of the debtors you choose, including companies added later',
			},
			{ name: 'Chosen Companies', value: 'companies', description: 'The companies you choose' },
		],
		default: 'all',
		description: 'Which companies to watch',
	},
	{
		displayName: 'Debtor Names or IDs',
		name: 'debtorIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'debtorOptions' },
		default: [],
		required: true,
		description:
			'The debtors whose companies to watch. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show: { scope: ['debtors'] } },
	},
	{
		displayName: 'Company Names or IDs',
		name: 'companyIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'companyOptions' },
		default: [],
		required: true,
		description:
			'The companies to watch. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show: { scope: ['companies'] } },
	},
	{
		displayName: 'Emit Existing Since',
		name: 'emitExistingSince',
		type: 'dateTime',
		default: '',
		description:
			'On the first poll, also emit what already matches and whose period ends on or after this date (payroll runs: whose run date is). Empty: the first poll only records what exists.',
	},
	{
		displayName: 'Watch Previous Year Until',
		name: 'previousYearUntil',
		type: 'options',
		options: [
			{ name: 'Never', value: 0, description: 'Watch the current year only' },
			{ name: 'End of January', value: 1 },
			{ name: 'End of February', value: 2 },
			{ name: 'End of March', value: 3 },
			{ name: 'End of April', value: 4 },
			{ name: 'End of May', value: 5 },
			{ name: 'End of June', value: 6 },
			{ name: 'End of July', value: 7 },
			{ name: 'End of August', value: 8 },
			{ name: 'End of September', value: 9 },
			{ name: 'End of October', value: 10 },
			{ name: 'End of November', value: 11 },
			{ name: 'End of December', value: 12 },
		],
		default: 3,
		description:
			'Until when the previous year is watched too, so a late period 13 or a correction of last year is not missed',
	},
];

interface EngineSettings {
	scope: Scope;
	/** 'YYYY-MM-DD', Dutch date. */
	emitSince?: string;
	previousYearUntil: number;
}

/** IDs chosen in a multiOptions field, or given by an expression as a list or comma-separated text. */
export function parseIdList(node: INode, value: unknown, field: string): number[] {
	const parts = Array.isArray(value)
		? value
		: String(value ?? '')
				.split(',')
				.map((s) => s.trim())
				.filter((s) => s !== '');
	const ids = [...new Set(parts.map((part) => parseId(node, part, field, 0)))];
	if (ids.length === 0) {
		throw new NodeOperationError(node, `${field} is empty`, {
			description: `Choose at least one in ${field}, or watch every company.`,
		});
	}
	return ids;
}

function readEngineSettings(
	read: (name: string, fallback: unknown) => unknown,
	node: INode,
): EngineSettings {
	const kind = String(read('scope', 'all'));
	let scope: Scope;
	if (kind === 'all') scope = { kind: 'all' };
	else if (kind === 'debtors')
		scope = { kind, ids: parseIdList(node, read('debtorIds', []), 'Debtor Names or IDs') };
	else if (kind === 'companies')
		scope = { kind, ids: parseIdList(node, read('companyIds', []), 'Company Names or IDs') };
	else
		throw new NodeOperationError(node, `The Watch value "${kind}" is not valid`, {
			description: 'Watch every company, the companies of chosen debtors, or chosen companies.',
		});
	const since = read('emitExistingSince', '');
	let emitSince: string | undefined;
	if (since !== '' && since !== null && since !== undefined) {
		const parsed =
			since instanceof Date
				? DateTime.fromJSDate(since).setZone(ZONE)
				: DateTime.fromISO(String(since), { zone: ZONE });
		if (!parsed.isValid) {
			throw new NodeOperationError(
				node,
				`The Emit Existing Since "${String(since)}" is not valid`,
				{
					description: 'Emit Existing Since must be a date, e.g. 2026-01-01, or empty.',
				},
			);
		}
		emitSince = parsed.toISODate() ?? undefined;
	}
	const previousYearUntil = parseWholeInRange(
		node,
		read('previousYearUntil', 3),
		'Watch Previous Year Until',
		0,
		0,
		12,
	);
	return { scope, emitSince, previousYearUntil };
}

/** The current year and, up to the end of month `until`, the previous one (Dutch time). */
export function watchedYears(now: DateTime, until: number): number[] {
	const local = now.setZone(ZONE);
	return local.month <= until ? [local.year - 1, local.year] : [local.year];
}

interface Fetched {
	company: WatchedCompany;
	/** Things per year asked. */
	years?: Map<number, Thing[]>;
	failure?: CallFailure;
}

async function inPool<T, R>(list: T[], size: number, work: (t: T) => Promise<R>): Promise<R[]> {
	const results: R[] = new Array(list.length);
	let next = 0;
	const worker = async () => {
		while (next < list.length) {
			const index = next++;
			results[index] = await work(list[index]);
		}
	};
	await Promise.all(Array.from({ length: Math.min(size, list.length) }, worker));
	return results;
}

async function fetchCompany(
	calls: PollCalls,
	settings: EventSettings,
	company: WatchedCompany,
	years: number[],
): Promise<Fetched> {
	try {
		const byYear = new Map<number, Thing[]>();
		for (const year of years) byYear.set(year, await settings.fetch(calls, company.id, year));
		return { company, years: byYear };
	} catch (error) {
		return { company, failure: asFailure(error, 'list') };
	}
}

const companyLabel = (c: WatchedCompany) =>
	`company ${c.name === null ? '' : `"${c.name}" `}(ID ${c.id})`;

function itemJson(
	thing: Thing,
	company: WatchedCompany,
	debtor: Debtor | null,
	repeat: boolean,
): IDataObject {
	return {
		...thing,
		CompanyId: company.id,
		CompanyNumber: (company.number ?? null) as IDataObject[string],
		CompanyName: company.name,
		DebtorId: debtor?.id ?? null,
		DebtorNumber: debtor?.number ?? null,
		DebtorName: debtor?.name ?? null,
		IsRepeat: repeat,
	};
}

/** The item of a thing: its JSON with company and debtor, and the files the event adds. */
async function buildItem(
	calls: PollCalls,
	settings: EventSettings,
	debtors: DebtorLookup,
	company: WatchedCompany,
	thing: Thing,
	repeat: boolean,
): Promise<INodeExecutionData> {
	const debtor = debtors.debtorOf(company.id);
	if (debtor instanceof CallFailure) throw debtor;
	try {
		return await settings.item(calls, itemJson(thing, company, debtor, repeat), thing);
	} catch (error) {
		throw asFailure(error, 'item');
	}
}

function daysBetween(from: string, to: string): number {
	return DateTime.fromISO(to).diff(DateTime.fromISO(from), 'days').days;
}

/** The event chosen on the node. */
export function eventOf(context: TriggerContext, events: readonly TriggerEvent[]): TriggerEvent {
	const value = String(context.getNodeParameter('event', events[0].value));
	const event = events.find((e) => e.value === value);
	if (!event) {
		throw new NodeOperationError(context.getNode(), `The Event "${value}" is not known`, {
			description: `Choose one of: ${events.map((e) => e.name).join(', ')}.`,
		});
	}
	return event;
}

/**
 * One poll of the trigger: the items to emit (null when none). In manual mode ("Fetch Test
 * Event"): the most recent matching thing, the state left alone. The steps: fetch every company
 * in scope, decide per company, build the items, then the next state and any failure report.
 */
export async function poll(
	this: IPollFunctions,
	events: readonly TriggerEvent[],
): Promise<INodeExecutionData[][] | null> {
	// "Fetch Test Event" leaves the state alone: it may run beside a poll.
	if (this.getMode() === 'manual') return await runTrigger(this, events);
	return await unlessStillPolling(this, async () => await runTrigger(this, events));
}

/**
 * What a webhook delivery names: only these debtors' and companies' things are fetched (each
 * undefined: no limit). The others keep their memory untouched.
 */
export interface Wake {
	debtorIds?: number[];
	companyIds?: number[];
}

/**
 * One run of a trigger (a poll, or a webhook delivery limited by `wake`): the items to emit (null
 * when none), the state kept in the node's static data. Manual mode: the most recent matching
 * thing, the state left alone.
 */
export async function runTrigger(
	context: TriggerContext,
	events: readonly TriggerEvent[],
	wake: Wake = {},
): Promise<INodeExecutionData[][] | null> {
	const node = context.getNode();
	const read = (name: string, fallback: unknown) => context.getNodeParameter(name, fallback);
	const event = eventOf(context, events);
	const settings = event.settings(read, node);
	const engine = readEngineSettings(read, node);
	const now = DateTime.now().setZone(ZONE);
	const today = now.toISODate() as string;
	const years = watchedYears(now, engine.previousYearUntil);
	const calls = new PollCalls(context);

	const scope = narrowed(engine.scope, wake);
	if (scope === undefined) return null;
	const { list, fetched } = await fetchAll(calls, settings, scope, years, wake.companyIds);
	if (context.getMode() === 'manual')
		return await testEvent(calls, settings, fetched, list.failedDebtors, years);

	const raw = context.getWorkflowStaticData('node');
	const { state, fresh } = loadState(raw, event.value, settings.watchKey, today);
	const failures = failuresOf(list, fetched);
	const units = fetched.length + list.failedDebtors.length;
	if (!fresh && units > 0 && failures.size === units) {
		// Nothing was learnt, and staying silent would hide the fault.
		throw errorOf([...failures.values()][0].failure);
	}

	const decided = new Map<number, Decision>();
	for (const f of fetched) {
		if (f.years !== undefined)
			decided.set(
				f.company.id,
				decide(state, fresh, settings, engine.emitSince, f.company, f.years),
			);
	}
	const items = await buildItems(calls, settings, decided, failures);

	nextState(state, decided, list, today, years);
	// A delivery that looked at some companies leaves the others' failures as they were.
	const partial = wake.debtorIds !== undefined || wake.companyIds !== undefined;
	const looked = new Set([
		...fetched.map((f) => `company:${f.company.id}`),
		...(scope.kind === 'debtors' ? scope.ids.map((id) => `debtor:${id}`) : []),
	]);
	recordFailures(state, failures, now.toISO() ?? today, (unit) => partial && !looked.has(unit));
	const output = [...items.entries()]
		.sort((a, b) => a[0] - b[0])
		.flatMap(([, built]) => built)
		.sort((a, b) => settings.compare(a.json, b.json));
	const report = dueReport(node, state, failures, output.length > 0, fresh);
	if (report) throw report;

	storeState(raw, state);
	return output.length > 0 ? [output] : null;
}

/** The scope a delivery naming debtors looks at; undefined when none of them is watched. */
function narrowed(scope: Scope, wake: Wake): Scope | undefined {
	if (wake.debtorIds === undefined || scope.kind === 'companies') return scope;
	const ids =
		scope.kind === 'all' ? wake.debtorIds : wake.debtorIds.filter((id) => scope.ids.includes(id));
	return ids.length > 0 ? { kind: 'debtors', ids } : undefined;
}

/**
 * The companies in scope (only `companyIds` of them, when given) and each one's things per
 * watched year (or its failure).
 */
async function fetchAll(
	calls: PollCalls,
	settings: EventSettings,
	scope: Scope,
	years: number[],
	companyIds?: number[],
): Promise<{ list: CompanyList; fetched: Fetched[] }> {
	let list: CompanyList;
	try {
		list = await companiesInScope(calls, scope);
	} catch (error) {
		throw errorOf(asFailure(error, 'CompanyService.List_GetAll'));
	}
	if (companyIds !== undefined) {
		const named = new Set(companyIds);
		list = { ...list, companies: list.companies.filter((c) => named.has(c.id)), complete: false };
	}
	const fetched = await inPool(list.companies, CONCURRENCY, async (company) =>
		fetchCompany(calls, settings, company, years),
	);
	return { list, fetched };
}

/** The debtors and companies whose calls failed in this poll. */
function failuresOf(list: CompanyList, fetched: Fetched[]): PollFailures {
	const failures: PollFailures = new Map();
	for (const { debtorId, failure } of list.failedDebtors)
		failures.set(`debtor:${debtorId}`, { name: `debtor ${debtorId}`, failure });
	for (const f of fetched) {
		if (f.failure)
			failures.set(`company:${f.company.id}`, {
				name: companyLabel(f.company),
				failure: f.failure,
			});
	}
	return failures;
}

/**
 * Each deciding company's items, with debtor names and files. A company whose extra calls fail
 * emits nothing this poll: it leaves `decided` (so its memory stays) and joins the failures.
 */
async function buildItems(
	calls: PollCalls,
	settings: EventSettings,
	decided: Map<number, Decision>,
	failures: PollFailures,
): Promise<Map<number, INodeExecutionData[]>> {
	const items = new Map<number, INodeExecutionData[]>();
	const emitting = [...decided.values()].filter((d) => d.emits.length > 0);
	if (emitting.length === 0) return items;
	const debtors = await lookUpDebtors(
		calls,
		emitting.map((d) => d.emits[0].company),
	);
	await inPool([...decided.entries()], CONCURRENCY, async ([companyId, d]) => {
		if (d.emits.length === 0) return;
		try {
			const built: INodeExecutionData[] = [];
			for (const e of d.emits.sort((a, b) => settings.compare(a.thing, b.thing)))
				built.push(await buildItem(calls, settings, debtors, e.company, e.thing, e.repeat));
			items.set(companyId, built);
		} catch (error) {
			decided.delete(companyId);
			failures.set(`company:${companyId}`, {
				name: companyLabel(d.emits[0].company),
				failure: asFailure(error, 'item'),
			});
		}
	});
	return items;
}

/** What is remembered after this poll: each deciding company's memory, companies gone missing. */
function nextState(
	state: TriggerState,
	decided: Map<number, Decision>,
	list: CompanyList,
	today: string,
	years: number[],
): void {
	for (const [companyId, d] of decided) {
		const memory = (state.companies[String(companyId)] ??= {});
		memory.seen = d.seen;
		delete memory.missingSince;
	}
	if (list.complete) {
		const present = new Set(list.companies.map((c) => String(c.id)));
		for (const [id, memory] of Object.entries(state.companies)) {
			if (present.has(id)) continue;
			memory.missingSince ??= today;
			if (daysBetween(memory.missingSince, today) > FORGET_MISSING_AFTER_DAYS)
				delete state.companies[id];
		}
	}
	prune(state, years);
}

/** "Fetch Test Event": the most recent matching thing, or why there is none. */
async function testEvent(
	calls: PollCalls,
	settings: EventSettings,
	fetched: Fetched[],
	failedDebtors: Array<{ debtorId: number; failure: CallFailure }>,
	years: number[],
): Promise<INodeExecutionData[][]> {
	let best: { company: WatchedCompany; thing: Thing } | undefined;
	const seen = new Map<string, number>();
	for (const f of fetched) {
		for (const things of f.years?.values() ?? []) {
			for (const thing of things) {
				const status = settings.status(thing);
				seen.set(status, (seen.get(status) ?? 0) + 1);
				if (!settings.watched.includes(status)) continue;
				if (best === undefined || settings.compare(thing, best.thing) > 0)
					best = { company: f.company, thing };
			}
		}
	}
	const firstFailure = fetched.find((f) => f.failure)?.failure ?? failedDebtors[0]?.failure;
	if (best === undefined) {
		if (firstFailure) throw errorOf(firstFailure);
		const { message, description } = settings.noMatch(seen, years, fetched.length);
		throw new NodeOperationError(calls.context.getNode(), message, { description });
	}
	try {
		const debtors = await lookUpDebtors(calls, [best.company]);
		return [[await buildItem(calls, settings, debtors, best.company, best.thing, false)]];
	} catch (error) {
		throw errorOf(asFailure(error, 'item'));
	}
}
