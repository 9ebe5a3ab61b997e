/**
 * Case 5: the emulator with 200 companies and 20,000 employees, from process start to the first
 * SOAP answer (the built CLI, as a user starts it).
 */
import { spawn } from 'child_process';
import * as path from 'path';

import { ms, type BenchRow } from '../table';

const ROOT = path.resolve(__dirname, '..', '..');

const ENVELOPE = (ns: string) =>
	'<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">' +
	`<soap:Header><AuthHeaderWithDomain xmlns="${ns}"><Username>accountant@demo.example</Username>` +
	`<Token>demo-token</Token><Domain>demo</Domain></AuthHeaderWithDomain></soap:Header>` +
	`<soap:Body><List_GetAll xmlns="${ns}"/></soap:Body></soap:Envelope>`;

/** The built emulator CLI in its own process, as a user starts it; resolves once it listens. */
export async function spawnEmulator(args: string[]) {
	const child = spawn(
		process.execPath,
		['emulator/dist/emulator/src/cli.js', '--port', '0', ...args],
		{
			cwd: ROOT,
			stdio: ['ignore', 'pipe', 'pipe'],
		},
	);
	const url = await new Promise<string>((resolve, reject) => {
		let out = '';
		child.stdout.on('data', (chunk: Buffer) => {
			out += chunk.toString();
			const found = /listening on (http:\/\/\S+)/.exec(out);
			if (found) resolve(found[1]);
		});
		child.on('exit', (code) => reject(new Error(`the emulator exited with ${code}`)));
	});
	return {
		url,
		soapBaseUrl: `${url}/soap/v3/`,
		adminUrl: `${url}/__admin`,
		pid: child.pid,
		stop: () => child.kill('SIGINT'),
	};
}

export async function emulatorStartCase(): Promise<BenchRow[]> {
	const started = process.hrtime.bigint();
	const emulator = await spawnEmulator(['--companies', '200', '--employees', '20000']);
	try {
		const url = emulator.url;
		const ns = 'https://api.nmbrs.nl/soap/v3/CompanyService';
		const response = await fetch(`${url}/soap/v3/CompanyService.asmx`, {
			method: 'POST',
			headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: `${ns}/List_GetAll` },
			body: ENVELOPE(ns),
		});
		const body = await response.text();
		const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
		const companies = (body.match(/<Company>/g) ?? []).length;
		return [
			{
				case: '5. Emulator start (200 companies, 20,000 employees)',
				figure: ms(elapsed),
				against: `first answer: HTTP ${response.status}, ${companies} companies`,
				ratio: `${(elapsed / 5000).toFixed(2)}x the 5 s budget`,
				goal: '< 5 s to the first SOAP answer',
				met: elapsed < 5000 && response.status === 200 && companies === 200,
			},
		];
	} finally {
		emulator.stop();
	}
}
