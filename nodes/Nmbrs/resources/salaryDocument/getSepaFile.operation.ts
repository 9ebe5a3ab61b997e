import { NodeOperationError } from 'n8n-workflow';

import { parseDate } from '../../glue/parameters';
import { nmbrsRequest } from '../../glue/request';
import type { NmbrsOperation } from '../types';
import { runProperties, runXmlDocumentItems, xmlOutputProperties } from './shared';

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
		const paymentDate = parseDate(
			this.getNode(),
			this.getNodeParameter('paymentDate', itemIndex, ''),
			'Payment Date',
			itemIndex,
		);
		return await runXmlDocumentItems.call(
			this,
			itemIndex,
			{ kind: 'sepa', what: 'SEPA file' },
			async ({ companyId, runId, year }, run) => {
				const date = paymentDate ?? run.runDate;
				if (date === null) {
					throw new NodeOperationError(this.getNode(), `Payroll run ${runId} has no date`, {
						itemIndex,
						description: 'Nmbrs gave no date for the run: give the Payment Date.',
					});
				}
				const xml = await nmbrsRequest(
					this,
					'CompanyService.SalaryDocuments_GetSEPA',
					{ CompanyId: companyId, RunID: runId, Year: year, paymentDate: date },
					itemIndex,
				);
				return { xml, json: { PaymentDate: date } };
			},
		);
	},
};
