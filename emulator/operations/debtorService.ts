/** DebtorService: the accountant's clients, the environment, departments and functions. */
import { userSeesDebtor } from '../world/users';
import { requireDebtor } from './faults';
import { handler, int, type OperationHandler } from './params';
import { addressRecord } from './records';

export const debtorHandlers: Array<[string, OperationHandler]> = [
	handler('DebtorService.Environment_Get', (_world, { user }) => ({ Domain: `${user.domain}.nmbrs.nl`, SubDomain: user.domain })),
	handler('DebtorService.List_GetAll', (world, { user }) =>
		world.debtors.filter((d) => userSeesDebtor(user, d.id)).map((d) => ({ Id: d.id, Number: d.number, Name: d.name })),
	),
	handler('DebtorService.Debtor_Get', (world, { user, params }) => {
		const debtor = requireDebtor(world, user, int(params, 'DebtorId'));
		return { Id: debtor.id, Number: debtor.number, Name: debtor.name };
	}),
	handler('DebtorService.Department_GetList', (world, { user, params }) =>
		requireDebtor(world, user, int(params, 'DebtorId')).departments.map((d) => ({ Id: d.id, Code: d.code, Description: d.description })),
	),
	handler('DebtorService.Function_GetList', (world, { user, params }) =>
		requireDebtor(world, user, int(params, 'DebtorId')).functions.map((f) => ({ Id: f.id, Code: f.code, Description: f.description })),
	),
	// Served with the generated (WSDL-only) entry: no curated catalogue entry.
	handler('DebtorService.Title_GetList', (world, { user, params }) =>
		requireDebtor(world, user, int(params, 'DebtorId')).titles.map((title) => ({ TitleName: title })),
	),
	handler('DebtorService.Address_Get', (world, { user, params }) => addressRecord(requireDebtor(world, user, int(params, 'DebtorId')).address)),
];
