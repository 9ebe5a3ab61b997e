/**
 * The operations that read one call's records of a debtor, company or employee (a debtor's
 * departments, a company's runs of a year, an employee's contracts, one debtor...) as one shape:
 * the locators to show and which call parameter each fills, a year when the call takes one, and a
 * filter on the rows when the operation offers one. Every row carries the IDs of the records it
 * belongs to. An operation of this kind is a spec: data and parameter mapping only.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { CuratedCall } from '../../catalogue/calls';
import { anyRequest, asList, isRecord } from '../../glue/request';
import type { WireValue } from '../../wire';
import type { NmbrsOperation } from '../types';
import { locatorProperty, readLocator, type LocatorKind } from '../../common/locators';
import { readLimit, returnAllProperties, returnRows } from '../../common/rows';
import { optionsCollection, readOptions } from './options';
import { readYear, yearProperty } from './year';

const OUTPUT_FIELD: Partial<Record<LocatorKind, string>> = {
	company: 'CompanyId',
	debtor: 'DebtorId',
	employee: 'EmployeeId',
	run: 'RunId',
};

export interface RecordListSpec extends Pick<NmbrsOperation, 'name' | 'description' | 'action'> {
	/** `Service.Operation`. */
	call: CuratedCall;
	/** The locators shown, in order, each with the call parameter it fills (null: not sent). */
	locators: Array<[LocatorKind, string | null]>;
	/** The Year parameter (empty: this year): the call parameter it fills and what it is the year of. */
	year?: { param: string; of: string };
	/** The call answers one record, or none (then no item), instead of a list. */
	single?: boolean;
	/** The record is the located one itself (it carries its own Id): no ID fields are added. */
	itself?: boolean;
	/** With Return All / Limit. */
	limited?: boolean;
	/** Options that narrow the rows, and the rule that keeps a row. */
	filter?: { options: INodeProperties[]; keep: (row: WireValue, options: IDataObject) => boolean };
}

export function recordListOperation(spec: RecordListSpec): NmbrsOperation {
	return {
		name: spec.name,
		description: spec.description,
		action: spec.action,
		properties: [
			...spec.locators.map(([kind]) => locatorProperty(kind)),
			...(spec.year ? [yearProperty(spec.year.of)] : []),
			...(spec.limited ? returnAllProperties : []),
			...(spec.filter ? [optionsCollection(spec.filter.options)] : []),
		],
		calls: [spec.call],
		async execute(itemIndex) {
			const params: Record<string, number> = {};
			const extra: Record<string, number> = {};
			for (const [kind, param] of spec.locators) {
				const id = readLocator.call(this, kind, itemIndex);
				if (param !== null) params[param] = id;
				const field = OUTPUT_FIELD[kind];
				if (field !== undefined && !spec.itself) extra[field] = id;
			}
			if (spec.year) params[spec.year.param] = readYear.call(this, itemIndex);
			const limit = spec.limited ? readLimit.call(this, itemIndex) : undefined;
			const options = spec.filter ? readOptions.call(this, itemIndex) : {};
			const answer = await anyRequest(this, spec.call, params, itemIndex);
			const rows = (spec.single ? [answer].filter(isRecord) : asList(answer)).filter(
				(row) => spec.filter?.keep(row, options) ?? true,
			);
			return returnRows.call(this, rows, itemIndex, { limit, extra });
		},
	};
}
