/**
 * Where the bulk read's time goes inside real n8n 2.41.1 (prints numbers; not a test): the
 * workflow of case 1 run three times in an n8n server under Node's sampling profiler, then the
 * samples of the last execution summed by where they were: idle (waiting for the network), our package, n8n's packages, others; and the time spent
 * under a few functions of interest, with the emulator's CPU time beside it.
 *
 * Run: npm run bench:profile   (needs the end-to-end n8n install: npm run test:e2e once)
 */
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';

import { bulkReadEmulator } from './cases/bulkRead';
import { n8nInstalled, openBulkReadInN8n } from './cases/bulkReadInN8n';
import { sleep } from '../scripts/e2e/harness';

/** The pause between runs, which tells them apart in the profile. */
const RUN_GAP_MS = 3000;

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string };
	children?: number[];
}
interface Profile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
}

/** Functions whose inclusive time (stack contains them) is worth printing. */
const WATCHED = [
	'httpRequestWithAuthentication',
	'getCredentials',
	'authenticate',
	'preAuthentication',
	'httpRequest',
	'nmbrsRequest',
	'callNmbrs',
	'readResponse',
	'buildRequest',
	'returnRows',
];

/** Where a frame's code lives: our package, an npm package, Node itself, or V8's own entries. */
function placeOf(frame: ProfileNode['callFrame']): string {
	const { url, functionName } = frame;
	if (url === '') return functionName || '(anonymous)';
	if (url.startsWith('node:')) return 'node (internals)';
	const modules = url.split('/node_modules/');
	if (modules.length === 1) return 'other';
	const rest = modules[modules.length - 1].split('/');
	const name = rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
	return name === 'n8n-nodes-nmbrs' ? 'ours (n8n-nodes-nmbrs)' : name;
}

function summarise(profile: Profile): void {
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const parent = new Map<number, number>();
	for (const node of profile.nodes)
		for (const child of node.children ?? []) parent.set(child, node.id);
	const stackOf = (id: number) => {
		const stack: ProfileNode[] = [];
		for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
			stack.push(byId.get(at) as ProfileNode);
		}
		return stack;
	};
	// The measured execution: the last run of samples in our package's code, the runs being
	// RUN_GAP_MS apart (the cache path of the n8n install also contains the package's name).
	const ours = (id: number) =>
		stackOf(id).some((n) => n.callFrame.url.includes('/node_modules/n8n-nodes-nmbrs/'));
	const at: number[] = [];
	profile.timeDeltas.reduce((time, delta, i) => (at[i] = time + delta / 1000), 0);
	let last = profile.samples.length - 1;
	while (last > 0 && !ours(profile.samples[last])) last--;
	let first = last;
	for (let i = last - 1; i >= 0 && at[first] - at[i] < RUN_GAP_MS / 2; i--) {
		if (ours(profile.samples[i])) first = i;
	}

	const self = new Map<string, number>();
	const selfByFunction = new Map<string, number>();
	const inclusive = new Map<string, number>();
	let total = 0;
	for (let i = first; i <= last; i++) {
		const ms = profile.timeDeltas[i] / 1000;
		total += ms;
		const stack = stackOf(profile.samples[i]);
		const place = placeOf(stack[0].callFrame);
		self.set(place, (self.get(place) ?? 0) + ms);
		const { functionName, url } = stack[0].callFrame;
		const fn = `${functionName || '(anonymous)'} ${url.split('/node_modules/').pop() ?? ''}`;
		selfByFunction.set(fn, (selfByFunction.get(fn) ?? 0) + ms);
		const names = new Set(stack.map((n) => n.callFrame.functionName));
		for (const name of WATCHED)
			if (names.has(name)) inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
	}
	const line = (label: string, ms: number) =>
		console.log(
			`  ${label.padEnd(90)} ${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / total).toFixed(1).padStart(5)} %`,
		);
	console.log(`\nthe execution's samples (${total.toFixed(0)} ms), by where the code ran:`);
	for (const [place, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15)) line(place, ms);
	console.log('\nthe functions that ran longest themselves (self time):');
	for (const [fn, ms] of [...selfByFunction].sort((a, b) => b[1] - a[1]).slice(0, 25)) line(fn, ms);
	console.log('\ntime under these functions (inclusive):');
	for (const name of WATCHED) line(name, inclusive.get(name) ?? 0);
}

/** utime + stime of a process, in ms (Linux /proc). */
function cpuMs(pid: number | undefined): number {
	if (pid === undefined) return NaN;
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
	return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

async function main(): Promise<void> {
	if (!n8nInstalled()) throw new Error('n8n 2.41.1 is not installed: run npm run test:e2e once');
	const emulator = await bulkReadEmulator();
	const dir = mkdtempSync(path.join(tmpdir(), 'nmbrs-profile-'));
	// The profile covers n8n's whole life and is written when it stops.
	const n8n = await openBulkReadInN8n(emulator.soapBaseUrl, {
		NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${dir} --cpu-prof-interval=200`,
	});
	const times: number[] = [];
	let measured = { ms: NaN, items: 0 };
	let emulatorCpu = NaN;
	try {
		for (let run = 0; run < 3; run++) {
			if (run > 0) await sleep(RUN_GAP_MS);
			const before = cpuMs(emulator.pid);
			measured = await n8n.run();
			emulatorCpu = cpuMs(emulator.pid) - before;
			times.push(measured.ms);
		}
	} finally {
		await n8n.close();
		emulator.stop();
	}
	console.log(
		`executionTime of 3 runs in one n8n server (profiled): ${times.map((t) => `${t.toFixed(0)} ms`).join(', ')}; ${measured.items} items`,
	);
	console.log(`the emulator's CPU time during the last run: ${emulatorCpu.toFixed(0)} ms`);
	// n8n's commands run with the profiler too: the server's profile is the largest.
	const largest = readdirSync(dir)
		.filter((f) => f.endsWith('.cpuprofile'))
		.map((f) => path.join(dir, f))
		.sort((x, y) => statSync(y).size - statSync(x).size)[0];
	if (largest === undefined) throw new Error(`no profile was written in ${dir}`);
	console.log(`\nprofile ${largest} (the last run)`);
	summarise(JSON.parse(readFileSync(largest, 'utf8')) as Profile);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
