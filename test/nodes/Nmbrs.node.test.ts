import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { startEmulator } from '../../emulator/src';
import { catalogue, getOperation } from '../../nodes/Nmbrs/catalogue';
import { buildFault, buildResponse, nmbrsFaultMessage } from '../../nodes/Nmbrs/wire/writeXml';
import { Nmbrs } from '../../nodes/Nmbrs/Nmbrs.node';
import type { Intercept, SentRequest } from './harness';
import { credentialsFor, executeContext } from './harness';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

const node = new Nmbrs();
const TOKEN = 'demo-token';

let emulator: Emulator;

beforeAll(async () => {
	emulator = await startEmulator({ port: 0, world: 'demo', worldNow: '2026-11-25T09:00:00' });
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
