import { DateTime, Settings } from 'luxon';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { startEmulator } from '../../emulator';
import { catalogue, getOperation } from '../../nodes/Nmbrs/catalogue';
import type { WireValue } from '../../nodes/Nmbrs/wire/shape';
import { buildFault, buildResponse, nmbrsFaultMessage } from '../../nodes/Nmbrs/wire/writeXml';
import { NmbrsTrigger } from '../../nodes/Nmbrs/NmbrsTrigger.node';
import { callWithCredentials } from '../support/plainHttp';
import type { Intercept, SentRequest } from './harness';
import { admin, credentialsFor, pollContext } from './harness';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
interface AdminDeclaration {
	id: number;
	companyId: number;
	year: number;
	period: number;
	status: string;
}

const trigger = new NmbrsTrigger();
const realNow = Settings.now;
let emulator: Emulator;

beforeEach(async () => {
	emulator = await startEmulator({ port: 0, world: 'demo', worldNow: '2026-11-25T09:00:00' });
	// The trigger looks at the years around "now": use the emulator world's clock as now.
	const clock = (await admin(emulator.adminUrl, '/clock', undefined, 'GET')) as { now: string };
	const worldNow = DateTime.fromISO(clock.now, { zone: 'Europe/Amsterdam' }).toMillis();
	Settings.now = () => worldNow;
});
afterEach(async () => {
	Settings.now = realNow;
	await emulator.close();
});

async function poll(
	staticData: IDataObject,
	options: {
		mode?: 'manual' | 'trigger';
		statuses?: string;
		intercept?: Intercept;
		sent?: SentRequest[];
	} = {},
): Promise<INodeExecutionData[][] | null> {
	const context = pollContext({
		params: { event: 'wageTaxDeclarationReachedStatus', statuses: options.statuses ?? 'locked' },
		credentials: credentialsFor(emulator.soapBaseUrl),
		mode: options.mode ?? 'trigger',
		staticData,
		intercept: options.intercept,
		sent: options.sent,
	});
	return await trigger.poll.call(context);
}

async function declarations(): Promise<AdminDeclaration[]> {
	return (
		(await admin(emulator.adminUrl, '/declarations', undefined, 'GET')) as {
			items: AdminDeclaration[];
		}
	).items;
}

/** Open declarations of the watched year(s), one per company, for the first `count` companies that have one. */
async function openDeclarations(count: number): Promise<AdminDeclaration[]> {
	const now = DateTime.now().setZone('Europe/Amsterdam');
	const picked: AdminDeclaration[] = [];
	for (const d of await declarations()) {
		if (d.status !== 'open' || d.year !== now.year) continue;
		if (picked.some((p) => p.companyId === d.companyId)) continue;
		picked.push(d);
		if (picked.length === count) break;
	}
	expect(picked).toHaveLength(count);
	return picked;
}

const lock = async (id: number, status = 'locked') =>
	await admin(emulator.adminUrl, `/declarations/${id}/status`, { status });

const xml = { 'content-type': 'text/xml; charset=utf-8' };
const isCall = (options: { headers?: unknown }, name: string) =>
	String((options.headers as Record<string, string> | undefined)?.SOAPAction ?? '').endsWith(
		`/${name}`,
	);

/** WageTax_GetList of the given company answers 1002 (switched off for it). */
const failFor =
	(companyId: number): Intercept =>
	(options) =>
		isCall(options, 'WageTax_GetList') &&
		String(options.body).includes(`<CompanyId>${companyId}</CompanyId>`)
			? {
					statusCode: 500,
					headers: xml,
					body: buildFault('1.1', {
						sender: false,
						message: nmbrsFaultMessage(1002, 'Unauthorized access'),
					}),
				}
			: undefined;

