import { parseStatusList } from '../../glue/parameters';
import { isRecord } from '../../glue/request';
import { recordListOperation } from '../shared/recordList';

export const getWageTaxDeclarations = recordListOperation({
	name: 'Get Wage Tax Declarations',
	description: 'Get the wage tax declarations of a company in a year',
	action: 'Get wage tax declarations of a company',
	call: 'CompanyService.WageTax_GetList',
	locators: [['company', 'CompanyId']],
	year: { param: 'intYear', of: 'the declarations' },
	filter: {
		options: [
			{
				displayName: 'Statuses',
				name: 'statuses',
				type: 'string',
				default: '',
				placeholder: 'e.g. locked, sent',
				description:
					'Only declarations with one of these statuses (comma-separated, case does not matter); empty returns all',
			},
		],
		keep: (row, options) => {
			const wanted = parseStatusList(options.statuses);
			return (
				wanted.length === 0 ||
				(isRecord(row) && wanted.includes(String(row.Status ?? '').toLowerCase()))
			);
		},
	},
});
