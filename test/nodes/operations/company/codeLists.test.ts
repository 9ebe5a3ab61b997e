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

describe('Company → Get Employees of a Payroll Run', () => {
	it('one item per employee the run paid, with the company and run', async () => {
		const [company] = emulator().world.companies;
		const run = emulator().world.runs.find((r) => r.companyId === company.id && r.isLocked)!;
		const items = await runNode(emulator().soapBaseUrl, {
			resource: 'company',
			operation: 'getPayrollRunEmployees',
			companyId: rl(company.id),
			runId: rl(run.id),
			year: String(run.year),
		});
		expect(items.length).toBeGreaterThan(0);
		for (const item of items) {
			expect(item.json).toMatchObject({ CompanyId: company.id, RunId: run.id });
			const employee = emulator().world.employees.find((e) => e.id === item.json.EmployeeId);
			expect(employee?.companyId).toBe(company.id);
			expect(item.json.EmployeeNumber).toBe(employee?.number);
		}
	});
});
