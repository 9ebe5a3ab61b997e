import type { ILoadOptionsFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { searchOperations } from '../../../../nodes/Nmbrs/methods/searchOperations';
import { firstCompany, paidEmployee } from '../../examples/world';
import type { SentRequest } from '../../harness';
import { admin, callsOf, failure, runNode, stubNmbrs, useEmulator } from '../../runNode';

const emulator = useEmulator();

const byName = (value: string) => ({ __rl: true, mode: 'name', value });
const listed = (value: string) => ({ __rl: true, mode: 'list', value });

const custom = (service: string, name: string, parameters: unknown) => ({
	resource: 'customCall',
	operation: 'call',
	service,
	operationName: listed(name),
	parameters: typeof parameters === 'string' ? parameters : JSON.stringify(parameters),
});

describe('Custom Call → Call (emulator)', () => {
	it('a curated operation comes back typed, one item per record, whatever the key order given', async () => {
		const company = firstCompany(emulator());
		const items = await runNode(
			emulator().soapBaseUrl,
			custom('CompanyService', 'Run_GetList', { Year: 2026, CompanyId: company.id }),
		);
		expect(items.length).toBeGreaterThan(1);
		for (const item of items) {
			expect(item.pairedItem).toEqual({ item: 0 });
			expect(item.json).toMatchObject({
				ID: expect.any(Number),
				Year: 2026,
				PeriodStart: expect.any(Number),
				IsLocked: expect.any(Boolean),
				RunAt: expect.stringMatching(/^2026-\d\d-\d\dT\d\d:\d\d:\d\d$/),
			});
		}
	});

	it('an operation known from the generated WSDL catalogue is typed too', async () => {
		const items = await runNode(
			emulator().soapBaseUrl,
			custom('CompanyService', 'CostCenter_GetList', { CompanyId: firstCompany(emulator()).id }),
		);
		expect(items[0].json).toMatchObject({ Id: expect.any(Number), Code: '100' });
	});

	it('an operation the catalogue does not know goes out as given and comes back as generic JSON', async () => {
		const employee = paidEmployee(emulator());
		const [item] = await runNode(emulator().soapBaseUrl, {
			...custom('CompanyService', '', { EmployeeId: employee.id }),
			operationName: byName('Company_GetCurrentByEmployeeId'),
		});
		expect(item.pairedItem).toEqual({ item: 0 });
		// Generic: every value is text, as Nmbrs wrote it.
		expect(item.json).toMatchObject({
			ID: String(employee.companyId),
			Name: firstCompany(emulator()).name,
		});
	});

	it('an unknown operation is never retried (it may write); a known read is', async () => {
		const employee = paidEmployee(emulator());
		await admin(emulator().adminUrl, '/faults', {
			operation: 'CompanyService.Company_GetCurrentByEmployeeId',
			kind: 'html502',
		});
		await admin(emulator().adminUrl, '/faults', {
			operation: 'CompanyService.Run_GetList',
			kind: 'html502',
			times: 1,
		});
		try {
			const sent: SentRequest[] = [];
			const error = await failure(
				runNode(
					emulator().soapBaseUrl,
					{
						...custom('CompanyService', '', { EmployeeId: employee.id }),
						operationName: byName('Company_GetCurrentByEmployeeId'),
					},
					{ sent },
				),
			);
			expect(error).toBeInstanceOf(NodeApiError);
			expect(callsOf(sent)).toEqual(['CompanyService.Company_GetCurrentByEmployeeId']);

			const readSent: SentRequest[] = [];
			const items = await runNode(
				emulator().soapBaseUrl,
				custom('CompanyService', 'Run_GetList', {
					CompanyId: firstCompany(emulator()).id,
					Year: 2026,
				}),
				{ sent: readSent },
			);
			expect(readSent.length).toBe(2);
			expect(items.length).toBeGreaterThan(0);
		} finally {
			await admin(emulator().adminUrl, '/faults', undefined, 'DELETE');
		}
	});

	it('invalid JSON fails before any call, naming the Parameters field', async () => {
		const sent: SentRequest[] = [];
		const error = await failure(
			runNode(emulator().soapBaseUrl, custom('CompanyService', 'Run_GetList', '{"CompanyId": 1,'), {
				sent,
			}),
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain('Parameters');
		expect(error.message).toContain('not valid JSON');
		expect(sent).toHaveLength(0);
	});

	it('a parameter the known operation does not have fails before any call, naming it and the known ones', async () => {
		const sent: SentRequest[] = [];
		const error = await failure(
			runNode(
				emulator().soapBaseUrl,
				custom('CompanyService', 'Run_GetList', { CompanyID: 1, Year: 2026 }),
				{ sent },
			),
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('The parameters do not fit CompanyService.Run_GetList');
		expect((error as NodeOperationError).description).toContain('no parameter "CompanyID"');
		expect((error as NodeOperationError).description).toContain('CompanyId, Year');
		expect(sent).toHaveLength(0);
	});

	it('a value of the wrong type or a missing value fails before any call, naming the parameter', async () => {
		for (const parameters of [{ CompanyId: 'abc', Year: 2026 }, { CompanyId: 1 }]) {
			const sent: SentRequest[] = [];
			const error = await failure(
				runNode(emulator().soapBaseUrl, custom('CompanyService', 'Run_GetList', parameters), {
					sent,
				}),
			);
			expect(error).toBeInstanceOf(NodeOperationError);
			expect((error as NodeOperationError).description).toMatch(/CompanyId|Year/);
			expect(sent).toHaveLength(0);
		}
	});

	it('leaves the BSN out unless Include BSN is on', async () => {
		const employee = paidEmployee(emulator());
		const params = custom('EmployeeService', 'PersonalInfo_GetCurrent', {
			EmployeeId: employee.id,
		});
		const [without] = await runNode(emulator().soapBaseUrl, params);
		expect(without.json.Id).toBe(employee.id);
		expect(without.json).not.toHaveProperty('BSN');
		const [withBsn] = await runNode(emulator().soapBaseUrl, {
			...params,
			options: { includeBsn: true },
		});
		expect(withBsn.json.BSN).toMatch(/^\d{9}$/);
	});

	it('with Continue On Fail, an item with invalid JSON becomes an error item; the others run', async () => {
		const company = firstCompany(emulator());
		const items = await runNode(
			emulator().soapBaseUrl,
			{
				...custom('CompanyService', 'Address_GetCurrent', {}),
				parameters: (i: number) =>
					i === 1 ? 'CompanyId=1' : JSON.stringify({ CompanyId: company.id }),
			},
			{ items: [{ json: {} }, { json: {} }, { json: {} }], continueOnFail: true },
		);
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[0].json.City).toEqual(expect.any(String));
		expect(String(items[1].json.error)).toContain('Parameters');
		expect(items[2].json.City).toEqual(expect.any(String));
	});

	it('refuses an operation name that cannot be one before any call', async () => {
		const sent: SentRequest[] = [];
		const error = await failure(
			runNode(
				emulator().soapBaseUrl,
				{ ...custom('CompanyService', '', {}), operationName: byName('Run GetList;') },
				{ sent },
			),
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain('Operation Name');
		expect(sent).toHaveLength(0);
	});

	it.each([
		[{ 'x/><EmployeeId>600099</EmployeeId><y': '', EmployeeId: 600003 }],
		[{ 'a><b': 1 }],
		[{ 'soap:Body': 1 }],
	])(
		'an unknown operation: refuses the parameter names of %j before anything is sent',
		async (parameters) => {
			const sent: SentRequest[] = [];
			const error = await failure(
				runNode(
					emulator().soapBaseUrl,
					custom('CompanyService', 'Company_GetCurrentByEmployeeId', parameters),
					{ sent },
				),
			);
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toBe(
				'The parameters do not fit CompanyService.Company_GetCurrentByEmployeeId',
			);
			expect((error as NodeOperationError).description).toMatch(
				/^The parameter name of CompanyService\.Company_GetCurrentByEmployeeId ".+" is not a valid XML element name/,
			);
			expect(sent).toHaveLength(0);
		},
	);
});

describe('Custom Call → Call (calls)', () => {
	it('sends the parameters of a known operation in catalogue order, typed', async () => {
		const stub = stubNmbrs({ 'CompanyService.Run_GetList': [] });
		const items = await stub.run(
			custom('CompanyService', 'Run_GetList', { Year: '2025', CompanyId: '7' }),
		);
		expect(items).toEqual([]);
		expect(stub.calls).toHaveLength(1);
		expect(Object.keys(stub.calls[0].params)).toEqual(['CompanyId', 'Year']);
		expect(stub.calls[0].params).toEqual({ CompanyId: 7, Year: 2025 });
	});

	it('returns a scalar result as one item with a result field', async () => {
		const stub = stubNmbrs({ 'CompanyService.Company_GetCurrentPeriod': '2026-11-month' });
		const items = await stub.run(
			custom('CompanyService', 'Company_GetCurrentPeriod', { CompanyId: 7 }),
		);
		expect(items).toEqual([{ json: { result: '2026-11-month' }, pairedItem: { item: 0 } }]);
	});

	it('runs the items of a write one after another, and those of a read concurrently', async () => {
		const inFlight = { now: 0, max: 0 };
		const tracked = (answer: unknown) => async () => {
			inFlight.now++;
			inFlight.max = Math.max(inFlight.max, inFlight.now);
			await new Promise((resolve) => setImmediate(resolve));
			inFlight.now--;
			return answer;
		};
		const items = Array.from({ length: 4 }, () => ({ json: {} }));
		const writes = stubNmbrs({ 'CompanyService.WageTax_SetSentExternal': tracked(true) });
		await writes.run(
			custom('CompanyService', 'WageTax_SetSentExternal', { LoonaangifteID: 1, CompanyId: 7 }),
			{ items },
		);
		expect(writes.calls).toHaveLength(4);
		expect(inFlight.max).toBe(1);
		inFlight.max = 0;
		const reads = stubNmbrs({ 'CompanyService.Run_GetList': tracked([]) });
		await reads.run(custom('CompanyService', 'Run_GetList', { CompanyId: 7, Year: 2026 }), {
			items,
		});
		expect(inFlight.max).toBeGreaterThan(1);
	});

	it('passes an Nmbrs fault on as a NodeApiError with its meaning', async () => {
		const stub = stubNmbrs({ 'CompanyService.Address_GetCurrent': { fault: 2004 } });
		const error = await failure(
			stub.run(custom('CompanyService', 'Address_GetCurrent', { CompanyId: 7 })),
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toContain('2004');
	});
});

describe('Custom Call operation list', () => {
	const context = (service: string) =>
		({ getCurrentNodeParameter: () => service }) as unknown as ILoadOptionsFunctions;

	it("lists the service's curated and generated operations, filtered by the text typed", async () => {
		const all = (await searchOperations.call(context('CompanyService'))).results.map(
			(r) => r.value,
		);
		expect(all).toEqual(expect.arrayContaining(['Run_GetList', 'CostCenter_GetList']));
		expect(new Set(all).size).toBe(all.length);
		const filtered = await searchOperations.call(context('CompanyService'), 'annualdocument');
		expect(filtered.results).toHaveLength(15);
		expect(filtered.results.find((r) => r.value === 'WageTax_SetSentExternal')).toBeUndefined();
		const writes = await searchOperations.call(context('CompanyService'), 'SetSentExternal');
		expect(writes.results[0].name).toContain('(writes)');
	});

	it('loads the generated catalogue only when the list or a call needs it, never with the node', () => {
		let loaded = false;
		jest.isolateModules(() => {
			jest.doMock('../../../../nodes/Nmbrs/catalogue/generated/companyService', () => {
				loaded = true;
				return jest.requireActual('../../../../nodes/Nmbrs/catalogue/generated/companyService');
			});
			const { Nmbrs } = jest.requireActual<typeof import('../../../../nodes/Nmbrs/Nmbrs.node')>(
				'../../../../nodes/Nmbrs/Nmbrs.node',
			);
			expect(new Nmbrs().description.properties.length).toBeGreaterThan(0);
			expect(loaded).toBe(false);
			const { generatedCatalogue } = jest.requireActual<
				typeof import('../../../../nodes/Nmbrs/catalogue')
			>('../../../../nodes/Nmbrs/catalogue');
			generatedCatalogue('CompanyService');
			expect(loaded).toBe(true);
		});
	});
});
