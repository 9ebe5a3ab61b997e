/**
 * The period-based records, served by one mechanism from the operations' names: what is written
 * is read back period by period as Nmbrs keeps it; a write in a protected period is 2011, a code
 * the company's model lacks 2001/2002; a batch with a bad item changes nothing.
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

function paidEmployee(index = 0) {
	const company = world.companies[0];
	const current = periodOf(company.periodType, world.clock.now().slice(0, 10));
	const paid = world.employees.filter(
		(e) => e.companyId === company.id && isPaidInPeriod(e, current),
	);
	return { company, employee: paid[index], current };
}

describe('hour components', () => {
	it('a variable one holds for its period only; the current period reads it back', () => {
		const { employee, current } = paidEmployee();
		const before = rows(world, user(), 'EmployeeService.HourComponentVar_GetCurrent', {
			EmployeeId: employee.id,
		});
		const id = call(world, user(), 'EmployeeService.HourComponentVar_InsertCurrent', {
			EmployeeId: employee.id,
			Hourcomponent: { Id: 0, HourCode: 2, Hours: 6.5, Comment: 'overtime' },
		});
		const now = rows(world, user(), 'EmployeeService.HourComponentVar_GetCurrent', {
			EmployeeId: employee.id,
		});
		expect(now).toHaveLength(before.length + 1);
		expect(now).toContainEqual({ Id: id, HourCode: 2, Hours: 6.5 });
		const next =
			current.period === 12
				? { Period: 1, Year: current.year + 1 }
				: { Period: current.period + 1, Year: current.year };
		expect(
			rows(world, user(), 'EmployeeService.HourComponentVar_Get', {
				EmployeeId: employee.id,
				...next,
			}),
		).toEqual([]);
	});

	it('a fixed one holds from its period on, until it is stopped', () => {
		const { employee, current } = paidEmployee();
		const id = call(world, user(), 'EmployeeService.HourComponentFixed_Insert', {
			EmployeeId: employee.id,
			Hourcomponent: { Id: 0, HourCode: 1, Hours: 32 },
			Period: current.period,
			Year: current.year,
			UnprotectedMode: false,
		}) as number;
		const inYear = (period: number, year = current.year + 1) =>
			rows(world, user(), 'EmployeeService.HourComponentFixed_Get', {
				EmployeeId: employee.id,
				Period: period,
				Year: year,
			}).map((r) => r.Id);
		expect(inYear(3)).toContain(id);
		call(world, user(), 'EmployeeService.HourComponentFixed_Stop', {
			EmployeeId: employee.id,
			Hourcomponent: { Id: id, HourCode: 1, Hours: 32 },
			Period: 3,
			Year: current.year + 1,
			UnprotectedMode: false,
		});
		expect(inYear(2)).toContain(id);
		expect(inYear(3)).not.toContain(id);
		expect(
			call(world, user(), 'EmployeeService.HourComponent_Delete', {
				EmployeeId: employee.id,
				HourComponentID: id,
			}),
		).toBe(true);
		expect(inYear(2)).not.toContain(id);
	});

	it('a write in a protected period is 2011 unless UnprotectedMode; an unknown hour code is 2001', () => {
		const { employee, current } = paidEmployee();
		const insert = (params: object) =>
			faultOf(() =>
				call(world, user(), 'EmployeeService.HourComponentVar_Insert', {
					EmployeeId: employee.id,
					Hourcomponent: { Id: 0, HourCode: 1, Hours: 8 },
					Period: 1,
					Year: current.year,
					UnprotectedMode: false,
					...params,
				}),
			);
		expect(insert({})).toBe(2011);
		expect(insert({ UnprotectedMode: true })).toBe('no fault');
		expect(
			insert({ Period: current.period, Hourcomponent: { Id: 0, HourCode: 999, Hours: 1 } }),
		).toBe(2001);
		expect(insert({ Period: 13 })).toBe(2006);
	});

	it('a batch writes every item, each to its employee; one bad item and nothing is written', () => {
		const a = paidEmployee(0);
		const b = paidEmployee(1);
		const count = () =>
			[a, b].map(
				(p) =>
					rows(world, user(), 'EmployeeService.HourComponentVar_GetCurrent', {
						EmployeeId: p.employee.id,
					}).length,
			);
		const before = count();
		const batch = (items: object[]) =>
			faultOf(() =>
				call(world, user(), 'EmployeeService.HourComponentVar_Insert_Batch', {
					HourComponents: items,
					Period: a.current.period,
					Year: a.current.year,
					UnprotectedMode: false,
				}),
			);
		expect(
			batch([
				{ EmployeeId: a.employee.id, Id: 0, HourCode: 1, Hours: 8 },
				{ EmployeeId: b.employee.id, Id: 0, HourCode: 1, Hours: 4 },
				{ EmployeeId: b.employee.id, Id: 0, HourCode: 999, Hours: 4 },
			]),
		).toBe(2001);
		expect(count()).toEqual(before);
		expect(
			batch([
				{ EmployeeId: a.employee.id, Id: 0, HourCode: 1, Hours: 8 },
				{ EmployeeId: b.employee.id, Id: 0, HourCode: 1, Hours: 4 },
			]),
		).toBe('no fault');
		expect(count()).toEqual(before.map((n) => n + 1));
	});
});

describe('wage components, days worked, cost centers', () => {
	it('a fixed wage component with an end shows until that end; Clear empties a period', () => {
		const { employee, current } = paidEmployee();
		const id = call(world, user(), 'EmployeeService.WageComponentFixed_InsertCurrent_With_End', {
			EmployeeId: employee.id,
			EndPeriod: 2,
			EndYear: current.year + 1,
			WageComponent: { Id: 0, Code: 1020, Value: 2.35 },
		});
		const at = (period: number) =>
			rows(world, user(), 'EmployeeService.WageComponentFixed_Get', {
				EmployeeId: employee.id,
				Period: period,
				Year: current.year + 1,
			});
		expect(at(2)).toContainEqual({ Id: id, Code: 1020, Value: 2.35 });
		expect(at(3).map((r) => r.Id)).not.toContain(id);
		call(world, user(), 'EmployeeService.WageComponentVar_InsertCurrent', {
			EmployeeId: employee.id,
			WageComponent: { Id: 0, Code: 1030, Value: 42.1 },
		});
		call(world, user(), 'EmployeeService.WageComponentVar_ClearCurrent', {
			EmployeeId: employee.id,
		});
		expect(
			rows(world, user(), 'EmployeeService.WageComponentVar_GetCurrent', {
				EmployeeId: employee.id,
			}),
		).toEqual([]);
	});

	it('days worked are set per period, and read back', () => {
		const { employee } = paidEmployee();
		expect(
			call(world, user(), 'EmployeeService.DaysVar_GetCurrent', { EmployeeId: employee.id }),
		).toBeGreaterThan(0);
		call(world, user(), 'EmployeeService.DaysVar_SetCurrent', {
			EmployeeId: employee.id,
			Days: 17,
		});
		expect(
			call(world, user(), 'EmployeeService.DaysVar_GetCurrent', { EmployeeId: employee.id }),
		).toBe(17);
	});

	it("an employee's cost centers: the company's code in the seeded world, a new version from its period on", () => {
		const { company, employee, current } = paidEmployee();
		const seeded = rows(world, user(), 'EmployeeService.CostCenter_GetCurrent', {
			EmployeeId: employee.id,
		});
		expect(seeded).toHaveLength(1);
		expect((seeded[0].CostCenter as { Code: string }).Code).toBe(employee.costCenterCode);
		const other = company.costCenters.find((c) => c.code !== employee.costCenterCode)!;
		call(world, user(), 'EmployeeService.CostCenter_UpdateCurrent', {
			EmployeeId: employee.id,
			CostCenters: [
				{
					Id: 0,
					CostCenter: { Code: other.code, Description: other.description, Id: other.id },
					Kostensoort: null,
					Percentage: 100,
					Default: true,
				},
			],
		});
		const now = rows(world, user(), 'EmployeeService.CostCenter_GetCurrent', {
			EmployeeId: employee.id,
		});
		expect(now.map((r) => (r.CostCenter as { Code: string }).Code)).toEqual([other.code]);
		const before = rows(world, user(), 'EmployeeService.CostCenter_Get', {
			EmployeeId: employee.id,
			Period: current.period - 1 || 1,
			Year: current.year,
		});
		expect(before.map((r) => (r.CostCenter as { Code: string }).Code)).toEqual([
			employee.costCenterCode,
		]);
	});

	it("the company's hour and wage codes are the ones the components accept", () => {
		const company = world.companies[0];
		const hourCodes = rows(world, user(), 'CompanyService.HourModel_GetHourCodes', {
			CompanyId: company.id,
		});
		expect(hourCodes.map((c) => c.Code)).toContain(1);
		expect(
			rows(world, user(), 'CompanyService.WageModel_GetWageCodes', { CompanyId: company.id }).map(
				(c) => c.Code,
			),
		).toContain(1010);
		expect(
			faultOf(() => call(world, user(), 'CompanyService.HourModel_GetHourCodes', { CompanyId: 1 })),
		).toBe(2004);
	});
});

describe('fixed days and the company’s own wage components', () => {
	it('fixed days hold from their period on; a new value stops the old one; Stop ends it', () => {
		const { employee, current } = paidEmployee();
		const next =
			current.period === 12
				? { Period: 1, Year: current.year + 1 }
				: { Period: current.period + 1, Year: current.year };
		const days = (at: object) =>
			call(world, user(), 'EmployeeService.DaysFixed_Get', { EmployeeId: employee.id, ...at });
		call(world, user(), 'EmployeeService.DaysFixed_SetCurrent', {
			EmployeeId: employee.id,
			Days: 4,
		});
		call(world, user(), 'EmployeeService.DaysFixed_Set', {
			EmployeeId: employee.id,
			Days: 3,
			...next,
		});
		expect(
			call(world, user(), 'EmployeeService.DaysFixed_GetCurrent', { EmployeeId: employee.id }),
		).toBe(4);
		expect(days(next)).toBe(3);
		call(world, user(), 'EmployeeService.DaysFixed_Stop', { EmployeeId: employee.id, ...next });
		expect(days(next)).toBe(0);
		expect(days({ Period: current.period, Year: current.year })).toBe(4);
	});

	it('a company wage component is the company’s, with a code of its model (else 2002)', () => {
		const { company, current } = paidEmployee();
		const id = call(world, user(), 'CompanyService.WageComponentVar_InsertCurrent', {
			CompanyID: company.id,
			WageComponent: { Id: 0, Code: 2010, Value: 250 },
		});
		expect(
			rows(world, user(), 'CompanyService.WageComponentVar_GetCurrent', { CompanyId: company.id }),
		).toEqual([{ Id: id, Code: 2010, Value: 250 }]);
		expect(
			faultOf(() =>
				call(world, user(), 'CompanyService.WageComponentFixed_Insert', {
					CompanyId: company.id,
					WageComponent: { Id: 0, Code: 9999, Value: 1 },
					Period: current.period,
					Year: current.year,
				}),
			),
		).toBe(2002);
		expect(
			call(world, user(), 'CompanyService.WageComponentVar_ClearCurrent', {
				CompanyId: company.id,
			}),
		).toEqual([id]);
		expect(
			rows(world, user(), 'CompanyService.WageComponentVar_GetCurrent', { CompanyId: company.id }),
		).toEqual([]);
	});
});
