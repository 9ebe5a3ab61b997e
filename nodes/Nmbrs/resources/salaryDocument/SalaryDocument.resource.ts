import type { NmbrsResource } from '../types';
import { getAnnualStatement } from './getAnnualStatement.operation';
import { getJournal } from './getJournal.operation';
import { getPayslips } from './getPayslips.operation';
import { getPensionExportXml } from './getPensionExportXml.operation';
import { getSepaFile } from './getSepaFile.operation';
import { getWageTaxDeclarationXml } from './getWageTaxDeclarationXml.operation';
import { getYearEndDocument } from './getYearEndDocument.operation';

export const salaryDocument: NmbrsResource = {
	value: 'salaryDocument',
	name: 'Salary Document',
	operations: {
		getPayslips,
		getAnnualStatement,
		getYearEndDocument,
		getWageTaxDeclarationXml,
		getPensionExportXml,
		getSepaFile,
		getJournal,
	},
	defaultOperation: 'getPayslips',
};
