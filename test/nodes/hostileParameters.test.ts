/**
 * Parameters an expression can fill with anything: IDs past the 32-bit range Nmbrs' IDs live in,
 * and booleans given as text. Each is refused (naming the field) or read as the user meant.
 */
import type { INode, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { startEmulator } from '../../emulator/src';
import {
	MAX_INT32,
	parseBoolean,
	parseId,
	parseNonNegative,
} from '../../nodes/Nmbrs/glue/parameters';
import { Nmbrs } from '../../nodes/Nmbrs/Nmbrs.node';
import { credentialsFor, executeContext } from './harness';

const node = { name: 'Nmbrs' } as INode;

function refusal(fn: () => unknown): NodeOperationError {
	try {
		fn();
	} catch (error) {
		if (error instanceof NodeOperationError) return error;
		throw error;
	}
	throw new Error('expected a NodeOperationError');
}

describe('IDs', () => {
	it('accept the largest 32-bit signed int', () => {
		expect(MAX_INT32).toBe(2_147_483_647);
		expect(parseId(node, '2147483647', 'Company ID', 0)).toBe(2_147_483_647);
		expect(parseNonNegative(node, 0, 'Employee Type', 0)).toBe(0);
	});

	it('refuse anything above it, naming the field and the range', () => {
		for (const value of ['2147483648', 2_147_483_648, '9007199254740993']) {
			const error = refusal(() => parseId(node, value, 'Company ID', 3));
			expect(error.message).toContain('Company ID');
			expect(error.description).toContain('2147483647');
		}
		expect(refusal(() => parseNonNegative(node, 2 ** 31, 'Employee Type', 0)).message).toContain(
			'Employee Type',
		);
	});
});

describe('booleans', () => {
	it('accept true/false and the text "true"/"false"', () => {
		expect(parseBoolean(node, true, 'Return All', 0)).toBe(true);
		expect(parseBoolean(node, false, 'Return All', 0)).toBe(false);
		expect(parseBoolean(node, 'false', 'Return All', 0)).toBe(false);
		expect(parseBoolean(node, ' TRUE ', 'Return All', 0)).toBe(true);
	});

	it('refuse anything else, naming the field', () => {
		for (const value of ['yes', '0', 1, null, {}, '']) {
			expect(refusal(() => parseBoolean(node, value, 'Return All', 0)).message).toContain(
				'Return All',
			);
		}
	});
});

describe('the node', () => {
	let emulator: Awaited<ReturnType<typeof startEmulator>>;
	beforeAll(async () => {
		emulator = await startEmulator({ port: 0, worldNow: '2026-11-25T09:00:00' });
	});
	afterAll(async () => {
		await emulator.close();
	});

	async function run(params: Record<string, unknown>): Promise<INodeExecutionData[]> {
		const context = executeContext({
			params,
			credentials: credentialsFor(emulator.soapBaseUrl, {}),
		});
		const [output] = await new Nmbrs().execute.call(context);
		return output;
	}

	it('reads Return All given as the text "false" as false: the limit applies', async () => {
		const items = await run({
			resource: 'debtor',
			operation: 'getMany',
			returnAll: 'false',
			limit: 1,
		});
		expect(items).toHaveLength(1);
	});

	it('refuses a company ID above 2147483647 before any call, naming the field', async () => {
		const error = await run({
			resource: 'employee',
			operation: 'getMany',
			companyId: { __rl: true, mode: 'id', value: '2147483648' },
			employeeType: 2,
			returnAll: true,
		}).then(
			() => undefined,
			(failure: Error) => failure,
		);
		expect(error?.message).toContain('Company ID');
		expect(error?.message).not.toContain('base URL');
	});
});
