import type {
	IHookFunctions,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { locatorOptions } from './common/locators';
import { engineProperties, runTrigger } from './trigger/engine';
import { EVENT_SUBTITLE, eventProperties, events } from './trigger/events/index';
import { forget, inTurn, isRefusal, readDelivery, remember } from './trigger/webhook/delivery';
import { baseline } from './trigger/webhook/baseline';
import { createSettings, deleteSettings, settingsExist } from './trigger/webhook/settings';

/** Webhook settings are per debtor: every debtor, or chosen ones (no single companies). */
const scopeProperties: INodeProperties[] = engineProperties
	.filter((p) => ['scope', 'debtorIds', 'previousYearUntil'].includes(p.name))
	.map((p) =>
		p.name === 'scope'
			? {
					...p,
					options: (p.options ?? []).filter((o) => 'value' in o && o.value !== 'companies'),
				}
			: p,
	);

export class NmbrsWebhookTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Nmbrs Webhook Trigger',
		name: 'nmbrsWebhookTrigger',
		icon: { light: 'file:../../icons/nmbrs.svg', dark: 'file:../../icons/nmbrs.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: EVENT_SUBTITLE,
		description:
			'Starts the workflow as soon as Nmbrs reports a locked payroll run or a wage tax declaration reaching a status (webhooks)',
		defaults: { name: 'Nmbrs Webhook Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'nmbrsApi', required: true }],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: [
			{
				displayName:
					"Nmbrs posts to this workflow's production URL, which must be an https:// address that Nmbrs can reach from the internet (it refuses others with fault 2044). For an n8n that the internet cannot reach, use the Nmbrs Trigger: it polls.",
				name: 'notice',
				type: 'notice',
				default: '',
			},
			...eventProperties(
				(event) =>
					`${event.description}. Nmbrs wakes the workflow on: ${event.wakesOn.join(', ')}.`,
			),
			...scopeProperties,
		],
	};

	methods = {
		loadOptions: {
			debtorOptions: locatorOptions('debtor'),
		},
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await settingsExist(this, events);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				forget(this);
				// What exists now is recorded before Nmbrs can post: the first delivery emits only what is new.
				if (this.getMode() !== 'manual') {
					await baseline(this, events);
					remember(this);
				}
				await createSettings(this, events);
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				forget(this);
				await deleteSettings(this);
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const wake = readDelivery(this);
		if (isRefusal(wake)) {
			this.getResponseObject().status(wake.status).json({ error: wake.message });
			return { noWebhookResponse: true };
		}
		const items = await inTurn(this, wake, async (context, merged) =>
			runTrigger(context, events, merged),
		);
		if (items === null) return { webhookResponse: { received: true } };
		return { workflowData: items };
	}
}
