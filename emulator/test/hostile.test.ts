/**
 * The emulator refuses what it cannot serve with a clear 4xx (or the SOAP fault ASMX gives) and
 * keeps answering: deep or oddly encoded requests, bodies over the cap, malformed paths, worlds too
 * big, files that are no world; its log hides a token however it is written; it warns when it is
 * reachable from other machines.
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { isLoopback, startEmulator, type RunningEmulator } from '../src';
import { parseArgs } from '../src/cli';
import { loadWorld, MAX_COMPANIES, MAX_EMPLOYEES } from '../src/world';
import { MAX_DEPTH } from '../../nodes/Nmbrs/wire';
import { admin, call, envelope, postSoap, WORLD_NOW } from './helpers';

let emulator: RunningEmulator;
let base: string;

beforeAll(async () => {
	emulator = await startEmulator({ port: 0, worldNow: WORLD_NOW });
	base = emulator.soapBaseUrl;
});
afterAll(async () => {
	await emulator.close();
});

/** The emulator still answers a plain call. */
async function stillAnswers(): Promise<void> {
	expect((await call(base, 'DebtorService', 'List_GetAll')).status).toBe(200);
}

/** Sends raw bytes and returns the first line of the answer. */
function rawRequest(text: string): Promise<string> {
	const { hostname, port } = new URL(emulator.url);
	return new Promise((resolve, reject) => {
		const socket = net.connect(Number(port), hostname, () => socket.write(text));
		let answer = '';
		socket.on('data', (chunk) => (answer += chunk.toString()));
		socket.on('end', () => resolve(answer.split('\r\n')[0] ?? ''));
		socket.on('error', reject);
	});
}

describe('requests it cannot read', () => {
	it(`refuses elements nested past ${MAX_DEPTH} with a fault naming the limit`, async () => {
		const deep = 2_000;
		const body = envelope('DebtorService', 'List_GetAll', {}).replace(
			'</List_GetAll>',
			`${'<x>'.repeat(deep)}${'</x>'.repeat(deep)}</List_GetAll>`,
		);
		const answer = await postSoap(base, 'DebtorService', 'List_GetAll', body);
		expect(answer.status).toBe(500);
		expect(answer.body).toContain('Server was unable to read request');
		expect(answer.body).toContain(`more than ${MAX_DEPTH} deep`);
		await stillAnswers();
	});

	it('diagnoses a body of processing instructions and no root (an exponential regex before)', async () => {
		const body = `${'<?a?>'.repeat(30)}<`;
		const answer = await postSoap(base, 'DebtorService', 'List_GetAll', body);
		expect(answer.status).toBe(500);
		expect(answer.body).toContain('Server was unable to read request');
		await stillAnswers();
	});

	it('refuses a request that declares an encoding other than UTF-8, by name', async () => {
		const body = envelope('DebtorService', 'List_GetAll', {}).replace(
			'encoding="utf-8"',
			'encoding="ISO-8859-1"',
		);
		const answer = await postSoap(base, 'DebtorService', 'List_GetAll', body);
		expect(answer.status).toBe(500);
		expect(answer.body).toContain('declares encoding');
		await stillAnswers();
	});

	it('answers a body over the cap with the 413 itself, not a connection reset', async () => {
		const { hostname, port } = new URL(emulator.url);
		const big = Buffer.alloc(65 * 1024 * 1024, 0x20);
		const status = await new Promise<number | string>((resolve) => {
			const request = http.request(
				{
					host: hostname,
					port,
					method: 'POST',
					path: '/soap/v3/DebtorService.asmx',
					headers: { 'Content-Type': 'text/xml', 'Content-Length': big.length },
				},
				(response) => {
					response.resume();
					response.on('end', () => resolve(response.statusCode ?? 0));
				},
			);
			request.on('error', (error) => resolve(error.message));
			request.end(big);
		});
		expect(status).toBe(413);
		await stillAnswers();
	});
});

