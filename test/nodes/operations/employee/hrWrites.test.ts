/**
 * Employee → Get Leave, Add Leave, Report Absence, Report Recovery: what they write is read back
 * from Nmbrs; a rerun adds nothing twice; a lost answer is told truthfully; bad input is refused
 * before any call, naming the field.
 */
import type { IHttpRequestOptions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { leaveOf } from '../../../../emulator/src/records/hr';
import { plainHttp, type FullResponse, type SentRequest } from '../../harness';
import { callsOf, failure, runNode, useEmulator, type RunOptions } from '../../runNode';
import { employeeInService, locators } from './world';

const emulator = useEmulator();

const run = (operation: string, params: Record<string, unknown>, options: RunOptions = {}) =>
	runNode(
		emulator().soapBaseUrl,
		{ resource: 'employee', operation, options: {}, ...params },
		options,
	);
const told = (error: Error) => `${error.message} ${(error as NodeApiError).description ?? ''}`;

/** Sends the call on to the emulator, then answers as if its answer were lost (counted in `lost`). */
function answerLost(operationName: string, lost: string[]) {
	return async (options: IHttpRequestOptions): Promise<FullResponse | undefined> => {
		if (!String(options.headers?.SOAPAction ?? '').endsWith(`/${operationName}`)) return undefined;
		await plainHttp()(options);
		lost.push(operationName);
		return { statusCode: 502, headers: {}, body: '<html><body>Bad Gateway</body></html>' };
	};
}

describe('Employee → Add Leave and Get Leave', () => {
	const leave = {
		startDate: '2026-12-21',
		endDate: '2026-12-23',
		hours: 0,
		usage: 'Withdrawal',
		leaveType: 'Type1',
		options: { description: 'Christmas' },
	};

	it('adds the leave with the scheduled hours, and Get Leave lists it', async () => {
		const employee = employeeInService(emulator(), 3);
		const before = leaveOf(emulator().world, employee.id).length;
		const [item] = await run('addLeave', { ...locators(employee), ...leave });
		expect(item.json).toMatchObject({
			Description: 'Christmas',
			Type: 'Type1',
			UsageType: 'Withdrawal',
			Start: '2026-12-21T00:00:00',
			End: '2026-12-23T00:00:00',
			Added: true,
			EmployeeId: employee.id,
		});
		expect(item.json.Hours).toBeGreaterThan(0);
		expect(leaveOf(emulator().world, employee.id)).toHaveLength(before + 1);

		const listed = await run('getLeave', { ...locators(employee), year: '2026' });
		expect(
			listed.some((l) => l.json.Id === item.json.Id && l.json.Description === 'Christmas'),
		).toBe(true);
	});

	it('a rerun adds nothing: it finds the leave and says Added false', async () => {
		const employee = employeeInService(emulator(), 4);
		await run('addLeave', { ...locators(employee), ...leave });
		const count = leaveOf(emulator().world, employee.id).length;
		const sent: SentRequest[] = [];
		const [again] = await run('addLeave', { ...locators(employee), ...leave }, { sent });
		expect(again.json.Added).toBe(false);
		expect(callsOf(sent)).toEqual(['EmployeeService.Leave_GetList_V2']);
		expect(leaveOf(emulator().world, employee.id)).toHaveLength(count);
	});

	it('the answer lost after Nmbrs added it: reading back finds it, the item succeeds once', async () => {
		const employee = employeeInService(emulator(), 5);
		const count = leaveOf(emulator().world, employee.id).length;
		const lost: string[] = [];
		const [item] = await run(
			'addLeave',
			{ ...locators(employee), ...leave },
			{ intercept: answerLost('Leave_Insert', lost) },
		);
		expect(lost).toEqual(['Leave_Insert']);
		expect(item.json.Added).toBe(true);
		expect(leaveOf(emulator().world, employee.id)).toHaveLength(count + 1);
	});

	it('refuses an end before the start and an unknown leave type before any call', async () => {
		const employee = employeeInService(emulator(), 3);
		const sent: SentRequest[] = [];
		const backwards = await failure(
			run('addLeave', { ...locators(employee), ...leave, endDate: '2026-12-20' }, { sent }),
		);
		expect(backwards.message).toBe('End Date 2026-12-20 lies before Start Date 2026-12-21');
		const unknown = await failure(
			run('addLeave', { ...locators(employee), ...leave, leaveType: 'Type9' }, { sent }),
		);
		expect(unknown.message).toBe('The Leave Type "Type9" is not valid');
		expect(told(unknown)).toContain('Type1, Type2, Type3, Type4');
		expect(sent).toHaveLength(0);
	});
});

describe('Employee → Report Absence', () => {
	const report = { startDate: '2026-11-23', percentage: 100, cause: 'workAccident' };

	it('reports the absence with its cause; Nmbrs lists it open; a rerun adds nothing', async () => {
		const employee = employeeInService(emulator(), 6);
		const before = employee.absences.length;
		const [item] = await run('reportAbsence', { ...locators(employee), ...report });
		expect(item.json).toMatchObject({
			Start: '2026-11-23T00:00:00',
			Percentage: 100,
			End: null,
			AbsenceCause: { CauseId: 3, Cause: 'Arbeidsongeval' },
			Added: true,
		});
		expect(employee.absences).toHaveLength(before + 1);
		const [again] = await run('reportAbsence', { ...locators(employee), ...report });
		expect(again.json).toMatchObject({ AbsenceId: item.json.AbsenceId, Added: false });
		expect(employee.absences).toHaveLength(before + 1);
	});

	it('refuses an unknown cause and a last day before the first, before any call', async () => {
		const employee = employeeInService(emulator(), 6);
		const sent: SentRequest[] = [];
		const cause = await failure(
			run('reportAbsence', { ...locators(employee), ...report, cause: 'flu' }, { sent }),
		);
		expect(cause.message).toBe('The Cause "flu" is not valid');
		const backwards = await failure(
			run(
				'reportAbsence',
				{ ...locators(employee), ...report, options: { endDate: '2026-11-20' } },
				{ sent },
			),
		);
		expect(backwards.message).toBe(
			'Last Day Absent 2026-11-20 lies before First Day Absent 2026-11-23',
		);
		const percentage = await failure(
			run('reportAbsence', { ...locators(employee), ...report, percentage: 0 }, { sent }),
		);
		expect(percentage.message).toBe('The Percentage Absent "0" is not valid');
		expect(sent).toHaveLength(0);
	});
});

describe('Employee → Report Recovery', () => {
	/** Reports the employee sick from 2026-11-16 through the node: its absence ID. */
	async function sick(n: number) {
		const employee = employeeInService(emulator(), n);
		const [item] = await run('reportAbsence', {
			...locators(employee),
			startDate: '2026-11-16',
			percentage: 100,
			cause: 'illness',
		});
		return { employee, absenceId: Number(item.json.AbsenceId) };
	}

	it('ends the latest open absence on its last day; a rerun records nothing twice', async () => {
		const { employee, absenceId } = await sick(7);
		const [item] = await run('reportRecovery', {
			...locators(employee),
			absenceId: '',
			recovery: 'full',
			lastDay: '2026-11-24',
		});
		expect(item.json).toMatchObject({
			AbsenceId: absenceId,
			End: '2026-11-24T00:00:00',
			Recorded: true,
		});
		expect(employee.absences.find((a) => a.id === absenceId)?.end).toBe('2026-11-24');
		const sent: SentRequest[] = [];
		const [again] = await run(
			'reportRecovery',
			{
				...locators(employee),
				absenceId: String(absenceId),
				recovery: 'full',
				lastDay: '2026-11-24',
			},
			{ sent },
		);
		expect(again.json.Recorded).toBe(false);
		expect(callsOf(sent)).not.toContain('EmployeeService.Absence_RecoveryInsert');
	});

	it('a partial recovery: absent at 50 % from a date on, in the same dossier', async () => {
		const { employee, absenceId } = await sick(8);
		const dossier = employee.absences.find((a) => a.id === absenceId)!.dossierNumber;
		const [item] = await run('reportRecovery', {
			...locators(employee),
			absenceId: String(absenceId),
			recovery: 'partial',
			fromDate: '2026-11-20',
			percentage: 50,
		});
		expect(item.json).toMatchObject({
			Start: '2026-11-20T00:00:00',
			Percentage: 50,
			Dossiernr: dossier,
			Recorded: true,
		});
		const parts = employee.absences.filter((a) => a.dossierNumber === dossier);
		expect(parts.map((a) => [a.start, a.end, a.percentage])).toEqual([
			['2026-11-16', '2026-11-19', 100],
			['2026-11-20', null, 50],
		]);
	});

	it('refuses a last day before the absence began (after reading it, before writing)', async () => {
		const { employee, absenceId } = await sick(9);
		const sent: SentRequest[] = [];
		const error = await failure(
			run(
				'reportRecovery',
				{
					...locators(employee),
					absenceId: String(absenceId),
					recovery: 'full',
					lastDay: '2026-11-10',
				},
				{ sent },
			),
		);
		expect(error.message).toBe(
			`Last Day Absent 2026-11-10 lies before absence ${absenceId} started (2026-11-16)`,
		);
		expect(callsOf(sent)).toEqual(['EmployeeService.Absence2_GetList']);
	});

	it('an absence ID the employee does not have is named, nothing is written', async () => {
		const employee = employeeInService(emulator(), 9);
		const error = await failure(
			run('reportRecovery', {
				...locators(employee),
				absenceId: '999999',
				recovery: 'full',
				lastDay: '2026-11-24',
			}),
		);
		expect(error.message).toBe(`Employee ${employee.id} has no absence 999999`);
	});
});
