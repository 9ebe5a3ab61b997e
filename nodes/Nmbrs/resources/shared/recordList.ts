/**
 * The many "list of one record" operations (a debtor's departments, an employee's contracts...)
 * as one factory: the locators to show, the call and which locator fills which of its parameters.
 * Every row carries the IDs of the records it belongs to.
 */
import type { CuratedCall } from '../../catalogue/calls';
import { anyRequest, asList } from '../../glue/request';
import type { NmbrsOperation } from '../types';
import { locatorProperty, readLocator, type LocatorKind } from '../../common/locators';
import { readLimit, returnAllProperties, returnRows } from '../../common/rows';

const OUTPUT_FIELD: Partial<Record<LocatorKind, string>> = {
	company: 'CompanyId',
	debtor: 'DebtorId',
	employee: 'EmployeeId',
};

export interface RecordListSpec extends Pick<NmbrsOperation, 'name' | 'description' | 'action'> {
	/** `Service.Operation`. */
	call: CuratedCall;
	/** The locators shown, in order, each with the call parameter it fills (null: not sent). */
	locators: Array<[LocatorKind, string | null]>;
	/** With Return All / Limit. */
	limited?: boolean;
}

export function recordListOperation(spec: RecordListSpec): NmbrsOperation {
	return {
		name: spec.name,
		description: spec.description,
		action: spec.action,
		properties: [
			...spec.locators.map(([kind]) => locatorProperty(kind)),
			...(spec.limited ? returnAllProperties : []),
		],
		calls: [spec.call],
		async execute(itemIndex) {
			const params: Record<string, number> = {};
			const extra: Record<string, number> = {};
			for (const [kind, param] of spec.locators) {
				const id = readLocator.call(this, kind, itemIndex);
				if (param !== null) params[param] = id;
				const field = OUTPUT_FIELD[kind];
				if (field !== undefined) extra[field] = id;
			}
			const limit = spec.limited ? readLimit.call(this, itemIndex) : undefined;
			const rows = asList(await anyRequest(this, spec.call, params, itemIndex));
			return returnRows.call(this, rows, itemIndex, { limit, extra });
		},
	};
}
