/**
 * The trigger's one event: each wage tax declaration (loonaangifte) once per status it reaches.
 *
 * State (the node's static data): `seen` maps `<LoonaangifteID>:<status>` to the day it was first
 * seen; `pendingBaseline` lists companies that failed during the first poll, whose existing
 * declarations are recorded (not emitted) on their first successful fetch. A company whose call
 * fails leaves the state untouched for that company, so it is retried on the next poll and costs
 * the other companies nothing.
 */
import { DateTime } from 'luxon';
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import type { WireValue } from '../../catalogue/wire/shape';
import { asList, nmbrsRequest } from '../../helpers/request';
import { toJson } from '../common';

interface TriggerState {
	initialized?: boolean;
	seen?: Record<string, string>;
	pendingBaseline?: number[];
}

interface CompanyResult {
	company: IDataObject;
	declarations?: IDataObject[];
	error?: unknown;
}

const CONCURRENCY = 4;

/** The statuses to watch, lower-cased. */
export function parseStatuses(value: unknown): string[] {
	return String(value ?? '')
		.split(',')
		.map((s) => s.trim().toLowerCase())
		.filter((s) => s !== '');
}

/** The years to look at: the current one and, in January to March, the previous one too. */
export function yearsToWatch(now: DateTime): number[] {
	const local = now.setZone('Europe/Amsterdam');
	return local.month <= 3 ? [local.year - 1, local.year] : [local.year];
}

function declarationKey(declaration: IDataObject): string {
	return `${String(declaration.LoonaangifteID)}:${String(declaration.Status ?? '').toLowerCase()}`;
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
		const declarations: IDataObject[] = [];
		for (const year of years) {
			const rows: WireValue[] = asList(
				await nmbrsRequest.call(this, 'CompanyService.WageTax_GetList', {
					CompanyId: company.ID,
					intYear: year,
				}),
			);
			for (const row of rows) {
				declarations.push({
					...toJson(row),
					CompanyId: company.ID ?? null,
					CompanyNumber: company.Number ?? null,
					CompanyName: company.Name ?? null,
				});
			}
		}
		return { company, declarations };
	} catch (error) {
		return { company, error };
	}
}

async function fetchAll(this: IPollFunctions, companies: IDataObject[], years: number[]): Promise<CompanyResult[]> {
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
	const statuses = parseStatuses(this.getNodeParameter('statuses', 'locked'));
	const manual = this.getMode() === 'manual';
	const companies = asList(await nmbrsRequest.call(this, 'CompanyService.List_GetAll', {})).map(toJson);
	const results = await fetchAll.call(this, companies, yearsToWatch(DateTime.now()));
	const matches = (d: IDataObject) => statuses.includes(String(d.Status ?? '').toLowerCase());

	if (manual) {
		const found = results.flatMap((r) => r.declarations ?? []).filter(matches).sort(mostRecentFirst);
		if (found.length > 0) return [found[0]];
		const failed = results.find((r) => r.error !== undefined);
		if (failed) throw failed.error;
		return null;
	}

	const state = this.getWorkflowStaticData('node') as TriggerState;
	const seen = (state.seen ??= {});
	const pending = new Set(state.pendingBaseline ?? []);
	const today = DateTime.now().setZone('Europe/Amsterdam').toISODate() ?? '';
	const firstPoll = state.initialized !== true;
	const emit: IDataObject[] = [];

	for (const result of results) {
		const companyId = Number(result.company.ID);
		if (result.declarations === undefined) {
			if (firstPoll) pending.add(companyId);
			continue;
		}
		const baselineOnly = firstPoll || pending.has(companyId);
		for (const declaration of result.declarations.filter(matches)) {
			const key = declarationKey(declaration);
			if (seen[key] !== undefined) continue;
			seen[key] = today;
			if (!baselineOnly) emit.push(declaration);
		}
		pending.delete(companyId);
	}

	state.initialized = true;
	state.pendingBaseline = [...pending];
	return emit.length > 0 ? emit : null;
}
