/**
 * The admin API drives the emulator's world and failure modes; every change is observed the way a
 * client would see it: through SOAP calls, HTTP answers and the request log.
 */
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { startEmulator, type RunningEmulator } from '../src';
import { loadWorld } from '../src/world/persistence';
import { getOperation, catalogue } from '../../nodes/Nmbrs/catalogue';
import { readResponse, WireError } from '../../nodes/Nmbrs/wire';
import { ACCOUNTANT, admin, call, faultCode, values, WORLD_NOW } from './helpers';

let emulator: RunningEmulator;
let base: string;
let adminUrl: string;
let companyId: number;

beforeAll(async () => {
	emulator = await startEmulator({ port: 0, worldNow: WORLD_NOW, seed: 42 });
	base = emulator.soapBaseUrl;
	adminUrl = emulator.adminUrl;
	companyId = Number(values((await call(base, 'CompanyService', 'List_GetAll')).body, 'ID')[0]);
});
afterAll(async () => {
	await emulator.close();
});
afterEach(async () => {
	await admin(adminUrl, 'DELETE', 'faults');
});

describe('world controls', () => {
	it('health answers JSON and an unknown admin route is a JSON 404, never SOAP', async () => {
		const health = await admin<{ ok: boolean }>(adminUrl, 'GET', 'health');
		expect(health).toMatchObject({ status: 200, json: { ok: true } });
		const missing = await admin<{ error: string }>(adminUrl, 'GET', 'nothing-here');
		expect(missing.status).toBe(404);
		expect(missing.json.error).toContain('/__admin/nothing-here');
	});

	it('lists its routes at /__admin/, the address the banner prints', async () => {
		const index = await admin<{ routes: string[] }>(adminUrl, 'GET', '');
		expect(index.status).toBe(200);
		expect(index.json.routes).toEqual(
			expect.arrayContaining([
				'GET /__admin/health',
				'POST /__admin/clock/advance',
				'POST /__admin/declarations/:id/status',
				'POST /__admin/runs/:id/:id/lock',
				'POST /__admin/users/:name/template',
			]),
		);
	});

	it('advances the clock by days, hours, or to a moment', async () => {
		const start = (await admin<{ now: string }>(adminUrl, 'GET', 'clock')).json.now;
		const oneDay = await admin<{ now: string }>(adminUrl, 'POST', 'clock/advance', {
			days: 1,
			hours: 2,
		});
		expect(oneDay.status).toBe(200);
		const expected = new Date(`${start}Z`);
		expected.setUTCDate(expected.getUTCDate() + 1);
		expected.setUTCHours(expected.getUTCHours() + 2);
		expect(oneDay.json.now).toBe(expected.toISOString().slice(0, 19));
		expect((await admin(adminUrl, 'POST', 'clock/advance', {})).status).toBe(400);
	});

	it('refuses to move the clock more than three years at once (every period between is run)', async () => {
		for (const body of [{ to: '9999-12-31' }, { days: 100_000 }, { days: 1e300 }]) {
			const answer = await admin<{ error: string }>(adminUrl, 'POST', 'clock/advance', body);
			expect(answer.status).toBe(400);
			expect(JSON.stringify(answer.json)).toContain('at most 1096 days');
		}
	});

	it('sets a declaration status that WageTax_GetList then reports', async () => {
		const list = await admin<{
			items: Array<{ id: number; companyId: number; year: number; status: string }>;
		}>(adminUrl, 'GET', `declarations?companyId=${companyId}`);
		expect(list.json.items.length).toBeGreaterThan(0);
		expect(list.json.items.every((d) => d.companyId === companyId)).toBe(true);
		const declaration = list.json.items[list.json.items.length - 1];
		const changed = await admin(adminUrl, 'POST', `declarations/${declaration.id}/status`, {
			status: 'locked',
		});
		expect(changed.status).toBe(200);
		const answer = await call(base, 'CompanyService', 'WageTax_GetList', {
			CompanyId: companyId,
			intYear: declaration.year,
		});
		const parsed = readResponse(
			answer.body,
			getOperation('CompanyService.WageTax_GetList'),
			catalogue,
		).result as Array<Record<string, unknown>>;
		expect(parsed.find((d) => d.LoonaangifteID === declaration.id)?.Status).toBe('locked');
		expect(
			(await admin(adminUrl, 'POST', 'declarations/987654321/status', { status: 'locked' })).status,
		).toBe(404);
	});

	it('creates a payroll run and locks it; Run_GetList shows both steps', async () => {
		const created = await admin<{ ID: number; Year: number }>(adminUrl, 'POST', 'runs', {
			companyId,
		});
		expect(created.status).toBe(201);
		const runs = async () =>
			readResponse(
				(
					await call(base, 'CompanyService', 'Run_GetList', {
						CompanyId: companyId,
						Year: created.json.Year,
					})
				).body,
				getOperation('CompanyService.Run_GetList'),
				catalogue,
			).result as Array<Record<string, unknown>>;
		expect((await runs()).find((r) => r.ID === created.json.ID)?.IsLocked).toBe(false);
		expect(
			(await admin(adminUrl, 'POST', `runs/${companyId}/${created.json.ID}/lock`)).status,
		).toBe(200);
		expect((await runs()).find((r) => r.ID === created.json.ID)?.IsLocked).toBe(true);
	});

	it('counts deliveries per channel and clears them', async () => {
		await admin(adminUrl, 'POST', 'deliveries/trigger', { declaration: 1 });
		await admin(adminUrl, 'POST', 'deliveries/trigger', { declaration: 2 });
		await admin(adminUrl, 'POST', 'deliveries/other', { x: true });
		const got = await admin<{ count: number; items: unknown[] }>(
			adminUrl,
			'GET',
			'deliveries/trigger',
		);
		expect(got.json).toEqual({ count: 2, items: [{ declaration: 1 }, { declaration: 2 }] });
		await admin(adminUrl, 'DELETE', 'deliveries/trigger');
		expect((await admin(adminUrl, 'GET', 'deliveries/trigger')).json).toEqual({
			count: 0,
			items: [],
		});
		expect((await admin<{ count: number }>(adminUrl, 'GET', 'deliveries/other')).json.count).toBe(
			1,
		);
	});

	it('refuses a template naming an operation the emulator does not know, and names it', async () => {
		const route = `users/${encodeURIComponent(ACCOUNTANT.email)}/template`;
		const answer = await admin<{ error: string }>(adminUrl, 'POST', route, {
			disabled: ['CompanyService.List_GetAll', 'CompanyService.List_GetAl'],
		});
		expect(answer.status).toBe(400);
		expect(answer.json.error).toContain('"CompanyService.List_GetAl"');
		expect(answer.json.error).not.toContain('"CompanyService.List_GetAll"');
		// Nothing was switched off.
		expect((await call(base, 'CompanyService', 'List_GetAll')).status).toBe(200);
		expect(
			(await admin(adminUrl, 'POST', route, { allowed: ['EmployeeService.Nope'] })).status,
		).toBe(400);
	});

	it('switches calls off with an allow-list template', async () => {
		await admin(adminUrl, 'POST', `users/${encodeURIComponent(ACCOUNTANT.email)}/template`, {
			allowed: ['CompanyService.List_GetAll'],
		});
		expect((await call(base, 'CompanyService', 'List_GetAll')).status).toBe(200);
		expect(faultCode((await call(base, 'DebtorService', 'List_GetAll')).body)).toBe(1002);
		await admin(adminUrl, 'POST', `users/${encodeURIComponent(ACCOUNTANT.email)}/template`, {
			disabled: [],
		});
		expect((await call(base, 'DebtorService', 'List_GetAll')).status).toBe(200);
	});
});

