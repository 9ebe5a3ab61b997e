/**
 * Employee → Get Many: the employees of a company, with personal info, department and function as
 * valid in the chosen period (one batch call per company) and employments.
 */
import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { versionAt } from '../../../../emulator/src/world/history';
import type { SentRequest } from '../../harness';
import { callsOf, failure, rl, runNode, stubNmbrs, useEmulator } from '../../runNode';
import { nextPeriod, periodRange } from '../../../../emulator/src/world/calendar';
import {
	currentOf,
	employeeInService,
	withFutureAndPastPersonalInfo,
	withFutureAssignments,
	companyOf,
} from './world';

const emulator = useEmulator();

const getMany = (params: Record<string, unknown>, options = {}) =>
	runNode(
		emulator().soapBaseUrl,
		{
			resource: 'employee',
			operation: 'getMany',
			employeeType: 2,
			returnAll: true,
			periodChoice: 'current',
			options: {},
			...params,
		},
		options,
	);

const everything = {
	includePersonalInfo: true,
	includeDepartment: true,
	includeFunction: true,
	includeEmployments: true,
	includeSalary: true,
	includeSchedule: true,
	includeAddress: true,
	includeContract: true,
	includeCostCenters: true,
};

describe('Employee → Get Many', () => {
	it('returns the active employees (type 2) of a company', async () => {
		const company = emulator().world.companies[0];
		const items = await getMany({ companyId: rl(String(company.id)) });
		expect(items.length).toBeGreaterThan(0);
		for (const item of items) {
			expect(typeof item.json.Id).toBe('number');
			expect(typeof item.json.Number).toBe('number');
			expect(typeof item.json.DisplayName).toBe('string');
			expect(item.json.CompanyId).toBe(company.id);
			expect(item.pairedItem).toEqual({ item: 0 });
			expect('PersonalInfo' in item.json).toBe(false);
		}
		const limited = await getMany({
			companyId: rl(String(company.id)),
			returnAll: false,
			limit: 1,
		});
		expect(limited).toHaveLength(1);
	});

	it('adds personal info, department, function and employments, without the BSN', async () => {
		const company = emulator().world.companies[0];
		const items = await getMany({ companyId: rl(company.id), options: everything });
		const now = currentOf(emulator(), company);
		expect(items.length).toBeGreaterThan(0);
		for (const item of items) {
			const employee = emulator().world.employees.find((e) => e.id === item.json.Id)!;
			const info = item.json.PersonalInfo as IDataObject;
			const expected = versionAt(employee.personalInfo, now)!;
			expect(info).toMatchObject({
				FirstName: expected.data.FirstName,
				LastName: expected.data.LastName,
				EmailWork: expected.data.EmailWork,
				Birthday: expected.data.Birthday,
			});
			expect(typeof info.StartYear).toBe('number');
			expect('BSN' in info).toBe(false);
			const department = item.json.Department as IDataObject;
			expect(department.Id).toBe(versionAt(employee.departments, now)!.refId);
			expect(typeof department.Description).toBe('string');
			expect((item.json.Function as IDataObject).Id).toBe(
				versionAt(employee.functions, now)!.refId,
			);
			const employments = item.json.Employments as IDataObject[];
			expect(employments).toHaveLength(employee.employments.length);
			expect(employments[0].StartDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
			expect(item.json).toMatchObject({
				CompanyId: company.id,
				Year: now.year,
				Period: now.period,
			});
		}
		expect(JSON.stringify(items)).not.toMatch(/"BSN"/);
	});

	it('includes the BSN when Include BSN is on', async () => {
		const company = emulator().world.companies[0];
		const items = await getMany({
			companyId: rl(company.id),
			options: { includePersonalInfo: true, includeBsn: true },
		});
		for (const item of items)
			expect((item.json.PersonalInfo as IDataObject).BSN).toMatch(/^\d{9}$/);
	});

	it('picks the version valid in the chosen period and ignores future-dated ones', async () => {
		const { employee, company, current, future } = withFutureAndPastPersonalInfo(emulator());
		const find = (items: Array<{ json: IDataObject }>) =>
			items.find((i) => i.json.Id === employee.id)!.json;
		const atNow = find(
			await getMany({ companyId: rl(company.id), options: { includePersonalInfo: true } }),
		);
		expect((atNow.PersonalInfo as IDataObject).EmailWork).toBe(current.data.EmailWork);
		expect((atNow.PersonalInfo as IDataObject).EmailWork).not.toBe(future.data.EmailWork);
		const atFuture = find(
			await getMany({
				companyId: rl(company.id),
				periodChoice: 'specific',
				year: future.startYear,
				period: future.startPeriod,
				options: { includePersonalInfo: true },
			}),
		);
		expect((atFuture.PersonalInfo as IDataObject).EmailWork).toBe(future.data.EmailWork);
	});

	it('picks the department and function valid now, not the future-dated ones', async () => {
		const employee = withFutureAssignments(emulator());
		const company = companyOf(emulator(), employee);
		const now = currentOf(emulator(), company);
		const items = await getMany({
			companyId: rl(company.id),
			options: { includeDepartment: true, includeFunction: true },
		});
		const json = items.find((i) => i.json.Id === employee.id)!.json;
		const futureDepartment = employee.departments[employee.departments.length - 1];
		expect((json.Department as IDataObject).Id).toBe(versionAt(employee.departments, now)!.refId);
		expect((json.Department as IDataObject).Id).not.toBe(futureDepartment.refId);
		const futureFunction = employee.functions[employee.functions.length - 1];
		expect((json.Function as IDataObject).Id).toBe(versionAt(employee.functions, now)!.refId);
		expect((json.Function as IDataObject).Id).not.toBe(futureFunction.refId);
	});

	it('adds salary, schedule, home address, contract and cost centers of the period; future-dated ones from their period on', async () => {
		const world = emulator().world;
		const employee = employeeInService(emulator());
		const company = companyOf(emulator(), employee);
		const now = currentOf(emulator(), company);
		const next = nextPeriod(company.periodType, now);
		const nextStart = periodRange(company.periodType, next.year, next.period).start;
		const made = world.clock.now();
		const current = {
			salary: versionAt(employee.salaries, now)!,
			schedule: versionAt(employee.schedules, now)!,
			address: versionAt(
				employee.addresses.filter((a) => a.type === 'HomeAddress'),
				now,
			)!,
		};
		// Entered now, valid from the next period: a raise, a 32-hour week and a move.
		const future = {
			id: 990_001,
			startYear: next.year,
			startPeriod: next.period,
			creationDate: made,
		};
		employee.salaries.push({
			...future,
			startDate: nextStart,
			type: current.salary.type,
			valueCents: current.salary.valueCents + 12_345,
		});
		employee.schedules.push({
			...future,
			startDate: nextStart,
			hours: [8, 8, 8, 8, 0, 0, 0, 8, 8, 8, 8, 0, 0, 0],
			parttimePercentage: 80,
		});
		employee.addresses.push({
			...future,
			type: 'HomeAddress',
			address: { ...current.address.address, street: 'Verhuisstraat' },
		});
		const options = {
			includeSalary: true,
			includeSchedule: true,
			includeAddress: true,
			includeContract: true,
			includeCostCenters: true,
		};

		const find = (items: Awaited<ReturnType<typeof getMany>>) =>
			items.find((i) => i.json.Id === employee.id)!.json;
		const inCurrent = find(await getMany({ companyId: rl(company.id), options }));
		expect((inCurrent.Salary as IDataObject).Value).toBe(current.salary.valueCents / 100);
		expect((inCurrent.Schedule as IDataObject).HoursFriday).toBe(current.schedule.hours[4]);
		expect((inCurrent.Address as IDataObject).Street).toBe(current.address.address.street);
		const contract = inCurrent.Contract as IDataObject;
		const running = employee.contracts.find((c) => c.id === contract.ContractID)!;
		expect(running.startDate <= periodRange(company.periodType, now.year, now.period).end).toBe(
			true,
		);
		expect(
			running.endDate === null ||
				running.endDate >= periodRange(company.periodType, now.year, now.period).start,
		).toBe(true);
		const costCenters = inCurrent.CostCenters as IDataObject[];
		expect(costCenters.length).toBeGreaterThan(0);
		expect((costCenters[0].CostCenter as IDataObject).Code).toEqual(expect.any(String));

		const inNext = find(
			await getMany({
				companyId: rl(company.id),
				periodChoice: 'specific',
				year: next.year,
				period: next.period,
				options,
			}),
		);
		expect((inNext.Salary as IDataObject).Value).toBe((current.salary.valueCents + 12_345) / 100);
		expect((inNext.Schedule as IDataObject).HoursFriday).toBe(0);
		expect((inNext.Address as IDataObject).Street).toBe('Verhuisstraat');
	});

	it('makes one batch call per company and option, never one per employee or item', async () => {
		const [first, second] = emulator().world.companies;
		const sent: SentRequest[] = [];
		const items = await getMany(
			{
				companyId: (i: number) => rl(i < 3 ? first.id : second.id),
				options: everything,
			},
			{ items: [{ json: {} }, { json: {} }, { json: {} }, { json: {} }], sent },
		);
		expect(items.length).toBeGreaterThan(10);
		const calls = callsOf(sent);
		const count = (op: string) => calls.filter((c) => c === op).length;
		for (const batch of [
			'EmployeeService.PersonalInfo_GetAll_AllEmployeesByCompany',
			'EmployeeService.Department_GetAll_AllEmployeesByCompany',
			'EmployeeService.Function_GetAll_AllEmployeesByCompany',
			'EmployeeService.Employment_GetAll_AllEmployeesByCompany',
			'EmployeeService.Salary_GetAll_AllEmployeesByCompany',
			'EmployeeService.Schedule_GetAll_AllEmployeesByCompany',
			'EmployeeService.Address_GetAll_AllEmployeesByCompany',
			'EmployeeService.Contract_GetAll_AllEmployeesByCompany',
			'EmployeeService.CostCenter_GetAllEmployeesByCompany',
		]) {
			expect(count(batch)).toBe(2);
		}
		expect(count('CompanyService.Company_GetCurrentPeriod')).toBe(2);
		expect(count('EmployeeService.List_GetByCompany')).toBe(4);
		expect(calls.some((c) => /PersonalInfo_Get(?:Current)?$/.test(c))).toBe(false);
	});

	it('refuses period 13 of a monthly company before any batch call', async () => {
		const company = emulator().world.companies.find((c) => c.periodType === 'Month')!;
		const sent: SentRequest[] = [];
		const error = await failure(
			getMany(
				{
					companyId: rl(company.id),
					periodChoice: 'specific',
					year: 2026,
					period: 13,
					options: { includePersonalInfo: true },
				},
				{ sent },
			),
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as NodeOperationError).description).toContain('1 to 12');
		expect(callsOf(sent)).toEqual(['CompanyService.Company_GetCurrentPeriod']);
	});
});

