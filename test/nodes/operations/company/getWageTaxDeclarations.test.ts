/** Company → Get Wage Tax Declarations: a company's declarations of a year (WageTax_GetList). */
import { NodeOperationError } from 'n8n-workflow';

import type { SentRequest } from '../../harness';
import { failure, rl, runNode, stubNmbrs, useEmulator } from '../../runNode';
import { WORLD_YEAR, atWorldNow } from '../helpers';

const emulator = useEmulator();

const run = (params: Record<string, unknown>, options: Parameters<typeof runNode>[2] = {}) =>
	runNode(
		emulator().soapBaseUrl,
		{ resource: 'company', operation: 'getWageTaxDeclarations', options: {}, ...params },
		options,
	);

/** A company that has wage tax declarations in the world's year, and how many. */
function companyWithDeclarations(): { companyId: number; count: number } {
	const inYear = emulator().world.declarations.filter((d) => d.year === WORLD_YEAR);
	const companyId = inYear[0].companyId;
	return { companyId, count: inYear.filter((d) => d.companyId === companyId).length };
}

describe('Company → Get Wage Tax Declarations', () => {
	it('returns the declarations of a company and year with typed fields and the company ID', async () => {
		const { companyId, count } = companyWithDeclarations();
		const items = await run({ companyId: rl(companyId), year: WORLD_YEAR });
		expect(items).toHaveLength(count);
		for (const item of items) {
			expect(typeof item.json.LoonaangifteID).toBe('number');
			expect(item.json.Year).toBe(WORLD_YEAR);
			expect(typeof item.json.Period).toBe('number');
			expect(typeof item.json.Status).toBe('string');
			expect(typeof item.json.TotalGeneral).toBe('number');
			expect(item.json.TijdvakStart).toMatch(/^\d{4}-\d{2}-\d{2}$/);
			expect(item.json.CompanyId).toBe(companyId);
			expect(item.pairedItem).toEqual({ item: 0 });
		}
	});

	it('filters on status, case-insensitively', async () => {
		const { companyId } = companyWithDeclarations();
		const all = await run({ companyId: rl(companyId), year: WORLD_YEAR });
		const status = String(all[0].json.Status);
		const filtered = await run({
			companyId: rl(companyId),
			year: WORLD_YEAR,
			options: { statuses: ` ${status.toUpperCase()} ` },
		});
		expect(filtered.length).toBe(
			all.filter((i) => String(i.json.Status).toLowerCase() === status.toLowerCase()).length,
		);
		expect(
			filtered.every((i) => String(i.json.Status).toLowerCase() === status.toLowerCase()),
		).toBe(true);
	});

	it('uses the current year (Dutch time) when no year is given', async () => {
		const { companyId, count } = companyWithDeclarations();
		await atWorldNow(async () => {
			// Empty, blank, cleared, or not set at all (the parameter's default).
			for (const year of [{ year: '' }, { year: '  ' }, { year: null }, {}]) {
				const sent: SentRequest[] = [];
				const items = await run({ companyId: rl(companyId), ...year }, { sent });
				expect(sent.at(-1)?.body).toContain(`<intYear>${WORLD_YEAR}</intYear>`);
				expect(items).toHaveLength(count);
				expect(items.every((i) => i.json.Year === WORLD_YEAR)).toBe(true);
			}
		});
	});

	it('refuses a year outside 2000–2100 or not a number before any call, naming the field', async () => {
		for (const year of [1999, 2101, 'next year']) {
			const sent: SentRequest[] = [];
			const error = await failure(run({ companyId: rl(1), year }, { sent }));
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toContain('Year');
			expect(sent).toHaveLength(0);
		}
	});

	it('sends CompanyId and intYear (stub)', async () => {
		const stub = stubNmbrs({ 'CompanyService.WageTax_GetList': [] });
		const items = await stub.run({
			resource: 'company',
			operation: 'getWageTaxDeclarations',
			companyId: rl(5),
			year: '2024',
			options: {},
		});
		expect(stub.calls).toEqual([
			{ operation: 'CompanyService.WageTax_GetList', params: { CompanyId: 5, intYear: 2024 } },
		]);
		expect(items).toEqual([]);
	});
});
