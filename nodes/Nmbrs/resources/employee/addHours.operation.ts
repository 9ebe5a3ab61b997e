import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { asRecords, cachedRequest, explain, isNmbrsFault, nmbrsRequest } from '../../glue/request';
import { parseWholeInRange } from '../../glue/parameters';
import { locatorProperty, readLocator } from '../../common/locators';
import { settle } from '../../support/outcome';
import { optionsCollection, readOptions } from '../shared/options';
import { currentPeriod, periodProperties, readPeriod, type PayrollPeriod } from '../shared/period';
import type { NmbrsOperation } from '../types';

/** How many components go in one batch call (Nmbrs publishes no limit; an assumption). */
export const BATCH_SLICE = 100;

/** Faults that one item of a batch can cause: the batch is tried again item by item. */
const ITEM_FAULTS = new Set([2001, 2003, 2030]);

interface HoursRequest {
	itemIndex: number;
	companyId: number;
	employeeId: number;
	hourCode: number;
	hours: number;
	set: boolean;
	costCenterId: number | null;
	comment: string | null;
}

export const addHours: NmbrsOperation = {
	name: 'Add Hours',
	description:
		"Add hours of an hour code to an employee's variable hours of the company's current period or a period you give. Nmbrs adds them to what the period holds, so running the same items twice doubles them: Mode Set Hours sends only the difference, so that the period holds exactly these hours. Items of one company and period go in one batch call.",
	action: 'Add hours to an employee',
	properties: [
		locatorProperty('company'),
		locatorProperty('employee'),
		locatorProperty('hourCode'),
		{
			displayName: 'Hours',
			name: 'hours',
			type: 'number',
			default: 0,
			typeOptions: { numberPrecision: 2 },
			required: true,
			description: 'How many hours, e.g. 7.5; negative to take hours off',
		},
		{
			displayName: 'Mode',
			name: 'mode',
			type: 'options',
			options: [
				{
					name: 'Add Hours',
					value: 'add',
					description: 'Add them to what the period holds (a rerun adds them again)',
				},
				{
					name: 'Set Hours',
					value: 'set',
					description:
						'Make the period hold exactly these hours of this code: reads what it holds and adds the difference (a rerun changes nothing)',
				},
			],
			default: 'add',
		},
		...periodProperties('the hours'),
		optionsCollection([
			{
				displayName: 'Cost Center ID',
				name: 'costCenterId',
				type: 'number',
				default: 0,
				description:
					"The cost center to book the hours on (Company → Get Cost Centers); 0 for the employee's own",
			},
			{
				displayName: 'Comment',
				name: 'comment',
				type: 'string',
				default: '',
			},
		]),
	],
	calls: [
		'CompanyService.Company_GetCurrentPeriod',
		'CompanyService.HourModel_GetHourCodes',
		'EmployeeService.HourComponentVar_Get',
		'EmployeeService.HourComponentVar_Insert_Batch',
	],
	async execute(itemIndex) {
		const [outcome] = await addHoursOf.call(this, [itemIndex]);
		if (outcome instanceof Error) throw outcome;
		return outcome;
	},
	async executeBatch(itemIndexes) {
		return await addHoursOf.call(this, itemIndexes);
	},
};

