/**
 * The shape of Add Hours and Add Wage Components: components of a code into an employee's variable
 * components of a period. Items of one company and period go as one batch call, in slices; a fault
 * one item can cause sends its batch again item by item; Mode Set sends only the difference to what
 * the period holds, so a rerun changes nothing.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asRecords, cachedRequest } from '../../glue/request';
import { parseWholeInRange } from '../../glue/parameters';
import { locatorProperty, readLocator } from '../../common/locators';
import { settle } from '../../support/outcome';
import { optionsCollection, readOptions } from '../shared/options';
import { sendInBatches, type BatchEntry, type Outcomes } from '../shared/batchWrite';
import { periodProperties, readPeriod, type PayrollPeriod } from '../shared/period';
import type { CuratedCall } from '../../catalogue/calls';
import type { LocatorKind } from '../../common/locators';
import type { NmbrsOperation } from '../types';

export interface AddComponentsSpec extends Pick<NmbrsOperation, 'name' | 'description' | 'action'> {
	/** The code: its locator (a list of the company's model), its field in a component, its model. */
	code: {
		locator: LocatorKind & ('hourCode' | 'wageCode');
		field: 'HourCode' | 'Code';
		model: string;
	};
	/** The amount: its parameter, its field in a component, and how the editor names it. */
	amount: { parameter: string; field: 'Hours' | 'Value'; displayName: string; description: string };
	calls: { codes: CuratedCall; held: CuratedCall; batch: CuratedCall };
	/** The batch call's list parameter. */
	list: 'HourComponents' | 'WageComponents';
}

interface Request {
	itemIndex: number;
	companyId: number;
	employeeId: number;
	code: number;
	amount: number;
	set: boolean;
	costCenterId: number | null;
	comment: string | null;
}

export function addComponentsOperation(spec: AddComponentsSpec): NmbrsOperation {
	const { amount } = spec;
	return {
		name: spec.name,
		description: spec.description,
		action: spec.action,
		properties: [
			locatorProperty('company'),
			locatorProperty('employee'),
			locatorProperty(spec.code.locator),
			{
				displayName: amount.displayName,
				name: amount.parameter,
				type: 'number',
				default: 0,
				typeOptions: { numberPrecision: 2 },
				required: true,
				description: amount.description,
			},
			{
				displayName: 'Mode',
				name: 'mode',
				type: 'options',
				options: [
					{
						name: 'Add',
						value: 'add',
						description: 'Add to what the period holds (a rerun adds again)',
					},
					{
						name: 'Set',
						value: 'set',
						description:
							'Make the period hold exactly this for the code: reads what it holds and adds the difference (a rerun changes nothing)',
					},
				],
				default: 'add',
			},
			...periodProperties(`the ${amount.displayName.toLowerCase()}`),
			optionsCollection([
				{
					displayName: 'Cost Center ID',
					name: 'costCenterId',
					type: 'number',
					default: 0,
					description:
						"The cost center to book on (Company → Get Cost Centers); 0 for the employee's own",
				},
				{ displayName: 'Comment', name: 'comment', type: 'string', default: '' },
			]),
		],
		calls: [
			'CompanyService.Company_GetCurrentPeriod',
			spec.calls.codes,
			spec.calls.held,
			spec.calls.batch,
		],
		async execute(itemIndex) {
			const [outcome] = await addComponents.call(this, spec, [itemIndex]);
			if (outcome instanceof Error) throw outcome;
			return outcome;
		},
		async executeBatch(itemIndexes) {
			return await addComponents.call(this, spec, itemIndexes);
		},
	};
}

/** An item's parameters, checked before any call. */
function readRequest(this: IExecuteFunctions, spec: AddComponentsSpec, itemIndex: number): Request {
	const node = this.getNode();
	const options = readOptions.call(this, itemIndex);
	const amount = Number(this.getNodeParameter(spec.amount.parameter, itemIndex, 0));
	if (!Number.isFinite(amount) || Math.abs(amount) > 1_000_000) {
		throw new NodeOperationError(node, `${spec.amount.displayName} must be a number`, {
			itemIndex,
			description: `Give ${spec.amount.displayName} as a number, e.g. 7.5 (at most 1,000,000).`,
		});
	}
	const costCenterId = parseWholeInRange(
		node,
		options.costCenterId ?? 0,
		'Cost Center ID',
		itemIndex,
		0,
		2_147_483_647,
	);
	const comment = String(options.comment ?? '').trim();
	return {
		itemIndex,
		companyId: readLocator.call(this, 'company', itemIndex),
		employeeId: readLocator.call(this, 'employee', itemIndex),
		code: readLocator.call(this, spec.code.locator, itemIndex),
		amount,
		set: this.getNodeParameter('mode', itemIndex, 'add') === 'set',
		costCenterId: costCenterId === 0 ? null : costCenterId,
		comment: comment === '' ? null : comment,
	};
}

