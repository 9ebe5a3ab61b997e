/** The Options collection an operation shows its optional parameters in. */
import type { INodeProperties } from 'n8n-workflow';

export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options,
	};
}
