/** Employee → Get Bank Accounts: the accounts valid in the current period, one item each. */
import { NodeApiError } from 'n8n-workflow';

import { failure, rl, runNode, stubNmbrs, useEmulator } from '../../runNode';
import { employeeInService, locators } from './world';

const emulator = useEmulator();

const getBankAccounts = (params: Record<string, unknown>, options = {}) =>
	runNode(
		emulator().soapBaseUrl,
		{ resource: 'employee', operation: 'getBankAccounts', ...params },
		options,
	);

describe('Employee → Get Bank Accounts', () => {
	it('returns the current accounts with IBAN, BIC and holder', async () => {
		const employee = employeeInService(emulator());
		const items = await getBankAccounts(locators(employee));
		expect(items.length).toBeGreaterThan(0);
		for (const item of items) {
			expect(item.pairedItem).toEqual({ item: 0 });
			expect(item.json.IBAN).toMatch(/^NL\d{2}[A-Z]{4}\d{10}$/);
			expect(typeof item.json.BIC).toBe('string');
			expect(typeof item.json.Name).toBe('string');
			expect(typeof item.json.Id).toBe('number');
			expect(item.json.Type).toBe('Standaard');
			expect(item.json).toMatchObject({ EmployeeId: employee.id, CompanyId: employee.companyId });
		}
	});

	it('reports an employee of a debtor the login cannot see as 2003', async () => {
		const foreign = emulator().world.employees.find(
			(e) =>
				emulator().world.companies.find((c) => c.id === e.companyId)!.debtorId !==
				emulator().world.debtors[0].id,
		)!;
		const error = await failure(
			getBankAccounts(locators(foreign), {
				credentials: { email: 'debtor@demo.example', token: 'debtor-token' },
			}),
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toContain('2003');
		expect(JSON.stringify(error)).not.toContain('debtor-token');
	});
});

describe('Employee → Get Bank Accounts: the call', () => {
	it('BankAccount_GetListCurrent with the EmployeeId', async () => {
		const stub = stubNmbrs({
			'EmployeeService.BankAccount_GetListCurrent': [
				{ Id: 3, IBAN: 'NL91ABNA0417164300', Type: 'Standaard' },
			],
		});
		const items = await stub.run({
			resource: 'employee',
			operation: 'getBankAccounts',
			companyId: rl(5),
			employeeId: rl(7),
		});
		expect(stub.calls).toEqual([
			{ operation: 'EmployeeService.BankAccount_GetListCurrent', params: { EmployeeId: 7 } },
		]);
		expect(items.map((i) => i.json)).toEqual([
			expect.objectContaining({ Id: 3, IBAN: 'NL91ABNA0417164300', EmployeeId: 7, CompanyId: 5 }),
		]);
	});
});
