/** Company → Get Current Period: year, period and period type (CompanyService.Company_GetCurrentPeriod). */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { periodOf } from '../../../../emulator/src/world/calendar';
import type { SentRequest } from '../../harness';
import { WORLD_NOW, callsOf, failure, rl, runNode, stubNmbrs, useEmulator } from '../../runNode';
import { DEBTOR_LOGIN, withCallsDisabled } from '../helpers';

const emulator = useEmulator();

const run = (params: Record<string, unknown>, options: Parameters<typeof runNode>[2] = {}) =>
	runNode(
		emulator().soapBaseUrl,
		{ resource: 'company', operation: 'getCurrentPeriod', ...params },
		options,
	);

describe('Company → Get Current Period', () => {
	it('gives a monthly and a 4-weekly company their period as numbers, type and Nmbrs text', async () => {
		const monthly = emulator().world.companies.find((c) => c.periodType === 'Month')!;
		const fourWeekly = emulator().world.companies.find((c) => c.periodType === 'Week4')!;
		const sent: SentRequest[] = [];
		const items = await run(
			{ companyId: (i: number) => rl([monthly.id, fourWeekly.id][i]) },
			{ items: [{ json: {} }, { json: {} }], sent },
		);
		// 25 November 2026: month 11; 4-weekly period 12 (ISO weeks 45–48).
		const fourWeekPeriod = periodOf('Week4', WORLD_NOW.slice(0, 10));
		expect(items[0]).toEqual({
			json: {
				CompanyId: monthly.id,
				year: 2026,
				period: 11,
				periodType: 'month',
				periodsPerYear: 12,
				raw: '2026-11-M',
			},
			pairedItem: { item: 0 },
		});
		expect(items[1]).toEqual({
			json: {
				CompanyId: fourWeekly.id,
				year: fourWeekPeriod.year,
				period: fourWeekPeriod.period,
				periodType: '4weeks',
				periodsPerYear: 13,
				raw: `${fourWeekPeriod.year}-${fourWeekPeriod.period}-W4`,
			},
			pairedItem: { item: 1 },
		});
		expect(callsOf(sent)).toEqual([
			'CompanyService.Company_GetCurrentPeriod',
			'CompanyService.Company_GetCurrentPeriod',
		]);
	});

	it('refuses a bad Company ID before any call', async () => {
		for (const bad of ['', '-7', 'seven']) {
			const sent: SentRequest[] = [];
			const error = await failure(run({ companyId: rl(bad) }, { sent }));
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toContain('Company ID');
			expect(sent).toHaveLength(0);
		}
	});

	it("an unknown company, or one outside the login's debtors, is fault 2004 naming the ID", async () => {
		const unknown = await failure(run({ companyId: rl(999999) }));
		expect(unknown).toBeInstanceOf(NodeApiError);
		expect(unknown.message).toContain('2004');
		expect((unknown as NodeApiError).description).toContain('999999');
		const [own] = emulator().world.debtors;
		const other = emulator().world.companies.find((c) => c.debtorId !== own.id)!;
		const outside = await failure(run({ companyId: rl(other.id) }, { credentials: DEBTOR_LOGIN }));
		expect(outside).toBeInstanceOf(NodeApiError);
		expect(outside.message).toContain('2004');
	});

	it('a call switched off in the API user template (1002) names the call to enable', async () => {
		const [company] = emulator().world.companies;
		await withCallsDisabled(emulator(), ['CompanyService.Company_GetCurrentPeriod'], async () => {
			const error = await failure(run({ companyId: rl(company.id) }));
			expect(error).toBeInstanceOf(NodeApiError);
			expect(error.message).toContain('1002');
			expect((error as NodeApiError).description).toContain(
				'CompanyService.Company_GetCurrentPeriod',
			);
		});
	});

	it('with Continue On Fail, a failing item becomes an error item paired with it', async () => {
		const [company] = emulator().world.companies;
		const ids = ['999999', String(company.id)];
		const items = await run(
			{ companyId: (i: number) => rl(ids[i]) },
			{ items: [{ json: {} }, { json: {} }], continueOnFail: true },
		);
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(String(items[0].json.error)).toContain('2004');
		expect(items[1].json.period).toBe(11);
	});

	it("sends CompanyId; reads each spelling of the period type, and says so when it can't (stub)", async () => {
		const texts: Record<number, string> = {
			1: '2024-5-W4',
			2: '2024-13-4W',
			3: '2026-53-W1',
			4: 'soon',
		};
		const stub = stubNmbrs({
			'CompanyService.Company_GetCurrentPeriod': (params: { CompanyId: number }) =>
				texts[params.CompanyId],
		});
		const items = await stub.run(
			{ resource: 'company', operation: 'getCurrentPeriod', companyId: (i: number) => rl(i + 1) },
			{ items: [{ json: {} }, { json: {} }, { json: {} }, { json: {} }], continueOnFail: true },
		);
		expect(stub.calls.map((c) => c.params)).toEqual([
			{ CompanyId: 1 },
			{ CompanyId: 2 },
			{ CompanyId: 3 },
			{ CompanyId: 4 },
		]);
		expect(items.slice(0, 3).map((i) => i.json)).toEqual([
			{
				CompanyId: 1,
				year: 2024,
				period: 5,
				periodType: '4weeks',
				periodsPerYear: 13,
				raw: '2024-5-W4',
			},
			{
				CompanyId: 2,
				year: 2024,
				period: 13,
				periodType: '4weeks',
				periodsPerYear: 13,
				raw: '2024-13-4W',
			},
			{
				CompanyId: 3,
				year: 2026,
				period: 53,
				periodType: 'week',
				periodsPerYear: 53,
				raw: '2026-53-W1',
			},
		]);
		expect(String(items[3].json.error)).toContain('Cannot read the Nmbrs period "soon"');
		expect(String(items[3].json.description)).toContain('company 4');
	});
});
