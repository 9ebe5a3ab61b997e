/** Employee → Create: from a default employee template (the company's first unless chosen). */
import type { IHttpRequestOptions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { plainHttp, type FullResponse, type SentRequest } from '../../harness';
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

describe('Employee → Create: reruns and lost answers', () => {
	const isInsert = (options: IHttpRequestOptions) =>
		String(options.headers?.SOAPAction ?? '').endsWith('/Employee_InsertBasedOnDefault');
	const forward = plainHttp();
	const plain500 = { statusCode: 500, headers: {}, body: 'Internal Server Error' };
	/** The insert reaches Nmbrs, then its answer is replaced by `answer`. */
	const lostAfterInsert = (answer: FullResponse) => async (options: IHttpRequestOptions) => {
		if (!isInsert(options)) return undefined;
		await forward(options);
		return answer;
	};
	const namedIn = (companyId: number, firstName: string, lastName: string) =>
		emulator().world.employees.filter(
			(e) =>
				e.companyId === companyId &&
				e.personalInfo.some((v) => v.data.FirstName === firstName && v.data.LastName === lastName),
		);
	const params = (companyId: number, firstName: string, options: object = {}) => ({
		companyId: rl(companyId),
		firstName,
		lastName: 'Rerun',
		options,
	});

	it('with an Employee Number: gives it the number, and a rerun returns it instead of creating another', async () => {
		const company = emulator().world.companies[3];
		const [first] = await create(params(company.id, 'Noor', { employeeNumber: 7001 }));
		expect(first.json).toMatchObject({ EmployeeNumber: 7001, Created: true });
		const created = emulator().world.employees.find((e) => e.id === first.json.EmployeeId)!;
		expect(created.number).toBe(7001);

		const sent: SentRequest[] = [];
		const [again] = await create(params(company.id, 'Noor', { employeeNumber: 7001 }), { sent });
		expect(again.json).toMatchObject({
			EmployeeId: first.json.EmployeeId,
			EmployeeNumber: 7001,
			Created: false,
		});
		expect(callsOf(sent)).not.toContain('EmployeeService.Employee_InsertBasedOnDefault');
		expect(namedIn(company.id, 'Noor', 'Rerun')).toHaveLength(1);
	});

	it('with an Employee Number that someone else has: refuses, naming them, and creates nothing', async () => {
		const company = emulator().world.companies[3];
		const holder = emulator().world.employees.find((e) => e.companyId === company.id)!;
		const before = emulator().world.employees.length;
		const error = await failure(
			create(params(company.id, 'Mila', { employeeNumber: holder.number })),
		);
		expect(error.message).toBe(
			`Employee number ${holder.number} is taken in company ${company.id}`,
		);
		expect((error as NodeOperationError).description).toContain(`Employee ${holder.id} (`);
		expect(emulator().world.employees).toHaveLength(before);
	});

	it.each([
		['a plain HTTP 500', plain500, 7101],
		[
			'a cut-off answer',
			{ statusCode: 200, headers: {}, body: '<?xml version="1.0"?><soap:Env' },
			7102,
		],
		[
			'a gateway page',
			{
				statusCode: 502,
				headers: {},
				body: '<!DOCTYPE html><html><body>Bad gateway</body></html>',
			},
			7103,
		],
	])(
		'%s after the insert: finds the new employee, and a rerun makes no second one',
		async (_name, answer, employeeNumber) => {
			const company = emulator().world.companies[4];
			const firstName = `Lost ${_name}`;
			const [item] = await create(
				params(company.id, firstName, { employeeNumber: employeeNumber }),
				{
					intercept: lostAfterInsert(answer),
				},
			);
			expect(item.json).toMatchObject({ Created: true, EmployeeNumber: employeeNumber });
			await create(params(company.id, firstName, { employeeNumber: employeeNumber }));
			expect(namedIn(company.id, firstName, 'Rerun')).toHaveLength(1);
		},
	);

	it('a 500 before the insert reached Nmbrs: says none was created, never that Nmbrs refused', async () => {
		const company = emulator().world.companies[4];
		const error = await failure(
			create(params(company.id, 'Never', { employeeNumber: 7200 }), {
				intercept: async (options: IHttpRequestOptions) =>
					isInsert(options) ? plain500 : undefined,
			}),
		);
		const told = `${error.message} ${(error as NodeApiError).description}`;
		expect(told).toContain('so none was created. Running it again is safe');
		expect(told).not.toMatch(/refused|may or may not/);
		expect(namedIn(company.id, 'Never', 'Rerun')).toHaveLength(0);
	});

	it('without an Employee Number: a lost answer says it may have been created and names who is there', async () => {
		const company = emulator().world.companies[4];
		const error = await failure(
			create(params(company.id, 'Unnumbered'), { intercept: lostAfterInsert(plain500) }),
		);
		const [made] = namedIn(company.id, 'Unnumbered', 'Rerun');
		expect((error as NodeApiError).description).toContain(
			`Unnumbered Rerun may or may not have been created: Nmbrs shows employee ${made.id} of that name`,
		);
	});

	it('refuses a name with a line break or half a character before any call', async () => {
		for (const firstName of ['Anna\r', 'An\nna', 'a\udfffb']) {
			const sent: SentRequest[] = [];
			const error = await failure(
				create(params(emulator().world.companies[0].id, firstName), { sent }),
			);
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toBe('The First Name is not valid');
			expect(sent).toHaveLength(0);
		}
	});
});
