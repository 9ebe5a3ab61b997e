/**
 * Read-modify-write: Nmbrs empties whatever an update leaves out, so a change of a few fields
 * reads the whole current record, changes those fields and writes all of it back.
 *
 * Nmbrs has no version stamps, so two writers of one record would each write back what they read
 * and the later one would undo the earlier one's change. Hence, for every read-modify-write:
 * - the record is locked for the whole n8n process (glue/recordLock), from the read to the check;
 * - the record is read just before the write, and read back after it: the fields set must hold,
 *   else (another process wrote in between) the change is made again, a bounded number of times;
 * - a failure says truthfully whether the change may have happened: only an Nmbrs fault proves
 *   that nothing was written; after any other failure the record is read back to find out.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { explain, isNmbrsFault, refusedWrite } from '../../glue/request';
import { withRecordLock } from '../../glue/recordLock';
import type { WireObject, WireValue } from '../../wire';

export interface ReadModifyWrite {
	/** What is changed, for messages: 'the personal info of employee 42'. */
	what: string;
	/** The record, the same for every operation that writes it: 'employee:42:personalInfo'. */
	lockKey: string;
	/** The current record. */
	read: () => Promise<WireObject>;
	/** Field -> new value; only fields the record has may be changed. */
	changes: IDataObject;
	/** Fields the node never writes back empty, e.g. the BSN (refused when the record read lacks it). */
	keepFilled?: string[];
	/** Writes the whole record. */
	write: (record: WireObject) => Promise<unknown>;
}

/** Writes of one change before giving up when a read-back keeps showing something else. */
export const MAX_WRITE_ATTEMPTS = 3;

/** The rerun policy of an update, in its hint and in the README. */
export const UPDATE_RERUN_NOTE =
	'Running it again is safe: an update sets the same values again, it never adds anything.';

/** A date as Nmbrs returns it ('1990-02-03T00:00:00') and as the node writes it ('1990-02-03'). */
const DATE = /^(\d{4}-\d{2}-\d{2})(?:T00:00:00)?$/;

function comparable(value: WireValue | undefined | IDataObject[string]): string {
	if (value === null || value === undefined) return '';
	const text = String(value).trim();
	return (DATE.exec(text)?.[1] ?? text).toLowerCase();
}

/** The changed fields whose value Nmbrs does not show now (case and a date's midnight aside). */
export function fieldsNotHolding(record: WireObject, changes: IDataObject): string[] {
	return Object.keys(changes).filter(
		(field) => comparable(record[field]) !== comparable(changes[field]),
	);
}

/** Reads, changes and writes back under the record's lock; returns the record as Nmbrs has it after. */
export async function readModifyWrite(
	this: IExecuteFunctions,
	itemIndex: number,
	update: ReadModifyWrite,
): Promise<WireObject> {
	return await withRecordLock(update.lockKey, async () => {
		let notHolding: string[] = [];
		for (let attempt = 1; attempt <= MAX_WRITE_ATTEMPTS; attempt++) {
			const current = await update.read();
			const record = changedRecord.call(this, itemIndex, update, current);
			try {
				await update.write(record);
			} catch (error) {
				const outcome = await afterFailedWrite(update, error);
				// The answer was lost, but the change is there: that is what the user asked for.
				if ('made' in outcome) return outcome.made;
				throw outcome.error;
			}
			const after = await readBack(update);
			notHolding = fieldsNotHolding(after, update.changes);
			if (notHolding.length === 0) return after;
		}
		throw new NodeOperationError(
			this.getNode(),
			`The change of ${notHolding.join(', ')} did not hold in ${update.what}`,
			{
				itemIndex,
				description: `Each of ${MAX_WRITE_ATTEMPTS} times, reading the record back after writing it showed another value for ${notHolding.join(', ')}: someone or something else is changing this record at the same time (another n8n worker, a user in Nmbrs), or Nmbrs changes the value as it stores it. Check ${update.what} in Nmbrs. ${UPDATE_RERUN_NOTE}`,
			},
		);
	});
}

/** The record to write: the current one with the changes, checked before anything is sent. */
function changedRecord(
	this: IExecuteFunctions,
	itemIndex: number,
	update: ReadModifyWrite,
	current: WireObject,
): WireObject {
	const node = this.getNode();
	const unknown = Object.keys(update.changes).filter((field) => !(field in current));
	if (unknown.length > 0) {
		throw new NodeOperationError(
			node,
			`Cannot change ${unknown.join(', ')}: not a field of ${update.what}`,
			{
				itemIndex,
				description: `The fields that can be changed are: ${Object.keys(current).join(', ')}. Nothing was changed.`,
			},
		);
	}
	const record: WireObject = { ...current, ...(update.changes as WireObject) };
	for (const field of update.keepFilled ?? []) {
		const value = record[field];
		if (value === null || value === undefined || value === '') {
			throw new NodeOperationError(node, `${update.what} has no ${field} to write back`, {
				itemIndex,
				description: `Writing the record would empty the ${field} in Nmbrs, so nothing was changed. Give the ${field} among the fields to change.`,
			});
		}
	}
	return record;
}

/** The read after a write: its failure does not undo the write, and must say so. */
async function readBack(update: ReadModifyWrite): Promise<WireObject> {
	try {
		return await update.read();
	} catch (error) {
		throw explain(
			error,
			`The update of ${update.what} was sent and Nmbrs accepted it, but reading it back to check it failed. ${UPDATE_RERUN_NOTE}`,
			true,
		);
	}
}

/**
 * A failed write, told truthfully: a fault means Nmbrs refused it as a whole; after anything else
 * (an HTTP error, a cut or garbled answer, no answer) the change may have been made, so the
 * record is read back to tell which. Returns the record when the change is there after all.
 */
async function afterFailedWrite(
	update: ReadModifyWrite,
	error: unknown,
): Promise<{ made: WireObject } | { error: unknown }> {
	if (isNmbrsFault(error)) {
		return {
			error: refusedWrite(error, `the update of ${update.what}`),
		};
	}
	let after: WireObject;
	try {
		after = await update.read();
	} catch {
		return {
			error: explain(
				error,
				`The update of ${update.what} may or may not have been made, and reading it back failed too: check it in Nmbrs. ${UPDATE_RERUN_NOTE}`,
			),
		};
	}
	const notHolding = fieldsNotHolding(after, update.changes);
	if (notHolding.length === 0) return { made: after };
	return {
		error: explain(
			error,
			`Reading ${update.what} back shows ${notHolding.join(', ')} unchanged, so the update was not made. ${UPDATE_RERUN_NOTE}`,
			true,
		),
	};
}
