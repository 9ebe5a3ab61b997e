import { PENSION_EXPORT } from '../../common/periodExports';
import { periodExportXmlOperation } from './shared';

export const getPensionExportXml = periodExportXmlOperation({
	...PENSION_EXPORT,
	name: 'Get Pension Export XML',
	description:
		"Get the XML file of a pension export (the period's pension data sent to the pension fund) as an XML file, or parsed as JSON (BSNs left out unless asked for)",
	action: 'Get the XML of a pension export',
	locator: 'pensionExport',
	bsn: true,
});
