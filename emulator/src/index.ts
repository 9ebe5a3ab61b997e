/**
 * A local Nmbrs SOAP v3 server with a seeded payroll world, for the demo, the tests and building
 * workflows offline. `startEmulator()` listens (port 0 = a free port) and returns its URLs, the
 * world, the request log and `close()`.
 */
import { createServer } from 'http';
import type { AddressInfo } from 'net';
import { resolveAnyOperation } from '../../nodes/Nmbrs/catalogue';
import { createAdminHandler, type WorldChoice } from './admin/routes';
import { handlers } from './operations';
import { findV3Only, v3OnlyHandlers } from './operations/v3Only';
import { operationsOf } from './served';
import type { EmulatorContext } from './server/context';
import { FaultInjector } from './server/faultInjection';
import { createRequestListener } from './server/http';
import { RequestLog } from './server/requestLog';
import { sleep } from './server/sleep';
import { FairUseThrottle } from './server/throttle';
import { WebhookSender } from './server/webhooks';
import { createWorld, dutchToday, localDateTime, type World } from './world';

export type { WorldChoice } from './admin/routes';
export type { RequestLogEntry } from './server/requestLog';
export type { FaultRule, FaultKind } from './server/faultInjection';

export interface EmulatorOptions {
	/** 0 (default) picks a free port. */
	port?: number;
	host?: string;
	/** The seeded world: 'demo' (default), a saved world file, or a scaled one. */
	world?: WorldChoice;
	seed?: number;
	/**
	 * The world's "now" when it is made: 'YYYY-MM-DD' (09:00 that day) or 'YYYY-MM-DDTHH:mm:ss',
	 * Dutch local time. Default: today 09:00 in the Netherlands, so the demo world's current period
	 * is this month's. The same seed and the same worldNow give the same world. A saved world keeps
	 * its own clock. POST /__admin/reset makes the world again at this same moment.
	 */
	worldNow?: string;
	/** A SOAP 1.1 request without a known SOAPAction gets ASMX's client fault (default false: route by body). */
	strictSoapAction?: boolean;
	/** Default true: AuthHeaderWithDomain without Domain -> 1001. */
	requireDomain?: boolean;
	/** Default true: past 150 calls per second per user, each call waits 500 ms, as on Nmbrs. */
	throttle?: boolean;
	/**
	 * Default false: webhook settings need https:// (2044), as on Nmbrs. True also takes plain
	 * http to this machine (127.0.0.0/8, localhost, ::1): a local n8n, tests.
	 */
	allowHttpWebhooks?: boolean;
	/** Pauses before each retry of a failed webhook delivery (default 1 s, 5 s, 30 s, 2 min). */
	webhookRetryDelaysMs?: number[];
	/** Where the emulator reports its own problems (handler crashes). Default: nowhere. */
	log?: (line: string) => void;
	/** Millisecond clock for the throttle window and the request log's times. Default Date.now; tests inject one. */
	clockMs?: () => number;
	/** How the fair-use delay and injected latency wait. Default: a timer; tests may inject one that moves clockMs. */
	sleep?: (ms: number) => Promise<void>;
}

export interface RunningEmulator {
	/** e.g. http://127.0.0.1:7780 */
	url: string;
	/** The base URL for the n8n credential (environment Custom): url + '/soap/v3/'. */
	soapBaseUrl: string;
	adminUrl: string;
	/** The current world (replaced by POST /__admin/reset). */
	readonly world: World;
	requestLog: RequestLog;
	close(): Promise<void>;
}

/** Whether a bound address is reachable from this machine only (127.0.0.0/8 or ::1). */
export function isLoopback(address: string): boolean {
	const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
	return v4.startsWith('127.') || address === '::1';
}

function toWorldSpec(choice: WorldChoice | undefined): Parameters<typeof createWorld>[0] {
	if (choice === undefined || choice === 'demo') return { kind: 'demo' };
	if ('path' in choice) return { kind: 'file', path: choice.path };
	return { kind: 'scaled', companies: choice.companies, employees: choice.employees };
}

