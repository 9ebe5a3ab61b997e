/** Company → Get Many: all companies, or those of one debtor (List_GetAll / List_GetByDebtor). */
import type { SentRequest } from '../../harness';
import { callsOf, rl, runNode, stubNmbrs, useEmulator } from '../../runNode';
import { DEBTOR_LOGIN } from '../helpers';

const emulator = useEmulator();

const run = (params: Record<string, unknown>, options: Parameters<typeof runNode>[2] = {}) =>
	runNode(
		emulator().soapBaseUrl,
		{ resource: 'company', operation: 'getMany', ...params },
		options,
	);

describe('Company → Get Many', () => {
	it('returns every company the login sees, with typed fields', async () => {
		const sent: SentRequest[] = [];
		const items = await run({ scope: 'all', returnAll: true }, { sent });
		expect(items).toHaveLength(emulator().world.companies.length);
		for (const item of items) {
			expect(typeof item.json.ID).toBe('number');
			expect(typeof item.json.Number).toBe('number');
			expect(typeof item.json.Name).toBe('string');
			expect(typeof item.json.LoonaangifteTijdvak).toBe('string');
			expect(item.pairedItem).toEqual({ item: 0 });
		}
		expect(callsOf(sent)).toEqual(['CompanyService.List_GetAll']);
	});

	it('returns only those of one debtor, per input item, in input order', async () => {
		const [first, second] = emulator().world.debtors;
		const sent: SentRequest[] = [];
		const items = await run(
			{
				scope: 'debtor',
				returnAll: true,
				debtorId: (i: number) => rl([first.id, second.id][i]),
			},
			{ items: [{ json: {} }, { json: {} }], sent },
		);
		const companiesOf = (debtorId: number) =>
			emulator()
				.world.companies.filter((c) => c.debtorId === debtorId)
				.map((c) => c.id);
		const pairedWith = (i: number) =>
			items.filter((it) => (it.pairedItem as { item: number }).item === i).map((it) => it.json.ID);
		expect(pairedWith(0)).toEqual(companiesOf(first.id));
		expect(pairedWith(1)).toEqual(companiesOf(second.id));
		// input order: every item of input 0 comes before every item of input 1
		expect(items.map((it) => it.json.ID)).toEqual([
			...companiesOf(first.id),
			...companiesOf(second.id),
		]);
		expect(callsOf(sent)).toEqual([
			'CompanyService.List_GetByDebtor',
			'CompanyService.List_GetByDebtor',
		]);
	});

	it('stops at the limit when Return All is off', async () => {
		expect(await run({ scope: 'all', returnAll: false, limit: 3 })).toHaveLength(3);
	});

	it("a debtor-level login sees its own debtor's companies only", async () => {
		const [own] = emulator().world.debtors;
		const items = await run({ scope: 'all', returnAll: true }, { credentials: DEBTOR_LOGIN });
		expect(items.length).toBeGreaterThan(0);
		const ids = new Set(
			emulator()
				.world.companies.filter((c) => c.debtorId === own.id)
				.map((c) => c.id),
		);
		expect(items.every((i) => ids.has(Number(i.json.ID)))).toBe(true);
	});

	it('sends DebtorId for one debtor, nothing for all (stub)', async () => {
		const stub = stubNmbrs({
			'CompanyService.List_GetAll': [],
			'CompanyService.List_GetByDebtor': [],
		});
		await stub.run({ resource: 'company', operation: 'getMany', scope: 'all', returnAll: true });
		await stub.run({
			resource: 'company',
			operation: 'getMany',
			scope: 'debtor',
			debtorId: rl(41),
			returnAll: true,
		});
		expect(stub.calls).toEqual([
			{ operation: 'CompanyService.List_GetAll', params: {} },
			{ operation: 'CompanyService.List_GetByDebtor', params: { DebtorId: 41 } },
		]);
	});
});
