/**
 * The admin API under `/__admin/`: JSON in, JSON out. Tests and the end-to-end harness drive the
 * emulator's world through it (clock, declaration statuses, runs, API user templates), inject
 * faults, read the redacted request log, and count what workflows post back (deliveries).
 */
import type { IncomingMessage, ServerResponse } from 'http';
import { allOperationKeys } from '../served';
import {
	advanceClock,
	checkWorldSize,
	createRun,
	lockRun,
	setDeclarationStatus,
	setUserTemplate,
	worldToJson,
} from '../world';
import type { World } from '../world';
import type { EmulatorContext } from '../server/context';
import { FaultRulesFullError } from '../server/faultInjection';
import { BodyTooLargeError, readBody, sendText } from '../server/http';
import { listDeclarations } from './declarations';

export type WorldChoice = 'demo' | { path: string } | { companies: number; employees: number };

/*
 * Caps on what one admin call reads and what the admin API holds. The API has no login, and a
 * handler's synchronous work cannot be interrupted, not even by SIGTERM: so every route's work is
 * bounded by its body (MAX_ADMIN_BODY_BYTES), these caps, and the world's size caps. Without them
 * 40 deliveries of 8 MB and 20,000 fault rules were all kept (2.5 GB). Past a cap on what is held
 * the answer is a 413 saying how to clear it; a value out of range is a 400.
 */

/** Any admin JSON body (a template naming every operation is about 14 kB). */
export const MAX_ADMIN_BODY_BYTES = 1024 * 1024;
/** One delivery: what a workflow posts to /__admin/deliveries/:name. */
export const MAX_DELIVERY_BYTES = 1024 * 1024;
export const MAX_DELIVERY_NAMES = 100;
export const MAX_DELIVERIES_PER_NAME = 1_000;
/**
 * Every delivery together, as kept (compact JSON text, UTF-8 bytes). Deliveries therefore hold at
 * most 64 MiB of text (128 MiB in memory when V8 stores it as two-byte strings) plus the entries
 * of at most 100 × 1,000 lists.
 */
export const MAX_DELIVERY_TOTAL_BYTES = 64 * 1024 * 1024;
/** Runs POST /__admin/runs makes in one world (a reset starts the count again). */
export const MAX_ADMIN_RUNS = 1_000;
/** The world writes dates as YYYY-MM-DD: a run's year has four digits. */
const MIN_RUN_YEAR = 1000;
const MAX_RUN_YEAR = 9999;

/** 1048576 -> '1 MiB (1048576 bytes)'. */
function sizeText(bytes: number): string {
	return `${bytes / (1024 * 1024)} MiB (${bytes} bytes)`;
}

export interface AdminControl {
	ctx: EmulatorContext;
	/** Replaces the world (and clears faults, throttle state, log and deliveries). */
	reset(world: WorldChoice | undefined, seed: number | undefined): World;
}

/** A failure the caller caused: answered with its status and `{ error }`. */
class AdminError extends Error {
	constructor(
		readonly status: number,
		message: string,
	) {
		super(message);
	}
}

/** An answer that is JSON text already: sent as it is, not parsed and serialised again. */
class JsonText {
	constructor(readonly text: string) {}
}

/** The body, at most `limit` bytes; past it a 413 that says what is at most how large. */
async function readCapped(req: IncomingMessage, limit: number, what: string): Promise<Buffer> {
	try {
		return await readBody(req, limit);
	} catch (error) {
		if (error instanceof BodyTooLargeError)
			throw new BodyTooLargeError(`${what} is at most ${sizeText(limit)}`);
		throw error;
	}
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
	sendText(
		res,
		status,
		'application/json; charset=utf-8',
		`${JSON.stringify(value, jsonReplacer)}\n`,
	);
}

/** Sets (disabled operations) serialise as arrays. */
function jsonReplacer(_key: string, value: unknown): unknown {
	return value instanceof Set ? [...value] : value;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
	const text = (await readCapped(req, MAX_ADMIN_BODY_BYTES, 'an admin request body'))
		.toString('utf8')
		.trim();
	if (text === '') return {};
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		throw new AdminError(400, 'the request body is not valid JSON');
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value))
		throw new AdminError(400, 'the request body must be a JSON object');
	return value as Record<string, unknown>;
}

function intParam(value: unknown, name: string, required: true): number;
function intParam(value: unknown, name: string, required: false): number | undefined;
function intParam(value: unknown, name: string, required: boolean): number | undefined {
	if (value === undefined || value === null || value === '') {
		if (required) throw new AdminError(400, `${name} is required`);
		return undefined;
	}
	const number = typeof value === 'string' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isInteger(number))
		throw new AdminError(400, `${name} must be a whole number`);
	return number;
}

