import { recordListOperation } from '../shared/recordList';

export const getAddress = recordListOperation({
	name: 'Get Address',
	description:
		"Get a company's current address (street, house number, postal code, city, country); no item when Nmbrs has none",
	action: 'Get the address of a company',
	call: 'CompanyService.Address_GetCurrent',
	locators: [['company', 'CompanyId']],
	single: true,
});
