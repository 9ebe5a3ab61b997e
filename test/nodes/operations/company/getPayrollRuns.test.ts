/** Company → Get Payroll Runs: a company's runs of a year (CompanyService.Run_GetList). */
import { NodeOperationError } from 'n8n-workflow';

import type { SentRequest } from '../../harness';
import { TOKEN, callsOf, failure, rl, runNode, stubNmbrs, useEmulator } from '../../runNode';
import { WORLD_YEAR, atWorldNow, withCallsDisabled } from '../helpers';

const emulator = useEmulator();

const run = (params: Record<string, unknown>, options: Parameters<typeof runNode>[2] = {}) =>
	runNode(
		emulator().soapBaseUrl,
		{ resource: 'company', operation: 'getPayrollRuns', ...params },
		options,
	);

const runsOf = (companyId: number, year: number) =>
	emulator().world.runs.filter((r) => r.companyId === companyId && r.year === year);

describe('Company → Get Payroll Runs', () => {
	it('returns the runs of the company in the year with typed fields and the company ID', async () => {
		const [company] = emulator().world.companies;
		const expected = runsOf(company.id, WORLD_YEAR);
		expect(expected.length).toBeGreaterThan(1);
		const sent: SentRequest[] = [];
		const items = await run({ companyId: rl(company.id), year: String(WORLD_YEAR) }, { sent });
		expect(items.map((i) => i.json.ID)).toEqual(expected.map((r) => r.id));
		for (const item of items) {
			expect(typeof item.json.ID).toBe('number');
			expect(typeof item.json.Number).toBe('number');
			expect(item.json.Year).toBe(WORLD_YEAR);
			expect(typeof item.json.PeriodStart).toBe('number');
			expect(typeof item.json.PeriodEnd).toBe('number');
			expect(typeof item.json.Description).toBe('string');
			expect(item.json.RunAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
			expect(typeof item.json.IsLocked).toBe('boolean');
			expect(item.json.CompanyId).toBe(company.id);
			expect(item.pairedItem).toEqual({ item: 0 });
		}
		// the current period's run is still open, the earlier ones are locked
		expect(items.at(-1)?.json.IsLocked).toBe(false);
		expect(items[0].json.IsLocked).toBe(true);
		expect(callsOf(sent)).toEqual(['CompanyService.Run_GetList']);
		expect(JSON.stringify(items)).not.toContain(TOKEN);
	});

	it('takes another year as a number, and a year without runs gives no items', async () => {
		const [company] = emulator().world.companies;
		const lastYear = await run({ companyId: rl(company.id), year: WORLD_YEAR - 1 });
		expect(lastYear).toHaveLength(runsOf(company.id, WORLD_YEAR - 1).length);
		expect(lastYear.every((i) => i.json.Year === WORLD_YEAR - 1)).toBe(true);
		expect(await run({ companyId: rl(company.id), year: 2001 })).toEqual([]);
	});

	it('uses the current year (Dutch time) when Year is empty', async () => {
		const [company] = emulator().world.companies;
		await atWorldNow(async () => {
			for (const year of [{ year: '' }, { year: ' ' }, { year: null }, {}]) {
				const sent: SentRequest[] = [];
				const items = await run({ companyId: rl(company.id), ...year }, { sent });
				expect(sent.at(-1)?.body).toContain(`<Year>${WORLD_YEAR}</Year>`);
				expect(items).toHaveLength(runsOf(company.id, WORLD_YEAR).length);
			}
		});
	});

	it('refuses a bad Year before any call, naming the field', async () => {
		for (const year of ['1999', 2101, '2025.5']) {
			const sent: SentRequest[] = [];
			const error = await failure(run({ companyId: rl(1), year }, { sent }));
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toContain('Year');
			expect(sent).toHaveLength(0);
		}
	});

	it('Run_GetList switched off in the API user template (1002) fails; back on, it works', async () => {
		const [company] = emulator().world.companies;
		await withCallsDisabled(emulator(), ['CompanyService.Run_GetList'], async () => {
			const error = await failure(run({ companyId: rl(company.id), year: '2026' }));
			expect(error.message).toContain('1002');
		});
		expect((await run({ companyId: rl(company.id), year: '2026' })).length).toBeGreaterThan(0);
	});

	it('sends CompanyId and Year (stub)', async () => {
		const stub = stubNmbrs({
			'CompanyService.Run_GetList': [
				{
					ID: 3,
					Number: 1,
					Year: 2025,
					PeriodStart: 4,
					PeriodEnd: 4,
					Description: 'April',
					RunAt: '2025-04-24T10:00:00',
					IsLocked: true,
				},
			],
		});
		const items = await stub.run({
			resource: 'company',
			operation: 'getPayrollRuns',
			companyId: rl(12),
			year: '2025',
		});
		expect(stub.calls).toEqual([
			{ operation: 'CompanyService.Run_GetList', params: { CompanyId: 12, Year: 2025 } },
		]);
		expect(items.map((i) => i.json)).toEqual([
			expect.objectContaining({ ID: 3, PeriodStart: 4, IsLocked: true, CompanyId: 12 }),
		]);
	});
});
