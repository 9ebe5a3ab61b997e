/**
 * The calls each event declares (the README's API template table) are the calls it makes: the
 * branches below make every declared call and nothing else.
 */
import type { SentRequest } from '../harness';
import { callsOf } from '../runNode';
import { triggerEvents } from '../../../nodes/Nmbrs/trigger/events/index';
import {
	DECLARATIONS,
	RUNS,
	Trigger,
	newRun,
	openDeclarations,
	setStatus,
	useWorld,
} from './support';

const world = useWorld();
const PENSION = 'pensionExportReachedStatus';

async function callsMade(event: string): Promise<Set<string>> {
	const sent: SentRequest[] = [];
	const debtor = world().world.debtors[0];
	const everything =
		event === DECLARATIONS
			? { declarationOptions: { includeXml: true } }
			: event === PENSION
				? { exportOptions: { includeXml: true } }
				: { runOptions: { includePayslips: true, includeJournal: true } };
	const all = new Trigger(world, { event, ...everything });
	const byDebtor = new Trigger(world, { event, scope: 'debtors', debtorIds: [String(debtor.id)] });
	await all.poll({ sent });
	await byDebtor.poll({ sent });
	const company = world().world.companies.find((c) => c.debtorId === debtor.id);
	if (event === DECLARATIONS) {
		const [target] = (await openDeclarations(world(), world().world.companies.length)).filter(
			(d) => d.companyId === company?.id,
		);
		await setStatus(world(), target.id);
	} else {
		await newRun(world(), company?.id as number, { lock: true });
	}
	expect(await all.poll({ sent })).toHaveLength(1);
	expect(await byDebtor.poll({ sent })).toHaveLength(1);
	return new Set(callsOf(sent));
}

describe('declared calls of the trigger events', () => {
	it.each([
		['Wage Tax Declaration Reached Status', DECLARATIONS],
		['Payroll Run Locked', RUNS],
		['Pension Export Reached Status', PENSION],
	])('%s makes exactly the calls it declares', async (name, event) => {
		const declared = triggerEvents.find((e) => e.name === name)?.calls ?? [];
		expect([...(await callsMade(event))].sort()).toEqual([...declared].sort());
	});
});
