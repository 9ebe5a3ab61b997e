/**
 * A real n8n with this package installed, beside the emulator: the end-to-end tests, the demo and
 * the editor check (issue 10) all start from here.
 *
 *   const stack = await startStack({ n8nVersion: '2.41.1' });
 *   stack.editorUrl, stack.owner.email / .password, stack.emulator.soapBaseUrl
 *   await stack.stop();
 *
 * Lower-level pieces (installN8n, packPackage, installPackage, N8n, RestSession) are exported for
 * the end-to-end runner, which needs n8n's CLI between starts.
 */
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import {
	closeSync,
	createWriteStream,
	existsSync,
	mkdirSync,
	mkdtempSync,
	openSync,
	readFileSync,
	rmSync,
	writeFileSync,
	type WriteStream,
} from 'fs';
import { createServer } from 'net';
import { tmpdir } from 'os';
import * as path from 'path';

import type { RunningEmulator } from '../../emulator/src';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const PACKAGE_NAME = 'n8n-nodes-nmbrs';
/** The two lines users run: the current 2.x and the last 1.x. */
export const N8N_VERSIONS = ['2.41.1', '1.123.81'] as const;
/** Fixed so that credentials imported from a file decrypt in every run. Never a real secret. */
export const ENCRYPTION_KEY = 'n8n-nodes-nmbrs-e2e-not-a-secret';
export const OWNER = {
	email: 'owner@demo.example',
	password: 'Demo-owner-1',
	firstName: 'Demo',
	lastName: 'Owner',
};
/** The emulator's accountant login (a documented fake). */
export const DEMO_LOGIN = {
	email: 'accountant@demo.example',
	token: 'demo-token',
	subdomain: 'demo',
};
export const CREDENTIAL_ID = 'nmbrsEmulator001';
export const CREDENTIAL_NAME = 'Nmbrs emulator';

export class HarnessError extends Error {}

// ---------------------------------------------------------------- timing

const stageTimes: Array<{ stage: string; seconds: number }> = [];

/** Runs one stage, prints its time, and keeps it for the summary. */
export async function stage<T>(name: string, run: () => Promise<T> | T): Promise<T> {
	const started = Date.now();
	process.stdout.write(`\n▶ ${name}\n`);
	try {
		return await run();
	} finally {
		const seconds = (Date.now() - started) / 1000;
		stageTimes.push({ stage: name, seconds });
		process.stdout.write(`  (${name}: ${seconds.toFixed(1)} s)\n`);
	}
}

export function printStageTimes(): void {
	const width = Math.max(...stageTimes.map((s) => s.stage.length), 5);
	process.stdout.write('\nstage times\n');
	for (const { stage: name, seconds } of stageTimes) {
		process.stdout.write(`  ${name.padEnd(width)}  ${seconds.toFixed(1).padStart(6)} s\n`);
	}
}

// ---------------------------------------------------------------- installs

export interface N8nInstall {
	version: string;
	/** The folder with node_modules/n8n. */
	dir: string;
	/** Node 24's binary, which runs n8n (the system Node may be older). */
	node: string;
	/** Node 24's bin folder (node and npm), first on n8n's PATH. */
	nodeBinDir: string;
}

function runInstallScript(arg: string): string {
	const script = path.join(REPO_ROOT, 'scripts', 'e2e', 'install-n8n.sh');
	const result = spawnSync('bash', [script, arg], {
		stdio: ['ignore', 'pipe', 'inherit'],
		encoding: 'utf8',
	});
	if (result.status !== 0)
		throw new HarnessError(`scripts/e2e/install-n8n.sh ${arg} failed (exit ${result.status})`);
	const lines = result.stdout.trim().split('\n');
	return lines[lines.length - 1];
}

/** Node 24: the system Node when it is 24 or newer, else the cached one. */
export function node24BinDir(): string {
	const major = Number(process.versions.node.split('.')[0]);
	if (major >= 24) return path.dirname(process.execPath);
	return runInstallScript('node');
}

