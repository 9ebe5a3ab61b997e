import type { INodeProperties } from 'n8n-workflow';

import * as getMany from './getMany.operation';
import * as getWageTaxDeclarations from './getWageTaxDeclarations.operation';

export { getMany, getWageTaxDeclarations };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['company'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'Get many companies',
				action: 'Get many companies',
			},
			{
				name: 'Get Wage Tax Declarations',
				value: 'getWageTaxDeclarations',
				description: 'Get the wage tax declarations (loonaangifte) of a company in a year',
				action: 'Get wage tax declarations of a company',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
	...getWageTaxDeclarations.description,
];
