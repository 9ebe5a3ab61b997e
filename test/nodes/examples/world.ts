/** IDs from the emulator's demo world, for examples and tests. */
import type { Emulator } from '../runNode';

export function firstCompany(emulator: Emulator) {
	const company = emulator.world.companies[0];
	if (!company) throw new Error('the demo world has no company');
	return company;
}

/** An employee on the payroll of the first company, in service with no end date. */
export function activeEmployee(emulator: Emulator) {
	const company = firstCompany(emulator);
	const employee = emulator.world.employees.find(
		(e) =>
			e.companyId === company.id &&
			e.kind === 'payroll' &&
			e.employments.some((employment) => employment.endDate === null),
	);
	if (!employee) throw new Error('the first company has no employee in service');
	return employee;
}
