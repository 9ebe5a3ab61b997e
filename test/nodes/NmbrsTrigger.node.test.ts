import { DateTime, Settings } from 'luxon';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { startEmulator } from '../../emulator';
import { buildFault, nmbrsFaultMessage } from '../../nodes/Nmbrs/catalogue/wire/writeXml';
import { NmbrsTrigger } from '../../nodes/Nmbrs/NmbrsTrigger.node';
import type { Intercept } from './harness';
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
	options: { mode?: 'manual' | 'trigger'; statuses?: string; intercept?: Intercept } = {},
): Promise<INodeExecutionData[][] | null> {
	const context = pollContext({
		params: { event: 'wageTaxDeclarationReachedStatus', statuses: options.statuses ?? 'locked' },
		credentials: credentialsFor(emulator.soapBaseUrl),
		mode: options.mode ?? 'trigger',
		staticData,
		intercept: options.intercept,
	});
	return await trigger.poll.call(context);
}

async function declarations(): Promise<AdminDeclaration[]> {
	return ((await admin(emulator.adminUrl, '/declarations', undefined, 'GET')) as { items: AdminDeclaration[] }).items;
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
		const items = ((await poll(staticData, { statuses: 'LOCKED, Sent' })) as INodeExecutionData[][])[0];
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
						body: buildFault('1.1', { sender: false, message: nmbrsFaultMessage(1002, 'Unauthorized access') }),
					}
				: undefined;
		const withFailure = ((await poll(staticData, { intercept: failA })) as INodeExecutionData[][])[0];
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
});
