/** Debtor → Get: one debtor by its ID (DebtorService.Debtor_Get). */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { SentRequest } from '../../harness';
import { TOKEN, callsOf, failure, rl, runNode, stubNmbrs, useEmulator } from '../../runNode';
import { DEBTOR_LOGIN, withCallsDisabled } from '../helpers';

const emulator = useEmulator();

const run = (params: Record<string, unknown>, options: Parameters<typeof runNode>[2] = {}) =>
	runNode(emulator().soapBaseUrl, { resource: 'debtor', operation: 'get', ...params }, options);

describe('Debtor → Get', () => {
	it('returns each debtor asked for as one item with typed fields, in input order', async () => {
		const [first, second] = emulator().world.debtors;
		const sent: SentRequest[] = [];
		const items = await run(
			{ debtorId: (i: number) => rl([first.id, second.id][i]) },
			{ items: [{ json: {} }, { json: {} }], sent },
		);
		expect(items).toHaveLength(2);
		expect(items[0].json).toEqual({ Id: first.id, Number: first.number, Name: first.name });
		expect(items[1].json).toEqual({ Id: second.id, Number: second.number, Name: second.name });
		expect(typeof items[0].json.Id).toBe('number');
		expect(typeof items[0].json.Name).toBe('string');
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(callsOf(sent)).toEqual(['DebtorService.Debtor_Get', 'DebtorService.Debtor_Get']);
		expect(JSON.stringify(items)).not.toContain(TOKEN);
	});

	it('takes the ID picked from the list as well as typed', async () => {
		const [first] = emulator().world.debtors;
		const items = await run({ debtorId: { __rl: true, mode: 'list', value: String(first.id) } });
		expect(items[0].json.Id).toBe(first.id);
	});

	it('refuses Debtor ID 0 before any call', async () => {
		const sent: SentRequest[] = [];
		const error = await failure(run({ debtorId: rl('0') }, { sent }));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain('Debtor ID');
		expect(sent).toHaveLength(0);
	});

	it('an unknown debtor says where to find valid ones', async () => {
		const error = await failure(run({ debtorId: rl(999) }));
		expect((error as NodeApiError).description).toMatch(/debtor/i);
		expect((error as NodeApiError).description).toContain('Debtor Get Many');
	});

	it("another debtor than the login's own is fault 1003 (no rights on that debtor)", async () => {
		const [, other] = emulator().world.debtors;
		const error = await failure(run({ debtorId: rl(other.id) }, { credentials: DEBTOR_LOGIN }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toContain('1003');
		expect((error as NodeApiError).description).toMatch(/no rights on this debtor/);
		expect(JSON.stringify(error)).not.toContain(DEBTOR_LOGIN.token);
	});

	it('Debtor_Get switched off in the API user template (1002) fails; back on, it works', async () => {
		const [first] = emulator().world.debtors;
		await withCallsDisabled(emulator(), ['DebtorService.Debtor_Get'], async () => {
			const error = await failure(run({ debtorId: rl(first.id) }));
			expect(error.message).toContain('1002');
		});
		expect(await run({ debtorId: rl(first.id) })).toHaveLength(1);
	});

	it('sends DebtorId and nothing else (stub)', async () => {
		const stub = stubNmbrs({
			'DebtorService.Debtor_Get': { Id: 7, Number: 'D7', Name: 'Zeven B.V.' },
		});
		const items = await stub.run({ resource: 'debtor', operation: 'get', debtorId: rl(' 7 ') });
		expect(stub.calls).toEqual([
			{ operation: 'DebtorService.Debtor_Get', params: { DebtorId: 7 } },
		]);
		expect(items.map((i) => i.json)).toEqual([{ Id: 7, Number: 'D7', Name: 'Zeven B.V.' }]);
	});
});
