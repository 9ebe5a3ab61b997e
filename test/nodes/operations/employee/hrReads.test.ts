/**
 * Employee → Get Addresses, Get Schedule, Get Absences, Get Leave Balance on the emulator: what
 * the world holds for the employee, one item per record, with the employee and company.
 */
import { rl, runNode, useEmulator } from '../../runNode';
import { activeEmployee } from '../../examples/world';

const emulator = useEmulator();

async function read(operation: string, chosen = activeEmployee(emulator())) {
	const employee = chosen;
	const items = await runNode(emulator().soapBaseUrl, {
		resource: 'employee',
		operation,
		companyId: rl(employee.companyId),
		employeeId: rl(employee.id),
		periodChoice: 'current',
	});
	return { employee, items };
}

describe('Employee → HR reads', () => {
	it('Get Addresses: the home address valid now, with its type', async () => {
		const { employee, items } = await read('getAddresses');
		const home = [...employee.addresses].filter((a) => a.type === 'HomeAddress').at(-1)!;
		expect(items.map((i) => i.json.Type)).toContain('HomeAddress');
		expect(items.every((i) => i.json.EmployeeId === employee.id)).toBe(true);
		expect(items.map((i) => i.json.City)).toContain(home.address.city);
	});

	it('Get Schedule: one item with the hours of a two-week rota', async () => {
		const { items } = await read('getSchedule');
		expect(items).toHaveLength(1);
		expect(typeof items[0].json.HoursMonday).toBe('number');
		expect(typeof items[0].json.ParttimePercentage).toBe('number');
	});

	it('Get Absences: one item per absence the world holds for the employee', async () => {
		const absent = emulator().world.employees.find((e) => e.absences.length > 0)!;
		const { employee, items } = await read('getAbsences', absent);
		expect(items.length).toBeGreaterThan(0);
		expect(items.map((i) => i.json.AbsenceId).sort()).toEqual(
			employee.absences.map((a) => a.id).sort(),
		);
	});

	it('Get Leave Balance: the balance at the start of the year and now, in hours', async () => {
		const { items } = await read('getLeaveBalance');
		expect(items).toHaveLength(1);
		expect(items[0].json.DecMedewerkerVerlofStartSaldo).toEqual(expect.any(Number));
		expect(items[0].json.DecMedewerkerVerlofCurrSaldo).toEqual(expect.any(Number));
	});
});
