import { asRecords, cachedRequest, nmbrsRequest } from '../../glue/request';
import { declarationFileName } from '../../common/binary';
import { locatorProperty, readLocator } from '../../common/locators';
import type { NmbrsOperation } from '../types';
import { companyName, readXmlOutput, xmlDocumentItem, xmlOutputProperties } from './shared';
import { readYear, yearProperty } from '../shared/year';

export const getWageTaxDeclarationXml: NmbrsOperation = {
	name: 'Get Wage Tax Declaration XML',
	description:
		'Get the XML message of a wage tax declaration as an XML file, or parsed as JSON (BSNs left out unless asked for)',
	action: 'Get the XML of a wage tax declaration',
	properties: [
		locatorProperty('company'),
		yearProperty('the declaration; the list shows the declarations of this year'),
		locatorProperty('declaration'),
		...xmlOutputProperties({ bsn: true }),
	],
	calls: [
		'CompanyService.List_GetAll',
		'CompanyService.WageTax_GetList',
		'CompanyService.WageTax_GetXML',
	],
	async execute(itemIndex) {
		const companyId = readLocator.call(this, 'company', itemIndex);
		const year = readYear.call(this, itemIndex);
		const declarationId = readLocator.call(this, 'declaration', itemIndex);
		const output = readXmlOutput.call(this, itemIndex);
		const xml = await nmbrsRequest(
			this,
			'CompanyService.WageTax_GetXML',
			{ LoonaangifteID: declarationId, CompanyId: companyId },
			itemIndex,
		);
		// The declaration's period for the file name, from the year's list (read once per execution);
		// a declaration typed by ID with another year is named without it.
		const declaration = asRecords(
			await cachedRequest(
				this,
				'CompanyService.WageTax_GetList',
				{ CompanyId: companyId, intYear: year },
				itemIndex,
			),
		).find((row) => Number(row.LoonaangifteID) === declarationId);
		const company = await companyName.call(this, companyId, itemIndex);
		const period = declaration === undefined ? undefined : Number(declaration.Period);
		return [
			await xmlDocumentItem.call(
				this,
				xml,
				output,
				{
					fileName: declarationFileName({
						company,
						year: declaration === undefined ? undefined : year,
						period,
						declarationId,
					}),
					json: {
						CompanyId: companyId,
						LoonaangifteID: declarationId,
						Year: declaration === undefined ? null : year,
						Period: period ?? null,
						Status: declaration === undefined ? null : String(declaration.Status ?? ''),
					},
					what: `XML of wage tax declaration ${declarationId}`,
				},
				itemIndex,
			),
		];
	},
};
