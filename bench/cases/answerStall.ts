/**
 * Case 7: hostile and large answers through the transport, over a local HTTP server as n8n's
 * helper hands them over (a stream, gzip unpacked): the longest the event loop was held while
 * one call read its answer, and how much memory the process grew. The goals: no stall over
 * 200 ms, and a runaway answer stops at the limit (256 MB unpacked by default).
 */
import * as http from 'http';
import type { AddressInfo } from 'net';
import { createGzip, gzipSync } from 'zlib';

import { catalogue, getOperation } from '../../nodes/Nmbrs/catalogue';
import { buildResponse } from '../../nodes/Nmbrs/wire';
import { callWithCredentials } from '../../test/support/plainHttp';
import { ms, type BenchRow } from '../table';

const MB = 1024 * 1024;
const GET_XML = 'CompanyService.WageTax_GetXML';
const STALL_GOAL_MS = 200;

function answer(size: number, fill = 'a'): string {
	return buildResponse(getOperation(GET_XML), fill.repeat(size), catalogue, '1.1');
}

type Serve = (res: http.ServerResponse) => void;

const cases: Array<{ name: string; serve: () => Serve }> = [
	{
		name: '50 MB answer of text',
		serve: () => {
			const body = Buffer.from(answer(50 * MB));
			return (res) => res.end(body);
		},
	},
	{
		name: '100 MB valid answer',
		serve: () => {
			const body = Buffer.from(answer(100 * MB, 'b'));
			return (res) => res.end(body);
		},
	},
	{
		name: 'gzip bomb, 200 MB unpacked',
		serve: () => {
			const body = gzipSync(Buffer.from(answer(200 * MB)));
			return (res) => {
				res.setHeader('Content-Encoding', 'gzip');
				res.end(body);
			};
		},
	},
	{
		name: 'a body that never ends',
		serve: () => (res) => {
			res.setHeader('Content-Encoding', 'gzip');
			const gzip = createGzip();
			gzip.pipe(res);
			const open = answer(0);
			gzip.write(open.slice(0, open.indexOf('</WageTax_GetXMLResult>')));
			const chunk = Buffer.alloc(MB, 'c');
			const more = () => {
				if (!res.destroyed) gzip.write(chunk, () => setImmediate(more));
			};
			more();
		},
	},
];

async function measure(serve: Serve): Promise<{ stall: number; grew: number; outcome: string }> {
	const server = http.createServer((req, res) => {
		req.resume();
		res.setHeader('Content-Type', 'text/xml; charset=utf-8');
		serve(res);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	global.gc?.();
	const rssBefore = process.memoryUsage().rss;
	let peak = rssBefore;
	let last = performance.now();
	let stall = 0;
	const ticker = setInterval(() => {
		const now = performance.now();
		stall = Math.max(stall, now - last);
		last = now;
		peak = Math.max(peak, process.memoryUsage().rss);
	}, 5);
	let outcome: string;
	try {
		const result = await callWithCredentials(
			{
				email: 'bench@example.nl',
				token: 'bench-token',
				environment: 'custom',
				customBaseUrl: `http://127.0.0.1:${port}/soap/v3/`,
			},
			GET_XML,
			{ LoonaangifteID: 1, CompanyId: 1 },
			{ retries: 0, timeoutMs: 120_000 },
		);
		outcome = `read ${Math.round(String(result).length / MB)} MB`;
	} catch (error) {
		outcome = `refused: ${(error as Error).message.replace(/^.*is larger than/, 'larger than')}`;
	} finally {
		clearInterval(ticker);
		server.closeAllConnections();
		server.close();
	}
	return { stall, grew: (peak - rssBefore) / MB, outcome };
}

export async function answerStallCase(): Promise<BenchRow[]> {
	const rows: BenchRow[] = [];
	for (const { name, serve } of cases) {
		const { stall, grew, outcome } = await measure(serve());
		console.log(
			`answer stall: ${name}: ${outcome}; longest stall ${ms(stall)}, memory +${grew.toFixed(0)} MB`,
		);
		rows.push({
			case: `7 answer stall: ${name}`,
			figure: `${ms(stall)} longest stall, +${grew.toFixed(0)} MB`,
			against: outcome,
			ratio: `${(stall / STALL_GOAL_MS).toFixed(2)}x the bound`,
			goal: `no stall over ${STALL_GOAL_MS} ms`,
			met: stall <= STALL_GOAL_MS,
		});
	}
	return rows;
}
