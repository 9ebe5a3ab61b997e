import { NodeOperationError } from 'n8n-workflow';

import { asRecords, cachedRequest } from '../../glue/request';
import { locatorProperty, readLocator } from '../../common/locators';
import { returnRows } from '../../common/rows';
import type { NmbrsOperation } from '../types';

export const get: NmbrsOperation = {
	name: 'Get',
	description:
		'Get one company (employer) by its ID: number, name, contact details, KvK number and wage tax declaration frequency',
	action: 'Get a company',
	properties: [locatorProperty('company')],
	// Nmbrs has no call for one company: the list of all is read once per execution and filtered.
	calls: ['CompanyService.List_GetAll'],
	async execute(itemIndex) {
		const companyId = readLocator.call(this, 'company', itemIndex);
		const companies = asRecords(
			await cachedRequest(this, 'CompanyService.List_GetAll', {}, itemIndex),
		);
		const company = companies.find((row) => Number(row.ID) === companyId);
		if (company === undefined) {
			throw new NodeOperationError(
				this.getNode(),
				`No company with Company ID ${companyId} found`,
				{
					itemIndex,
					description:
						'The company does not exist, or the API user cannot see it (debtor filters or tags on the user). Check the Company ID; Company → Get Many lists the companies this login can see.',
				},
			);
		}
		return returnRows.call(this, [company], itemIndex);
	},
};