/** `since`: epoch milliseconds, or a date such as 2026-11-25T09:00:00Z (Date.parse reads it). */
function sinceParam(value: string | undefined): number | undefined {
	if (value === undefined || value === '') return undefined;
	const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
	if (Number.isNaN(ms))
		throw new AdminError(
			400,
			'since takes epoch milliseconds or a date such as 2026-11-25T09:00:00Z',
		);
	return ms;
}

function stringList(value: unknown, name: string): string[] | undefined {
	if (value === undefined) return undefined;
	if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
		throw new AdminError(400, `${name} must be an array of 'Service.Op' strings`);
	return value as string[];
}

/**
 * The world a reset asks for: 'demo' or a scaled size (capped, see MAX_COMPANIES), never a file:
 * the admin API has no login, so it must not read paths; saved worlds load through the CLI.
 */
function worldChoice(value: unknown): WorldChoice | undefined {
	if (value === undefined || value === null) return undefined;
	if (value === 'demo') return 'demo';
	if (typeof value === 'object') {
		const v = value as Record<string, unknown>;
		if (v.path !== undefined)
			throw new AdminError(
				400,
				'reset takes a seed and sizes, never a file path; load a saved world with the CLI: nmbrs-emulator --world FILE',
			);
		if (v.companies !== undefined || v.employees !== undefined) {
			const companies = intParam(v.companies, 'world.companies', true);
			const employees = intParam(v.employees, 'world.employees', true);
			try {
				checkWorldSize(companies, employees);
			} catch (error) {
				throw new AdminError(400, (error as Error).message);
			}
			return { companies, employees };
		}
	}
	throw new AdminError(400, "world must be 'demo' or { companies, employees }");
}

/** Runs a world mutation; its own errors (unknown id, bad status) are the caller's fault. */
function worldCall<T>(fn: () => T): T {
	try {
		return fn();
	} catch (error) {
		if (error instanceof AdminError) throw error;
		const message = error instanceof Error ? error.message : String(error);
		// The world says "No company with id 7" / "Company 7 has no run 9" for what does not exist.
		throw new AdminError(/\bno\b|not found/i.test(message) ? 404 : 400, message);
	}
}

