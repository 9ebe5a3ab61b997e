/**
 * The router: items run concurrently within the login's fair-use budget, output in input order,
 * pairedItem on every item, Continue On Fail. Timing is read off an injected clock.
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { router } from '../../nodes/Nmbrs/resources/router';
import type { NmbrsResource } from '../../nodes/Nmbrs/resources/types';
import { limiterFor } from '../../nodes/Nmbrs/transport/limiter';
import { resolveBaseUrl, userKey } from '../../nodes/Nmbrs/transport/connection';
import { FakeClock } from '../transport/fakeClock';
import { credentialsFor, executeContext } from './harness';
import { failure, rl, stubNmbrs } from './runNode';

const declarations = (companyId: number) => [
	{ LoonaangifteID: companyId * 10, Period: 1, Year: 2026, Status: 'locked' },
];

describe('the router', () => {
	it('runs 500 items without passing 150 calls in any second, output in input order', async () => {
		const clock = new FakeClock();
		// The stub's login gets a limiter on the fake clock before the node first asks for one.
		const base = resolveBaseUrl({
			environment: 'custom',
			customBaseUrl: 'http://nmbrs.stub.invalid/soap/v3/',
		});
		limiterFor(userKey(base, 'accountant@demo.example'), { clock });
		const startedAt: number[] = [];
		const stub = stubNmbrs({
			'CompanyService.WageTax_GetList': async (params: { CompanyId: number }) => {
				startedAt.push(clock.now());
				await clock.sleep(30); // Nmbrs' latency
				return declarations(params.CompanyId);
			},
		});
		const items = Array.from({ length: 500 }, (_, i) => ({ json: { companyId: i + 1 } }));
		const output = await clock.run(
			stub.run(
				{
					resource: 'company',
					operation: 'getWageTaxDeclarations',
					companyId: (i: number) => rl(i + 1),
					year: '2026',
					options: {},
				},
				{ items },
			),
		);
		expect(output).toHaveLength(500);
		output.forEach((item, i) => {
			expect(item.pairedItem).toEqual({ item: i });
			expect(item.json.CompanyId).toBe(i + 1);
		});
		expect(startedAt).toHaveLength(500);
		for (const [i, start] of startedAt.entries()) {
			const inWindow = startedAt.slice(i).filter((t) => t < start + 1000).length;
			expect(inWindow).toBeLessThanOrEqual(150);
		}
		// Concurrent, not one after another: 500 calls of 30 ms took far less than 15 s.
		expect(clock.now()).toBeLessThan(500 * 30);
	});

	it('with Continue On Fail, a failed item becomes an error item in its place', async () => {
		const stub = stubNmbrs({
			'CompanyService.WageTax_GetList': (params: { CompanyId: number }) =>
				params.CompanyId === 2 ? { fault: 2003 } : declarations(params.CompanyId),
		});
		const output = await stub.run(
			{
				resource: 'company',
				operation: 'getWageTaxDeclarations',
				companyId: (i: number) => rl(i + 1),
				year: '2026',
				options: {},
			},
			{ items: [{ json: {} }, { json: {} }, { json: {} }], continueOnFail: true },
		);
		expect(output.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[1].json.error).toMatch(/2003/);
		expect(output[2].json.CompanyId).toBe(3);
	});

	it('without it, the first failure in input order is thrown, with its item index', async () => {
		const stub = stubNmbrs({
			'CompanyService.WageTax_GetList': (params: { CompanyId: number }) =>
				params.CompanyId >= 3 ? { fault: 2003 } : declarations(params.CompanyId),
		});
		const error = await failure(
			stub.run(
				{
					resource: 'company',
					operation: 'getWageTaxDeclarations',
					companyId: (i: number) => (i === 1 ? rl('x') : rl(i + 1)),
					year: '2026',
					options: {},
				},
				{ items: Array.from({ length: 6 }, () => ({ json: {} })) },
			),
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(/Company ID "x"/);
		expect((error as NodeApiError).context.itemIndex).toBe(1);
	});
});

describe('the router with a very large output', () => {
	it('returns 200,000 items of one input item (no spread of the rows into a call: stack)', async () => {
		const rows = 200_000;
		const bigList: NmbrsResource = {
			value: 'big',
			name: 'Big',
			defaultOperation: 'list',
			operations: {
				list: {
					name: 'List',
					description: 'many rows',
					action: 'List many',
					properties: [],
					calls: [],
					execute: async (itemIndex) =>
						Array.from({ length: rows }, (_, i) => ({
							json: { i },
							pairedItem: { item: itemIndex },
						})),
				},
			},
		};
		const context = executeContext({
			params: { resource: 'big', operation: 'list' },
			credentials: credentialsFor('http://nmbrs.stub.invalid/soap/v3/'),
		});
		const [output] = await router.call(context, [bigList]);
		expect(output).toHaveLength(rows);
		expect(output[rows - 1].json.i).toBe(rows - 1);
	});
});
