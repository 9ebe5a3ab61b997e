/** The `nmbrs-emulator` command: its options, and a real start and clean stop on SIGTERM. */
import { spawn, type ChildProcess } from 'child_process';
import * as http from 'http';
import * as net from 'net';
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_PORT, parseArgs, UsageError } from '../src/cli';
import { dutchToday } from '../src/world';
import { envelope, NS } from './helpers';

describe('parseArgs', () => {
	it('defaults to the demo world on port 7780', () => {
		expect(parseArgs([])).toEqual({ port: DEFAULT_PORT, world: 'demo' });
		expect(DEFAULT_PORT).toBe(7780);
	});

	it('reads every option', () => {
		expect(
			parseArgs([
				'--port',
				'0',
				'--host',
				'0.0.0.0',
				'--companies',
				'200',
				'--employees',
				'20000',
				'--seed',
				'3',
				'--strict-soapaction',
				'--no-throttle',
				'--allow-http-webhooks',
			]),
		).toEqual({
			port: 0,
			host: '0.0.0.0',
			world: { companies: 200, employees: 20000 },
			seed: 3,
			strictSoapAction: true,
			throttle: false,
			allowHttpWebhooks: true,
		});
		expect(parseArgs(['--world', 'saved.json'])).toMatchObject({ world: { path: 'saved.json' } });
		expect(parseArgs(['--now', '2026-11-25'])).toMatchObject({ worldNow: '2026-11-25' });
		expect(parseArgs(['--now', '2026-11-25T14:30:00'])).toMatchObject({
			worldNow: '2026-11-25T14:30:00',
		});
		expect(parseArgs(['--help'])).toBe('help');
	});

	it('refuses what it cannot use, with the reason', () => {
		expect(() => parseArgs(['--port', 'eighty'])).toThrow(
			new UsageError('--port needs a whole number, got eighty'),
		);
		expect(() => parseArgs(['--companies', '3'])).toThrow(
			'give --companies and --employees together',
		);
		expect(() => parseArgs(['--verbose'])).toThrow('unknown option --verbose');
		expect(() => parseArgs(['--seed'])).toThrow('--seed needs a value');
		expect(() => parseArgs(['--now', '25-11-2026'])).toThrow(
			'--now needs YYYY-MM-DD or YYYY-MM-DDTHH:mm:ss, got 25-11-2026',
		);
		expect(() => parseArgs(['--now', '2026-02-29'])).toThrow('--now needs');
	});
});

