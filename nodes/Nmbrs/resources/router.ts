/**
 * Reads resource and operation, runs the operation once per input item (in input order),
 * and applies n8n's error conventions: NodeApiError / NodeOperationError with the item index,
 * or, with "continue on fail", an error item paired with its input.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toNodeError } from '../glue/request';
import * as company from './company/Company.resource';
import * as debtor from './debtor/Debtor.resource';
import * as employee from './employee/Employee.resource';

type OperationExecute = (
	this: IExecuteFunctions,
	itemIndex: number,
) => Promise<INodeExecutionData[]>;

const operations: Record<string, Record<string, OperationExecute>> = {
	company: {
		getMany: company.getMany.execute,
		getWageTaxDeclarations: company.getWageTaxDeclarations.execute,
	},
	debtor: { getMany: debtor.getMany.execute },
	employee: { getMany: employee.getMany.execute },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const returnData: INodeExecutionData[] = [];
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const run = operations[resource]?.[operation];
	if (run === undefined) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of resource "${resource}" is not supported`,
		);
	}

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			returnData.push(...(await run.call(this, itemIndex)));
		} catch (caught) {
			const error = toNodeError(this.getNode(), caught, undefined, itemIndex);
			if (this.continueOnFail()) {
				returnData.push({
					json: { error: error.message, description: error.description ?? null },
					pairedItem: { item: itemIndex },
				});
				continue;
			}
			throw error;
		}
	}
	return [returnData];
}
