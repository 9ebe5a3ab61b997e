/** Company → Get Address: a company's current address (CompanyService.Address_GetCurrent). */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { SentRequest } from '../../harness';
import { callsOf, failure, rl, runNode, stubNmbrs, useEmulator } from '../../runNode';
import { DEBTOR_LOGIN, withCallsDisabled } from '../helpers';

const emulator = useEmulator();

const run = (params: Record<string, unknown>, options: Parameters<typeof runNode>[2] = {}) =>
	runNode(
		emulator().soapBaseUrl,
		{ resource: 'company', operation: 'getAddress', ...params },
		options,
	);

describe('Company → Get Address', () => {
	it("returns the company's address with typed fields and the company ID", async () => {
		const [company] = emulator().world.companies;
		const sent: SentRequest[] = [];
		const items = await run({ companyId: rl(company.id) }, { sent });
		expect(items).toHaveLength(1);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[0].json).toMatchObject({
			Id: company.address.id,
			Default: true,
			Street: company.address.street,
			HouseNumber: company.address.houseNumber,
			PostalCode: company.address.postalCode,
			City: company.address.city,
			CountryISOCode: 'NL',
			CompanyId: company.id,
		});
		expect(typeof items[0].json.Id).toBe('number');
		expect(typeof items[0].json.Default).toBe('boolean');
		expect(items[0].json.PostalCode).toMatch(/^\d{4} ?[A-Z]{2}$/);
		expect(callsOf(sent)).toEqual(['CompanyService.Address_GetCurrent']);
	});

	it('refuses a bad Company ID before any call', async () => {
		for (const bad of ['', '-1', 'x1']) {
			const sent: SentRequest[] = [];
			const error = await failure(run({ companyId: rl(bad) }, { sent }));
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toContain('Company ID');
			expect(sent).toHaveLength(0);
		}
	});

	it("an unknown company, or one outside the login's debtors, is fault 2004", async () => {
		const unknown = await failure(run({ companyId: rl(424242) }));
		expect(unknown).toBeInstanceOf(NodeApiError);
		expect(unknown.message).toContain('2004');
		expect((unknown as NodeApiError).description).toContain('424242');
		const [own] = emulator().world.debtors;
		const other = emulator().world.companies.find((c) => c.debtorId !== own.id)!;
		const outside = await failure(run({ companyId: rl(other.id) }, { credentials: DEBTOR_LOGIN }));
		expect(outside).toBeInstanceOf(NodeApiError);
		expect(outside.message).toContain('2004');
	});

	it('a call switched off in the API user template (1002) names the call to enable', async () => {
		const [company] = emulator().world.companies;
		await withCallsDisabled(emulator(), ['CompanyService.Address_GetCurrent'], async () => {
			const error = await failure(run({ companyId: rl(company.id) }));
			expect(error).toBeInstanceOf(NodeApiError);
			expect(error.message).toContain('1002');
			expect((error as NodeApiError).description).toContain('CompanyService.Address_GetCurrent');
		});
	});

	it('with Continue On Fail, a failing item becomes an error item paired with it', async () => {
		const [company] = emulator().world.companies;
		const ids = [String(company.id), '424242'];
		const items = await run(
			{ companyId: (i: number) => rl(ids[i]) },
			{ items: [{ json: {} }, { json: {} }], continueOnFail: true },
		);
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(items[0].json.CompanyId).toBe(company.id);
		expect(String(items[1].json.error)).toContain('2004');
	});

	it('sends CompanyId; a company without an address gives no item (stub)', async () => {
		const stub = stubNmbrs({ 'CompanyService.Address_GetCurrent': null });
		const items = await stub.run({
			resource: 'company',
			operation: 'getAddress',
			companyId: rl(31),
		});
		expect(stub.calls).toEqual([
			{ operation: 'CompanyService.Address_GetCurrent', params: { CompanyId: 31 } },
		]);
		expect(items).toEqual([]);
	});
});