/** CompanyService.List_GetAll answers without the given company (as if it did not exist yet). */
async function hideCompany(companyId: number): Promise<Intercept> {
	const all = (await callWithCredentials(
		{
			email: 'accountant@demo.example',
			token: 'demo-token',
			subdomain: 'demo',
			environment: 'custom',
			customBaseUrl: emulator.soapBaseUrl,
		},
		'CompanyService.List_GetAll',
		{},
	)) as Array<Record<string, WireValue>>;
	const body = buildResponse(
		getOperation('CompanyService.List_GetAll'),
		all.filter((c) => c.ID !== companyId),
		catalogue,
	);
	return (options) =>
		isCall(options, 'List_GetAll') && options.url.endsWith('CompanyService.asmx')
			? { statusCode: 200, headers: xml, body }
			: undefined;
}

const ids = (result: INodeExecutionData[][] | null) =>
	result === null ? [] : result[0].map((i) => i.json.LoonaangifteID);

describe('Nmbrs Trigger: Wage Tax Declaration Reached Status', () => {
	it('records on the first poll, emits a newly locked declaration once, then nothing', async () => {
		const staticData: IDataObject = {};
		expect(await poll(staticData)).toBeNull();

		const [target] = await openDeclarations(1);
		await lock(target.id);

		const second = await poll(staticData);
		expect(second).not.toBeNull();
		const items = (second as INodeExecutionData[][])[0];
		expect(items).toHaveLength(1);
		expect(items[0].json.LoonaangifteID).toBe(target.id);
		expect(String(items[0].json.Status).toLowerCase()).toBe('locked');
		expect(items[0].json.CompanyId).toBe(target.companyId);
		expect(typeof items[0].json.CompanyName).toBe('string');

		expect(await poll(staticData)).toBeNull();
	});

	it('compares statuses case-insensitively', async () => {
		const staticData: IDataObject = {};
		expect(await poll(staticData, { statuses: 'LOCKED, Sent' })).toBeNull();
		const [target] = await openDeclarations(1);
		await lock(target.id, 'sent');
		const items = (
			(await poll(staticData, { statuses: 'LOCKED, Sent' })) as INodeExecutionData[][]
		)[0];
		expect(items.map((i) => i.json.LoonaangifteID)).toEqual([target.id]);
	});

	it('a company whose call fails does not cost the others their items, and is caught up later', async () => {
		const staticData: IDataObject = {};
		expect(await poll(staticData)).toBeNull();
		const [a, b] = await openDeclarations(2);
		await lock(a.id);
		await lock(b.id);

		// Company A's declaration list fails (1002) on this poll only.
		const failA: Intercept = (options) =>
			String(options.headers?.SOAPAction ?? '').endsWith('/WageTax_GetList') &&
			String(options.body).includes(`<CompanyId>${a.companyId}</CompanyId>`)
				? {
						statusCode: 500,
						headers: { 'content-type': 'text/xml; charset=utf-8' },
						body: buildFault('1.1', {
							sender: false,
							message: nmbrsFaultMessage(1002, 'Unauthorized access'),
						}),
					}
				: undefined;
		const withFailure = (
			(await poll(staticData, { intercept: failA })) as INodeExecutionData[][]
		)[0];
		expect(withFailure.map((i) => i.json.LoonaangifteID)).toEqual([b.id]);

		const next = ((await poll(staticData)) as INodeExecutionData[][])[0];
		expect(next.map((i) => i.json.LoonaangifteID)).toEqual([a.id]);
		expect(await poll(staticData)).toBeNull();
	});

	it('manual mode returns the most recent matching declaration and leaves the state alone', async () => {
		const staticData: IDataObject = {};
		expect(await poll(staticData)).toBeNull();
		const before = JSON.stringify(staticData);

		const locked = (await declarations()).filter((d) => d.status === 'locked');
		const manual = await poll(staticData, { mode: 'manual' });
		expect(manual).not.toBeNull();
		const items = (manual as INodeExecutionData[][])[0];
		expect(items).toHaveLength(1);
		expect(String(items[0].json.Status).toLowerCase()).toBe('locked');
		const newest = Math.max(...locked.map((d) => d.year * 100 + d.period));
		expect(Number(items[0].json.Year) * 100 + Number(items[0].json.Period)).toBe(newest);
		expect(JSON.stringify(staticData)).toBe(before);
	});

	it('manual mode before any production poll does not start the state either', async () => {
		const staticData: IDataObject = {};
		await poll(staticData, { mode: 'manual' });
		expect(staticData).toEqual({});
	});

	it('fails with the first error, naming the fix, when every company fails', async () => {
		const staticData: IDataObject = {};
		expect(await poll(staticData)).toBeNull();
		const before = JSON.stringify(staticData);
		await admin(
			emulator.adminUrl,
			`/users/${encodeURIComponent('accountant@demo.example')}/template`,
			{
				disabled: ['CompanyService.WageTax_GetList'],
			},
		);
		try {
			const error = await poll(staticData).catch((e: Error) => e);
			expect(error).toBeInstanceOf(NodeApiError);
			expect((error as NodeApiError).message).toContain('1002');
			expect((error as NodeApiError).description).toMatch(
				/enable CompanyService\.WageTax_GetList in the API user template/,
			);
			expect(JSON.stringify(staticData)).toBe(before);
		} finally {
			await admin(
				emulator.adminUrl,
				`/users/${encodeURIComponent('accountant@demo.example')}/template`,
				{ disabled: [] },
			);
		}
		const [target] = await openDeclarations(1);
		await lock(target.id);
		expect(ids(await poll(staticData))).toEqual([target.id]);
	});

	it('a company that fails on the first poll is baselined on its first successful one, not emitted', async () => {
		const [a] = await openDeclarations(1);
		const locked = (await declarations()).filter(
			(d) => d.companyId === a.companyId && d.status === 'locked',
		);
		expect(locked.length).toBeGreaterThan(0); // what a flood would emit

		const staticData: IDataObject = {};
		expect(await poll(staticData, { intercept: failFor(a.companyId) })).toBeNull();
		expect(await poll(staticData)).toBeNull();
		await lock(a.id);
		expect(ids(await poll(staticData))).toEqual([a.id]);
	});

	it('a company that appears after the first poll is baselined, not emitted with its whole history', async () => {
		const [a] = await openDeclarations(1);
		const staticData: IDataObject = {};
		expect(await poll(staticData, { intercept: await hideCompany(a.companyId) })).toBeNull();
		expect(await poll(staticData)).toBeNull();
		await lock(a.id);
		expect(ids(await poll(staticData))).toEqual([a.id]);
	});

	it('a change of the watched statuses records the existing declarations instead of emitting them', async () => {
		const staticData: IDataObject = {};
		expect(await poll(staticData, { statuses: 'locked' })).toBeNull();
		// Every company has accepted declarations this year: without a baseline these would flood.
		expect(await poll(staticData, { statuses: 'locked, accepted' })).toBeNull();
		const [target] = await openDeclarations(1);
		await lock(target.id, 'accepted');
		expect(ids(await poll(staticData, { statuses: 'Accepted,LOCKED' }))).toEqual([target.id]);
	});

	it('drops remembered declarations of years no longer watched', async () => {
		const staticData: IDataObject = {};
		expect(await poll(staticData)).toBeNull();
		const seen = staticData.seen as Record<string, string>;
		const watched = Object.keys(seen);
		expect(watched.length).toBeGreaterThan(0);
		seen['2019:123:locked'] = '2019-05-01';
		seen['456:locked'] = '2024-05-01'; // a key of an earlier version, without year
		expect(await poll(staticData)).toBeNull();
		expect(Object.keys(staticData.seen as Record<string, string>).sort()).toEqual(watched.sort());
	});

	it('refuses an empty Statuses field before any call', async () => {
		for (const statuses of ['', ' , ']) {
			const sent: SentRequest[] = [];
			const error = await poll({}, { statuses, sent }).catch((e: Error) => e);
			expect(error).toBeInstanceOf(NodeOperationError);
			expect((error as Error).message).toContain('Statuses');
			expect(sent).toHaveLength(0);
		}
	});
});
