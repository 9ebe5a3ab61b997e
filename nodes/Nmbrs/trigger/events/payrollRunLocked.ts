/**
 * Payroll Run Locked: each payroll run (CompanyService.Run_GetList) once when it is seen locked
 * (IsLocked): its payslips are final, its journal made (Nmbrs's Run Finish and Journals Finish).
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parseBoolean } from '../../glue/parameters';
import { isRecord } from '../../glue/request';
import { MIME, binaryFieldProperty, documentItem, runFileName } from '../../common/binary';
import { toJson } from '../../common/rows';
import type { PollCalls } from '../companies';
import type { TriggerEvent, Thing } from '../event';
import { periodEnd } from './periods';

interface Options {
	includePayslips?: unknown;
	includeJournal?: unknown;
	binaryPropertyName?: unknown;
}

const number = (value: unknown) => Number(value ?? 0);
const day = (value: unknown) => (typeof value === 'string' ? value.slice(0, 10) : undefined);

export const payrollRunLocked: TriggerEvent = {
	value: 'payrollRunLocked',
	name: 'Payroll Run Locked',
	description: 'Once per payroll run, when it is locked (its payslips are final)',
	wakesOn: ['Run Finish', 'Journals Finish'],
	calls: [
		'CompanyService.Run_GetList',
		'CompanyService.SalaryDocuments_GetAllPayslipsPDFByRunCompany_v2',
		'CompanyService.Journals_GetByRunCompany_v2',
	],
	properties: [
		{
			displayName: 'Options',
			name: 'runOptions',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			options: [
				{
					displayName: 'Include Payslips',
					name: 'includePayslips',
					type: 'boolean',
					default: false,
					description:
						"Whether to add the run's payslips as one PDF file, one extra call (CompanyService.SalaryDocuments_GetAllPayslipsPDFByRunCompany_v2) per item",
				},
				{
					displayName: 'Include Journal',
					name: 'includeJournal',
					type: 'boolean',
					default: false,
					description:
						"Whether to add the run's journal (its booking lines, XML) as a file in the field journal, one extra call (CompanyService.Journals_GetByRunCompany_v2) per item",
				},
				{ ...binaryFieldProperty, required: false },
			],
		},
	],
	settings(read, node) {
		const options = (read('runOptions', {}) ?? {}) as Options;
		const includePayslips = parseBoolean(
			node,
			options.includePayslips ?? false,
			'Include Payslips',
			0,
		);
		const field = String(options.binaryPropertyName ?? 'data').trim();
		if (includePayslips && field === '') {
			throw new NodeOperationError(node, 'Put Output File in Field is empty', {
				description: 'Name the output field the PDF goes into, e.g. data.',
			});
		}
		const includeJournal = parseBoolean(
			node,
			options.includeJournal ?? false,
			'Include Journal',
			0,
		);
		const existingDate = (thing: Thing) => day(thing.RunAt);
		return {
			watched: ['locked'],
			watchKey: 'locked',
			async fetch(calls, companyId, year) {
				const rows = await calls.records('CompanyService.Run_GetList', {
					CompanyId: companyId,
					Year: year,
				});
				return rows.map((row) => toJson(row));
			},
			id: (thing) => String(thing.ID),
			status: (thing) => (thing.IsLocked === true ? 'locked' : 'open'),
			periodEnd(thing, year, periodType) {
				const end = periodEnd(number(thing.Year) || year, number(thing.PeriodEnd), periodType);
				const ran = existingDate(thing);
				if (end === undefined) return ran;
				return ran !== undefined && ran > end ? ran : end;
			},
			existingDate,
			compare: (a: Thing, b: Thing) =>
				number(a.Year) - number(b.Year) ||
				number(a.PeriodEnd) - number(b.PeriodEnd) ||
				number(a.Number) - number(b.Number) ||
				number(a.ID) - number(b.ID),
			async item(calls, json): Promise<INodeExecutionData> {
				const item = await withPayslips(calls, json);
				if (!includeJournal) return item;
				const xml = await calls.request('CompanyService.Journals_GetByRunCompany_v2', {
					CompanyId: Number(json.CompanyId),
					RunId: Number(json.ID),
					intYear: Number(json.Year),
				});
				const journal = await calls
					.binary()
					.helpers.prepareBinaryData(
						Buffer.from(isRecord(xml) ? '' : String(xml ?? ''), 'utf8'),
						runFileName('journal', documentOf(json), 'xml'),
						MIME.xml,
					);
				return { ...item, binary: { ...item.binary, journal } };
			},
			noMatch(seen, years, companies) {
				const open = seen.get('open') ?? 0;
				return {
					message: `No locked payroll run in ${years.join(' or ')}`,
					description:
						open > 0
							? `The ${companies} companies watched have ${open} payroll runs in ${years.join(' or ')}, none locked yet.`
							: `The ${companies} companies watched have no payroll runs in ${years.join(' or ')}.`,
				};
			},
		};

		/** The item with the run's payslips as one PDF, when asked. */
		async function withPayslips(calls: PollCalls, json: IDataObject): Promise<INodeExecutionData> {
			if (!includePayslips) return { json };
			const answer = await calls.request(
				'CompanyService.SalaryDocuments_GetAllPayslipsPDFByRunCompany_v2',
				{ CompanyId: Number(json.CompanyId), RunID: Number(json.ID), intYear: Number(json.Year) },
			);
			const pdf = isRecord(answer) ? answer.PDF : undefined;
			if (!Buffer.isBuffer(pdf) || pdf.length === 0) return { json };
			return await documentItem.call(
				calls.binary(),
				{
					data: pdf,
					fileName: runFileName('payslips', documentOf(json), 'pdf'),
					mimeType: MIME.pdf,
				},
				json,
				undefined,
				field,
			);
		}
	},
};

/** Whose and when a run's documents are, for their file names. */
function documentOf(json: IDataObject) {
	return {
		company: json.CompanyName as string,
		year: number(json.Year),
		period: number(json.PeriodStart),
		runNumber: number(json.Number),
	};
}
