/**
 * `npm run demo`: the emulator with its demo world and n8n 2.41.1 with this package, a credential
 * pointing at the emulator, an owner account and the example workflows of examples/. Prints the
 * editor's address and login; Ctrl-C stops both.
 *
 * The first run installs Node 24 (unless the system Node is 24 or newer) and n8n into
 * ~/.cache/n8n-nodes-nmbrs (5 to 10 minutes on 2 cores, about 3 GB). The n8n user folder stays in
 * ~/.cache/n8n-nodes-nmbrs/demo, so workflows you make survive, and a second run starts in seconds.
 * Files the examples write land in demo-output/ in this folder.
 *
 *   npm run demo                 n8n on 5678 (or a free port), emulator on 7780 (or a free port)
 *   npm run demo -- --fresh      forget the demo's n8n (its workflows, owner, executions) first
 *   npm run demo -- --check      come up, check the editor, the owner's login, the credential and
 *                                the example workflows, print what was checked, stop (exit 1 if
 *                                anything is wrong): the demo as CI and a new machine prove it
 */
import { createHash } from 'crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { homedir } from 'os';
import * as path from 'path';

import {
	builtEmulator,
	CREDENTIAL_ID,
	CREDENTIAL_NAME,
	credentialData,
	HarnessError,
	printStageTimes,
	DEMO_LOGIN,
	freePort,
	importCredential,
	importWorkflows,
	installN8n,
	installPackage,
	n8nInstallCached,
	N8n,
	OWNER,
	packPackage,
	REPO_ROOT,
	RestSession,
	checkPackageServed,
	stage,
} from './harness';
import type { RunningEmulator } from '../../emulator/src';

const N8N_VERSION = '2.41.1';
const CACHE =
	process.env.N8N_NODES_NMBRS_CACHE ?? path.join(homedir(), '.cache', 'n8n-nodes-nmbrs');
const USER_FOLDER = path.join(CACHE, 'demo');
const STATE_FILE = path.join(USER_FOLDER, 'demo-state.json');
const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');
export const OUTPUT_DIR = path.join(REPO_ROOT, 'demo-output');

interface DemoState {
	/** Hash of the packed tarball last installed. */
	packageHash?: string;
	/** The SOAP base URL the credential points at. */
	soapBaseUrl?: string;
	/** Hash of examples/ last imported. */
	examplesHash?: string;
}

function hashFiles(files: string[]): string {
	const hash = createHash('sha256');
	for (const file of files) hash.update(file).update(readFileSync(file));
	return hash.digest('hex').slice(0, 16);
}

async function portOr(preferred: number): Promise<number> {
	const { createServer } = await import('net');
	return await new Promise((resolve) => {
		const server = createServer();
		server.once('error', () => void freePort().then(resolve));
		server.listen(preferred, '127.0.0.1', () => server.close(() => resolve(preferred)));
	});
}

const CHECK = process.argv.includes('--check');

/**
 * What a new user sees first, checked: the editor's page, the owner's login in a new session, the
 * credential's Test button and every example workflow in the list. Throws with what is wrong.
 */
async function checkDemo(
	n8n: N8n,
	emulator: RunningEmulator,
	examples: string[],
	listed: string[],
): Promise<void> {
	const say = (line: string) => process.stdout.write(`  ✓ ${line}\n`);
	const page = await fetch(`${n8n.url}/`);
	const html = await page.text();
	if (page.status !== 200 || !/<html/i.test(html) || !html.includes('n8n'))
		throw new HarnessError(`the editor ${n8n.url}/ answered ${page.status}: ${html.slice(0, 200)}`);
	say(`the editor answers at ${n8n.url}/`);

	const session = new RestSession(n8n.url);
	await session.login(OWNER);
	const me = await session.request('GET', '/rest/login');
	const email = (me.json as { data?: { email?: string } } | undefined)?.data?.email;
	if (me.status !== 200 || email !== OWNER.email)
		throw new HarnessError(`after logging in, n8n answered ${me.status}: ${me.text.slice(0, 200)}`);
	say(`the owner ${OWNER.email} logs in`);

	const tested = await session.request('POST', '/rest/credentials/test', {
		credentials: {
			id: CREDENTIAL_ID,
			name: CREDENTIAL_NAME,
			type: 'nmbrsApi',
			data: credentialData(emulator.soapBaseUrl),
		},
	});
	const result = (tested.json as { data?: { status?: string; message?: string } } | undefined)
		?.data;
	if (result?.status !== 'OK')
		throw new HarnessError(
			`the credential "${CREDENTIAL_NAME}" failed its test: ${result?.message ?? tested.text.slice(0, 300)}`,
		);
	say(`the credential "${CREDENTIAL_NAME}" passes its test against the emulator`);

	const expected = examples.map(
		(file) => (JSON.parse(readFileSync(file, 'utf8')) as { name: string }).name,
	);
	const missing = expected.filter((name) => !listed.includes(name));
	if (missing.length > 0)
		throw new HarnessError(`n8n does not list the example workflows ${missing.join(', ')}`);
	say(`the ${expected.length} example workflows are listed:`);
	for (const name of listed) process.stdout.write(`      - ${name}\n`);
}

