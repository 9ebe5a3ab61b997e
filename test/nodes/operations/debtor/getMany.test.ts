/** Debtor → Get Many: every debtor the login can see (DebtorService.List_GetAll). */
import { NodeOperationError } from 'n8n-workflow';

import type { SentRequest } from '../../harness';
import { failure, runNode, stubNmbrs, useEmulator } from '../../runNode';
import { DEBTOR_LOGIN } from '../helpers';

const emulator = useEmulator();

const run = (params: Record<string, unknown>, options: Parameters<typeof runNode>[2] = {}) =>
	runNode(emulator().soapBaseUrl, { resource: 'debtor', operation: 'getMany', ...params }, options);

describe('Debtor → Get Many', () => {
	it('returns every debtor as an item with typed fields, paired with the input item', async () => {
		const items = await run({ returnAll: true });
		expect(items).toHaveLength(emulator().world.debtors.length);
		expect(items.length).toBeGreaterThan(1);
		for (const item of items) {
			expect(typeof item.json.Id).toBe('number');
			expect(typeof item.json.Number).toBe('string');
			expect(typeof item.json.Name).toBe('string');
			expect(item.pairedItem).toEqual({ item: 0 });
		}
	});

	it('stops at the limit when Return All is off', async () => {
		const items = await run({ returnAll: false, limit: 1 });
		expect(items).toHaveLength(1);
	});

	it('a debtor-level login sees its own debtor only', async () => {
		const items = await run({ returnAll: true }, { credentials: DEBTOR_LOGIN });
		expect(items.map((i) => i.json.Id)).toEqual([emulator().world.debtors[0].id]);
	});

	it('refuses a Limit below 1 before any call', async () => {
		const sent: SentRequest[] = [];
		const error = await failure(run({ returnAll: false, limit: 0 }, { sent }));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain('Limit');
		expect(sent).toHaveLength(0);
	});

	it('sends List_GetAll without parameters (stub)', async () => {
		const stub = stubNmbrs({
			'DebtorService.List_GetAll': [
				{ Id: 1, Number: 'D1', Name: 'Een' },
				{ Id: 2, Number: 'D2', Name: 'Twee' },
			],
		});
		const items = await stub.run({ resource: 'debtor', operation: 'getMany', returnAll: true });
		expect(stub.calls).toEqual([{ operation: 'DebtorService.List_GetAll', params: {} }]);
		expect(items.map((i) => i.json.Name)).toEqual(['Een', 'Twee']);
	});
});
