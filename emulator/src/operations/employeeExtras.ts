/**
 * Employee calls that act on a record rather than store one: a bank account added to or removed
 * from the set that holds from a period, a service ended undone, the seniority date, the debtor's
 * function by id and the reasons a service ends.
 */
import { isValidIban } from '../world/identifiers';
import { versionAt } from '../world/history';
import type { BankAccountData, Company, Employee } from '../world/model';
import { touch, type World } from '../world/world';
import { END_SERVICE_REASONS, requiredDate } from '../records/histories';
import { currentPeriod, periodParam } from '../records/requests';
import { NmbrsFault, requireEmployee, requireUnprotected } from './faults';
import { findAnyOperation } from '../../../nodes/Nmbrs/catalogue';
import { bool, handler, int, obj, type OperationHandler } from './params';
import type { PeriodRef } from '../world/calendar';
import { userSeesDebtor } from '../world/users';

const invalid = (what: string) => new NmbrsFault(2030, `Invalid set of values: ${what}`);

/**
 * The employee's bank accounts change from `at` on: the set that held then, changed, becomes the
 * version of that period (a version starting then is replaced).
 */
function changeAccounts(
	world: World,
	employee: Employee,
	at: PeriodRef,
	change: (accounts: BankAccountData[]) => BankAccountData[],
): void {
	const held = versionAt(employee.bankAccounts, at)?.accounts ?? [];
	employee.bankAccounts = employee.bankAccounts.filter(
		(v) => v.startYear !== at.year || v.startPeriod !== at.period,
	);
	employee.bankAccounts.push({
		id: world.nextIds.record++,
		startYear: at.year,
		startPeriod: at.period,
		creationDate: world.clock.now(),
		accounts: change(held),
	});
	touch(world);
}

/** A bank account from a request: a valid IBAN is required (2030); the type as given. */
function accountFrom(world: World, input: Record<string, unknown> | null): BankAccountData {
	const iban = typeof input?.IBAN === 'string' ? input.IBAN.replace(/\s/g, '').toUpperCase() : '';
	if (!isValidIban(iban)) throw invalid(`IBAN ${iban || '(none)'} is not a valid IBAN`);
	const text = (name: string) =>
		typeof input?.[name] === 'string' && input[name] !== '' ? (input[name] as string) : null;
	return {
		id: world.nextIds.record++,
		iban,
		bic: text('BIC') ?? '',
		bankName: '',
		number: iban.slice(-10),
		description: text('Description') ?? 'Bankrekening',
		city: text('City'),
		type: input?.Type === 'Bankrekening2' ? 'Bankrekening2' : 'Standaard',
	};
}

function insertAccount(
	world: World,
	company: Company,
	employee: Employee,
	at: PeriodRef,
	input: Record<string, unknown> | null,
	unprotectedMode: boolean,
): number {
	const account = accountFrom(world, input);
	requireUnprotected(world, company, at, unprotectedMode);
	changeAccounts(world, employee, at, (held) => [...held, account]);
	return account.id;
}

const bankAccountInsert = findAnyOperation('EmployeeService', 'BankAccount_Insert');

export const employeeExtraHandlers: Array<[string, OperationHandler]> = [
	handler('EmployeeService.BankAccount_Insert', (world, { user, params }) => {
		const { employee, company } = requireEmployee(world, user, int(params, 'EmployeeId'));
		const at = bankAccountInsert
			? periodParam(world, company, bankAccountInsert, params)
			: currentPeriod(world, company);
		return insertAccount(
			world,
			company,
			employee,
			at,
			obj(params, 'BankAccount'),
			bool(params, 'UnprotectedMode'),
		);
	}),
	handler('EmployeeService.BankAccount_InsertCurrent', (world, { user, params }) => {
		const { employee, company } = requireEmployee(world, user, int(params, 'EmployeeId'));
		return insertAccount(
			world,
			company,
			employee,
			currentPeriod(world, company),
			obj(params, 'BankAccount'),
			false,
		);
	}),
	handler('EmployeeService.BankAccount_DeleteCurrent', (world, { user, params }) => {
		const { employee, company } = requireEmployee(world, user, int(params, 'EmployeeId'));
		const at = currentPeriod(world, company);
		const id = int(params, 'BankAccountID');
		if (!(versionAt(employee.bankAccounts, at)?.accounts ?? []).some((a) => a.id === id))
			throw new NmbrsFault(2046, `Not found: employee ${employee.id} has no bank account ${id}`);
		changeAccounts(world, employee, at, (held) => held.filter((a) => a.id !== id));
		// The answer's text is not known: the id removed (our choice).
		return String(id);
	}),
	handler('EmployeeService.Service_RemoveOutService', (world, { user, params }) => {
		const { employee, company } = requireEmployee(world, user, int(params, 'EmployeeId'));
		const last = [...employee.employments]
			.sort((a, b) => a.startDate.localeCompare(b.startDate))
			.at(-1);
		if (!last || last.endDate === null) return false;
		requireUnprotected(
			world,
			company,
			currentPeriod(world, company),
			bool(params, 'UnprotectedMode'),
		);
		last.endDate = null;
		delete last.endReason;
		touch(world);
		return true;
	}),
	handler(
		'EmployeeService.Employment_UpdateEmploymentInitialStartDate',
		(world, { user, params }) => {
			const { employee } = requireEmployee(world, user, int(params, 'EmployeeId'));
			const date = requiredDate(params.InitialStartDate, 'InitialStartDate');
			const last = [...employee.employments]
				.sort((a, b) => a.startDate.localeCompare(b.startDate))
				.at(-1);
			if (!last) throw invalid('the employee has no employment');
			last.initialStartDate = date;
			touch(world);
			return undefined;
		},
	),
	handler('EmployeeService.EndServiceReason_GetList', () =>
		END_SERVICE_REASONS.map((description, i) => ({ ID: i + 1, Description: description })),
	),
	handler('EmployeeService.Function_GetFunction', (world, { user, params }) => {
		const id = int(params, 'FunctionID');
		for (const debtor of world.debtors.filter((d) => userSeesDebtor(user, d.id))) {
			const found = debtor.functions.find((f) => f.id === id);
			if (found) return { Id: found.id, Code: found.code, Description: found.description };
		}
		throw new NmbrsFault(2046, `Not found: no function ${id}`);
	}),
];
