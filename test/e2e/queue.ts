/**
 * `npm run test:queue`: the package in n8n 2.41.1's queue mode, as users who outgrow one n8n run
 * it. Redis and PostgreSQL from Debian's packages (services.ts), one main instance, two workers
 * (`n8n worker`) and one webhook processor (`n8n webhook`), each with its own user folder and the
 * packed package installed as n8n's installer does; binary data in `database` mode, the mode n8n
 * 2.x uses in queue mode (every process reaches it; `filesystem` would leave a payslip on the
 * worker that made it).
 *
 * Each check is one entry of CHECKS, run in order against the running setup:
 *   - the action node's bulk read and a payslip download (binary), called through the webhook
 *     processor, run on a worker (the worker's log names the execution) and answer once;
 *   - fair use: one bulk read alone, then one on each worker at once, then the same pair with the
 *     credential's Calls per Second at 75 (each worker's share), against a second emulator with
 *     400 companies; prints the calls per second that emulator saw (the README's figures);
 *   - the polling trigger (activated in main, its executions on the workers): every locked
 *     declaration delivered exactly once, one more poll emitting nothing;
 *   - the webhook trigger (registered by main, deliveries taken by the webhook processor, the
 *     executions on the workers): a locked run reaches the workflow within seconds, once.
 *
 *   npm run test:queue              (build first: npm run build)
 *   npm run test:queue -- --keep    keep the user folders and logs
 */
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';

import type { RunningEmulator } from '../../emulator/src';
import {
	builtEmulator,
	checkPackageServed,
	CREDENTIAL_ID,
	CREDENTIAL_NAME,
	HarnessError,
	importCredential,
	importWorkflows,
	installN8n,
	installPackage,
	N8n,
	packPackage,
	printStageTimes,
	RestSession,
	sleep,
	stage,
	type N8nInstall,
} from '../../scripts/e2e/harness';
import { ACTIVATION_LOG } from './credentialTest';
import { startPostgres, startRedis, POSTGRES_DATABASE, POSTGRES_USER } from './queue/services';
import { WORLD_NOW } from './run';
import { admin } from './emulatorAdmin';
import { compare, declarations, delivered, TRIGGER_WORKFLOW, TRIGGER_WORKFLOW_ID } from './trigger';
import { runWebhookScenario, WEBHOOK_WORKFLOW, WEBHOOK_WORKFLOW_ID } from './webhookTrigger';

const VERSION = '2.41.1';
/** The fair-use emulator's world: a bulk read of it made 1,201 calls. */
const FAIR_USE_WORLD = { companies: 400, employees: 800 };
const FAIR_USE_CREDENTIAL = { id: 'nmbrsFairUse0001', name: 'Nmbrs emulator (fair use)' };
/** The same login with Calls per Second at half of Nmbrs' 150: each of two workers' share. */
const FAIR_SHARE_CREDENTIAL = { id: 'nmbrsFairShare01', name: 'Nmbrs emulator (75 per second)' };

// ---------------------------------------------------------------- the setup

interface Setup {
	install: N8nInstall;
	main: N8n;
	workers: N8n[];
	webhook: N8n;
	rest: RestSession;
	emulator: RunningEmulator;
	fairUseEmulator: RunningEmulator;
	/** n8n's own copy of flatted, which reads saved run data. */
	flatted: { parse(text: string): unknown };
}

/** What every process of the setup shares: queue mode, Redis, PostgreSQL, binary data in the database. */
function queueEnv(redisPort: number, postgresPort: number): Record<string, string> {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redisPort),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(postgresPort),
		DB_POSTGRESDB_DATABASE: POSTGRES_DATABASE,
		DB_POSTGRESDB_USER: POSTGRES_USER,
		DB_POSTGRESDB_PASSWORD: '',
		// n8n 2.x's default in queue mode, named so that a change of default shows here.
		N8N_DEFAULT_BINARY_DATA_MODE: 'database',
		// Manual runs go to the workers too (the main only runs triggers and pollers).
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
	};
}