/**
 * The emulator as users run it: the nmbrs-emulator workspace package, built (`npm run build`
 * builds it after the n8n package).
 */
export function builtEmulator(): typeof import('../../emulator/src') {
	const main = path.join(REPO_ROOT, 'emulator', 'dist', 'emulator', 'src', 'index.js');
	if (!existsSync(main)) throw new HarnessError(`${main} is missing: run npm run build first`);
	return require(main) as typeof import('../../emulator/src');
}

/** Whether n8n `version` is installed and verified in the cache (so the next install is instant). */
export function n8nInstallCached(version: string): boolean {
	const script = path.join(REPO_ROOT, 'scripts', 'e2e', 'install-n8n.sh');
	const result = spawnSync('bash', [script, '--status', version], { encoding: 'utf8' });
	return result.status === 0 && result.stdout.startsWith('cached ');
}

/** Installs (or finds in the cache) n8n `version` and Node 24. */
export function installN8n(version: string): N8nInstall {
	const dir = runInstallScript(version);
	const nodeBinDir = node24BinDir();
	return { version, dir, node: path.join(nodeBinDir, 'node'), nodeBinDir };
}

/** `npm pack` of the built package (run `npm run build` first) into `outDir`; the tarball's path. */
export function packPackage(outDir: string): string {
	mkdirSync(outDir, { recursive: true });
	if (!existsSync(path.join(REPO_ROOT, 'dist', 'nodes', 'Nmbrs', 'Nmbrs.node.js'))) {
		throw new HarnessError('dist/ is missing: run npm run build first');
	}
	const result = spawnSync('npm', ['pack', '--json', '--pack-destination', outDir], {
		cwd: REPO_ROOT,
		encoding: 'utf8',
	});
	if (result.status !== 0) throw new HarnessError(`npm pack failed:\n${result.stderr}`);
	const [report] = JSON.parse(result.stdout) as Array<{ filename: string }>;
	return path.join(outDir, report.filename);
}

/**
 * Installs the tarball into `<userFolder>/.n8n/nodes` as n8n's own community-package installer
 * does (read from n8n 1.123.81's and 2.41.1's CommunityPackagesService): a `package.json` named
 * installed-nodes in the nodes folder; the tarball unpacked into node_modules/<name>; its
 * package.json stripped of devDependencies, peerDependencies and optionalDependencies; then, in
 * that folder, `npm install --audit=false --fund=false --bin-links=false
 * --install-strategy=shallow --ignore-scripts=true --package-lock=false`; and the version noted in
 * the nodes folder's package.json. n8n finds the package by its `n8n-nodes-` name in that
 * node_modules, and its `require('n8n-workflow')` falls through to n8n's own copy (n8n puts its
 * module paths on NODE_PATH).
 */
export function installPackage(userFolder: string, tarball: string, install: N8nInstall): string {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const packageDir = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
	mkdirSync(nodesDir, { recursive: true });
	const nodesPackageJson = path.join(nodesDir, 'package.json');
	if (!existsSync(nodesPackageJson)) {
		writeFileSync(
			nodesPackageJson,
			JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2),
		);
	}
	rmSync(packageDir, { recursive: true, force: true });
	mkdirSync(packageDir, { recursive: true });
	const untar = spawnSync('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1'], {
		encoding: 'utf8',
	});
	if (untar.status !== 0) throw new HarnessError(`could not unpack ${tarball}: ${untar.stderr}`);
	const manifestPath = path.join(packageDir, 'package.json');
	const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
	const { devDependencies, peerDependencies, optionalDependencies, ...kept } = manifest;
	void devDependencies;
	void peerDependencies;
	void optionalDependencies;
	writeFileSync(manifestPath, JSON.stringify(kept, null, 2));
	const npm = spawnSync(
		'npm',
		[
			'install',
			'--audit=false',
			'--fund=false',
			'--bin-links=false',
			'--install-strategy=shallow',
			'--ignore-scripts=true',
			'--package-lock=false',
			'--loglevel=error',
		],
		{
			cwd: packageDir,
			encoding: 'utf8',
			env: { ...process.env, PATH: `${install.nodeBinDir}:${process.env.PATH ?? ''}` },
		},
	);
	if (npm.status !== 0)
		throw new HarnessError(`npm install in ${packageDir} failed:\n${npm.stderr}`);
	const nodesManifest = JSON.parse(readFileSync(nodesPackageJson, 'utf8')) as {
		dependencies: Record<string, string>;
	};
	nodesManifest.dependencies[PACKAGE_NAME] = String(kept.version);
	writeFileSync(nodesPackageJson, JSON.stringify(nodesManifest, null, 2));
	return packageDir;
}

