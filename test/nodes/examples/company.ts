import type { ResourceExamples } from '.';
import { rl } from '../runNode';
import { firstCompany, lockedRun } from './world';

export const company: ResourceExamples = {
	get: [(emulator) => ({ companyId: rl(firstCompany(emulator).id) })],
	getMany: [
		() => ({ scope: 'all', returnAll: true }),
		(emulator) => ({
			scope: 'debtor',
			debtorId: rl(firstCompany(emulator).debtorId),
			returnAll: true,
		}),
	],
	getCurrentPeriod: [(emulator) => ({ companyId: rl(firstCompany(emulator).id) })],
	getAddress: [(emulator) => ({ companyId: rl(firstCompany(emulator).id) })],
	getHourCodes: [(emulator) => ({ companyId: rl(firstCompany(emulator).id) })],
	getWageCodes: [(emulator) => ({ companyId: rl(firstCompany(emulator).id) })],
	getCostCenters: [(emulator) => ({ companyId: rl(firstCompany(emulator).id) })],
	getPayrollRunEmployees: [
		(emulator) => ({
			companyId: rl(firstCompany(emulator).id),
			runId: rl(lockedRun(emulator).id),
			year: String(lockedRun(emulator).year),
		}),
	],
	getPayrollRuns: [(emulator) => ({ companyId: rl(firstCompany(emulator).id), year: '2026' })],
	getWageTaxDeclarations: [
		(emulator) => ({ companyId: rl(firstCompany(emulator).id), year: '2026', options: {} }),
	],
	getAbsences: [
		(emulator) => ({ companyId: rl(firstCompany(emulator).id), year: '2026', returnAll: true }),
	],
	getPensionExports: [(emulator) => ({ companyId: rl(firstCompany(emulator).id), year: '2026' })],
	markWageTaxDeclarationSent: [
		(emulator) => {
			const companyId = firstCompany(emulator).id;
			const declaration = emulator.world.declarations.find(
				(d) => d.companyId === companyId && d.status === 'locked',
			);
			if (!declaration) throw new Error('the demo world has no locked declaration');
			return {
				companyId: rl(companyId),
				year: String(declaration.year),
				declarationId: rl(declaration.id),
				alreadySentIsOk: true,
			};
		},
	],
};
