import { asList, nmbrsRequest } from '../../glue/request';
import { locatorProperty, readLocator } from '../shared/locators';
import { readLimit, returnAllProperties, returnRows } from '../shared/rows';
import type { NmbrsOperation } from '../types';

export const getFunctions: NmbrsOperation = {
	name: 'Get Functions',
	description:
		'Get the job functions defined for a debtor (ID, code, description); employees of its companies are assigned to these',
	action: 'Get job functions of a debtor',
	properties: [locatorProperty('debtor'), ...returnAllProperties],
	calls: ['DebtorService.Function_GetList'],
	async execute(itemIndex) {
		const debtorId = readLocator.call(this, 'debtor', itemIndex);
		const limit = readLimit.call(this, itemIndex);
		const rows = asList(
			await nmbrsRequest.call(
				this,
				'DebtorService.Function_GetList',
				{ DebtorId: debtorId },
				itemIndex,
			),
		);
		return returnRows.call(this, rows, itemIndex, { limit, extra: { DebtorId: debtorId } });
	},
};
