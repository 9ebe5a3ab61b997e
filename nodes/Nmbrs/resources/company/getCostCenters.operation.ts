import { recordListOperation } from '../shared/recordList';

export const getCostCenters = recordListOperation({
	name: 'Get Cost Centers',
	description:
		"Get a company's cost centers (ID, code and description): what hours and allowances can be booked on",
	action: 'Get the cost centers of a company',
	call: 'CompanyService.CostCenter_GetList',
	locators: [['company', 'CompanyId']],
});