async function main(): Promise<void> {
	if (process.platform !== 'linux' || process.arch !== 'x64') {
		throw new Error(
			'the demo installs Node 24 and n8n for Linux x64 only; elsewhere, see docs/running-n8n.md',
		);
	}
	if (process.argv.includes('--fresh')) rmSync(USER_FOLDER, { recursive: true, force: true });
	mkdirSync(USER_FOLDER, { recursive: true });
	mkdirSync(OUTPUT_DIR, { recursive: true });
	const state: DemoState = existsSync(STATE_FILE)
		? (JSON.parse(readFileSync(STATE_FILE, 'utf8')) as DemoState)
		: {};
	const saveState = () => writeFileSync(STATE_FILE, JSON.stringify(state, null, 2));

	const cached = n8nInstallCached(N8N_VERSION);
	const install = await stage(
		cached
			? `n8n ${N8N_VERSION} (cached in ${CACHE})`
			: `n8n ${N8N_VERSION}: first run, installing into ${CACHE} (5 to 10 minutes on 2 cores)`,
		() => installN8n(N8N_VERSION),
	);

	const { startEmulator } = builtEmulator();
	const emulator: RunningEmulator = await startEmulator({
		port: await portOr(7780),
		world: 'demo',
	});

	const n8n = new N8n(install, USER_FOLDER, await portOr(5678), await freePort(), {
		// The example workflows read and write files here only.
		N8N_RESTRICT_FILE_ACCESS_TO: OUTPUT_DIR,
	});
	let stopping = false;
	const stop = async (code: number) => {
		if (stopping) return;
		stopping = true;
		process.stdout.write('\nstopping n8n and the emulator…\n');
		await n8n.stop();
		await emulator.close();
		process.exit(code);
	};
	let workflowNames: string[] = [];
	const examples = readdirSync(EXAMPLES_DIR)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => path.join(EXAMPLES_DIR, f));
	process.on('SIGINT', () => void stop(0));
	process.on('SIGTERM', () => void stop(0));

	try {
		await stage('the package, packed and installed into n8n', async () => {
			const tarball = packPackage(path.join(USER_FOLDER, 'pack'));
			const hash = hashFiles([tarball]);
			if (
				state.packageHash === hash &&
				existsSync(path.join(USER_FOLDER, '.n8n', 'nodes', 'node_modules', 'n8n-nodes-nmbrs'))
			)
				return;
			installPackage(USER_FOLDER, tarball, install);
			state.packageHash = hash;
			saveState();
		});
		if (state.soapBaseUrl !== emulator.soapBaseUrl) {
			await stage('the credential "Nmbrs emulator"', () =>
				importCredential(n8n, emulator.soapBaseUrl),
			);
			state.soapBaseUrl = emulator.soapBaseUrl;
			saveState();
		}
		const examplesHash = hashFiles(examples);
		if (state.examplesHash !== examplesHash) {
			await stage(`the ${examples.length} example workflows`, () =>
				importWorkflows(n8n, examples, { ...emulator, outputDir: OUTPUT_DIR }),
			);
			state.examplesHash = examplesHash;
			saveState();
		}
		await stage('n8n start', () => n8n.start());
		const rest = new RestSession(n8n.url);
		await rest.setupOwnerAndLogin();
		await checkPackageServed(n8n, rest);
		const listed = await rest.request('GET', '/rest/workflows');
		workflowNames = ((listed.json as { data?: Array<{ name: string }> } | undefined)?.data ?? [])
			.map((w) => w.name)
			.sort();
		if (CHECK) {
			await stage('check: editor, login, credential, workflows', () =>
				checkDemo(n8n, emulator, examples, workflowNames),
			);
			printStageTimes();
			await stop(0);
			return;
		}
	} catch (error) {
		process.stderr.write(
			`\nthe demo could not start: ${error instanceof Error ? error.message : String(error)}\n`,
		);
		await stop(1);
		return;
	}

	process.stdout.write(
		[
			'',
			`n8n ${N8N_VERSION} with n8n-nodes-nmbrs:  ${n8n.url}/`,
			`  log in as ${OWNER.email} / ${OWNER.password}`,
			`  credential "${CREDENTIAL_NAME}": Custom Base URL ${emulator.soapBaseUrl}, ${DEMO_LOGIN.email} / ${DEMO_LOGIN.token}, subdomain ${DEMO_LOGIN.subdomain}`,
			'  workflows (from examples/: open one and press "Execute workflow"; files go to',
			`  ${OUTPUT_DIR}):`,
			...workflowNames.map((name) => `    - ${name}`),
			'',
			`Nmbrs emulator:  ${emulator.url}  (admin API ${emulator.adminUrl}, move its clock there)`,
			`n8n's log:       ${n8n.logFile}`,
			'',
			'Ctrl-C stops both.',
			'',
		].join('\n'),
	);
}

void main();
