/**
 * A local Nmbrs SOAP v3 server with a seeded payroll world, for the demo, the tests and building
 * workflows offline. `startEmulator()` listens (port 0 = a free port) and returns its URLs, the
 * world, the request log and `close()`.
 */
import { createServer } from 'http';
import type { AddressInfo } from 'net';
import { catalogue, generatedCatalogue, resolveAnyOperation } from '../nodes/Nmbrs/catalogue';
import type { ResolvedOperation } from '../nodes/Nmbrs/catalogue';
import { SERVICES, type ServiceName } from '../nodes/Nmbrs/catalogue/types';
import { createAdminHandler, type WorldChoice } from './admin/routes';
import { handlers } from './operations';
import type { EmulatorContext } from './server/context';
import { FaultInjector, seededRandom } from './server/faultInjection';
import { createRequestListener } from './server/http';
import { RequestLog } from './server/requestLog';
import { FairUseThrottle } from './server/throttle';
import { createWorld, type World } from './world';

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
	/** A SOAP 1.1 request without a known SOAPAction gets ASMX's client fault (default false: route by body). */
	strictSoapAction?: boolean;
	/** Default true: AuthHeaderWithDomain without Domain -> 1001. */
	requireDomain?: boolean;
	/** Default true: past 150 calls per second per user, each call waits 500 ms, as on Nmbrs. */
	throttle?: boolean;
	/** Where the emulator reports its own problems (handler crashes). Default: nowhere. */
	log?: (line: string) => void;
	/** Clock for the throttle window and the request log's times (ms). Default Date.now; tests inject one. */
	now?: () => number;
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

function toWorldSpec(choice: WorldChoice | undefined): Parameters<typeof createWorld>[0] {
	if (choice === undefined || choice === 'demo') return { kind: 'demo' };
	if ('path' in choice) return { kind: 'file', path: choice.path };
	return { kind: 'scaled', companies: choice.companies, employees: choice.employees };
}

/** Curated operations first; then those only the v2.1 WSDL knows (served with a generated entry). */
function operationsOf(service: ServiceName): ResolvedOperation[] {
	const curated = catalogue.operations
		.filter((op) => op.service === service)
		.map((operation): ResolvedOperation => ({ operation, catalogue, origin: 'curated' }));
	const known = new Set(curated.map((r) => r.operation.name));
	const generatedFor = generatedCatalogue(service);
	if (!generatedFor) return curated;
	const generated = generatedFor.operations
		.filter((operation) => !known.has(operation.name))
		.map((operation): ResolvedOperation => ({ operation, catalogue: generatedFor, origin: 'generated' }));
	return [...curated, ...generated];
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
	const host = options.host ?? '127.0.0.1';
	let worldChoice = options.world;
	let seed = options.seed;
	let world = seed !== undefined ? createWorld(toWorldSpec(worldChoice), seed) : createWorld(toWorldSpec(worldChoice));
	const now = options.now ?? Date.now;
	const operationCache = new Map<ServiceName, ResolvedOperation[]>();

	const ctx: EmulatorContext = {
		world: () => world,
		handlers,
		options: {
			strictSoapAction: options.strictSoapAction ?? false,
			requireDomain: options.requireDomain ?? true,
			throttle: options.throttle ?? true,
		},
		throttle: new FairUseThrottle(now),
		faults: new FaultInjector(seed !== undefined ? seededRandom(seed) : Math.random),
		requestLog: new RequestLog(),
		now,
		logLine: options.log ?? (() => undefined),
		operationsOf: (service) => {
			let list = operationCache.get(service);
			if (!list) {
				list = operationsOf(service);
				operationCache.set(service, list);
			}
			return list;
		},
		findOperation: (service, name) => resolveAnyOperation(service, name),
	};

	const admin = createAdminHandler({
		ctx,
		reset: (choice, newSeed) => {
			if (choice !== undefined) worldChoice = choice;
			if (newSeed !== undefined) seed = newSeed;
			world = seed !== undefined ? createWorld(toWorldSpec(worldChoice), seed) : createWorld(toWorldSpec(worldChoice));
			ctx.faults.clear();
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
				server.close((error) => (error ? reject(error) : resolve()));
				server.closeAllConnections();
			}),
	};
}

/** The services the emulator answers on (those with operations in the catalogue). */
export function servedServices(): ServiceName[] {
	return SERVICES.filter((service) => operationsOf(service).length > 0);
}
