import { periodRecordOperation } from './periodRecord';

export const getAddresses = periodRecordOperation({
	name: 'Get Addresses',
	description:
		"Get an employee's addresses (home, postal and other types, one item each) as valid in the company's current period or in a period you give",
	action: 'Get the addresses of an employee',
	what: 'the addresses',
	current: 'EmployeeService.Address_GetListCurrent',
	inPeriod: 'EmployeeService.Address_GetList',
});