/** A route's pattern as a path: /^\/declarations\/(\d+)\/status$/ -> /declarations/:id/status. */
function routeText(pattern: RegExp): string {
	return pattern.source
		.replace(/^\^|\$$/g, '')
		.replace(/\(\\d\+\)/g, ':id')
		.replace(/\(\[\^\/\]\+\)/g, ':name')
		.replace(/\\\//g, '/');
}

export function createAdminHandler(
	control: AdminControl,
): (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> {
	const { ctx } = control;
	/** What workflows posted, per name, each item as compact JSON text (GET splices it in). */
	const deliveries = new Map<string, string[]>();
	/** UTF-8 bytes of every item in `deliveries`, held under MAX_DELIVERY_TOTAL_BYTES. */
	let deliveryBytes = 0;
	const dropDeliveries = (name: string) => {
		for (const item of deliveries.get(name) ?? []) deliveryBytes -= Buffer.byteLength(item);
		deliveries.delete(name);
	};
	/** Runs made through POST /runs in this world. */
	let runsMade = 0;

	const routes: Array<{
		method: string;
		pattern: RegExp;
		run: (m: string[], req: IncomingMessage, url: URL) => Promise<[number, unknown]>;
	}> = [
		{
			method: 'GET',
			pattern: /^\/health$/,
			run: async () => [
				200,
				{ ok: true, clock: ctx.world().clock.now(), users: ctx.world().users.length },
			],
		},
		{
			method: 'GET',
			pattern: /^\/clock$/,
			run: async () => [200, { now: ctx.world().clock.now() }],
		},
		// The world as a saved-world file, for `--world FILE` or a reset to it:
		// curl -s http://127.0.0.1:7780/__admin/world -o my-world.json
		{
			method: 'GET',
			pattern: /^\/world$/,
			run: async () => [200, new JsonText(worldToJson(ctx.world()))],
		},
		{
			method: 'POST',
			pattern: /^\/clock\/advance$/,
			run: async (_m, req) => {
				const body = await readJson(req);
				const by: { days?: number; hours?: number; to?: string } = {};
				const days = intParam(body.days, 'days', false);
				const hours = intParam(body.hours, 'hours', false);
				if (days !== undefined) by.days = days;
				if (hours !== undefined) by.hours = hours;
				if (body.to !== undefined) {
					if (typeof body.to !== 'string')
						throw new AdminError(400, "to must be a local time 'YYYY-MM-DDTHH:mm:ss'");
					by.to = body.to;
				}
				if (Object.keys(by).length === 0) throw new AdminError(400, 'give days, hours or to');
				worldCall(() => advanceClock(ctx.world(), by));
				return [200, { now: ctx.world().clock.now() }];
			},
		},
		{
			method: 'GET',
			pattern: /^\/declarations$/,
			run: async (_m, _req, url) => {
				const companyId = intParam(
					url.searchParams.get('companyId') ?? undefined,
					'companyId',
					false,
				);
				return [200, { items: listDeclarations(ctx.world(), companyId) }];
			},
		},
		{
			method: 'POST',
			pattern: /^\/declarations\/(\d+)\/status$/,
			run: async (m, req) => {
				const body = await readJson(req);
				if (typeof body.status !== 'string' || body.status.trim() === '')
					throw new AdminError(400, 'status is required');
				const status = body.status;
				const result = worldCall(() => setDeclarationStatus(ctx.world(), Number(m[1]), status));
				return [200, result ?? { ok: true }];
			},
		},
		{
			method: 'POST',
			pattern: /^\/runs$/,
			run: async (_m, req) => {
				const body = await readJson(req);
				const companyId = intParam(body.companyId, 'companyId', true);
				const year = intParam(body.year, 'year', false);
				const period = intParam(body.period, 'period', false);
				if ((year === undefined) !== (period === undefined))
					throw new AdminError(400, 'give both year and period, or neither (the current period)');
				if (year !== undefined && (year < MIN_RUN_YEAR || year > MAX_RUN_YEAR))
					throw new AdminError(400, `year must be from ${MIN_RUN_YEAR} to ${MAX_RUN_YEAR}`);
				if (runsMade >= MAX_ADMIN_RUNS)
					throw new AdminError(
						413,
						`The admin API makes at most ${MAX_ADMIN_RUNS} runs in one world; POST /__admin/reset makes the world again`,
					);
				const run = worldCall(() =>
					year !== undefined && period !== undefined
						? createRun(ctx.world(), companyId, { year, period })
						: createRun(ctx.world(), companyId),
				);
				runsMade++;
				return [201, run];
			},
		},
		{
			method: 'POST',
			pattern: /^\/runs\/(\d+)\/(\d+)\/lock$/,
			run: async (m) => [
				200,
				worldCall(() => lockRun(ctx.world(), Number(m[1]), Number(m[2]))) ?? { ok: true },
			],
		},
		{
			method: 'POST',
			pattern: /^\/deliveries\/([^/]+)$/,
			run: async (m, req) => {
				const name = m[1];
				const text = (await readCapped(req, MAX_DELIVERY_BYTES, 'a delivery')).toString('utf8');
				let item: string;
				try {
					item = text.trim() === '' ? 'null' : JSON.stringify(JSON.parse(text));
				} catch {
					// Not JSON: keep the text as it came.
					item = JSON.stringify(text);
				}
				const list = deliveries.get(name);
				if (!list && deliveries.size >= MAX_DELIVERY_NAMES)
					throw new AdminError(
						413,
						`At most ${MAX_DELIVERY_NAMES} delivery names are kept; DELETE /__admin/deliveries/:name clears one, DELETE /__admin/deliveries clears all`,
					);
				if (list && list.length >= MAX_DELIVERIES_PER_NAME)
					throw new AdminError(
						413,
						`At most ${MAX_DELIVERIES_PER_NAME} deliveries are kept per name; DELETE /__admin/deliveries/${name} clears them`,
					);
				const size = Buffer.byteLength(item);
				if (deliveryBytes + size > MAX_DELIVERY_TOTAL_BYTES)
					throw new AdminError(
						413,
						`Deliveries hold at most ${sizeText(MAX_DELIVERY_TOTAL_BYTES)} together; DELETE /__admin/deliveries/:name or DELETE /__admin/deliveries clears them`,
					);
				const kept = list ?? [];
				deliveries.set(name, kept);
				kept.push(item);
				deliveryBytes += size;
				return [201, { count: kept.length }];
			},
		},
		{
			method: 'GET',
			pattern: /^\/deliveries\/([^/]+)$/,
			run: async (m) => {
				const items = deliveries.get(m[1]) ?? [];
				return [200, new JsonText(`{"count":${items.length},"items":[${items.join(',')}]}`)];
			},
		},
		{
			method: 'DELETE',
			pattern: /^\/deliveries\/([^/]+)$/,
			run: async (m) => {
				dropDeliveries(m[1]);
				return [200, { count: 0 }];
			},
		},
		{
			method: 'DELETE',
			pattern: /^\/deliveries$/,
			run: async () => {
				deliveries.clear();
				deliveryBytes = 0;
				return [200, { count: 0 }];
			},
		},
		// The webhooks the emulator sent (--allow-http-webhooks for local endpoints), newest last.
		{ method: 'GET', pattern: /^\/webhooks$/, run: async () => [200, ctx.webhooks.list()] },
		{
			method: 'DELETE',
			pattern: /^\/webhooks$/,
			run: async () => {
				ctx.webhooks.clear();
				return [200, ctx.webhooks.list()];
			},
		},
		{
			method: 'POST',
			pattern: /^\/faults$/,
			run: async (_m, req) => {
				const body = await readJson(req);
				// As the template route does: a rule for an operation the emulator does not serve (its
				// WSDLs and its v3-only calls) would never fire.
				const operation = body.operation;
				if (
					typeof operation === 'string' &&
					operation !== '*' &&
					!allOperationKeys().includes(operation) &&
					!(operation in ctx.handlers)
				) {
					throw new AdminError(
						400,
						`Unknown operation "${operation}": use 'Service.Op' as the WSDL names it (e.g. CompanyService.List_GetAll), or '*'`,
					);
				}
				try {
					return [201, ctx.faults.add(body)];
				} catch (error) {
					throw new AdminError(
						error instanceof FaultRulesFullError ? 413 : 400,
						(error as Error).message,
					);
				}
			},
		},
		{ method: 'GET', pattern: /^\/faults$/, run: async () => [200, { items: ctx.faults.list() }] },
		{
			method: 'DELETE',
			pattern: /^\/faults$/,
			run: async () => {
				ctx.faults.clear();
				return [200, { items: [] }];
			},
		},
		{
			method: 'POST',
			pattern: /^\/users\/([^/]+)\/template$/,
			run: async (m, req) => {
				const body = await readJson(req);
				const email = decodeURIComponent(m[1]);
				const disabled = stringList(body.disabled, 'disabled');
				const allowed = stringList(body.allowed, 'allowed');
				if ((disabled === undefined) === (allowed === undefined))
					throw new AdminError(400, 'give either disabled or allowed');
				worldCall(() =>
					setUserTemplate(
						ctx.world(),
						email,
						disabled !== undefined ? { disabled } : { allowed: allowed as string[] },
					),
				);
				const user = ctx.world().users.find((u) => u.email.toLowerCase() === email.toLowerCase());
				return [
					200,
					{ email, disabledOperations: user ? [...user.disabledOperations].sort() : [] },
				];
			},
		},
		{
			method: 'GET',
			pattern: /^\/requests$/,
			run: async (_m, _req, url) => {
				const since = sinceParam(url.searchParams.get('since') ?? undefined);
				const operation = url.searchParams.get('operation') ?? undefined;
				const filter: { since?: number; operation?: string } = {};
				if (since !== undefined) filter.since = since;
				if (operation !== undefined) filter.operation = operation;
				const items = ctx.requestLog.query(filter);
				return [200, { count: items.length, items }];
			},
		},
		{
			method: 'POST',
			pattern: /^\/reset$/,
			run: async (_m, req) => {
				const body = await readJson(req);
				const world = worldCall(() =>
					control.reset(worldChoice(body.world), intParam(body.seed, 'seed', false)),
				);
				deliveries.clear();
				deliveryBytes = 0;
				runsMade = 0;
				return [200, { ok: true, clock: world.clock.now(), users: world.users.length }];
			},
		},
	];

	return async (req, res, url) => {
		const path = url.pathname.slice('/__admin'.length) || '/';
		if (path === '/' && req.method === 'GET') {
			// The address the banner prints: what can be done here, instead of a 404.
			sendJson(res, 200, {
				routes: routes.map((r) => `${r.method} /__admin${routeText(r.pattern)}`),
			});
			return;
		}
		const candidates = routes.filter((r) => r.pattern.test(path));
		const route = candidates.find((r) => r.method === req.method);
		if (!route) {
			if (candidates.length > 0)
				sendJson(res, 405, { error: `${req.method} not allowed on /__admin${path}` });
			else sendJson(res, 404, { error: `no admin route /__admin${path}` });
			return;
		}
		try {
			const [status, value] = await route.run(
				route.pattern.exec(path) as RegExpExecArray,
				req,
				url,
			);
			if (value instanceof JsonText)
				sendText(res, status, 'application/json; charset=utf-8', `${value.text}\n`);
			else sendJson(res, status, value);
		} catch (error) {
			if (error instanceof AdminError) sendJson(res, error.status, { error: error.message });
			else if (error instanceof BodyTooLargeError) {
				res.setHeader('Connection', 'close');
				sendJson(res, 413, { error: error.message });
			} else throw error;
		}
	};
}
