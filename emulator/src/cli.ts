#!/usr/bin/env node
/**
 * `nmbrs-emulator`: runs the local Nmbrs SOAP v3 emulator until Ctrl-C / SIGTERM.
 *
 *   nmbrs-emulator                                 demo world on http://127.0.0.1:7780
 *   nmbrs-emulator --port 0 --world ./world.json   a saved world on a free port
 *   nmbrs-emulator --companies 200 --employees 20000 --seed 7
 *   nmbrs-emulator --seed 7 --now 2026-11-25           the same world on every day
 */
import { startEmulator, type EmulatorOptions } from './index';
import { DEMO_LOGINS, MAX_COMPANIES, MAX_EMPLOYEES, checkWorldSize, localDateTime } from './world';

/** Far from the usual 3000/5678/8080 so it does not fight n8n or a dev server for the port. */
export const DEFAULT_PORT = 7780;

/** How long a stop waits for connections to close before it exits regardless. */
const STOP_GRACE_MS = 800;

const HELP = `Usage: nmbrs-emulator [options]

A local Nmbrs SOAP v3 server with a seeded payroll world (no real data, no internet).

Options:
  --port N            port to listen on (default ${DEFAULT_PORT}; 0 = any free port)
  --host H            address to listen on (default 127.0.0.1; 0.0.0.0 for every interface,
                      with a warning: the admin API has no login)
  --world demo|FILE   the demo world (default) or a world saved as JSON (a regular file)
  --companies N       a scaled world of N companies (with --employees; at most ${MAX_COMPANIES})
  --employees N       total employees of the scaled world (at most ${MAX_EMPLOYEES})
  --seed N            seed for the generated world and for random injected faults
  --now DATE[THH:mm:ss]  the world's "now", Dutch local time (default: today 09:00)
  --strict-soapaction answer SOAP 1.1 calls without a valid SOAPAction with ASMX's fault
  --no-throttle       do not delay calls past 150 per second per user
  --allow-http-webhooks  take webhook endpoints on plain http to this machine (127.0.0.1,
                      localhost, ::1) as well as https:// (Nmbrs: https:// only, fault 2044)
  --help              this text
`;

export class UsageError extends Error {}

export function parseArgs(argv: string[]): EmulatorOptions | 'help' {
	const options: EmulatorOptions = { port: DEFAULT_PORT };
	let companies: number | undefined;
	let employees: number | undefined;
	let worldFile: string | undefined;
	const number = (flag: string, value: string | undefined): number => {
		const n = Number(value);
		if (value === undefined || !Number.isInteger(n) || n < 0)
			throw new UsageError(`${flag} needs a whole number, got ${value ?? 'nothing'}`);
		return n;
	};
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i];
		const value = () => {
			const v = argv[++i];
			if (v === undefined) throw new UsageError(`${flag} needs a value`);
			return v;
		};
		switch (flag) {
			case '--help':
			case '-h':
				return 'help';
			case '--port':
				options.port = number(flag, value());
				break;
			case '--host':
				options.host = value();
				break;
			case '--world':
				worldFile = value();
				break;
			case '--companies':
				companies = number(flag, value());
				break;
			case '--employees':
				employees = number(flag, value());
				break;
			case '--seed':
				options.seed = number(flag, value());
				break;
			case '--now': {
				const now = value();
				if (localDateTime(now) === undefined)
					throw new UsageError(`--now needs YYYY-MM-DD or YYYY-MM-DDTHH:mm:ss, got ${now}`);
				options.worldNow = now;
				break;
			}
			case '--strict-soapaction':
				options.strictSoapAction = true;
				break;
			case '--no-throttle':
				options.throttle = false;
				break;
			case '--allow-http-webhooks':
				options.allowHttpWebhooks = true;
				break;
			default:
				throw new UsageError(`unknown option ${flag} (see --help)`);
		}
	}
	if ((companies === undefined) !== (employees === undefined))
		throw new UsageError('give --companies and --employees together');
	if (companies !== undefined && employees !== undefined) {
		if (worldFile !== undefined)
			throw new UsageError('--world and --companies/--employees exclude each other');
		try {
			checkWorldSize(companies, employees);
		} catch (error) {
			throw new UsageError((error as Error).message);
		}
		options.world = { companies, employees };
	} else if (worldFile !== undefined && worldFile !== 'demo') {
		options.world = { path: worldFile };
	} else {
		options.world = 'demo';
	}
	return options;
}

async function main(): Promise<void> {
	let options: EmulatorOptions | 'help';
	try {
		options = parseArgs(process.argv.slice(2));
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		process.stderr.write(`nmbrs-emulator: ${error.message}\n`);
		process.exit(2);
	}
	if (options === 'help') {
		process.stdout.write(HELP);
		return;
	}
	const emulator = await startEmulator({
		...options,
		log: (line) => process.stderr.write(`${line}\n`),
	});
	const logins = DEMO_LOGINS.map(
		(l) => `  ${l.email}  token ${l.token}  domain ${l.domain}\n      ${l.description}`,
	).join('\n');
	process.stdout.write(
		[
			`Nmbrs emulator listening on ${emulator.url}`,
			``,
			`n8n credential: environment "Custom Base URL", Base URL ${emulator.soapBaseUrl}`,
			`WSDLs:          ${emulator.soapBaseUrl}CompanyService.asmx?WSDL (also DebtorService, EmployeeService)`,
			`Admin API:      ${emulator.adminUrl} (health, clock, declarations, runs, faults, requests...)`,
			``,
			`Logins (documented fakes, the same in every emulator world):`,
			logins,
			``,
			`Ctrl-C stops the emulator.`,
			``,
		].join('\n'),
	);
	let stopping = false;
	// Stops within a second whatever is in progress: close() ends every connection (an answer still
	// trickling out, a call waiting out injected latency, an admin body still arriving, an idle
	// keep-alive socket), and past STOP_GRACE_MS the process exits anyway. A signal cannot interrupt
	// synchronous work: that is why every admin route bounds its work (see admin/routes.ts).
	const stop = (signal: string) => {
		if (stopping) return;
		stopping = true;
		process.stdout.write(`\n${signal}: stopping the Nmbrs emulator\n`);
		setTimeout(() => process.exit(1), STOP_GRACE_MS).unref();
		emulator.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
}

/** Runs the command: called when this file is run, and by the package's bin (bin/nmbrs-emulator.js). */
export function run(): void {
	main().catch((error: unknown) => {
		process.stderr.write(
			`nmbrs-emulator: ${error instanceof Error ? error.message : String(error)}\n`,
		);
		process.exit(1);
	});
}

if (require.main === module) run();
