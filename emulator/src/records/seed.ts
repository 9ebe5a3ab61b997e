/**
 * The records a payroll world holds at the start: for every employee on the payroll now, the cost
 * center the employee list names (from the start of last year), a travel allowance for most (a
 * fixed wage component), a home-working allowance for some (variable), days worked and, for hourly
 * paid employees, worked hours this period.
 * Deterministic per seed. The payslips and journals do not add these up (assumed, see README).
 */
import { periodOf, periodRange } from '../world/calendar';
import { isPaidInPeriod, versionAt } from '../world/history';
import { createRandom, hashSeed } from '../world/random';
import type { World } from '../world/world';
import { addRecord, STORES, type PeriodRecord, type StoreSpec } from './store';

export function seedRecords(world: World): void {
	const store = (world.records ??= {});
	const now = world.clock.now();
	for (const company of world.companies) {
		const random = createRandom(hashSeed(world.seed, 'records', company.id));
		const current = periodOf(company.periodType, now.slice(0, 10));
		const range = periodRange(company.periodType, current.year, current.period);
		const lastYear = { year: current.year - 1, period: 1 };
		for (const employee of world.employees) {
			if (employee.companyId !== company.id || !isPaidInPeriod(employee, range)) continue;
			const add = (
				spec: StoreSpec,
				from: { year: number; period: number },
				fields: PeriodRecord['fields'],
			) =>
				addRecord(store, spec, {
					id: world.nextIds.record++,
					employeeId: employee.id,
					startYear: from.year,
					startPeriod: from.period,
					endYear: null,
					endPeriod: null,
					creationDate: now,
					fields,
				});
			const costCenter =
				company.costCenters.find((c) => c.code === employee.costCenterCode) ??
				company.costCenters[0];
			if (costCenter)
				add(STORES.costCenters, lastYear, {
					CostCenter: {
						Code: costCenter.code,
						Description: costCenter.description,
						Id: costCenter.id,
					},
					Kostensoort: { Code: '4000', Description: 'Lonen en salarissen' },
					Percentage: 100,
					Default: true,
				});
			if (random.chance(0.7))
				add(STORES.wageComponentsFixed, lastYear, {
					Code: 1010,
					Value: random.int(20, 160) + random.int(0, 99) / 100,
					Comment: null,
				});
			const schedule = versionAt(employee.schedules, current);
			const weekHours = schedule ? schedule.hours.slice(0, 7).reduce((a, b) => a + b, 0) : 40;
			const days = schedule ? schedule.hours.slice(0, 7).filter((h) => h > 0).length : 5;
			add(STORES.daysWorked, current, {
				// A month holds about 4.33 weeks, a 4-week period 4; a day more or less now and then.
				Days: Math.round(days * (company.periodType === 'Month' ? 4.33 : 4)) + random.int(-1, 1),
			});
			// A home-working allowance for the days worked at home this period, for some.
			if (random.chance(0.3))
				add(STORES.wageComponentsVar, current, {
					Code: 1020,
					Value: Math.round(random.int(2, 12) * 2.35 * 100) / 100,
					Comment: null,
				});
			const salary = versionAt(employee.salaries, current);
			if (salary?.type === 'Bruto_Uurloon')
				add(STORES.hourComponentsVar, current, {
					HourCode: 1,
					Hours: Math.round(weekHours * 4 + random.int(-4, 4)),
					Comment: null,
				});
		}
	}
}
