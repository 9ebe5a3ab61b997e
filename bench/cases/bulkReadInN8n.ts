/**
 * Case 1 inside real n8n 2.41.1 (the end-to-end install, when it is in the cache), as users run
 * it: a running n8n server (so warm, as after its first execution), the workflow Webhook ->
 * Company Get Many -> Employee Get Many called by its webhook; the figure is the two Nmbrs nodes'
 * executionTime from the saved execution's run data. (`n8n execute` would start a fresh process
 * per run, timing Node's JIT warming up rather than the node.)
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { homedir, tmpdir } from 'os';
import * as path from 'path';

import {
	CREDENTIAL_ID,
	CREDENTIAL_NAME,
	N8n,
	RestSession,
	importCredential,
	installN8n,
	installPackage,
	packPackage,
	sleep,
} from '../../scripts/e2e/harness';
import { employeesWithPersonalInfo } from './bulkRead';

const VERSION = '2.41.1';
const WORKFLOW_ID = 'benchBulkRead01';
const WEBHOOK_PATH = 'bench-bulk-read';
const RUNS = 5;

function workflow() {
	const credentials = { nmbrsApi: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } };
	const { resource, operation, employeeType, returnAll, options } = employeesWithPersonalInfo('');
	return {
		id: WORKFLOW_ID,
		name: 'Bench: bulk read',
		nodes: [
			{
				id: 't',
				name: 'Start',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: 'b5a1c3d2-6e4f-4a8b-9c0d-1e2f3a4b5c6d',
				// Answers when the workflow is done, without the items.
				parameters: {
					httpMethod: 'POST',
					path: WEBHOOK_PATH,
					responseMode: 'lastNode',
					responseData: 'noData',
					options: {},
				},
			},
			{
				id: 'c',
				name: 'Companies',
				type: 'n8n-nodes-nmbrs.nmbrs',
				typeVersion: 1,
				position: [200, 0],
				credentials,
				parameters: { resource: 'company', operation: 'getMany', scope: 'all', returnAll: true },
			},
			{
				id: 'e',
				name: 'Employees',
				type: 'n8n-nodes-nmbrs.nmbrs',
				typeVersion: 1,
				position: [400, 0],
				credentials,
				parameters: {
					resource,
					operation,
					companyId: { __rl: true, mode: 'id', value: '={{ $json.ID }}' },
					employeeType,
					returnAll,
					options,
				},
			},
		],
		connections: {
			Start: { main: [[{ node: 'Companies', type: 'main', index: 0 }]] },
			Companies: { main: [[{ node: 'Employees', type: 'main', index: 0 }]] },
		},
	};
}

export function n8nInstalled(): boolean {
	const cache = path.join(homedir(), '.cache', 'n8n-nodes-nmbrs');
	return (
		existsSync(cache) &&
		readdirSync(cache).some((d) => d.startsWith(`n8n-${VERSION}-`) && !d.endsWith('.lock'))
	);
}

export interface BulkReadInN8n {
	/** One execution through the webhook: the Nmbrs nodes' executionTime and the items out. */
	run(): Promise<{ ms: number; items: number }>;
	close(): Promise<void>;
}

interface RunData {
	resultData?: {
		error?: { message?: string };
		runData?: Record<string, Array<{ executionTime?: number; data?: { main?: unknown[][] } }>>;
	};
}

/**
 * n8n started with the packed package, the credential and the published workflow; `env` is added
 * to n8n's (e.g. NODE_OPTIONS for the profiler).
 */
export async function openBulkReadInN8n(
	soapBaseUrl: string,
	env: Record<string, string> = {},
): Promise<BulkReadInN8n> {
	const scratch = mkdtempSync(path.join(tmpdir(), 'nmbrs-bench-'));
	const install = installN8n(VERSION);
	const userFolder = path.join(scratch, 'user');
	installPackage(userFolder, packPackage(scratch), install);
	const n8n = await N8n.create(install, userFolder, env);
	await importCredential(n8n, soapBaseUrl);
	const file = path.join(scratch, 'workflow.json');
	writeFileSync(file, JSON.stringify(workflow()));
	await n8n.cli(['import:workflow', `--input=${file}`]);
	await n8n.cli(['publish:workflow', `--id=${WORKFLOW_ID}`]);
	await n8n.start();
	const rest = new RestSession(n8n.url);
	await rest.setupOwnerAndLogin();
	// n8n stores run data in its "flatted" form; its own copy of the library reads it.
	const flatted = require(path.join(install.dir, 'node_modules', 'flatted')) as {
		parse(text: string): unknown;
	};
	const latestExecution = async (): Promise<string | undefined> => {
		const filter = encodeURIComponent(JSON.stringify({ workflowId: WORKFLOW_ID }));
		const list = await rest.request('GET', `/rest/executions?filter=${filter}&limit=1`);
		const results = (list.json as { data?: { results?: Array<{ id: string }> } }).data?.results;
		return results?.[0]?.id;
	};
	return {
		async run() {
			const before = await latestExecution();
			const res = await fetch(`${n8n.url}/webhook/${WEBHOOK_PATH}`, { method: 'POST' });
			if (!res.ok) throw new Error(`the webhook answered ${res.status}: ${await res.text()}`);
			// The execution is saved just after the answer.
			let id = await latestExecution();
			for (let tries = 0; id === before && tries < 100; tries++) {
				await sleep(100);
				id = await latestExecution();
			}
			if (id === undefined || id === before) throw new Error('no execution was saved');
			const saved = await rest.request('GET', `/rest/executions/${id}`);
			const data = (saved.json as { data?: { data?: string } }).data?.data;
			if (typeof data !== 'string') throw new Error(`execution ${id} has no run data`);
			const result = (flatted.parse(data) as RunData).resultData ?? {};
			if (result.error) throw new Error(`the execution failed: ${result.error.message ?? ''}`);
			const runs = result.runData ?? {};
			const time = (node: string) => runs[node]?.[0]?.executionTime ?? NaN;
			return {
				ms: time('Companies') + time('Employees'),
				items: (runs.Employees?.[0]?.data?.main?.[0] ?? []).length,
			};
		},
		async close() {
			await n8n.stop();
			rmSync(scratch, { recursive: true, force: true });
		},
	};
}

/** undefined when n8n is not in the cache (run `npm run test:e2e` once to install it). */
export function bulkReadInN8n():
	((soapBaseUrl: string) => Promise<{ ms: number; items: number; label: string }>) | undefined {
	if (!n8nInstalled()) return undefined;
	return async (soapBaseUrl) => {
		const n8n = await openBulkReadInN8n(soapBaseUrl);
		try {
			await n8n.run(); // warm-up, as for the peers
			// The median of RUNS: one execution's time in the server varied by a quarter between runs.
			const runs = [];
			for (let i = 0; i < RUNS; i++) runs.push(await n8n.run());
			runs.sort((a, b) => a.ms - b.ms);
			const median = runs[Math.floor(RUNS / 2)] as { ms: number; items: number };
			return {
				...median,
				label: `in n8n ${VERSION} (executionTime, median of ${RUNS} in a server)`,
			};
		} finally {
			await n8n.close();
		}
	};
}
