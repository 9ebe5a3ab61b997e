/**
 * What the salary document operations share: the company, year and payroll run they are about,
 * the names their files get, and XML documents returned as a file or parsed as JSON.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { anyRequest, asRecords, cachedRequest, isRecord } from '../../glue/request';
import { parseBoolean } from '../../glue/parameters';
import { WireError, xmlDocumentToJson, type WireObject, type WireValue } from '../../wire';
import { includeBsnProperty } from '../../common/bsn';
import {
	MIME,
	binaryFieldProperty,
	documentItem,
	periodExportFileName,
	readBinaryField,
	runFileName,
} from '../../common/binary';
import { locatorProperty, readLocator } from '../../common/locators';
import type { PeriodExport } from '../../common/periodExports';
import { toJson } from '../../common/rows';
import { readYear, yearProperty } from '../shared/year';
import { attempt } from '../../support/outcome';
import type { NmbrsOperation } from '../types';

/** Company, year and payroll run, in the order the list searches need them. */
export const runProperties: INodeProperties[] = [
	locatorProperty('company'),
	yearProperty('the run; the list shows the runs of this year'),
	locatorProperty('run'),
];

/** A company's name for file names (the company list, read once per execution). */
export async function companyName(
	this: IExecuteFunctions,
	companyId: number,
	itemIndex: number,
): Promise<string> {
	const companies = asRecords(
		await cachedRequest(this, 'CompanyService.List_GetAll', {}, itemIndex),
	);
	const company = companies.find((row) => Number(row.ID) === companyId);
	return typeof company?.Name === 'string' && company.Name.trim() !== ''
		? company.Name
		: `company ${companyId}`;
}

export interface PayrollRun {
	id: number;
	number: number;
	year: number;
	period: number;
	description: string;
	/** 'YYYY-MM-DD' */
	runDate: string | null;
	isLocked: boolean;
}

/** A run of the company in the year (the year's runs, read once per execution); an error when there is none. */
export async function payrollRun(
	this: IExecuteFunctions,
	companyId: number,
	runId: number,
	year: number,
	itemIndex: number,
): Promise<PayrollRun> {
	const runs = asRecords(
		await cachedRequest(
			this,
			'CompanyService.Run_GetList',
			{ CompanyId: companyId, Year: year },
			itemIndex,
		),
	);
	const run = runs.find((row) => Number(row.ID) === runId);
	if (run === undefined) {
		throw new NodeOperationError(
			this.getNode(),
			`Company ${companyId} has no payroll run ${runId} in ${year}`,
			{
				itemIndex,
				description: `Check the Payroll Run and the Year: the runs of ${year} are ${
					runs.map((row) => `${String(row.ID)} (period ${String(row.PeriodStart)})`).join(', ') ||
					'none'
				}.`,
			},
		);
	}
	return {
		id: runId,
		number: Number(run.Number),
		year,
		period: Number(run.PeriodStart),
		description: String(run.Description ?? ''),
		runDate: typeof run.RunAt === 'string' ? run.RunAt.slice(0, 10) : null,
		isLocked: run.IsLocked === true,
	};
}

/** The fields every document item about a run carries. */
function runJson(companyId: number, run: PayrollRun): IDataObject {
	return {
		CompanyId: companyId,
		RunId: run.id,
		Year: run.year,
		Period: run.period,
		RunDescription: run.description,
	};
}

export interface RunReference {
	companyId: number;
	runId: number;
	year: number;
}

/** The company, run and year of item i, checked before any call. */
export function readRun(this: IExecuteFunctions, itemIndex: number): RunReference {
	const companyId = readLocator.call(this, 'company', itemIndex);
	const year = readYear.call(this, itemIndex);
	const runId = readLocator.call(this, 'run', itemIndex);
	return { companyId, runId, year };
}

/** A run looked up, with its company's name: what a run's document is named and described by. */
export interface RunContext {
	companyId: number;
	run: PayrollRun;
	company: string;
}

/** The run of a reference and its company's name (both lists read once per execution). */
export async function lookUpRun(
	this: IExecuteFunctions,
	{ companyId, runId, year }: RunReference,
	itemIndex: number,
): Promise<RunContext> {
	const run = await payrollRun.call(this, companyId, runId, year, itemIndex);
	const company = await companyName.call(this, companyId, itemIndex);
	return { companyId, run, company };
}

