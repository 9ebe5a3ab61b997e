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

/** undefined when n8n is not in the cache (run `npm run test:e2e` once to install it). */
export function bulkReadInN8n():
	((soapBaseUrl: string) => Promise<{ ms: number; items: number; label: string }>) | undefined {
	const cache = path.join(homedir(), '.cache', 'n8n-nodes-nmbrs');
	if (
		!existsSync(cache) ||
		!require('fs')
			.readdirSync(cache)
			.some((d: string) => d.startsWith(`n8n-${VERSION}-`) && !d.endsWith('.lock'))
	) {
		return undefined;
	}
	return async (soapBaseUrl) => {
		const scratch = mkdtempSync(path.join(tmpdir(), 'nmbrs-bench-'));
		try {
			const install = installN8n(VERSION);
			installPackage(path.join(scratch, 'user'), packPackage(scratch), install);
			const n8n = await N8n.create(install, path.join(scratch, 'user'));
			await importCredential(n8n, soapBaseUrl);
			const file = path.join(scratch, 'workflow.json');
			writeFileSync(file, JSON.stringify(workflow()));
			await n8n.cli(['import:workflow', `--input=${file}`]);
			const run = async () => {
				const result = await n8n.cli(['execute', '--id=benchBulkRead01', '--rawOutput']);
				const nodes = parseExecuteOutput(result.stdout).nodes;
				return {
					ms: (nodes.Companies?.executionTime ?? NaN) + (nodes.Employees?.executionTime ?? NaN),
					items: nodes.Employees?.items.length ?? 0,
				};
			};
			await run(); // warm-up, as for the peers
			const measured = await run();
			return { ...measured, label: `in n8n ${VERSION} (executionTime)` };
		} finally {
			rmSync(scratch, { recursive: true, force: true });
		}
	};
}
