/** What the component write tests read from the emulator's world: employees paid now, what a period holds. */
import { periodOf } from '../../../../emulator/src/world/calendar';
import { isPaidInPeriod } from '../../../../emulator/src/world/history';
import type { Emulator } from '../../runNode';

/** The first company, its current period and `count` of its employees on the payroll now. */
export function payroll(emulator: Emulator, count: number) {
	const company = emulator.world.companies[0];
	const current = periodOf(company.periodType, emulator.world.clock.now().slice(0, 10));
	const employees = emulator.world.employees
		.filter((e) => e.companyId === company.id && isPaidInPeriod(e, current))
		.slice(0, count);
	return { company, current, employees };
}

/** The sum of a code's amounts an employee's variable components of a period hold. */
export function heldIn(
	emulator: Emulator,
	store: 'hourComponentsVar' | 'wageComponentsVar',
	employeeId: number,
	code: number,
	at: { year: number; period: number },
): number {
	const [codeField, amountField] =
		store === 'hourComponentsVar' ? ['HourCode', 'Hours'] : ['Code', 'Value'];
	return (emulator.world.records?.[store] ?? [])
		.filter(
			(r) =>
				r.employeeId === employeeId &&
				r.fields[codeField] === code &&
				r.startYear === at.year &&
				r.startPeriod === at.period,
		)
		.reduce((sum, r) => sum + Number(r.fields[amountField]), 0);
}
