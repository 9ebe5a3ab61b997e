/**
 * Employee → Update Personal Info: only the given fields change; the node reads the whole record
 * and writes all of it back, so untouched fields and the BSN stay; items of one employee in order.
 */
import type { IDataObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { SentRequest } from '../../harness';
import { admin, callsOf, failure, rl, runNode, stubNmbrs, useEmulator } from '../../runNode';
import { employeeInService, locators } from './world';

const emulator = useEmulator();

const update = (params: Record<string, unknown>, options = {}) =>
	runNode(
		emulator().soapBaseUrl,
		{ resource: 'employee', operation: 'updatePersonalInfo', options: {}, ...params },
		options,
	);

/** The current personal info as Nmbrs has it, BSN included. */
async function readBack(employeeId: number, companyId: number): Promise<IDataObject> {
	const [item] = await runNode(emulator().soapBaseUrl, {
		resource: 'employee',
		operation: 'get',
		companyId: rl(companyId),
		employeeId: rl(employeeId),
		periodChoice: 'current',
		options: { includeBsn: true },
	});
	return item.json;
}

describe('Employee → Update Personal Info', () => {
	it('changes the work e-mail and leaves every other field and the BSN as they were', async () => {
		const employee = employeeInService(emulator(), 0);
		const before = await readBack(employee.id, employee.companyId);
		expect(before.BSN).toMatch(/^\d{9}$/);
		const sent: SentRequest[] = [];
		const [item] = await update(
			{ ...locators(employee), fields: { emailWork: 'new.address@acme.example' } },
			{ sent },
		);
		// Read, write, read back to check.
		expect(callsOf(sent)).toEqual([
			'EmployeeService.PersonalInfo_GetCurrent',
			'EmployeeService.PersonalInfo_UpdateCurrent',
			'EmployeeService.PersonalInfo_GetCurrent',
		]);
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.json).toMatchObject({
			Id: employee.id,
			EmailWork: 'new.address@acme.example',
			LastName: before.LastName,
			CompanyId: employee.companyId,
			ChangedFields: ['EmailWork'],
		});
		expect('BSN' in item.json).toBe(false);

		const after = await readBack(employee.id, employee.companyId);
		expect(after.EmailWork).toBe('new.address@acme.example');
		const untouched = (record: IDataObject) => {
			const { EmailWork, CreationDate, ...rest } = record;
			void EmailWork;
			void CreationDate;
			return rest;
		};
		expect(untouched(after)).toEqual(untouched(before));
		expect(after.BSN).toBe(before.BSN);
		expect(after.Birthday).toBe(before.Birthday);
		expect(after.TelephoneMobilePrivate).toBe(before.TelephoneMobilePrivate);
	});

	it('clears a field added but left empty, and changes typed fields', async () => {
		const employee = employeeInService(emulator(), 1);
		const [item] = await update({
			...locators(employee),
			fields: {
				telephoneWork: '',
				birthday: '1990-02-03T00:00:00',
				gender: 'male',
				nationalityCode: 2,
			},
		});
		expect(item.json.ChangedFields).toEqual([
			'TelephoneWork',
			'Gender',
			'Birthday',
			'NationalityCode',
		]);
		const after = await readBack(employee.id, employee.companyId);
		expect(after).toMatchObject({
			Birthday: '1990-02-03',
			Gender: 'male',
			NationalityCode: 2,
		});
		expect(after.TelephoneWork ?? null).toBeNull();
	});

	it('runs two items updating one employee one after another: both changes land, in order', async () => {
		const employee = employeeInService(emulator(), 2);
		const sent: SentRequest[] = [];
		const fields = [
			{ emailWork: 'first@acme.example', telephoneWork: '020-1111111' },
			{ emailWork: 'second@acme.example' },
			{ nickname: 'Bo' },
		];
		const output = await update(
			{ ...locators(employee), fields: (i: number) => fields[i] },
			{ items: fields.map(() => ({ json: {} })), sent },
		);
		expect(output.map((i) => i.json.EmailWork)).toEqual([
			'first@acme.example',
			'second@acme.example',
			'second@acme.example',
		]);
		expect(callsOf(sent)).toEqual(
			Array.from({ length: 3 }, () => [
				'EmployeeService.PersonalInfo_GetCurrent',
				'EmployeeService.PersonalInfo_UpdateCurrent',
				'EmployeeService.PersonalInfo_GetCurrent',
			]).flat(),
		);
		const after = await readBack(employee.id, employee.companyId);
		expect(after).toMatchObject({
			EmailWork: 'second@acme.example',
			TelephoneWork: '020-1111111',
			Nickname: 'Bo',
		});
	});

	it('reports a protected period (2011) with its fix and that nothing was changed', async () => {
		const employee = employeeInService(emulator(), 3);
		const before = await readBack(employee.id, employee.companyId);
		await admin(emulator().adminUrl, '/faults', {
			operation: 'EmployeeService.PersonalInfo_UpdateCurrent',
			kind: 'fault',
			code: 2011,
			times: 1,
		});
		try {
			const error = await failure(
				update({ ...locators(employee), fields: { emailWork: 'blocked@acme.example' } }),
			);
			expect(error).toBeInstanceOf(NodeApiError);
			expect(error.message).toContain('2011');
			const description = (error as NodeApiError).description ?? '';
			expect(description).toMatch(/protected/i);
			expect(description).toContain('nothing was changed');
		} finally {
			await admin(emulator().adminUrl, '/faults', undefined, 'DELETE');
		}
		expect((await readBack(employee.id, employee.companyId)).EmailWork).toBe(before.EmailWork);
	});

	it.each([
		[{ emailWork: 'not an address' }, 'Work Email'],
		[{ birthday: '31-02-1990' }, 'Birth Date'],
		[{ bsn: '123456789' }, 'BSN'],
		[{ gender: 'x' }, 'Gender'],
		[{}, 'No fields to change'],
	])('refuses %j before any call, naming the field', async (fields, named) => {
		const sent: SentRequest[] = [];
		const error = await failure(
			update({ ...locators(employeeInService(emulator(), 4)), fields }, { sent }),
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain(named);
		expect(sent).toHaveLength(0);
	});

	it('never repeats a refused BSN in the error', async () => {
		const error = await failure(
			update({ ...locators(employeeInService(emulator(), 4)), fields: { bsn: '123456789' } }),
		);
		expect(
			JSON.stringify({ m: error.message, d: (error as NodeOperationError).description }),
		).not.toContain('123456789');
	});
});

describe('Employee → Update Personal Info: the calls', () => {
	const current = {
		Id: 7,
		Number: 3,
		DisplayName: 'A. Jansen',
		EmployeeNumber: 3,
		BSN: '999999990',
		FirstName: 'Anna',
		LastName: 'Jansen',
		IdentificationType: 0,
		EmailWork: 'anna@old.example',
		Birthday: '1990-05-01',
	};

	/** Answers like Nmbrs: the read gives what the last update wrote. */
	const storing = (record: Record<string, unknown>) => {
		let stored = record;
		return {
			'EmployeeService.PersonalInfo_GetCurrent': () => stored,
			'EmployeeService.PersonalInfo_UpdateCurrent': (params: Record<string, unknown>) => {
				stored = params.PersonalInfo as Record<string, unknown>;
				return undefined;
			},
		};
	};

	it('writes the whole record back with only the given field changed', async () => {
		const stub = stubNmbrs(storing(current));
		await stub.run({
			resource: 'employee',
			operation: 'updatePersonalInfo',
			companyId: rl(5),
			employeeId: rl(7),
			fields: { emailWork: 'anna@new.example' },
			options: {},
		});
		expect(stub.calls).toHaveLength(3);
		expect(stub.calls[0]).toEqual({
			operation: 'EmployeeService.PersonalInfo_GetCurrent',
			params: { EmployeeId: 7 },
		});
		expect(stub.calls[1].operation).toBe('EmployeeService.PersonalInfo_UpdateCurrent');
		expect(stub.calls[1].params.EmployeeId).toBe(7);
		expect(stub.calls[1].params.PersonalInfo).toMatchObject({
			...current,
			EmailWork: 'anna@new.example',
		});
	});

	it('never writes the BSN back empty when the record read has none', async () => {
		const withoutBsn = { ...current, BSN: null };
		const stub = stubNmbrs({
			'EmployeeService.PersonalInfo_GetCurrent': withoutBsn,
			'EmployeeService.PersonalInfo_UpdateCurrent': undefined,
		});
		const error = await failure(
			stub.run({
				resource: 'employee',
				operation: 'updatePersonalInfo',
				companyId: rl(5),
				employeeId: rl(7),
				fields: { emailWork: 'anna@new.example' },
				options: {},
			}),
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain('BSN');
		expect((error as NodeOperationError).description).toContain('nothing was changed');
		expect(stub.calls.map((c) => c.operation)).toEqual(['EmployeeService.PersonalInfo_GetCurrent']);
	});

	it('no personal info in the current period: nothing is written', async () => {
		const stub = stubNmbrs({ 'EmployeeService.PersonalInfo_GetCurrent': null });
		const error = await failure(
			stub.run({
				resource: 'employee',
				operation: 'updatePersonalInfo',
				companyId: rl(5),
				employeeId: rl(7),
				fields: { nickname: 'A' },
				options: {},
			}),
		);
		expect(error.message).toContain('no personal info');
		expect(stub.calls).toHaveLength(1);
	});
});
