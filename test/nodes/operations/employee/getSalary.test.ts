/** Employee → Get Salary: as valid in the current period or a chosen one. */
import { NodeOperationError } from 'n8n-workflow';

import { comparePeriods } from '../../../../emulator/src/world/calendar';
import { versionAt } from '../../../../emulator/src/world/history';
import type { SentRequest } from '../../harness';
import { callsOf, failure, rl, runNode, stubNmbrs, useEmulator } from '../../runNode';
import { companyOf, currentOf, employeeInService, inService, locators } from './world';

const emulator = useEmulator();

const getSalary = (params: Record<string, unknown>, options = {}) =>
	runNode(
		emulator().soapBaseUrl,
		{ resource: 'employee', operation: 'getSalary', periodChoice: 'current', ...params },
		options,
	);

describe('Employee → Get Salary', () => {
	it('returns the current salary with typed fields', async () => {
		const employee = employeeInService(emulator());
		const [item, ...rest] = await getSalary(locators(employee));
		expect(rest).toHaveLength(0);
		const expected = versionAt(
			employee.salaries,
			currentOf(emulator(), companyOf(emulator(), employee)),
		)!;
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.json).toMatchObject({
			Value: expected.valueCents / 100,
			Type: expected.type,
			StartDate: expected.startDate,
			EmployeeId: employee.id,
			CompanyId: employee.companyId,
		});
		expect(typeof item.json.Value).toBe('number');
	});

	it('a chosen period gives the salary valid then; a future raise only from its period', async () => {
		const employee = emulator().world.employees.find((e) => {
			if (!inService(e)) return false;
			const now = currentOf(emulator(), companyOf(emulator(), e));
			return e.salaries.some(
				(s) => comparePeriods({ year: s.startYear, period: s.startPeriod }, now) > 0,
			);
		})!;
		const future = employee.salaries[employee.salaries.length - 1];
		const [atNow] = await getSalary(locators(employee));
		expect(atNow.json.Value).not.toBe(future.valueCents / 100);
		const [atRaise] = await getSalary({
			...locators(employee),
			periodChoice: 'specific',
			year: future.startYear,
			period: future.startPeriod,
		});
		expect(atRaise.json).toMatchObject({
			Value: future.valueCents / 100,
			Year: future.startYear,
			Period: future.startPeriod,
		});
	});

	it('refuses period 13 of a monthly company, naming its periods', async () => {
		const employee = emulator().world.employees.find(
			(e) => companyOf(emulator(), e).periodType === 'Month',
		)!;
		const sent: SentRequest[] = [];
		const error = await failure(
			getSalary(
				{ ...locators(employee), periodChoice: 'specific', year: 2026, period: 13 },
				{ sent },
			),
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as NodeOperationError).description).toContain('1 to 12');
		expect(callsOf(sent)).toEqual(['CompanyService.Company_GetCurrentPeriod']);
	});

	it('refuses a period outside 1–53 before any call', async () => {
		const sent: SentRequest[] = [];
		const error = await failure(
			getSalary(
				{
					...locators(employeeInService(emulator())),
					periodChoice: 'specific',
					year: 2026,
					period: 54,
				},
				{ sent },
			),
		);
		expect(error.message).toContain('Period Number');
		expect(sent).toHaveLength(0);
	});
});

describe('Employee → Get Salary: the calls', () => {
	const salary = { Value: 3500, Type: 'Bruto_Salaris_Fulltime', StartDate: '2026-01-01' };

	it('Salary_GetCurrent with the EmployeeId for the current period', async () => {
		const stub = stubNmbrs({ 'EmployeeService.Salary_GetCurrent': salary });
		const [item] = await stub.run({
			resource: 'employee',
			operation: 'getSalary',
			companyId: rl(5),
			employeeId: rl(7),
			periodChoice: 'current',
		});
		expect(stub.calls).toEqual([
			{ operation: 'EmployeeService.Salary_GetCurrent', params: { EmployeeId: 7 } },
		]);
		expect(item.json).toMatchObject({ ...salary, EmployeeId: 7, CompanyId: 5 });
	});

	it('Salary_Get with EmployeeId, Period and Year for a chosen period', async () => {
		const stub = stubNmbrs({
			'CompanyService.Company_GetCurrentPeriod': '2026-11-M',
			'EmployeeService.Salary_Get': salary,
		});
		await stub.run({
			resource: 'employee',
			operation: 'getSalary',
			companyId: rl(5),
			employeeId: rl(7),
			periodChoice: 'specific',
			year: 2026,
			period: 3,
		});
		expect(stub.calls[1]).toEqual({
			operation: 'EmployeeService.Salary_Get',
			params: { EmployeeId: 7, Period: 3, Year: 2026 },
		});
	});

	it('no salary in the period gives no item', async () => {
		const stub = stubNmbrs({ 'EmployeeService.Salary_GetCurrent': null });
		const output = await stub.run({
			resource: 'employee',
			operation: 'getSalary',
			companyId: rl(5),
			employeeId: rl(7),
			periodChoice: 'current',
		});
		expect(output).toEqual([]);
	});
});
