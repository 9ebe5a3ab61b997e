import type { INodeProperties } from 'n8n-workflow';

import * as getMany from './getMany.operation';

export { getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['employee'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'Get many employees of a company',
				action: 'Get many employees',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
];
