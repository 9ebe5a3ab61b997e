import { NodeOperationError } from 'n8n-workflow';

import { isNmbrsFault, nmbrsFaultCode, nmbrsRequest, refusedWrite } from '../../glue/request';
import { settle } from '../../support/outcome';
import { parseBoolean } from '../../glue/parameters';
import { locatorProperty, readLocator } from '../../common/locators';
import { returnRows } from '../../common/rows';
import { yearProperty } from '../shared/year';
import type { NmbrsOperation } from '../types';

/** Nmbrs' fault for a declaration that was already sent (by Nmbrs or marked before). */
const ALREADY_SENT = 2012;

export const markWageTaxDeclarationSent: NmbrsOperation = {
	name: 'Mark Wage Tax Declaration as Sent Externally',
	description:
		'Mark a wage tax declaration of a company as sent to the tax authority by another party, so Nmbrs does not send it. Output: which declaration was marked, or alreadySent true when it had been sent already. Running it again is safe: with Already Sent Is OK on, a declaration marked before is a success.',
	action: 'Mark a wage tax declaration as sent externally',
	properties: [
		locatorProperty('company'),
		{
			...yearProperty('the declarations to pick from'),
			description:
				'Only used to list the declarations to pick from: the year they are of. Empty lists the current year. A declaration given by ID needs no year.',
		},
		locatorProperty('declaration'),
		{
			displayName: 'Already Sent Is OK',
			name: 'alreadySentIsOk',
			type: 'boolean',
			default: true,
			description:
				'Whether a declaration that was already sent counts as success (the item then says alreadySent: true) instead of an error. Keep it on so that running the workflow again does no harm.',
		},
	],
	calls: ['CompanyService.WageTax_SetSentExternal'],
	recordKey(itemIndex) {
		const companyId = readLocator.call(this, 'company', itemIndex);
		const declarationId = readLocator.call(this, 'declaration', itemIndex);
		return `declaration:${companyId}:${declarationId}`;
	},
	async execute(itemIndex) {
		const companyId = readLocator.call(this, 'company', itemIndex);
		const declarationId = readLocator.call(this, 'declaration', itemIndex);
		const alreadySentIsOk = parseBoolean(
			this.getNode(),
			this.getNodeParameter('alreadySentIsOk', itemIndex, true),
			'Already Sent Is OK',
			itemIndex,
		);
		const what = `wage tax declaration ${declarationId} of company ${companyId}`;
		const result = { CompanyId: companyId, LoonaangifteID: declarationId };
		const marking = await settle(
			nmbrsRequest(
				this,
				'CompanyService.WageTax_SetSentExternal',
				{ LoonaangifteID: declarationId, CompanyId: companyId },
				itemIndex,
			),
		);
		if (!marking.ok) {
			if (alreadySentIsOk && nmbrsFaultCode(marking.error) === ALREADY_SENT) {
				return returnRows.call(
					this,
					[
						{
							...result,
							sentExternally: false,
							alreadySent: true,
							changed: `Nothing: ${what} was already sent.`,
						},
					],
					itemIndex,
				);
			}
			// Only a fault proves Nmbrs refused the change; after anything else the transport's
			// message already says it may have been made and to check Nmbrs first.
			throw isNmbrsFault(marking.error)
				? refusedWrite(marking.error, `to mark ${what} as sent externally`)
				: marking.error;
		}
		const marked = marking.value;
		if (marked === false) {
			// The call answers a boolean; what false means is not documented, so it is no success.
			throw new NodeOperationError(
				this.getNode(),
				`Nmbrs did not mark ${what} as sent externally`,
				{
					itemIndex,
					description:
						'Nmbrs answered false: it reports the declaration as not marked. Check its status with Get Wage Tax Declarations before running this again.',
				},
			);
		}
		return returnRows.call(
			this,
			[
				{
					...result,
					sentExternally: true,
					alreadySent: false,
					changed: `Marked ${what} as sent externally.`,
				},
			],
			itemIndex,
		);
	},
};
