/** Company → Get Current Period: year, period and period type (CompanyService.Company_GetCurrentPeriod). */
import { periodOf } from '../../../../emulator/src/world/calendar';
import type { SentRequest } from '../../harness';
import { WORLD_NOW, callsOf, rl, runNode, stubNmbrs, useEmulator } from '../../runNode';

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
