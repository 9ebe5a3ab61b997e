import { nmbrsRequest } from '../../glue/request';
import {
	parseBoolean,
	parseChoice,
	parseDate,
	parseSingleLineText,
	parseWholeInRange,
} from '../../glue/parameters';
import { employeeRecordKey, locatorProperty, readLocator } from '../../common/locators';
import { returnRows } from '../../common/rows';
import { ADD_RERUN_NOTE, addOnce } from '../shared/addOnce';
import { optionsCollection, readOptions } from '../shared/options';
import type { NmbrsOperation } from '../types';
import { absencesOf, dayOf, readRequiredDate, requireOrder } from './hrInput';

/**
 * The absence causes the node offers. Nmbrs publishes no list of cause IDs; these are the
 * dossier kinds its absence records name, numbered as the project's emulator numbers them.
 */
const CAUSES: Record<string, { id: number; cause: string }> = {
	illness: { id: 1, cause: 'Ziekte' },
	pregnancy: { id: 2, cause: 'Zwangerschap' },
	workAccident: { id: 3, cause: 'Arbeidsongeval' },
	privateAccident: { id: 4, cause: 'Ziekte (privé-ongeval)' },
};

export const reportAbsence: NmbrsOperation = {
	name: 'Report Absence',
	description: `Report an employee absent (sick) from a date, at a percentage, with its cause, e.g. from an HR or absence tool. ${ADD_RERUN_NOTE}`,
	action: 'Report an absence of an employee',
	properties: [
		locatorProperty('company'),
		locatorProperty('employee'),
		{
			displayName: 'First Day Absent',
			name: 'startDate',
			type: 'dateTime',
			default: '',
			required: true,
			description: 'The first day of the absence',
		},
		{
			displayName: 'Percentage Absent',
			name: 'percentage',
			type: 'number',
			default: 100,
			typeOptions: { minValue: 1, maxValue: 100 },
			description: 'How much of the working time the employee is absent (1–100)',
		},
		{
			displayName: 'Cause',
			name: 'cause',
			type: 'options',
			options: [
				{ name: 'Illness (Ziekte)', value: 'illness' },
				{ name: 'Not Given', value: 'none' },
				{ name: 'Pregnancy (Zwangerschap)', value: 'pregnancy' },
				{ name: 'Private Accident (Ziekte, Privé-Ongeval)', value: 'privateAccident' },
				{ name: 'Work Accident (Arbeidsongeval)', value: 'workAccident' },
			],
			default: 'illness',
		},
		optionsCollection([
			{
				displayName: 'Comment',
				name: 'comment',
				type: 'string',
				default: '',
				description: 'A note with the report (no medical details: Nmbrs is no medical file)',
			},
			{
				displayName: 'Last Day Absent',
				name: 'endDate',
				type: 'dateTime',
				default: '',
				description: 'When the absence is over already; else report the recovery later',
			},
			{
				displayName: 'New Dossier',
				name: 'newDossier',
				type: 'boolean',
				default: true,
				description:
					'Whether the absence opens a new dossier; off adds it to the latest one (a relapse)',
			},
		]),
	],
	calls: ['EmployeeService.Absence2_GetList', 'EmployeeService.Absence2_Insert'],
	recordKey: employeeRecordKey,
	async execute(itemIndex) {
		const node = this.getNode();
		const companyId = readLocator.call(this, 'company', itemIndex);
		const employeeId = readLocator.call(this, 'employee', itemIndex);
		const start = readRequiredDate.call(this, itemIndex, 'startDate', 'First Day Absent');
		const percentage = parseWholeInRange(
			node,
			this.getNodeParameter('percentage', itemIndex, 100),
			'Percentage Absent',
			itemIndex,
			1,
			100,
		);
		const causeKey = parseChoice(
			node,
			this.getNodeParameter('cause', itemIndex, 'illness'),
			'Cause',
			itemIndex,
			[...Object.keys(CAUSES), 'none'],
		);
		const options = readOptions.call(this, itemIndex);
		const end = parseDate(node, options.endDate, 'Last Day Absent', itemIndex);
		requireOrder.call(
			this,
			itemIndex,
			{ label: 'First Day Absent', date: start },
			{ label: 'Last Day Absent', date: end },
		);
		const comment = parseSingleLineText(node, options.comment ?? '', 'Comment', itemIndex);
		const newDossier = parseBoolean(node, options.newDossier ?? true, 'New Dossier', itemIndex);
		const cause = CAUSES[causeKey];

		const { record, added } = await addOnce({
			what: `an absence of employee ${employeeId} from ${start} at ${percentage}%`,
			lockKey: `employee:${employeeId}:absence`,
			find: async () =>
				(await absencesOf.call(this, employeeId, itemIndex)).find(
					(absence) => dayOf(absence.Start) === start && Number(absence.Percentage) === percentage,
				),
			add: async () =>
				await nmbrsRequest(
					this,
					'EmployeeService.Absence2_Insert',
					{
						EmployeeId: employeeId,
						Absence: {
							AbsenceId: 0,
							Comment: comment,
							Percentage: percentage,
							Start: `${start}T00:00:00`,
							RegistrationStartDate: null,
							End: end === null ? null : `${end}T00:00:00`,
							RegistrationEndDate: null,
							Dossier: cause?.cause ?? null,
							Dossiernr: 0,
							AbsenceCause: cause ? { CauseId: cause.id, Cause: cause.cause } : null,
						},
						NewDossier: newDossier,
					},
					itemIndex,
				),
		});
		return returnRows.call(this, [record ?? {}], itemIndex, {
			extra: { EmployeeId: employeeId, CompanyId: companyId, Added: added },
		});
	},
};
