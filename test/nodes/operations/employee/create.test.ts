/** Employee → Create: from a default employee template (the company's first unless chosen). */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { SentRequest } from '../../harness';
import { callsOf, failure, rl, runNode, stubNmbrs, useEmulator } from '../../runNode';
import { currentOf } from './world';

const emulator = useEmulator();

const create = (params: Record<string, unknown>, options = {}) =>
	runNode(
		emulator().soapBaseUrl,
		{ resource: 'employee', operation: 'create', template: '', options: {}, ...params },
		options,
	);

describe('Employee → Create', () => {
	it("creates an employee from the company's first template and returns the new ID", async () => {
		const company = emulator().world.companies[0];
		const sent: SentRequest[] = [];
		const [item] = await create(
			{ companyId: rl(company.id), firstName: 'Anouk', lastName: 'Visser' },
			{ sent },
		);
		expect(callsOf(sent)).toEqual([
			'CompanyService.DefaultEmployeeTemplates_GetByCompany',
			'EmployeeService.Employee_InsertBasedOnDefault',
		]);
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.json).toMatchObject({
			CompanyId: company.id,
			FirstName: 'Anouk',
			LastName: 'Visser',
			DefaultEmployeeTemplate: company.defaultEmployeeTemplates[0].id,
			StartDate: null,
		});
		expect(typeof item.json.EmployeeId).toBe('number');
		const created = emulator().world.employees.find((e) => e.id === item.json.EmployeeId)!;
		expect(created.companyId).toBe(company.id);
		expect(created.personalInfo[0].data).toMatchObject({ FirstName: 'Anouk', LastName: 'Visser' });

		const [read] = await runNode(emulator().soapBaseUrl, {
			resource: 'employee',
			operation: 'get',
			companyId: rl(company.id),
			employeeId: rl(item.json.EmployeeId as number),
			periodChoice: 'current',
			options: {},
		});
		expect(read.json).toMatchObject({ FirstName: 'Anouk', LastName: 'Visser' });
	});

	it('uses the chosen template without listing them, and the start date given', async () => {
		const company = emulator().world.companies[1];
		const template = company.defaultEmployeeTemplates[2];
		const now = currentOf(emulator(), company);
		const sent: SentRequest[] = [];
		const startDate = `${now.year + 1}-01-05`;
		const [item] = await create(
			{
				companyId: rl(company.id),
				template: template.id,
				firstName: 'Daan',
				lastName: 'Mulder',
				options: { startDate: `${startDate}T00:00:00` },
			},
			{ sent },
		);
		expect(callsOf(sent)).toEqual(['EmployeeService.Employee_InsertBasedOnDefault']);
		expect(item.json).toMatchObject({ DefaultEmployeeTemplate: template.id, StartDate: startDate });
		const created = emulator().world.employees.find((e) => e.id === item.json.EmployeeId)!;
		expect(created.employments[0].startDate).toBe(startDate);
	});

	it('reports a start date in a closed period (2011) unless Unprotected Mode is on', async () => {
		const company = emulator().world.companies[2];
		const params = {
			companyId: rl(company.id),
			firstName: 'Sem',
			lastName: 'de Boer',
			options: { startDate: '2025-03-01' },
		};
		const before = emulator().world.employees.length;
		const error = await failure(create(params));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toContain('2011');
		expect((error as NodeApiError).description).toMatch(/UnprotectedMode/);
		expect(emulator().world.employees).toHaveLength(before);

		const [item] = await create({
			...params,
			options: { startDate: '2025-03-01', unprotectedMode: true },
		});
		expect(typeof item.json.EmployeeId).toBe('number');
	});

	it.each([
		[{ lastName: '' }, 'Last Name'],
		[{ firstName: '  ' }, 'First Name'],
		[{ options: { startDate: 'tomorrow' } }, 'Start Date'],
		[{ companyId: rl('0') }, 'Company ID'],
	])('refuses %j before any call, naming the field', async (override, named) => {
		const sent: SentRequest[] = [];
		const error = await failure(
			create(
				{
					companyId: rl(emulator().world.companies[0].id),
					firstName: 'Fleur',
					lastName: 'Smit',
					...override,
				},
				{ sent },
			),
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain(named);
		expect(sent).toHaveLength(0);
	});

	it('reports a company the login cannot see as 2004', async () => {
		const error = await failure(
			create({ companyId: rl(999_999), firstName: 'Fleur', lastName: 'Smit' }),
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toContain('2004');
	});
});

describe('Employee → Create: the calls', () => {
	const templates = [
		{ DefaultEmployeeTemplateId: 'aaaa-1', Description: 'Standaard werknemer' },
		{ DefaultEmployeeTemplateId: 'bbbb-2', Description: 'Stagiair' },
	];

	it('sends the first template, the names, the employment start and UnprotectedMode', async () => {
		const stub = stubNmbrs({
			'CompanyService.DefaultEmployeeTemplates_GetByCompany': templates,
			'EmployeeService.Employee_InsertBasedOnDefault': 601_234,
		});
		const items = await stub.run(
			{
				resource: 'employee',
				operation: 'create',
				companyId: rl(5),
				template: '',
				firstName: (i: number) => `Eva${i}`,
				lastName: 'Bakker',
				options: { startDate: '2026-12-01', unprotectedMode: false },
			},
			{ items: [{ json: {} }, { json: {} }] },
		);
		const calls = stub.calls.map((c) => c.operation);
		// The template list is read once for both items.
		expect(calls.filter((c) => c.endsWith('DefaultEmployeeTemplates_GetByCompany'))).toHaveLength(
			1,
		);
		expect(stub.calls[0].params).toEqual({ CompanyId: 5 });
		const inserts = stub.calls.filter(
			(c) => c.operation === 'EmployeeService.Employee_InsertBasedOnDefault',
		);
		expect(inserts.map((c) => c.params.FirstName).sort()).toEqual(['Eva0', 'Eva1']);
		expect(inserts[0].params).toMatchObject({
			CompanyId: 5,
			DefaultEmployeeTemplate: 'aaaa-1',
			LastName: 'Bakker',
			employment: { EmploymentId: 0, StartDate: '2026-12-01', InitialStartDate: '2026-12-01' },
			UnprotectedMode: false,
		});
		expect(items.map((i) => i.json.EmployeeId)).toEqual([601_234, 601_234]);
	});

	it('a company without templates: an error and nothing created', async () => {
		const stub = stubNmbrs({ 'CompanyService.DefaultEmployeeTemplates_GetByCompany': [] });
		const error = await failure(
			stub.run({
				resource: 'employee',
				operation: 'create',
				companyId: rl(5),
				template: '',
				firstName: 'Eva',
				lastName: 'Bakker',
				options: {},
			}),
		);
		expect(error.message).toContain('no default employee template');
		expect(stub.calls).toHaveLength(1);
	});
});
