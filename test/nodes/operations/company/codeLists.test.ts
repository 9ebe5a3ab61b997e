/**
 * Company → Get Hour Codes, Get Wage Codes, Get Cost Centers: the lists a planning tool maps its
 * codes to, one item per code with the company it belongs to.
 */
import { HOUR_CODES, WAGE_CODES } from '../../../../emulator/src/records/codes';
import { rl, runNode, useEmulator } from '../../runNode';

const emulator = useEmulator();

async function run(operation: string, companyId: number) {
	return await runNode(emulator().soapBaseUrl, {
		resource: 'company',
		operation,
		companyId: rl(companyId),
	});
}

describe('Company → code lists', () => {
	it("Get Hour Codes: one item per code of the company's hour model", async () => {
		const [company] = emulator().world.companies;
		const items = await run('getHourCodes', company.id);
		expect(items.map((i) => i.json)).toEqual(
			HOUR_CODES.map((c) => ({ CompanyId: company.id, Code: c.code, Description: c.description })),
		);
		expect(items.map((i) => i.pairedItem)).toEqual(items.map(() => ({ item: 0 })));
	});

	it("Get Wage Codes: one item per code of the company's wage model", async () => {
		const [company] = emulator().world.companies;
		const items = await run('getWageCodes', company.id);
		expect(items.map((i) => [i.json.Code, i.json.Description])).toEqual(
			WAGE_CODES.map((c) => [c.code, c.description]),
		);
	});

	it("Get Cost Centers: the company's own cost centers, not another company's", async () => {
		const [first, second] = emulator().world.companies;
		const items = await run('getCostCenters', first.id);
		expect(items.map((i) => i.json)).toEqual(
			first.costCenters.map((c) => ({
				CompanyId: first.id,
				Code: c.code,
				Description: c.description,
				Id: c.id,
			})),
		);
		const others = await run('getCostCenters', second.id);
		expect(others.map((i) => i.json.Id)).toEqual(second.costCenters.map((c) => c.id));
	});
});
