import { DateTime, Settings } from 'luxon';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { startEmulator } from '../../emulator';
import { catalogue, getOperation } from '../../nodes/Nmbrs/catalogue';
import { buildFault, buildResponse, nmbrsFaultMessage } from '../../nodes/Nmbrs/wire/writeXml';
import { Nmbrs } from '../../nodes/Nmbrs/Nmbrs.node';
import type { Intercept, SentRequest } from './harness';
import { admin, credentialsFor, executeContext } from './harness';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

const node = new Nmbrs();
const TOKEN = 'demo-token';

let emulator: Emulator;
let worldYear: number;

beforeAll(async () => {
	emulator = await startEmulator({ port: 0, world: 'demo', worldNow: '2026-11-25T09:00:00' });
	const clock = (await admin(emulator.adminUrl, '/clock', undefined, 'GET')) as { now: string };
	worldYear = Number(clock.now.slice(0, 4));
});
afterAll(async () => {
	await emulator.close();
});

async function run(
	params: Record<string, unknown>,
	options: {
		items?: INodeExecutionData[];
		continueOnFail?: boolean;
		sent?: SentRequest[];
		credentials?: IDataObject;
		intercept?: Intercept;
	} = {},
): Promise<INodeExecutionData[]> {
	const context = executeContext({
		params,
		credentials: credentialsFor(emulator.soapBaseUrl, options.credentials ?? {}),
		items: options.items,
		continueOnFail: options.continueOnFail,
		sent: options.sent,
		intercept: options.intercept,
	});
	const [output] = await node.execute.call(context);
	return output;
}

async function failure(promise: Promise<unknown>): Promise<Error> {
	try {
		await promise;
	} catch (error) {
		return error as Error;
	}
	throw new Error('expected the node to fail');
}

const rl = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });

async function companies(): Promise<IDataObject[]> {
	return (
		await run({ resource: 'company', operation: 'getMany', scope: 'all', returnAll: true })
	).map((i) => i.json);
}

/** A company that has wage tax declarations in the world's current year. */
async function companyWithDeclarations(): Promise<{ companyId: number; count: number }> {
	const list = (await admin(emulator.adminUrl, '/declarations', undefined, 'GET')) as {
		items: Array<{ companyId: number; year: number }>;
	};
	const inYear = list.items.filter((d) => d.year === worldYear);
	const companyId = inYear[0].companyId;
	return { companyId, count: inYear.filter((d) => d.companyId === companyId).length };
}

describe('Nmbrs node: Debtor → Get Many', () => {
	it('returns every debtor as an item with typed fields, paired with the input item', async () => {
		const items = await run({ resource: 'debtor', operation: 'getMany', returnAll: true });
		expect(items.length).toBeGreaterThan(1);
		for (const item of items) {
			expect(typeof item.json.Id).toBe('number');
			expect(typeof item.json.Name).toBe('string');
			expect(item.pairedItem).toEqual({ item: 0 });
		}
	});

	it('stops at the limit when Return All is off', async () => {
		const items = await run({
			resource: 'debtor',
			operation: 'getMany',
			returnAll: false,
			limit: 1,
		});
		expect(items).toHaveLength(1);
	});
});

describe('Nmbrs node: Company → Get Many', () => {
	it('returns all companies, or only those of one debtor, in input order', async () => {
		const all = await companies();
		expect(all.length).toBeGreaterThan(1);
		expect(typeof all[0].ID).toBe('number');
		expect(typeof all[0].Number).toBe('number');

		const debtors = (await run({ resource: 'debtor', operation: 'getMany', returnAll: true })).map(
			(i) => i.json,
		);
		const [first, second] = debtors;
		const items = await run(
			{
				resource: 'company',
				operation: 'getMany',
				scope: 'debtor',
				returnAll: true,
				debtorId: (i: number) => rl(String(debtors[i].Id)),
			},
			{ items: [{ json: {} }, { json: {} }] },
		);
		const pairedWith = (i: number) =>
			items.filter((it) => (it.pairedItem as { item: number }).item === i);
		const ofFirst = pairedWith(0);
		const ofSecond = pairedWith(1);
		expect(ofFirst.length).toBeGreaterThan(0);
		expect(ofSecond.length).toBeGreaterThan(0);
		// input order: every item of input 0 comes before every item of input 1
		expect(items.indexOf(ofFirst[ofFirst.length - 1])).toBeLessThan(items.indexOf(ofSecond[0]));
		expect(ofFirst.length + ofSecond.length).toBeLessThan(all.length + 1);
		expect(first.Id).not.toEqual(second.Id);
	});

	it('refuses a negative or non-numeric debtor ID before any call', async () => {
		for (const bad of ['-3', 'abc', '1.5']) {
			const sent: SentRequest[] = [];
			const error = await failure(
				run(
					{
						resource: 'company',
						operation: 'getMany',
						scope: 'debtor',
						returnAll: true,
						debtorId: rl(bad),
					},
					{ sent },
				),
			);
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toContain('Debtor ID');
			expect(sent).toHaveLength(0);
		}
	});
});

