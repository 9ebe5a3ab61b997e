/**
 * The admin API has no login: what it holds (deliveries, fault rules, runs, the request log) and
 * what one call reads are capped. A call past a cap is refused with the cap in its message, and
 * nothing past the cap is kept.
 */
import {
	MAX_ADMIN_BODY_BYTES,
	MAX_ADMIN_RUNS,
	MAX_DELIVERIES_PER_NAME,
	MAX_DELIVERY_BYTES,
	MAX_DELIVERY_NAMES,
	MAX_DELIVERY_TOTAL_BYTES,
} from '../src/admin/routes';
import { startEmulator, type RunningEmulator } from '../src';
import {
	MAX_FAULT_MESSAGE_CHARS,
	MAX_FAULT_MS,
	MAX_FAULT_RULES,
} from '../src/server/faultInjection';
import {
	MAX_LOG_BODY_CHARS,
	MAX_LOG_ENTRIES,
	MAX_LOG_TOTAL_CHARS,
	RequestLog,
} from '../src/server/requestLog';
import { admin, call, values, WORLD_NOW } from './helpers';

let emulator: RunningEmulator;
let adminUrl: string;

beforeAll(async () => {
	emulator = await startEmulator({ port: 0, worldNow: WORLD_NOW });
	adminUrl = emulator.adminUrl;
});
afterAll(async () => {
	await emulator.close();
});
afterEach(async () => {
	await admin(adminUrl, 'DELETE', 'deliveries');
	await admin(adminUrl, 'DELETE', 'faults');
});

/** POSTs a body as it is (not JSON-encoded) and reads the JSON answer. */
async function postRaw(
	route: string,
	body: string,
): Promise<{ status: number; json: { error?: string; count?: number } }> {
	const res = await fetch(`${adminUrl}${route}`, { method: 'POST', body });
	return { status: res.status, json: (await res.json()) as { error?: string; count?: number } };
}

const deliveryCount = async (name: string) =>
	(await admin<{ count: number }>(adminUrl, 'GET', `deliveries/${name}`)).json.count;

