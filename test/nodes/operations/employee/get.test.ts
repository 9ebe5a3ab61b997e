/** Employee → Get: personal info as valid in the current period or a chosen one, BSN only on request. */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { SentRequest } from '../../harness';
import { callsOf, failure, rl, runNode, stubNmbrs, useEmulator } from '../../runNode';
import {
	companyOf,
	currentOf,
	employeeInService,
	locators,
	withFutureAndPastPersonalInfo,
} from './world';

const emulator = useEmulator();

const get = (params: Record<string, unknown>, options = {}) =>
	runNode(
		emulator().soapBaseUrl,
		{ resource: 'employee', operation: 'get', periodChoice: 'current', options: {}, ...params },
		options,
	);

describe('Employee → Get', () => {
	it('returns the personal info with typed fields and no BSN, paired with the input item', async () => {
		const employee = employeeInService(emulator());
		const [item, ...rest] = await get(locators(employee));
		expect(rest).toHaveLength(0);
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.json).toMatchObject({
			Id: employee.id,
			Number: employee.number,
			EmployeeNumber: employee.number,
			CompanyId: employee.companyId,
		});
		expect(typeof item.json.FirstName).toBe('string');
		expect(typeof item.json.LastName).toBe('string');
		expect(item.json.EmailWork).toMatch(/@/);
		expect(item.json.Birthday).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(typeof item.json.IdentificationType).toBe('number');
		expect('BSN' in item.json).toBe(false);
		expect(JSON.stringify(item.json)).not.toContain(employee.personalInfo[0].data.BSN!);
	});

	it('includes the BSN when Include BSN is on', async () => {
		const employee = employeeInService(emulator());
		const [item] = await get({ ...locators(employee), options: { includeBsn: true } });
		expect(item.json.BSN).toMatch(/^\d{9}$/);
	});

	it('picks the record valid in the period: current, an earlier one, or a future-dated one', async () => {
		const { employee, company, first, current, future } = withFutureAndPastPersonalInfo(emulator());
		const now = currentOf(emulator(), company);
		const [atNow] = await get(locators(employee));
		expect(atNow.json.EmailWork).toBe(current.data.EmailWork);
		expect(atNow.json.EmailWork).not.toBe(future.data.EmailWork);

		const [atFuture] = await get({
			...locators(employee),
			periodChoice: 'specific',
			year: future.startYear,
			period: future.startPeriod,
		});
		expect(atFuture.json).toMatchObject({
			EmailWork: future.data.EmailWork,
			Year: future.startYear,
			Period: future.startPeriod,
		});

		const [atStart] = await get({
			...locators(employee),
			periodChoice: 'specific',
			year: first.startYear,
			period: first.startPeriod,
		});
		// The change in the past: a partner (married) or new private contact details.
		const changed = (['PartnerLastName', 'EmailPrivate', 'TelephoneMobilePrivate'] as const).filter(
			(field) => first.data[field] !== current.data[field],
		);
		expect(changed.length).toBeGreaterThan(0);
		for (const field of changed) {
			expect(atStart.json[field]).toBe(first.data[field]);
			expect(atNow.json[field]).toBe(current.data[field]);
		}
		expect(now.year * 100 + now.period).toBeLessThan(future.startYear * 100 + future.startPeriod);
	});

	it('refuses period 13 of a monthly company, naming the periods it has, before asking for it', async () => {
		const employee = emulator().world.employees.find(
			(e) => companyOf(emulator(), e).periodType === 'Month',
		)!;
		const sent: SentRequest[] = [];
		const error = await failure(
			get({ ...locators(employee), periodChoice: 'specific', year: 2026, period: 13 }, { sent }),
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain('no period 13 in 2026');
		expect((error as NodeOperationError).description).toContain('1 to 12');
		expect(callsOf(sent)).toEqual(['CompanyService.Company_GetCurrentPeriod']);
	});

	it('refuses a year outside 2000–2100 before any call', async () => {
		const sent: SentRequest[] = [];
		const error = await failure(
			get(
				{ ...locators(employeeInService(emulator())), periodChoice: 'specific', year: 1999 },
				{ sent },
			),
		);
		expect(error.message).toContain('Year');
		expect(sent).toHaveLength(0);
	});

	it('reports an unknown employee with the fix', async () => {
		const employee = employeeInService(emulator());
		const error = await failure(get({ ...locators(employee), employeeId: rl(999_999) }));
		expect((error as NodeApiError).description).toMatch(/employee ID/i);
	});
});

describe('Employee → Get: the calls', () => {
	const record = {
		Id: 7,
		Number: 3,
		DisplayName: 'A. Jansen',
		BSN: '999999990',
		IdentificationType: 0,
	};

	it('current period: PersonalInfo_GetCurrent with the EmployeeId alone', async () => {
		const stub = stubNmbrs({ 'EmployeeService.PersonalInfo_GetCurrent': record });
		const [item] = await stub.run({
			resource: 'employee',
			operation: 'get',
			companyId: rl(5),
			employeeId: rl(7),
			periodChoice: 'current',
			options: {},
		});
		expect(stub.calls).toEqual([
			{ operation: 'EmployeeService.PersonalInfo_GetCurrent', params: { EmployeeId: 7 } },
		]);
		expect(item.json).toMatchObject({ Id: 7, DisplayName: 'A. Jansen', CompanyId: 5 });
		expect('BSN' in item.json).toBe(false);
	});

	it('a chosen period: the period checked against the company, then PersonalInfo_Get', async () => {
		const stub = stubNmbrs({
			'CompanyService.Company_GetCurrentPeriod': '2026-11-M',
			'EmployeeService.PersonalInfo_Get': record,
		});
		await stub.run({
			resource: 'employee',
			operation: 'get',
			companyId: rl(5),
			employeeId: rl(7),
			periodChoice: 'specific',
			year: 2025,
			period: 4,
			options: { includeBsn: true },
		});
		expect(stub.calls).toEqual([
			{ operation: 'CompanyService.Company_GetCurrentPeriod', params: { CompanyId: 5 } },
			{
				operation: 'EmployeeService.PersonalInfo_Get',
				params: { EmployeeId: 7, Period: 4, Year: 2025 },
			},
		]);
	});

	it('no record in the period gives no item', async () => {
		const stub = stubNmbrs({ 'EmployeeService.PersonalInfo_GetCurrent': null });
		const output = await stub.run({
			resource: 'employee',
			operation: 'get',
			companyId: rl(5),
			employeeId: rl(7),
			periodChoice: 'current',
			options: {},
		});
		expect(output).toEqual([]);
	});
});
