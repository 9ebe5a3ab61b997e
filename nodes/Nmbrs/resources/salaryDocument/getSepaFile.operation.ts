import { DateTime } from 'luxon';
import { NodeOperationError } from 'n8n-workflow';

import { nmbrsRequest } from '../../glue/request';
import { fileName } from '../shared/binary';
import type { NmbrsOperation } from '../types';
import {
	companyName,
	payrollRun,
	readRun,
	readXmlOutput,
	runJson,
	runProperties,
	xmlDocumentItem,
	xmlOutputProperties,
} from './shared';

/** 'YYYY-MM-DD' from what the user typed or the date picker gave; undefined when empty. */
function paymentDateOf(value: unknown): string | undefined | null {
	if (value === undefined || value === null) return undefined;
	const text = String(value).trim();
	if (text === '') return undefined;
	const date = /^\d{4}-\d{2}-\d{2}$/.test(text)
		? DateTime.fromISO(text, { zone: 'Europe/Amsterdam' })
		: DateTime.fromISO(text, { setZone: true });
	return date.isValid && date.year >= 2000 && date.year <= 2100 ? date.toISODate() : null;
}

export const getSepaFile: NmbrsOperation = {
	name: 'Get SEPA File',
	description:
		'Get the SEPA credit transfer file (pain.001 XML) that pays the net salaries of a payroll run, as an XML file for the bank or parsed as JSON',
	action: 'Get the SEPA file of a payroll run',
	properties: [
		...runProperties,
		{
			displayName: 'Payment Date',
			name: 'paymentDate',
			type: 'dateTime',
			default: '',
			description:
				"The date the bank pays the salaries (the file's requested execution date). Leave empty for the run's date.",
		},
		...xmlOutputProperties(),
	],
	calls: [
		'CompanyService.List_GetAll',
		'CompanyService.Run_GetList',
		'CompanyService.SalaryDocuments_GetSEPA',
	],
	async execute(itemIndex) {
		const { companyId, runId, year } = readRun.call(this, itemIndex);
		const typed = this.getNodeParameter('paymentDate', itemIndex, '');
		const paymentDate = paymentDateOf(typed);
		if (paymentDate === null) {
			throw new NodeOperationError(
				this.getNode(),
				`The Payment Date "${String(typed)}" is not valid`,
				{
					itemIndex,
					description:
						"Payment Date must be a date between 2000 and 2100, e.g. 2026-11-25, or empty for the run's date.",
				},
			);
		}
		const output = readXmlOutput.call(this, itemIndex);
		const run = await payrollRun.call(this, companyId, runId, year, itemIndex);
		const date = paymentDate ?? run.runDate;
		if (date === null) {
			throw new NodeOperationError(this.getNode(), `Payroll run ${runId} has no date`, {
				itemIndex,
				description: 'Nmbrs gave no date for the run: give the Payment Date.',
			});
		}
		const xml = await nmbrsRequest.call(
			this,
			'CompanyService.SalaryDocuments_GetSEPA',
			{ CompanyId: companyId, RunID: runId, Year: year, paymentDate: date },
			itemIndex,
		);
		const company = await companyName.call(this, companyId, itemIndex);
		return [
			await xmlDocumentItem.call(
				this,
				xml,
				output,
				{
					fileName: fileName(['sepa', company, run.year, run.period, `run ${run.number}`], 'xml'),
					json: { ...runJson(companyId, run), PaymentDate: date },
					what: `SEPA file of run ${runId}`,
				},
				itemIndex,
			),
		];
	},
};
