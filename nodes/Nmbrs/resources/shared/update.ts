/**
 * Read-modify-write: Nmbrs empties whatever an update leaves out, so a change of a few fields
 * reads the whole current record, changes those fields and writes all of it back.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { WireObject } from '../../wire';

export interface ReadModifyWrite {
	/** What is changed, for messages: 'the personal info of employee 42'. */
	what: string;
	/** The current record. */
	read: () => Promise<WireObject>;
	/** Field -> new value; only fields the record has may be changed. */
	changes: IDataObject;
	/** Fields the node never writes back empty, e.g. the BSN (refused when the record read lacks it). */
	keepFilled?: string[];
	/** Writes the whole record. */
	write: (record: WireObject) => Promise<unknown>;
}

/** Reads, changes and writes back; returns the record as written. */
export async function readModifyWrite(
	this: IExecuteFunctions,
	itemIndex: number,
	update: ReadModifyWrite,
): Promise<WireObject> {
	const node = this.getNode();
	const current = await update.read();
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
	try {
		await update.write(record);
	} catch (error) {
		// A fault means Nmbrs refused the write as a whole; without an answer, the transport's
		// message already says to check Nmbrs before running it again.
		if (error instanceof NodeApiError && error.httpCode === '500') {
			error.description = `${error.description ? `${error.description} ` : ''}Nmbrs refused the update of ${update.what}, so nothing was changed.`;
		}
		throw error;
	}
	return record;
}
