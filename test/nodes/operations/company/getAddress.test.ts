/** Company → Get Address: a company's current address (CompanyService.Address_GetCurrent). */
import type { SentRequest } from '../../harness';
import { callsOf, rl, runNode, stubNmbrs, useEmulator } from '../../runNode';

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
