/**
 * The trigger on the emulator: a world whose clock the tests move through the admin API (and
 * luxon's "now" with it), polls as n8n makes them (static data through JSON between polls, as
 * n8n stores it), and failures simulated per company.
 */
import { DateTime, Settings } from 'luxon';
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { startEmulator, type EmulatorOptions } from '../../../emulator/src';
import { catalogue, getOperation } from '../../../nodes/Nmbrs/catalogue';
import { NmbrsTrigger } from '../../../nodes/Nmbrs/NmbrsTrigger.node';
import { resolveBaseUrl, userKey } from '../../../nodes/Nmbrs/transport/connection';
import { limiterFor } from '../../../nodes/Nmbrs/transport/limiter';
import { buildFault, buildResponse, nmbrsFaultMessage } from '../../../nodes/Nmbrs/wire/writeXml';
import type { Intercept, SentRequest } from '../harness';
import { admin, credentialsFor, pollContext } from '../harness';

export type Emulator = Awaited<ReturnType<typeof startEmulator>>;
export const WORLD_NOW = '2026-11-25T09:00:00';
export const EMAIL = 'accountant@demo.example';

const trigger = new NmbrsTrigger();
const realNow = Settings.now;

/** luxon's now follows the world's clock. */
async function followClock(emulator: Emulator): Promise<string> {
	const { now } = (await admin(emulator.adminUrl, '/clock', undefined, 'GET')) as { now: string };
	const millis = DateTime.fromISO(now, { zone: 'Europe/Amsterdam' }).toMillis();
	Settings.now = () => millis;
	return now;
}

/** An emulator without the fair-use delay, and a login limiter that does not slow the tests. */
export async function startWorld(options: EmulatorOptions = {}): Promise<Emulator> {
	const emulator = await startEmulator({
		port: 0,
		world: 'demo',
		worldNow: WORLD_NOW,
		throttle: false,
		...options,
	});
	if (options.clockMs === undefined) {
		const base = resolveBaseUrl({ environment: 'custom', customBaseUrl: emulator.soapBaseUrl });
		limiterFor(userKey(base, EMAIL), { maxPerSecond: 100_000 });
	}
	await followClock(emulator);
	return emulator;
}

export async function stopWorld(emulator: Emulator | undefined): Promise<void> {
	Settings.now = realNow;
	await emulator?.close();
}

/** Starts a world before each test of the file (tests move its clock and statuses). */
export function useWorld(options: EmulatorOptions = {}): () => Emulator {
	let emulator: Emulator | undefined;
	beforeEach(async () => {
		emulator = await startWorld(options);
	});
	afterEach(async () => {
		await stopWorld(emulator);
		emulator = undefined;
	});
	return () => {
		if (!emulator) throw new Error('the emulator has not started');
		return emulator;
	};
}

export async function advance(
	emulator: Emulator,
	by: { days?: number; hours?: number; to?: string },
): Promise<string> {
	await admin(emulator.adminUrl, '/clock/advance', by);
	return await followClock(emulator);
}

export const DECLARATIONS = 'wageTaxDeclarationReachedStatus';
export const RUNS = 'payrollRunLocked';

export interface PollOptions {
	mode?: 'manual' | 'trigger';
	intercept?: Intercept;
	sent?: SentRequest[];
	/** Keep the static data object as it is between polls (n8n 1.x in one process) instead of JSON. */
	inMemory?: boolean;
	/** Sees (and may wrap) the context n8n would hand the node. */
	onContext?: (context: IPollFunctions) => void;
	/** Receives what the node writes to n8n's log. */
	log?: string[];
}

let workflows = 0;

/**
 * One trigger node: its parameters and its static data. Each poll hands n8n's static data to the
 * node and, as n8n stores it, takes it back through JSON.
 */
export class Trigger {
	staticData: IDataObject = {};
	/** Each trigger is the node of its own workflow. */
	readonly workflowId = `workflow-${++workflows}`;

	constructor(
		readonly emulator: () => Emulator,
		public params: Record<string, unknown> = {},
	) {}

	async poll(options: PollOptions = {}): Promise<INodeExecutionData[]> {
		const result = await this.pollRaw(options);
		return result === null ? [] : result[0];
	}

	async pollRaw(options: PollOptions = {}): Promise<INodeExecutionData[][] | null> {
		const staticData = options.inMemory
			? this.staticData
			: (JSON.parse(JSON.stringify(this.staticData)) as IDataObject);
		const context = pollContext({
			params: {
				event: DECLARATIONS,
				statuses: 'locked',
				scope: 'all',
				debtorIds: [],
				companyIds: [],
				emitExistingSince: '',
				previousYearUntil: 3,
				declarationOptions: {},
				runOptions: {},
				...this.params,
			},
			credentials: credentialsFor(this.emulator().soapBaseUrl),
			mode: options.mode ?? 'trigger',
			staticData,
			intercept: options.intercept,
			sent: options.sent,
			workflowId: this.workflowId,
			log: options.log,
		});
		options.onContext?.(context);
		const result = await trigger.poll.call(context);
		if (!options.inMemory && (options.mode ?? 'trigger') === 'trigger')
			this.staticData = JSON.parse(JSON.stringify(staticData)) as IDataObject;
		return result;
	}

