import { recordListOperation } from '../shared/recordList';

export const getMany = recordListOperation({
	name: 'Get Many',
	description: 'Get many debtors (the client administrations the API user can see)',
	action: 'Get many debtors',
	call: 'DebtorService.List_GetAll',
	locators: [],
	limited: true,
});
