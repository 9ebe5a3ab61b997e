import type { ResourceExamples } from '.';
import { rl } from '../runNode';
import { firstCompany } from './world';

export const debtor: ResourceExamples = {
	get: [(emulator) => ({ debtorId: rl(firstCompany(emulator).debtorId) })],
	getMany: [() => ({ returnAll: true })],
	checkApiAccess: [() => ({})],
	getDepartments: [
		(emulator) => ({ debtorId: rl(firstCompany(emulator).debtorId), returnAll: true }),
	],
	getFunctions: [
		(emulator) => ({ debtorId: rl(firstCompany(emulator).debtorId), returnAll: true }),
	],
};
