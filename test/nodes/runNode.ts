/**
 * Runs the action node as n8n would, against the emulator (behaviour tests) or against a stub
 * that answers each call from a table (fast unit tests of the calls an operation makes).
 */
import type { IDataObject, INodeExecutionData, INodeListSearchResult } from 'n8n-workflow';

import { startEmulator } from '../../emulator/src';
import { catalogue, findAnyOperation, getOperation } from '../../nodes/Nmbrs/catalogue';
import type { ServiceName } from '../../nodes/Nmbrs/catalogue/types';
import { Nmbrs } from '../../nodes/Nmbrs/Nmbrs.node';
import { buildFault, buildResponse, nmbrsFaultMessage, readRequest } from '../../nodes/Nmbrs/wire';
import type { Intercept, SentRequest } from './harness';
import { admin, credentialsFor, executeContext, loadOptionsContext } from './harness';

export type Emulator = Awaited<ReturnType<typeof startEmulator>>;

/** The world's fixed "now", so that results do not change with the calendar. */
export const WORLD_NOW = '2026-11-25T09:00:00';
export const TOKEN = 'demo-token';

/** The node under test; the benchmarks run the built one (see RunOptions.node). */
let sourceNode: Nmbrs | undefined;

export interface RunOptions {
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	sent?: SentRequest[];
	credentials?: IDataObject;
	intercept?: Intercept;
	/** Another build of the node (default: the sources). */
	node?: Pick<Nmbrs, 'execute'>;
}

/** Starts the demo world for the tests of one file; `emulator()` gives it to the tests. */
export function useEmulator(): () => Emulator {
	let emulator: Emulator | undefined;
	beforeAll(async () => {
		emulator = await startEmulator({ port: 0, world: 'demo', worldNow: WORLD_NOW });
	});
	afterAll(async () => {
		await emulator?.close();
	});
	return () => {
		if (!emulator) throw new Error('the emulator has not started');
		return emulator;
	};
}

/** Runs the node with these parameters (a function of the item index gives per-item values). */
export async function runNode(
	soapBaseUrl: string,
	params: Record<string, unknown>,
	options: RunOptions = {},
): Promise<INodeExecutionData[]> {
	const context = executeContext({
		params,
		credentials: credentialsFor(soapBaseUrl, options.credentials ?? {}),
		items: options.items,
		continueOnFail: options.continueOnFail,
		sent: options.sent,
		intercept: options.intercept,
	});
	const node = options.node ?? (sourceNode ??= new Nmbrs());
	const [output] = await node.execute.call(context);
	return output;
}

/**
 * Runs a list search of the node (`methods.listSearch[method]`) as the editor does, with the
 * parameters already set on the node and the text typed in the search box.
 */
export async function searchList(
	soapBaseUrl: string,
	method: string,
	params: Record<string, unknown>,
	filter?: string,
	options: Pick<RunOptions, 'sent' | 'credentials' | 'intercept'> = {},
): Promise<INodeListSearchResult> {
	const search = new Nmbrs().methods.listSearch[method];
	if (search === undefined) throw new Error(`the node has no list search ${method}`);
	const context = loadOptionsContext({
		params,
		credentials: credentialsFor(soapBaseUrl, options.credentials ?? {}),
		sent: options.sent,
		intercept: options.intercept,
	});
	return await search.call(context, filter);
}

/** The error a run throws (fails the test when it does not throw). */
export async function failure(promise: Promise<unknown>): Promise<Error> {
	try {
		await promise;
	} catch (error) {
		return error as Error;
	}
	throw new Error('expected the node to fail');
}

/** A resource locator value typed "By ID". */
export const rl = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });

/** `Service.Operation` of each request sent, in order. */
export function callsOf(sent: SentRequest[]): string[] {
	return sent.map((request) => {
		const service = /\/(\w+Service)\.asmx/.exec(request.url)?.[1] ?? '?';
		const operation = request.soapAction.slice(request.soapAction.lastIndexOf('/') + 1);
		return `${service}.${operation}`;
	});
}

export { admin };

/** One call the stub saw: the operation and the parameters as the envelope carried them. */
export interface StubbedCall {
	operation: string;
	params: Record<string, unknown>;
}

/**
 * Answers from a table instead of Nmbrs: `answers['CompanyService.List_GetAll']` is the result
 * (or a function of the parameters; `{ fault: 2004 }` answers that Nmbrs fault). Every request is
 * read back with the wire codec, so `calls` holds exactly what went out.
 */
export function stubNmbrs(answers: Record<string, unknown>) {
	const calls: StubbedCall[] = [];
	const intercept: Intercept = async (options) => {
		const body = String(options.body);
		const request = readRequest(body, catalogue, (name, namespace) =>
			findAnyOperation(namespace.slice(namespace.lastIndexOf('/') + 1) as ServiceName, name),
		);
		const key = `${request.operation?.service}.${request.operationName}`;
		calls.push({ operation: key, params: request.params as Record<string, unknown> });
		if (!(key in answers)) throw new Error(`the stub has no answer for ${key}`);
		const answer = answers[key];
		const result: unknown = typeof answer === 'function' ? await answer(request.params) : answer;
		if (result !== null && typeof result === 'object' && 'fault' in result) {
			const code = (result as { fault: number }).fault;
			return {
				statusCode: 500,
				headers: { 'content-type': 'text/xml; charset=utf-8' },
				body: buildFault('1.1', {
					sender: false,
					message: nmbrsFaultMessage(code, `Fault ${code}`),
				}),
			};
		}
		return {
			statusCode: 200,
			headers: { 'content-type': 'text/xml; charset=utf-8' },
			body: buildResponse(getOperation(key), result, catalogue),
		};
	};
	return {
		calls,
		run: async (params: Record<string, unknown>, options: RunOptions = {}) =>
			await runNode('http://nmbrs.stub.invalid/soap/v3/', params, { ...options, intercept }),
	};
}
