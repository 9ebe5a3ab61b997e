/**
 * The emulator sends webhooks: an event in its world (a run locked, a declaration created or sent,
 * a pension export sent) is posted to each active setting of the debtor that has it switched on;
 * a failed post is retried, and GET /__admin/webhooks lists what was sent. Plain http endpoints
 * are taken only with allowHttpWebhooks, and only on loopback.
 */
import { createServer, type IncomingMessage, type Server } from 'http';
import type { AddressInfo } from 'net';

import { startEmulator, type RunningEmulator } from '../src';
import { endpointAllowed } from '../src/operations/debtorService';
import type { WebhookDelivery, WebhookPayload } from '../src/server/webhooks';
import { ACCOUNTANT, admin, faultCode, NS, postSoap, values } from './helpers';

interface Receiver {
	url: string;
	posts: Array<{ payload: WebhookPayload; attempt: string }>;
	/** Status per post, in order; past the list 200. */
	answers: number[];
	server: Server;
}

async function receiver(answers: number[] = []): Promise<Receiver> {
	const posts: Receiver['posts'] = [];
	const server = createServer((req: IncomingMessage, res) => {
		let body = '';
		req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
		req.on('end', () => {
			posts.push({
				payload: JSON.parse(body) as WebhookPayload,
				attempt: String(req.headers['x-nmbrs-emulator-attempt']),
			});
			res.writeHead(answers.shift() ?? 200).end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return { url: `http://127.0.0.1:${port}/hook`, posts, answers, server };
}

function insertEnvelope(debtorId: number, endpoint: string, eventIds: number[]): string {
	const events = eventIds
		.map((id) => `<WebhookEvent><EventId>${id}</EventId><Active>true</Active></WebhookEvent>`)
		.join('');
	return (
		`<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">` +
		`<soap:Header><AuthHeaderWithDomain xmlns="${NS('DebtorService')}"><Username>${ACCOUNTANT.email}</Username>` +
		`<Token>${ACCOUNTANT.token}</Token><Domain>${ACCOUNTANT.domain}</Domain></AuthHeaderWithDomain></soap:Header>` +
		`<soap:Body><WebhookSettings_Insert xmlns="${NS('DebtorService')}"><DebtorId>${debtorId}</DebtorId>` +
		`<WebhookSetting><WebhookSettingId>0</WebhookSettingId><Name>test</Name><Endpoint>${endpoint}</Endpoint>` +
		`<Active>true</Active><Events>${events}</Events></WebhookSetting></WebhookSettings_Insert></soap:Body></soap:Envelope>`
	);
}

async function insert(
	emulator: RunningEmulator,
	debtorId: number,
	endpoint: string,
	events: number[],
) {
	return await postSoap(
		emulator.soapBaseUrl,
		'DebtorService',
		'WebhookSettings_Insert',
		insertEnvelope(debtorId, endpoint, events),
	);
}

async function until<T>(read: () => Promise<T> | T, done: (value: T) => boolean): Promise<T> {
	const deadline = Date.now() + 5_000;
	for (;;) {
		const value = await read();
		if (done(value) || Date.now() > deadline) return value;
		await new Promise((r) => setTimeout(r, 20));
	}
}

const webhooks = async (emulator: RunningEmulator) =>
	(await admin<{ count: number; items: WebhookDelivery[] }>(emulator.adminUrl, 'GET', 'webhooks'))
		.json;

let emulator: RunningEmulator;
let hook: Receiver;

afterEach(async () => {
	await emulator?.close();
	hook?.server.close();
});

async function start(allowHttpWebhooks: boolean, answers: number[] = []) {
	hook = await receiver(answers);
	emulator = await startEmulator({
		port: 0,
		worldNow: '2026-11-25T09:00:00',
		allowHttpWebhooks,
		webhookRetryDelaysMs: [10, 20, 40],
	});
}

/** An open run of the debtor's first company, and that company. */
function openRun(debtorId: number) {
	const company = emulator.world.companies.find((c) => c.debtorId === debtorId)!;
	const run = emulator.world.runs.find((r) => r.companyId === company.id && !r.isLocked)!;
	return { company, run };
}

describe('webhook deliveries', () => {
	it('an http endpoint is 2044 unless allowed, and then only on this machine', async () => {
		await start(false);
		const [debtor] = emulator.world.debtors;
		expect(faultCode((await insert(emulator, debtor.id, hook.url, [1])).body)).toBe(2044);
		expect(endpointAllowed('http://127.0.0.1:5678/webhook/x', true)).toBe(true);
		expect(endpointAllowed('http://localhost:5678/webhook/x', true)).toBe(true);
		expect(endpointAllowed('http://[::1]:5678/webhook/x', true)).toBe(true);
		expect(endpointAllowed('http://n8n.example.nl/webhook/x', true)).toBe(false);
		expect(endpointAllowed('http://127.0.0.1.example.nl/x', true)).toBe(false);
		expect(endpointAllowed('http://127.0.0.1:5678/webhook/x', false)).toBe(false);
		expect(endpointAllowed('https://n8n.example.nl/webhook/x', false)).toBe(true);
	});

	it('a locked run is posted once per event switched on, to its debtor only, and listed', async () => {
		await start(true);
		const [first, second] = emulator.world.debtors;
		const answer = await insert(emulator, first.id, hook.url, [1, 2]);
		expect(answer.status).toBe(200);
		const settingId = Number(values(answer.body, 'WebhookSettings_InsertResult')[0]);
		// Another debtor's setting hears nothing of the first debtor's run.
		const other = await receiver();
		await insert(emulator, second.id, other.url, [1, 2, 3, 4, 5, 6]);

		const { company, run } = openRun(first.id);
		await admin(emulator.adminUrl, 'POST', `runs/${company.id}/${run.id}/lock`);
		await until(
			() => hook.posts,
			(p) => p.length >= 2,
		);
		await new Promise((r) => setTimeout(r, 100));
		other.server.close();
		expect(other.posts).toEqual([]);
		expect(hook.posts.map((p) => p.payload.event).sort()).toEqual([
			'Journals Finish',
			'Run Finish',
		]);
		expect(hook.posts[0].payload).toMatchObject({
			webhookSettingId: settingId,
			debtorId: first.id,
			companyId: company.id,
			occurredAt: '2026-11-25T09:00:00',
			subject: { runId: run.id, year: run.year, period: run.period },
		});
		const log = await until(
			() => webhooks(emulator),
			(l) => l.items.every((d) => d.state === 'delivered'),
		);
		expect(log.items.map((d) => [d.payload.event, d.state, d.attempts.length])).toEqual(
			expect.arrayContaining([
				['Run Finish', 'delivered', 1],
				['Journals Finish', 'delivered', 1],
			]),
		);
		// Locking it again is no new event.
		await admin(emulator.adminUrl, 'POST', `runs/${company.id}/${run.id}/lock`);
		await new Promise((r) => setTimeout(r, 100));
		expect(hook.posts).toHaveLength(2);
	});

	it('a failed post is retried with the same delivery id until it is taken, then no more', async () => {
		await start(true, [500, 503]);
		const [debtor] = emulator.world.debtors;
		await insert(emulator, debtor.id, hook.url, [1]);
		const { company, run } = openRun(debtor.id);
		await admin(emulator.adminUrl, 'POST', `runs/${company.id}/${run.id}/lock`);
		await until(
			() => hook.posts,
			(p) => p.length >= 3,
		);
		await new Promise((r) => setTimeout(r, 150));
		expect(hook.posts.map((p) => p.attempt)).toEqual(['1', '2', '3']);
		expect(new Set(hook.posts.map((p) => p.payload.deliveryId)).size).toBe(1);
		const [delivery] = (await webhooks(emulator)).items;
		expect(delivery.state).toBe('delivered');
		expect(delivery.attempts.map((a) => a.status)).toEqual([500, 503, 200]);
		await admin(emulator.adminUrl, 'DELETE', 'webhooks');
		expect((await webhooks(emulator)).count).toBe(0);
	});

	it('an endpoint that never answers well is given up after the last retry', async () => {
		await start(true, [500, 500, 500, 500, 500, 500]);
		const [debtor] = emulator.world.debtors;
		await insert(emulator, debtor.id, hook.url, [1]);
		const { company, run } = openRun(debtor.id);
		await admin(emulator.adminUrl, 'POST', `runs/${company.id}/${run.id}/lock`);
		const log = await until(
			() => webhooks(emulator),
			(l) => l.items.length > 0 && l.items[0].state !== 'pending',
		);
		expect(log.items[0].state).toBe('failed');
		// One attempt and the three retries given.
		expect(log.items[0].attempts).toHaveLength(4);
		expect(hook.posts).toHaveLength(4);
	});

	it('the clock moving on: declarations created and sent, pension exports sent', async () => {
		await start(true);
		const [debtor] = emulator.world.debtors;
		await insert(emulator, debtor.id, hook.url, [3, 4, 6]);
		await admin(emulator.adminUrl, 'POST', 'clock/advance', { to: '2026-12-27T09:00:00' });
		const companies = emulator.world.companies.filter((c) => c.debtorId === debtor.id);
		const log = await until(
			() => webhooks(emulator),
			(l) => l.items.length > 0 && l.items.every((d) => d.state !== 'pending'),
		);
		const events = new Set(log.items.map((d) => d.payload.event));
		expect(events).toEqual(
			new Set(['Wage Tax Declaration Created', 'Wage Tax Declaration Sent', 'Pension Export Sent']),
		);
		for (const d of log.items) expect(companies.map((c) => c.id)).toContain(d.payload.companyId);
		// Each company's November declaration was made final (created), once.
		const created = log.items.filter((d) => d.payload.event === 'Wage Tax Declaration Created');
		expect(created.map((d) => d.payload.companyId).sort()).toEqual(
			companies.map((c) => c.id).sort(),
		);
		expect(new Set(created.map((d) => d.payload.subject.period))).toEqual(new Set([11, 12]));
		expect(log.items.every((d) => d.state === 'delivered')).toBe(true);
		expect(hook.posts).toHaveLength(log.items.length);
	});

	it('a declaration locked through the admin API is created; sent, it is sent', async () => {
		await start(true);
		const [debtor] = emulator.world.debtors;
		await insert(emulator, debtor.id, hook.url, [3, 4]);
		const company = emulator.world.companies.find((c) => c.debtorId === debtor.id)!;
		const open = emulator.world.declarations.find(
			(d) => d.companyId === company.id && d.status === 'open',
		)!;
		await admin(emulator.adminUrl, 'POST', `declarations/${open.id}/status`, { status: 'locked' });
		await admin(emulator.adminUrl, 'POST', `declarations/${open.id}/status`, { status: 'sent' });
		await until(
			() => hook.posts,
			(p) => p.length >= 2,
		);
		expect(hook.posts.map((p) => [p.payload.event, p.payload.subject.loonaangifteId])).toEqual([
			['Wage Tax Declaration Created', open.id],
			['Wage Tax Declaration Sent', open.id],
		]);
	});

	it('a setting without the event hears nothing', async () => {
		await start(true);
		const [debtor] = emulator.world.debtors;
		await insert(emulator, debtor.id, hook.url, [3]);
		const { company, run } = openRun(debtor.id);
		await admin(emulator.adminUrl, 'POST', `runs/${company.id}/${run.id}/lock`);
		await new Promise((r) => setTimeout(r, 100));
		expect(hook.posts).toEqual([]);
		expect((await webhooks(emulator)).count).toBe(0);
	});
});
