import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { parseId } from '../glue/parameters';
import { asRecords, nmbrsRequest } from '../glue/request';

/** The employee types of the environment (EmployeeService.EmployeeType_GetList). */
export async function getEmployeeTypes(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const rows = asRecords(await nmbrsRequest(this, 'EmployeeService.EmployeeType_GetList', {}));
	const options: INodePropertyOptions[] = [];
	for (const row of rows) {
		const id = Number(row.Id);
		if (!Number.isInteger(id)) continue;
		options.push({ name: `${String(row.Description ?? 'Type')} (${id})`, value: id });
	}
	return options.sort((a, b) => Number(a.value) - Number(b.value));
}

/**
 * The default employee templates of the company chosen on the node
 * (CompanyService.DefaultEmployeeTemplates_GetByCompany), after "the company's first template".
 */
export async function getDefaultEmployeeTemplates(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const first: INodePropertyOptions = {
		name: "The Company's First Template",
		value: '',
		description: 'The first template Nmbrs lists for the company',
	};
	let companyId: number;
	try {
		companyId = parseId(
			this.getNode(),
			this.getCurrentNodeParameter('companyId', { extractValue: true }),
			'Company ID',
			0,
		);
	} catch {
		return [first];
	}
	const rows = asRecords(
		await nmbrsRequest(this, 'CompanyService.DefaultEmployeeTemplates_GetByCompany', {
			CompanyId: companyId,
		}),
	);
	return [
		first,
		...rows
			.filter((row) => typeof row.DefaultEmployeeTemplateId === 'string')
			.map((row) => ({
				name: String(row.Description ?? row.DefaultEmployeeTemplateId),
				value: String(row.DefaultEmployeeTemplateId),
			})),
	];
}