/** An item's parameters, checked before any call. */
function readRequest(this: IExecuteFunctions, itemIndex: number): HoursRequest {
	const node = this.getNode();
	const options = readOptions.call(this, itemIndex);
	const hours = Number(this.getNodeParameter('hours', itemIndex, 0));
	if (!Number.isFinite(hours) || Math.abs(hours) > 10_000) {
		throw new NodeOperationError(node, 'Hours must be a number of hours', {
			itemIndex,
			description: 'Give the hours as a number, e.g. 7.5 (at most 10,000).',
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
		hourCode: readLocator.call(this, 'hourCode', itemIndex),
		hours,
		set: this.getNodeParameter('mode', itemIndex, 'add') === 'set',
		costCenterId: costCenterId === 0 ? null : costCenterId,
		comment: comment === '' ? null : comment,
	};
}

/** The period of an item, and its hour code checked against the company's hour model. */
async function checkedPeriod(
	this: IExecuteFunctions,
	request: HoursRequest,
): Promise<PayrollPeriod> {
	const { itemIndex, companyId, hourCode } = request;
	const at = await readPeriod.call(this, companyId, itemIndex);
	const codes = asRecords(
		await cachedRequest(
			this,
			'CompanyService.HourModel_GetHourCodes',
			{ CompanyId: companyId },
			itemIndex,
		),
	);
	if (!codes.some((c) => Number(c.Code) === hourCode)) {
		throw new NodeOperationError(
			this.getNode(),
			`Hour code ${hourCode} is not in the hour model of company ${companyId}`,
			{
				itemIndex,
				description: `Nothing was sent. The company's hour codes are ${codes.map((c) => `${String(c.Code)} (${String(c.Description ?? '')})`).join(', ') || 'none'}.`,
			},
		);
	}
	return at;
}

/** For Set Hours: how many hours of the code the employee's period already holds. */
async function hoursHeld(this: IExecuteFunctions, request: HoursRequest, at: PayrollPeriod) {
	const rows = asRecords(
		await cachedRequest(
			this,
			'EmployeeService.HourComponentVar_Get',
			{ EmployeeId: request.employeeId, Period: at.period, Year: at.year },
			request.itemIndex,
		),
	);
	return rows
		.filter((row) => Number(row.HourCode) === request.hourCode)
		.reduce((sum, row) => sum + Number(row.Hours ?? 0), 0);
}

interface Planned {
	request: HoursRequest;
	at: PayrollPeriod;
	/** The hours sent: the hours asked (Add) or the difference (Set). */
	added: number;
	held?: number;
}

function itemOf(planned: Planned): INodeExecutionData[] {
	const { request, at, added, held } = planned;
	return [
		{
			json: {
				CompanyId: request.companyId,
				EmployeeId: request.employeeId,
				HourCode: request.hourCode,
				Hours: request.hours,
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
 * The items' outcomes: each checked, then those of one company and period sent in batches of
 * BATCH_SLICE (an item not sent has no outcome: none of its own, the node failed on another). A fault that one item can cause makes its batch go again item by item (a fault
 * proves nothing of that batch was added), so one bad item never fails the others.
 */
async function addHoursOf(
	this: IExecuteFunctions,
	itemIndexes: number[],
): Promise<Array<INodeExecutionData[] | Error>> {
	const outcomes = new Map<number, INodeExecutionData[] | Error>();
	const groups = new Map<string, Planned[]>();
	// Set Hours of earlier items of this execution, by employee, code and period: what a later
	// item for the same ones finds held (the read is made once per execution).
	const setBefore = new Map<string, number>();
	for (const itemIndex of itemIndexes) {
		const planned = await settle(
			(async (): Promise<Planned> => {
				const request = readRequest.call(this, itemIndex);
				const at = await checkedPeriod.call(this, request);
				if (!request.set) return { request, at, added: request.hours };
				const key = `${request.employeeId}|${request.hourCode}|${at.year}|${at.period}`;
				const held = (await hoursHeld.call(this, request, at)) + (setBefore.get(key) ?? 0);
				const added = Math.round((request.hours - held) * 100) / 100;
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
			outcomes.set(itemIndex, itemOf(planned.value));
			continue;
		}
		const key = `${request.companyId}|${at.year}|${at.period}`;
		groups.set(key, [...(groups.get(key) ?? []), planned.value]);
	}
	// Without Continue On Fail the node fails on the first bad item: then nothing is sent at all,
	// and after a batch that failed no further batch is sent (the error says what became of it).
	const stopOnError = !this.continueOnFail();
	const failed = () => [...outcomes.values()].some((o) => o instanceof Error);
	if (!(stopOnError && failed())) {
		for (const group of groups.values()) {
			for (let at = 0; at < group.length && !(stopOnError && failed()); at += BATCH_SLICE) {
				await sendSlice.call(this, group.slice(at, at + BATCH_SLICE), outcomes);
			}
		}
	}
	return itemIndexes.map((i) => outcomes.get(i) ?? []);
}

async function sendSlice(
	this: IExecuteFunctions,
	slice: Planned[],
	outcomes: Map<number, INodeExecutionData[] | Error>,
): Promise<void> {
	const [first] = slice;
	const sent = await settle(
		nmbrsRequest(
			this,
			'EmployeeService.HourComponentVar_Insert_Batch',
			{
				HourComponents: slice.map(({ request, added }) => ({
					EmployeeId: request.employeeId,
					Id: 0,
					HourCode: request.hourCode,
					CostCenterId: request.costCenterId,
					CostUnitId: null,
					Hours: added,
					Comment: request.comment,
				})),
				Period: first.at.period,
				Year: first.at.year,
				UnprotectedMode: false,
			},
			first.request.itemIndex,
		),
	);
	if (sent.ok) {
		for (const planned of slice) outcomes.set(planned.request.itemIndex, itemOf(planned));
		return;
	}
	const error = sent.error as Error;
	const code = faultCode(error);
	if (slice.length > 1 && isNmbrsFault(error) && code !== undefined && ITEM_FAULTS.has(code)) {
		for (const planned of slice) await sendSlice.call(this, [planned], outcomes);
		return;
	}
	if (code === 2011) await explainProtected.call(this, error, first);
	else if (slice.length === 1 && code !== undefined && ITEM_FAULTS.has(code))
		explain(
			error,
			`Nothing was added for employee ${first.request.employeeId} (hour code ${first.request.hourCode}, ${first.added} hours).`,
			true,
		);
	for (const planned of slice) outcomes.set(planned.request.itemIndex, error);
}

/** The Nmbrs fault code of a failed call, when Nmbrs answered with one. */
function faultCode(error: Error): number | undefined {
	if (!(error instanceof NodeApiError)) return undefined;
	const code = Number(error.errorResponse?.code);
	return Number.isInteger(code) && code > 0 ? code : undefined;
}

/** A 2011: say which period is open, so the user knows where the hours can go. */
async function explainProtected(
	this: IExecuteFunctions,
	error: Error,
	planned: Planned,
): Promise<void> {
	const open = await settle(
		currentPeriod.call(this, planned.request.companyId, planned.request.itemIndex),
	);
	const where = open.ok
		? `period ${open.value.period} of ${open.value.year}`
		: 'the current period';
	explain(
		error,
		`Period ${planned.at.period} of ${planned.at.year} is already paid; the company's open period is ${where}: send the hours there.`,
		true,
	);
}