// ---------------------------------------------------------------- n8n

export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

export interface CliResult {
	code: number | null;
	stdout: string;
	stderr: string;
}

/** Log lines that mean our package did not load (checked after every start and CLI run). */
const LOAD_FAILURES = [
	/Error loading package/i,
	/(problem|failed|error|could not) (loading|to load)/i,
	/Unrecognized (node|credential) type/i,
	/Cannot find module/i,
	/Unknown (node|credential) type/i,
];

/** What N8n.start runs: the main instance, or a queue-mode worker (flags allowed) or webhook processor. */
export type N8nCommand = 'start' | 'webhook' | 'worker' | `worker ${string}`;

/** The line each command prints when it is ready. */
const READY_LOG = {
	start: /Editor is now accessible/,
	webhook: /Webhook listener waiting for requests/,
	worker: /n8n worker is now ready/,
};

/**
 * One n8n user folder and the commands run against it. Every command and the server share the
 * environment: fixed encryption key, outbound features off, Dutch time zone.
 */
export class N8n {
	readonly port: number;
	readonly url: string;
	readonly logFile: string;
	private server?: ChildProcess;
	private serverLog?: WriteStream;
	private serverOutput = '';
	private startedAt = 0;

	constructor(
		readonly install: N8nInstall,
		readonly userFolder: string,
		port: number,
		private readonly runnerPort: number,
		private readonly extraEnv: Record<string, string> = {},
	) {
		this.port = port;
		this.url = `http://127.0.0.1:${port}`;
		this.logFile = path.join(userFolder, 'n8n.log');
	}

	static async create(
		install: N8nInstall,
		userFolder: string,
		extraEnv: Record<string, string> = {},
	): Promise<N8n> {
		mkdirSync(userFolder, { recursive: true });
		return new N8n(install, userFolder, await freePort(), await freePort(), extraEnv);
	}

	get major(): number {
		return Number(this.install.version.split('.')[0]);
	}

