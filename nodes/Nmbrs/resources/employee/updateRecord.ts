/**
 * The shape of the operations that change some fields of one of an employee's records (personal
 * info, an address, the schedule): the fields checked before any call, a read-modify-write under
 * the record's lock (shared/update), and one item with the record as Nmbrs has it afterwards.
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { CuratedCall } from '../../catalogue/calls';
import { employeeRecordKey, locatorProperty, readLocator } from '../../common/locators';
import { returnRows } from '../../common/rows';
import type { WireObject } from '../../wire';
import { fieldsToChange, readChanges, type ChangeableField } from '../shared/fieldsToChange';
import { readModifyWrite, UPDATE_RERUN_NOTE, type ReadModifyWrite } from '../shared/update';
import type { NmbrsOperation } from '../types';

export interface RecordUpdateSpec extends Pick<NmbrsOperation, 'name' | 'action'> {
	/** What it changes and how, before the rerun note. */
	description: string;
	fields: ChangeableField[];
	/** Parameters between the employee and the fields (which address). */
	properties?: INodeProperties[];
	/** Options after the fields. */
	options?: INodeProperties;
	calls: CuratedCall[];
	/** How item i's record is read and written. */
	record(
		this: IExecuteFunctions,
		itemIndex: number,
		employeeId: number,
	): Omit<ReadModifyWrite, 'changes'>;
	/** Whether item i's output leaves the BSN out. */
	withoutBsn?(this: IExecuteFunctions, itemIndex: number): boolean;
}

export function recordUpdateOperation(spec: RecordUpdateSpec): NmbrsOperation {
	return {
		name: spec.name,
		description: `${spec.description} Give only the fields to change: the node reads the current record, writes all of it back and reads it again to check, so every other field stays as it is. Returns the record as Nmbrs has it after the change. ${UPDATE_RERUN_NOTE}`,
		action: spec.action,
		properties: [
			locatorProperty('company'),
			locatorProperty('employee'),
			...(spec.properties ?? []),
			fieldsToChange(spec.fields),
			...(spec.options ? [spec.options] : []),
		],
		calls: spec.calls,
		recordKey: employeeRecordKey,
		async execute(itemIndex) {
			const companyId = readLocator.call(this, 'company', itemIndex);
			const employeeId = readLocator.call(this, 'employee', itemIndex);
			const changes = readChanges.call(this, itemIndex, spec.fields);
			const record = spec.record.call(this, itemIndex, employeeId);
			const withoutBsn = spec.withoutBsn?.call(this, itemIndex) ?? false;
			const written: WireObject = await readModifyWrite.call(this, itemIndex, {
				...record,
				changes,
			});
			return returnRows.call(this, [written], itemIndex, {
				withoutBsn,
				extra: {
					EmployeeId: employeeId,
					CompanyId: companyId,
					ChangedFields: Object.keys(changes),
				},
			});
		},
	};
}