const credentials = (as: { id: string; name: string }) => ({
	nmbrsApi: { id: as.id, name: as.name },
});
const EMULATOR_CREDENTIAL = { id: CREDENTIAL_ID, name: CREDENTIAL_NAME };

/** Webhook (answers with the last node's output) -> the given Nmbrs nodes in a row. */
function webhookWorkflow(
	id: string,
	webhookPath: string,
	response: Record<string, unknown>,
	nodes: Array<{
		name: string;
		parameters: Record<string, unknown>;
		credential?: typeof EMULATOR_CREDENTIAL;
	}>,
): Record<string, unknown> {
	const chain = ['Webhook', ...nodes.map((n) => n.name)];
	return {
		id,
		name: `queue: ${webhookPath}`,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: `${id}-0`,
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: `${id}-hook`,
				parameters: {
					httpMethod: 'POST',
					path: webhookPath,
					responseMode: 'lastNode',
					...response,
					options: {},
				},
			},
			...nodes.map((n, i) => ({
				id: `${id}-${i + 1}`,
				name: n.name,
				type: 'n8n-nodes-nmbrs.nmbrs',
				typeVersion: 1,
				position: [240 * (i + 1), 0],
				credentials: credentials(n.credential ?? EMULATOR_CREDENTIAL),
				parameters: n.parameters,
			})),
		],
		connections: Object.fromEntries(
			chain
				.slice(0, -1)
				.map((from, i) => [from, { main: [[{ node: chain[i + 1], type: 'main', index: 0 }]] }]),
		),
	};
}

const rl = (value: string) => ({ __rl: true, mode: 'id', value });

/** Every company's employees with their personal info, read with this credential. */
function bulkRead(id: string, path: string, credential: { id: string; name: string }) {
	return webhookWorkflow(id, path, { responseData: 'noData' }, [
		{
			name: 'Companies',
			credential,
			parameters: { resource: 'company', operation: 'getMany', scope: 'all', returnAll: true },
		},
		{
			name: 'Employees',
			credential,
			parameters: {
				resource: 'employee',
				operation: 'getMany',
				companyId: rl('={{ $json.ID }}'),
				employeeType: 2,
				returnAll: true,
				options: { includePersonalInfo: true },
			},
		},
	]);
}

const WORKFLOWS = {
	employees: webhookWorkflow('queueEmployees', 'queue-employees', { responseData: 'allEntries' }, [
		{
			name: 'Nmbrs',
			parameters: {
				resource: 'employee',
				operation: 'getMany',
				companyId: rl('50010'),
				employeeType: 2,
				returnAll: true,
			},
		},
	]),
	payslips: webhookWorkflow(
		'queuePayslips',
		'queue-payslips',
		{ responseData: 'firstEntryBinary', responseBinaryPropertyName: 'data' },
		[
			{
				name: 'Nmbrs',
				parameters: {
					resource: 'salaryDocument',
					operation: 'getPayslips',
					companyId: rl('50001'),
					year: '2026',
					runId: rl('90024'),
					split: 'employee',
				},
			},
		],
	),
	// Every company's employees with their personal info.
	fairUse: bulkRead('queueFairUse', 'queue-fair-use', FAIR_USE_CREDENTIAL),
	// The same with the credential's Calls per Second at 75.
	fairShare: bulkRead('queueFairShare', 'queue-fair-share', FAIR_SHARE_CREDENTIAL),
};

/** Every workflow of the setup, published before main starts. */
const PUBLISHED = [
	...Object.values(WORKFLOWS).map((w) => String(w.id)),
	TRIGGER_WORKFLOW_ID,
	WEBHOOK_WORKFLOW_ID,
];