	env(): NodeJS.ProcessEnv {
		return {
			PATH: `${this.install.nodeBinDir}:${process.env.PATH ?? ''}`,
			HOME: process.env.HOME,
			LANG: process.env.LANG ?? 'C.UTF-8',
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
			N8N_PORT: String(this.port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PROTOCOL: 'http',
			N8N_EDITOR_BASE_URL: `${this.url}/`,
			N8N_SECURE_COOKIE: 'false',
			GENERIC_TIMEZONE: 'Europe/Amsterdam',
			TZ: 'Europe/Amsterdam',
			// Nothing leaves the machine.
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_DYNAMIC_BANNERS_ENABLED: 'false',
			N8N_VERIFIED_PACKAGES_ENABLED: 'false',
			N8N_AI_ENABLED: 'false',
			// 2.x: the MCP server registry is fetched from n8n's servers at start.
			...(this.major >= 2 ? { N8N_DISABLED_MODULES: 'mcp-registry' } : {}),
			EXTERNAL_FRONTEND_HOOKS_URLS: '',
			N8N_DIAGNOSTICS_CONFIG_FRONTEND: '',
			N8N_DIAGNOSTICS_CONFIG_BACKEND: '',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			N8N_REINSTALL_MISSING_PACKAGES: 'false',
			// 1.x runs Code nodes in-process without runners; 2.x always has its internal runner.
			...(this.major < 2
				? { N8N_RUNNERS_ENABLED: 'false' }
				: { N8N_RUNNERS_BROKER_PORT: String(this.runnerPort), N8N_RUNNERS_GRANT_TOKEN_TTL: '120' }),
			N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
			N8N_LOG_LEVEL: 'info',
			N8N_LOG_OUTPUT: 'console',
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '20',
			DB_SQLITE_POOL_SIZE: '2',
			...this.extraEnv,
		};
	}

	private get bin(): string {
		return path.join(this.install.dir, 'node_modules', 'n8n', 'bin', 'n8n');
	}

	/** Runs `n8n <args>` to its end; fails loudly (with the output) unless `allowFailure`. */
	async cli(args: string[], options: { allowFailure?: boolean } = {}): Promise<CliResult> {
		// stdout goes to a file: n8n exits while a pipe may still hold part of a large
		// `execute --rawOutput` (seen cut at about 900 KB); writes to a file are complete.
		const outFile = path.join(this.userFolder, `cli-${process.pid}-${Date.now()}.out`);
		const out = openSync(outFile, 'w');
		const child = spawn(this.install.node, [this.bin, ...args], {
			env: this.env(),
			cwd: this.userFolder,
			stdio: ['ignore', out, 'pipe'],
		});
		let stderr = '';
		child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
		const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
		closeSync(out);
		const stdout = readFileSync(outFile, 'utf8');
		rmSync(outFile, { force: true });
		const result = { code, stdout, stderr };
		if (!options.allowFailure && code !== 0) {
			throw new HarnessError(
				`n8n ${args.join(' ')} exited ${code}\n--- n8n's output ---\n${stdout}\n${stderr}`,
			);
		}
		return result;
	}

	/**
	 * Starts `n8n start` (or, in queue mode, `n8n worker` / `n8n webhook`) with `env` added and
	 * waits until it is ready: the editor served, the worker taking jobs, the webhooks listening.
	 */
	async start(env: Record<string, string> = {}, command: N8nCommand = 'start'): Promise<void> {
		if (this.server) throw new HarnessError('n8n is already running');
		this.serverLog = createWriteStream(this.logFile, { flags: 'a' });
		this.serverOutput = '';
		this.startedAt = Date.now();
		const child = spawn(this.install.node, [this.bin, ...command.split(' ')], {
			env: { ...this.env(), ...env },
			cwd: this.userFolder,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		this.server = child;
		const take = (chunk: Buffer) => {
			this.serverOutput += chunk.toString('utf8');
			this.serverLog?.write(chunk);
		};
		child.stdout?.on('data', take);
		child.stderr?.on('data', take);
		let exited: number | null | undefined;
		child.on('exit', (code) => (exited = code));
		// Generous: a busy 2-core machine has been seen to need more than two minutes.
		const deadline = Date.now() + 300_000;
		for (;;) {
			if (exited !== undefined) {
				this.server = undefined;
				throw new HarnessError(
					`n8n ${command} exited (${exited}) before it answered\n${this.describeLog()}`,
				);
			}
			if (Date.now() > deadline) {
				await this.stop();
				throw new HarnessError(
					`n8n ${command} was not ready on ${this.url} within 300 s\n${this.describeLog()}`,
				);
			}
			// Readiness comes before the editor and its node list are served; n8n says when they are.
			const ready = READY_LOG[command.split(' ')[0] as keyof typeof READY_LOG];
			if (ready.test(this.serverOutput)) {
				// A worker serves nothing (no health endpoint unless asked): its log line is all.
				if (command.startsWith('worker')) break;
				try {
					const res = await fetch(`${this.url}/healthz/readiness`);
					if (res.ok) break;
				} catch {
					// not listening yet
				}
			}
			await sleep(250);
		}
	}

	/** Waits for a line of the running server's output (since its start) to match. */
	async waitForLog(pattern: RegExp, timeoutMs: number, what: string): Promise<RegExpMatchArray> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const match = this.serverOutput.match(pattern);
			if (match) return match;
			if (!this.server)
				throw new HarnessError(`n8n stopped while waiting for ${what}\n${this.describeLog()}`);
			if (Date.now() > deadline)
				throw new HarnessError(
					`n8n did not show ${what} within ${timeoutMs / 1000} s\n${this.describeLog()}`,
				);
			await sleep(250);
		}
	}

	get output(): string {
		return this.serverOutput;
	}

	get running(): boolean {
		return this.server !== undefined;
	}

	/** Seconds since the running server was started. */
	get uptime(): number {
		return (Date.now() - this.startedAt) / 1000;
	}

	/** SIGTERM, then waits: n8n finishes its running executions and saves state before it exits. */
	async stop(): Promise<void> {
		const child = this.server;
		if (!child) return;
		this.server = undefined;
		if (child.exitCode === null && child.signalCode === null) {
			const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
			child.kill('SIGTERM');
			const killed = await Promise.race([exited.then(() => false), sleep(40_000).then(() => true)]);
			if (killed) {
				child.kill('SIGKILL');
				await exited;
			}
		}
		await new Promise<void>((resolve) =>
			this.serverLog ? this.serverLog.end(resolve) : resolve(),
		);
		this.serverLog = undefined;
	}

	/** The package's load failures in the last server output, if any. */
	loadFailures(text = this.serverOutput): string[] {
		return text
			.split('\n')
			.filter((line) => !/^\s+at /.test(line))
			.filter((line) => LOAD_FAILURES.some((p) => p.test(line)));
	}

	/** The last lines of n8n's own log, for failure messages. */
	describeLog(text = this.serverOutput, lines = 80): string {
		const tail = text.trimEnd().split('\n').slice(-lines).join('\n');
		return `--- n8n ${this.install.version} log (last ${lines} lines; all of it in ${this.logFile}) ---\n${tail}\n--- end of n8n log ---`;
	}
}

export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

// ---------------------------------------------------------------- REST

/** n8n's internal REST API as the editor uses it: a login cookie and a browser id. */
export class RestSession {
	private cookie = '';
	private readonly browserId = 'n8n-nodes-nmbrs-e2e';

