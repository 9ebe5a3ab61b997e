/** The Options collection an operation shows its optional parameters in, and its reader. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** The options collection of an operation, read once: { includeBsn: boolean, ... }. */
export function readOptions(this: IExecuteFunctions, itemIndex: number): IDataObject {
	return (this.getNodeParameter('options', itemIndex, {}) ?? {}) as IDataObject;
}

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
