/**
 * Employee → Get Hours and Get Wage Components: one item per component of the period, variable or
 * fixed, with the employee, company, kind and (for a period given) year and period.
 */
import { NodeOperationError } from 'n8n-workflow';

import type { SentRequest } from '../../harness';
import { callsOf, failure, rl, runNode, useEmulator } from '../../runNode';
import { employeeWithComponents } from '../../examples/world';

const emulator = useEmulator();

function recordsOf(store: 'hourComponentsVar' | 'wageComponentsFixed', employeeId: number) {
	return (emulator().world.records?.[store] ?? []).filter((r) => r.employeeId === employeeId);
}

describe('Employee → Get Hours', () => {
	it("the variable hours of the current period: the employee's hour components, each an item", async () => {
		const employee = employeeWithComponents(emulator(), 'hourComponentsVar');
		const sent: SentRequest[] = [];
		const items = await runNode(
			emulator().soapBaseUrl,
			{
				resource: 'employee',
				operation: 'getHours',
				companyId: rl(employee.companyId),
				employeeId: rl(employee.id),
				kind: 'variable',
				periodChoice: 'current',
			},
			{ sent },
		);
		expect(callsOf(sent)).toEqual(['EmployeeService.HourComponentVar_GetCurrent']);
		expect(items.map((i) => i.json)).toEqual(
			recordsOf('hourComponentsVar', employee.id).map((r) => ({
				Id: r.id,
				HourCode: r.fields.HourCode,
				Hours: r.fields.Hours,
				EmployeeId: employee.id,
				CompanyId: employee.companyId,
				Kind: 'variable',
			})),
		);
	});

	it('refuses a period the company does not have before asking for hours', async () => {
		const employee = employeeWithComponents(emulator(), 'hourComponentsVar');
		const sent: SentRequest[] = [];
		const error = await failure(
			runNode(
				emulator().soapBaseUrl,
				{
					resource: 'employee',
					operation: 'getHours',
					companyId: rl(employee.companyId),
					employeeId: rl(employee.id),
					kind: 'fixed',
					periodChoice: 'specific',
					year: 2026,
					period: 13,
				},
				{ sent },
			),
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain('13');
		expect(callsOf(sent)).toEqual(['CompanyService.Company_GetCurrentPeriod']);
	});
});

describe('Employee → Get Wage Components', () => {
	it('the fixed wage components of a period given hold the recurring allowances, with year and period', async () => {
		const withFixed = (emulator().world.records?.wageComponentsFixed ?? [])[0];
		const employee = emulator().world.employees.find((e) => e.id === withFixed.employeeId)!;
		const items = await runNode(emulator().soapBaseUrl, {
			resource: 'employee',
			operation: 'getWageComponents',
			companyId: rl(employee.companyId),
			employeeId: rl(employee.id),
			kind: 'fixed',
			periodChoice: 'specific',
			year: 2026,
			period: 5,
		});
		expect(items.map((i) => i.json)).toEqual(
			recordsOf('wageComponentsFixed', employee.id).map((r) => ({
				Id: r.id,
				Code: r.fields.Code,
				Value: r.fields.Value,
				EmployeeId: employee.id,
				CompanyId: employee.companyId,
				Kind: 'fixed',
				Year: 2026,
				Period: 5,
			})),
		);
		expect(items.length).toBeGreaterThan(0);
	});
});
