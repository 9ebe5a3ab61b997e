/**
 * Redis and PostgreSQL for the queue-mode case, from Debian's packages (`apt-get install
 * redis-server postgresql`): each started by the test with its data in a temporary folder,
 * listening on 127.0.0.1 only at a free port (PostgreSQL without a Unix socket), and stopped with
 * its folder removed.
 */
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';

import { freePort, HarnessError, sleep } from '../../../scripts/e2e/harness';

export interface Service {
	port: number;
	/** Everything the service printed, for failure messages. */
	output(): string;
	stop(): Promise<void>;
}

const INSTALL_HINT = 'install it with: apt-get install -y redis-server postgresql';

function onPath(name: string): string | undefined {
	const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
	return found.status === 0 ? found.stdout.trim() : undefined;
}

/** Debian keeps PostgreSQL's server binaries per major version, off PATH. */
function postgresBinDir(): string {
	const root = '/usr/lib/postgresql';
	const versions = existsSync(root)
		? readdirSync(root)
				.filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
				.sort((a, b) => Number(b) - Number(a))
		: [];
	if (versions.length) return path.join(root, versions[0], 'bin');
	const initdb = onPath('initdb');
	if (initdb) return path.dirname(initdb);
	throw new HarnessError(`PostgreSQL's initdb was not found; ${INSTALL_HINT}`);
}

/** Starts `command` and waits for `ready` in its output; the child is killed if it never comes. */
async function spawnReady(
	name: string,
	command: string,
	args: string[],
	ready: RegExp,
	options: { uid?: number; gid?: number } = {},
): Promise<{ child: ChildProcess; output: () => string }> {
	let text = '';
	const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
	child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
	child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
	const deadline = Date.now() + 60_000;
	while (!ready.test(text)) {
		if (child.exitCode !== null || Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new HarnessError(`${name} did not start:\n${text}`);
		}
		await sleep(100);
	}
	return { child, output: () => text };
}

async function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	child.kill(signal);
	if (await Promise.race([exited.then(() => false), sleep(20_000).then(() => true)])) {
		child.kill('SIGKILL');
		await exited;
	}
}

export async function startRedis(): Promise<Service> {
	const bin = onPath('redis-server');
	if (!bin) throw new HarnessError(`redis-server was not found; ${INSTALL_HINT}`);
	const dir = mkdtempSync(path.join(tmpdir(), 'n8n-nodes-nmbrs-redis-'));
	const port = await freePort();
	// No persistence: the queue lives as long as the test.
	const { child, output } = await spawnReady(
		'redis-server',
		bin,
		[
			'--bind',
			'127.0.0.1',
			'--port',
			String(port),
			'--dir',
			dir,
			'--save',
			'',
			'--appendonly',
			'no',
		],
		/Ready to accept connections/,
	);
	return {
		port,
		output,
		stop: async () => {
			await stopChild(child, 'SIGTERM');
			rmSync(dir, { recursive: true, force: true });
		},
	};
}

export const POSTGRES_USER = 'n8n';
export const POSTGRES_DATABASE = 'n8n';

/**
 * A new cluster in a temporary folder with one trusted superuser and database (`n8n`), reached over
 * loopback TCP only. PostgreSQL refuses to run as root: as root, the cluster belongs to the
 * `postgres` user that Debian's package creates.
 */
export async function startPostgres(): Promise<Service> {
	const bin = postgresBinDir();
	const asUser: { uid?: number; gid?: number } = {};
	const dir = mkdtempSync(path.join(tmpdir(), 'n8n-nodes-nmbrs-postgres-'));
	if (process.getuid?.() === 0) {
		const id = (flag: string) =>
			spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim();
		asUser.uid = Number(id('-u'));
		asUser.gid = Number(id('-g'));
		if (!id('-u'))
			throw new HarnessError(`no "postgres" user to run PostgreSQL as; ${INSTALL_HINT}`);
		chownSync(dir, asUser.uid, asUser.gid);
	}
	const data = path.join(dir, 'data');
	const initdb = spawnSync(
		path.join(bin, 'initdb'),
		['-D', data, '-U', POSTGRES_USER, '--auth=trust', '--encoding=UTF8', '--no-sync'],
		{ encoding: 'utf8', ...asUser },
	);
	if (initdb.status !== 0)
		throw new HarnessError(`initdb failed:\n${initdb.stdout}\n${initdb.stderr}`);
	const port = await freePort();
	const { child, output } = await spawnReady(
		'postgres',
		path.join(bin, 'postgres'),
		[
			'-D',
			data,
			'-p',
			String(port),
			'-c',
			'listen_addresses=127.0.0.1',
			'-c',
			'unix_socket_directories=',
			'-c',
			'fsync=off',
		],
		/database system is ready to accept connections/,
		asUser,
	);
	const created = spawnSync(
		path.join(bin, 'createdb'),
		['-h', '127.0.0.1', '-p', String(port), '-U', POSTGRES_USER, POSTGRES_DATABASE],
		{ encoding: 'utf8' },
	);
	if (created.status !== 0) {
		await stopChild(child, 'SIGINT');
		throw new HarnessError(`createdb failed: ${created.stderr}`);
	}
	return {
		port,
		output,
		stop: async () => {
			// SIGINT: PostgreSQL's fast shutdown (ends sessions, no waiting for clients).
			await stopChild(child, 'SIGINT');
			rmSync(dir, { recursive: true, force: true });
		},
	};
}