/** The period of an item, and its code checked against the company's model. */
async function checkedPeriod(
	this: IExecuteFunctions,
	spec: AddComponentsSpec,
	request: Request,
): Promise<PayrollPeriod> {
	const { itemIndex, companyId, code } = request;
	const at = await readPeriod.call(this, companyId, itemIndex);
	const codes = asRecords(
		await cachedRequest(this, spec.calls.codes, { CompanyId: companyId }, itemIndex),
	);
	if (!codes.some((c) => Number(c.Code) === code)) {
		const label = spec.code.field === 'HourCode' ? 'Hour code' : 'Wage code';
		throw new NodeOperationError(
			this.getNode(),
			`${label} ${code} is not in the ${spec.code.model} of company ${companyId}`,
			{
				itemIndex,
				description: `Nothing was sent. The company's codes are ${codes.map((c) => `${String(c.Code)} (${String(c.Description ?? '')})`).join(', ') || 'none'}.`,
			},
		);
	}
	return at;
}

/** For Set: how much of the code the employee's period already holds. */
async function heldBefore(
	this: IExecuteFunctions,
	spec: AddComponentsSpec,
	request: Request,
	at: PayrollPeriod,
): Promise<number> {
	const rows = asRecords(
		await cachedRequest(
			this,
			spec.calls.held,
			{ EmployeeId: request.employeeId, Period: at.period, Year: at.year },
			request.itemIndex,
		),
	);
	return rows
		.filter((row) => Number(row[spec.code.field]) === request.code)
		.reduce((sum, row) => sum + Number(row[spec.amount.field] ?? 0), 0);
}

interface Planned {
	request: Request;
	at: PayrollPeriod;
	/** What is sent: the amount asked (Add) or the difference (Set). */
	added: number;
	held?: number;
}

function itemOf(spec: AddComponentsSpec, planned: Planned): INodeExecutionData[] {
	const { request, at, added, held } = planned;
	return [
		{
			json: {
				CompanyId: request.companyId,
				EmployeeId: request.employeeId,
				[spec.code.field]: request.code,
				[spec.amount.field]: request.amount,
				Mode: request.set ? 'set' : 'add',
				Added: added,
				...(held === undefined ? {} : { HeldBefore: held }),
				Year: at.year,
				Period: at.period,
			},
			pairedItem: { item: request.itemIndex },
		},
	];
}

/**
 * The items' outcomes: each checked, then written in batches (shared/batchWrite.ts); an item
 * whose Set finds nothing to change is not sent.
 */
async function addComponents(
	this: IExecuteFunctions,
	spec: AddComponentsSpec,
	itemIndexes: number[],
): Promise<Array<INodeExecutionData[] | Error>> {
	const outcomes: Outcomes = new Map();
	const entries: BatchEntry[] = [];
	// Set by earlier items of this execution, by employee, code and period: what a later item for
	// the same ones finds held (the read is made once per execution).
	const setBefore = new Map<string, number>();
	for (const itemIndex of itemIndexes) {
		const planned = await settle(
			(async (): Promise<Planned> => {
				const request = readRequest.call(this, spec, itemIndex);
				const at = await checkedPeriod.call(this, spec, request);
				if (!request.set) return { request, at, added: request.amount };
				const key = `${request.employeeId}|${request.code}|${at.year}|${at.period}`;
				const held = (await heldBefore.call(this, spec, request, at)) + (setBefore.get(key) ?? 0);
				const added = Math.round((request.amount - held) * 100) / 100;
				setBefore.set(key, (setBefore.get(key) ?? 0) + added);
				return { request, at, added, held };
			})(),
		);
		if (!planned.ok) {
			outcomes.set(itemIndex, planned.error as Error);
			continue;
		}
		const { request, at, added } = planned.value;
		if (added === 0) {
			outcomes.set(itemIndex, itemOf(spec, planned.value));
			continue;
		}
		entries.push({
			itemIndex,
			companyId: request.companyId,
			at,
			element: {
				EmployeeId: request.employeeId,
				Id: 0,
				[spec.code.field]: request.code,
				[spec.amount.field]: added,
				CostCenterId: request.costCenterId,
				CostUnitId: null,
				Comment: request.comment,
			},
			output: itemOf(spec, planned.value),
			label: `employee ${request.employeeId} (code ${request.code}, ${added})`,
		});
	}
	await sendInBatches.call(
		this,
		{
			call: spec.calls.batch,
			list: spec.list,
			params: (at) => ({ Period: at.period, Year: at.year, UnprotectedMode: false }),
		},
		entries,
		outcomes,
	);
	return itemIndexes.map((i) => outcomes.get(i) ?? []);
}
