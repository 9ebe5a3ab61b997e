/**
 * Reading a request as the name-driven mechanism does: parameters by name in any case (as .NET
 * binds them), the record and list parameters by their type, and the period a call is about.
 */
import type { Operation } from '../../../nodes/Nmbrs/catalogue';
import type { WireValue } from '../../../nodes/Nmbrs/wire';
import { periodOf, type PeriodRef } from '../world/calendar';
import type { Company } from '../world/model';
import type { World } from '../world/world';
import { NmbrsFault, requirePeriod } from '../operations/faults';
import { obj, type Params } from '../operations/params';

/** The value of the first parameter named like one of `names` (any case), as .NET binds them. */
export function param(params: Params, ...names: string[]): WireValue | undefined {
	const wanted = names.map((n) => n.toLowerCase());
	for (const [name, value] of Object.entries(params))
		if (wanted.includes(name.toLowerCase())) return value;
	return undefined;
}

export function intParam(params: Params, ...names: string[]): number {
	const value = param(params, ...names);
	return typeof value === 'number' ? value : 0;
}

export function boolParam(params: Params, ...names: string[]): boolean {
	return param(params, ...names) === true;
}

/** Whether the operation takes a value (not a record) named like one of `names` (any case). */
export function takes(op: Operation, ...names: string[]): boolean {
	const wanted = names.map((n) => n.toLowerCase());
	return op.params.some(
		(p) => wanted.includes(p.name.toLowerCase()) && !p.type.startsWith('type:'),
	);
}

/** The record parameter: the operation's one parameter of a complex type (not a list). */
export function recordParam(op: Operation, params: Params): Record<string, WireValue> | null {
	const field = op.params.find((p) => p.type.startsWith('type:') && p.listItem === undefined);
	return field ? obj(params, field.name) : null;
}

/** The list parameter of a batch. */
export function listParam(op: Operation, params: Params): Array<Record<string, WireValue>> {
	const field = op.params.find((p) => p.listItem !== undefined);
	const value = field ? params[field.name] : undefined;
	return Array.isArray(value) ? (value as Array<Record<string, WireValue>>) : [];
}

export function currentPeriod(world: World, company: Company): PeriodRef {
	const { year, period } = periodOf(company.periodType, world.clock.now().slice(0, 10));
	return { year, period };
}

/** The period named by `periodName`/`yearName`, or the current one when the operation has none. */
export function periodParam(
	world: World,
	company: Company,
	op: Operation,
	params: Params,
	periodNames = ['Period', 'StartPeriod'],
	yearNames = ['Year', 'StartYear'],
): PeriodRef {
	if (!takes(op, ...periodNames)) return currentPeriod(world, company);
	return requirePeriod(company, intParam(params, ...periodNames), intParam(params, ...yearNames));
}

/**
 * The period a write is for: the Period/Year it names, else the period of its `Start` date
 * (Schedule_Update, Salary_Update), else the current one.
 */
export function writePeriod(
	world: World,
	company: Company,
	op: Operation,
	params: Params,
): PeriodRef {
	if (!takes(op, 'Start') || takes(op, 'Period', 'StartPeriod'))
		return periodParam(world, company, op, params);
	const date = param(params, 'Start');
	if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(date))
		throw new NmbrsFault(2030, 'Invalid set of values: Start is not a date');
	const { year, period } = periodOf(company.periodType, date.slice(0, 10));
	return { year, period };
}

/** The end period, when the operation takes one (EndPeriod/EndYear); 0/0 means none. */
export function endParam(company: Company, op: Operation, params: Params): PeriodRef | null {
	if (!op.params.some((p) => p.name === 'EndPeriod')) return null;
	const period = intParam(params, 'EndPeriod');
	const year = intParam(params, 'EndYear');
	if (period === 0 && year === 0) return null;
	return requirePeriod(company, period, year);
}
