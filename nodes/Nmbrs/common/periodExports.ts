/**
 * A company's export of a period (a wage tax declaration, a pension export): listed per year, with
 * a free-text status, and an XML fetched by its ID. The action node's Get … XML operations and the
 * trigger's Reached Status events are built from these.
 */
export interface PeriodExport {
	/** Its name in files. */
	kind: 'wage-tax-declaration' | 'pension-export';
	/** Its name in messages. */
	what: string;
	list: 'CompanyService.WageTax_GetList' | 'CompanyService.PensionExport_GetList';
	xml: 'CompanyService.WageTax_GetXML' | 'CompanyService.PensionExport_GetXML';
	/** Its ID field in the list, and the XML call's parameter for it. */
	idField: 'LoonaangifteID' | 'PensionExportID';
}

export const WAGE_TAX_DECLARATION: PeriodExport = {
	kind: 'wage-tax-declaration',
	what: 'wage tax declaration',
	list: 'CompanyService.WageTax_GetList',
	xml: 'CompanyService.WageTax_GetXML',
	idField: 'LoonaangifteID',
};

export const PENSION_EXPORT: PeriodExport = {
	kind: 'pension-export',
	what: 'pension export',
	list: 'CompanyService.PensionExport_GetList',
	xml: 'CompanyService.PensionExport_GetXML',
	idField: 'PensionExportID',
};
