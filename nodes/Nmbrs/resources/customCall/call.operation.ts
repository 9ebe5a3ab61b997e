import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { resolveAnyOperation, SERVICES, type Operation, type ServiceName } from '../../catalogue';
import { anyRequest, asList } from '../../glue/request';
import { adHocOperation, type WireValue } from '../../wire';
import { includeBsnProperty, readIncludeBsn } from '../../common/bsn';
import { asItems, toJson } from '../../common/rows';
import type { NmbrsOperation } from '../types';
import { optionsCollection } from '../shared/options';

const OPERATION_NAME = /^[a-z_]\w*$/i;

/** The Parameters as an object: JSON text (or an object an expression gave), checked before any call. */
function readParameters(this: IExecuteFunctions, itemIndex: number) {
	const raw = this.getNodeParameter('parameters', itemIndex, '{}') as unknown;
	let value: unknown = raw;
	if (typeof raw === 'string') {
		const text = raw.trim() === '' ? '{}' : raw;
		try {
			value = JSON.parse(text);
		} catch (error) {
			throw new NodeOperationError(this.getNode(), 'The Parameters are not valid JSON', {
				itemIndex,
				description: `${(error as Error).message}. Give the parameters as a JSON object, e.g. {"CompanyId": 12345, "intYear": 2025}.`,
			});
		}
	}
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		throw new NodeOperationError(this.getNode(), 'The Parameters must be a JSON object', {
			itemIndex,
			description:
				'Give the parameters by name, e.g. {"CompanyId": 12345, "intYear": 2025}; {} for an operation without parameters.',
		});
	}
	return value as Record<string, unknown>;
}

/** A result as item JSON: a list gives one per entry, anything else one. */
function resultJson(result: WireValue, withoutBsn: boolean): IDataObject[] {
	if (Array.isArray(result)) return asList(result).map((row) => toJson(row, withoutBsn));
	if (result === null || typeof result !== 'object' || Buffer.isBuffer(result)) {
		return [{ result: toJson(result).value ?? null }];
	}
	return [toJson(result, withoutBsn)];
}

export const call: NmbrsOperation = {
	name: 'Call',
	description:
		'Call any Nmbrs SOAP operation by name with parameters as JSON, for what the other operations do not cover. Known operations have their parameters checked and typed; unknown ones are sent as given and never retried. A rerun repeats a write: make sure it may run twice, or check first.',
	action: 'Call an Nmbrs API operation',
	properties: [
		{
			displayName:
				'Operations the node knows (listed) get their parameters checked, ordered and typed. An operation typed by name that it does not know is sent with the parameters in your order, its answer comes back as plain JSON text, and it is never retried: it may write.',
			name: 'customCallNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Service',
			name: 'service',
			type: 'options',
			options: SERVICES.map((service) => ({ name: service, value: service })),
			default: 'CompanyService',
			description: 'The Nmbrs SOAP service the operation belongs to',
		},
		{
			displayName: 'Operation Name',
			name: 'operationName',
			type: 'resourceLocator',
			default: { mode: 'list', value: '' },
			required: true,
			description: 'The SOAP operation, exactly as Nmbrs spells it (case matters)',
			modes: [
				{
					displayName: 'From List',
					name: 'list',
					type: 'list',
					typeOptions: { searchListMethod: 'searchOperations', searchable: true },
				},
				{
					displayName: 'By Name',
					name: 'name',
					type: 'string',
					placeholder: 'e.g. Run_GetList',
					validation: [
						{
							type: 'regex',
							properties: {
								regex: '^\\s*[A-Za-z_][A-Za-z0-9_]*\\s*$',
								errorMessage: 'Not a valid operation name',
							},
						},
					],
				},
			],
		},
		{
			displayName: 'Parameters',
			name: 'parameters',
			type: 'json',
			default: '{}',
			description:
				'The operation\'s parameters as a JSON object by name, e.g. {"CompanyId": 12345, "Year": 2025}. Dates as text: "2025-03-31" or "2025-03-31T14:30:00".',
		},
		optionsCollection([includeBsnProperty]),
	],
	calls: [],
	// Which record a write changes is not known here: writes (and unknown operations, which may
	// write) of one operation run one after another; reads run concurrently.
	recordKey(itemIndex) {
		const service = String(this.getNodeParameter('service', itemIndex, ''));
		const name = String(
			this.getNodeParameter('operationName', itemIndex, '', { extractValue: true }) ?? '',
		).trim();
		if (!SERVICES.includes(service as ServiceName) || !OPERATION_NAME.test(name)) return undefined;
		const known = resolveAnyOperation(service as ServiceName, name);
		return known?.operation.access === 'read' ? undefined : `customCall:${service}.${name}`;
	},
	async execute(itemIndex) {
		const node = this.getNode();
		const service = this.getNodeParameter('service', itemIndex, '') as string;
		if (!SERVICES.includes(service as ServiceName)) {
			throw new NodeOperationError(node, `The Service "${service}" is not valid`, {
				itemIndex,
				description: `Service must be one of ${SERVICES.join(', ')}.`,
			});
		}
		const name = String(
			this.getNodeParameter('operationName', itemIndex, '', { extractValue: true }) ?? '',
		).trim();
		if (!OPERATION_NAME.test(name)) {
			throw new NodeOperationError(node, `The Operation Name "${name}" is not valid`, {
				itemIndex,
				description:
					'Operation Name must be a SOAP operation name such as Run_GetList: letters, digits and underscores.',
			});
		}
		const params = readParameters.call(this, itemIndex);
		const includeBsn = readIncludeBsn.call(this, itemIndex);

		const known = resolveAnyOperation(service as ServiceName, name);
		// Unknown: sent as given, answered as generic JSON, never retried (it may write).
		const operation: Operation =
			known?.operation ??
			adHocOperation(service as ServiceName, name, Object.keys(params), 'write');
		// Names, types and missing values are checked as the transport writes the request, before
		// anything is sent: no parameter name or text reaches the wire as markup.
		const result = await anyRequest(this, operation, params, itemIndex);
		return asItems(resultJson(result, !includeBsn), itemIndex);
	},
};