describe('Employee → Get Many: the calls', () => {
	const list = [
		{ Id: 11, Number: 1, DisplayName: 'A. Jansen' },
		{ Id: 12, Number: 2, DisplayName: 'B. de Vries' },
	];
	const info = (employeeId: number, email: string, year: number, period: number) => ({
		EmployeeId: employeeId,
		EmployeePersonalInfos: [
			{
				Id: employeeId * 10 + period,
				EmployeeNumber: employeeId,
				BSN: '999999990',
				EmailWork: email,
				Gender: 'female',
				NationalityCode: 1,
				IdentificationType: 0,
				BurgerlijkeStaat: 0,
				Naamstelling: 0,
				Birthday: null,
				CreationDate: '2025-01-01T10:00:00',
				StartPeriod: period,
				StartYear: year,
			},
		],
	});

	it('without options: List_GetByCompany with CompanyId and EmployeeType, nothing else', async () => {
		const stub = stubNmbrs({ 'EmployeeService.List_GetByCompany': list });
		const items = await stub.run({
			resource: 'employee',
			operation: 'getMany',
			companyId: rl(5),
			employeeType: 4,
			returnAll: true,
			options: {},
		});
		expect(stub.calls).toEqual([
			{
				operation: 'EmployeeService.List_GetByCompany',
				params: { CompanyId: 5, EmployeeType: 4 },
			},
		]);
		expect(items.map((i) => i.json)).toEqual([
			{ ...list[0], CompanyId: 5 },
			{ ...list[1], CompanyId: 5 },
		]);
	});

	it('with personal info: the batch call by CompanyID; a future-dated record only is null', async () => {
		const stub = stubNmbrs({
			'EmployeeService.List_GetByCompany': list,
			'CompanyService.Company_GetCurrentPeriod': '2026-11-M',
			'EmployeeService.PersonalInfo_GetAll_AllEmployeesByCompany': [
				info(11, 'a@x.example', 2024, 3),
				info(12, 'b@x.example', 2026, 12),
			],
		});
		const items = await stub.run({
			resource: 'employee',
			operation: 'getMany',
			companyId: rl(5),
			employeeType: 2,
			returnAll: true,
			periodChoice: 'current',
			options: { includePersonalInfo: true },
		});
		expect(stub.calls.map((c) => c.operation)).toEqual([
			'CompanyService.Company_GetCurrentPeriod',
			'EmployeeService.List_GetByCompany',
			'EmployeeService.PersonalInfo_GetAll_AllEmployeesByCompany',
		]);
		expect(stub.calls[2].params).toEqual({ CompanyID: 5 });
		expect((items[0].json.PersonalInfo as IDataObject).EmailWork).toBe('a@x.example');
		expect('BSN' in (items[0].json.PersonalInfo as IDataObject)).toBe(false);
		expect(items[1].json.PersonalInfo).toBeNull();
	});
});