describe('malformed paths', () => {
	it('a bad %-escape is a 400, on the admin API and on SOAP paths', async () => {
		for (const target of ['/__admin/users/%E0%A4%A/template', '/soap/v3/%ZZ.asmx']) {
			expect(
				await rawRequest(`POST ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`),
			).toBe('HTTP/1.1 400 Bad Request');
		}
		await stillAnswers();
	});

	it('a request target that is no URL is a 400', async () => {
		expect(await rawRequest('GET http://[ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).toBe(
			'HTTP/1.1 400 Bad Request',
		);
		await stillAnswers();
	});
});

describe('world size caps', () => {
	it('are 2,000 companies and 200,000 employees', () => {
		expect([MAX_COMPANIES, MAX_EMPLOYEES]).toEqual([2_000, 200_000]);
	});

	it('refuse a reset past them with a 400 that names them, and change nothing', async () => {
		for (const world of [
			{ companies: 1_000_000_000, employees: 5 },
			{ companies: 5, employees: MAX_EMPLOYEES + 1 },
		]) {
			const answer = await admin<{ error: string }>(emulator.adminUrl, 'POST', 'reset', { world });
			expect(answer.status).toBe(400);
			expect(answer.json.error).toContain('at most 2,000 companies and 200,000 employees');
		}
		expect(emulator.world.companies).toHaveLength(10);
		await stillAnswers();
	});

	it('refuse the same on the command line', () => {
		expect(() => parseArgs(['--companies', '2001', '--employees', '10'])).toThrow(
			'at most 2,000 companies and 200,000 employees',
		);
		expect(() => parseArgs(['--companies', '10', '--employees', '200001'])).toThrow('at most');
	});
});

describe('world files (the CLI only)', () => {
	let dir: string;
	beforeAll(() => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emulator-hostile-'));
	});
	afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

	it('a directory is refused unread, with a clear message', () => {
		expect(() => loadWorld(dir)).toThrow('is not a regular file');
	});

	const itFifo = process.platform === 'win32' ? it.skip : it;
	itFifo('a FIFO is refused without waiting for a writer', () => {
		const fifo = path.join(dir, 'pipe');
		expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
		expect(() => loadWorld(fifo)).toThrow('is not a regular file');
	});

	it('a file that is no world is named, never quoted', () => {
		const notes = path.join(dir, 'notes.txt');
		fs.writeFileSync(notes, 'root:x:0:0:secret-line\n');
		const json = path.join(dir, 'other.json');
		fs.writeFileSync(json, JSON.stringify({ format: 'secret-format-name', password: 'hunter2' }));
		for (const file of [notes, json]) {
			let message = '';
			try {
				loadWorld(file);
			} catch (error) {
				message = (error as Error).message;
			}
			expect(message).toContain('is not a saved emulator world');
			expect(message).not.toMatch(/secret|hunter2|root:x/);
		}
	});

	it('the command prints no part of such a file', async () => {
		const notes = path.join(dir, 'notes2.txt');
		fs.writeFileSync(notes, 'root:x:0:0:secret-line\n');
		const root = path.resolve(__dirname, '..', '..');
		// Asynchronous: a blocked event loop would leave fetch holding sockets the server has closed.
		const child = spawn(
			process.execPath,
			[
				'-r',
				'ts-node/register/transpile-only',
				path.join(root, 'emulator', 'src', 'cli.ts'),
			].concat(['--port', '0', '--world', notes]),
			{ cwd: root, env: { ...process.env, TS_NODE_PROJECT: path.join(root, 'tsconfig.json') } },
		);
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		const status = await new Promise<number | null>((resolve) => child.on('exit', resolve));
		expect(status).toBe(1);
		expect(output).toContain('is not a saved emulator world');
		expect(output).not.toContain('secret-line');
		expect(output).not.toContain('root:x');
	});
});

describe('request log', () => {
	it('hides the whole token when a comment inside <Token> hides a false end', async () => {
		const body = envelope('DebtorService', 'List_GetAll', {}).replace(
			'<Token>demo-token</Token>',
			'<Token>demo-<!-- </Token> -->token</Token>',
		);
		const answer = await postSoap(base, 'DebtorService', 'List_GetAll', body);
		expect(answer.status).toBe(200); // the comment is no part of the token's value
		const log = JSON.stringify(
			(await admin(emulator.adminUrl, 'GET', 'requests?operation=List_GetAll')).json,
		);
		expect(log).toContain('<Token>***</Token>');
		expect(log).not.toContain('demo-');
		expect(log).not.toContain('-->token');
	});
});

describe('listening beyond this machine', () => {
	it('knows loopback addresses', () => {
		expect(['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1'].every(isLoopback)).toBe(true);
		expect(['0.0.0.0', '::', '192.168.1.4'].some(isLoopback)).toBe(false);
	});

	it('warns at start that the admin API has no login', async () => {
		const lines: string[] = [];
		const open = await startEmulator({ port: 0, host: '0.0.0.0', log: (l) => lines.push(l) });
		await open.close();
		expect(lines.join('\n')).toContain('admin API');
		expect(lines.join('\n')).toContain('no login');

		const quiet: string[] = [];
		const local = await startEmulator({ port: 0, log: (l) => quiet.push(l) });
		await local.close();
		expect(quiet).toEqual([]);
	});
});
