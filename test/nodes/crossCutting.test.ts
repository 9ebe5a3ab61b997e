/**
 * What every operation does alike, run on the emulator with each operation's first example
 * (test/nodes/examples): a bad ID is refused before any call, naming the field; an ID Nmbrs does
 * not know (or the login may not see) is the Nmbrs fault that names it; a call switched off in the
 * API user template is 1002 naming the call to enable; with Continue On Fail a failing item
 * becomes an error item paired with it while the others go on. The operations' own test files
 * keep what is particular to each. The world is made again before each test (writes change it).
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { LOCATORS, type LocatorKind } from '../../nodes/Nmbrs/common/locators';
import { resources } from '../../nodes/Nmbrs/resources';
import { examples } from './examples';
import type { SentRequest } from './harness';
import { admin, callsOf, failure, rl, runNode, useEmulator } from './runNode';
import { withCallsDisabled } from './operations/helpers';

const emulator = useEmulator();

/** The fault Nmbrs answers for an ID it does not know, by the kind of record. */
const UNKNOWN_FAULT: Partial<Record<LocatorKind, number>> = {
	debtor: 2009,
	company: 2004,
	employee: 2003,
	declaration: 2046,
	pensionExport: 2046,
	run: 2046,
};

const UNKNOWN_ID = 424242;

const locatorKinds = Object.keys(LOCATORS) as LocatorKind[];

/** Every operation but Custom Call, with the locators (record IDs) among its parameters. */
const operations = resources
	.filter((resource) => resource.value !== 'customCall')
	.flatMap((resource) =>
		Object.entries(resource.operations).map(([value, operation]) => {
			const parameters = new Set(operation.properties.map((property) => property.name));
			return {
				title: `${resource.name} → ${operation.name}`,
				base: { resource: resource.value, operation: value },
				examples: examples[resource.value][value],
				locators: locatorKinds
					.filter((kind) => parameters.has(LOCATORS[kind].parameter))
					.map((kind) => ({
						kind,
						parameter: LOCATORS[kind].parameter,
						label: LOCATORS[kind].label,
					})),
			};
		}),
	);

/** Whether any request sent this number as a value (the ID reached Nmbrs, not just a list search). */
const sends = (sent: SentRequest[], id: unknown) =>
	sent.some((request) => request.body.includes(`>${String(id)}<`));

async function run(params: Record<string, unknown>, sent?: SentRequest[]) {
	return await runNode(emulator().soapBaseUrl, params, { sent });
}

beforeEach(async () => {
	await admin(emulator().adminUrl, '/reset', {});
});

describe.each(operations)('$title', ({ base, examples: ofOperation, locators }) => {
	/** The first example that fills every ID the operation has. */
	async function params(): Promise<Record<string, unknown>> {
		for (const example of ofOperation) {
			const filled = { ...base, ...(await example(emulator())) };
			if (locators.every(({ parameter }) => parameter in filled)) return filled;
		}
		throw new Error(
			`no example of ${base.operation} fills ${locators.map((l) => l.parameter).join(', ')}`,
		);
	}

	it('has an example that fills every ID it has, and makes calls', async () => {
		const sent: SentRequest[] = [];
		await run(await params(), sent);
		expect(sent.length).toBeGreaterThan(0);
	});

	if (locators.length === 0) return;

	it('refuses a bad ID before any call, naming the field', async () => {
		const filled = await params();
		for (const { parameter, label } of locators) {
			for (const bad of ['', '-1', 'x1', '1.5']) {
				const sent: SentRequest[] = [];
				const error = await failure(run({ ...filled, [parameter]: rl(bad) }, sent));
				expect(error).toBeInstanceOf(NodeOperationError);
				expect(error.message).toContain(label);
				expect(callsOf(sent)).toEqual([]);
			}
		}
	});

	it('an ID it sends that Nmbrs does not know fails naming the ID (the fault code when Nmbrs said it)', async () => {
		const filled = await params();
		const sent: SentRequest[] = [];
		await run(filled, sent);
		// An ID the operation only looks up in a list (Company → Get) is checked too; one it only
		// uses to offer a list (the company of an employee) is not.
		const sentIds = locators.filter(({ parameter }) =>
			sends(sent, (filled[parameter] as { value: unknown }).value),
		);
		const checked = sentIds.length > 0 ? sentIds : locators;
		for (const { kind, parameter } of checked) {
			const error = await failure(run({ ...filled, [parameter]: rl(UNKNOWN_ID) }));
			const said = `${error.message} ${(error as NodeApiError).description ?? ''}`;
			expect(said).toContain(String(UNKNOWN_ID));
			if (error instanceof NodeApiError) {
				expect(error.message).toContain(String(UNKNOWN_FAULT[kind]));
			} else {
				expect(error).toBeInstanceOf(NodeOperationError);
			}
		}
	});

	it('each call it makes, switched off in the API user template, is 1002 naming that call', async () => {
		const filled = await params();
		const sent: SentRequest[] = [];
		await run(filled, sent);
		const made = [...new Set(callsOf(sent))];
		for (const call of made) {
			// On a fresh world: a write that is there already is not made again (adds are rerun-safe).
			await admin(emulator().adminUrl, '/reset', {});
			const fresh = await params();
			await withCallsDisabled(emulator(), [call], async () => {
				const error = await failure(run(fresh));
				expect(error).toBeInstanceOf(NodeApiError);
				expect(error.message).toContain('1002');
				expect((error as NodeApiError).description).toContain(call);
			});
		}
	});

	it('with Continue On Fail, a failing item is an error item paired with it; the others go on', async () => {
		const filled = await params();
		const [first] = locators;
		const good = filled[first.parameter];
		const items = await runNode(
			emulator().soapBaseUrl,
			{ ...filled, [first.parameter]: (i: number) => (i === 1 ? rl('x1') : good) },
			{ items: [{ json: {} }, { json: {} }, { json: {} }], continueOnFail: true },
		);
		const paired = items.map((item) => (item.pairedItem as { item: number }).item);
		const errors = items.filter((item) => item.json.error !== undefined);
		expect(errors).toHaveLength(1);
		expect(errors[0].pairedItem).toEqual({ item: 1 });
		expect(String(errors[0].json.error)).toContain(first.label);
		expect(paired).toEqual([...paired].sort((a, b) => a - b));
		expect(paired).toContain(0);
		expect(paired).toContain(2);
	});
});
