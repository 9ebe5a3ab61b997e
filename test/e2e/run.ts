/**
 * `npm run test:e2e`: the package in a real n8n, on each n8n line (2.41.1 and 1.123.81).
 *
 * Per version: install n8n (cached) and the packed package as n8n's installer does; start the
 * emulator at a fixed "now"; import the credential and every workflow of test/e2e/workflows/ plus
 * the triggers'; run each case with `n8n execute` and check its outcome; then `n8n start` three
 * times for the credential test, the icon and the trigger (see trigger.ts), and once for the
 * webhook trigger (webhookTrigger.ts).
 *
 *   npm run test:e2e                      both versions
 *   npm run test:e2e -- --n8n 2.41.1      one version
 *   npm run test:e2e -- --case company    only cases whose file name contains "company"
 *   npm run test:e2e -- --no-start        only the `n8n execute` cases
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';

import {
	builtEmulator,
	HarnessError,
	importCredential,
	importWorkflows,
	installN8n,
	n8nInstallCached,
	installPackage,
	N8n,
	N8N_VERSIONS,
	packPackage,
	printStageTimes,
	stage,
} from '../../scripts/e2e/harness';
import type { RunningEmulator } from '../../emulator/src';
import {
	checkCase,
	loadCases,
	parseExecuteOutput,
	runsOn,
	type BinaryReader,
	type E2eCase,
} from './cases';
import { checkCredentialTest } from './credentialTest';
import { activateTrigger, runTriggerScenario, TRIGGER_WORKFLOW } from './trigger';
import { activateWebhookWorkflow, checkWebhookTrigger, WEBHOOK_WORKFLOW } from './webhookTrigger';

/** The world every case sees (the emulator is reset to it before each case). */
export const WORLD_NOW = '2026-11-25T09:00:00';

interface Outcome {
	name: string;
	problems: string[];
}

function parseArgs(argv: string[]): {
	versions: string[];
	caseFilter?: string;
	start: boolean;
	keep: boolean;
} {
	const versions: string[] = [];
	let caseFilter: string | undefined;
	let start = true;
	let keep = false;
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === '--n8n') versions.push(argv[++i]);
		else if (argv[i] === '--case') caseFilter = argv[++i];
		else if (argv[i] === '--no-start') start = false;
		else if (argv[i] === '--keep') keep = true;
		else throw new Error(`unknown option ${argv[i]}`);
	}
	return { versions: versions.length ? versions : [...N8N_VERSIONS], caseFilter, start, keep };
}

