/**
 * Debtor → Check API Access: every read call the nodes use, made once with the login's own
 * records, reported on or off (1002) with the operations that need it; writes listed, not made.
 */
import { catalogue, operationKey } from '../../../../nodes/Nmbrs/catalogue';
import type { SentRequest } from '../../harness';
import { callsOf, runNode, useEmulator } from '../../runNode';

const emulator = useEmulator();

async function check(credentials?: { email: string; token: string }, sent?: SentRequest[]) {
	const items = await runNode(
		emulator().soapBaseUrl,
		{ resource: 'debtor', operation: 'checkApiAccess' },
		{ credentials, sent },
	);
	return new Map(items.map((i) => [String(i.json.Call), i.json]));
}

describe('Debtor → Check API Access', () => {
	it('the accountant login: every read call on, every write listed and not made', async () => {
		const sent: SentRequest[] = [];
		const report = await check(undefined, sent);
		const reads = catalogue.operations.filter((op) => op.access === 'read').map(operationKey);
		const writes = catalogue.operations.filter((op) => op.access === 'write').map(operationKey);
		expect([...report.keys()].sort()).toEqual([...reads, ...writes].sort());
		for (const key of reads)
			expect({ key, access: report.get(key)?.Access }).toEqual({ key, access: 'on' });
		for (const key of writes) {
			expect(report.get(key)?.Access).toBe('not checked: it would change data');
			expect(callsOf(sent)).not.toContain(key);
		}
		expect(report.get('CompanyService.WageTax_GetXML')?.UsedBy).toEqual(
			expect.arrayContaining([
				'Salary Document → Get Wage Tax Declaration XML',
				'Nmbrs Trigger → Wage Tax Declaration Reached Status',
			]),
		);
	});

	it('a restricted login: the calls its template switches off are off (1002), the others on', async () => {
		const report = await check({ email: 'restricted@demo.example', token: 'restricted-token' });
		expect(report.get('CompanyService.WageTax_GetXML')?.Access).toBe('off (1002)');
		expect(report.get('CompanyService.SalaryDocuments_GetSEPA')?.Access).toBe('off (1002)');
		expect(report.get('CompanyService.WageTax_GetList')?.Access).toBe('on');
		const off = [...report.values()]
			.filter((row) => row.Access === 'off (1002)')
			.map((r) => r.Call);
		expect(off.sort()).toEqual([
			'CompanyService.SalaryDocuments_GetSEPA',
			'CompanyService.WageTax_GetXML',
		]);
	});
});