	/** A poll that must fail: its error (and the static data must not have changed). */
	async failure(options: PollOptions = {}): Promise<Error> {
		const before = JSON.stringify(this.staticData);
		try {
			await this.pollRaw(options);
		} catch (error) {
			expect(JSON.stringify(this.staticData)).toBe(before);
			return error as Error;
		}
		throw new Error('expected the poll to fail');
	}
}

export interface AdminDeclaration {
	id: number;
	companyId: number;
	year: number;
	period: number;
	status: string;
	tijdvakEnd: string;
	sentAt: string | null;
}

/** Whether a declaration has been locked, as the trigger's default rule sees it: locked, or sent. */
export const wasLocked = (d: AdminDeclaration) => d.status === 'locked' || d.sentAt !== null;

/**
 * The declarations of a company first seen after activation that the trigger emits: those its own
 * dates say may have been locked since (locked and not sent yet, or sent or ending on or after
 * the activation day).
 */
export async function lockedSince(
	emulator: Emulator,
	companyId: number,
	activatedOn: string,
	year: number,
): Promise<number[]> {
	return (await declarations(emulator))
		.filter(
			(d) =>
				d.companyId === companyId &&
				d.year === year &&
				wasLocked(d) &&
				(d.sentAt === null ||
					d.sentAt.slice(0, 10) >= activatedOn ||
					d.tijdvakEnd.slice(0, 10) >= activatedOn),
		)
		.map((d) => d.id);
}

export async function declarations(emulator: Emulator): Promise<AdminDeclaration[]> {
	return (
		(await admin(emulator.adminUrl, '/declarations', undefined, 'GET')) as {
			items: AdminDeclaration[];
		}
	).items;
}

/** Open declarations of the current year, one per company, for the first `count` companies. */
export async function openDeclarations(
	emulator: Emulator,
	count: number,
): Promise<AdminDeclaration[]> {
	const year = DateTime.now().setZone('Europe/Amsterdam').year;
	const picked: AdminDeclaration[] = [];
	for (const d of await declarations(emulator)) {
		if (d.status !== 'open' || d.year !== year) continue;
		if (picked.some((p) => p.companyId === d.companyId)) continue;
		picked.push(d);
		if (picked.length === count) break;
	}
	expect(picked).toHaveLength(count);
	return picked;
}

export const setStatus = async (emulator: Emulator, id: number, status = 'locked') =>
	await admin(emulator.adminUrl, `/declarations/${id}/status`, { status });

export interface AdminRun {
	ID: number;
	Number: number;
	Year: number;
	PeriodStart: number;
	IsLocked: boolean;
}

/** A new run of the company (its current period unless given), then locked when asked. */
export async function newRun(
	emulator: Emulator,
	companyId: number,
	options: { lock?: boolean; year?: number; period?: number } = {},
): Promise<AdminRun> {
	const body: IDataObject = { companyId };
	if (options.year !== undefined)
		Object.assign(body, { year: options.year, period: options.period });
	const run = (await admin(emulator.adminUrl, '/runs', body)) as AdminRun;
	if (options.lock) await lockRun(emulator, companyId, run.ID);
	return run;
}

export const lockRun = async (emulator: Emulator, companyId: number, runId: number) =>
	await admin(emulator.adminUrl, `/runs/${companyId}/${runId}/lock`);

const xml = { 'content-type': 'text/xml; charset=utf-8' };

export const isCall = (options: { headers?: unknown; url?: string }, name: string) =>
	String((options.headers as Record<string, string> | undefined)?.SOAPAction ?? '').endsWith(
		`/${name}`,
	);

/** An Nmbrs fault answer. */
export const faultAnswer = (code: number) => ({
	statusCode: 500,
	headers: xml,
	body: buildFault('1.1', { sender: false, message: nmbrsFaultMessage(code, `Fault ${code}`) }),
});

/** The company's calls of `operation` (a list call) answer `code`. */
export const failFor =
	(companyId: number, operation = 'WageTax_GetList', code = 1002): Intercept =>
	(options) =>
		isCall(options, operation) &&
		String(options.body).includes(`<CompanyId>${companyId}</CompanyId>`)
			? faultAnswer(code)
			: undefined;

/** CompanyService.List_GetAll answers these companies only (world records by ID). */
export function companyListOf(emulator: Emulator, keep: (id: number) => boolean): Intercept {
	const rows = emulator.world.companies
		.filter((c) => keep(c.id))
		.map((c) => ({
			ID: c.id,
			Number: c.number,
			Name: c.name,
			LoonaangifteTijdvak: c.periodType === 'Month' ? 'Month' : 'Week4',
		}));
	const body = buildResponse(getOperation('CompanyService.List_GetAll'), rows, catalogue);
	return (options) =>
		isCall(options, 'List_GetAll') && options.url.endsWith('CompanyService.asmx')
			? { statusCode: 200, headers: xml, body }
			: undefined;
}

/** Each item's key: company, year and ID (declarations and runs). */
export const keyOf = (item: INodeExecutionData) =>
	`${String(item.json.CompanyId)}:${String(item.json.Year)}:${String(item.json.LoonaangifteID ?? item.json.ID)}`;

export const idsOf = (items: INodeExecutionData[]) =>
	items.map((i) => Number(i.json.LoonaangifteID ?? i.json.ID));
