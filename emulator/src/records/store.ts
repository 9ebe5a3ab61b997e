/**
 * Records Nmbrs keeps per employee and period, in one store: hour and wage components, days
 * worked, an employee's cost centers. Each holds for a span of periods:
 * - a variable record (`HourComponentVar`, `DaysVar`) for the one period it was entered in;
 * - a fixed record (`WageComponentFixed`) from its start period until its end (or for ever);
 * - a version of a set (an employee's cost centers) from its start until the next version starts.
 * Plain JSON, saved with the world.
 */
import type { WireValue } from '../../../nodes/Nmbrs/wire';
import { comparePeriods, type PeriodRef } from '../world/calendar';

export interface PeriodRecord {
	id: number;
	employeeId: number;
	startYear: number;
	startPeriod: number;
	/** The last period it holds for; null: until further notice (fixed) or its start (variable). */
	endYear: number | null;
	endPeriod: number | null;
	/** 'YYYY-MM-DDTHH:mm:ss' */
	creationDate: string;
	/** Its fields, named as the catalogue's record type names them (HourCode, Hours, Comment...). */
	fields: Record<string, WireValue>;
}

/** How long a record of a store holds. */
export type Validity = 'onePeriod' | 'untilEnd' | 'untilNextVersion';

export interface StoreSpec {
	name: StoreName;
	validity: Validity;
}

export const STORES = {
	hourComponentsVar: { name: 'hourComponentsVar', validity: 'onePeriod' },
	hourComponentsFixed: { name: 'hourComponentsFixed', validity: 'untilEnd' },
	wageComponentsVar: { name: 'wageComponentsVar', validity: 'onePeriod' },
	wageComponentsFixed: { name: 'wageComponentsFixed', validity: 'untilEnd' },
	daysWorked: { name: 'daysWorked', validity: 'onePeriod' },
	daysFixed: { name: 'daysFixed', validity: 'untilEnd' },
	// A company's own components (CompanyService): their employeeId is the company's id.
	companyWageComponentsVar: { name: 'companyWageComponentsVar', validity: 'onePeriod' },
	companyWageComponentsFixed: { name: 'companyWageComponentsFixed', validity: 'untilEnd' },
	costCenters: { name: 'costCenters', validity: 'untilNextVersion' },
} as const satisfies Record<string, { name: string; validity: Validity }>;

export type StoreName = keyof typeof STORES;

export type RecordStore = Partial<Record<StoreName, PeriodRecord[]>>;

const start = (r: PeriodRecord): PeriodRef => ({ year: r.startYear, period: r.startPeriod });

/** The records of one employee in a store that hold in period `at`. */
export function recordsAt(
	store: RecordStore,
	spec: StoreSpec,
	employeeId: number,
	at: PeriodRef,
): PeriodRecord[] {
	const own = (store[spec.name] ?? []).filter((r) => r.employeeId === employeeId);
	if (spec.validity === 'onePeriod') return own.filter((r) => comparePeriods(start(r), at) === 0);
	if (spec.validity === 'untilEnd') {
		return own.filter(
			(r) =>
				comparePeriods(start(r), at) <= 0 &&
				(r.endYear === null ||
					r.endPeriod === null ||
					comparePeriods(at, { year: r.endYear, period: r.endPeriod }) <= 0),
		);
	}
	// The version that started last, on or before `at`: all its records.
	const started = own.filter((r) => comparePeriods(start(r), at) <= 0);
	if (started.length === 0) return [];
	const latest = started.reduce((a, b) => (comparePeriods(start(a), start(b)) >= 0 ? a : b));
	return started.filter((r) => comparePeriods(start(r), start(latest)) === 0);
}

export function addRecord(store: RecordStore, spec: StoreSpec, record: PeriodRecord): void {
	(store[spec.name] ??= []).push(record);
}

/** Removes the records that match; how many went. */
export function removeRecords(
	store: RecordStore,
	spec: StoreSpec,
	matches: (record: PeriodRecord) => boolean,
): number {
	const before = store[spec.name] ?? [];
	const after = before.filter((r) => !matches(r));
	store[spec.name] = after;
	return before.length - after.length;
}

export function findRecord(
	store: RecordStore,
	specs: readonly StoreSpec[],
	employeeId: number,
	id: number,
): { spec: StoreSpec; record: PeriodRecord } | undefined {
	for (const spec of specs) {
		const record = (store[spec.name] ?? []).find((r) => r.employeeId === employeeId && r.id === id);
		if (record) return { spec, record };
	}
	return undefined;
}
