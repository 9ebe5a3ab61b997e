import type { ResourceExamples } from '.';
import type { Emulator } from '../runNode';
import { rl } from '../runNode';
import { activeEmployee, employeeWithComponents, firstCompany } from './world';

/** Company and employee locators for an employee on the payroll of the first company. */
const ofEmployee = (emulator: Emulator) => ({
	companyId: rl(firstCompany(emulator).id),
	employeeId: rl(activeEmployee(emulator).id),
});

/** The active employee, off sick (100 %) since 2026-11-16 with no last day yet: its absence. */
const withOpenAbsence = (emulator: Emulator) => {
	const employee = activeEmployee(emulator);
	const id = emulator.world.nextIds.record++;
	employee.absences.push({
		id,
		comment: null,
		percentage: 100,
		start: '2026-11-16',
		end: null,
		dossier: 'Ziekte',
		dossierNumber: Math.max(0, ...employee.absences.map((a) => a.dossierNumber)) + 1,
	});
	return { ...ofEmployee(emulator), absenceId: String(id) };
};

const specificPeriod = { periodChoice: 'specific', year: 2026, period: 5 };

/** Each kind of component, of the current period and of a specific one, of an employee who has some. */
const components = (store: 'hourComponentsVar' | 'wageComponentsVar') => {
	const of = (emulator: Emulator) => {
		const employee = employeeWithComponents(emulator, store);
		return { companyId: rl(employee.companyId), employeeId: rl(employee.id) };
	};
	return (['variable', 'fixed'] as const).flatMap((kind) => [
		(emulator: Emulator) => ({ ...of(emulator), kind, periodChoice: 'current' }),
		(emulator: Emulator) => ({ ...of(emulator), kind, ...specificPeriod }),
	]);
};

export const employee: ResourceExamples = {
	get: [
		(emulator) => ({ ...ofEmployee(emulator), periodChoice: 'current', options: {} }),
		(emulator) => ({ ...ofEmployee(emulator), ...specificPeriod, options: {} }),
	],
	getMany: [
		(emulator) => ({
			companyId: rl(firstCompany(emulator).id),
			employeeType: 2,
			returnAll: true,
			options: {},
		}),
		(emulator) => ({
			companyId: rl(firstCompany(emulator).id),
			employeeType: 2,
			returnAll: true,
			periodChoice: 'current',
			options: {
				includePersonalInfo: true,
				includeDepartment: true,
				includeFunction: true,
				includeEmployments: true,
				includeSalary: true,
				includeSchedule: true,
				includeAddress: true,
				includeContract: true,
				includeCostCenters: true,
			},
		}),
	],
	create: [
		(emulator) => ({
			companyId: rl(firstCompany(emulator).id),
			template: '',
			firstName: 'Anouk',
			lastName: 'Visser',
			options: {},
		}),
		(emulator) => ({
			companyId: rl(firstCompany(emulator).id),
			template: firstCompany(emulator).defaultEmployeeTemplates[1].id,
			firstName: 'Daan',
			lastName: 'Mulder',
			options: {},
		}),
		(emulator) => ({
			companyId: rl(firstCompany(emulator).id),
			template: '',
			firstName: 'Lotte',
			lastName: 'Dekker',
			options: { employeeNumber: 9001 },
		}),
	],
	updatePersonalInfo: [
		(emulator) => ({
			...ofEmployee(emulator),
			fields: { telephoneWork: '020-5550123' },
			options: {},
		}),
	],
	updateAddress: [
		(emulator) => ({
			...ofEmployee(emulator),
			addressType: 'HomeAddress',
			fields: { houseNumberAddition: 'B' },
		}),
	],
	updateSchedule: [
		(emulator) => ({ ...ofEmployee(emulator), fields: { hoursFriday: 0, parttimePercentage: 80 } }),
	],
	getLeave: [(emulator) => ({ ...ofEmployee(emulator), year: '2026' })],
	addLeave: [
		(emulator) => ({
			...ofEmployee(emulator),
			startDate: '2026-12-21',
			endDate: '2026-12-24',
			hours: 0,
			usage: 'Withdrawal',
			leaveType: 'Type1',
			options: { description: 'Christmas' },
		}),
	],
	reportAbsence: [
		(emulator) => ({
			...ofEmployee(emulator),
			startDate: '2026-11-23',
			percentage: 100,
			cause: 'illness',
			options: {},
		}),
	],
	reportRecovery: [
		(emulator) => ({
			...withOpenAbsence(emulator),
			recovery: 'full',
			lastDay: '2026-11-24',
		}),
		(emulator) => ({
			...withOpenAbsence(emulator),
			recovery: 'partial',
			fromDate: '2026-11-24',
			percentage: 50,
		}),
	],
	getContracts: [(emulator) => ofEmployee(emulator)],
	getEmployments: [(emulator) => ofEmployee(emulator)],
	getSalary: [
		(emulator) => ({ ...ofEmployee(emulator), periodChoice: 'current' }),
		(emulator) => ({ ...ofEmployee(emulator), ...specificPeriod }),
	],
	getBankAccounts: [(emulator) => ofEmployee(emulator)],
	getAddresses: [
		(emulator) => ({ ...ofEmployee(emulator), periodChoice: 'current' }),
		(emulator) => ({ ...ofEmployee(emulator), ...specificPeriod }),
	],
	getSchedule: [
		(emulator) => ({ ...ofEmployee(emulator), periodChoice: 'current' }),
		(emulator) => ({ ...ofEmployee(emulator), ...specificPeriod }),
	],
	getAbsences: [(emulator) => ofEmployee(emulator)],
	getLeaveBalance: [(emulator) => ofEmployee(emulator)],
	getHours: components('hourComponentsVar'),
	getWageComponents: components('wageComponentsVar'),
	addHours: (['add', 'set'] as const).map((mode) => (emulator: Emulator) => ({
		...ofEmployee(emulator),
		hourCode: rl(1),
		hours: 7.5,
		mode,
		periodChoice: 'current',
		options: {},
	})),
	setDaysWorked: [
		(emulator: Emulator) => ({ ...ofEmployee(emulator), days: 18, periodChoice: 'current' }),
	],
	addWageComponents: (['add', 'set'] as const).map((mode) => (emulator: Emulator) => ({
		...ofEmployee(emulator),
		wageCode: rl(1030),
		value: 42.8,
		mode,
		periodChoice: 'current',
		options: { comment: 'kilometres' },
	})),
};
