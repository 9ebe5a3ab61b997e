/**
 * The Year parameter: a payroll year typed as text, empty meaning the current year (Dutch time),
 * so that a scheduled workflow keeps working next year. The run and declaration lists read it.
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { parseYearOrCurrent } from '../../glue/parameters';

/** The Year property; `of` says what it is the year of, e.g. 'the runs'. */
export function yearProperty(of: string): INodeProperties {
	return {
		displayName: 'Year',
		name: 'year',
		type: 'string',
		default: '',
		placeholder: 'e.g. 2025',
		description: `The payroll year (2000–2100) of ${of}. Leave empty for the current year (Dutch time), so the workflow keeps working next year.`,
	};
}

/** The year typed (empty: the current one), checked before any call. */
export function readYear(this: IExecuteFunctions, itemIndex: number): number {
	return parseYearOrCurrent(
		this.getNode(),
		this.getNodeParameter('year', itemIndex, ''),
		'Year',
		itemIndex,
	);
}
