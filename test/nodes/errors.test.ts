import { DateTime } from 'luxon';
import type { INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { toNodeError } from '../../nodes/Nmbrs/helpers/request';
import { yearsToWatch } from '../../nodes/Nmbrs/resources/trigger/wageTaxDeclarationReachedStatus';
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
			faultError('CompanyService.WageTax_GetList', 'Server was unable to process request. ---> 1002: Unauthorized access', 500),
			'secret-token-1',
			3,
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toContain('1002');
		expect(error.description).toContain('CompanyService.WageTax_GetList');
		expect((error as NodeApiError).httpCode).toBe('500');
		expect((error as NodeApiError).context.itemIndex).toBe(3);
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

	it('wraps anything else as a NodeOperationError without the token', () => {
		const error = toNodeError(node, new Error('boom secret-token-1'), 'secret-token-1', 0);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('boom ***');
	});
});

describe('trigger years', () => {
	it('watches the previous year too until the end of March (Dutch time)', () => {
		expect(yearsToWatch(DateTime.fromISO('2026-03-31T23:30:00', { zone: 'Europe/Amsterdam' }))).toEqual([2025, 2026]);
		expect(yearsToWatch(DateTime.fromISO('2026-04-01T00:30:00', { zone: 'Europe/Amsterdam' }))).toEqual([2026]);
		// 31 December 23:30 UTC is already the new year in Amsterdam
		expect(yearsToWatch(DateTime.fromISO('2025-12-31T23:30:00', { zone: 'UTC' }))).toEqual([2025, 2026]);
	});
});
