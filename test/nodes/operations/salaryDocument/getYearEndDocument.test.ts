import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { ANNUAL_DOCUMENTS } from '../../../../nodes/Nmbrs/catalogue';
import { firstCompany, lockedRun, openRun } from '../../examples/world';
import type { SentRequest } from '../../harness';
import { admin, callsOf, failure, rl, runNode, stubNmbrs, useEmulator } from '../../runNode';
import { FAKE_PDF, fileOf, runParams, slug } from './helpers';

const emulator = useEmulator();
const operation = { operation: 'getYearEndDocument' };

describe('Salary Document → Get Year-End Document (emulator)', () => {
	it('returns the chosen report of a locked run as a PDF named after report, company, year and period', async () => {
		const run = lockedRun(emulator());
		const company = firstCompany(emulator());
		const sent: SentRequest[] = [];
		const items = await runNode(
			emulator().soapBaseUrl,
			{ ...runParams(emulator()), ...operation, report: 'PayrollRegisterSummaryCumulative' },
			{ sent },
		);
		expect(items).toHaveLength(1);
		const [item] = items;
		expect(item.pairedItem).toEqual({ item: 0 });
		const pdf = fileOf(item);
		expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
		expect(pdf.toString('latin1')).toContain('Loonjournaal samenvatting cumulatief');
		expect(item.binary?.data.mimeType).toBe('application/pdf');
		expect(item.binary?.data.fileName).toBe(
			`payroll-register-summary_${slug(company.name)}_${run.year}_${run.period}_run-${run.number}.pdf`,
		);
		expect(item.json).toMatchObject({
			CompanyId: company.id,
			RunId: run.id,
			Year: run.year,
			Period: run.period,
			Report: 'Payroll Register Summary (Cumulative)',
			RunIsLocked: true,
		});
		expect(callsOf(sent)).toContain(
			'CompanyService.SalaryDocuments_AnnualDocument_PayrollRegisterSummaryCumulative',
		);
	});

	it('every report of the list gives a PDF', async () => {
		for (const [name] of ANNUAL_DOCUMENTS) {
			const items = await runNode(emulator().soapBaseUrl, {
				...runParams(emulator()),
				...operation,
				report: name.replace('SalaryDocuments_AnnualDocument_', ''),
			});
			expect(fileOf(items[0]).subarray(0, 4).toString('latin1')).toBe('%PDF');
		}
	});

	it('refuses a run that is not locked unless Allow Unlocked Run is on', async () => {
		const run = openRun(emulator());
		const params = {
			...runParams(emulator()),
			...operation,
			year: String(run.year),
			runId: rl(run.id),
			report: 'PayrollRegister',
		};
		const sent: SentRequest[] = [];
		const error = await failure(runNode(emulator().soapBaseUrl, params, { sent }));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain('is not locked');
		expect(callsOf(sent)).not.toContain(
			'CompanyService.SalaryDocuments_AnnualDocument_PayrollRegister',
		);
		const items = await runNode(emulator().soapBaseUrl, {
			...params,
			options: { allowUnlocked: true },
		});
		expect(items[0].json.RunIsLocked).toBe(false);
		expect(items[0].binary?.data.mimeType).toBe('application/pdf');
	});

	it('a report switched off in the API user template (1002) names the call to switch on', async () => {
		const user = `/users/${encodeURIComponent('accountant@demo.example')}/template`;
		await admin(emulator().adminUrl, user, {
			disabled: ['CompanyService.SalaryDocuments_AnnualDocument_LeaveSaldos'],
		});
		try {
			const error = await failure(
				runNode(emulator().soapBaseUrl, {
					...runParams(emulator()),
					...operation,
					report: 'LeaveSaldos',
				}),
			);
			expect(error).toBeInstanceOf(NodeApiError);
			expect((error as NodeApiError).description).toContain(
				'CompanyService.SalaryDocuments_AnnualDocument_LeaveSaldos',
			);
		} finally {
			await admin(emulator().adminUrl, user, { disabled: [] });
		}
	});

	it('refuses an unknown report before any call', async () => {
		const sent: SentRequest[] = [];
		const error = await failure(
			runNode(
				emulator().soapBaseUrl,
				{ ...runParams(emulator()), ...operation, report: 'Everything' },
				{ sent },
			),
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain('Report');
		expect(sent).toHaveLength(0);
	});

	it('a run not in the list of the year is an error saying the company has no such run', async () => {
		const error = await failure(
			runNode(emulator().soapBaseUrl, {
				...runParams(emulator()),
				...operation,
				report: 'PaymentListCumulative',
				runId: rl(424242),
			}),
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain('has no payroll run 424242');
	});
});

describe('Salary Document → Get Year-End Document (calls)', () => {
	it('calls the chosen report with CompanyId, RunId and Year', async () => {
		const stub = stubNmbrs({
			'CompanyService.List_GetAll': [
				{ ID: 7, Number: 1, Name: 'Acme', LoonaangifteTijdvak: 'Month' },
			],
			'CompanyService.Run_GetList': [
				{
					ID: 70,
					Number: 1,
					Year: 2025,
					PeriodStart: 12,
					PeriodEnd: 12,
					Description: 'Verloning december',
					RunAt: '2025-12-20T10:00:00',
					IsLocked: true,
				},
			],
			'CompanyService.SalaryDocuments_AnnualDocument_JournalEntriesCompanyrCumulative': {
				PDF: FAKE_PDF,
			},
		});
		const items = await stub.run({
			resource: 'salaryDocument',
			...operation,
			companyId: rl(7),
			year: '2025',
			runId: rl(70),
			report: 'JournalEntriesCompanyrCumulative',
		});
		expect(stub.calls.find((c) => c.operation.includes('AnnualDocument'))).toEqual({
			operation: 'CompanyService.SalaryDocuments_AnnualDocument_JournalEntriesCompanyrCumulative',
			params: { CompanyId: 7, RunId: 70, Year: 2025 },
		});
		expect(items[0].binary?.data.fileName).toBe('journal-entries_acme_2025_12_run-1.pdf');
	});
});
