import { recordListOperation } from '../shared/recordList';

export const getDepartments = recordListOperation({
	name: 'Get Departments',
	description:
		'Get the departments defined for a debtor (ID, code, description); employees of its companies are assigned to these',
	action: 'Get departments of a debtor',
	call: 'DebtorService.Department_GetList',
	locators: [['debtor', 'DebtorId']],
	limited: true,
});
