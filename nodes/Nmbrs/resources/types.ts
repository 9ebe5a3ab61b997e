/**
 * What a resource and an operation are, so that one registration is all an operation needs:
 * the node's properties, the router and the README's table of calls all come from these objects.
 * An operation without `properties`, `calls` or `execute` does not compile.
 */
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { alphabetical } from '../common/alphabetical';

export interface NmbrsOperation {
	/** The operation as the editor lists it. */
	name: string;
	/** What it does, for the editor and for an AI agent using the node as a tool. */
	description: string;
	/** n8n's action text, e.g. 'Get many companies'. */
	action: string;
	/** Its parameters; the resource adds the displayOptions that show them. */
	properties: INodeProperties[];
	/**
	 * Every SOAP call (`Service.Operation`) it may make. A test checks these against the calls it
	 * really makes on the emulator; the README's API template table is generated from them.
	 * Custom Call declares none: it calls what the user names.
	 */
	calls: readonly string[];
	/**
	 * For writes: the record an item changes (e.g. `employee:42`). Items with the same key run one
	 * after another; everything else runs concurrently within the login's fair-use budget.
	 */
	recordKey?: (this: IExecuteFunctions, itemIndex: number) => string | undefined;
	/** Runs the operation for one input item; every item returned is paired with that item. */
	execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]>;
	/**
	 * For writes that Nmbrs takes in batches: runs all input items at once (batch calls across
	 * items) and gives one outcome per item, in input order: its output items, or its error. When
	 * present, the router uses it instead of `execute` for each item.
	 */
	executeBatch?(
		this: IExecuteFunctions,
		itemIndexes: number[],
	): Promise<Array<INodeExecutionData[] | Error>>;
}

export interface NmbrsResource {
	/** The parameter value, e.g. 'salaryDocument'. */
	value: string;
	/** The name the editor shows, e.g. 'Salary Document'. */
	name: string;
	/** Keyed by the operation parameter's value, in the order the editor lists them. */
	operations: Record<string, NmbrsOperation>;
	/** The operation selected by default. */
	defaultOperation: string;
}

/** The Resource option of a resource. */
export function resourceOption(resource: NmbrsResource): INodePropertyOptions {
	return { name: resource.name, value: resource.value };
}

/** A resource's Operation parameter and the properties of its operations, each shown for it alone. */
export function resourceProperties(resource: NmbrsResource): INodeProperties[] {
	const defaultOperation = resource.defaultOperation;
	const operationParameter: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource.value] } },
		options: Object.entries(resource.operations)
			.map(([value, op]) => ({
				name: op.name,
				value,
				description: op.description,
				action: op.action,
			}))
			.sort((a, b) => alphabetical(a.name, b.name)),
		default: defaultOperation,
	};
	const operationProperties = Object.entries(resource.operations).flatMap(([value, op]) =>
		updateDisplayOptions(
			{ show: { resource: [resource.value], operation: [value] } },
			op.properties,
		),
	);
	return [operationParameter, ...operationProperties];
}
