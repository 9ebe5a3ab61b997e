/**
 * Case 1 inside real n8n 2.41.1 (the end-to-end install, when it is in the cache): the workflow
 * Manual Trigger -> Company Get Many -> Employee Get Many run with `n8n execute`; the figure is the
 * two Nmbrs nodes' executionTime from n8n's run data.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { homedir, tmpdir } from 'os';
import * as path from 'path';

import {
	CREDENTIAL_ID,
	CREDENTIAL_NAME,
	N8n,
	importCredential,
	installN8n,
	installPackage,
	packPackage,
} from '../../scripts/e2e/harness';
import { parseExecuteOutput } from '../../test/e2e/cases';
import { employeesWithPersonalInfo } from './bulkRead';

const VERSION = '2.41.1';

function workflow() {
	const credentials = { nmbrsApi: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } };
	const { resource, operation, employeeType, returnAll, options } = employeesWithPersonalInfo('');
	return {
		id: 'benchBulkRead01',
		name: 'Bench: bulk read',
		nodes: [
			{
				id: 't',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
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
	/** One `n8n execute` of the workflow, with `env` added to n8n's (e.g. NODE_OPTIONS). */
	run(env?: Record<string, string>): Promise<{ ms: number; items: number }>;
	close(): void;
}

/** n8n with the packed package, the credential and the workflow, ready to execute it. */
export async function openBulkReadInN8n(soapBaseUrl: string): Promise<BulkReadInN8n> {
	const scratch = mkdtempSync(path.join(tmpdir(), 'nmbrs-bench-'));
	const install = installN8n(VERSION);
	const userFolder = path.join(scratch, 'user');
	installPackage(userFolder, packPackage(scratch), install);
	const n8n = await N8n.create(install, userFolder);
	await importCredential(n8n, soapBaseUrl);
	const file = path.join(scratch, 'workflow.json');
	writeFileSync(file, JSON.stringify(workflow()));
	await n8n.cli(['import:workflow', `--input=${file}`]);
	return {
		async run(env = {}) {
			const cli = Object.keys(env).length === 0 ? n8n : await N8n.create(install, userFolder, env);
			const result = await cli.cli(['execute', '--id=benchBulkRead01', '--rawOutput']);
			const nodes = parseExecuteOutput(result.stdout).nodes;
			return {
				ms: (nodes.Companies?.executionTime ?? NaN) + (nodes.Employees?.executionTime ?? NaN),
				items: nodes.Employees?.items.length ?? 0,
			};
		},
		close: () => rmSync(scratch, { recursive: true, force: true }),
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
			return { ...(await n8n.run()), label: `in n8n ${VERSION} (executionTime)` };
		} finally {
			n8n.close();
		}
	};
}
