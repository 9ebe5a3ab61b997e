import { nmbrsRequest } from '../../glue/request';
import type { NmbrsOperation } from '../types';
import { runProperties, runXmlDocumentItems, xmlOutputProperties } from './shared';

export const getJournal: NmbrsOperation = {
	name: 'Get Journal',
	description:
		'Get the journal entries (journaalposten) of a payroll run for the bookkeeping, as an XML file or parsed as JSON',
	action: 'Get the journal of a payroll run',
	properties: [...runProperties, ...xmlOutputProperties()],
	calls: [
		'CompanyService.List_GetAll',
		'CompanyService.Run_GetList',
		'CompanyService.Journals_GetByRunCompany_v2',
	],
	async execute(itemIndex) {
		return await runXmlDocumentItems.call(
			this,
			itemIndex,
			{ kind: 'journal', what: 'journal' },
			async ({ companyId, runId, year }) => ({
				xml: await nmbrsRequest(
					this,
					'CompanyService.Journals_GetByRunCompany_v2',
					{ CompanyId: companyId, RunId: runId, intYear: year },
					itemIndex,
				),
			}),
		);
	},
};
