/**
 * Writes Nmbrs takes in batches (hours, wage components, days worked of many employees in one
 * call): the items of one company and period go in slices of BATCH_SLICE, each item's outcome
 * paired back to it. A fault one item can cause (an unknown employee, a code) makes its slice go
 * again item by item: a fault proves nothing of that slice was written, so nothing is written
 * twice and one bad item never fails the others. Without Continue On Fail nothing is sent once an
 * item failed, and no slice after one that failed.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { CuratedCall } from '../../catalogue/calls';
import { anyRequest, explain, nmbrsFaultCode } from '../../glue/request';
import { settle } from '../../support/outcome';
import { currentPeriod, type PayrollPeriod } from './period';

/** How many records go in one batch call (Nmbrs publishes no limit; an assumption). */
export const BATCH_SLICE = 100;

/** Faults that one item of a batch can cause: the batch is tried again item by item. */
const ITEM_FAULTS = new Set([2001, 2002, 2003, 2030]);

export type Outcomes = Map<number, INodeExecutionData[] | Error>;

/** One item's part of a batch. */
export interface BatchEntry {
	itemIndex: number;
	companyId: number;
	at: PayrollPeriod;
	/** Its element in the call's list. */
	element: Record<string, unknown>;
	/** Its output once written. */
	output: INodeExecutionData[];
	/** How an error names it: 'employee 600210 (hour code 1, 7.5)'. */
	label: string;
}

/** The batch call: its list parameter and its other parameters (period, UnprotectedMode). */
export interface BatchCall {
	call: CuratedCall;
	list: string;
	params: (at: PayrollPeriod) => Record<string, unknown>;
}

/** Sends the entries, grouped by company and period, and records each item's outcome. */
export async function sendInBatches(
	this: IExecuteFunctions,
	batch: BatchCall,
	entries: BatchEntry[],
	outcomes: Outcomes,
): Promise<void> {
	const stopOnError = !this.continueOnFail();
	const failed = () => [...outcomes.values()].some((o) => o instanceof Error);
	if (stopOnError && failed()) return;
	const groups = new Map<string, BatchEntry[]>();
	for (const entry of entries) {
		const key = `${entry.companyId}|${entry.at.year}|${entry.at.period}`;
		groups.set(key, [...(groups.get(key) ?? []), entry]);
	}
	for (const group of groups.values()) {
		for (let at = 0; at < group.length && !(stopOnError && failed()); at += BATCH_SLICE) {
			await sendSlice.call(this, batch, group.slice(at, at + BATCH_SLICE), outcomes);
		}
	}
}

async function sendSlice(
	this: IExecuteFunctions,
	batch: BatchCall,
	slice: BatchEntry[],
	outcomes: Outcomes,
): Promise<void> {
	const [first] = slice;
	const sent = await settle(
		anyRequest(
			this,
			batch.call,
			{ [batch.list]: slice.map((entry) => entry.element), ...batch.params(first.at) },
			first.itemIndex,
		),
	);
	if (sent.ok) {
		for (const entry of slice) outcomes.set(entry.itemIndex, entry.output);
		return;
	}
	const error = sent.error as Error;
	const code = nmbrsFaultCode(error);
	if (slice.length > 1 && code !== undefined && ITEM_FAULTS.has(code)) {
		for (const entry of slice) await sendSlice.call(this, batch, [entry], outcomes);
		return;
	}
	if (code === 2011) await explainProtected.call(this, error, first);
	else if (slice.length === 1 && code !== undefined && ITEM_FAULTS.has(code))
		explain(error, `Nothing was written for ${first.label}.`, true);
	for (const entry of slice) outcomes.set(entry.itemIndex, error);
}

/** A 2011: say which period is open, so the user knows where the records can go. */
async function explainProtected(
	this: IExecuteFunctions,
	error: Error,
	entry: BatchEntry,
): Promise<void> {
	const open = await settle(currentPeriod.call(this, entry.companyId, entry.itemIndex));
	const where = open.ok
		? `period ${open.value.period} of ${open.value.year}`
		: 'the current period';
	explain(
		error,
		`Period ${entry.at.period} of ${entry.at.year} is already paid; the company's open period is ${where}: send them there.`,
		true,
	);
}
