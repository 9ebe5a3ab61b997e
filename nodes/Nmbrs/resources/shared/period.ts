/**
 * One period selector: "Current Period" (the company's, from Company_GetCurrentPeriod) or a
 * period and year the user gives, checked against the company's period type before the call.
 * The company's current period is fetched once per execution and company.
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parsePeriod, periodDates, periodsPerYear, type PeriodType } from '../../catalogue/periods';
import type { CuratedCall } from '../../catalogue/calls';
import { anyRequest, cachedRequest } from '../../glue/request';
import { parseWholeInRange, parseYear } from '../../glue/parameters';
import type { WireValue } from '../../wire';

export interface PayrollPeriod {
	year: number;
	period: number;
	periodType: PeriodType;
}

const PERIOD_TYPE_WORDS: Record<PeriodType, string> = {
	month: 'monthly',
	'4weeks': 'every 4 weeks',
	week: 'weekly',
};

/** The selector's properties; `what` names what the period is for, e.g. 'the personal info'. */
export function periodProperties(what: string): INodeProperties[] {
	return [
		{
			displayName: 'Period',
			name: 'periodChoice',
			type: 'options',
			options: [
				{
					name: 'Current Period',
					value: 'current',
					description: "The company's current payroll period",
				},
				{ name: 'Specific Period', value: 'specific', description: 'A period and year you give' },
			],
			default: 'current',
			description: `Which payroll period ${what} is for`,
		},
		{
			displayName: 'Year',
			name: 'year',
			type: 'number',
			default: 2026,
			typeOptions: { minValue: 2000, maxValue: 2100 },
			displayOptions: { show: { periodChoice: ['specific'] } },
			description: 'The payroll year (2000–2100)',
		},
		{
			displayName: 'Period Number',
			name: 'period',
			type: 'number',
			default: 1,
			typeOptions: { minValue: 1, maxValue: 53 },
			displayOptions: { show: { periodChoice: ['specific'] } },
			description:
				'The period in that year: 1–12 for a monthly company, 1–13 for 4-weekly, 1–52 or 53 for weekly',
		},
	];
}

/** A company's current period as Nmbrs gives it (`raw`, e.g. "2026-11-M") and as read from it. */
export interface CurrentPeriod extends PayrollPeriod {
	/** 12 for months, 13 for 4-week periods, 52 or 53 for weeks. */
	periodsPerYear: number;
	/** Nmbrs' own text, as Company_GetCurrentPeriod answered it. */
	raw: string;
}

/** A company's current period with Nmbrs' text, asked once per execution. */
export async function currentPeriodOf(
	this: IExecuteFunctions,
	companyId: number,
	itemIndex: number,
): Promise<CurrentPeriod> {
	const text = await cachedRequest(
		this,
		'CompanyService.Company_GetCurrentPeriod',
		{ CompanyId: companyId },
		itemIndex,
	);
	const raw = String(text ?? '');
	try {
		return { ...parsePeriod(raw), raw };
	} catch (error) {
		throw new NodeOperationError(this.getNode(), (error as Error).message, {
			itemIndex,
			description: `Nmbrs answered Company_GetCurrentPeriod of company ${companyId} in a form this node cannot read.`,
		});
	}
}

/** A company's current period, asked once per execution. */
export async function currentPeriod(
	this: IExecuteFunctions,
	companyId: number,
	itemIndex: number,
): Promise<PayrollPeriod> {
	const { year, period, periodType } = await currentPeriodOf.call(this, companyId, itemIndex);
	return { year, period, periodType };
}

/** Year and period number as typed, checked before any call (2000–2100, 1–53). */
function typedPeriod(this: IExecuteFunctions, itemIndex: number): { year: number; period: number } {
	const node = this.getNode();
	const year = parseYear(node, this.getNodeParameter('year', itemIndex), 'Year', itemIndex);
	const period = parseWholeInRange(
		node,
		this.getNodeParameter('period', itemIndex),
		'Period Number',
		itemIndex,
		1,
		53,
	);
	return { year, period };
}

