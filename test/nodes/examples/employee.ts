import type { ResourceExamples } from '.';
import type { Emulator } from '../runNode';
import { rl } from '../runNode';
import { activeEmployee, employeeWithComponents, firstCompany } from './world';

/** Company and employee locators for an employee on the payroll of the first company. */
const ofEmployee = (emulator: Emulator) => ({
	companyId: rl(firstCompany(emulator).id),
	employeeId: rl(activeEmployee(emulator).id),
});

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
