import { nmbrsRequest } from '../../glue/request';
import { fileName } from '../../common/binary';
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
		const { companyId, runId, year } = readRun.call(this, itemIndex);
		const output = readXmlOutput.call(this, itemIndex);
		const run = await payrollRun.call(this, companyId, runId, year, itemIndex);
		const xml = await nmbrsRequest(
			this,
			'CompanyService.Journals_GetByRunCompany_v2',
			{ CompanyId: companyId, RunId: runId, intYear: year },
			itemIndex,
		);
		const company = await companyName.call(this, companyId, itemIndex);
		return [
			await xmlDocumentItem.call(
				this,
				xml,
				output,
				{
					fileName: fileName(
						['journal', company, run.year, run.period, `run ${run.number}`],
						'xml',
					),
					json: runJson(companyId, run),
					what: `journal of run ${runId}`,
				},
				itemIndex,
			),
		];
	},
};
