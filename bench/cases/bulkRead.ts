/**
 * Case 1: bulk read. All employees with personal info of 50 companies x 100 employees, with 30 ms
 * added to every call by the emulator (Nmbrs' latency), fair-use throttle on.
 *
 * - ours: the node as a workflow runs it (Company -> Get Many feeding Employee -> Get Many); in
 *   real n8n when its end-to-end install is there, else in-process through the test harness;
 * - peers, replaying exactly our calls with node-soap: one client per service called one after
 *   another (as public integrations use it), and the same calls with our concurrency.
 * Bound: the larger of calls / 150 per second and 30 ms x calls / 10 in flight.
 */
import * as soap from 'soap';

import { catalogue, findAnyOperation } from '../../nodes/Nmbrs/catalogue';
import type { ServiceName } from '../../nodes/Nmbrs/catalogue/types';
import { FairUseLimiter } from '../../nodes/Nmbrs/transport/limiter';
import { readRequest } from '../../nodes/Nmbrs/wire';
import type { SentRequest } from '../../test/nodes/harness';
import { admin, rl, runNode } from '../../test/nodes/runNode';
import { ms, type BenchRow } from '../table';
import { spawnEmulator } from './emulatorStart';

const COMPANIES = 50;
const EMPLOYEES = COMPANIES * 100;
const LATENCY_MS = 30;
// The built node, as n8n loads it.
const { Nmbrs } =
	require('../../dist/nodes/Nmbrs/Nmbrs.node.js') as typeof import('../../nodes/Nmbrs/Nmbrs.node');
const builtNode = new Nmbrs();
const LOGIN = { email: 'accountant@demo.example', token: 'demo-token', domain: 'demo' };

/** The Employee -> Get Many parameters of the workflow, per company item. */
export const employeesWithPersonalInfo = (companyId: unknown) => ({
	resource: 'employee',
	operation: 'getMany',
	companyId: rl(String(companyId)),
	employeeType: 2,
	returnAll: true,
	options: { includePersonalInfo: true },
});

interface PlannedCall {
	service: ServiceName;
	operation: string;
	params: Record<string, unknown>;
}

function planOf(sent: SentRequest[]): PlannedCall[] {
	return sent.map((request) => {
		const read = readRequest(request.body, catalogue, (name, namespace) =>
			findAnyOperation(namespace.slice(namespace.lastIndexOf('/') + 1) as ServiceName, name),
		);
		if (!read.operation) throw new Error(`unknown call ${read.operationName}`);
		return {
			service: read.operation.service,
			operation: read.operation.name,
			params: read.params as Record<string, unknown>,
		};
	});
}

async function soapClients(soapBaseUrl: string, services: ServiceName[]) {
	const clients = new Map<ServiceName, soap.Client>();
	for (const service of services) {
		const client = await soap.createClientAsync(`${soapBaseUrl}${service}.asmx?wsdl`);
		const ns = `https://api.nmbrs.nl/soap/v3/${service}`;
		client.addSoapHeader(
			`<AuthHeaderWithDomain xmlns="${ns}"><Username>${LOGIN.email}</Username>` +
				`<Token>${LOGIN.token}</Token><Domain>${LOGIN.domain}</Domain></AuthHeaderWithDomain>`,
		);
		clients.set(service, client);
	}
	return (call: PlannedCall) =>
		(clients.get(call.service) as unknown as Record<string, (a: unknown) => Promise<unknown>>)[
			`${call.operation}Async`
		](call.params);
}

async function timed(work: () => Promise<unknown>): Promise<number> {
	const start = process.hrtime.bigint();
	await work();
	return Number(process.hrtime.bigint() - start) / 1e6;
}

/** The emulator with the case's world, 30 ms added to every call; in its own process, as Nmbrs is another machine. */
export async function bulkReadEmulator(): Promise<Awaited<ReturnType<typeof spawnEmulator>>> {
	const emulator = await spawnEmulator([
		'--companies',
		String(COMPANIES),
		'--employees',
		String(EMPLOYEES),
		'--now',
		'2026-11-25T09:00:00',
	]);
	await admin(emulator.adminUrl, '/faults', { operation: '*', kind: 'latency', ms: LATENCY_MS });
	return emulator;
}

/** `ours` may come from real n8n (see the real-n8n runner); default: in-process. */
export async function bulkReadCase(
	oursInN8n?: (soapBaseUrl: string) => Promise<{ ms: number; items: number; label: string }>,
): Promise<BenchRow[]> {
	const emulator = await bulkReadEmulator();
	try {
		let sent: SentRequest[] = [];
		let employees = 0;
		const workflow = async () => {
			sent = [];
			const companies = await runNode(
				emulator.soapBaseUrl,
				{ resource: 'company', operation: 'getMany', scope: 'all', returnAll: true },
				{ sent, node: builtNode },
			);
			const items = await runNode(
				emulator.soapBaseUrl,
				{
					...employeesWithPersonalInfo(''),
					companyId: (i: number) => rl(String(companies[i].json.ID)),
				},
				{ items: companies, sent, node: builtNode },
			);
			employees = items.length;
		};
		await workflow(); // warm-up: JIT, and the emulator's lazily built records
		const inProcess = await timed(workflow);
		const plan = planOf(sent);
		const calls = plan.length;
		const bound = Math.max((calls / 150) * 1000, (LATENCY_MS * calls) / 10);

		const invoke = await soapClients(emulator.soapBaseUrl, [
			...new Set(plan.map((c) => c.service)),
		]);
		const sequential = await timed(async () => {
			for (const call of plan) await invoke(call);
		});
		const limiter = new FairUseLimiter();
		const concurrent = await timed(async () => {
			await Promise.all(
				plan.map(async (call) => await limiter.run(async () => await invoke(call))),
			);
		});

		const real = oursInN8n ? await oursInN8n(emulator.soapBaseUrl) : undefined;
		const ours = real?.ms ?? inProcess;
		const label = real ? real.label : 'in-process (no n8n install found)';
		return [
			{
				case: `1. Bulk read (${COMPANIES} companies x ${EMPLOYEES / COMPANIES} employees, ${calls} calls, ${employees} items)`,
				figure: `${ms(ours)} ${label}; in-process ${ms(inProcess)}`,
				against: `bound ${ms(bound)}; node-soap sequential ${ms(sequential)}; node-soap with our plan ${ms(concurrent)}`,
				ratio: `${(ours / bound).toFixed(2)}x the bound; ${(sequential / ours).toFixed(1)}x faster than sequential; ${(concurrent / ours).toFixed(2)}x vs our plan`,
				goal: '<= 1.2x the bound; >= 5x faster than sequential; faster than our plan in node-soap',
				met: ours <= 1.2 * bound && sequential / ours >= 5 && ours < concurrent,
			},
		];
	} finally {
		emulator.stop();
	}
}