describe('injected faults, as a client sees them', () => {
	const listGetAll = getOperation('CompanyService.List_GetAll');
	const inject = (rule: Record<string, unknown>) =>
		admin(adminUrl, 'POST', 'faults', { operation: 'CompanyService.List_GetAll', ...rule });

	it('rejects a rule it does not understand', async () => {
		expect(
			(
				await admin(adminUrl, 'POST', 'faults', {
					operation: 'CompanyService.List_GetAll',
					kind: 'explode',
				})
			).status,
		).toBe(400);
	});

	it('refuses a rule for an operation the WSDLs do not know, naming it', async () => {
		const answer = await admin<{ error: string }>(adminUrl, 'POST', 'faults', {
			operation: 'CompanyService.List_GetEverything',
			kind: 'fault',
			code: 2004,
		});
		expect(answer.status).toBe(400);
		expect(answer.json.error).toContain('CompanyService.List_GetEverything');
		expect((await admin<{ items: unknown[] }>(adminUrl, 'GET', 'faults')).json.items).toEqual([]);
	});

	it('fault: HTTP 500 with the Nmbrs code, only `times` times, only for that operation', async () => {
		await inject({ kind: 'fault', code: 2004, message: 'Unauthorized access', times: 1 });
		expect((await call(base, 'DebtorService', 'List_GetAll')).status).toBe(200);
		const faulted = await call(base, 'CompanyService', 'List_GetAll');
		expect(faulted.status).toBe(500);
		expect(faultCode(faulted.body)).toBe(2004);
		expect((await call(base, 'CompanyService', 'List_GetAll')).status).toBe(200);
	});

	it('latency: the answer is unchanged and the log says it was injected', async () => {
		await inject({ kind: 'latency', ms: 50, times: 1 });
		const answer = await call(base, 'CompanyService', 'List_GetAll');
		expect(answer.status).toBe(200);
		const last = emulator.requestLog.all().at(-1);
		expect(last).toMatchObject({ operation: 'List_GetAll', injected: 'latency', status: 200 });
		expect(last?.durationMs).toBeGreaterThanOrEqual(50);
	});

	it('fault with a code but no message: the standard message for that code', async () => {
		for (const [code, message] of [
			[1001, 'Invalid Authentication'],
			[1002, 'Unauthorized access'],
			[2006, 'Invalid Period'],
			[9999, 'Unkown'],
		] as const) {
			await inject({ kind: 'fault', code, times: 1 });
			expect((await call(base, 'CompanyService', 'List_GetAll')).body).toContain(
				`---&gt; ${code}: ${message}</faultstring>`,
			);
		}
	});

	it('probability: the same world seed faults the same calls, again after a reset', async () => {
		const sequence = async () => {
			await admin(adminUrl, 'POST', 'reset', {});
			await inject({ kind: 'fault', code: 9999, probability: 0.3 });
			const faulted: boolean[] = [];
			for (let i = 0; i < 30; i++)
				faulted.push((await call(base, 'CompanyService', 'List_GetAll')).status === 500);
			return faulted;
		};
		const first = await sequence();
		expect(first.some(Boolean)).toBe(true);
		expect(first.every(Boolean)).toBe(false);
		expect(await sequence()).toEqual(first);
	});

	it('html502: a gateway error page', async () => {
		await inject({ kind: 'html502', times: 1 });
		const answer = await call(base, 'CompanyService', 'List_GetAll');
		expect(answer.status).toBe(502);
		expect(answer.contentType).toContain('text/html');
		expect(() => readResponse(answer.body, listGetAll, catalogue)).toThrow(WireError);
	});

	it('malformed: 200 with XML no parser accepts', async () => {
		await inject({ kind: 'malformed', times: 1 });
		const answer = await call(base, 'CompanyService', 'List_GetAll');
		expect(answer.status).toBe(200);
		expect(() => readResponse(answer.body, listGetAll, catalogue)).toThrow(
			expect.objectContaining({ kind: 'malformed' }),
		);
	});

	it('truncated: 200 with the real answer cut in half', async () => {
		const whole = (await call(base, 'CompanyService', 'List_GetAll')).body;
		await inject({ kind: 'truncated', times: 1 });
		const answer = await call(base, 'CompanyService', 'List_GetAll');
		expect(answer.status).toBe(200);
		expect(answer.body).toBe(whole.slice(0, Math.floor(whole.length / 2)));
		expect(() => readResponse(answer.body, listGetAll, catalogue)).toThrow(
			expect.objectContaining({ kind: 'malformed' }),
		);
	});

	it('reset: the connection drops without an answer', async () => {
		await inject({ kind: 'reset', times: 1 });
		await expect(call(base, 'CompanyService', 'List_GetAll')).rejects.toThrow();
		expect((await call(base, 'CompanyService', 'List_GetAll')).status).toBe(200);
	});

	it('slowBody: the whole answer arrives, in several pieces', async () => {
		const whole = (await call(base, 'CompanyService', 'List_GetAll')).body;
		await inject({ kind: 'slowBody', ms: 100, times: 1 });
		const pieces: Buffer[] = [];
		const status = await new Promise<number>((resolve, reject) => {
			const req = http.request(
				`${base}CompanyService.asmx`,
				{ method: 'POST', headers: { 'Content-Type': 'text/xml; charset=utf-8' } },
				(res) => {
					res.on('data', (chunk: Buffer) => pieces.push(chunk));
					res.on('end', () => resolve(res.statusCode ?? 0));
				},
			);
			req.on('error', reject);
			req.end(requestBody());
		});
		expect(status).toBe(200);
		expect(Buffer.concat(pieces).toString('utf8')).toBe(whole);
		expect(pieces.length).toBeGreaterThan(1);
	});

	it('probability 0 never fires; "*" matches every operation', async () => {
		await admin(adminUrl, 'POST', 'faults', {
			operation: '*',
			kind: 'fault',
			code: 9999,
			probability: 0,
		});
		expect((await call(base, 'DebtorService', 'List_GetAll')).status).toBe(200);
		await admin(adminUrl, 'DELETE', 'faults');
		await admin(adminUrl, 'POST', 'faults', {
			operation: '*',
			kind: 'fault',
			code: 9999,
			times: 2,
		});
		expect(faultCode((await call(base, 'DebtorService', 'List_GetAll')).body)).toBe(9999);
		expect(faultCode((await call(base, 'EmployeeService', 'EmployeeType_GetList')).body)).toBe(
			9999,
		);
		expect((await call(base, 'DebtorService', 'List_GetAll')).status).toBe(200);
	});
});

