/** The `nmbrs-emulator` command: its options, and a real start and clean stop on SIGTERM. */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_PORT, parseArgs, UsageError } from '../src/cli';
import { dutchToday } from '../src/world';

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
			]),
		).toEqual({
			port: 0,
			host: '0.0.0.0',
			world: { companies: 200, employees: 20000 },
			seed: 3,
			strictSoapAction: true,
			throttle: false,
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

/** Starts the command, waits for its banner, checks it answers, and stops it with SIGTERM. */
async function startAndStop(
	args: string[],
	env: NodeJS.ProcessEnv = process.env,
): Promise<{ url: string; output: string; clock: string }> {
	const child = spawn(process.execPath, args, {
		cwd: root,
		env,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const url = await new Promise<string>((resolve, reject) => {
		child.stdout.on('data', (chunk: Buffer) => {
			output += chunk.toString();
			const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(output);
			if (match && output.includes('Ctrl-C')) resolve(match[1]);
		});
		child.on('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
	});
	const health = await fetch(`${url}/__admin/health`);
	expect(health.status).toBe(200);
	const { clock } = (await health.json()) as { clock: string };
	const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
	child.kill('SIGTERM');
	expect(await exited).toBe(0);
	return { url, output, clock };
}

const root = path.resolve(__dirname, '..', '..');

it('starts, prints the URLs and the demo logins, answers, and stops cleanly on SIGTERM', async () => {
	const { url, output, clock } = await startAndStop(
		[
			'-r',
			'ts-node/register/transpile-only',
			path.join(root, 'emulator', 'src', 'cli.ts'),
			'--port',
			'0',
			'--now',
			'2026-11-25',
		],
		{
			...process.env,
			TS_NODE_PROJECT: path.join(root, 'emulator', 'tsconfig.json'),
		},
	);
	expect(output).toContain(`environment "Custom Base URL", Base URL ${url}/soap/v3/`);
	expect(output).toContain('accountant@demo.example');
	expect(output).toContain('demo-token');
	expect(output).toContain(`${url}/__admin/`);
	expect(clock).toBe('2026-11-25T09:00:00');
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
