/**
 * Company → Mark Wage Tax Declaration as Sent Externally (CompanyService.WageTax_SetSentExternal):
 * a write; 2012 "already sent" is success with alreadySent when Already Sent Is OK (the default).
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { SentRequest } from '../../harness';
import { TOKEN, callsOf, failure, rl, runNode, stubNmbrs, useEmulator } from '../../runNode';
import { DEBTOR_LOGIN, WORLD_YEAR, withCallsDisabled } from '../helpers';

const emulator = useEmulator();

const run = (params: Record<string, unknown>, options: Parameters<typeof runNode>[2] = {}) =>
	runNode(
		emulator().soapBaseUrl,
		{
			resource: 'company',
			operation: 'markWageTaxDeclarationSent',
			year: '',
			alreadySentIsOk: true,
			...params,
		},
		options,
	);

/** A declaration of the world's year in this status (each test takes its own company's). */
function declarationIn(status: string, companyIndex: number) {
	const company = emulator().world.companies[companyIndex];
	const declaration = emulator().world.declarations.find(
		(d) => d.companyId === company.id && d.year === WORLD_YEAR && d.status === status,
	);
	if (!declaration) throw new Error(`company ${company.id} has no ${status} declaration`);
	return { companyId: company.id, declarationId: declaration.id };
}

/** The declaration's status as Get Wage Tax Declarations shows it. */
async function statusOf(companyId: number, declarationId: number): Promise<unknown> {
	const items = await runNode(emulator().soapBaseUrl, {
		resource: 'company',
		operation: 'getWageTaxDeclarations',
		companyId: rl(companyId),
		year: String(WORLD_YEAR),
		options: {},
	});
	return items.find((i) => i.json.LoonaangifteID === declarationId)?.json.Status;
}

