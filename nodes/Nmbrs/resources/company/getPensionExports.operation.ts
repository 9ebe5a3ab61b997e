import { recordListOperation } from '../shared/recordList';

export const getPensionExports = recordListOperation({
	name: 'Get Pension Exports',
	description:
		'Get the pension exports of a company in a year: period, status and when each was sent to the pension fund',
	action: 'Get pension exports of a company',
	call: 'CompanyService.PensionExport_GetList',
	locators: [['company', 'CompanyId']],
	year: { param: 'intYear', of: 'the pension exports' },
});
