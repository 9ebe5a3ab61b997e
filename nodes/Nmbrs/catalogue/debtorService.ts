/** Curated DebtorService operations (facts: the 2017 v2.1 DebtorService WSDL, the only one found). */
import { curatedEntries, type CuratedEntry } from './curated';
import type { Operation } from './types';

const WSDL_2017 = 'DebtorService WSDL (2017, v2.1)';

/** The debtor's webhook settings: v3 only, shapes from one v3 SDK (REFERENCE.md, Webhooks). */
const webhook = curatedEntries(
	'DebtorService',
	'v3-only; shapes from one v3 SDK (REFERENCE.md, Webhooks)',
);
const webhookEntry = (entry: CuratedEntry): Operation =>
	webhook({
		...entry,
		source: 'v3-code',
		v3Differences: [
			{
				kind: 'v3-only',
				note: 'not in the v2.1 WSDL; result element names follow the ASMX pattern',
				source: 'inferred',
			},
		],
	});

export const debtorOperations: Operation[] = [
	{
		service: 'DebtorService',
		name: 'Environment_Get',
		params: [],
		result: { name: 'Environment_GetResult', type: 'type:Environment', optional: true },
		auth: 'AuthHeader',
		access: 'read',
		source: 'v3-code',
		sourceNote: 'two v3 code bases call it with a plain AuthHeader and read Domain and SubDomain',
		v3Differences: [
			{
				kind: 'v3-only',
				note: 'not in the v2.1 WSDL; the result element name Environment_GetResult follows the ASMX pattern',
				source: 'inferred',
			},
		],
		description:
			'Find the tenant (sub)domain of the API user: the one call that takes AuthHeader without Domain',
	},
	{
		service: 'DebtorService',
		name: 'List_GetAll',
		params: [],
		result: { name: 'List_GetAllResult', type: 'type:Debtor', listItem: 'Debtor', optional: true },
		auth: 'AuthHeaderWithDomain',
		access: 'read',
		source: 'wsdl',
		sourceNote: WSDL_2017,
		description: 'All debtors the API user can see',
	},
	{
		service: 'DebtorService',
		name: 'Debtor_Get',
		params: [{ name: 'DebtorId', type: 'int' }],
		result: { name: 'Debtor_GetResult', type: 'type:Debtor', optional: true },
		auth: 'AuthHeaderWithDomain',
		access: 'read',
		source: 'wsdl',
		sourceNote: WSDL_2017,
		description: 'One debtor',
	},
	{
		service: 'DebtorService',
		name: 'Department_GetList',
		params: [{ name: 'DebtorId', type: 'int' }],
		result: {
			name: 'Department_GetListResult',
			type: 'type:Department',
			listItem: 'Department',
			optional: true,
		},
		auth: 'AuthHeaderWithDomain',
		access: 'read',
		source: 'wsdl',
		sourceNote: WSDL_2017,
		description: 'Departments defined for a debtor',
	},
	{
		service: 'DebtorService',
		name: 'Function_GetList',
		params: [{ name: 'DebtorId', type: 'int' }],
		result: {
			name: 'Function_GetListResult',
			type: 'type:Function',
			listItem: 'Function',
			optional: true,
		},
		auth: 'AuthHeaderWithDomain',
		access: 'read',
		source: 'wsdl',
		sourceNote: WSDL_2017,
		description: 'Job functions defined for a debtor',
	},
	webhookEntry({
		name: 'WebhookSettings_Get',
		params: [{ name: 'DebtorId', type: 'int' }],
		result: {
			name: 'WebhookSettings_GetResult',
			type: 'type:WebhookSetting',
			listItem: 'WebhookSetting',
			optional: true,
		},
		description: "The debtor's webhook settings: where Nmbrs posts which events",
	}),
	webhookEntry({
		name: 'WebhookSettings_GetEvents',
		params: [],
		result: {
			name: 'WebhookSettings_GetEventsResult',
			type: 'type:WebhookEvent',
			listItem: 'WebhookEvent',
			optional: true,
		},
		description: 'The events a webhook setting can name (run finished, declaration created...)',
	}),
	webhookEntry({
		name: 'WebhookSettings_Insert',
		params: [
			{ name: 'DebtorId', type: 'int' },
			{ name: 'WebhookSetting', type: 'type:WebhookSetting', optional: true },
		],
		result: { name: 'WebhookSettings_InsertResult', type: 'int' },
		access: 'write',
		description: 'Add a webhook setting to a debtor (the endpoint must be https://: 2044)',
	}),
	webhookEntry({
		name: 'WebhookSettings_Delete',
		params: [
			{ name: 'DebtorId', type: 'int' },
			{ name: 'WebhookSettingId', type: 'int' },
		],
		result: { name: 'WebhookSettings_DeleteResult', type: 'boolean' },
		access: 'write',
		description: 'Remove a webhook setting from a debtor',
	}),
];
