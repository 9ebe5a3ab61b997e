import type { INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { nmbrsRequest, toNodeError } from '../../nodes/Nmbrs/glue/request';
import { buildResponse } from '../../nodes/Nmbrs/wire';
import { catalogue, getOperation } from '../../nodes/Nmbrs/catalogue';
import { credentialsFor, executeContext } from './harness';
import { faultError, NmbrsError } from '../../nodes/Nmbrs/transport/errors';

const node: INode = {
	id: 'n',
	name: 'Nmbrs',
	type: 'n8n-nodes-nmbrs.nmbrs',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

describe('NmbrsError -> NodeApiError', () => {
	it('carries the Nmbrs meaning as message, the fix as description, and the HTTP status', () => {
		const error = toNodeError(
			node,
			faultError(
				'CompanyService.WageTax_GetList',
				'Server was unable to process request. ---> 1002: Unauthorized access',
				500,
			),
			'secret-token-1',
			3,
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toContain('1002');
		expect(error.description).toContain('CompanyService.WageTax_GetList');
		expect((error as NodeApiError).httpCode).toBe('500');
		expect((error as NodeApiError).context.itemIndex).toBe(3);
	});

	it('keeps our wording for an unreachable Nmbrs (n8n does not swap it for a generic sentence)', async () => {
		const context = executeContext({
			params: {},
			credentials: credentialsFor('http://127.0.0.1:9/soap/v3/'),
			intercept: () => {
				throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), {
					code: 'ECONNREFUSED',
				});
			},
		});
		const error = await nmbrsRequest(context, 'DebtorService.List_GetAll', {}, 0).catch(
			(e: Error) => e,
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).message).toMatch(
			/Could not reach Nmbrs at http:\/\/127\.0\.0\.1:9\/soap\/v3\/DebtorService\.asmx .*connection refused/,
		);
		expect((error as NodeApiError).description).toMatch(/environment/);
	});

	it('removes the token wherever a transport text carries it', () => {
		const token = 'secret-token-1';
		const leaky = new NmbrsError(`Could not reach Nmbrs (${token})`, {
			kind: 'network',
			operation: 'DebtorService.List_GetAll',
			nmbrsMessage: `socket hang up ${token}`,
			hint: `check ${token}`,
			retryable: true,
		});
		const error = toNodeError(node, leaky, token, 0);
		expect(JSON.stringify(error)).not.toContain(token);
		expect(`${error.message} ${error.description}`).not.toContain(token);
	});

	it('removes the token also where a response carried it XML-escaped', () => {
		const token = 'tok&en<1-secret';
		const leaky = new NmbrsError('Nmbrs answered with HTTP 502', {
			kind: 'http',
			operation: 'DebtorService.List_GetAll',
			nmbrsMessage: '<Token>tok&amp;en&lt;1-secret</Token> and in text tok&amp;en&lt;1-secret',
			retryable: true,
		});
		const error = toNodeError(node, leaky, token, 0);
		const views = [
			JSON.stringify(error),
			error.message,
			String(error.description),
			JSON.stringify((error as NodeApiError).errorResponse ?? null),
		];
		for (const view of views) {
			expect(view).not.toContain('tok&amp;en&lt;1-secret');
			expect(view).not.toContain(token);
		}
	});

	it('wraps anything else as a NodeOperationError without the token', () => {
		const error = toNodeError(node, new Error('boom secret-token-1'), 'secret-token-1', 0);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('boom ***');
	});
});

describe('nmbrsRequest', () => {
	it('passes a timeout given by the node on to the request, and uses the default without one', async () => {
		const op = getOperation('CompanyService.WageTax_GetList');
		const timeouts: unknown[] = [];
		const context = executeContext({
			params: {},
			credentials: credentialsFor('http://127.0.0.1:9/soap/v3/', { sessionSubdomain: 'demo' }),
			intercept: (options) => {
				timeouts.push(options.timeout);
				return { statusCode: 200, headers: {}, body: buildResponse(op, [], catalogue) };
			},
		});
		await expect(
			nmbrsRequest(context, 'CompanyService.WageTax_GetList', { CompanyId: 1, intYear: 2024 }, 0, {
				timeoutMs: 5_000,
			}),
		).resolves.toEqual([]);
		await expect(
			nmbrsRequest(context, 'CompanyService.WageTax_GetList', { CompanyId: 1, intYear: 2024 }),
		).resolves.toEqual([]);
		expect(timeouts).toEqual([5_000, 60_000]);
	});
});
