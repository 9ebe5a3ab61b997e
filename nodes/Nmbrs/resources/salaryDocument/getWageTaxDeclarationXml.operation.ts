import { WAGE_TAX_DECLARATION } from '../../common/periodExports';
import { periodExportXmlOperation } from './shared';

export const getWageTaxDeclarationXml = periodExportXmlOperation({
	...WAGE_TAX_DECLARATION,
	name: 'Get Wage Tax Declaration XML',
	description:
		'Get the XML message of a wage tax declaration as an XML file, or parsed as JSON (BSNs left out unless asked for)',
	action: 'Get the XML of a wage tax declaration',
	locator: 'declaration',
	bsn: true,
});
