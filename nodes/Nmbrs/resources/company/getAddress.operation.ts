import { isRecord, nmbrsRequest } from '../../glue/request';
import { locatorProperty, readLocator } from '../../common/locators';
import { returnRows } from '../../common/rows';
import type { NmbrsOperation } from '../types';

export const getAddress: NmbrsOperation = {
	name: 'Get Address',
	description:
		"Get a company's current address (street, house number, postal code, city, country); no item when Nmbrs has none",
	action: 'Get the address of a company',
	properties: [locatorProperty('company')],
	calls: ['CompanyService.Address_GetCurrent'],
	async execute(itemIndex) {
		const companyId = readLocator.call(this, 'company', itemIndex);
		const address = await nmbrsRequest(
			this,
			'CompanyService.Address_GetCurrent',
			{ CompanyId: companyId },
			itemIndex,
		);
		return returnRows.call(this, isRecord(address) ? [address] : [], itemIndex, {
			extra: { CompanyId: companyId },
		});
	},
};
