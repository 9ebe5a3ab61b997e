import { NodeOperationError } from 'n8n-workflow';

import { ANNUAL_DOCUMENTS } from '../../catalogue';
import type { CuratedCall } from '../../catalogue/calls';
import { nmbrsRequest } from '../../glue/request';
import { parseBoolean } from '../../glue/parameters';
import { binaryFieldProperty, readBinaryField } from '../../common/binary';
import type { NmbrsOperation } from '../types';
import { lookUpRun, pdfItem, pdfOf, readRun, runDocument, runProperties } from './shared';
import { optionsCollection } from '../shared/options';

const PREFIX = 'SalaryDocuments_AnnualDocument_';

/** The reports as the editor lists them: value = the operation name after the prefix; file = its file name. */
const REPORTS: Array<{ name: string; value: string; description: string; file: string }> = [
	['AnualStatement', 'Annual Statements', 'annual-statements'],
	['CompanyWageComponentsCumulative', 'Company Wage Components (Cumulative)', 'wage-components'],
	[
		'JournalEntriesCompanyrCumulative',
		'Journal Entries per Company (Cumulative)',
		'journal-entries',
	],
	[
		'JournalEntriesCostCenterCumulative',
		'Journal Entries per Cost Centre (Cumulative)',
		'journal-entries-per-cost-centre',
	],
	[
		'JournalEntriesDepartmentCumulative',
		'Journal Entries per Department (Cumulative)',
		'journal-entries-per-department',
	],
	[
		'JournalEntriesEmployeeCumulative',
		'Journal Entries per Employee (Cumulative)',
		'journal-entries-per-employee',
	],
	['LeaveSaldos', 'Leave Balances', 'leave-balances'],
	['PaymentListCumulative', 'Payment List (Cumulative)', 'payment-list'],
	['PayrollRegister', 'Payroll Register (Loonjournaal)', 'payroll-register'],
	[
		'PayrollRegisterAllEmployees',
		'Payroll Register of All Employees',
		'payroll-register-all-employees',
	],
	[
		'PayrollRegisterSummaryCumulative',
		'Payroll Register Summary (Cumulative)',
		'payroll-register-summary',
	],
	['ReservationSaldos', 'Reservation Balances', 'reservation-balances'],
	['SentWageTaxDeclarations', 'Sent Wage Tax Declarations', 'sent-wage-tax-declarations'],
	[
		'WageTaxDeclarationOverviewByPeriod',
		'Wage Tax Declaration Overview by Period',
		'wage-tax-declarations-by-period',
	],
	[
		'WageTaxDeclarationOverviewCumulative',
		'Wage Tax Declaration Overview (Cumulative)',
		'wage-tax-declarations',
	],
].map(([value, name, file]) => ({
	name,
	value,
	file,
	description: ANNUAL_DOCUMENTS.find(([op]) => op === `${PREFIX}${value}`)?.[1] ?? name,
}));

export const getYearEndDocument: NmbrsOperation = {
	name: 'Get Year-End Document',
	description:
		"Get a year-end document of a company as a PDF file: one of Nmbrs' annual reports (payroll register, journal entries, wage tax declaration overviews, balances), cumulative up to a locked payroll run, usually the last run of the year",
	action: 'Get a year-end document of a company',
	properties: [
		...runProperties,
		{
			displayName: 'Report',
			name: 'report',
			type: 'options',
			options: REPORTS.map(({ name, value, description }) => ({ name, value, description })),
			default: 'PayrollRegisterSummaryCumulative',
			description:
				'Which year-end report; each is its own call in the API user template (SalaryDocuments_AnnualDocument_…)',
		},
		binaryFieldProperty,
		optionsCollection([
			{
				displayName: 'Allow Unlocked Run',
				name: 'allowUnlocked',
				type: 'boolean',
				default: false,
				description:
					'Whether to fetch the report of a run that is not locked yet; its figures can still change',
			},
		]),
	],
	calls: [
		'CompanyService.List_GetAll',
		'CompanyService.Run_GetList',
		...ANNUAL_DOCUMENTS.map(([name]) => `CompanyService.${name}`),
	],
	async execute(itemIndex) {
		const node = this.getNode();
		const ref = readRun.call(this, itemIndex);
		const { companyId, runId, year } = ref;
		const report = String(this.getNodeParameter('report', itemIndex, ''));
		const known = REPORTS.find((r) => r.value === report);
		if (known === undefined) {
			throw new NodeOperationError(node, `The Report "${report}" is not valid`, {
				itemIndex,
				description: `Report must be one of: ${REPORTS.map((r) => r.value).join(', ')}.`,
			});
		}
		const options = this.getNodeParameter('options', itemIndex, {}) as { allowUnlocked?: unknown };
		const allowUnlocked = parseBoolean(
			node,
			options.allowUnlocked ?? false,
			'Allow Unlocked Run',
			itemIndex,
		);
		const field = readBinaryField.call(this, itemIndex);
		const context = await lookUpRun.call(this, ref, itemIndex);
		if (!context.run.isLocked && !allowUnlocked) {
			throw new NodeOperationError(
				node,
				`Payroll run ${runId} of company ${companyId} is not locked`,
				{
					itemIndex,
					description:
						'Year-end documents are made from a locked run (usually the last run of the year): the figures of an open run can still change. Pick a locked run, or turn on the option Allow Unlocked Run.',
				},
			);
		}
		const pdf = pdfOf(
			await nmbrsRequest(
				this,
				// Every report of ANNUAL_DOCUMENTS is a curated call (the catalogue makes one per report).
				`CompanyService.${PREFIX}${report}` as CuratedCall,
				{ CompanyId: companyId, RunId: runId, Year: year },
				itemIndex,
			),
		);
		if (pdf === null) {
			throw new NodeOperationError(node, `Nmbrs sent no ${known.name} for run ${runId}`, {
				itemIndex,
				description: 'The answer held no PDF: the report has no content for this run.',
			});
		}
		const document = runDocument(context, {
			kind: known.file,
			what: known.name,
			extension: 'pdf',
			json: { Report: known.name, RunIsLocked: context.run.isLocked },
		});
		return [await pdfItem.call(this, pdf, document, field, itemIndex)];
	},
};