describe('Company → Mark Wage Tax Declaration as Sent Externally', () => {
	it('marks a locked declaration and says what changed; Nmbrs then shows it sent externally', async () => {
		const { companyId, declarationId } = declarationIn('locked', 0);
		const sent: SentRequest[] = [];
		const items = await run(
			{ companyId: rl(companyId), declarationId: rl(declarationId) },
			{ sent },
		);
		expect(items).toEqual([
			{
				json: {
					CompanyId: companyId,
					LoonaangifteID: declarationId,
					sentExternally: true,
					alreadySent: false,
					changed: `Marked wage tax declaration ${declarationId} of company ${companyId} as sent externally.`,
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(callsOf(sent)).toEqual(['CompanyService.WageTax_SetSentExternal']);
		expect(await statusOf(companyId, declarationId)).toBe('sent externally');
		expect(JSON.stringify(items)).not.toContain(TOKEN);
	});

	it('a declaration already sent is success with alreadySent: true (Already Sent Is OK, the default)', async () => {
		const accepted = declarationIn('accepted', 1);
		const items = await run({
			companyId: rl(accepted.companyId),
			declarationId: rl(accepted.declarationId),
		});
		expect(items[0].json).toEqual({
			CompanyId: accepted.companyId,
			LoonaangifteID: accepted.declarationId,
			sentExternally: false,
			alreadySent: true,
			changed: `Nothing: wage tax declaration ${accepted.declarationId} of company ${accepted.companyId} was already sent.`,
		});
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(await statusOf(accepted.companyId, accepted.declarationId)).toBe('accepted');

		// Unset, the option's default is on.
		const defaulted = await runNode(emulator().soapBaseUrl, {
			resource: 'company',
			operation: 'markWageTaxDeclarationSent',
			companyId: rl(accepted.companyId),
			declarationId: rl(accepted.declarationId),
		});
		expect(defaulted[0].json.alreadySent).toBe(true);
	});

	it('with Already Sent Is OK off, already sent is fault 2012, saying nothing was changed', async () => {
		const accepted = declarationIn('accepted', 1);
		const error = await failure(
			run({
				companyId: rl(accepted.companyId),
				declarationId: rl(accepted.declarationId),
				alreadySentIsOk: false,
			}),
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toContain('2012');
		const description = String((error as NodeApiError).description);
		expect(description).toMatch(/already sent/);
		expect(description).toContain(
			`Nmbrs refused to mark wage tax declaration ${accepted.declarationId} of company ${accepted.companyId} as sent externally, so nothing was changed.`,
		);
	});

	it('two items marking one declaration run one after the other: the first marks it, the second finds it sent', async () => {
		const { companyId, declarationId } = declarationIn('open', 2);
		const items = await run(
			{ companyId: rl(companyId), declarationId: rl(declarationId) },
			{ items: [{ json: {} }, { json: {} }] },
		);
		expect(items.map((i) => [i.json.sentExternally, i.json.alreadySent, i.pairedItem])).toEqual([
			[true, false, { item: 0 }],
			[false, true, { item: 1 }],
		]);
	});

	it('refuses a non-boolean Already Sent Is OK before any call', async () => {
		const { companyId, declarationId } = declarationIn('locked', 3);
		const sent: SentRequest[] = [];
		const error = await failure(
			run(
				{ companyId: rl(companyId), declarationId: rl(declarationId), alreadySentIsOk: 'yes' },
				{ sent },
			),
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain('Already Sent Is OK');
		expect(sent).toHaveLength(0);
		expect(await statusOf(companyId, declarationId)).toBe('locked');
	});

	it("an unknown company, or one outside the login's debtors, says nothing was changed, and nothing changes", async () => {
		const { companyId, declarationId } = declarationIn('locked', 3);
		const unknown = await failure(run({ companyId: rl(999999), declarationId: rl(declarationId) }));
		expect((unknown as NodeApiError).description).toContain('so nothing was changed');

		expect(emulator().world.companies[3].debtorId).not.toBe(emulator().world.debtors[0].id);
		const outside = await failure(
			run(
				{ companyId: rl(companyId), declarationId: rl(declarationId) },
				{ credentials: DEBTOR_LOGIN },
			),
		);
		expect(outside).toBeInstanceOf(NodeApiError);
		expect(outside.message).toContain('2004');
		expect(await statusOf(companyId, declarationId)).toBe('locked');
	});

	it("a declaration the company does not have (unknown, or another company's) is refused and nothing changes", async () => {
		const own = declarationIn('locked', 3);
		const foreign = declarationIn('locked', 4);
		for (const declarationId of [123, foreign.declarationId]) {
			const error = await failure(
				run({ companyId: rl(own.companyId), declarationId: rl(declarationId) }),
			);
			expect(error).toBeInstanceOf(NodeApiError);
			expect((error as NodeApiError).description).toContain('so nothing was changed');
		}
		expect(await statusOf(foreign.companyId, foreign.declarationId)).toBe('locked');
	});

	it('the write switched off in the API user template (1002) fails and nothing changes', async () => {
		const { companyId, declarationId } = declarationIn('locked', 3);
		await withCallsDisabled(emulator(), ['CompanyService.WageTax_SetSentExternal'], async () => {
			const error = await failure(
				run({ companyId: rl(companyId), declarationId: rl(declarationId) }),
			);
			expect(error.message).toContain('1002');
		});
		expect(await statusOf(companyId, declarationId)).toBe('locked');
	});

	it('sends LoonaangifteID and CompanyId (stub)', async () => {
		const stub = stubNmbrs({ 'CompanyService.WageTax_SetSentExternal': true });
		await stub.run({
			resource: 'company',
			operation: 'markWageTaxDeclarationSent',
			companyId: rl(50001),
			year: '',
			declarationId: rl(700022),
			alreadySentIsOk: true,
		});
		expect(stub.calls).toEqual([
			{
				operation: 'CompanyService.WageTax_SetSentExternal',
				params: { LoonaangifteID: 700022, CompanyId: 50001 },
			},
		]);
		expect(Object.keys(stub.calls[0].params)).toEqual(['LoonaangifteID', 'CompanyId']);
	});

	it('an answer of false is no success: the item fails saying the declaration was not marked (stub)', async () => {
		const stub = stubNmbrs({ 'CompanyService.WageTax_SetSentExternal': false });
		const error = await failure(
			stub.run({
				resource: 'company',
				operation: 'markWageTaxDeclarationSent',
				companyId: rl(50001),
				year: '',
				declarationId: rl(700022),
				alreadySentIsOk: true,
			}),
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(
			'Nmbrs did not mark wage tax declaration 700022 of company 50001 as sent externally',
		);
		expect((error as NodeOperationError).description).toContain('Get Wage Tax Declarations');
	});

	it('writes to one declaration never overlap; writes to others run alongside (stub)', async () => {
		const inFlight = new Map<number, number>();
		let mostAtOnce = 0;
		let overlapOfDifferent = false;
		const stub = stubNmbrs({
			'CompanyService.WageTax_SetSentExternal': async (params: { LoonaangifteID: number }) => {
				const id = params.LoonaangifteID;
				inFlight.set(id, (inFlight.get(id) ?? 0) + 1);
				mostAtOnce = Math.max(mostAtOnce, inFlight.get(id)!);
				if ([...inFlight.entries()].some(([other, n]) => other !== id && n > 0)) {
					overlapOfDifferent = true;
				}
				await new Promise((resolve) => setTimeout(resolve, 20));
				inFlight.set(id, inFlight.get(id)! - 1);
				return true;
			},
		});
		// The router runs the first item alone; items 1–4 may then run concurrently.
		const declarations = [1, 2, 2, 3, 2];
		const items = await stub.run(
			{
				resource: 'company',
				operation: 'markWageTaxDeclarationSent',
				companyId: rl(50001),
				year: '',
				declarationId: (i: number) => rl(declarations[i]),
				alreadySentIsOk: true,
			},
			{ items: declarations.map(() => ({ json: {} })) },
		);
		expect(items.map((i) => i.json.LoonaangifteID)).toEqual(declarations);
		expect(mostAtOnce).toBe(1);
		expect(overlapOfDifferent).toBe(true);
	});
});
