import { recordListOperation } from '../shared/recordList';

export const get = recordListOperation({
	name: 'Get',
	description: 'Get one debtor (client administration) by its ID: its ID, number and name',
	action: 'Get a debtor',
	call: 'DebtorService.Debtor_Get',
	locators: [['debtor', 'DebtorId']],
	single: true,
	itself: true,
});
