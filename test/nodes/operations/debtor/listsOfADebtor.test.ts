/**
 * Debtor → Get Departments and Get Functions: the departments and job functions defined for a
 * debtor (DebtorService.Department_GetList, Function_GetList), one list-of-a-record operation each.
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { SentRequest } from '../../harness';
import { callsOf, failure, rl, runNode, stubNmbrs, useEmulator } from '../../runNode';
import { DEBTOR_LOGIN } from '../helpers';

const emulator = useEmulator();

describe.each([
	{
		operation: 'getDepartments',
		name: 'Get Departments',
		call: 'DebtorService.Department_GetList',
		list: 'departments' as const,
	},
	{
		operation: 'getFunctions',
		name: 'Get Functions',
		call: 'DebtorService.Function_GetList',
		list: 'functions' as const,
	},
])('Debtor → $name', ({ operation, call, list }) => {
	const run = (params: Record<string, unknown>, options: Parameters<typeof runNode>[2] = {}) =>
		runNode(
			emulator().soapBaseUrl,
			{ resource: 'debtor', operation, returnAll: true, ...params },
			options,
		);

	it("returns every entry of the debtor with typed fields and the debtor's ID", async () => {
		const [debtor] = emulator().world.debtors;
		const sent: SentRequest[] = [];
		const items = await run({ debtorId: rl(debtor.id) }, { sent });
		expect(items).toHaveLength(debtor[list].length);
		expect(items.length).toBeGreaterThan(1);
		for (const [i, item] of items.entries()) {
			expect(item.json).toEqual({
				Id: debtor[list][i].id,
				Code: debtor[list][i].code,
				Description: debtor[list][i].description,
				DebtorId: debtor.id,
			});
			expect(typeof item.json.Id).toBe('number');
			expect(typeof item.json.Code).toBe('number');
			expect(typeof item.json.Description).toBe('string');
			expect(item.pairedItem).toEqual({ item: 0 });
		}
		expect(callsOf(sent)).toEqual([call]);
	});

	it('stops at the limit when Return All is off', async () => {
		const [debtor] = emulator().world.debtors;
		const items = await run({ debtorId: rl(debtor.id), returnAll: false, limit: 2 });
		expect(items).toHaveLength(2);
	});

	it('refuses a Limit below 1 before any call', async () => {
		const sent: SentRequest[] = [];
		const error = await failure(run({ debtorId: rl(48001), returnAll: false, limit: 0 }, { sent }));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain('Limit');
		expect(sent).toHaveLength(0);
	});

	it('a debtor outside the login is 1003', async () => {
		const [, other] = emulator().world.debtors;
		const outside = await failure(run({ debtorId: rl(other.id) }, { credentials: DEBTOR_LOGIN }));
		expect(outside).toBeInstanceOf(NodeApiError);
		expect(outside.message).toContain('1003');
	});

	it('sends DebtorId; an empty list is no items (stub)', async () => {
		const stub = stubNmbrs({ [call]: [] });
		const items = await stub.run({
			resource: 'debtor',
			operation,
			debtorId: rl(12),
			returnAll: true,
		});
		expect(stub.calls).toEqual([{ operation: call, params: { DebtorId: 12 } }]);
		expect(items).toEqual([]);
	});
});
