import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { parseWholeInRange } from '../../glue/parameters';
import { locatorProperty, readLocator } from '../../common/locators';
import { settle } from '../../support/outcome';
import { sendInBatches, type BatchEntry, type Outcomes } from '../shared/batchWrite';
import { periodProperties, readPeriod } from '../shared/period';
import type { NmbrsOperation } from '../types';

export const setDaysWorked: NmbrsOperation = {
	name: 'Set Days Worked',
	description:
		"Set the number of days an employee worked in the company's current period or a period you give (it replaces what the period held, so a rerun changes nothing). Items of one company go in one batch call.",
	action: 'Set the days worked of an employee',
	properties: [
		locatorProperty('company'),
		locatorProperty('employee'),
		{
			displayName: 'Days',
			name: 'days',
			type: 'number',
			default: 0,
			required: true,
			typeOptions: { minValue: 0, maxValue: 366 },
			description: 'Whole days worked in the period',
		},
		...periodProperties('the days worked'),
	],
	calls: ['CompanyService.Company_GetCurrentPeriod', 'EmployeeService.DaysVar_Set_Batch'],
	async execute(itemIndex) {
		const [outcome] = await setDays.call(this, [itemIndex]);
		if (outcome instanceof Error) throw outcome;
		return outcome;
	},
	async executeBatch(itemIndexes) {
		return await setDays.call(this, itemIndexes);
	},
};

async function setDays(
	this: IExecuteFunctions,
	itemIndexes: number[],
): Promise<Array<INodeExecutionData[] | Error>> {
	const outcomes: Outcomes = new Map();
	const entries: BatchEntry[] = [];
	for (const itemIndex of itemIndexes) {
		const entry = await settle(
			(async (): Promise<BatchEntry> => {
				const companyId = readLocator.call(this, 'company', itemIndex);
				const employeeId = readLocator.call(this, 'employee', itemIndex);
				const days = parseWholeInRange(
					this.getNode(),
					this.getNodeParameter('days', itemIndex, 0),
					'Days',
					itemIndex,
					0,
					366,
				);
				const at = await readPeriod.call(this, companyId, itemIndex);
				const fields = { EmployeeId: employeeId, Days: days, Period: at.period, Year: at.year };
				return {
					itemIndex,
					companyId,
					at,
					element: fields,
					output: [{ json: { CompanyId: companyId, ...fields }, pairedItem: { item: itemIndex } }],
					label: `employee ${employeeId} (${days} days)`,
				};
			})(),
		);
		if (entry.ok) entries.push(entry.value);
		else outcomes.set(itemIndex, entry.error as Error);
	}
	await sendInBatches.call(
		this,
		{
			call: 'EmployeeService.DaysVar_Set_Batch',
			list: 'EmployeesDaysWorked',
			params: () => ({ UnprotectedMode: false }),
		},
		entries,
		outcomes,
	);
	return itemIndexes.map((i) => outcomes.get(i) ?? []);
}
