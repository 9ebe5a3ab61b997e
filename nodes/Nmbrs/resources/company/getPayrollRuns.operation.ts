import { asList, nmbrsRequest } from '../../glue/request';
import { locatorProperty, readLocator } from '../../common/locators';
import { returnRows } from '../../common/rows';
import { readYear, yearProperty } from '../shared/year';
import type { NmbrsOperation } from '../types';

export const getPayrollRuns: NmbrsOperation = {
	name: 'Get Payroll Runs',
	description:
		'Get the payroll runs (verlonings) of a company in a year: run ID, number, period, description, when it ran and whether it is locked',
	action: 'Get payroll runs of a company',
	properties: [locatorProperty('company'), yearProperty('the runs')],
	calls: ['CompanyService.Run_GetList'],
	async execute(itemIndex) {
		const companyId = readLocator.call(this, 'company', itemIndex);
		const year = readYear.call(this, itemIndex);
		const rows = asList(
			await nmbrsRequest(
				this,
				'CompanyService.Run_GetList',
				{ CompanyId: companyId, Year: year },
				itemIndex,
			),
		);
		return returnRows.call(this, rows, itemIndex, { extra: { CompanyId: companyId } });
	},
};
