import { asList, isRecord, nmbrsRequest } from '../../glue/request';
import { parseStatusList } from '../../glue/parameters';
import { locatorProperty, readLocator } from '../../common/locators';
import { returnRows } from '../../common/rows';
import { readYear, yearProperty } from '../shared/year';
import type { NmbrsOperation } from '../types';
import { optionsCollection } from '../shared/options';

export const getWageTaxDeclarations: NmbrsOperation = {
	name: 'Get Wage Tax Declarations',
	description: 'Get the wage tax declarations of a company in a year',
	action: 'Get wage tax declarations of a company',
	properties: [
		locatorProperty('company'),
		yearProperty('the declarations'),
		optionsCollection([
			{
				displayName: 'Statuses',
				name: 'statuses',
				type: 'string',
				default: '',
				placeholder: 'e.g. locked, sent',
				description:
					'Only declarations with one of these statuses (comma-separated, case does not matter); empty returns all',
			},
		]),
	],
	calls: ['CompanyService.WageTax_GetList'],
	async execute(itemIndex) {
		const companyId = readLocator.call(this, 'company', itemIndex);
		const year = readYear.call(this, itemIndex);
		const options = this.getNodeParameter('options', itemIndex, {}) as { statuses?: string };
		const wanted = parseStatusList(options.statuses);
		const rows = asList(
			await nmbrsRequest(
				this,
				'CompanyService.WageTax_GetList',
				{ CompanyId: companyId, intYear: year },
				itemIndex,
			),
		).filter(
			(row) =>
				wanted.length === 0 ||
				(isRecord(row) && wanted.includes(String(row.Status ?? '').toLowerCase())),
		);
		return returnRows.call(this, rows, itemIndex, { extra: { CompanyId: companyId } });
	},
};
