/**
 * Employee → Update Address and Update Schedule: read-modify-write of one record, so the fields
 * not given stay as they were; bad input refused before any call, naming the field.
 */
import { NodeOperationError } from 'n8n-workflow';

import { versionAt } from '../../../../emulator/src/world/history';
import type { SentRequest } from '../../harness';
import { callsOf, failure, runNode, useEmulator } from '../../runNode';
import { companyOf, currentOf, employeeInService, locators } from './world';

const emulator = useEmulator();

const run = (operation: string, params: Record<string, unknown>, options = {}) =>
	runNode(emulator().soapBaseUrl, { resource: 'employee', operation, ...params }, options);

describe('Employee → Update Address', () => {
	it('moves the employee to a new street and number, keeping postal code, city and country', async () => {
		const employee = employeeInService(emulator(), 1);
		const now = currentOf(emulator(), companyOf(emulator(), employee));
		const home = () =>
			versionAt(
				employee.addresses.filter((a) => a.type === 'HomeAddress'),
				now,
			)!.address;
		const before = { ...home() };
		const sent: SentRequest[] = [];
		const [item] = await run(
			'updateAddress',
			{
				...locators(employee),
				addressType: 'HomeAddress',
				fields: { street: 'Nieuwe Gracht', houseNumber: '7' },
			},
			{ sent },
		);
		expect(callsOf(sent)).toEqual([
			'EmployeeService.Address_GetListCurrent',
			'EmployeeService.Address_Update',
			'EmployeeService.Address_GetListCurrent',
		]);
		expect(item.json).toMatchObject({
			Type: 'HomeAddress',
			Street: 'Nieuwe Gracht',
			HouseNumber: '7',
			PostalCode: before.postalCode,
			City: before.city,
			ChangedFields: ['Street', 'HouseNumber'],
		});
		expect(home()).toMatchObject({
			street: 'Nieuwe Gracht',
			houseNumber: '7',
			postalCode: before.postalCode,
			city: before.city,
			countryIsoCode: before.countryIsoCode,
		});
	});

	it('refuses a country that is not a two-letter code, and a missing address type, before any call', async () => {
		const employee = employeeInService(emulator(), 1);
		const sent: SentRequest[] = [];
		const bad = await failure(
			run(
				'updateAddress',
				{
					...locators(employee),
					addressType: 'HomeAddress',
					fields: { countryISOCode: 'Holland' },
				},
				{ sent },
			),
		);
		expect(bad).toBeInstanceOf(NodeOperationError);
		expect(bad.message).toContain('Country');
		expect(sent).toHaveLength(0);

		const missing = await failure(
			run('updateAddress', {
				...locators(employee),
				addressType: 'WeekendAddress',
				fields: { city: 'Texel' },
			}),
		);
		expect(missing.message).toBe(
			`Employee ${employee.id} has no WeekendAddress in the current period`,
		);
		expect((missing as NodeOperationError).description).toContain('Nothing was changed');
	});
});

describe('Employee → Update Schedule', () => {
	it('goes from 40 to 32 hours: Friday off in both weeks, the other days as they were', async () => {
		const employee = employeeInService(emulator(), 2);
		const now = currentOf(emulator(), companyOf(emulator(), employee));
		const before = versionAt(employee.schedules, now)!;
		const [item] = await run('updateSchedule', {
			...locators(employee),
			fields: { hoursFriday: 0, hoursFriday2: '0', parttimePercentage: 80 },
		});
		expect(item.json).toMatchObject({
			HoursFriday: 0,
			HoursFriday2: 0,
			HoursMonday: before.hours[0],
			ParttimePercentage: 80,
			ChangedFields: ['HoursFriday', 'HoursFriday2', 'ParttimePercentage'],
		});
		const after = versionAt(employee.schedules, now)!;
		expect(after.hours).toEqual([
			...before.hours.slice(0, 4),
			0,
			...before.hours.slice(5, 11),
			0,
			...before.hours.slice(12),
		]);
		expect(after.parttimePercentage).toBe(80);
	});

	it('refuses 25 hours on a day before any call, naming the field', async () => {
		const employee = employeeInService(emulator(), 2);
		const sent: SentRequest[] = [];
		const error = await failure(
			run('updateSchedule', { ...locators(employee), fields: { hoursMonday: 25 } }, { sent }),
		);
		expect(error.message).toBe('The Monday Hours "25" is not valid');
		expect(sent).toHaveLength(0);
		const none = await failure(run('updateSchedule', { ...locators(employee), fields: {} }));
		expect(none.message).toBe('No fields to change');
	});
});
