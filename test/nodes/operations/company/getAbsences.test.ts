/** Company → Get Absences: every employee's absences of a year, in one call, each with its employee. */
import { firstCompany } from '../../examples/world';
import type { SentRequest } from '../../harness';
import { callsOf, rl, runNode, useEmulator } from '../../runNode';

const emulator = useEmulator();

describe('Company → Get Absences', () => {
	it("lists the absences of the company's employees that touch the year, in one call", async () => {
		const company = firstCompany(emulator());
		const employees = emulator().world.employees.filter((e) => e.companyId === company.id);
		const expected = employees.flatMap((e) =>
			e.absences
				.filter((a) => a.start <= '2026-12-31' && (a.end === null || a.end >= '2026-01-01'))
				.map((a) => ({ employeeId: e.id, id: a.id })),
		);
		expect(expected.length).toBeGreaterThan(0);
		const sent: SentRequest[] = [];
		const items = await runNode(
			emulator().soapBaseUrl,
			{
				resource: 'company',
				operation: 'getAbsences',
				companyId: rl(company.id),
				year: '2026',
				returnAll: true,
			},
			{ sent },
		);
		expect(callsOf(sent)).toEqual(['EmployeeService.Absence_GetAll_AllEmployeesByCompany']);
		expect(
			items
				.map((i) => ({ employeeId: i.json.EmployeeId, id: i.json.AbsenceId }))
				.sort((a, b) => Number(a.id) - Number(b.id)),
		).toEqual(expected.sort((a, b) => a.id - b.id));
		for (const item of items) expect(item.json.CompanyId).toBe(company.id);
	});
});
