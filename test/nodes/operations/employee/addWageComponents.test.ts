/**
 * Employee → Add Wage Components on the emulator: the same shape as Add Hours (batch, pairing,
 * codes checked, Set), with wage codes and values.
 */
import { NodeOperationError } from 'n8n-workflow';

import type { SentRequest } from '../../harness';
import { admin, callsOf, failure, rl, runNode, useEmulator } from '../../runNode';
import { heldIn, payroll as payrollOf } from './componentsWorld';

const emulator = useEmulator();
const payroll = (count: number) => payrollOf(emulator(), count);
const held = (employeeId: number, code: number, at: { year: number; period: number }) =>
	heldIn(emulator(), 'wageComponentsVar', employeeId, code, at);

beforeEach(async () => {
	await admin(emulator().adminUrl, '/reset', {});
});

const params = (companyId: number, employeeIds: number[], extra: object = {}) => ({
	resource: 'employee',
	operation: 'addWageComponents',
	companyId: rl(companyId),
	employeeId: (i: number) => rl(employeeIds[i]),
	wageCode: rl(1030),
	value: 12.4,
	mode: 'add',
	periodChoice: 'current',
	options: {},
	...extra,
});

describe('Employee → Add Wage Components', () => {
	it('two employees in one batch call; Set run twice leaves the same value', async () => {
		const { company, current, employees } = payroll(2);
		const ids = employees.map((e) => e.id);
		const sent: SentRequest[] = [];
		const set = params(company.id, ids, { mode: 'set', value: 30 });
		const first = await runNode(emulator().soapBaseUrl, set, {
			items: [{ json: {} }, { json: {} }],
			sent,
		});
		expect(
			callsOf(sent).filter((c) => c === 'EmployeeService.WageComponentVar_Insert_Batch'),
		).toHaveLength(1);
		expect(first.map((i) => [i.json.EmployeeId, i.json.Code, i.json.Value, i.json.Added])).toEqual(
			ids.map((id) => [id, 1030, 30, 30]),
		);
		const again = await runNode(emulator().soapBaseUrl, set, {
			items: [{ json: {} }, { json: {} }],
		});
		expect(again.map((i) => i.json.Added)).toEqual([0, 0]);
		for (const id of ids) expect(held(id, 1030, current)).toBe(30);
	});

	it('a wage code the company does not have is refused before any call that writes', async () => {
		const { company, employees } = payroll(1);
		const sent: SentRequest[] = [];
		const error = await failure(
			runNode(emulator().soapBaseUrl, params(company.id, [employees[0].id], { wageCode: rl(9) }), {
				sent,
			}),
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain('Wage code 9 is not in the wage model');
		expect((error as NodeOperationError).description).toContain('1010 (Reiskostenvergoeding');
		expect(callsOf(sent)).not.toContain('EmployeeService.WageComponentVar_Insert_Batch');
	});
});
