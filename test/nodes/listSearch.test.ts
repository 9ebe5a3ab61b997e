/**
 * The resource locators' list searches (methods.listSearch), as the editor calls them: with the
 * parameters already set on the node and the text typed in the search box.
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { SentRequest } from './harness';
import { callsOf, failure, rl, searchList, useEmulator } from './runNode';
import { DEBTOR_LOGIN, WORLD_YEAR, atWorldNow } from './operations/helpers';

const emulator = useEmulator();

const search = (
	method: string,
	params: Record<string, unknown>,
	filter?: string,
	options: Parameters<typeof searchList>[4] = {},
) => searchList(emulator().soapBaseUrl, method, params, filter, options);

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

describe('list search: companies', () => {
	it('lists every company the login sees as "name (number)" with its ID, sorted by name', async () => {
		const sent: SentRequest[] = [];
		const { results } = await search('searchCompanies', {}, undefined, { sent });
		const expected = emulator()
			.world.companies.map((c) => ({ name: `${c.name} (ID ${c.id})`, value: String(c.id) }))
			.sort(byName);
		expect(results).toEqual(expected);
		expect(callsOf(sent)).toEqual(['CompanyService.List_GetAll']);
	});

	it('filters on name (any case), number or ID', async () => {
		const personeel = emulator().world.companies.filter((c) => /personeel/i.test(c.name));
		expect(personeel.length).toBeGreaterThan(1);
		const { results } = await search('searchCompanies', {}, '  PERSONEEL ');
		expect(results.map((r) => r.value).sort()).toEqual(personeel.map((c) => String(c.id)).sort());

		const [company] = emulator().world.companies;
		expect((await search('searchCompanies', {}, String(company.id))).results).toEqual([
			{ name: `${company.name} (ID ${company.id})`, value: String(company.id) },
		]);
		expect((await search('searchCompanies', {}, 'no such company')).results).toEqual([]);
	});

	it("a debtor-level login lists its own debtor's companies only", async () => {
		const [own] = emulator().world.debtors;
		const { results } = await search('searchCompanies', {}, undefined, {
			credentials: DEBTOR_LOGIN,
		});
		expect(results.map((r) => Number(r.value)).sort()).toEqual(
			emulator()
				.world.companies.filter((c) => c.debtorId === own.id)
				.map((c) => c.id)
				.sort(),
		);
	});
});

describe('list search: debtors', () => {
	it('lists every debtor as "name (number)" with its ID, and filters on the typed text', async () => {
		const { results } = await search('searchDebtors', {});
		expect(results).toEqual(
			emulator()
				.world.debtors.map((d) => ({ name: `${d.name} (${d.number})`, value: String(d.id) }))
				.sort(byName),
		);
		const [, second] = emulator().world.debtors;
		const word = second.name.split(' ')[0].toLowerCase();
		const filtered = await search('searchDebtors', {}, word);
		expect(filtered.results.map((r) => r.value)).toEqual([String(second.id)]);
		expect((await search('searchDebtors', {}, second.number)).results).toHaveLength(1);
	});
});

describe('list search: payroll runs', () => {
	it('lists the runs of the chosen company and year; the company may be picked from a list or typed', async () => {
		const [company] = emulator().world.companies;
		const runs = emulator().world.runs.filter(
			(r) => r.companyId === company.id && r.year === WORLD_YEAR - 1,
		);
		for (const companyId of [
			rl(company.id),
			{ __rl: true, mode: 'list', value: String(company.id) },
		]) {
			const sent: SentRequest[] = [];
			const { results } = await search(
				'searchRuns',
				{ companyId, year: String(WORLD_YEAR - 1) },
				undefined,
				{ sent },
			);
			expect(results.map((r) => r.value).sort()).toEqual(runs.map((r) => String(r.id)).sort());
			for (const result of results) {
				expect(result.name).toMatch(new RegExp(`^${WORLD_YEAR - 1} period \\d+: .+ \\(locked\\)$`));
			}
			expect(callsOf(sent)).toEqual(['CompanyService.Run_GetList']);
			expect(sent[0].body).toContain(`<Year>${WORLD_YEAR - 1}</Year>`);
		}
	});

	it("uses the current year when none is set, marks only locked runs, and filters on a run's ID", async () => {
		const [company] = emulator().world.companies;
		const runs = emulator().world.runs.filter(
			(r) => r.companyId === company.id && r.year === WORLD_YEAR,
		);
		const open = runs.find((r) => !r.isLocked)!;
		await atWorldNow(async () => {
			const { results } = await search('searchRuns', { companyId: rl(company.id) });
			expect(results).toHaveLength(runs.length);
			const shownOpen = results.find((r) => r.value === String(open.id))!;
			expect(shownOpen.name).not.toContain('(locked)');
			const filtered = await search('searchRuns', { companyId: rl(company.id) }, String(open.id));
			expect(filtered.results).toEqual([shownOpen]);
		});
	});

	it('without a company chosen, fails naming the Company ID (no call)', async () => {
		const sent: SentRequest[] = [];
		const error = await failure(search('searchRuns', { year: '2026' }, undefined, { sent }));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain('Company ID');
		expect(sent).toHaveLength(0);
	});

	it("a company outside the login's debtors is fault 2004", async () => {
		const other = emulator().world.companies.find(
			(c) => c.debtorId !== emulator().world.debtors[0].id,
		)!;
		const error = await failure(
			search('searchRuns', { companyId: rl(other.id), year: '2026' }, undefined, {
				credentials: DEBTOR_LOGIN,
			}),
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toContain('2004');
	});
});

describe('list search: wage tax declarations', () => {
	it('lists the declarations of the chosen company and year, and filters on status', async () => {
		const [company] = emulator().world.companies;
		const declarations = emulator().world.declarations.filter(
			(d) => d.companyId === company.id && d.year === WORLD_YEAR,
		);
		const sent: SentRequest[] = [];
		const { results } = await search(
			'searchDeclarations',
			{ companyId: rl(company.id), year: String(WORLD_YEAR) },
			undefined,
			{ sent },
		);
		expect(results.map((r) => r.value).sort()).toEqual(
			declarations.map((d) => String(d.id)).sort(),
		);
		const locked = declarations.filter((d) => d.status === 'locked');
		expect(locked.length).toBeGreaterThan(0);
		const filtered = await search(
			'searchDeclarations',
			{ companyId: rl(company.id), year: String(WORLD_YEAR) },
			'LOCKED',
		);
		expect(filtered.results).toEqual(
			locked.map((d) => ({
				name: `${d.year} period ${d.period}: locked (${d.id})`,
				value: String(d.id),
			})),
		);
		expect(callsOf(sent)).toEqual(['CompanyService.WageTax_GetList']);
		expect(sent[0].body).toContain(`<intYear>${WORLD_YEAR}</intYear>`);
	});

	it('an empty year lists the current year (as Mark as Sent Externally leaves it)', async () => {
		const [company] = emulator().world.companies;
		await atWorldNow(async () => {
			const sent: SentRequest[] = [];
			await search('searchDeclarations', { companyId: rl(company.id), year: '' }, undefined, {
				sent,
			});
			expect(sent[0].body).toContain(`<intYear>${WORLD_YEAR}</intYear>`);
		});
	});
});