async function startSetup(scratch: string): Promise<{ setup: Setup; stop: () => Promise<void> }> {
	const stops: Array<() => Promise<void>> = [];
	const stop = async () => {
		for (const s of stops.reverse()) await s().catch(() => undefined);
	};
	try {
		const install = await stage(`n8n ${VERSION}: install (cached after the first run)`, () =>
			installN8n(VERSION),
		);
		const [redis, postgres] = await stage('Redis and PostgreSQL (loopback, temporary data)', () =>
			Promise.all([startRedis(), startPostgres()]),
		);
		stops.push(redis.stop, postgres.stop);
		const { startEmulator } = builtEmulator();
		// Plain http to loopback: the webhook processor's URL is http://127.0.0.1:<port>/.
		const emulator = await startEmulator({
			port: 0,
			worldNow: WORLD_NOW,
			allowHttpWebhooks: true,
		});
		const fairUseEmulator = await startEmulator({
			port: 0,
			worldNow: WORLD_NOW,
			world: FAIR_USE_WORLD,
		});
		stops.push(
			() => emulator.close(),
			() => fairUseEmulator.close(),
		);

		const env = queueEnv(redis.port, postgres.port);
		const processes = await Promise.all(
			['main', 'worker-1', 'worker-2', 'webhook'].map((name) =>
				N8n.create(install, path.join(scratch, name), env),
			),
		);
		const [main, worker1, worker2, webhook] = processes;
		await stage('pack the package; install it into each process as n8n does', () => {
			const tarball = packPackage(path.join(scratch, 'pack'));
			for (const p of processes) installPackage(p.userFolder, tarball, install);
		});
		await stage(
			'import credentials and workflows; publish them (n8n CLI, PostgreSQL)',
			async () => {
				await importCredential(main, emulator.soapBaseUrl);
				await importCredential(main, fairUseEmulator.soapBaseUrl, FAIR_USE_CREDENTIAL);
				await importCredential(main, fairUseEmulator.soapBaseUrl, FAIR_SHARE_CREDENTIAL, {
					callsPerSecond: 75,
				});
				const files = Object.entries(WORKFLOWS).map(([name, workflow]) => {
					const file = path.join(scratch, `${name}.json`);
					writeFileSync(file, JSON.stringify(workflow));
					return file;
				});
				await importWorkflows(main, [...files, TRIGGER_WORKFLOW, WEBHOOK_WORKFLOW], emulator);
				// One CLI start each (about 6 s): side by side.
				await Promise.all(PUBLISHED.map((id) => main.cli(['publish:workflow', `--id=${id}`])));
			},
		);
		// Main first: it migrates the database; the others start on it together.
		// Main registers the webhook trigger at Nmbrs with the webhook processor's address.
		const webhookUrl = { WEBHOOK_URL: `${webhook.url}/` };
		await stage('start main (n8n start)', () => main.start({ ...ACTIVATION_LOG, ...webhookUrl }));
		stops.push(() => main.stop());
		await stage('start two workers and a webhook processor', () =>
			Promise.all([
				worker1.start(webhookUrl, 'worker'),
				worker2.start(webhookUrl, 'worker'),
				webhook.start(webhookUrl, 'webhook'),
			]),
		);
		stops.push(
			() => worker1.stop(),
			() => worker2.stop(),
			() => webhook.stop(),
		);
		const rest = new RestSession(main.url);
		await rest.setupOwnerAndLogin();
		await checkPackageServed(main, rest);
		const flatted = require(path.join(install.dir, 'node_modules', 'flatted')) as Setup['flatted'];
		return {
			setup: {
				install,
				main,
				workers: [worker1, worker2],
				webhook,
				rest,
				emulator,
				fairUseEmulator,
				flatted,
			},
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}

/**
 * Main activates what was published before it started (the triggers' first look included); its
 * debug log reports each outcome. Fails with the first that is not `completed`.
 */
async function activated(setup: Setup): Promise<void> {
	for (const id of PUBLISHED) {
		const [line] = await setup.main.waitForLog(
			new RegExp(`Finished processing workflow publication outbox record.*"${id}".*`),
			120_000,
			`the activation of ${id}`,
		);
		if (!/"result":\s*"completed"/.test(line))
			throw new HarnessError(`${id} did not activate: ${line}\n${setup.main.describeLog()}`);
	}
}

// ---------------------------------------------------------------- executions

interface Execution {
	id: string;
	status: string;
}

async function executionsOf(setup: Setup, workflowId: string): Promise<Execution[]> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const res = await setup.rest.request('GET', `/rest/executions?filter=${filter}&limit=100`);
	const results = (res.json as { data?: { results?: Execution[] } }).data?.results;
	if (!results)
		throw new HarnessError(
			`GET /rest/executions answered ${res.status}: ${res.text.slice(0, 300)}`,
		);
	return results;
}

/** The processes whose log says they ran execution `id` ("Worker started execution 7 (job 7)"). */
function ranBy(setup: Setup, id: string): string[] {
	const started = new RegExp(`Worker started execution ${id} \\(`);
	return [setup.main, ...setup.workers, setup.webhook]
		.filter((p) => started.test(p.output))
		.map((p) => path.basename(p.userFolder));
}

/** Problems unless each execution ran on exactly one worker (never on main or the webhook processor). */
function problemsOfPlacement(setup: Setup, executions: Execution[]): string[] {
	return executions.flatMap((e) => {
		const by = ranBy(setup, e.id);
		if (by.length === 1 && by[0].startsWith('worker')) return [];
		return [
			`execution ${e.id} ran on ${by.length ? by.join(' and ') : 'no worker'} (expected one worker)`,
		];
	});
}

interface RunItem {
	json: Record<string, unknown>;
	binary?: Record<string, { id?: string; mimeType?: string; fileName?: string; data?: string }>;
}

/** The items a node gave in a saved execution. */
async function nodeOutput(setup: Setup, executionId: string, node: string): Promise<RunItem[]> {
	const res = await setup.rest.request('GET', `/rest/executions/${executionId}`);
	const data = (res.json as { data?: { data?: string } }).data?.data;
	if (typeof data !== 'string') throw new HarnessError(`execution ${executionId} has no run data`);
	const run = setup.flatted.parse(data) as {
		resultData?: { runData?: Record<string, Array<{ data?: { main?: RunItem[][] } }>> };
	};
	return run.resultData?.runData?.[node]?.[0]?.data?.main?.[0] ?? [];
}

/** POSTs to a production webhook on the webhook processor. */
async function callWebhook(setup: Setup, webhookPath: string): Promise<Response> {
	const res = await fetch(`${setup.webhook.url}/webhook/${webhookPath}`, { method: 'POST' });
	if (!res.ok)
		throw new HarnessError(
			`the webhook ${webhookPath} answered ${res.status}: ${(await res.text()).slice(0, 300)}\n${setup.webhook.describeLog()}`,
		);
	return res;
}

// ---------------------------------------------------------------- the checks

async function checkBulkRead(setup: Setup): Promise<string[]> {
	const res = await callWebhook(setup, 'queue-employees');
	const items = (await res.json()) as Array<Record<string, unknown>>;
	const problems: string[] = [];
	if (!Array.isArray(items) || items.length === 0) return ['the bulk read answered no employees'];
	const ids = items.map((i) => i.Id);
	if (new Set(ids).size !== ids.length) problems.push('an employee came twice');
	if (!items.every((i) => i.CompanyId === 50010 && typeof i.DisplayName === 'string'))
		problems.push(`not every item is an employee of company 50010: ${JSON.stringify(items[0])}`);
	const executions = await executionsOf(setup, String(WORKFLOWS.employees.id));
	if (executions.length !== 1) problems.push(`${executions.length} executions for one call`);
	problems.push(...problemsOfPlacement(setup, executions));
	process.stdout.write(
		`    ${items.length} employees, execution ${executions[0]?.id} on ${ranBy(setup, executions[0]?.id ?? '')}\n`,
	);
	return problems;
}

async function checkPayslips(setup: Setup): Promise<string[]> {
	const res = await callWebhook(setup, 'queue-payslips');
	const body = Buffer.from(await res.arrayBuffer());
	const problems: string[] = [];
	if (body.subarray(0, 4).toString('latin1') !== '%PDF')
		problems.push(`the webhook answered no PDF: ${body.subarray(0, 40).toString('latin1')}`);
	if (!String(res.headers.get('content-type')).startsWith('application/pdf'))
		problems.push(`content type ${res.headers.get('content-type')}`);
	const executions = await executionsOf(setup, String(WORKFLOWS.payslips.id));
	if (executions.length !== 1) return [...problems, `${executions.length} executions for one call`];
	problems.push(...problemsOfPlacement(setup, executions));
	const items = await nodeOutput(setup, executions[0].id, 'Nmbrs');
	if (items.length !== 9) problems.push(`${items.length} payslips, expected 9`);
	// Stored by the worker in PostgreSQL, read from there by the webhook processor.
	const notInDatabase = items.filter(
		(i) => !String(i.binary?.data?.id ?? '').startsWith('database:'),
	);
	if (notInDatabase.length)
		problems.push(
			`${notInDatabase.length} payslips not in database mode: ${JSON.stringify(notInDatabase[0]?.binary?.data)}`,
		);
	process.stdout.write(
		`    ${items.length} payslips (${items[0]?.binary?.data?.id}), a ${body.length}-byte PDF answered; execution ${executions[0].id} on ${ranBy(setup, executions[0].id)}\n`,
	);
	return problems;
}

interface Rate {
	calls: number;
	seconds: number;
	/** Most calls that arrived within any one second. */
	peak: number;
	throttled: number;
}

/** The calls the emulator saw since `afterSeq`: count, span, busiest second, throttled. */
async function rateSince(
	emulator: RunningEmulator,
	afterSeq: number,
): Promise<Rate & { lastSeq: number }> {
	const log = await admin<{ items: Array<{ seq: number; time: number; throttled: boolean }> }>(
		emulator,
		'GET',
		'requests',
	);
	const items = log.items.filter((e) => e.seq > afterSeq);
	const times = items.map((e) => e.time).sort((a, b) => a - b);
	let peak = 0;
	for (let start = 0, end = 0; end < times.length; end++) {
		while (times[end] - times[start] >= 1000) start++;
		peak = Math.max(peak, end - start + 1);
	}
	return {
		calls: items.length,
		seconds: times.length ? (times[times.length - 1] - times[0]) / 1000 : 0,
		peak,
		throttled: items.filter((e) => e.throttled).length,
		lastSeq: Math.max(afterSeq, ...log.items.map((e) => e.seq)),
	};
}

const describeRate = (r: Rate) =>
	`${r.calls} calls in ${r.seconds.toFixed(1)} s (${(r.calls / Math.max(r.seconds, 0.001)).toFixed(0)}/s on average), busiest second ${r.peak} calls, ${r.throttled} throttled`;

async function checkFairUse(setup: Setup): Promise<string[]> {
	const emulator = setup.fairUseEmulator;
	const workflowId = String(WORKFLOWS.fairUse.id);
	const problems: string[] = [];
	let seq = (await rateSince(emulator, 0)).lastSeq;

	await callWebhook(setup, 'queue-fair-use');
	const alone = await rateSince(emulator, seq);
	// Printed, not asserted: how fast depends on the machine (the limiter's bound has unit tests).
	process.stdout.write(`    one worker:  ${describeRate(alone)}\n`);
	seq = alone.lastSeq;

	const before = new Set((await executionsOf(setup, workflowId)).map((e) => e.id));
	await Promise.all([callWebhook(setup, 'queue-fair-use'), callWebhook(setup, 'queue-fair-use')]);
	const both = await rateSince(emulator, seq);
	const pair = (await executionsOf(setup, workflowId)).filter((e) => !before.has(e.id));
	const placement = pair.map((e) => ranBy(setup, e.id).join('+'));
	process.stdout.write(
		`    two workers: ${describeRate(both)} (executions on ${placement.join(' and ')})\n`,
	);
	problems.push(...problemsOfPlacement(setup, pair));
	if (pair.length !== 2) problems.push(`${pair.length} executions for two calls`);
	else if (placement[0] === placement[1])
		problems.push(`both bulk reads ran on ${placement[0]}: the measure needs one on each worker`);
	if (both.calls !== 2 * alone.calls)
		problems.push(`two bulk reads made ${both.calls} calls, one made ${alone.calls}`);
	seq = both.lastSeq;

	// The credential's Calls per Second at 75: each worker keeps to its share of the login's 150.
	const shareId = String(WORKFLOWS.fairShare.id);
	const beforeShare = new Set((await executionsOf(setup, shareId)).map((e) => e.id));
	await Promise.all([
		callWebhook(setup, 'queue-fair-share'),
		callWebhook(setup, 'queue-fair-share'),
	]);
	const shared = await rateSince(emulator, seq);
	const sharePair = (await executionsOf(setup, shareId)).filter((e) => !beforeShare.has(e.id));
	process.stdout.write(
		`    two workers at Calls per Second 75: ${describeRate(shared)} (executions on ${sharePair.map((e) => ranBy(setup, e.id).join('+')).join(' and ')})\n`,
	);
	problems.push(...problemsOfPlacement(setup, sharePair));
	const sharePlacement = sharePair.map((e) => ranBy(setup, e.id).join('+'));
	if (sharePair.length === 2 && sharePlacement[0] === sharePlacement[1])
		problems.push(`both bulk reads at 75 per second ran on ${sharePlacement[0]}`);
	if (shared.calls !== both.calls)
		problems.push(`two bulk reads at 75 per second made ${shared.calls} calls, not ${both.calls}`);
	return problems;
}

/**
 * The trigger workflow was published before main started, so main's activation poll recorded what
 * exists. Locks a declaration, waits for the poll that delivers it; ends the month, waits for
 * November's; then waits for one more poll and checks that nothing came twice.
 */
async function checkTrigger(setup: Setup): Promise<string[]> {
	const { emulator } = setup;
	const problems: string[] = [];
	const afterBaseline = await delivered(emulator);
	if (afterBaseline.length)
		problems.push(
			`activation emitted ${afterBaseline.length} items; it should only record what exists`,
		);

	const waitFor = async (count: number, what: string) => {
		// Polls come every minute; allow one tick and the execution on a worker.
		const deadline = Date.now() + 90_000;
		while ((await delivered(emulator)).length < count) {
			if (Date.now() > deadline)
				throw new HarnessError(`no delivery of ${what} within 90 s\n${setup.main.describeLog()}`);
			await sleep(500);
		}
	};
	const x = (await declarations(emulator)).find((d) => d.status === 'open');
	if (!x) return ['the emulator world has no open declaration to lock'];
	await admin(emulator, 'POST', `declarations/${x.id}/status`, { status: 'locked' });
	await waitFor(1, `declaration ${x.id}`);
	const lockedBefore = new Set(
		(await declarations(emulator)).filter((d) => d.status === 'locked').map((d) => d.id),
	);
	await admin(emulator, 'POST', 'clock/advance', { to: '2026-12-01T09:00:00' });
	const newlyLocked = (await declarations(emulator))
		.filter((d) => d.status === 'locked' && !lockedBefore.has(d.id))
		.map((d) => d.id);
	if (newlyLocked.length === 0) problems.push('advancing the clock locked no declaration');
	await waitFor(1 + newlyLocked.length, "November's declarations");

	// One more poll: it must emit nothing. The emulator's log shows when it has asked.
	const seq = (await rateSince(emulator, 0)).lastSeq;
	const deadline = Date.now() + 75_000;
	while ((await rateSince(emulator, seq)).calls === 0) {
		if (Date.now() > deadline) throw new HarnessError('no poll within 75 s of the last delivery');
		await sleep(500);
	}
	await sleep(10_000); // time enough for a (wrong) execution on a worker to deliver
	const items = await delivered(emulator);
	problems.push(...compare('after one more poll', items, [x.id, ...newlyLocked], true));

	const executions = await executionsOf(setup, TRIGGER_WORKFLOW_ID);
	problems.push(...problemsOfPlacement(setup, executions));
	process.stdout.write(
		`    ${items.length} declarations delivered by ${executions.length} executions on ${[...new Set(executions.flatMap((e) => ranBy(setup, e.id)))].join(', ')}\n`,
	);
	return problems;
}

/**
 * The webhook trigger's scenario (webhookTrigger.ts) with the deliveries going to the webhook
 * processor; its executions must run on the workers.
 */
async function checkWebhookTrigger(setup: Setup): Promise<string[]> {
	const problems = await runWebhookScenario(setup.main, setup.emulator);
	const endpoints = Object.values(setup.emulator.world.webhookSettings ?? {})
		.flat()
		.filter((s) => s.name.includes(`n8n workflow ${WEBHOOK_WORKFLOW_ID}`))
		.map((s) => s.endpoint);
	const elsewhere = endpoints.filter((e) => !e.startsWith(`${setup.webhook.url}/webhook/`));
	if (elsewhere.length)
		problems.push(`registered outside the webhook processor: ${elsewhere.join(', ')}`);
	const executions = await executionsOf(setup, WEBHOOK_WORKFLOW_ID);
	if (executions.length === 0) problems.push('the webhook trigger started no execution');
	problems.push(...problemsOfPlacement(setup, executions));
	process.stdout.write(
		`    ${executions.length} executions on ${executions.flatMap((e) => ranBy(setup, e.id)).join(', ')}\n`,
	);
	return problems;
}

/**
 * In order. The polling trigger needs a minute or two of polls; the webhook trigger comes after it,
 * as the run it locks must not be in the polling check's world.
 */
const CHECKS: Array<{ name: string; run: (setup: Setup) => Promise<string[]> }> = [
	{ name: 'bulk read through the webhook processor, on a worker', run: checkBulkRead },
	{
		name: 'payslip PDFs (binary, database mode) answered by the webhook processor',
		run: checkPayslips,
	},
	{ name: 'fair use: calls per second with one and with two workers', run: checkFairUse },
	{
		name: 'polling trigger: each locked declaration delivered once, from the workers',
		run: checkTrigger,
	},
	{
		name: 'webhook trigger: a locked run reaches the workflow through the webhook processor, once',
		run: checkWebhookTrigger,
	},
];

async function main(): Promise<void> {
	const keep = process.argv.includes('--keep');
	const scratch = mkdtempSync(path.join(tmpdir(), 'n8n-nodes-nmbrs-queue-'));
	const outcomes: Array<{ name: string; problems: string[] }> = [];
	let crashed: unknown;
	let stop = async () => undefined as void;
	try {
		const started = await startSetup(scratch);
		stop = started.stop;
		// Activation of the trigger (its first poll) before anything is locked.
		await stage('main: every published workflow activated', () => activated(started.setup));
		for (const check of CHECKS) {
			let problems: string[];
			try {
				problems = await stage(check.name, () => check.run(started.setup));
			} catch (error) {
				problems = [error instanceof Error ? error.message : String(error)];
			}
			outcomes.push({ name: check.name, problems });
			process.stdout.write(
				`  ${problems.length ? '✗' : '✓'} ${check.name}\n${problems.map((p) => `      ${p.replace(/\n/g, '\n      ')}\n`).join('')}`,
			);
		}
		const load = [started.setup.main, ...started.setup.workers, started.setup.webhook].flatMap(
			(p) => p.loadFailures(),
		);
		if (load.length) outcomes.push({ name: 'the package loads in every process', problems: load });
	} catch (error) {
		crashed = error;
	}
	await stage('stop n8n, Redis and PostgreSQL', stop);
	printStageTimes();
	const failed = outcomes.filter((o) => o.problems.length);
	if (crashed)
		process.stdout.write(
			`\nthe queue-mode run stopped: ${crashed instanceof Error ? crashed.message : String(crashed)}\n`,
		);
	if (keep || failed.length || crashed)
		process.stdout.write(`\nuser folders and logs kept: ${scratch}\n`);
	else rmSync(scratch, { recursive: true, force: true });
	process.stdout.write(
		`\nqueue mode: ${outcomes.length - failed.length} passed, ${failed.length + (crashed ? 1 : 0)} failed\n`,
	);
	process.exitCode = failed.length || crashed ? 1 : 0;
}

if (require.main === module) {
	void main();
}