describe('Nmbrs node: Company → Get Wage Tax Declarations', () => {
	it('returns the declarations of a company and year with typed fields and the company ID', async () => {
		const { companyId, count } = await companyWithDeclarations();
		const items = await run({
			resource: 'company',
			operation: 'getWageTaxDeclarations',
			companyId: rl(companyId),
			year: worldYear,
			options: {},
		});
		expect(items).toHaveLength(count);
		for (const item of items) {
			expect(typeof item.json.LoonaangifteID).toBe('number');
			expect(item.json.Year).toBe(worldYear);
			expect(typeof item.json.Status).toBe('string');
			expect(item.json.TijdvakStart).toMatch(/^\d{4}-\d{2}-\d{2}$/);
			expect(item.json.CompanyId).toBe(companyId);
			expect(item.pairedItem).toEqual({ item: 0 });
		}
	});

	it('filters on status, case-insensitively', async () => {
		const { companyId } = await companyWithDeclarations();
		const all = await run({
			resource: 'company',
			operation: 'getWageTaxDeclarations',
			companyId: rl(companyId),
			year: worldYear,
			options: {},
		});
		const status = String(all[0].json.Status);
		const filtered = await run({
			resource: 'company',
			operation: 'getWageTaxDeclarations',
			companyId: rl(companyId),
			year: worldYear,
			options: { statuses: ` ${status.toUpperCase()} ` },
		});
		expect(filtered.length).toBe(
			all.filter((i) => String(i.json.Status).toLowerCase() === status.toLowerCase()).length,
		);
		expect(
			filtered.every((i) => String(i.json.Status).toLowerCase() === status.toLowerCase()),
		).toBe(true);
	});

	it('uses the current year (Dutch time) when no year is given', async () => {
		const { companyId, count } = await companyWithDeclarations();
		const realNow = Settings.now;
		// "Now" is the emulator world's clock, so the test does not change with the calendar.
		const clock = (await admin(emulator.adminUrl, '/clock', undefined, 'GET')) as { now: string };
		const worldNow = DateTime.fromISO(clock.now, { zone: 'Europe/Amsterdam' }).toMillis();
		Settings.now = () => worldNow;
		try {
			// Empty, blank, cleared, or not set at all (the parameter's default).
			for (const year of [{ year: '' }, { year: '  ' }, { year: null }, {}]) {
				const sent: SentRequest[] = [];
				const items = await run(
					{
						resource: 'company',
						operation: 'getWageTaxDeclarations',
						companyId: rl(companyId),
						...year,
						options: {},
					},
					{ sent },
				);
				expect(sent.at(-1)?.body).toContain(`<intYear>${worldYear}</intYear>`);
				expect(items).toHaveLength(count);
				expect(items.every((i) => i.json.Year === worldYear)).toBe(true);
			}
		} finally {
			Settings.now = realNow;
		}
	});

	it('refuses a year outside 2000–2100 before any call, naming the field', async () => {
		for (const year of [1999, 2101, 'next year']) {
			const sent: SentRequest[] = [];
			const error = await failure(
				run(
					{
						resource: 'company',
						operation: 'getWageTaxDeclarations',
						companyId: rl(1),
						year,
						options: {},
					},
					{ sent },
				),
			);
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toContain('Year');
			expect(sent).toHaveLength(0);
		}
	});

	it('reports a call switched off in the API user template (1002) with the call to enable', async () => {
		const { companyId } = await companyWithDeclarations();
		await admin(
			emulator.adminUrl,
			`/users/${encodeURIComponent('accountant@demo.example')}/template`,
			{
				disabled: ['CompanyService.WageTax_GetList'],
			},
		);
		try {
			const error = await failure(
				run({
					resource: 'company',
					operation: 'getWageTaxDeclarations',
					companyId: rl(companyId),
					year: worldYear,
					options: {},
				}),
			);
			expect(error).toBeInstanceOf(NodeApiError);
			const apiError = error as NodeApiError;
			expect(apiError.message).toContain('1002');
			expect(apiError.description).toContain('CompanyService.WageTax_GetList');
			expect(apiError.description).toMatch(/API user template/i);
			expect(apiError.httpCode).toBe('500');
			expect(JSON.stringify(apiError)).not.toContain(TOKEN);
			expect(`${apiError.message} ${apiError.description}`).not.toContain(TOKEN);
		} finally {
			await admin(
				emulator.adminUrl,
				`/users/${encodeURIComponent('accountant@demo.example')}/template`,
				{ disabled: [] },
			);
		}
	});
});

