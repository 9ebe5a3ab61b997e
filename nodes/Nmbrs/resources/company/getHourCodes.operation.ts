import { recordListOperation } from '../shared/recordList';

export const getHourCodes = recordListOperation({
	name: 'Get Hour Codes',
	description:
		"Get the hour codes of a company's hour model (code and description, e.g. 1 worked hours): what a planning or time-tracking tool maps its hour types to",
	action: 'Get the hour codes of a company',
	call: 'CompanyService.HourModel_GetHourCodes',
	locators: [['company', 'CompanyId']],
});
