/**
 * Department and function history of every employee of a company (the two batch calls HR syncs
 * read): versions valid from a period, some moved in the past, some already entered for the next
 * period, each naming a department or function the debtor has.
 */
import { periodOf } from '../src/world/calendar';
import { createWorld } from '../src/world';
import { faultOf, rows, type Row } from './worldHelpers';

const world = createWorld({ kind: 'demo' });
const [accountant, debtorUser] = world.users;
const company = world.companies[0];
const debtor = world.debtors.find((d) => d.id === company.debtorId)!;
const current = periodOf(company.periodType, world.clock.now().slice(0, 10));
const later = (v: Row) =>
	(v.StartYear as number) * 100 + (v.StartPeriod as number) > current.year * 100 + current.period;

describe.each([
	['EmployeeService.Department_GetAll_AllEmployeesByCompany', 'EmployeeDepartments', 'departments'],
	['EmployeeService.Function_GetAll_AllEmployeesByCompany', 'EmployeeFunctions', 'functions'],
] as const)('%s', (key, list, ofDebtor) => {
	const items = rows(world, accountant, key, { CompanyID: company.id });
	const versions = items.flatMap((i) => i[list] as Row[]);

	it('has one item per employee of the company, each with its versions', () => {
		const employees = world.employees.filter((e) => e.companyId === company.id);
		expect(items.map((i) => i.EmployeeId)).toEqual(employees.map((e) => e.id));
		expect(items.every((i) => (i[list] as Row[]).length >= 1)).toBe(true);
	});

	it("names the debtor's own departments or functions, with typed fields", () => {
		for (const version of versions) {
			const known = debtor[ofDebtor].find((d) => d.id === version.Id);
			expect(known).toBeDefined();
			expect(version).toMatchObject({ Code: known!.code, Description: known!.description });
			expect(version.CreationDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
			expect(typeof version.StartPeriod).toBe('number');
			expect(typeof version.StartYear).toBe('number');
		}
	});

	it('holds moves in the past and future-dated versions, listed from the oldest', () => {
		const moved = items.filter((i) => (i[list] as Row[]).filter((v) => !later(v)).length >= 2);
		expect(moved.length).toBeGreaterThan(0);
		expect(versions.some(later)).toBe(true);
		for (const item of items) {
			const starts = (item[list] as Row[]).map(
				(v) => (v.StartYear as number) * 100 + (v.StartPeriod as number),
			);
			expect(starts).toEqual([...starts].sort((a, b) => a - b));
		}
	});

	it('answers 2004 for a company outside the login', () => {
		const foreign = world.companies.find((c) => c.debtorId !== world.debtors[0].id)!;
		expect(faultOf(() => rows(world, debtorUser, key, { CompanyID: foreign.id }))).toBe(2004);
	});
});