describe('deliveries', () => {
	it('keeps JSON as posted, other text as a string, an empty body as null; DELETE clears all', async () => {
		await postRaw('deliveries/kinds', '{ "a": [1, 2] }');
		await postRaw('deliveries/kinds', 'not json');
		await postRaw('deliveries/kinds', '');
		await postRaw('deliveries/other', '1');
		expect((await admin(adminUrl, 'GET', 'deliveries/kinds')).json).toEqual({
			count: 3,
			items: [{ a: [1, 2] }, 'not json', null],
		});
		expect((await admin(adminUrl, 'DELETE', 'deliveries')).status).toBe(200);
		expect(await deliveryCount('kinds')).toBe(0);
		expect(await deliveryCount('other')).toBe(0);
	});

	it(`refuses a delivery over ${MAX_DELIVERY_BYTES} bytes with a 413 naming the cap, and keeps none of it`, async () => {
		expect(MAX_DELIVERY_BYTES).toBe(1024 * 1024);
		const answer = await postRaw('deliveries/big', JSON.stringify('x'.repeat(MAX_DELIVERY_BYTES)));
		expect(answer.status).toBe(413);
		expect(answer.json.error).toBe('a delivery is at most 1 MiB (1048576 bytes)');
		expect(await deliveryCount('big')).toBe(0);
		// One just under the cap is kept.
		const fits = JSON.stringify('x'.repeat(MAX_DELIVERY_BYTES - 2));
		expect((await postRaw('deliveries/big', fits)).status).toBe(201);
		expect(await deliveryCount('big')).toBe(1);
	});

	it(`keeps at most ${MAX_DELIVERIES_PER_NAME} deliveries per name; the next is a 413 saying how to clear them`, async () => {
		expect(MAX_DELIVERIES_PER_NAME).toBe(1_000);
		for (let i = 0; i < MAX_DELIVERIES_PER_NAME; i++)
			expect((await postRaw('deliveries/many', String(i))).status).toBe(201);
		const refused = await postRaw('deliveries/many', 'one more');
		expect(refused.status).toBe(413);
		expect(refused.json.error).toBe(
			'At most 1000 deliveries are kept per name; DELETE /__admin/deliveries/many clears them',
		);
		const kept = await admin<{ count: number; items: unknown[] }>(
			adminUrl,
			'GET',
			'deliveries/many',
		);
		expect(kept.json.count).toBe(MAX_DELIVERIES_PER_NAME);
		expect(kept.json.items.at(-1)).toBe(MAX_DELIVERIES_PER_NAME - 1);
		// Another name still takes deliveries; the full one does again once cleared.
		expect((await postRaw('deliveries/else', '1')).status).toBe(201);
		await admin(adminUrl, 'DELETE', 'deliveries/many');
		expect((await postRaw('deliveries/many', '1')).status).toBe(201);
	});

	it(`keeps at most ${MAX_DELIVERY_NAMES} delivery names; a new one past them is a 413`, async () => {
		expect(MAX_DELIVERY_NAMES).toBe(100);
		for (let i = 0; i < MAX_DELIVERY_NAMES; i++)
			expect((await postRaw(`deliveries/name-${i}`, '1')).status).toBe(201);
		const refused = await postRaw('deliveries/one-too-many', '1');
		expect(refused.status).toBe(413);
		expect(refused.json.error).toBe(
			'At most 100 delivery names are kept; DELETE /__admin/deliveries/:name clears one, DELETE /__admin/deliveries clears all',
		);
		expect(await deliveryCount('one-too-many')).toBe(0);
		// A name already kept still takes more.
		expect((await postRaw('deliveries/name-0', '2')).status).toBe(201);
		await admin(adminUrl, 'DELETE', 'deliveries/name-1');
		expect((await postRaw('deliveries/one-too-many', '1')).status).toBe(201);
	});

	it(`holds at most ${MAX_DELIVERY_TOTAL_BYTES} bytes of deliveries together`, async () => {
		expect(MAX_DELIVERY_TOTAL_BYTES).toBe(64 * 1024 * 1024);
		// Items of just under 1 MiB: 64 fit, the 65th does not.
		const item = JSON.stringify('x'.repeat(MAX_DELIVERY_BYTES - 1024));
		const fit = Math.floor(MAX_DELIVERY_TOTAL_BYTES / item.length);
		for (let i = 0; i < fit; i++)
			expect((await postRaw(`deliveries/bulk-${i % 4}`, item)).status).toBe(201);
		const refused = await postRaw('deliveries/bulk-0', item);
		expect(refused.status).toBe(413);
		expect(refused.json.error).toBe(
			'Deliveries hold at most 64 MiB (67108864 bytes) together; DELETE /__admin/deliveries/:name or DELETE /__admin/deliveries clears them',
		);
		let held = 0;
		for (let i = 0; i < 4; i++) held += await deliveryCount(`bulk-${i}`);
		expect(held).toBe(fit);
		// Clearing one name makes room again.
		await admin(adminUrl, 'DELETE', 'deliveries/bulk-1');
		expect((await postRaw('deliveries/bulk-0', item)).status).toBe(201);
	});

	it('a reset clears them all', async () => {
		await postRaw('deliveries/before-reset', '1');
		await admin(adminUrl, 'POST', 'reset', {});
		expect(await deliveryCount('before-reset')).toBe(0);
	});
});

describe('fault rules', () => {
	const rule = { operation: 'CompanyService.List_GetAll', kind: 'fault', code: 9999, times: 1 };

	it(`keeps at most ${MAX_FAULT_RULES}; the next is a 413 saying DELETE clears them`, async () => {
		expect(MAX_FAULT_RULES).toBe(1_000);
		for (let i = 0; i < MAX_FAULT_RULES; i++)
			expect((await admin(adminUrl, 'POST', 'faults', rule)).status).toBe(201);
		const refused = await admin<{ error: string }>(adminUrl, 'POST', 'faults', rule);
		expect(refused.status).toBe(413);
		expect(refused.json.error).toBe(
			'At most 1000 fault rules are kept; DELETE /__admin/faults clears them',
		);
		expect((await admin<{ items: unknown[] }>(adminUrl, 'GET', 'faults')).json.items).toHaveLength(
			MAX_FAULT_RULES,
		);
		await admin(adminUrl, 'DELETE', 'faults');
		expect((await admin(adminUrl, 'POST', 'faults', rule)).status).toBe(201);
	});

	it(`refuses ms over ${MAX_FAULT_MS} (an hour) and a message over ${MAX_FAULT_MESSAGE_CHARS} characters`, async () => {
		const slow = await admin<{ error: string }>(adminUrl, 'POST', 'faults', {
			...rule,
			kind: 'latency',
			ms: MAX_FAULT_MS + 1,
		});
		expect(slow).toEqual({ status: 400, json: { error: 'ms must be at most 3600000 (one hour)' } });
		const wordy = await admin<{ error: string }>(adminUrl, 'POST', 'faults', {
			...rule,
			message: 'x'.repeat(MAX_FAULT_MESSAGE_CHARS + 1),
		});
		expect(wordy).toEqual({
			status: 400,
			json: { error: 'message must be at most 4096 characters' },
		});
		expect((await admin<{ items: unknown[] }>(adminUrl, 'GET', 'faults')).json.items).toEqual([]);
		expect(
			(await admin(adminUrl, 'POST', 'faults', { ...rule, kind: 'latency', ms: MAX_FAULT_MS }))
				.status,
		).toBe(201);
	});
});