describe('Nmbrs node: credential without a subdomain', () => {
	it('discovers the subdomain with one Environment_Get for a whole run, not once per call', async () => {
		const sent: SentRequest[] = [];
		const items = await run(
			{ resource: 'debtor', operation: 'getMany', returnAll: false, limit: 1 },
			{ items: [{ json: {} }, { json: {} }, { json: {} }], sent, credentials: { subdomain: '' } },
		);
		expect(items).toHaveLength(3);
		expect(sent.filter((r) => r.soapAction.endsWith('/Environment_Get'))).toHaveLength(1);
		expect(sent.filter((r) => r.soapAction.endsWith('/List_GetAll'))).toHaveLength(3);
		expect(sent[1].body).toContain('<Domain>demo</Domain>');
	});

	const environmentGets = (sent: SentRequest[]) =>
		sent.filter((r) => r.soapAction.endsWith('/Environment_Get'));

	it('with a wrong token, the lookup fails once with 1001 and its fix (not retried, not "could not reach")', async () => {
		const sent: SentRequest[] = [];
		const error = await failure(
			run(
				{ resource: 'debtor', operation: 'getMany', returnAll: true },
				{ sent, credentials: { subdomain: '', token: 'wrong-token-77' } },
			),
		);
		expect(error).toBeInstanceOf(NodeApiError);
		const apiError = error as NodeApiError;
		expect(apiError.message).toContain('1001');
		expect(apiError.message).toMatch(/look up the Nmbrs subdomain/);
		expect(apiError.message).not.toMatch(/Could not reach/);
		expect(apiError.description).toMatch(/API token/);
		expect(apiError.description).toMatch(/type the subdomain/);
		expect(environmentGets(sent)).toHaveLength(1);
		expect(sent).toHaveLength(1);
		expect(JSON.stringify(apiError)).not.toContain('wrong-token-77');
	});

	it('an Environment_Get answer without a subdomain fails once, saying so', async () => {
		const lookups: string[] = [];
		const emptySubDomain: Intercept = (options) => {
			if (!String(options.headers?.SOAPAction ?? '').endsWith('/Environment_Get')) return undefined;
			lookups.push(String(options.url));
			return {
				statusCode: 200,
				headers: { 'content-type': 'text/xml; charset=utf-8' },
				body: buildResponse(
					getOperation('DebtorService.Environment_Get'),
					{ Domain: 'demo.nmbrs.nl', SubDomain: '' },
					catalogue,
				),
			};
		};
		const error = await failure(
			run(
				{ resource: 'debtor', operation: 'getMany', returnAll: true },
				{ credentials: { subdomain: '' }, intercept: emptySubDomain },
			),
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/Environment_Get without a subdomain/);
		expect(error.message).not.toMatch(/Could not reach/);
		expect((error as NodeApiError).description).toMatch(/type the subdomain/);
		expect(lookups).toHaveLength(1);
	});

	it('a subdomain looked up for another e-mail is not sent, and the 1001 error says to type the subdomain', async () => {
		const sent: SentRequest[] = [];
		const error = await failure(
			run(
				{ resource: 'debtor', operation: 'getMany', returnAll: true },
				{
					sent,
					credentials: {
						subdomain: '',
						sessionSubdomain: 'demo',
						sessionFor: `${emulator.soapBaseUrl.replace(/\/?$/, '/')}|someone-else@demo.example`,
					},
				},
			),
		);
		expect(sent).toHaveLength(1);
		expect(sent[0].body).not.toContain('<Domain>');
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toContain('1001');
		expect((error as NodeApiError).description).toMatch(
			/another e-mail or environment.*type the subdomain/,
		);
	});

	it('refuses the API address typed as subdomain before any call', async () => {
		const sent: SentRequest[] = [];
		const error = await failure(
			run(
				{ resource: 'debtor', operation: 'getMany', returnAll: true },
				{ sent, credentials: { subdomain: 'https://api.nmbrs.nl/soap/v3/' } },
			),
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(/"api" is the address of the Nmbrs API.*mycompany\.nmbrs\.nl/);
		expect(sent).toHaveLength(0);
	});
});

describe('Nmbrs node: errors and continue on fail', () => {
	it('with continue on fail, a failing item becomes an error item paired with it, the others still run', async () => {
		const [company] = await companies();
		const ids = [String(company.ID), 'not-an-id', String(company.ID)];
		const items = await run(
			{
				resource: 'employee',
				operation: 'getMany',
				companyId: (i: number) => rl(ids[i]),
				employeeType: 2,
				returnAll: false,
				limit: 1,
			},
			{ items: [{ json: {} }, { json: {} }, { json: {} }], continueOnFail: true },
		);
		expect(items).toHaveLength(3);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[0].json.Id).toEqual(expect.any(Number));
		expect(items[1].pairedItem).toEqual({ item: 1 });
		expect(String(items[1].json.error)).toContain('Company ID');
		expect(items[2].pairedItem).toEqual({ item: 2 });
		expect(items[2].json.Id).toEqual(expect.any(Number));
	});

	it('a wrong token fails with the credential fix and the token appears nowhere', async () => {
		const wrongToken = 'wrong-token-5f2a9c1e';
		const error = await failure(
			run(
				{ resource: 'debtor', operation: 'getMany', returnAll: true },
				{ credentials: { token: wrongToken } },
			),
		);
		expect(error).toBeInstanceOf(NodeApiError);
		const apiError = error as NodeApiError;
		expect(apiError.message).toContain('1001');
		expect(apiError.description).toMatch(/token/i);
		for (const text of [
			apiError.message,
			String(apiError.description),
			JSON.stringify(apiError),
			String(apiError.stack),
		]) {
			expect(text).not.toContain(wrongToken);
		}

		const items = await run(
			{ resource: 'debtor', operation: 'getMany', returnAll: true },
			{ credentials: { token: wrongToken }, continueOnFail: true },
		);
		expect(items).toHaveLength(1);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(JSON.stringify(items)).not.toContain(wrongToken);
	});

	it('outputs never contain the token', async () => {
		const items = await run({
			resource: 'company',
			operation: 'getMany',
			scope: 'all',
			returnAll: true,
		});
		expect(JSON.stringify(items)).not.toContain(TOKEN);
	});

	it('a server that echoes the token (in a SOAP header or a fault string) does not get it into output or errors', async () => {
		const echo = `<Token>${TOKEN}</Token> (token ${TOKEN})`;
		const isDebtorList = (options: { headers?: unknown; url: string }) =>
			String((options.headers as Record<string, string> | undefined)?.SOAPAction ?? '').endsWith(
				'/List_GetAll',
			) && options.url.endsWith('DebtorService.asmx');
		const echoingAnswer: Intercept = (options) => {
			if (!isDebtorList(options)) return undefined;
			expect(String(options.body)).toContain(`<Token>${TOKEN}</Token>`); // the request really carried it
			const body = buildResponse(
				getOperation('DebtorService.List_GetAll'),
				[{ Id: 1, Number: 1, Name: 'Debtor' }],
				catalogue,
			).replace(
				'<soap:Body>',
				`<soap:Header><AuthHeaderWithDomain xmlns="https://api.nmbrs.nl/soap/v3/DebtorService"><Username>accountant@demo.example</Username>${echo}</AuthHeaderWithDomain></soap:Header><soap:Body>`,
			);
			return { statusCode: 200, headers: { 'content-type': 'text/xml; charset=utf-8' }, body };
		};
		const items = await run(
			{ resource: 'debtor', operation: 'getMany', returnAll: true },
			{ intercept: echoingAnswer },
		);
		expect(items).toHaveLength(1);
		expect(JSON.stringify(items)).not.toContain(TOKEN);

		const echoingFault: Intercept = (options) =>
			isDebtorList(options)
				? {
						statusCode: 500,
						headers: { 'content-type': 'text/xml; charset=utf-8' },
						body: buildFault('1.1', {
							sender: false,
							message: nmbrsFaultMessage(1001, `Invalid authentication ${echo}`),
						}),
					}
				: undefined;
		const error = await failure(
			run(
				{ resource: 'debtor', operation: 'getMany', returnAll: true },
				{ intercept: echoingFault },
			),
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toContain('1001');
		const apiError = error as NodeApiError;
		for (const text of [
			apiError.message,
			String(apiError.description),
			JSON.stringify(apiError),
			JSON.stringify(apiError.errorResponse ?? null),
		]) {
			expect(text).not.toContain(TOKEN);
		}
		const failed = await run(
			{ resource: 'debtor', operation: 'getMany', returnAll: true },
			{ intercept: echoingFault, continueOnFail: true },
		);
		expect(failed).toHaveLength(1);
		expect(String(failed[0].json.error)).toContain('1001');
		expect(JSON.stringify(failed)).not.toContain(TOKEN);
	});
});
