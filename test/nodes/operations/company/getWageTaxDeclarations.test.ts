/** Company → Get Wage Tax Declarations: a company's declarations of a year (WageTax_GetList). */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { SentRequest } from '../../harness';
import { TOKEN, failure, rl, runNode, stubNmbrs, useEmulator } from '../../runNode';
import { WORLD_YEAR, atWorldNow, withCallsDisabled } from '../helpers';

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

	it('refuses a year outside 2000–2100 or a bad Company ID before any call, naming the field', async () => {
		for (const [params, field] of [
			[{ companyId: rl(1), year: 1999 }, 'Year'],
			[{ companyId: rl(1), year: 2101 }, 'Year'],
			[{ companyId: rl(1), year: 'next year' }, 'Year'],
			[{ companyId: rl('abc'), year: 2026 }, 'Company ID'],
		] as const) {
			const sent: SentRequest[] = [];
			const error = await failure(run(params, { sent }));
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toContain(field);
			expect(sent).toHaveLength(0);
		}
	});

	it('an unknown company is fault 2004, naming the company ID sent', async () => {
		const error = await failure(run({ companyId: rl(999999), year: WORLD_YEAR }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toContain('2004');
		expect((error as NodeApiError).description).toContain('999999');
	});

	it('reports a call switched off in the API user template (1002) with the call to enable', async () => {
		const { companyId } = companyWithDeclarations();
		await withCallsDisabled(emulator(), ['CompanyService.WageTax_GetList'], async () => {
			const error = await failure(run({ companyId: rl(companyId), year: WORLD_YEAR }));
			expect(error).toBeInstanceOf(NodeApiError);
			const apiError = error as NodeApiError;
			expect(apiError.message).toContain('1002');
			expect(apiError.description).toContain('CompanyService.WageTax_GetList');
			expect(apiError.description).toMatch(/API user template/i);
			expect(apiError.httpCode).toBe('500');
			expect(JSON.stringify(apiError)).not.toContain(TOKEN);
			expect(`${apiError.message} ${apiError.description}`).not.toContain(TOKEN);
		});
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