describe('admin request bodies', () => {
	it(`over ${MAX_ADMIN_BODY_BYTES} bytes are a 413 naming the cap, and change nothing`, async () => {
		const body = JSON.stringify({
			operation: 'CompanyService.List_GetAll',
			kind: 'fault',
			padding: 'x'.repeat(MAX_ADMIN_BODY_BYTES),
		});
		const answer = await postRaw('faults', body);
		expect(answer.status).toBe(413);
		expect(answer.json.error).toBe('an admin request body is at most 1 MiB (1048576 bytes)');
		expect((await admin<{ items: unknown[] }>(adminUrl, 'GET', 'faults')).json.items).toEqual([]);
	});
});

describe('runs made through the admin API', () => {
	it(`are at most ${MAX_ADMIN_RUNS} per world (a 413 past them); a reset starts again`, async () => {
		expect(MAX_ADMIN_RUNS).toBe(1_000);
		const base = emulator.soapBaseUrl;
		const companyId = Number(
			values((await call(base, 'CompanyService', 'List_GetAll')).body, 'ID')[0],
		);
		for (let i = 0; i < MAX_ADMIN_RUNS; i++)
			expect((await admin(adminUrl, 'POST', 'runs', { companyId })).status).toBe(201);
		const refused = await admin<{ error: string }>(adminUrl, 'POST', 'runs', { companyId });
		expect(refused.status).toBe(413);
		expect(refused.json.error).toBe(
			'The admin API makes at most 1000 runs in one world; POST /__admin/reset makes the world again',
		);
		const runsNow = emulator.world.runs.length;
		await admin(adminUrl, 'POST', 'reset', {});
		expect(emulator.world.runs.length).toBe(runsNow - MAX_ADMIN_RUNS);
		expect((await admin(adminUrl, 'POST', 'runs', { companyId })).status).toBe(201);
	});

	it('take a four-digit year only', async () => {
		const companyId = emulator.world.companies[0].id;
		for (const year of [999, 10_000, 1e21]) {
			const answer = await admin<{ error: string }>(adminUrl, 'POST', 'runs', {
				companyId,
				year,
				period: 1,
			});
			expect(answer).toEqual({ status: 400, json: { error: 'year must be from 1000 to 9999' } });
		}
	});
});

describe('the request log', () => {
	const entry = (requestBody: string) => ({
		time: 0,
		answeredAt: 0,
		user: null,
		service: null,
		operation: null,
		soapVersion: null,
		status: 200,
		faultCode: null,
		durationMs: 0,
		throttled: false,
		injected: null,
		requestBody,
	});

	it(`keeps the newest ${MAX_LOG_ENTRIES} entries`, () => {
		const log = new RequestLog();
		for (let i = 0; i < MAX_LOG_ENTRIES + 5; i++) log.add(entry(''));
		expect(log.all()).toHaveLength(MAX_LOG_ENTRIES);
		expect(log.all()[0].seq).toBe(6);
	});

	it(`holds at most ${MAX_LOG_TOTAL_CHARS} characters of bodies: the oldest entries go first`, () => {
		const log = new RequestLog();
		const big = 'x'.repeat(MAX_LOG_BODY_CHARS * 2);
		const count = Math.ceil(MAX_LOG_TOTAL_CHARS / MAX_LOG_BODY_CHARS) + 10;
		for (let i = 0; i < count; i++) log.add(entry(big));
		const kept = log.all();
		const chars = kept.reduce((sum, e) => sum + e.requestBody.length, 0);
		expect(chars).toBeLessThanOrEqual(MAX_LOG_TOTAL_CHARS);
		expect(kept.length).toBeLessThan(count);
		expect(kept.at(-1)?.seq).toBe(count);
		expect(kept[0].requestBody).toBe(
			`${'x'.repeat(MAX_LOG_BODY_CHARS)}... [${MAX_LOG_BODY_CHARS * 2} chars]`,
		);
	});
});
