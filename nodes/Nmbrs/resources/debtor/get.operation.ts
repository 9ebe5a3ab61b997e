import { isRecord, nmbrsRequest } from '../../glue/request';
import { locatorProperty, readLocator } from '../../common/locators';
import { returnRows } from '../../common/rows';
import type { NmbrsOperation } from '../types';

export const get: NmbrsOperation = {
	name: 'Get',
	description: 'Get one debtor (client administration) by its ID: its ID, number and name',
	action: 'Get a debtor',
	properties: [locatorProperty('debtor')],
	calls: ['DebtorService.Debtor_Get'],
	async execute(itemIndex) {
		const debtorId = readLocator.call(this, 'debtor', itemIndex);
		const debtor = await nmbrsRequest(
			this,
			'DebtorService.Debtor_Get',
			{ DebtorId: debtorId },
			itemIndex,
		);
		return returnRows.call(this, isRecord(debtor) ? [debtor] : [], itemIndex);
	},
};
