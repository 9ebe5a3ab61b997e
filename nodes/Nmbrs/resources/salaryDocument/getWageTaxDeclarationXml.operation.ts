import { periodExportXmlOperation } from './shared';

export const getWageTaxDeclarationXml = periodExportXmlOperation({
	name: 'Get Wage Tax Declaration XML',
	description:
		'Get the XML message of a wage tax declaration as an XML file, or parsed as JSON (BSNs left out unless asked for)',
	action: 'Get the XML of a wage tax declaration',
	locator: 'declaration',
	kind: 'wage-tax-declaration',
	what: 'wage tax declaration',
	list: 'CompanyService.WageTax_GetList',
	xml: 'CompanyService.WageTax_GetXML',
	idField: 'LoonaangifteID',
	bsn: true,
});
