import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { listSearch, loadOptions } from './methods';
import * as company from './resources/company/Company.resource';
import * as debtor from './resources/debtor/Debtor.resource';
import * as employee from './resources/employee/Employee.resource';
import { router } from './resources/router';

export class Nmbrs implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Nmbrs',
		name: 'nmbrs',
		icon: 'file:../../icons/nmbrs.svg',
		group: ['input'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Read debtors, companies, employees and wage tax declarations from Visma Nmbrs payroll',
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
				options: [
					{ name: 'Company', value: 'company' },
					{ name: 'Debtor', value: 'debtor' },
					{ name: 'Employee', value: 'employee' },
				],
				default: 'company',
			},
			...company.description,
			...debtor.description,
			...employee.description,
		],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
