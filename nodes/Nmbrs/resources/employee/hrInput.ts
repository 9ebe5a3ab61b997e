/**
 * What the leave and absence operations read alike: dates checked before any call (a start, an end
 * not before it), and the Nmbrs dates they are compared with.
 */
import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parseDate } from '../../glue/parameters';
import { asRecords, nmbrsRequest } from '../../glue/request';
import type { WireObject, WireValue } from '../../wire';

/** The date of an Nmbrs date-time ('2026-07-06T00:00:00' -> '2026-07-06'); '' when none. */
export const dayOf = (value: WireValue | undefined): string =>
	typeof value === 'string' ? value.slice(0, 10) : '';

/** A required date parameter of item i, 'YYYY-MM-DD'. */
export function readRequiredDate(
	this: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	label: string,
): string {
	const date = parseDate(
		this.getNode(),
		this.getNodeParameter(parameter, itemIndex, ''),
		label,
		itemIndex,
	);
	if (date === null) {
		throw new NodeOperationError(this.getNode(), `${label} is empty`, {
			itemIndex,
			description: `Give ${label} as a date like 2026-07-06. Nothing was sent.`,
		});
	}
	return date;
}

/** An end that lies before its start is refused, naming both fields. */
export function requireOrder(
	this: IExecuteFunctions,
	itemIndex: number,
	start: { label: string; date: string },
	end: { label: string; date: string | null },
): void {
	if (end.date !== null && end.date < start.date) {
		throw new NodeOperationError(
			this.getNode(),
			`${end.label} ${end.date} lies before ${start.label} ${start.date}`,
			{ itemIndex, description: `Give ${end.label} on or after ${start.label}. Nothing was sent.` },
		);
	}
}

/** The employee's absences as Nmbrs lists them now, with their causes. */
export async function absencesOf(
	this: IExecuteFunctions,
	employeeId: number,
	itemIndex: number,
): Promise<WireObject[]> {
	return asRecords(
		await nmbrsRequest(
			this,
			'EmployeeService.Absence2_GetList',
			{ EmployeeId: employeeId },
			itemIndex,
		),
	);
}
