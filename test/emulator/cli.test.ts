/** The `nmbrs-emulator` command: its options, and a real start and clean stop on SIGTERM. */
import { spawn } from 'child_process';
import * as path from 'path';
import { DEFAULT_PORT, parseArgs, UsageError } from '../../emulator/cli';

describe('parseArgs', () => {
	it('defaults to the demo world on port 7780', () => {
		expect(parseArgs([])).toEqual({ port: DEFAULT_PORT, world: 'demo' });
		expect(DEFAULT_PORT).toBe(7780);
	});

	it('reads every option', () => {
		expect(parseArgs(['--port', '0', '--host', '0.0.0.0', '--companies', '200', '--employees', '20000', '--seed', '3', '--strict-soapaction', '--no-throttle'])).toEqual({
			port: 0,
			host: '0.0.0.0',
			world: { companies: 200, employees: 20000 },
			seed: 3,
			strictSoapAction: true,
			throttle: false,
		});
		expect(parseArgs(['--world', 'saved.json'])).toMatchObject({ world: { path: 'saved.json' } });
		expect(parseArgs(['--help'])).toBe('help');
	});

	it('refuses what it cannot use, with the reason', () => {
		expect(() => parseArgs(['--port', 'eighty'])).toThrow(new UsageError('--port needs a whole number, got eighty'));
		expect(() => parseArgs(['--companies', '3'])).toThrow('give --companies and --employees together');
		expect(() => parseArgs(['--verbose'])).toThrow('unknown option --verbose');
		expect(() => parseArgs(['--seed'])).toThrow('--seed needs a value');
	});
});

it('starts, prints the URLs and the demo logins, answers, and stops cleanly on SIGTERM', async () => {
	const root = path.resolve(__dirname, '..', '..');
	const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(root, 'emulator', 'cli.ts'), '--port', '0'], {
		cwd: root,
		env: { ...process.env, TS_NODE_PROJECT: path.join(root, 'tsconfig.json') },
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
	expect(output).toContain(`SOAP base URL ${url}/soap/v3/`);
	expect(output).toContain('accountant@demo.example');
	expect(output).toContain('demo-token');
	expect(output).toContain(`${url}/__admin/`);
	expect((await fetch(`${url}/__admin/health`)).status).toBe(200);

	const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
	child.kill('SIGTERM');
	expect(await exited).toBe(0);
});
