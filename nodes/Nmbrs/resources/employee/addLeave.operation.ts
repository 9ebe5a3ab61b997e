import { asRecords, nmbrsRequest } from '../../glue/request';
import { parseChoice, parseNumberInRange, parseSingleLineText } from '../../glue/parameters';
import { employeeRecordKey, locatorProperty, readLocator } from '../../common/locators';
import { returnRows } from '../../common/rows';
import { ADD_RERUN_NOTE, addOnce } from '../shared/addOnce';
import { optionsCollection, readOptions } from '../shared/options';
import type { NmbrsOperation } from '../types';
import { dayOf, readRequiredDate, requireOrder } from './hrInput';

const LEAVE_TYPES = ['Type1', 'Type2', 'Type3', 'Type4'];
const USAGES = ['Withdrawal', 'Store', 'Expired'];
const STATUSES = ['None', 'Pending', 'Approved', 'Rejected'];

export const addLeave: NmbrsOperation = {
	name: 'Add Leave',
	description: `Add leave for an employee: hours taken (e.g. a holiday from a leave request), added to or expired from the balance. Hours 0 takes the hours the employee is scheduled for on those days. ${ADD_RERUN_NOTE}`,
	action: 'Add leave for an employee',
	properties: [
		locatorProperty('company'),
		locatorProperty('employee'),
		{
			displayName: 'Start Date',
			name: 'startDate',
			type: 'dateTime',
			default: '',
			required: true,
			description: 'First day of the leave',
		},
		{
			displayName: 'End Date',
			name: 'endDate',
			type: 'dateTime',
			default: '',
			required: true,
			description: 'Last day of the leave (the same as the start for one day)',
		},
		{
			displayName: 'Hours',
			name: 'hours',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 0, numberPrecision: 2 },
			description: 'Hours of leave in all; 0 takes the hours scheduled on those days',
		},
		{
			displayName: 'Usage',
			name: 'usage',
			type: 'options',
			options: [
				{ name: 'Taken', value: 'Withdrawal', description: 'Leave taken: off the balance' },
				{ name: 'Added', value: 'Store', description: 'Hours added to the balance' },
				{ name: 'Expired', value: 'Expired', description: 'Hours that expired from the balance' },
			],
			default: 'Withdrawal',
		},
		{
			displayName: 'Leave Type',
			name: 'leaveType',
			type: 'options',
			options: LEAVE_TYPES.map((type) => ({ name: type.replace('Type', 'Type '), value: type })),
			default: 'Type1',
			description: "Which of the company's leave types (its balances) the hours count against",
		},
		optionsCollection([
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				default: '',
				description: 'A note on the leave, e.g. summer holiday',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: STATUSES.map((status) => ({ name: status, value: status })),
				default: 'Approved',
				description: 'The leave request status Nmbrs shows',
			},
		]),
	],
	calls: ['EmployeeService.Leave_GetList_V2', 'EmployeeService.Leave_Insert'],
	recordKey: employeeRecordKey,
	async execute(itemIndex) {
		const node = this.getNode();
		const companyId = readLocator.call(this, 'company', itemIndex);
		const employeeId = readLocator.call(this, 'employee', itemIndex);
		const start = readRequiredDate.call(this, itemIndex, 'startDate', 'Start Date');
		const end = readRequiredDate.call(this, itemIndex, 'endDate', 'End Date');
		requireOrder.call(
			this,
			itemIndex,
			{ label: 'Start Date', date: start },
			{ label: 'End Date', date: end },
		);
		const hours = parseNumberInRange(
			node,
			this.getNodeParameter('hours', itemIndex, 0),
			'Hours',
			itemIndex,
			0,
			10_000,
		);
		const choice = (parameter: string, label: string, values: string[], fallback: string) =>
			parseChoice(
				node,
				this.getNodeParameter(parameter, itemIndex, fallback),
				label,
				itemIndex,
				values,
			);
		const usage = choice('usage', 'Usage', USAGES, 'Withdrawal');
		const type = choice('leaveType', 'Leave Type', LEAVE_TYPES, 'Type1');
		const options = readOptions.call(this, itemIndex);
		const status = parseChoice(node, options.status ?? 'Approved', 'Status', itemIndex, STATUSES);
		const description = parseSingleLineText(
			node,
			options.description ?? '',
			'Description',
			itemIndex,
		);

		const what = `the leave of employee ${employeeId} from ${start} to ${end}`;
		const { record, added } = await addOnce({
			what,
			lockKey: `employee:${employeeId}:leave`,
			find: async () =>
				asRecords(
					await nmbrsRequest(
						this,
						'EmployeeService.Leave_GetList_V2',
						{ EmployeeId: employeeId, Type: null, Soort: null, Year: Number(start.slice(0, 4)) },
						itemIndex,
					),
				).find(
					(leave) =>
						dayOf(leave.Start) === start &&
						dayOf(leave.End) === end &&
						leave.Type === type &&
						leave.UsageType === usage &&
						(hours === 0 || Number(leave.Hours) === hours),
				),
			add: async () =>
				await nmbrsRequest(
					this,
					'EmployeeService.Leave_Insert',
					{
						EmployeeId: employeeId,
						Leave: {
							Description: description,
							Hours: hours,
							UsageType: usage,
							Start: `${start}T00:00:00`,
							End: `${end}T00:00:00`,
							StartHours: 0,
							EndHours: 0,
							Type: type,
							Status: status,
						},
					},
					itemIndex,
				),
		});
		return returnRows.call(this, [record ?? {}], itemIndex, {
			extra: { EmployeeId: employeeId, CompanyId: companyId, Added: added },
		});
	},
};
