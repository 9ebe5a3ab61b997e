import type { ResourceExamples } from '.';
import { rl } from '../runNode';
import { firstCompany } from './world';

export const employee: ResourceExamples = {
	getMany: [
		(emulator) => ({ companyId: rl(firstCompany(emulator).id), employeeType: 2, returnAll: true }),
	],
};