	constructor(readonly baseUrl: string) {}

	async request(
		method: string,
		route: string,
		body?: unknown,
	): Promise<{ status: number; json: unknown; text: string }> {
		const send = () =>
			fetch(`${this.baseUrl}${route}`, {
				method,
				headers: {
					'content-type': 'application/json',
					'browser-id': this.browserId,
					...(this.cookie ? { cookie: this.cookie } : {}),
				},
				body: body === undefined ? undefined : JSON.stringify(body),
			});
		let res: Response | undefined;
		// A kept-alive connection that n8n closes just as a request goes out fails with "fetch
		// failed" (seen on a busy machine); a new connection then works.
		for (let attempt = 1; !res; attempt++) {
			try {
				res = await send();
			} catch (error) {
				if (attempt >= 3)
					throw new HarnessError(
						`${method} ${route}: ${(error as Error).message} ${String((error as Error).cause ?? '')}`,
					);
				await sleep(500);
			}
		}
		const setCookies = res.headers.getSetCookie?.() ?? [];
		const auth = setCookies.find((c) => c.startsWith('n8n-auth='));
		if (auth) this.cookie = auth.split(';')[0];
		const text = await res.text();
		let json: unknown = undefined;
		try {
			json = JSON.parse(text);
		} catch {
			// not JSON (an icon, a page)
		}
		return { status: res.status, json, text };
	}

	/** Creates the owner account when n8n has none yet (a fresh user folder), then logs in. */
	async setupOwnerAndLogin(owner = OWNER): Promise<void> {
		const setup = await this.request('POST', '/rest/owner/setup', owner);
		// 400 when the owner exists already (a second start of the same user folder).
		if (setup.status !== 200 && setup.status !== 400) {
			throw new HarnessError(`owner setup answered ${setup.status}: ${setup.text.slice(0, 500)}`);
		}
		await this.login(owner);
	}

