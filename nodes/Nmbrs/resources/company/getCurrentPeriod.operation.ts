import { currentPeriodOf } from '../shared/period';
import { locatorProperty, readLocator } from '../../common/locators';
import { returnRows } from '../../common/rows';
import type { NmbrsOperation } from '../types';

export const getCurrentPeriod: NmbrsOperation = {
	name: 'Get Current Period',
	description:
		"Get a company's current payroll period: year, period number, period type (month, 4weeks or week), the number of periods in that year, and Nmbrs' own text (e.g. 2026-11-M)",
	action: 'Get the current payroll period of a company',
	properties: [locatorProperty('company')],
	calls: ['CompanyService.Company_GetCurrentPeriod'],
	async execute(itemIndex) {
		const companyId = readLocator.call(this, 'company', itemIndex);
		const current = await currentPeriodOf.call(this, companyId, itemIndex);
		return returnRows.call(
			this,
			[
				{
					CompanyId: companyId,
					year: current.year,
					period: current.period,
					periodType: current.periodType,
					periodsPerYear: current.periodsPerYear,
					raw: current.raw,
				},
			],
			itemIndex,
		);
	},
};
