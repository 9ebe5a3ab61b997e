/**
 * Creating an employee without ever creating one twice, where Nmbrs gives a way to tell.
 *
 * Employee_InsertBasedOnDefault takes no employee number and Nmbrs has no idempotency key, so:
 * - with an Employee Number, the company is searched for it first; found under the same name, the
 *   employee is returned as it is (a rerun), found under another name the item stops. After the
 *   insert, the number is set with a checked read-modify-write of the personal info;
 * - after a failure that is not an Nmbrs fault (the insert may have been made), the company is
 *   searched for an employee of that name that was not there before (with a number), and that one
 *   is taken; without a number, the item says whether anyone of that name is there.
 * Creates in one company run one at a time in the n8n process, so the before/after search sees
 * only its own insert (from this process).
 */
import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asRecords, explain, isNmbrsFault, nmbrsRequest, refusedWrite } from '../../glue/request';
import { withRecordLock } from '../../glue/recordLock';
import type { ParamsOf } from '../../catalogue/calls';
import type { WireObject } from '../../wire';
import { updateCurrentPersonalInfo } from './personalInfo';

export interface NewEmployee {
	companyId: number;
	firstName: string;
	lastName: string;
	/** The employee number to give the new employee; null: the one Nmbrs picks. */
	employeeNumber: number | null;
	/** The parameters of Employee_InsertBasedOnDefault. */
	insert: ParamsOf<'EmployeeService.Employee_InsertBasedOnDefault'>;
}

export interface Inserted {
	employeeId: number;
	employeeNumber: number | null;
	/** False when the employee was there already (found by number: a rerun). */
	created: boolean;
}

/** The rerun policy of Create, in its description and in the README. */
export const CREATE_RERUN_NOTE =
	'With an Employee Number, running it again creates no second employee: the node looks for the number first. Without one, a rerun creates the employee again.';

interface Known {
	employeeId: number;
	employeeNumber: number | null;
	firstName: string;
	lastName: string;
}

const sameName = (a: { firstName: string; lastName: string }, b: Known) =>
	a.firstName.toLowerCase() === b.firstName.toLowerCase() &&
	a.lastName.toLowerCase() === b.lastName.toLowerCase();

/** Every employee of the company (in or out of service), with number and name as valid last. */
async function employeesOf(
	this: IExecuteFunctions,
	companyId: number,
	itemIndex: number,
): Promise<Known[]> {
	const items = asRecords(
		await nmbrsRequest(
			this,
			'EmployeeService.PersonalInfo_GetAll_AllEmployeesByCompany',
			{ CompanyID: companyId },
			itemIndex,
		),
	);
	return items.map((item) => {
		const versions = asRecords(item.EmployeePersonalInfos ?? null);
		const last: WireObject = versions[versions.length - 1] ?? {};
		return {
			employeeId: Number(item.EmployeeId),
			employeeNumber: typeof last.EmployeeNumber === 'number' ? last.EmployeeNumber : null,
			firstName: String(last.FirstName ?? ''),
			lastName: String(last.LastName ?? ''),
		};
	});
}

export async function insertOnce(
	this: IExecuteFunctions,
	itemIndex: number,
	employee: NewEmployee,
): Promise<Inserted> {
	const node = this.getNode();
	const name = `${employee.firstName} ${employee.lastName}`;
	return await withRecordLock(`company:${employee.companyId}:employees`, async () => {
		// Only with a number is the company listed first: the list is one large call per create.
		const before =
			employee.employeeNumber === null
				? undefined
				: await employeesOf.call(this, employee.companyId, itemIndex);
		if (before !== undefined) {
			const holder = before.find((e) => e.employeeNumber === employee.employeeNumber);
			if (holder && sameName(employee, holder)) {
				return {
					employeeId: holder.employeeId,
					employeeNumber: holder.employeeNumber,
					created: false,
				};
			}
			if (holder) {
				throw new NodeOperationError(
					node,
					`Employee number ${employee.employeeNumber} is taken in company ${employee.companyId}`,
					{
						itemIndex,
						description: `Employee ${holder.employeeId} (${holder.firstName} ${holder.lastName}) has that number, not ${name}. Give another Employee Number. Nothing was created.`,
					},
				);
			}
		}

		let employeeId: number;
		try {
			employeeId = Number(
				await nmbrsRequest(
					this,
					'EmployeeService.Employee_InsertBasedOnDefault',
					employee.insert,
					itemIndex,
				),
			);
		} catch (error) {
			employeeId = await findAfterFailedInsert.call(this, itemIndex, employee, before, error);
		}

		if (employee.employeeNumber !== null) {
			await giveNumber.call(this, itemIndex, employeeId, employee.employeeNumber);
		}
		return { employeeId, employeeNumber: employee.employeeNumber, created: true };
	});
}

/** After an insert failed: its ID when the employee is there all the same, else a truthful error. */
async function findAfterFailedInsert(
	this: IExecuteFunctions,
	itemIndex: number,
	employee: NewEmployee,
	before: Known[] | undefined,
	error: unknown,
): Promise<number> {
	const name = `${employee.firstName} ${employee.lastName}`;
	const where = `company ${employee.companyId}`;
	// What became of the insert, in place of the transport's "may or may not have been made".
	const say = (sentence: string) => explain(error, sentence, true);
	if (isNmbrsFault(error)) {
		throw refusedWrite(error, `to create ${name}`, 'nothing was created');
	}
	let after: Known[];
	try {
		after = await employeesOf.call(this, employee.companyId, itemIndex);
	} catch {
		throw explain(
			error,
			`Looking for ${name} in ${where} afterwards failed too: check ${where} in Nmbrs for a new employee of that name before running this again.`,
		);
	}
	const named = after.filter((e) => sameName(employee, e));
	if (before === undefined) {
		// Without the list from before, a new employee cannot be told from an older namesake.
		if (named.length > 0) {
			throw say(
				`${name} may or may not have been created: Nmbrs shows employee ${named.map((e) => e.employeeId).join(', ')} of that name in ${where}. Check whether one is new before running this again; with an Employee Number the node can tell by itself.`,
			);
		}
		throw say(
			`Nmbrs shows no employee named ${name} in ${where}, so none was created. Running it again is safe.`,
		);
	}
	const known = new Set(before.map((e) => e.employeeId));
	const created = named.filter((e) => !known.has(e.employeeId));
	if (created.length === 1) return created[0].employeeId;
	if (created.length === 0) {
		throw say(
			`Nmbrs shows no new employee named ${name} in ${where}, so none was created. Running it again is safe.`,
		);
	}
	throw say(
		`${created.length} new employees named ${name} appeared in ${where} (${created.map((e) => e.employeeId).join(', ')}): someone else is creating employees there at the same time. Check them in Nmbrs before running this again.`,
	);
}

/** Sets the new employee's number (Nmbrs picks one at insert), checked by reading it back. */
async function giveNumber(
	this: IExecuteFunctions,
	itemIndex: number,
	employeeId: number,
	employeeNumber: number,
): Promise<void> {
	try {
		// A new employee has no BSN yet: it is written back empty, as it is.
		await updateCurrentPersonalInfo.call(
			this,
			itemIndex,
			employeeId,
			{ EmployeeNumber: employeeNumber },
			[],
		);
	} catch (error) {
		throw explain(
			error,
			`The employee was created as ID ${employeeId}, but giving it the number ${employeeNumber} failed: give employee ${employeeId} that number in Nmbrs before running this again, or a rerun creates a second employee.`,
		);
	}
}
