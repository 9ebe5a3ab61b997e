import { recordListOperation } from '../shared/recordList';

export const getFunctions = recordListOperation({
	name: 'Get Functions',
	description:
		'Get the job functions defined for a debtor (ID, code, description); employees of its companies are assigned to these',
	action: 'Get job functions of a debtor',
	call: 'DebtorService.Function_GetList',
	locators: [['debtor', 'DebtorId']],
	limited: true,
});
