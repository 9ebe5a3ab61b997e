import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { listSearch, loadOptions } from './methods';
import { resources } from './resources';
import { router } from './resources/router';
import { resourceOption, resourceProperties } from './resources/types';

export class Nmbrs implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Nmbrs',
		name: 'nmbrs',
		icon: 'file:../../icons/nmbrs.svg',
		group: ['input'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Read and update debtors, companies, employees and payroll documents in Visma Nmbrs payroll',
		defaults: { name: 'Nmbrs' },
		usableAsTool: true,
		inputs: ['main'],
		outputs: ['main'],
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
