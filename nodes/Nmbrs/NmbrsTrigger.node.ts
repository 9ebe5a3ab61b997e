import type {
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, updateDisplayOptions } from 'n8n-workflow';

import { locatorOptions } from './common/locators';
import { engineProperties, poll } from './trigger/engine';
import { events } from './trigger/events/index';

const eventProperty: INodeProperties = {
	displayName: 'Event',
	name: 'event',
	type: 'options',
	noDataExpression: true,
	options: events.map((event) => ({
		name: event.name,
		value: event.value,
		description: event.description,
	})),
	default: 'wageTaxDeclarationReachedStatus',
};

export class NmbrsTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Nmbrs Trigger',
		name: 'nmbrsTrigger',
		icon: { light: 'file:../../icons/nmbrs.svg', dark: 'file:../../icons/nmbrs.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{$parameter["event"] === "payrollRunLocked" ? "Payroll run locked" : $parameter["event"] === "pensionExportReachedStatus" ? "Pension export: " + $parameter["exportStatuses"] : "Wage tax declaration: " + $parameter["statuses"]}}',
		description:
			'Starts the workflow when a wage tax declaration in Nmbrs reaches a status, or a payroll run is locked',
		defaults: { name: 'Nmbrs Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'nmbrsApi', required: true }],
		properties: [
			eventProperty,
			...events.flatMap((event) =>
				updateDisplayOptions({ show: { event: [event.value] } }, event.properties),
			),
			...engineProperties,
		],
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
