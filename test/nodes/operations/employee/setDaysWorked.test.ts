/**
 * Employee → Set Days Worked on the emulator: items of one company in one batch call, each in its
 * period; setting replaces, so a rerun changes nothing. (A paid period: addHours.test, the same batch code.)
 */
import type { SentRequest } from '../../harness';
import { admin, callsOf, failure, rl, runNode, useEmulator } from '../../runNode';
import { payroll as payrollOf } from './componentsWorld';

const emulator = useEmulator();

beforeEach(async () => {
	await admin(emulator().adminUrl, '/reset', {});
});

function daysIn(employeeId: number, at: { year: number; period: number }) {
	return (emulator().world.records?.daysWorked ?? [])
		.filter(
			(r) => r.employeeId === employeeId && r.startYear === at.year && r.startPeriod === at.period,
		)
		.map((r) => r.fields.Days);
}

const params = (companyId: number, employeeIds: number[], extra: object = {}) => ({
	resource: 'employee',
	operation: 'setDaysWorked',
	companyId: rl(companyId),
	employeeId: (i: number) => rl(employeeIds[i]),
	days: (i: number) => [17, 9, 20][i],
	periodChoice: 'current',
	...extra,
});

describe('Employee → Set Days Worked', () => {
	it("sets each employee's days in one batch call; run again, the period holds the same", async () => {
		const { company, current, employees } = payrollOf(emulator(), 3);
		const ids = employees.map((e) => e.id);
		for (let run = 0; run < 2; run++) {
			const sent: SentRequest[] = [];
			const out = await runNode(emulator().soapBaseUrl, params(company.id, ids), {
				items: [{ json: {} }, { json: {} }, { json: {} }],
				sent,
			});
			expect(callsOf(sent).filter((c) => c.endsWith('DaysVar_Set_Batch'))).toHaveLength(1);
			expect(out.map((i) => [i.json.EmployeeId, i.json.Days, i.json.Period])).toEqual(
				ids.map((id, i) => [id, [17, 9, 20][i], current.period]),
			);
		}
		expect(ids.map((id) => daysIn(id, current))).toEqual([[17], [9], [20]]);
	});

	it('refuses days outside 0–366 before any call, naming the field', async () => {
		const { company, employees } = payrollOf(emulator(), 1);
		const sent: SentRequest[] = [];
		const error = await failure(
			runNode(emulator().soapBaseUrl, params(company.id, [employees[0].id], { days: 400 }), {
				sent,
			}),
		);
		expect(error.message).toContain('Days');
		expect(callsOf(sent)).toEqual([]);
	});
});
