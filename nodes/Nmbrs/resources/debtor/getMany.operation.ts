import { asList, nmbrsRequest } from '../../glue/request';
import { readLimit, returnAllProperties, returnRows } from '../../common/rows';
import type { NmbrsOperation } from '../types';

export const getMany: NmbrsOperation = {
	name: 'Get Many',
	description: 'Get many debtors (the client administrations the API user can see)',
	action: 'Get many debtors',
	properties: [...returnAllProperties],
	calls: ['DebtorService.List_GetAll'],
	async execute(itemIndex) {
		const limit = readLimit.call(this, itemIndex);
		const rows = asList(await nmbrsRequest(this, 'DebtorService.List_GetAll', {}, itemIndex));
		return returnRows.call(this, rows, itemIndex, { limit });
	},
};
