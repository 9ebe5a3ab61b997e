/** Employee → Get Employments: the company batch call, filtered to the employee. */
import { NodeOperationError } from 'n8n-workflow';

import type { SentRequest } from '../../harness';
import { callsOf, failure, rl, runNode, stubNmbrs, useEmulator } from '../../runNode';
import { employeeInService, locators } from './world';

const emulator = useEmulator();

const getEmployments = (params: Record<string, unknown>, options = {}) =>
	runNode(
		emulator().soapBaseUrl,
		{ resource: 'employee', operation: 'getEmployments', ...params },
		options,
	);

describe('Employee → Get Employments', () => {
	it('returns the employments of the employee, dates as dates', async () => {
		const rehired = emulator().world.employees.find((e) => e.employments.length >= 2)!;
		const items = await getEmployments(locators(rehired));
		expect(items).toHaveLength(rehired.employments.length);
		items.forEach((item, i) => {
			const employment = rehired.employments[i];
			expect(item.pairedItem).toEqual({ item: 0 });
			expect(item.json).toMatchObject({
				EmploymentId: employment.id,
				StartDate: employment.startDate,
				EndDate: employment.endDate,
				InitialStartDate: employment.initialStartDate,
				EmployeeId: rehired.id,
				CompanyId: rehired.companyId,
			});
		});
		expect(items[0].json.EndDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
	});

	it('several items of one company make one batch call', async () => {
		const first = employeeInService(emulator(), 0);
		const others = emulator().world.employees.filter((e) => e.companyId === first.companyId);
		const sent: SentRequest[] = [];
		const output = await getEmployments(
			{ companyId: rl(first.companyId), employeeId: (i: number) => rl(others[i].id) },
			{ items: others.slice(0, 5).map(() => ({ json: {} })), sent },
		);
		expect(callsOf(sent)).toEqual(['EmployeeService.Employment_GetAll_AllEmployeesByCompany']);
		expect(new Set(output.map((i) => i.json.EmployeeId))).toEqual(
			new Set(
				others
					.slice(0, 5)
					.filter((e) => e.employments.length > 0)
					.map((e) => e.id),
			),
		);
	});

	it('an employee of another company is an error that says so', async () => {
		const employee = employeeInService(emulator(), 0);
		const otherCompany = emulator().world.companies.find((c) => c.id !== employee.companyId)!;
		const error = await failure(
			getEmployments({ companyId: rl(otherCompany.id), employeeId: rl(employee.id) }),
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(
			`Employee ${employee.id} is not an employee of company ${otherCompany.id}`,
		);
	});
});

describe('Employee → Get Employments: the call', () => {
	it('Employment_GetAll_AllEmployeesByCompany with CompanyID, the employee picked out', async () => {
		const stub = stubNmbrs({
			'EmployeeService.Employment_GetAll_AllEmployeesByCompany': [
				{ EmployeeId: 6, EmployeeEmployments: [{ EmploymentId: 60, StartDate: '2020-01-01' }] },
				{ EmployeeId: 7, EmployeeEmployments: [{ EmploymentId: 70, StartDate: '2021-02-01' }] },
			],
		});
		const items = await stub.run({
			resource: 'employee',
			operation: 'getEmployments',
			companyId: rl(5),
			employeeId: rl(7),
		});
		expect(stub.calls).toEqual([
			{
				operation: 'EmployeeService.Employment_GetAll_AllEmployeesByCompany',
				params: { CompanyID: 5 },
			},
		]);
		expect(items.map((i) => i.json)).toEqual([
			expect.objectContaining({ EmploymentId: 70, StartDate: '2021-02-01', EmployeeId: 7 }),
		]);
	});
});
