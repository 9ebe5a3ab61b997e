import { NodeOperationError } from 'n8n-workflow';

import { isRecord, nmbrsRequest } from '../../glue/request';
import type { ChangeableField } from '../shared/fieldsToChange';
import { recordUpdateOperation } from './updateRecord';

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Hours per day of both weeks of the rota, and the part-time percentage. */
const SCHEDULE_FIELDS: ChangeableField[] = [
	...[1, 2].flatMap((week) =>
		DAYS.map((day): ChangeableField => ({
			field: `Hours${day}${week === 1 ? '' : '2'}`,
			displayName: `${day} Hours${week === 1 ? '' : ' (Week 2)'}`,
			kind: 'hours',
			description: `Hours worked on ${day} of ${week === 1 ? 'the first' : 'the second'} week of the rota (0–24)`,
		})),
	),
	{
		field: 'ParttimePercentage',
		displayName: 'Part-Time Percentage',
		kind: 'percentage',
		description: 'Part-time percentage (0–100), e.g. 80 for a 32-hour week of a 40-hour company',
	},
];

export const updateSchedule = recordUpdateOperation({
	name: 'Update Schedule',
	description:
		"Change an employee's work schedule (hours per day of a two-week rota, part-time percentage) from the company's current period on, e.g. from 40 to 32 hours.",
	action: 'Update the schedule of an employee',
	fields: SCHEDULE_FIELDS,
	calls: ['EmployeeService.Schedule_GetCurrent', 'EmployeeService.Schedule_UpdateCurrent'],
	record(itemIndex, employeeId) {
		return {
			what: `the schedule of employee ${employeeId}`,
			lockKey: `employee:${employeeId}:schedule`,
			read: async () => {
				const current = await nmbrsRequest(
					this,
					'EmployeeService.Schedule_GetCurrent',
					{ EmployeeId: employeeId },
					itemIndex,
				);
				if (!isRecord(current)) {
					throw new NodeOperationError(
						this.getNode(),
						`Employee ${employeeId} has no schedule in the current period`,
						{
							itemIndex,
							description:
								'Nmbrs returned no schedule to change (the employee may start in a later period). Nothing was changed.',
						},
					);
				}
				return current;
			},
			// CompanyRoosterNr 0: the employee's own hours, no company schedule.
			write: async (record) =>
				await nmbrsRequest(
					this,
					'EmployeeService.Schedule_UpdateCurrent',
					{ EmployeeId: employeeId, Schedule: record, CompanyRoosterNr: 0 },
					itemIndex,
				),
		};
	},
});
