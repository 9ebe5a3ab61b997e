import { asList, nmbrsRequest } from '../../glue/request';
import { locatorProperty, readLocator } from '../../common/locators';
import { readLimit, returnAllProperties, returnRows } from '../../common/rows';
import type { NmbrsOperation } from '../types';

export const getMany: NmbrsOperation = {
	name: 'Get Many',
	description: 'Get many companies: all the API user can see, or those of one debtor',
	action: 'Get many companies',
	properties: [
		{
			displayName: 'Companies',
			name: 'scope',
			type: 'options',
			options: [
				{ name: 'All', value: 'all', description: 'Every company the API user can see' },
				{ name: 'Of One Debtor', value: 'debtor', description: 'The companies of one debtor' },
			],
			default: 'all',
		},
		locatorProperty('debtor', { displayOptions: { show: { scope: ['debtor'] } } }),
		...returnAllProperties,
	],
	calls: ['CompanyService.List_GetAll', 'CompanyService.List_GetByDebtor'],
	async execute(itemIndex) {
		const scope = this.getNodeParameter('scope', itemIndex, 'all') as string;
		const debtorId = scope === 'debtor' ? readLocator.call(this, 'debtor', itemIndex) : undefined;
		const limit = readLimit.call(this, itemIndex);
		const result =
			debtorId === undefined
				? await nmbrsRequest(this, 'CompanyService.List_GetAll', {}, itemIndex)
				: await nmbrsRequest(
						this,
						'CompanyService.List_GetByDebtor',
						{ DebtorId: debtorId },
						itemIndex,
					);
		return returnRows.call(this, asList(result), itemIndex, { limit });
	},
};
