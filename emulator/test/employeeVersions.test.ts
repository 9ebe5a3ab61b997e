/**
 * Schedules, addresses and salary lists over the employee's versions: a write starts a version
 * from its period on, earlier periods keep what they had, and each address type has its own
 * history.
 */
import { periodOf } from '../src/world/calendar';
import { isPaidInPeriod } from '../src/world/history';
import { createWorld } from '../src/world';
import type { World } from '../src/world/world';
import { call, faultOf, rows } from './worldHelpers';

let world: World;
const user = () => world.users.find((u) => u.email === 'accountant@demo.example')!;

beforeEach(() => {
	world = createWorld({ kind: 'demo' }, undefined, { now: '2026-11-25' });
});

function paidEmployee() {
	const company = world.companies[0];
	const current = periodOf(company.periodType, world.clock.now().slice(0, 10));
	const employee = world.employees.find(
		(e) => e.companyId === company.id && isPaidInPeriod(e, current),
	)!;
	return { employee, current };
}

const week = (hours: number) =>
	Object.fromEntries(
		['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'].flatMap(
			(day, i) => [
				[`Hours${day}`, i < 4 ? hours : 0],
				[`Hours${day}2`, i < 4 ? hours : 0],
			],
		),
	);

describe('schedules', () => {
	it('a new schedule holds from the current period on; the period before keeps the old one', () => {
		const { employee, current } = paidEmployee();
		const before = call(world, user(), 'EmployeeService.Schedule_GetCurrent', {
			EmployeeId: employee.id,
		}) as Record<string, number>;
		call(world, user(), 'EmployeeService.Schedule_UpdateCurrent', {
			EmployeeId: employee.id,
			Schedule: { ...week(8), ParttimePercentage: 80 },
			CompanyRoosterNr: 0,
		});
		const now = call(world, user(), 'EmployeeService.Schedule_GetCurrent', {
			EmployeeId: employee.id,
		}) as Record<string, number>;
		expect(now).toMatchObject({ HoursMonday: 8, HoursFriday: 0, ParttimePercentage: 80 });
		const earlier = call(world, user(), 'EmployeeService.Schedule_Get', {
			EmployeeId: employee.id,
			Period: current.period - 1,
			Year: current.year,
		});
		expect(earlier).toEqual(before);
		expect(
			faultOf(() =>
				call(world, user(), 'EmployeeService.Schedule_Update', {
					EmployeeId: employee.id,
					Schedule: week(8),
					Start: `${current.year}-01-15T00:00:00`,
					CompanyRoosterNr: 0,
				}),
			),
		).toBe(2011);
	});
});

describe('addresses', () => {
	it('each type has its own history: a post address beside the home address, then changed and removed', () => {
		const { employee } = paidEmployee();
		const list = () =>
			rows(world, user(), 'EmployeeService.Address_GetListCurrent', { EmployeeId: employee.id });
		expect(list().map((a) => a.Type)).toEqual(['HomeAddress']);
		const id = call(world, user(), 'EmployeeService.Address_InsertCurrent', {
			EmployeeId: employee.id,
			Address: {
				Id: 0,
				Default: false,
				Street: 'Postbus',
				HouseNumber: '120',
				PostalCode: '1000 AC',
				City: 'Amsterdam',
				CountryISOCode: 'NL',
				Type: 'PostAddress',
			},
		});
		expect(
			list()
				.map((a) => a.Type)
				.sort(),
		).toEqual(['HomeAddress', 'PostAddress']);
		call(world, user(), 'EmployeeService.Address_Update', {
			EmployeeId: employee.id,
			Address: {
				Id: id,
				Street: 'Postbus',
				HouseNumber: '999',
				PostalCode: '1000 AC',
				City: 'Amsterdam',
				Type: 'PostAddress',
			},
		});
		expect(list().find((a) => a.Id === id)?.HouseNumber).toBe('999');
		expect(
			call(world, user(), 'EmployeeService.Address_Delete', {
				EmployeeId: employee.id,
				AddressID: id,
			}),
		).toBe(true);
		expect(list().map((a) => a.Type)).toEqual(['HomeAddress']);
		expect(
			faultOf(() =>
				call(world, user(), 'EmployeeService.Address_InsertCurrent', {
					EmployeeId: employee.id,
					Address: { Street: 'Kade', Type: 'HomeAddress' },
				}),
			),
		).toBe(2030);
	});
});

describe('salaries', () => {
	it('the list of a period is the history up to that period', () => {
		const { employee, current } = paidEmployee();
		const history = rows(world, user(), 'EmployeeService.Salary_GetList', {
			EmployeeId: employee.id,
			Period: current.period,
			Year: current.year,
		});
		expect(history.length).toBeGreaterThan(0);
		const now = call(world, user(), 'EmployeeService.Salary_GetCurrent', {
			EmployeeId: employee.id,
		}) as Record<string, unknown>;
		expect(history.at(-1)).toMatchObject({ Value: now.Value, Type: now.Type });
	});
});

describe('contracts', () => {
	it('a contract inserted is listed; one that ends before it starts is refused; deleted, it is gone', () => {
		const { employee, current } = paidEmployee();
		const list = () =>
			rows(world, user(), 'EmployeeService.Contract_GetAll_v2', { EmployeeId: employee.id });
		const before = list().length;
		const start = `${current.year + 1}-01-01T00:00:00`;
		const id = call(world, user(), 'EmployeeService.Contract_Insert_v2', {
			EmployeeId: employee.id,
			Contract: {
				ContractID: 0,
				StartDate: start,
				EndDate: `${current.year + 1}-12-31T00:00:00`,
				EmployementType: 1,
				EmploymentSequenceTaxId: 1,
				Indefinite: false,
			},
			UnprotectedMode: false,
		});
		expect(list()).toHaveLength(before + 1);
		expect(list().find((c) => c.ContractID === id)).toMatchObject({
			StartDate: start,
			Indefinite: false,
		});
		expect(
			faultOf(() =>
				call(world, user(), 'EmployeeService.Contract_Insert_v2', {
					EmployeeId: employee.id,
					Contract: { StartDate: start, EndDate: `${current.year}-06-30T00:00:00` },
					UnprotectedMode: false,
				}),
			),
		).toBe(2030);
		call(world, user(), 'EmployeeService.Contract_Delete', { EmployeeId: employee.id, Id: id });
		expect(list()).toHaveLength(before);
		const now = call(world, user(), 'EmployeeService.Contract_GetCurrentPeriod', {
			EmployeeId: employee.id,
		}) as { EmployeeContracts: unknown[] };
		expect(now.EmployeeContracts.length).toBeGreaterThan(0);
	});
});
