import type { ResourceExamples } from '.';
import { rl } from '../runNode';
import { firstCompany } from './world';

export const company: ResourceExamples = {
	getMany: [
		() => ({ scope: 'all', returnAll: true }),
		(emulator) => ({
			scope: 'debtor',
			debtorId: rl(firstCompany(emulator).debtorId),
			returnAll: true,
		}),
	],
	getWageTaxDeclarations: [
		(emulator) => ({ companyId: rl(firstCompany(emulator).id), year: '2026', options: {} }),
	],
};
