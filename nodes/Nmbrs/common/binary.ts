/**
 * Documents as n8n files: the binary prepared by n8n (so its binary-data mode applies), put in
 * the field the user names, with a file name that says what the document is.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export const binaryFieldProperty: INodeProperties = {
	displayName: 'Put Output File in Field',
	name: 'binaryPropertyName',
	type: 'string',
	default: 'data',
	required: true,
	hint: 'The name of the output binary field to put the file in',
};

export const MIME = {
	pdf: 'application/pdf',
	xml: 'application/xml',
} as const;

/** The longest a part of a file name gets (a company name of 300 characters, say). */
const MAX_PART = 60;
/** File systems stop at 255 bytes for a name; names here are ASCII, one byte per character. */
const MAX_NAME = 255;

/**
 * A file name from its parts: `payslips_acme-bv_2026_11.pdf`; ASCII letters, digits, `-` and `_`
 * only, each part at most 60 characters and the whole at most 255 bytes.
 */
export function fileName(
	parts: Array<string | number | undefined | null>,
	extension: string,
): string {
	const cleaned = parts
		.filter((p) => p !== undefined && p !== null && String(p).trim() !== '')
		.map((p) =>
			String(p)
				.normalize('NFKD')
				.replace(/[\u0300-\u036f]/g, '')
				.toLowerCase()
				.replace(/[^a-z0-9]+/g, '-')
				.slice(0, MAX_PART)
				.replace(/^-|-$/g, ''),
		)
		.filter((p) => p !== '');
	const base = (cleaned.join('_') || 'document').slice(0, MAX_NAME - extension.length - 1);
	return `${base}.${extension}`;
}

/** How a document's name begins: what it is, whose it is, and when. */
interface DocumentOf {
	company: string;
	year: number | undefined;
	period: number | undefined;
}

/**
 * The one name of a payroll run's document, in the action node and the trigger alike:
 * `payslips_acme-bv_2026_11_run-2.pdf` (the run's number keeps two runs of a period apart), then
 * any parts of its own (the employee of a payslip).
 */
export function runFileName(
	kind: string,
	of: DocumentOf & { runNumber: number },
	extension: 'pdf' | 'xml',
	parts: Array<string | number | undefined> = [],
): string {
	return fileName(
		[kind, of.company, of.year, of.period, `run ${of.runNumber}`, ...parts],
		extension,
	);
}

/**
 * The one name of a company's export of a period (a wage tax declaration, a pension export), in
 * the action node and the trigger alike: `wage-tax-declaration_acme-bv_2026_6_50012.xml` (the ID
 * keeps a correction apart from the regular export of its period).
 */
export function periodExportFileName(
	kind: 'wage-tax-declaration' | 'pension-export',
	of: DocumentOf & { id: number | string },
): string {
	return fileName([kind, of.company, of.year, of.period, of.id], 'xml');
}

/** The output field named in "Put Output File in Field" for item i. */
export function readBinaryField(this: IExecuteFunctions, itemIndex: number): string {
	const field = String(this.getNodeParameter('binaryPropertyName', itemIndex, 'data') ?? '').trim();
	if (field === '') {
		throw new NodeOperationError(this.getNode(), 'Put Output File in Field is empty', {
			itemIndex,
			description: 'Name the output field the file goes into, e.g. data.',
		});
	}
	return field;
}

export interface Document {
	data: Buffer;
	fileName: string;
	mimeType: string;
}

/** What documentItem needs of n8n: the action node's and the trigger's contexts both offer it. */
export interface BinaryContext {
	helpers: Pick<IExecuteFunctions['helpers'], 'prepareBinaryData'>;
}

/**
 * One item holding a document as binary, with its describing JSON, paired with item i (a
 * trigger's items have no input item: undefined leaves pairedItem out).
 */
export async function documentItem(
	this: BinaryContext,
	document: Document,
	json: IDataObject,
	itemIndex: number | undefined,
	field: string,
): Promise<INodeExecutionData> {
	const binary = await this.helpers.prepareBinaryData(
		document.data,
		document.fileName,
		document.mimeType,
	);
	return {
		json: {
			...json,
			fileName: document.fileName,
			mimeType: document.mimeType,
			fileSize: document.data.length,
		},
		binary: { [field]: binary },
		...(itemIndex === undefined ? {} : { pairedItem: { item: itemIndex } }),
	};
}
