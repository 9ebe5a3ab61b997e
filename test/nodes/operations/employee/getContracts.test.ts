/** Employee → Get Contracts: every contract of an employee, one item each. */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { SentRequest } from '../../harness';
import { failure, rl, runNode, stubNmbrs, useEmulator } from '../../runNode';
import { employeeInService, locators } from './world';

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

	it('refuses a non-numeric employee ID before any call', async () => {
		const sent: SentRequest[] = [];
		const error = await failure(
			getContracts({ ...locators(employeeInService(emulator())), employeeId: rl('1.5') }, { sent }),
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain('Employee ID');
		expect(sent).toHaveLength(0);
	});

	it('reports an unknown employee as 2003; with Continue On Fail as an error item', async () => {
		const employee = employeeInService(emulator());
		const error = await failure(getContracts({ ...locators(employee), employeeId: rl(999_999) }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toContain('2003');
		const output = await getContracts(
			{ ...locators(employee), employeeId: (i: number) => rl(i === 0 ? 999_999 : employee.id) },
			{ items: [{ json: {} }, { json: {} }], continueOnFail: true },
		);
		expect(output[0].json.error).toContain('2003');
		expect(output.slice(1).every((i) => i.json.EmployeeId === employee.id)).toBe(true);
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
