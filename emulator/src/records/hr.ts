/**
 * HR records kept beside the employees: leave (verlof), the cause an absence was registered with,
 * and which absence a partial recovery continued. Plain JSON, saved with the world; a world saved
 * before these existed has none, so every reader goes through hrOf.
 */
import { ABSENCE_DOSSIERS } from '../world/dutchData';
import type { AbsenceRecord, Employee } from '../world/model';
import type { World } from '../world/world';

/** The catalogue's LeaveType without 'Undefined' (a leave always has one of these: else 2022). */
export const LEAVE_TYPES = ['Type1', 'Type2', 'Type3', 'Type4'] as const;
export const LEAVE_USAGE_TYPES = ['Withdrawal', 'Store', 'Expired'] as const;
export const LEAVE_STATUSES = ['None', 'Pending', 'Approved', 'Rejected'] as const;

export type LeaveType = (typeof LEAVE_TYPES)[number];
export type LeaveUsageType = (typeof LEAVE_USAGE_TYPES)[number];
export type LeaveStatus = (typeof LEAVE_STATUSES)[number];

export interface LeaveRecord {
	id: number;
	type: LeaveType;
	/** Withdrawal: leave taken; Store: hours added to the balance; Expired: hours that lapsed. */
	usageType: LeaveUsageType;
	status: LeaveStatus;
	description: string | null;
	/** 'YYYY-MM-DDTHH:mm:ss' */
	start: string;
	end: string;
	hours: number;
	/** Hours on the first and on the last day (our reading of StartHours/EndHours). */
	startHours: number;
	endHours: number;
}

export interface AbsenceCause {
	causeId: number;
	cause: string | null;
}

export interface HrRecords {
	/** Leave per employee id. */
	leave: Record<number, LeaveRecord[]>;
	/** The cause given when an absence was inserted (Absence2_Insert), per absence id. */
	absenceCauses: Record<number, AbsenceCause>;
	/** Absence id -> the absence a partial recovery continued it in (from the recovery date on). */
	absenceContinuations: Record<number, number>;
}

export function hrOf(world: World): HrRecords {
	const hr = (world.hr ??= { leave: {}, absenceCauses: {}, absenceContinuations: {} });
	// A saved world may hold an older, partial shape.
	hr.leave ??= {};
	hr.absenceCauses ??= {};
	hr.absenceContinuations ??= {};
	return hr;
}

/** The employee's leave (a list kept in the world when `create`, else possibly a fresh empty one). */
export function leaveOf(world: World, employeeId: number, create = false): LeaveRecord[] {
	const hr = hrOf(world);
	const list = hr.leave[employeeId] ?? [];
	if (create) hr.leave[employeeId] = list;
	return list;
}

/**
 * Absence causes: the emulator's own code list, the same kinds as the dossiers (an assumption:
 * Nmbrs publishes no list). An absence inserted without a cause has the one its dossier names.
 */
export const ABSENCE_CAUSES: readonly AbsenceCause[] = ABSENCE_DOSSIERS.map((cause, i) => ({
	causeId: i + 1,
	cause,
}));

export function causeOf(world: World, absence: AbsenceRecord): AbsenceCause | null {
	return (
		hrOf(world).absenceCauses[absence.id] ??
		ABSENCE_CAUSES.find((c) => c.cause === absence.dossier) ??
		null
	);
}

/** The absence that is current for `absence`: itself, or the last partial recovery of it. */
export function latestPartOf(
	world: World,
	employee: Employee,
	absence: AbsenceRecord,
): AbsenceRecord {
	const continuations = hrOf(world).absenceContinuations;
	let current = absence;
	// At most one step per absence: a damaged saved world with a cycle cannot hang the call.
	for (let step = 0; step < employee.absences.length; step++) {
		const next = continuations[current.id];
		const found = next === undefined ? undefined : employee.absences.find((a) => a.id === next);
		if (!found) break;
		current = found;
	}
	return current;
}
