/**
 * The fixed demo logins. They are documented FAKES for the local emulator only (the server prints
 * them at start); every world, demo or scaled, has exactly these users.
 */
import type { Debtor, EmulatorUser } from './model';

export interface DemoLogin {
	email: string;
	token: string;
	/** Subdomain to put in AuthHeaderWithDomain/Domain. */
	domain: string;
	description: string;
	scope: 'all debtors' | 'first debtor';
	/** 'Service.Op' keys the login's API user template switches off. */
	disabled: string[];
}

export const DEMO_LOGINS: readonly DemoLogin[] = [
	{
		email: 'accountant@demo.example',
		token: 'demo-token',
		domain: 'demo',
		description: 'Accountant master login: sees every debtor, company and employee',
		scope: 'all debtors',
		disabled: [],
	},
	{
		email: 'debtor@demo.example',
		token: 'debtor-token',
		domain: 'demo',
		description:
			'Debtor-level login: sees only the first debtor and its companies (others answer 2004/2009)',
		scope: 'first debtor',
		disabled: [],
	},
	{
		email: 'restricted@demo.example',
		token: 'restricted-token',
		domain: 'demo',
		description:
			'Master login whose API user template switches off CompanyService.WageTax_GetXML and CompanyService.SalaryDocuments_GetSEPA (they answer 1002)',
		scope: 'all debtors',
		disabled: ['CompanyService.WageTax_GetXML', 'CompanyService.SalaryDocuments_GetSEPA'],
	},
];

export function demoUsers(debtors: Debtor[]): EmulatorUser[] {
	return DEMO_LOGINS.map((login) => ({
		email: login.email,
		token: login.token,
		domain: login.domain,
		label: login.description,
		debtorIds: login.scope === 'all debtors' ? 'all' : debtors.slice(0, 1).map((d) => d.id),
		disabledOperations: new Set(login.disabled),
	}));
}

export function userSeesDebtor(user: EmulatorUser, debtorId: number): boolean {
	return user.debtorIds === 'all' || user.debtorIds.includes(debtorId);
}
