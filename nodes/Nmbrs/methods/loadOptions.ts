import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { asRecords, nmbrsRequest } from '../glue/request';

/** The employee types of the environment (EmployeeService.EmployeeType_GetList). */
export async function getEmployeeTypes(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const rows = asRecords(await nmbrsRequest.call(this, 'EmployeeService.EmployeeType_GetList', {}));
	const options: INodePropertyOptions[] = [];
	for (const row of rows) {
		const id = Number(row.Id);
		if (!Number.isInteger(id)) continue;
		options.push({ name: `${String(row.Description ?? 'Type')} (${id})`, value: id });
	}
	return options.sort((a, b) => Number(a.value) - Number(b.value));
}