async function admin(
	emulator: RunningEmulator,
	method: string,
	route: string,
	body?: unknown,
): Promise<unknown> {
	const res = await fetch(`${emulator.adminUrl}${route.replace(/^\//, '')}`, {
		method,
		headers: { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const json = (await res.json()) as unknown;
	if (!res.ok)
		throw new HarnessError(
			`emulator ${method} /__admin/${route} answered ${res.status}: ${JSON.stringify(json)}`,
		);
	return json;
}

function binaryReader(n8n: N8n): BinaryReader {
	return (binary) => {
		const data = String(binary.data ?? '');
		const id =
			typeof binary.id === 'string' ? binary.id : data.startsWith('filesystem') ? data : undefined;
		if (id) {
			// "filesystem-v2:workflows/..." or "filesystem:<file>", stored under the user folder.
			const rel = id.replace(/^filesystem(-v2)?:/, '');
			for (const base of [
				path.join(n8n.userFolder, '.n8n', 'binaryData'),
				path.join(n8n.userFolder, '.n8n', 'storage'),
			]) {
				const file = path.join(base, rel);
				if (existsSync(file)) return readFileSync(file);
			}
			return undefined;
		}
		return Buffer.from(data, 'base64');
	};
}

async function runCase(n8n: N8n, emulator: RunningEmulator, c: E2eCase): Promise<string[]> {
	await admin(emulator, 'POST', 'reset', {});
	for (const call of c.before ?? [])
		await admin(emulator, call.method ?? 'POST', call.path, call.body);
	const result = await n8n.cli(['execute', `--id=${c.workflow.id}`, '--rawOutput'], {
		allowFailure: true,
	});
	const output = `${result.stdout}\n${result.stderr}`;
	const failures = n8n.loadFailures(output);
	if (failures.length)
		return [`the package did not load:\n${failures.join('\n')}\n${n8n.describeLog(output)}`];
	let problems: string[];
	try {
		problems = checkCase(c, parseExecuteOutput(result.stdout), binaryReader(n8n));
	} catch (error) {
		problems = [`${(error as Error).message} (exit ${result.code})`];
	}
	if (problems.length) problems.push(n8n.describeLog(output, 40));
	return problems;
}

async function runVersion(version: string, opts: ReturnType<typeof parseArgs>): Promise<Outcome[]> {
	const outcomes: Outcome[] = [];
	const record = async (name: string, run: () => Promise<string[]>, timed = false) => {
		let problems: string[];
		try {
			problems = timed ? await stage(`n8n ${version}: ${name}`, run) : await run();
		} catch (error) {
			problems = [error instanceof Error ? error.message : String(error)];
		}
		outcomes.push({ name: `n8n ${version} · ${name}`, problems });
		process.stdout.write(
			`  ${problems.length ? '✗' : '✓'} ${name}\n${problems.map((p) => `      ${p.replace(/\n/g, '\n      ')}\n`).join('')}`,
		);
	};

	const install = await stage(
		`n8n ${version}: install (${n8nInstallCached(version) ? 'cached' : 'first run, 5 to 10 minutes'})`,
		() => installN8n(version),
	);
	const userFolder = mkdtempSync(path.join(tmpdir(), `n8n-nodes-nmbrs-e2e-${version}-`));
	const { startEmulator } = builtEmulator();
	// Plain http to loopback: n8n's webhook URL here is http://127.0.0.1:<port>/.
	const emulator = await startEmulator({ port: 0, worldNow: WORLD_NOW, allowHttpWebhooks: true });
	// The example workflows write their files here, the only folder n8n lets them write to.
	const outputDir = path.join(userFolder, 'output');
	mkdirSync(outputDir, { recursive: true });
	const n8n = await N8n.create(install, userFolder, { N8N_RESTRICT_FILE_ACCESS_TO: outputDir });
	const cases = loadCases().filter(
		(c) => runsOn(c, version) && (!opts.caseFilter || c.name.includes(opts.caseFilter)),
	);
	try {
		await stage(`n8n ${version}: pack and install the package`, () =>
			installPackage(userFolder, packPackage(path.join(userFolder, 'pack')), install),
		);
		await stage(`n8n ${version}: import credential and workflows`, async () => {
			await importCredential(n8n, emulator.soapBaseUrl);
			const dir = mkdtempSync(path.join(userFolder, 'cases-'));
			const files = cases.map((c) => {
				const file = path.join(dir, `${c.name}.json`);
				writeFileSync(file, JSON.stringify(c.workflow));
				return file;
			});
			await importWorkflows(
				n8n,
				opts.start ? [...files, TRIGGER_WORKFLOW, WEBHOOK_WORKFLOW] : files,
				{
					...emulator,
					outputDir,
				},
			);
		});
		await stage(`n8n ${version}: ${cases.length} workflows with n8n execute`, async () => {
			for (const c of cases)
				await record(`${c.name}: ${c.description}`, () => runCase(n8n, emulator, c));
		});
		if (opts.start) {
			await admin(emulator, 'POST', 'reset', {});
			await stage(`n8n ${version}: activate the trigger workflow`, () => activateTrigger(n8n));
			await record(
				'credential test, node list and icon (n8n start)',
				() => checkCredentialTest(n8n, emulator),
				true,
			);
			await record(
				'trigger: each locked declaration delivered across restarts',
				() => runTriggerScenario(n8n, emulator),
				true,
			);
			await admin(emulator, 'POST', 'reset', {});
			await stage(`n8n ${version}: activate the webhook trigger workflow`, () =>
				activateWebhookWorkflow(n8n),
			);
			await record(
				'webhook trigger: a locked run arrives within seconds, once',
				() => checkWebhookTrigger(n8n, emulator),
				true,
			);
		}
	} finally {
		await n8n.stop();
		await emulator.close();
		if (!opts.keep && outcomes.every((o) => o.problems.length === 0))
			rmSync(userFolder, { recursive: true, force: true });
		else process.stdout.write(`  n8n user folder kept: ${userFolder}\n`);
	}
	return outcomes;
}

async function main(): Promise<void> {
	const opts = parseArgs(process.argv.slice(2));
	const outcomes: Outcome[] = [];
	let crashed: unknown;
	try {
		for (const version of opts.versions) outcomes.push(...(await runVersion(version, opts)));
	} catch (error) {
		crashed = error;
	}
	printStageTimes();
	const failed = outcomes.filter((o) => o.problems.length);
	if (failed.length) {
		process.stdout.write(`\nfailed:\n${failed.map((o) => `  ${o.name}`).join('\n')}\n`);
	}
	if (crashed) {
		process.stdout.write(
			`\nthe end-to-end run stopped: ${crashed instanceof Error ? crashed.message : String(crashed)}\n`,
		);
	}
	process.stdout.write(
		`\ne2e: ${outcomes.length - failed.length} passed, ${failed.length + (crashed ? 1 : 0)} failed\n`,
	);
	process.exitCode = failed.length || crashed ? 1 : 0;
}

if (require.main === module) {
	void main();
}
