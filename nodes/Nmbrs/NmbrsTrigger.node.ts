import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { locatorOptions } from './common/locators';
import { engineProperties, poll } from './trigger/engine';
import { EVENT_SUBTITLE, eventProperties, events } from './trigger/events/index';

export class NmbrsTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Nmbrs Trigger',
		name: 'nmbrsTrigger',
		icon: { light: 'file:../../icons/nmbrs.svg', dark: 'file:../../icons/nmbrs.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: EVENT_SUBTITLE,
		description:
			'Starts the workflow when a wage tax declaration in Nmbrs reaches a status, or a payroll run is locked',
		defaults: { name: 'Nmbrs Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'nmbrsApi', required: true }],
		properties: [...eventProperties((event) => event.description), ...engineProperties],
	};

	methods = {
		loadOptions: {
			companyOptions: locatorOptions('company'),
			debtorOptions: locatorOptions('debtor'),
		},
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await poll.call(this, events);
	}
}
