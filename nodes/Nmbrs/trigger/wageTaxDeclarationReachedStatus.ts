/**
 * The trigger's one event: each wage tax declaration (loonaangifte) once per status it reaches.
 *
 * State (the node's static data):
 * - `seen` maps `<year>:<LoonaangifteID>:<status>` to the day it was first seen; entries of years
 *   no longer watched are dropped, so the state stays bounded.
 * - `baselined` lists the companies whose declarations have been recorded once. A company not in
 *   it (every company on the first poll, one that failed until now, one that appeared later) is
 *   baselined on its first successful fetch: its matching declarations are recorded, not emitted.
 * - `statuses` is the watched statuses as one key; when it changes, every company is baselined
 *   again, so changing the field does not emit the year's history.
 * A company whose call fails leaves the state untouched for that company, so it is retried on the
 * next poll and costs the other companies nothing; when every company fails, the poll fails with
 * the first error (it names the fix).
 */
import { DateTime } from 'luxon';
import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { WireValue } from '../wire/shape';
import { asList, nmbrsRequest } from '../glue/request';
import { parseStatusList } from '../glue/parameters';
import { toJson } from '../resources/shared/rows';

interface TriggerState {
	seen?: Record<string, string>;
	baselined?: number[];
	statuses?: string;
}

interface Declaration {
	/** The year it was asked for. */
	year: number;
	json: IDataObject;
}

interface CompanyResult {
	company: IDataObject;
	declarations?: Declaration[];
	error?: unknown;
}

const CONCURRENCY = 4;

/** The years to look at: the current one and, in January to March, the previous one too. */
export function yearsToWatch(now: DateTime): number[] {
	const local = now.setZone('Europe/Amsterdam');
	return local.month <= 3 ? [local.year - 1, local.year] : [local.year];
}

function declarationKey({ year, json }: Declaration): string {
	return `${year}:${String(json.LoonaangifteID)}:${String(json.Status ?? '').toLowerCase()}`;
}

/** The year of a `seen` key (NaN for a key of another shape, which is then dropped). */
function yearOfKey(key: string): number {
	return Number(key.split(':')[0]);
}

function mostRecentFirst(a: IDataObject, b: IDataObject): number {
	const fields = ['Year', 'Period', 'LoonaangifteID'];
	for (const field of fields) {
		const diff = Number(b[field] ?? 0) - Number(a[field] ?? 0);
		if (diff !== 0) return diff;
	}
	return 0;
}

async function fetchCompany(
	this: IPollFunctions,
	company: IDataObject,
	years: number[],
): Promise<CompanyResult> {
	try {
		const declarations: Declaration[] = [];
		for (const year of years) {
			const rows: WireValue[] = asList(
				await nmbrsRequest.call(this, 'CompanyService.WageTax_GetList', {
					CompanyId: company.ID,
					intYear: year,
				}),
			);
			for (const row of rows) {
				declarations.push({
					year,
					json: {
						...toJson(row),
						CompanyId: company.ID ?? null,
						CompanyNumber: company.Number ?? null,
						CompanyName: company.Name ?? null,
					},
				});
			}
		}
		return { company, declarations };
	} catch (error) {
		return { company, error };
	}
}

async function fetchAll(
	this: IPollFunctions,
	companies: IDataObject[],
	years: number[],
): Promise<CompanyResult[]> {
	const results: CompanyResult[] = new Array(companies.length);
	let next = 0;
	const worker = async () => {
		while (next < companies.length) {
			const index = next++;
			results[index] = await fetchCompany.call(this, companies[index], years);
		}
	};
	await Promise.all(Array.from({ length: Math.min(CONCURRENCY, companies.length) }, worker));
	return results;
}

/**
 * One poll. Returns the declarations to emit (null when there is nothing to emit).
 * Manual mode returns the most recent matching declaration and leaves the state alone.
 */
export async function pollWageTaxDeclarations(this: IPollFunctions): Promise<IDataObject[] | null> {
	const statuses = parseStatusList(this.getNodeParameter('statuses', 'locked'));
	if (statuses.length === 0) {
		throw new NodeOperationError(this.getNode(), 'The Statuses field is empty', {
			description: 'Give the statuses to watch, comma-separated, e.g. locked or locked, sent.',
		});
	}
	const manual = this.getMode() === 'manual';
	const years = yearsToWatch(DateTime.now());
	const companies = asList(await nmbrsRequest.call(this, 'CompanyService.List_GetAll', {})).map(
		toJson,
	);
	const results = await fetchAll.call(this, companies, years);
	const matches = (d: Declaration) => statuses.includes(String(d.json.Status ?? '').toLowerCase());

	if (manual) {
		const found = results
			.flatMap((r) => r.declarations ?? [])
			.filter(matches)
			.map((d) => d.json)
			.sort(mostRecentFirst);
		if (found.length > 0) return [found[0]];
		const failed = results.find((r) => r.error !== undefined);
		if (failed) throw failed.error;
		return null;
	}

	// Every company failed: nothing was learnt, and staying silent would hide the fault.
	if (results.length > 0 && results.every((r) => r.error !== undefined)) throw results[0].error;

	const state = this.getWorkflowStaticData('node') as TriggerState;
	const statusKey = [...new Set(statuses)].sort().join(',');
	const baselined = new Set(state.statuses === statusKey ? (state.baselined ?? []) : []);
	const seen: Record<string, string> = {};
	for (const [key, day] of Object.entries(state.seen ?? {})) {
		if (years.includes(yearOfKey(key))) seen[key] = day;
	}
	const today = DateTime.now().setZone('Europe/Amsterdam').toISODate() ?? '';
	const emit: IDataObject[] = [];

	for (const result of results) {
		if (result.declarations === undefined) continue;
		const companyId = Number(result.company.ID);
		const baselineOnly = !baselined.has(companyId);
		for (const declaration of result.declarations.filter(matches)) {
			const key = declarationKey(declaration);
			if (seen[key] !== undefined) continue;
			seen[key] = today;
			if (!baselineOnly) emit.push(declaration.json);
		}
		baselined.add(companyId);
	}

	state.seen = seen;
	// Companies the credential no longer sees are forgotten (baselined again should they return).
	const present = new Set(companies.map((c) => Number(c.ID)));
	state.baselined = [...baselined].filter((id) => present.has(id));
	state.statuses = statusKey;
	delete (state as IDataObject).initialized;
	delete (state as IDataObject).pendingBaseline;
	return emit.length > 0 ? emit : null;
}
