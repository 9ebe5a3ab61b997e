import { recordListOperation } from '../shared/recordList';

export const getWageCodes = recordListOperation({
	name: 'Get Wage Codes',
	description:
		"Get the wage codes of a company's wage model (code and description, e.g. a travel allowance): what an expense or allowance tool maps its types to",
	action: 'Get the wage codes of a company',
	call: 'CompanyService.WageModel_GetWageCodes',
	locators: [['company', 'CompanyId']],
});
