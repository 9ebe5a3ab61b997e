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
import { BodyTooLargeError, readBody, sendText } from '../server/http';
import { listDeclarations } from './declarations';

export type WorldChoice = 'demo' | { path: string } | { companies: number; employees: number };

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
	const text = (await readBody(req)).toString('utf8').trim();
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
	const deliveries = new Map<string, unknown[]>();

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
			run: async () => [200, JSON.parse(worldToJson(ctx.world())) as unknown],
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
				const run = worldCall(() =>
					year !== undefined && period !== undefined
						? createRun(ctx.world(), companyId, { year, period })
						: createRun(ctx.world(), companyId),
				);
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
				const text = (await readBody(req)).toString('utf8');
				let item: unknown = text;
				try {
					item = text.trim() === '' ? null : JSON.parse(text);
				} catch {
					// Not JSON: keep the text as it came.
				}
				const list = deliveries.get(m[1]) ?? [];
				deliveries.set(m[1], list);
				list.push(item);
				return [201, { count: list.length }];
			},
		},
		{
			method: 'GET',
			pattern: /^\/deliveries\/([^/]+)$/,
			run: async (m) => {
				const items = deliveries.get(m[1]) ?? [];
				return [200, { count: items.length, items }];
			},
		},
		{
			method: 'DELETE',
			pattern: /^\/deliveries\/([^/]+)$/,
			run: async (m) => {
				deliveries.delete(m[1]);
				return [200, { count: 0 }];
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
					throw new AdminError(400, (error as Error).message);
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
			sendJson(res, status, value);
		} catch (error) {
			if (error instanceof AdminError) sendJson(res, error.status, { error: error.message });
			else if (error instanceof BodyTooLargeError) {
				res.setHeader('Connection', 'close');
				sendJson(res, 413, { error: error.message });
			} else throw error;
		}
	};
}