/** What a document of a run is: its file name's first part, its name in messages and its own parts. */
export interface RunDocumentKind {
	kind: string;
	what: string;
	extension: 'pdf' | 'xml';
	/** File name parts after the run's, e.g. the employee number of a payslip. */
	parts?: Array<string | number | undefined>;
	json?: IDataObject;
}

/**
 * How a document of a run is named and described: `journal_acme-bv_2026_11_run-2.xml` (the run's
 * number keeps two runs of one period apart), with the run's fields and the document's own.
 */
export function runDocument(
	{ companyId, run, company }: RunContext,
	{ kind, what, extension, parts = [], json }: RunDocumentKind,
): { fileName: string; json: IDataObject; what: string } {
	return {
		fileName: runFileName(
			kind,
			{ company, year: run.year, period: run.period, runNumber: run.number },
			extension,
			parts,
		),
		json: { ...runJson(companyId, run), ...json },
		what: `${what} of run ${run.id}`,
	};
}

/** One item with a PDF document in the field the user named. */
export async function pdfItem(
	this: IExecuteFunctions,
	pdf: Buffer,
	document: { fileName: string; json: IDataObject },
	field: string,
	itemIndex: number,
): Promise<INodeExecutionData> {
	return await documentItem.call(
		this,
		{ data: pdf, fileName: document.fileName, mimeType: MIME.pdf },
		document.json,
		itemIndex,
		field,
	);
}

/** The PDF in a Payslip / SalaryDocument record, or null when Nmbrs sent none. */
export function pdfOf(value: WireValue): Buffer | null {
	const pdf = isRecord(value) ? (value as WireObject).PDF : null;
	return Buffer.isBuffer(pdf) && pdf.length > 0 ? pdf : null;
}

// ---------------------------------------------------------------- XML documents

/** "Output As" (file or parsed JSON), the file's field and, for declarations, "Include BSN". */
export function xmlOutputProperties(options: { bsn?: boolean } = {}): INodeProperties[] {
	const properties: INodeProperties[] = [
		{
			displayName: 'Output As',
			name: 'outputAs',
			type: 'options',
			options: [
				{
					name: 'File',
					value: 'file',
					description: 'The XML document as a binary file, e.g. to store or upload it',
				},
				{
					name: 'Parsed JSON',
					value: 'json',
					description:
						'The XML document parsed into JSON fields (values stay text, attributes get an @_ prefix)',
				},
			],
			default: 'file',
		},
		{ ...binaryFieldProperty, displayOptions: { show: { outputAs: ['file'] } } },
	];
	if (options.bsn) {
		properties.push({
			...includeBsnProperty,
			displayOptions: { show: { outputAs: ['json'] } },
			description:
				'Whether to keep the citizen service numbers (BSN, SofiNr) in the parsed JSON; off leaves them out. The file always holds the document as Nmbrs made it.',
		});
	}
	return properties;
}

export interface XmlOutput {
	asJson: boolean;
	/** The binary field, for file output. */
	field: string;
	includeBsn: boolean;
}

/** Output As and its options for item i, checked before any call. */
export function readXmlOutput(this: IExecuteFunctions, itemIndex: number): XmlOutput {
	const asJson = this.getNodeParameter('outputAs', itemIndex, 'file') === 'json';
	return {
		asJson,
		field: asJson ? 'data' : readBinaryField.call(this, itemIndex),
		includeBsn:
			asJson &&
			parseBoolean(
				this.getNode(),
				this.getNodeParameter('includeBsn', itemIndex, false),
				'Include BSN',
				itemIndex,
			),
	};
}

/**
 * One item with an XML document: as a file (application/xml) or parsed into `document`. `what`
 * names the document in the error when Nmbrs sent none or an unreadable one.
 */
