import { asList, nmbrsRequest } from '../../glue/request';
import { parseYearOrCurrent } from '../../glue/parameters';
import { locatorProperty, readLocator } from '../shared/locators';
import { returnRows } from '../shared/rows';
import type { NmbrsOperation } from '../types';

export const getPayrollRuns: NmbrsOperation = {
	name: 'Get Payroll Runs',
	description:
		'Get the payroll runs (verlonings) of a company in a year: run ID, number, period, description, when it ran and whether it is locked',
	action: 'Get payroll runs of a company',
	properties: [
		locatorProperty('company'),
		{
			displayName: 'Year',
			name: 'year',
			type: 'string',
			default: '',
			placeholder: 'e.g. 2025',
			description:
				'The payroll year of the runs (2000–2100). Leave empty for the current year (Dutch time), so the workflow keeps working next year.',
		},
	],
	calls: ['CompanyService.Run_GetList'],
	async execute(itemIndex) {
		const companyId = readLocator.call(this, 'company', itemIndex);
		const year = parseYearOrCurrent(
			this.getNode(),
			this.getNodeParameter('year', itemIndex, ''),
			'Year',
			itemIndex,
		);
		const rows = asList(
			await nmbrsRequest.call(
				this,
				'CompanyService.Run_GetList',
				{ CompanyId: companyId, Year: year },
				itemIndex,
			),
		);
		return returnRows.call(this, rows, itemIndex, { extra: { CompanyId: companyId } });
	},
};
