import type { ResourceExamples } from '.';
import { firstCompany, paidEmployee } from './world';

/** An operation picked from the list. */
const listed = (name: string) => ({ __rl: true, mode: 'list', value: name });

export const customCall: ResourceExamples = {
	call: [
		// A curated operation: parameters checked, ordered and typed.
		(emulator) => ({
			service: 'CompanyService',
			operationName: listed('Run_GetList'),
			parameters: JSON.stringify({ Year: 2026, CompanyId: firstCompany(emulator).id }),
		}),
		// Known only from the generated v2.1 catalogue.
		(emulator) => ({
			service: 'CompanyService',
			operationName: listed('CostCenter_GetList'),
			parameters: JSON.stringify({ CompanyId: firstCompany(emulator).id }),
		}),
		// Unknown to the catalogue (a v3-only call): sent as given.
		(emulator) => ({
			service: 'CompanyService',
			operationName: { __rl: true, mode: 'name', value: 'Company_GetCurrentByEmployeeId' },
			parameters: JSON.stringify({ EmployeeId: paidEmployee(emulator).id }),
		}),
	],
};
