import type { ResourceExamples } from '.';
import { ANNUAL_DOCUMENTS } from '../../../nodes/Nmbrs/catalogue';
import { rl } from '../runNode';
import { declarationOf, firstCompany, lockedRun, paidEmployee, pensionExportOf } from './world';

const ofRun = (emulator: Parameters<ResourceExamples[string][number]>[0]) => ({
	companyId: rl(firstCompany(emulator).id),
	year: String(lockedRun(emulator).year),
	runId: rl(lockedRun(emulator).id),
});

export const salaryDocument: ResourceExamples = {
	getPayslips: [
		(emulator) => ({ ...ofRun(emulator), split: 'all' }),
		(emulator) => ({ ...ofRun(emulator), split: 'employee' }),
	],
	getAnnualStatement: [
		(emulator) => ({
			companyId: rl(firstCompany(emulator).id),
			employeeId: rl(paidEmployee(emulator).id),
			year: '2026',
		}),
	],
	// One example per report: each is its own call.
	getYearEndDocument: ANNUAL_DOCUMENTS.map(([name]) => (emulator) => ({
		...ofRun(emulator),
		report: name.replace('SalaryDocuments_AnnualDocument_', ''),
	})),
	getWageTaxDeclarationXml: [
		(emulator) => ({
			companyId: rl(firstCompany(emulator).id),
			year: '2026',
			declarationId: rl(declarationOf(emulator).id),
			outputAs: 'file',
		}),
	],
	getPensionExportXml: [
		(emulator) => ({
			companyId: rl(firstCompany(emulator).id),
			year: '2026',
			pensionExportId: rl(pensionExportOf(emulator).id),
			outputAs: 'file',
		}),
	],
	getSepaFile: [(emulator) => ({ ...ofRun(emulator), paymentDate: '' })],
	getJournal: [(emulator) => ({ ...ofRun(emulator), outputAs: 'json' })],
};
