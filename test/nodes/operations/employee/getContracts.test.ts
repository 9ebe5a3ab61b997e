/** Employee → Get Contracts: every contract of an employee, one item each. */
import { rl, runNode, stubNmbrs, useEmulator } from '../../runNode';
import { locators } from './world';

const emulator = useEmulator();

const getContracts = (params: Record<string, unknown>, options = {}) =>
	runNode(
		emulator().soapBaseUrl,
		{ resource: 'employee', operation: 'getContracts', ...params },
		options,
	);

describe('Employee → Get Contracts', () => {
	it('returns one item per contract with typed fields', async () => {
		const employee = emulator().world.employees.find((e) => e.contracts.length >= 2)!;
		const items = await getContracts(locators(employee));
		expect(items).toHaveLength(employee.contracts.length);
		items.forEach((item, i) => {
			const contract = employee.contracts[i];
			expect(item.pairedItem).toEqual({ item: 0 });
			expect(item.json).toMatchObject({
				ContractID: contract.id,
				StartDate: contract.startDate,
				EndDate: contract.endDate,
				Indefinite: contract.indefinite,
				HoursPerWeek: contract.hoursPerWeek,
				EmployeeId: employee.id,
				CompanyId: employee.companyId,
			});
			expect(item.json.CreationDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
			expect(typeof item.json.EmployementType).toBe('number');
		});
	});
});

describe('Employee → Get Contracts: the call', () => {
	it('Contract_GetAll with the EmployeeId', async () => {
		const stub = stubNmbrs({
			'EmployeeService.Contract_GetAll': [
				{ ContractID: 1, EmployementType: 1, EmploymentSequenceTaxId: 1, StartDate: '2024-01-01' },
			],
		});
		const items = await stub.run({
			resource: 'employee',
			operation: 'getContracts',
			companyId: rl(5),
			employeeId: rl(7),
		});
		expect(stub.calls).toEqual([
			{ operation: 'EmployeeService.Contract_GetAll', params: { EmployeeId: 7 } },
		]);
		expect(items[0].json).toMatchObject({ ContractID: 1, StartDate: '2024-01-01', EmployeeId: 7 });
	});
});