	async login(owner = OWNER): Promise<void> {
		const res = await this.request('POST', '/rest/login', {
			email: owner.email,
			emailOrLdapLoginId: owner.email,
			password: owner.password,
		});
		if (res.status !== 200 || !this.cookie)
			throw new HarnessError(`login answered ${res.status}: ${res.text.slice(0, 500)}`);
	}
}

// ---------------------------------------------------------------- credential and the stack

export function credentialData(
	soapBaseUrl: string,
	token = DEMO_LOGIN.token,
): Record<string, string> {
	return {
		email: DEMO_LOGIN.email,
		token,
		subdomain: DEMO_LOGIN.subdomain,
		environment: 'custom',
		customBaseUrl: soapBaseUrl,
	};
}

/**
 * Imports the emulator credential with a fixed ID (n8n encrypts it with the fixed key); another ID
 * and name for a second emulator.
 */
export async function importCredential(
	n8n: N8n,
	soapBaseUrl: string,
	as: { id: string; name: string } = { id: CREDENTIAL_ID, name: CREDENTIAL_NAME },
	fields: Record<string, string | number> = {},
): Promise<void> {
	const file = path.join(n8n.userFolder, 'credential.json');
	writeFileSync(
		file,
		JSON.stringify([
			{
				id: as.id,
				name: as.name,
				type: 'nmbrsApi',
				data: { ...credentialData(soapBaseUrl), ...fields },
			},
		]),
	);
	await n8n.cli(['import:credentials', `--input=${file}`]);
	rmSync(file);
}

/**
 * n8n serves the node list and the node's icon to the logged-in editor: both must show our
 * package (the node, its tool version and the trigger), or the run fails with n8n's log.
 */
export async function checkPackageServed(
	n8n: N8n,
	rest: RestSession,
): Promise<{ iconUrl: string }> {
	const res = await rest.request('GET', '/types/nodes.json');
	if (res.status !== 200 || !Array.isArray(res.json)) {
		throw new HarnessError(`GET /types/nodes.json answered ${res.status}\n${n8n.describeLog()}`);
	}
	const types = res.json as Array<{ name: string; iconUrl?: string | { light: string } }>;
	const names = types.map((t) => t.name);
	// nmbrsTool: the version n8n makes of a node marked usableAsTool, for AI agents.
	for (const wanted of [
		`${PACKAGE_NAME}.nmbrs`,
		`${PACKAGE_NAME}.nmbrsTrigger`,
		`${PACKAGE_NAME}.nmbrsWebhookTrigger`,
		`${PACKAGE_NAME}.nmbrsTool`,
	]) {
		if (!names.includes(wanted)) {
			throw new HarnessError(
				`n8n ${n8n.install.version} did not load ${wanted}\n${n8n.describeLog()}`,
			);
		}
	}
	const node = types.find((t) => t.name === `${PACKAGE_NAME}.nmbrs`);
	const raw = node?.iconUrl;
	const iconUrl = typeof raw === 'string' ? raw : raw?.light;
	if (!iconUrl) throw new HarnessError(`n8n lists ${PACKAGE_NAME}.nmbrs without an icon URL`);
	const icon = await rest.request('GET', `/${iconUrl.replace(/^\//, '')}`);
	if (icon.status !== 200 || !icon.text.includes('<svg')) {
		throw new HarnessError(
			`the node's icon ${iconUrl} answered ${icon.status}, not an SVG: ${icon.text.slice(0, 200)}`,
		);
	}
	return { iconUrl };
}

export interface StackOptions {
	n8nVersion?: string;
	/** The emulator's "now" (Dutch local time); default a fixed day, so runs repeat. */
	worldNow?: string;
	/** Emulator port (default: a free one). */
	emulatorPort?: number;
	/** n8n user folder (default: a new temporary one). */
	userFolder?: string;
	/** Workflow files to import (JSON, one workflow each); `{{EMULATOR_URL}}` is replaced. */
	workflows?: string[];
	/** Extra environment for n8n. */
	env?: Record<string, string>;
}

export interface Stack {
	emulator: RunningEmulator;
	n8n: N8n;
	editorUrl: string;
	owner: typeof OWNER;
	rest: RestSession;
	credentialId: string;
	stop(): Promise<void>;
}

/** The emulator's addresses and, for the demo, the folder example workflows write files to. */
export type Placeholders = Pick<RunningEmulator, 'url' | 'soapBaseUrl'> & { outputDir?: string };

/** Replaces the placeholders the workflow files use. */
export function fillPlaceholders(text: string, emulator: Placeholders): string {
	return text
		.replace(
			/\{\{DEMO_OUTPUT\}\}/g,
			emulator.outputDir ?? path.join(tmpdir(), 'n8n-nodes-nmbrs-output'),
		)
		.replace(/\{\{EMULATOR_URL\}\}/g, emulator.url)
		.replace(/\{\{SOAP_BASE_URL\}\}/g, emulator.soapBaseUrl)
		.replace(/\{\{CREDENTIAL_ID\}\}/g, CREDENTIAL_ID)
		.replace(/\{\{CREDENTIAL_NAME\}\}/g, CREDENTIAL_NAME);
}

/** Imports workflow files (placeholders filled) in one n8n command. */
export async function importWorkflows(
	n8n: N8n,
	files: string[],
	emulator: Placeholders,
): Promise<void> {
	if (files.length === 0) return;
	const dir = mkdtempSync(path.join(n8n.userFolder, 'import-'));
	files.forEach((file, i) => {
		writeFileSync(
			path.join(dir, `${String(i).padStart(3, '0')}.json`),
			fillPlaceholders(readFileSync(file, 'utf8'), emulator),
		);
	});
	await n8n.cli(['import:workflow', '--separate', `--input=${dir}`]);
	rmSync(dir, { recursive: true, force: true });
}

/**
 * Emulator + n8n (cached install) with the packed package, the emulator credential, an owner
 * account and the given workflows. Builds nothing: run `npm run build` first.
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
	const { startEmulator } = builtEmulator();
	const version = options.n8nVersion ?? N8N_VERSIONS[0];
	const install = installN8n(version);
	const emulator = await startEmulator({
		port: options.emulatorPort ?? 0,
		worldNow: options.worldNow ?? '2026-11-25T09:00:00',
	});
	const fresh =
		options.userFolder === undefined ||
		!existsSync(path.join(options.userFolder, '.n8n', 'database.sqlite'));
	const userFolder =
		options.userFolder ?? mkdtempSync(path.join(tmpdir(), `n8n-nodes-nmbrs-${version}-`));
	// A temporary user folder goes with the stack; one the caller named stays.
	const cleanUp = () =>
		options.userFolder === undefined
			? rmSync(userFolder, { recursive: true, force: true })
			: undefined;
	const n8n = await N8n.create(install, userFolder, options.env);
	try {
		const tarball = packPackage(path.join(userFolder, 'pack'));
		installPackage(userFolder, tarball, install);
		if (fresh) {
			await importCredential(n8n, emulator.soapBaseUrl);
			await importWorkflows(n8n, options.workflows ?? [], emulator);
		}
		await n8n.start();
		const rest = new RestSession(n8n.url);
		await rest.setupOwnerAndLogin();
		await checkPackageServed(n8n, rest);
		return {
			emulator,
			n8n,
			editorUrl: `${n8n.url}/`,
			owner: OWNER,
			rest,
			credentialId: CREDENTIAL_ID,
			stop: async () => {
				await n8n.stop();
				await emulator.close();
				cleanUp();
			},
		};
	} catch (error) {
		await n8n.stop();
		await emulator.close();
		process.stderr.write(`n8n user folder kept for a look: ${userFolder}\n`);
		throw error;
	}
}
