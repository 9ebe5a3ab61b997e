import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { nmbrsRequest } from '../../glue/request';
import {
	dutchToday,
	parseChoice,
	parseDate,
	parseId,
	parseSingleLineText,
	parseWholeInRange,
} from '../../glue/parameters';
import { employeeRecordKey, locatorProperty, readLocator } from '../../common/locators';
import { returnRows } from '../../common/rows';
import type { WireObject } from '../../wire';
import { ADD_RERUN_NOTE, addOnce } from '../shared/addOnce';
import { optionsCollection, readOptions } from '../shared/options';
import type { NmbrsOperation } from '../types';
import { absencesOf, dayOf, readRequiredDate } from './hrInput';

/** The absence named by ID, or the employee's latest open one (no last day yet). */
function pickAbsence(
	this: IExecuteFunctions,
	itemIndex: number,
	absences: WireObject[],
	employeeId: number,
	absenceId: number | null,
): WireObject {
	const picked =
		absenceId === null
			? absences
					.filter((a) => dayOf(a.End) === '')
					.sort((a, b) => dayOf(a.Start).localeCompare(dayOf(b.Start)))
					.pop()
			: absences.find((a) => Number(a.AbsenceId) === absenceId);
	if (!picked) {
		throw new NodeOperationError(
			this.getNode(),
			absenceId === null
				? `Employee ${employeeId} has no open absence`
				: `Employee ${employeeId} has no absence ${absenceId}`,
			{
				itemIndex,
				description: `Nmbrs lists ${absences.length} absence(s) for this employee${absenceId === null ? ', none without a last day' : ''}: check the Absence ID (Get Absences lists them). Nothing was sent.`,
			},
		);
	}
	return picked;
}

export const reportRecovery: NmbrsOperation = {
	name: 'Report Recovery',
	description: `Report that an employee recovered from an absence, fully (its last day) or partly (absent at a lower percentage from a date). ${ADD_RERUN_NOTE.replace('Added', 'Recorded')}`,
	action: 'Report the recovery of an employee',
	properties: [
		locatorProperty('company'),
		locatorProperty('employee'),
		{
			displayName: 'Absence ID',
			name: 'absenceId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 4711',
			description: "The absence (Get Absences lists them); empty: the employee's latest open one",
		},
		{
			displayName: 'Recovery',
			name: 'recovery',
			type: 'options',
			options: [
				{ name: 'Full', value: 'full', description: 'The absence ends on its last day' },
				{
					name: 'Partial',
					value: 'partial',
					description: 'The employee is absent at a lower percentage from a date on',
				},
			],
			default: 'full',
		},
		{
			displayName: 'Last Day Absent',
			name: 'lastDay',
			type: 'dateTime',
			default: '',
			required: true,
			displayOptions: { show: { recovery: ['full'] } },
			description: 'The last day of the absence',
		},
		{
			displayName: 'From Date',
			name: 'fromDate',
			type: 'dateTime',
			default: '',
			required: true,
			displayOptions: { show: { recovery: ['partial'] } },
			description: 'The first day at the new percentage',
		},
		{
			displayName: 'Percentage Still Absent',
			name: 'percentage',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1, maxValue: 99 },
			displayOptions: { show: { recovery: ['partial'] } },
			description: 'How much of the working time the employee is still absent (1–99)',
		},
		optionsCollection([
			{
				displayName: 'Comment',
				name: 'comment',
				type: 'string',
				default: '',
			},
			{
				displayName: 'Report Date',
				name: 'reportDate',
				type: 'dateTime',
				default: '',
				description: 'When the recovery was reported; empty: today',
			},
		]),
	],
	calls: [
		'EmployeeService.Absence2_GetList',
		'EmployeeService.Absence_RecoveryInsert',
		'EmployeeService.Absence_PartialRecoveryInsert',
	],
	recordKey: employeeRecordKey,
	async execute(itemIndex) {
		const node = this.getNode();
		const companyId = readLocator.call(this, 'company', itemIndex);
		const employeeId = readLocator.call(this, 'employee', itemIndex);
		const idText = String(this.getNodeParameter('absenceId', itemIndex, '') ?? '').trim();
		const absenceId = idText === '' ? null : parseId(node, idText, 'Absence ID', itemIndex);
		const partial =
			parseChoice(
				node,
				this.getNodeParameter('recovery', itemIndex, 'full'),
				'Recovery',
				itemIndex,
				['full', 'partial'],
			) === 'partial';
		const date = partial
			? readRequiredDate.call(this, itemIndex, 'fromDate', 'From Date')
			: readRequiredDate.call(this, itemIndex, 'lastDay', 'Last Day Absent');
		const label = partial ? 'From Date' : 'Last Day Absent';
		const percentage = partial
			? parseWholeInRange(
					node,
					this.getNodeParameter('percentage', itemIndex, 50),
					'Percentage Still Absent',
					itemIndex,
					1,
					99,
				)
			: 0;
		const options = readOptions.call(this, itemIndex);
		const comment = parseSingleLineText(node, options.comment ?? '', 'Comment', itemIndex);
		const reportDate =
			parseDate(node, options.reportDate, 'Report Date', itemIndex) ?? dutchToday();

		const list = () => absencesOf.call(this, employeeId, itemIndex);
		const absence = pickAbsence.call(this, itemIndex, await list(), employeeId, absenceId);
		const id = Number(absence.AbsenceId);
		if (date < dayOf(absence.Start)) {
			throw new NodeOperationError(
				node,
				`${label} ${date} lies before absence ${id} started (${dayOf(absence.Start)})`,
				{
					itemIndex,
					description: `Give ${label} on or after ${dayOf(absence.Start)}. Nothing was sent.`,
				},
			);
		}
		const { record, added } = await addOnce({
			what: partial
				? `the partial recovery of absence ${id} from ${date} (${percentage}% absent)`
				: `the recovery of absence ${id} on ${date}`,
			lockKey: `employee:${employeeId}:absence`,
			// Done already: the absence ends on that day, or a part of its dossier starts there.
			find: async () =>
				(await list()).find((a) =>
					partial
						? Number(a.Dossiernr) === Number(absence.Dossiernr) &&
							dayOf(a.Start) === date &&
							Number(a.Percentage) === percentage
						: Number(a.AbsenceId) === id && dayOf(a.End) === date,
				),
			add: async () => {
				const common = {
					EmployeeId: employeeId,
					AbsenceID: id,
					Reportdate: `${reportDate}T00:00:00`,
					Comment: comment,
				};
				return partial
					? await nmbrsRequest(
							this,
							'EmployeeService.Absence_PartialRecoveryInsert',
							{ ...common, StartDate: `${date}T00:00:00`, Percent: percentage },
							itemIndex,
						)
					: await nmbrsRequest(
							this,
							'EmployeeService.Absence_RecoveryInsert',
							{ ...common, Lastdayabsence: `${date}T00:00:00` },
							itemIndex,
						);
			},
		});
		return returnRows.call(this, [record ?? {}], itemIndex, {
			extra: { EmployeeId: employeeId, CompanyId: companyId, Recorded: added },
		});
	},
};