/** Starts the command and waits for its banner; `exited` settles with its exit code. */
async function start(
	args: string[],
	env: NodeJS.ProcessEnv = process.env,
): Promise<{
	child: ChildProcess;
	url: string;
	output: () => string;
	exited: Promise<number | null>;
}> {
	const child = spawn(process.execPath, args, {
		cwd: root,
		env,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
	const url = await new Promise<string>((resolve, reject) => {
		child.stdout?.on('data', (chunk: Buffer) => {
			output += chunk.toString();
			const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(output);
			if (match && output.includes('Ctrl-C')) resolve(match[1]);
		});
		void exited.then((code) => reject(new Error(`exited with ${code}: ${output}`)));
	});
	return { child, url, output: () => output, exited };
}

/** Starts the command, checks it answers, and stops it with SIGTERM. */
async function startAndStop(
	args: string[],
	env: NodeJS.ProcessEnv = process.env,
): Promise<{ url: string; output: string; clock: string }> {
	const { child, url, output, exited } = await start(args, env);
	const health = await fetch(`${url}/__admin/health`);
	expect(health.status).toBe(200);
	const { clock } = (await health.json()) as { clock: string };
	child.kill('SIGTERM');
	expect(await exited).toBe(0);
	return { url, output: output(), clock };
}

const root = path.resolve(__dirname, '..', '..');

/** The command from its sources, as `npm run` would not need a build for. */
const SOURCE_ARGS = [
	'-r',
	'ts-node/register/transpile-only',
	path.join(root, 'emulator', 'src', 'cli.ts'),
	'--port',
	'0',
	'--now',
	'2026-11-25',
];
const SOURCE_ENV = {
	...process.env,
	TS_NODE_PROJECT: path.join(root, 'emulator', 'tsconfig.json'),
};
const fromSources = (...args: string[]) => start([...SOURCE_ARGS, ...args], SOURCE_ENV);

it('starts, prints the URLs and the demo logins, answers, and stops cleanly on SIGTERM', async () => {
	const { url, output, clock } = await startAndStop(SOURCE_ARGS, SOURCE_ENV);
	expect(output).toContain(`environment "Custom Base URL", Base URL ${url}/soap/v3/`);
	expect(output).toContain('accountant@demo.example');
	expect(output).toContain('demo-token');
	expect(output).toContain(`${url}/__admin/`);
	expect(clock).toBe('2026-11-25T09:00:00');
});

it('stops within a second on SIGTERM while an answer trickles, a call waits, requests are half sent and connections idle', async () => {
	const { child, url, exited } = await fromSources();
	const { hostname, port } = new URL(url);
	const sockets: net.Socket[] = [];
	const agent = new http.Agent({ keepAlive: true });
	try {
		const rule = async (operation: string, kind: string) =>
			expect(
				(
					await fetch(`${url}/__admin/faults`, {
						method: 'POST',
						body: JSON.stringify({ operation, kind, ms: 60_000 }),
					})
				).status,
			).toBe(201);
		await rule('CompanyService.List_GetAll', 'slowBody');
		await rule('DebtorService.List_GetAll', 'latency');
		/** Sends a raw request; `received` is what came back so far. `wait`: until the first bytes. */
		const raw = (text: string, wait = false) =>
			new Promise<{ received: () => string }>((resolve, reject) => {
				let received = '';
				const answer = { received: () => received };
				const socket = net.connect(Number(port), hostname, () => {
					socket.write(text);
					if (!wait) resolve(answer);
				});
				sockets.push(socket);
				socket.on('data', (chunk: Buffer) => {
					received += chunk.toString();
					resolve(answer);
				});
				socket.on('error', reject);
			});
		const soap = (service: string, operation: string) => {
			const body = envelope(service, operation, {});
			return (
				`POST /soap/v3/${service}.asmx HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\n` +
				`SOAPAction: "${NS(service)}/${operation}"\r\n` +
				`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
			);
		};
		// An answer trickling out over 60 s: its headers are out, its body is not.
		const slow = await raw(soap('CompanyService', 'List_GetAll'), true);
		// A call waiting out 60 s of injected latency.
		const waiting = await raw(soap('DebtorService', 'List_GetAll'));
		// An admin body that promises 1,000 bytes and sends 10.
		await raw(
			`POST /__admin/deliveries/half HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{"a":12345`,
		);
		// A connection that sends nothing, and one that stops inside its headers.
		await raw('');
		await raw('GET /__admin/health HTTP/1.1\r\nHost:');
		// A keep-alive connection, answered and left idle.
		await new Promise<void>((resolve, reject) =>
			http
				.get(`${url}/__admin/health`, { agent }, (res) => {
					res.resume();
					res.on('end', resolve);
				})
				.on('error', reject),
		);
		// Let the server take the last requests in before the signal.
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(slow.received()).toMatch(/^HTTP\/1\.1 200 OK[\s\S]*<\?xml/);
		expect(slow.received()).not.toContain('</soap:Envelope>');
		expect(waiting.received()).toBe('');
		const signalled = Date.now();
		child.kill('SIGTERM');
		const code = await exited;
		expect(Date.now() - signalled).toBeLessThan(1000);
		// Closed, not cut off by the grace timer.
		expect(code).toBe(0);
	} finally {
		for (const socket of sockets) socket.destroy();
		agent.destroy();
		child.kill('SIGKILL');
	}
});

const builtCli = path.join(root, 'emulator', 'dist', 'emulator', 'src', 'cli.js');
const describeBuilt = fs.existsSync(builtCli) ? describe : describe.skip;
if (!fs.existsSync(builtCli))
	console.warn(
		`Skipping the built nmbrs-emulator test: ${builtCli} is missing (npm run build makes it)`,
	);

describeBuilt('the built bin (emulator/dist/emulator/src/cli.js)', () => {
	it('starts at today 09:00 Dutch time by default, answers and stops cleanly', async () => {
		const { output, clock } = await startAndStop([builtCli, '--port', '0']);
		expect(output).toContain('accountant@demo.example');
		// Today in the Netherlands (the clock is read right after start; a test run across midnight is the only exception).
		expect(clock).toBe(`${dutchToday()}T09:00:00`);
	});
});