export async function xmlDocumentItem(
	this: IExecuteFunctions,
	xml: WireValue,
	output: XmlOutput,
	document: { fileName: string; json: IDataObject; what: string },
	itemIndex: number,
): Promise<INodeExecutionData> {
	if (typeof xml !== 'string' || xml.trim() === '') {
		throw new NodeOperationError(this.getNode(), `Nmbrs sent no ${document.what}`, {
			itemIndex,
			description: `The answer was empty: Nmbrs has no ${document.what} for these parameters.`,
		});
	}
	if (!output.asJson) {
		return await documentItem.call(
			this,
			{ data: Buffer.from(xml, 'utf8'), fileName: document.fileName, mimeType: MIME.xml },
			document.json,
			itemIndex,
			output.field,
		);
	}
	const parsed = attempt(() => xmlDocumentToJson(xml));
	if (!parsed.ok) {
		if (!(parsed.error instanceof WireError)) throw parsed.error;
		throw new NodeOperationError(this.getNode(), `The ${document.what} cannot be parsed as XML`, {
			itemIndex,
			description: `${parsed.error.message} Choose Output As: File to get the document as Nmbrs sent it.`,
		});
	}
	return {
		json: {
			...document.json,
			document: toJson(parsed.value as WireValue, !output.includeBsn),
		},
		pairedItem: { item: itemIndex },
	};
}

/**
 * The items of an operation that returns one XML document of a run: the run and Output As read
 * before any call, the run looked up, the document fetched, named and output as file or JSON.
 */
export async function runXmlDocumentItems(
	this: IExecuteFunctions,
	itemIndex: number,
	document: { kind: string; what: string },
	fetch: (ref: RunReference, run: PayrollRun) => Promise<{ xml: WireValue; json?: IDataObject }>,
): Promise<INodeExecutionData[]> {
	const ref = readRun.call(this, itemIndex);
	const output = readXmlOutput.call(this, itemIndex);
	const context = await lookUpRun.call(this, ref, itemIndex);
	const { xml, json } = await fetch(ref, context.run);
	const described = runDocument(context, { ...document, extension: 'xml', json });
	return [await xmlDocumentItem.call(this, xml, output, described, itemIndex)];
}

// ---------------------------------------------------------------- a company's exports of a year

/** A kind of export a company makes per period, as a Get … XML operation. */
export interface PeriodExportKind
	extends PeriodExport, Pick<NmbrsOperation, 'name' | 'description' | 'action'> {
	locator: 'declaration' | 'pensionExport';
	/** Whether the XML holds BSNs (Include BSN for the parsed JSON). */
	bsn: boolean;
}

/**
 * Get … XML of an export: the export picked in the year's list, its XML as a file or parsed,
 * named by company, year, period and ID. An export typed by ID that the year's list lacks (another
 * year) is named without its period.
 */
export function periodExportXmlOperation(spec: PeriodExportKind): NmbrsOperation {
	return {
		name: spec.name,
		description: spec.description,
		action: spec.action,
		properties: [
			locatorProperty('company'),
			yearProperty(`the ${spec.what}; the list shows the ${spec.what}s of this year`),
			locatorProperty(spec.locator),
			...xmlOutputProperties({ bsn: spec.bsn }),
		],
		calls: ['CompanyService.List_GetAll', spec.list, spec.xml],
		async execute(itemIndex) {
			const companyId = readLocator.call(this, 'company', itemIndex);
			const year = readYear.call(this, itemIndex);
			const id = readLocator.call(this, spec.locator, itemIndex);
			const output = readXmlOutput.call(this, itemIndex);
			const xml = await anyRequest(
				this,
				spec.xml,
				{ [spec.idField]: id, CompanyId: companyId },
				itemIndex,
			);
			const listed = asRecords(
				await cachedRequest(this, spec.list, { CompanyId: companyId, intYear: year }, itemIndex),
			).find((row) => Number(row[spec.idField]) === id);
			const company = await companyName.call(this, companyId, itemIndex);
			const period = listed === undefined ? undefined : Number(listed.Period);
			return [
				await xmlDocumentItem.call(
					this,
					xml,
					output,
					{
						fileName: periodExportFileName(spec.kind, {
							company,
							year: listed === undefined ? undefined : year,
							period,
							id,
						}),
						json: {
							CompanyId: companyId,
							[spec.idField]: id,
							Year: listed === undefined ? null : year,
							Period: period ?? null,
							Status: listed === undefined ? null : String(listed.Status ?? ''),
						},
						what: `XML of ${spec.what} ${id}`,
					},
					itemIndex,
				),
			];
		},
	};
}
