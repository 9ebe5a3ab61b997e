import { periodExportXmlOperation } from './shared';

export const getPensionExportXml = periodExportXmlOperation({
	name: 'Get Pension Export XML',
	description:
		"Get the XML file of a pension export (the period's pension data sent to the pension fund) as an XML file, or parsed as JSON (BSNs left out unless asked for)",
	action: 'Get the XML of a pension export',
	locator: 'pensionExport',
	kind: 'pension-export',
	what: 'pension export',
	list: 'CompanyService.PensionExport_GetList',
	xml: 'CompanyService.PensionExport_GetXML',
	idField: 'PensionExportID',
	bsn: true,
});
