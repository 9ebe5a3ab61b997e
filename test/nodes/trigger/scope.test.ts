/** Scope: every company the login sees, the companies of chosen debtors, or chosen companies. */
import { NodeOperationError } from 'n8n-workflow';

import type { SentRequest } from '../harness';
import { callsOf } from '../runNode';
import { Trigger, idsOf, openDeclarations, setStatus, useWorld } from './support';

const world = useWorld();

const companyIdsAsked = (sent: SentRequest[]) =>
	sent
		.filter((_, i) => callsOf(sent)[i] === 'CompanyService.WageTax_GetList')
		.map((r) => Number(/<CompanyId>(\d+)</.exec(r.body)?.[1]))
		.sort((a, b) => a - b);

describe('scope', () => {
	it('chosen companies: only they are asked for and emitted', async () => {
		const [inside, outside] = await openDeclarations(world(), 2);
		const trigger = new Trigger(world, {
			scope: 'companies',
			companyIds: [String(inside.companyId)],
		});
		const sent: SentRequest[] = [];
		await trigger.poll({ sent });
		expect(companyIdsAsked(sent)).toEqual([inside.companyId]);
		await setStatus(world(), inside.id);
		await setStatus(world(), outside.id);
		expect(idsOf(await trigger.poll())).toEqual([inside.id]);
	});

	it('chosen debtors: their companies (found with List_GetByDebtor), with the debtor on every item', async () => {
		const debtor = world().world.debtors[1];
		const companies = world()
			.world.companies.filter((c) => c.debtorId === debtor.id)
			.map((c) => c.id)
			.sort((a, b) => a - b);
		expect(companies.length).toBeGreaterThan(0);
		const trigger = new Trigger(world, { scope: 'debtors', debtorIds: [String(debtor.id)] });
		const sent: SentRequest[] = [];
		await trigger.poll({ sent });
		expect(callsOf(sent)).not.toContain('CompanyService.List_GetAll');
		expect(callsOf(sent)).toContain('CompanyService.List_GetByDebtor');
		expect(companyIdsAsked(sent)).toEqual(companies);

		const open = await openDeclarations(world(), world().world.companies.length);
		const inside = open.find((d) => d.companyId === companies[0]);
		const outside = open.find((d) => !companies.includes(d.companyId));
		await setStatus(world(), inside?.id as number);
		await setStatus(world(), outside?.id as number);
		const items = await trigger.poll();
		expect(idsOf(items)).toEqual([inside?.id]);
		expect(items[0].json.DebtorId).toBe(debtor.id);
		expect(items[0].json.DebtorName).toBe(debtor.name);
		expect(items[0].json.DebtorNumber).toBe(debtor.number);
	});

	it('IDs given by an expression as text are read; a wrong or empty list is refused before any call', async () => {
		const [a, b] = await openDeclarations(world(), 2);
		const sent: SentRequest[] = [];
		await new Trigger(world, {
			scope: 'companies',
			companyIds: `${a.companyId}, ${b.companyId}`,
		}).poll({ sent });
		expect(companyIdsAsked(sent)).toEqual([a.companyId, b.companyId].sort((x, y) => x - y));

		for (const [params, field] of [
			[{ scope: 'companies', companyIds: ['12', 'acme'] }, 'Company Names or IDs'],
			[{ scope: 'companies', companyIds: [] }, 'Company Names or IDs'],
			[{ scope: 'debtors', debtorIds: '' }, 'Debtor Names or IDs'],
		] as const) {
			const none: SentRequest[] = [];
			const error = await new Trigger(world, params).failure({ sent: none });
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toContain(field);
			expect(none).toHaveLength(0);
		}
	});

	it('every company: one company list, one declaration list per company and year, debtors only for items', async () => {
		const trigger = new Trigger(world);
		const sent: SentRequest[] = [];
		await trigger.poll({ sent });
		const companies = world().world.companies.length;
		expect(callsOf(sent).filter((c) => c === 'CompanyService.List_GetAll')).toHaveLength(1);
		expect(callsOf(sent).filter((c) => c === 'CompanyService.WageTax_GetList')).toHaveLength(
			companies,
		);
		expect(callsOf(sent)).not.toContain('DebtorService.List_GetAll');

		const [target] = await openDeclarations(world(), 1);
		await setStatus(world(), target.id);
		const withItem: SentRequest[] = [];
		await trigger.poll({ sent: withItem });
		const debtors = world().world.debtors.length;
		expect(callsOf(withItem).filter((c) => c === 'DebtorService.List_GetAll')).toHaveLength(1);
		expect(callsOf(withItem).filter((c) => c === 'CompanyService.List_GetByDebtor').length).toBe(
			debtors,
		);
	});
});
