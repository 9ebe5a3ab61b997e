/**
 * Employee → Add Hours on the emulator: items of one company and period go as one batch call (in
 * slices), each item's result paired back; a bad item fails alone; a paid period is refused naming
 * the open one; Set Hours makes a rerun harmless.
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { SentRequest } from '../../harness';
import { admin, callsOf, failure, rl, runNode, useEmulator } from '../../runNode';
import { heldIn, payroll as payrollOf } from './componentsWorld';

const emulator = useEmulator();
const payroll = (count: number) => payrollOf(emulator(), count);
const held = (employeeId: number, code: number, at: { year: number; period: number }) =>
	heldIn(emulator(), 'hourComponentsVar', employeeId, code, at);

beforeEach(async () => {
	await admin(emulator().adminUrl, '/reset', {});
});

const params = (companyId: number, employeeIds: number[], extra: object = {}) => ({
	resource: 'employee',
	operation: 'addHours',
	companyId: rl(companyId),
	employeeId: (i: number) => rl(employeeIds[i]),
	hourCode: rl(2),
	hours: 3.5,
	mode: 'add',
	periodChoice: 'current',
	options: {},
	...extra,
});

const items = (count: number) => Array.from({ length: count }, () => ({ json: {} }));

describe('Employee → Add Hours', () => {
	it('items of one company and period go as one batch call; each item says what was added', async () => {
		const { company, current, employees } = payroll(3);
		const ids = employees.map((e) => e.id);
		const sent: SentRequest[] = [];
		const out = await runNode(emulator().soapBaseUrl, params(company.id, ids), {
			items: items(3),
			sent,
		});
		expect(callsOf(sent)).toEqual([
			'CompanyService.Company_GetCurrentPeriod',
			'CompanyService.HourModel_GetHourCodes',
			'EmployeeService.HourComponentVar_Insert_Batch',
		]);
		expect(out.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(out.map((i) => i.json)).toEqual(
			ids.map((id) => ({
				CompanyId: company.id,
				EmployeeId: id,
				HourCode: 2,
				Hours: 3.5,
				Mode: 'add',
				Added: 3.5,
				Year: current.year,
				Period: current.period,
			})),
		);
		for (const id of ids) expect(held(id, 2, current)).toBe(3.5);
	});

	it('many items go in slices of 100', async () => {
		const { company, employees } = payroll(5);
		const ids = Array.from({ length: 230 }, (_, i) => employees[i % employees.length].id);
		const sent: SentRequest[] = [];
		const out = await runNode(emulator().soapBaseUrl, params(company.id, ids, { hours: 0.25 }), {
			items: items(230),
			sent,
		});
		expect(out).toHaveLength(230);
		const batches = sent.filter((r) => r.soapAction.endsWith('/HourComponentVar_Insert_Batch'));
		expect(batches.map((r) => (r.body.match(/<EmployeeHourComponent>/g) ?? []).length)).toEqual([
			100, 100, 30,
		]);
	});

	it('with Continue On Fail, an unknown employee fails alone (named); the others are added', async () => {
		const { company, current, employees } = payroll(2);
		const ids = [employees[0].id, 424242, employees[1].id];
		const out = await runNode(emulator().soapBaseUrl, params(company.id, ids), {
			items: items(3),
			continueOnFail: true,
		});
		expect(out.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(String(out[1].json.error)).toContain('2003');
		expect(String(out[1].json.description)).toContain('424242');
		expect(out[0].json.Added).toBe(3.5);
		expect(out[2].json.Added).toBe(3.5);
		expect(held(employees[0].id, 2, current)).toBe(3.5);
		expect(held(employees[1].id, 2, current)).toBe(3.5);
	});

	it('an hour code the company does not have is refused before any write, naming the codes it has', async () => {
		const { company, employees } = payroll(1);
		const sent: SentRequest[] = [];
		const error = await failure(
			runNode(emulator().soapBaseUrl, params(company.id, [employees[0].id], { hourCode: rl(77) }), {
				sent,
			}),
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain('Hour code 77');
		expect((error as NodeOperationError).description).toContain('1 (Gewerkte uren)');
		expect(callsOf(sent)).not.toContain('EmployeeService.HourComponentVar_Insert_Batch');
	});

	it('a period that is already paid is 2011, naming the open period; nothing is added', async () => {
		const { company, current, employees } = payroll(1);
		const error = await failure(
			runNode(
				emulator().soapBaseUrl,
				params(company.id, [employees[0].id], {
					periodChoice: 'specific',
					year: current.year,
					period: current.period - 1,
				}),
			),
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toContain('2011');
		expect((error as NodeApiError).description).toContain(
			`open period is period ${current.period} of ${current.year}`,
		);
		expect(held(employees[0].id, 2, { year: current.year, period: current.period - 1 })).toBe(0);
	});

	it('Set Hours run twice leaves the same hours: the second run adds nothing', async () => {
		const { company, current, employees } = payroll(1);
		const id = employees[0].id;
		const set = params(company.id, [id], { mode: 'set', hours: 8 });
		await runNode(emulator().soapBaseUrl, { ...set, mode: 'add', hours: 2 });
		const first = await runNode(emulator().soapBaseUrl, set);
		expect(first[0].json).toMatchObject({ Added: 6, HeldBefore: 2 });
		const second = await runNode(emulator().soapBaseUrl, set);
		expect(second[0].json).toMatchObject({ Added: 0, HeldBefore: 8 });
		expect(held(id, 2, current)).toBe(8);
	});

	it('Set Hours for the same employee and code twice in one execution: the period holds the last', async () => {
		const { company, current, employees } = payroll(1);
		const id = employees[0].id;
		const out = await runNode(
			emulator().soapBaseUrl,
			params(company.id, [id, id], { mode: 'set', hours: (i: number) => [6, 9][i] }),
			{ items: items(2) },
		);
		expect(out.map((i) => i.json.Added)).toEqual([6, 3]);
		expect(held(id, 2, current)).toBe(9);
	});

	it('without Continue On Fail, one bad item stops the node before any hours are sent', async () => {
		const { company, current, employees } = payroll(2);
		const sent: SentRequest[] = [];
		const error = await failure(
			runNode(
				emulator().soapBaseUrl,
				params(company.id, [employees[0].id, employees[1].id], {
					hourCode: (i: number) => rl([2, 77][i]),
				}),
				{ items: items(2), sent },
			),
		);
		expect(error.message).toContain('Hour code 77');
		expect(callsOf(sent)).not.toContain('EmployeeService.HourComponentVar_Insert_Batch');
		expect(held(employees[0].id, 2, current)).toBe(0);
	});
});