/**
 * The period the user chose for item i. A specific period is checked against the company's
 * period type (13 is no period of a monthly company) with the message naming the periods it has.
 */
export async function readPeriod(
	this: IExecuteFunctions,
	companyId: number,
	itemIndex: number,
): Promise<PayrollPeriod> {
	const choice = this.getNodeParameter('periodChoice', itemIndex, 'current') as string;
	if (choice !== 'specific') return await currentPeriod.call(this, companyId, itemIndex);
	const { year, period } = typedPeriod.call(this, itemIndex);
	const { periodType } = await currentPeriod.call(this, companyId, itemIndex);
	const last = periodsPerYear(periodType, year);
	if (period > last) {
		throw new NodeOperationError(
			this.getNode(),
			`Company ${companyId} has no period ${period} in ${year}`,
			{
				itemIndex,
				description: `The company is paid ${PERIOD_TYPE_WORDS[periodType]}: its periods in ${year} are 1 to ${last}.`,
			},
		);
	}
	return { year, period, periodType };
}

/** A version of period-based history, as the batch calls list them (e.g. PersonalInfo_V2). */
export interface PeriodVersion {
	StartYear?: unknown;
	StartPeriod?: unknown;
	CreationDate?: unknown;
}

/**
 * Of the versions that started by `upTo` (by `startOf`), the one that started last; of two
 * starting together, the one entered last (CreationDate). Null when none had started.
 */
function latestStarted<T extends { CreationDate?: unknown }>(
	versions: readonly T[],
	startOf: (version: T) => string,
	upTo: string,
): T | null {
	let best: T | null = null;
	for (const version of versions) {
		const start = startOf(version);
		if (!(start <= upTo)) continue;
		const bestStart = best === null ? '' : startOf(best);
		if (
			best === null ||
			start > bestStart ||
			(start === bestStart && String(version.CreationDate ?? '') >= String(best.CreationDate ?? ''))
		) {
			best = version;
		}
	}
	return best;
}

const periodKey = (year: unknown, period: unknown) =>
	`${String(year).padStart(4, '0')}-${String(period).padStart(2, '0')}`;

/**
 * The version valid in a period: the latest that started in or before it (of two starting in the
 * same period, the one entered last). Versions that start later (future-dated) are ignored; null
 * when none had started yet.
 */
export function versionValidIn<T extends PeriodVersion>(
	versions: readonly T[],
	at: { year: number; period: number },
): T | null {
	return latestStarted(
		versions,
		(v) => periodKey(v.StartYear, v.StartPeriod),
		periodKey(at.year, at.period),
	);
}

/** A version that starts on a date (Salary_V2, Schedule_V2: StartDate). */
export interface DatedVersion {
	StartDate?: unknown;
	CreationDate?: unknown;
}

/** The dated version valid in a period: the latest that started on or before its last day. */
export function datedVersionValidIn<T extends DatedVersion>(
	versions: readonly T[],
	at: PayrollPeriod,
): T | null {
	const { end } = periodDates(at.periodType, at.year, at.period);
	return latestStarted(versions, (v) => String(v.StartDate ?? '').slice(0, 10), end);
}

/**
 * An employee's record of one kind: the `…_GetCurrent` call for the current period, or the
 * `…_Get` call (EmployeeId, Period, Year) for a period the user gives, checked against the company.
 * `at` is undefined for the current period.
 */
export async function employeeRecordIn(
	this: IExecuteFunctions,
	calls: { current: CuratedCall; inPeriod: CuratedCall },
	companyId: number,
	employeeId: number,
	itemIndex: number,
): Promise<{ record: WireValue; at?: PayrollPeriod }> {
	if (this.getNodeParameter('periodChoice', itemIndex, 'current') !== 'specific') {
		const record = await anyRequest(this, calls.current, { EmployeeId: employeeId }, itemIndex);
		return { record };
	}
	const at = await readPeriod.call(this, companyId, itemIndex);
	const record = await anyRequest(
		this,
		calls.inPeriod,
		{ EmployeeId: employeeId, Period: at.period, Year: at.year },
		itemIndex,
	);
	return { record, at };
}
