/**
 * Runs the chosen operation for every input item and applies n8n's conventions: output in
 * input order, pairedItem on every item, NodeApiError / NodeOperationError with the item index,
 * and with "Continue On Fail" an error item in place of a failed one.
 *
 * Items run concurrently (the transport's limiter keeps each login under Nmbrs' fair use);
 * items that write the same record run one after another. Without Continue On Fail, no new
 * item starts after one failed, and the first failure in input order is thrown.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { MAX_IN_FLIGHT, toNodeError } from '../glue/request';
import type { NmbrsOperation, NmbrsResource } from './types';

/** Items in flight at once: as many as the transport lets calls be in flight per login. */
const CONCURRENT_ITEMS = MAX_IN_FLIGHT;

export function findOperation(
	this: IExecuteFunctions,
	resources: readonly NmbrsResource[],
): NmbrsOperation {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const found = resources.find((r) => r.value === resource)?.operations[operation];
	if (found === undefined) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of resource "${resource}" is not supported`,
		);
	}
	return found;
}

export async function router(
	this: IExecuteFunctions,
	resources: readonly NmbrsResource[],
): Promise<INodeExecutionData[][]> {
	const operation = findOperation.call(this, resources);
	const count = this.getInputData().length;
	const continueOnFail = this.continueOnFail();
	const outcomes: Array<INodeExecutionData[] | Error | undefined> = new Array(count);
	const lastWriteOf = new Map<string, Promise<unknown>>();
	let failed = false;
	let next = 0;

	const runItem = async (itemIndex: number) => {
		try {
			const key = operation.recordKey?.call(this, itemIndex);
			const before = key === undefined ? undefined : lastWriteOf.get(key);
			const run = (async () => {
				await before?.catch(() => undefined);
				return await operation.execute.call(this, itemIndex);
			})();
			if (key !== undefined) lastWriteOf.set(key, run);
			outcomes[itemIndex] = await run;
		} catch (caught) {
			outcomes[itemIndex] = toNodeError(this.getNode(), caught, undefined, itemIndex);
			if (!continueOnFail) failed = true;
		}
	};
	const worker = async () => {
		while (!failed && next < count) await runItem(next++);
	};
	if (operation.executeBatch) {
		const indexes = Array.from({ length: count }, (_, i) => i);
		const batch = await operation.executeBatch.call(this, indexes);
		batch.forEach((outcome, itemIndex) => {
			outcomes[itemIndex] =
				outcome instanceof Error
					? toNodeError(this.getNode(), outcome, undefined, itemIndex)
					: outcome;
		});
	} else {
		// The first item runs alone: a credential without a subdomain looks it up on its first
		// call and n8n stores it, so the items after it do not each look it up again.
		if (count > 0) await runItem(next++);
		await Promise.all(Array.from({ length: Math.min(CONCURRENT_ITEMS, count - 1) }, worker));
	}

	const returnData: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		const outcome = outcomes[itemIndex];
		if (outcome === undefined) continue;
		if (!(outcome instanceof Error)) {
			// One at a time: spreading a large outcome into push's arguments overflows the stack.
			for (const item of outcome) returnData.push(item);
			continue;
		}
		if (!continueOnFail) throw outcome;
		const error = outcome as Error & { description?: string | null };
		returnData.push({
			json: { error: error.message, description: error.description ?? null },
			pairedItem: { item: itemIndex },
		});
	}
	return [returnData];
}
