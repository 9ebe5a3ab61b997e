import type {
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { asRecords, nmbrsRequest } from '../glue/request';

function matches(filter: string | undefined, ...texts: unknown[]): boolean {
	if (!filter) return true;
	const needle = filter.trim().toLowerCase();
	return texts.some(
		(t) => t !== null && t !== undefined && String(t).toLowerCase().includes(needle),
	);
}

function byName(a: INodeListSearchItems, b: INodeListSearchItems): number {
	return a.name.localeCompare(b.name);
}

/** Companies the API user can see, searchable by name, number or ID. */
export async function searchCompanies(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const rows = asRecords(await nmbrsRequest.call(this, 'CompanyService.List_GetAll', {}));
	const results: INodeListSearchItems[] = [];
	for (const row of rows) {
		if (!matches(filter, row.Name, row.Number, row.ID)) continue;
		results.push({
			name: `${String(row.Name ?? '')} (${String(row.Number ?? row.ID)})`,
			value: String(row.ID),
		});
	}
	return { results: results.sort(byName) };
}

/** Debtors the API user can see, searchable by name, number or ID. */
export async function searchDebtors(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const rows = asRecords(await nmbrsRequest.call(this, 'DebtorService.List_GetAll', {}));
	const results: INodeListSearchItems[] = [];
	for (const row of rows) {
		if (!matches(filter, row.Name, row.Number, row.Id)) continue;
		results.push({
			name: `${String(row.Name ?? '')} (${String(row.Number ?? row.Id)})`,
			value: String(row.Id),
		});
	}
	return { results: results.sort(byName) };
}