function requestBody(): string {
	return (
		`<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header>` +
		`<AuthHeaderWithDomain xmlns="https://api.nmbrs.nl/soap/v3/CompanyService"><Username>${ACCOUNTANT.email}</Username>` +
		`<Token>${ACCOUNTANT.token}</Token><Domain>${ACCOUNTANT.domain}</Domain></AuthHeaderWithDomain></soap:Header>` +
		`<soap:Body><List_GetAll xmlns="https://api.nmbrs.nl/soap/v3/CompanyService"/></soap:Body></soap:Envelope>`
	);
}

describe('request log and reset', () => {
	it('logs every call with its outcome and never the token', async () => {
		const since = Date.now() - 1;
		await call(base, 'CompanyService', 'Run_GetList', { CompanyId: 987654321, Year: 2025 });
		const log = await admin<{ count: number; items: Array<Record<string, unknown>> }>(
			adminUrl,
			'GET',
			`requests?since=${since}&operation=CompanyService.Run_GetList`,
		);
		expect(log.status).toBe(200);
		const entry = log.json.items.at(-1);
		expect(entry).toMatchObject({
			user: ACCOUNTANT.email,
			service: 'CompanyService',
			operation: 'Run_GetList',
			soapVersion: '1.1',
			status: 500,
			faultCode: 2004,
			throttled: false,
		});
		expect(entry?.requestBody).toContain('<Token>***</Token>');
		const all = JSON.stringify((await admin(adminUrl, 'GET', 'requests')).json);
		expect(all).not.toContain(ACCOUNTANT.token);
	});

	it('since takes epoch milliseconds or a date, and refuses anything else', async () => {
		const since = new Date(Date.now() - 1000).toISOString();
		await call(base, 'CompanyService', 'Run_GetList', { CompanyId: 987654321, Year: 2025 });
		const byDate = await admin<{ count: number }>(
			adminUrl,
			'GET',
			`requests?since=${encodeURIComponent(since)}&operation=CompanyService.Run_GetList`,
		);
		expect(byDate.status).toBe(200);
		expect(byDate.json.count).toBeGreaterThan(0);
		const future = await admin<{ count: number }>(
			adminUrl,
			'GET',
			`requests?since=${Date.now() + 3_600_000}`,
		);
		expect(future.json.count).toBe(0);
		const wrong = await admin<{ error: string }>(adminUrl, 'GET', 'requests?since=yesterday');
		expect(wrong.status).toBe(400);
		expect(wrong.json.error).toContain('epoch milliseconds or a date');
	});

	it('a reset that fails changes nothing: the next resets still work', async () => {
		const failed = await admin<{ error: string }>(adminUrl, 'POST', 'reset', {
			world: { companies: 0, employees: 5 },
		});
		expect(failed.status).toBe(400);
		const again = await admin<{ ok: boolean; clock: string }>(adminUrl, 'POST', 'reset', {});
		expect(again.status).toBe(200);
		expect(again.json.clock).toBe(WORLD_NOW);
		expect(emulator.world.companies).toHaveLength(10);
	});

	it('saves the world as it is now (GET /__admin/world): --world FILE serves it again, clock and all', async () => {
		const moved = (await admin<{ now: string }>(adminUrl, 'POST', 'clock/advance', { days: 3 }))
			.json.now;
		const saved = await admin<Record<string, unknown>>(adminUrl, 'GET', 'world');
		expect(saved.status).toBe(200);
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emulator-save-'));
		const file = path.join(dir, 'world.json');
		fs.writeFileSync(file, JSON.stringify(saved.json));
		try {
			// What the CLI's --world FILE does with it.
			expect(loadWorld(file).clock.now()).toBe(moved);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
			expect((await admin(adminUrl, 'POST', 'reset', { world: 'demo' })).status).toBe(200);
		}
	});

	it('reset takes a seed and sizes, never a file path: the file is not read', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emulator-reset-'));
		const secret = path.join(dir, 'notes.txt');
		fs.writeFileSync(secret, 'root:x:0:0:secret-line\n');
		for (const file of [secret, path.join(dir, 'missing.json'), dir]) {
			const answer = await admin<{ error: string }>(adminUrl, 'POST', 'reset', {
				world: { path: file },
			});
			expect(answer.status).toBe(400);
			expect(answer.json.error).toContain('never a file path');
			expect(answer.json.error).not.toContain('secret-line');
		}
		expect((await admin(adminUrl, 'POST', 'reset', {})).status).toBe(200);
		expect((await call(base, 'CompanyService', 'List_GetAll')).status).toBe(200);
		fs.rmSync(dir, { recursive: true, force: true });
	});

	it('reset brings the world back to its seeded start and clears faults and log', async () => {
		const declarations = async () =>
			(
				await admin<{ items: Array<{ id: number; status: string }> }>(
					adminUrl,
					'GET',
					`declarations?companyId=${companyId}`,
				)
			).json.items;
		const pristine = await (async () => {
			await admin(adminUrl, 'POST', 'reset', {});
			return declarations();
		})();
		await admin(adminUrl, 'POST', `declarations/${pristine[0].id}/status`, {
			status: pristine[0].status === 'sent' ? 'open' : 'sent',
		});
		await admin(adminUrl, 'POST', 'faults', { operation: '*', kind: 'fault' });
		const reset = await admin(adminUrl, 'POST', 'reset', {});
		expect(reset.status).toBe(200);
		expect(await declarations()).toEqual(pristine);
		expect((await call(base, 'CompanyService', 'List_GetAll')).status).toBe(200);
		expect(emulator.requestLog.all()).toHaveLength(1);
	});
});
