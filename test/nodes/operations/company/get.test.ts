/** Company → Get: one company by its ID (CompanyService.List_GetAll once per execution, filtered). */
import { NodeOperationError } from 'n8n-workflow';

import type { SentRequest } from '../../harness';
import { TOKEN, callsOf, failure, rl, runNode, stubNmbrs, useEmulator } from '../../runNode';
import { DEBTOR_LOGIN } from '../helpers';

const emulator = useEmulator();

const run = (params: Record<string, unknown>, options: Parameters<typeof runNode>[2] = {}) =>
	runNode(emulator().soapBaseUrl, { resource: 'company', operation: 'get', ...params }, options);

describe('Company → Get', () => {
	it('returns each company asked for with typed fields; the list is read once for all items', async () => {
		const [a, b, c] = emulator().world.companies;
		const ids = [a.id, b.id, c.id, a.id];
		const sent: SentRequest[] = [];
		const items = await run(
			{ companyId: (i: number) => rl(ids[i]) },
			{ items: ids.map(() => ({ json: {} })), sent },
		);
		expect(items.map((i) => i.json.ID)).toEqual(ids);
		expect(items.map((i) => i.pairedItem)).toEqual(ids.map((_, item) => ({ item })));
		expect(items[0].json).toMatchObject({
			ID: a.id,
			Number: a.number,
			Name: a.name,
			LoonaangifteTijdvak: a.periodType,
		});
		for (const item of items) {
			expect(typeof item.json.ID).toBe('number');
			expect(typeof item.json.Number).toBe('number');
			expect(typeof item.json.Name).toBe('string');
			expect(typeof item.json.LoonaangifteTijdvak).toBe('string');
		}
		expect(callsOf(sent)).toEqual(['CompanyService.List_GetAll']);
		expect(JSON.stringify(items)).not.toContain(TOKEN);
	});

	it('a company that does not exist is an error naming the Company ID', async () => {
		const error = await failure(run({ companyId: rl(999999) }));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain('Company ID 999999');
		expect((error as NodeOperationError).description).toMatch(/cannot see it/);
		expect((error as NodeOperationError).description).toContain('Get Many');
	});

	it("a company outside the login's debtors is the same error (Nmbrs does not tell them apart)", async () => {
		const [own] = emulator().world.debtors;
		const other = emulator().world.companies.find((c) => c.debtorId !== own.id)!;
		const mine = emulator().world.companies.find((c) => c.debtorId === own.id)!;
		const error = await failure(run({ companyId: rl(other.id) }, { credentials: DEBTOR_LOGIN }));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain(`Company ID ${other.id}`);
		const items = await run({ companyId: rl(mine.id) }, { credentials: DEBTOR_LOGIN });
		expect(items[0].json.ID).toBe(mine.id);
	});

	it('sends one List_GetAll without parameters for all items; a failed list is asked again (stub)', async () => {
		let answers = 0;
		const stub = stubNmbrs({
			'CompanyService.List_GetAll': () => {
				answers += 1;
				// The first answer fails (e.g. a hiccup); the next item asks again.
				if (answers === 1) return { fault: 9999 };
				return [
					{ ID: 1, Number: 11, Name: 'Een', LoonaangifteTijdvak: 'Month' },
					{ ID: 2, Number: 12, Name: 'Twee', LoonaangifteTijdvak: 'Week4' },
				];
			},
		});
		const items = await stub.run(
			{ resource: 'company', operation: 'get', companyId: (i: number) => rl([1, 2, 1][i]) },
			{ items: [{ json: {} }, { json: {} }, { json: {} }], continueOnFail: true },
		);
		expect(String(items[0].json.error)).toContain('9999');
		expect(items.slice(1).map((i) => i.json.Name)).toEqual(['Twee', 'Een']);
		expect(stub.calls).toEqual([
			{ operation: 'CompanyService.List_GetAll', params: {} },
			{ operation: 'CompanyService.List_GetAll', params: {} },
		]);
	});
});
