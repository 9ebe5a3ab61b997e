import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { listSearch, loadOptions } from './methods';
import { resources } from './resources';
import { router } from './resources/router';
import { resourceOption, resourceProperties } from './resources/types';

export class Nmbrs implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Nmbrs',
		name: 'nmbrs',
		icon: { light: 'file:../../icons/nmbrs.svg', dark: 'file:../../icons/nmbrs.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Read and update debtors, companies, employees and payroll documents in Visma Nmbrs payroll',
		defaults: { name: 'Nmbrs' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'nmbrsApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: resources.map(resourceOption),
				default: 'company',
			},
			...resources.flatMap(resourceProperties),
		],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this, resources);
	}
}
