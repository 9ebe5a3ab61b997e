import type { INodeProperties } from 'n8n-workflow';

import * as getMany from './getMany.operation';

export { getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['debtor'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'Get many debtors',
				action: 'Get many debtors',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
];