/** The world's start: the option, checked, or today 09:00 Dutch time. */
export function resolveWorldNow(
	worldNow: string | undefined,
	today: () => string = dutchToday,
): string {
	if (worldNow === undefined) return `${today()}T09:00:00`;
	const checked = localDateTime(worldNow, '09:00:00');
	if (checked === undefined)
		throw new Error(
			`worldNow must be YYYY-MM-DD or YYYY-MM-DDTHH:mm:ss (Dutch local time), got "${worldNow}"`,
		);
	return checked;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
	const host = options.host ?? '127.0.0.1';
	const worldNow = resolveWorldNow(options.worldNow);
	const makeWorld = (choice: WorldChoice | undefined, seed: number | undefined) =>
		seed !== undefined
			? createWorld(toWorldSpec(choice), seed, { now: worldNow })
			: createWorld(toWorldSpec(choice), undefined, { now: worldNow });
	let worldChoice = options.world;
	let seed = options.seed;
	let world = makeWorld(worldChoice, seed);
	const clockMs = options.clockMs ?? Date.now;

	const ctx: EmulatorContext = {
		world: () => world,
		handlers: { ...handlers, ...v3OnlyHandlers },
		options: {
			strictSoapAction: options.strictSoapAction ?? false,
			requireDomain: options.requireDomain ?? true,
			throttle: options.throttle ?? true,
			allowHttpWebhooks: options.allowHttpWebhooks ?? false,
		},
		throttle: new FairUseThrottle(clockMs),
		faults: new FaultInjector(world.seed),
		requestLog: new RequestLog(() => world.users.map((user) => user.token)),
		webhooks: new WebhookSender({
			...(options.webhookRetryDelaysMs ? { retryDelaysMs: options.webhookRetryDelaysMs } : {}),
			log: options.log,
		}),
		clockMs,
		sleep: options.sleep ?? sleep,
		logLine: options.log ?? (() => undefined),
		operationsOf,
		findOperation: (service, name) =>
			resolveAnyOperation(service, name) ?? findV3Only(service, name),
	};

	ctx.webhooks.attach(world);

	const admin = createAdminHandler({
		ctx,
		reset: (choice, newSeed) => {
			const nextChoice = choice ?? worldChoice;
			const nextSeed = newSeed ?? seed;
			let next: World;
			try {
				next = makeWorld(nextChoice, nextSeed);
			} catch (error) {
				// Never echo a file's contents (a JSON parse error quotes its start): say what was wrong.
				if (nextChoice !== undefined && nextChoice !== 'demo' && 'path' in nextChoice) {
					throw new Error('could not load a world from that file (not a saved emulator world)');
				}
				throw error;
			}
			// Only a world that could be made replaces the choice, so a failed reset changes nothing.
			worldChoice = nextChoice;
			seed = nextSeed;
			world = next;
			ctx.webhooks.attach(world);
			ctx.webhooks.clear();
			ctx.faults.clear();
			ctx.faults.reseed(world.seed);
			ctx.throttle.clear();
			ctx.requestLog.clear();
			return world;
		},
	});

	let url = '';
	const server = createServer(createRequestListener(ctx, admin, () => url));
	// Workflows keep connections alive; close() must not wait for them.
	server.keepAliveTimeout = 5000;
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const address = server.address() as AddressInfo;
	const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
	url = `http://${urlHost}:${address.port}`;
	if (!isLoopback(address.address)) {
		ctx.logLine(
			`warning: the emulator listens on ${urlHost}, not only on this machine (loopback). Its admin API (${url}/__admin/) has no login: anyone who can reach this address can reset the world, inject faults and read the request log.`,
		);
	}

	return {
		url,
		soapBaseUrl: `${url}/soap/v3/`,
		adminUrl: `${url}/__admin/`,
		get world() {
			return world;
		},
		requestLog: ctx.requestLog,
		close: () =>
			new Promise<void>((resolve, reject) => {
				ctx.webhooks.close();
				server.close((error) => (error ? reject(error) : resolve()));
				server.closeAllConnections();
			}),
	};
}
