/**
 * Adding a record Nmbrs gives no key for (a leave, an absence) without adding it twice: under the
 * record's lock in the n8n process, the employee's records are read first and a record that is
 * there already (the same dates, hours, percentage...) is returned instead of added again (a
 * rerun). After a failure that is not an Nmbrs fault the write may have happened, so the records
 * are read again to tell, and the error says which.
 */
import { explain, isNmbrsFault, refusedWrite } from '../../glue/request';
import { withRecordLock } from '../../glue/recordLock';
import type { WireObject, WireValue } from '../../wire';

export interface AddOnce {
	/** What is added, for messages: 'the leave of employee 42 from 2026-07-06 to 2026-07-17'. */
	what: string;
	lockKey: string;
	/** The record as Nmbrs has it, if it is there. */
	find: () => Promise<WireObject | undefined>;
	/** Adds it; its answer (e.g. the new ID) is not needed: find() reads the record back. */
	add: () => Promise<WireValue>;
}

/** The rerun policy of these adds, in their descriptions and in the README. */
export const ADD_RERUN_NOTE =
	'Running it again adds nothing twice: a record with the same values that is there already is returned, with Added false.';

export async function addOnce(
	spec: AddOnce,
): Promise<{ record: WireObject | undefined; added: boolean }> {
	return await withRecordLock(spec.lockKey, async () => {
		const there = await spec.find();
		if (there) return { record: there, added: false };
		try {
			await spec.add();
		} catch (error) {
			if (isNmbrsFault(error))
				throw refusedWrite(error, `to add ${spec.what}`, 'nothing was added');
			let after: WireObject | undefined;
			try {
				after = await spec.find();
			} catch {
				throw explain(
					error,
					`Reading the records back failed too: check in Nmbrs whether ${spec.what} is there before running this again.`,
				);
			}
			if (after) return { record: after, added: true };
			throw explain(
				error,
				`Nmbrs shows no ${spec.what}, so it was not added. Running it again is safe.`,
				true,
			);
		}
		try {
			return { record: await spec.find(), added: true };
		} catch (error) {
			throw explain(
				error,
				`Nmbrs accepted ${spec.what}, but reading it back failed. Running it again adds nothing twice.`,
				true,
			);
		}
	});
}
