/**
 * What the editor asks while an employee operation is set up: the employee list of the chosen
 * company (employee type 2, searchable) and the company's default employee templates, and the employee types.
 */
import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { listSearch, loadOptions } from '../../../../nodes/Nmbrs/methods';
import { employeeTypeOn } from '../../../../emulator/src/world/history';
import { credentialsFor, executeContext, type SentRequest } from '../../harness';
import { callsOf, rl, useEmulator } from '../../runNode';

const emulator = useEmulator();

/** The editor's context with these parameters already set on the node. */
function editor(current: Record<string, unknown>, sent: SentRequest[] = []): ILoadOptionsFunctions {
	const base = executeContext({
		params: {},
		credentials: credentialsFor(emulator().soapBaseUrl),
		sent,
	}) as unknown as Record<string, unknown>;
	return {
		...base,
		getCurrentNodeParameter: (name: string, options?: { extractValue?: boolean }) => {
			const value = current[name];
			return options?.extractValue && value !== null && typeof value === 'object'
				? (value as { value: unknown }).value
				: value;
		},
	} as unknown as ILoadOptionsFunctions;
}

describe('the employee list of the chosen company', () => {
	it('lists the employees on the payroll (type 2) of that company only, by name', async () => {
		const company = emulator().world.companies[0];
		const sent: SentRequest[] = [];
		const { results } = await listSearch.searchEmployees.call(
			editor({ companyId: rl(company.id) }, sent),
		);
		const today = emulator().world.clock.now().slice(0, 10);
		const expected = emulator().world.employees.filter(
			(e) => e.companyId === company.id && employeeTypeOn(e, today) === 2,
		);
		expect(results.map((r) => Number(r.value)).sort()).toEqual(expected.map((e) => e.id).sort());
		expect(results[0].name).toMatch(/\(\d+\)$/);
		expect(callsOf(sent)).toEqual(['EmployeeService.List_GetByCompany']);
		expect(sent[0].body).toContain('<EmployeeType>2</EmployeeType>');
	});

	it('narrows the list to what is typed', async () => {
		const company = emulator().world.companies[0];
		const { results: all } = await listSearch.searchEmployees.call(
			editor({ companyId: rl(company.id) }),
		);
		const name = all[0].name.split(' (')[0];
		const { results } = await listSearch.searchEmployees.call(
			editor({ companyId: rl(company.id) }),
			name.slice(-5),
		);
		expect(results.length).toBeGreaterThan(0);
		expect(results.length).toBeLessThanOrEqual(all.length);
		expect(results.every((r) => r.name.toLowerCase().includes(name.slice(-5).toLowerCase()))).toBe(
			true,
		);
	});
});

describe('the default employee templates of the chosen company', () => {
	it("starts with the company's first template, then lists the templates by name", async () => {
		const company = emulator().world.companies[0];
		const options = await loadOptions.getDefaultEmployeeTemplates.call(
			editor({ companyId: rl(company.id) }),
		);
		expect(options[0]).toMatchObject({ value: '' });
		expect(options.slice(1)).toEqual(
			company.defaultEmployeeTemplates.map((t) => ({ name: t.description, value: t.id })),
		);
	});

	it('offers only the first template while no company is chosen, without a call', async () => {
		const sent: SentRequest[] = [];
		const options = await loadOptions.getDefaultEmployeeTemplates.call(
			editor({ companyId: { __rl: true, mode: 'list', value: '' } }, sent),
		);
		expect(options).toHaveLength(1);
		expect(sent).toHaveLength(0);
	});
});

describe('the employee types of Get Many', () => {
	it('come from EmployeeType_GetList, by ID, 2 among them', async () => {
		const sent: SentRequest[] = [];
		const options = await loadOptions.getEmployeeTypes.call(editor({}, sent));
		expect(callsOf(sent)).toEqual(['EmployeeService.EmployeeType_GetList']);
		expect(options.map((o) => o.value)).toEqual([1, 2, 3, 4]);
		expect(options.find((o) => o.value === 2)?.name).toMatch(/\(2\)$/);
	});
});
