import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';

import { pollWageTaxDeclarations } from './trigger/wageTaxDeclarationReachedStatus';

export class NmbrsTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Nmbrs Trigger',
		name: 'nmbrsTrigger',
		icon: 'file:../../icons/nmbrs.svg',
		group: ['trigger'],
		version: 1,
		subtitle: '={{"Wage tax declaration: " + $parameter["statuses"]}}',
		description:
			'Starts the workflow when a wage tax declaration (loonaangifte) in Nmbrs reaches a status',
		defaults: { name: 'Nmbrs Trigger' },
		polling: true,
		inputs: [],
		outputs: ['main'],
		credentials: [{ name: 'nmbrsApi', required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Wage Tax Declaration Reached Status',
						value: 'wageTaxDeclarationReachedStatus',
						description:
							'Once per declaration and status, for every company the credential can see',
					},
				],
				default: 'wageTaxDeclarationReachedStatus',
			},
			{
				displayName: 'Statuses',
				name: 'statuses',
				type: 'string',
				default: 'locked',
				placeholder: 'e.g. locked, sent',
				description:
					'The statuses to watch, comma-separated; case does not matter. Nmbrs does not publish the list of statuses; "locked" is the usual one to wait for.',
				displayOptions: { show: { event: ['wageTaxDeclarationReachedStatus'] } },
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const items: IDataObject[] | null = await pollWageTaxDeclarations.call(this);
		if (items === null || items.length === 0) return null;
		return [this.helpers.returnJsonArray(items)];
	}
}
