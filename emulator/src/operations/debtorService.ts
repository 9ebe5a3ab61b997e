/**
 * DebtorService: the accountant's clients, the environment, departments and functions. A debtor
 * that exists but lies outside the login's debtors (its filters / tags) is 1003 here; an unknown
 * DebtorId stays 2009 (REFERENCE §1.5). Other services answer both with their own 2009/2004/2003.
 */
import type { Debtor, EmulatorUser } from '../world/model';
import { userSeesDebtor } from '../world/users';
import { findDebtor, type World } from '../world/world';
import { requireDebtor, unauthorized } from './faults';
import { handler, int, type OperationHandler, type Params } from './params';
import { addressRecord } from './records';

function debtorOf(world: World, user: EmulatorUser, params: Params): Debtor {
	const id = int(params, 'DebtorId');
	const debtor = findDebtor(world, id);
	if (debtor && !userSeesDebtor(user, debtor.id)) throw unauthorized(1003);
	return requireDebtor(world, user, id);
}

export const debtorHandlers: Array<[string, OperationHandler]> = [
	handler('DebtorService.Environment_Get', (_world, { user }) => ({
		Domain: `${user.domain}.nmbrs.nl`,
		SubDomain: user.domain,
	})),
	handler('DebtorService.List_GetAll', (world, { user }) =>
		world.debtors
			.filter((d) => userSeesDebtor(user, d.id))
			.map((d) => ({ Id: d.id, Number: d.number, Name: d.name })),
	),
	handler('DebtorService.Debtor_Get', (world, { user, params }) => {
		const debtor = debtorOf(world, user, params);
		return { Id: debtor.id, Number: debtor.number, Name: debtor.name };
	}),
	handler('DebtorService.Department_GetList', (world, { user, params }) =>
		debtorOf(world, user, params).departments.map((d) => ({
			Id: d.id,
			Code: d.code,
			Description: d.description,
		})),
	),
	handler('DebtorService.Function_GetList', (world, { user, params }) =>
		debtorOf(world, user, params).functions.map((f) => ({
			Id: f.id,
			Code: f.code,
			Description: f.description,
		})),
	),
	// Served with the generated (WSDL-only) entry: no curated catalogue entry.
	handler('DebtorService.Title_GetList', (world, { user, params }) =>
		debtorOf(world, user, params).titles.map((title) => ({ TitleName: title })),
	),
	handler('DebtorService.Address_Get', (world, { user, params }) =>
		addressRecord(debtorOf(world, user, params).address),
	),
];
