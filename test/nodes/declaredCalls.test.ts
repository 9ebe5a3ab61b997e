/**
 * Each operation declares the SOAP calls it makes (the README's API template table comes from
 * those declarations). Run on the emulator, its examples must make every declared call and
 * nothing else, so that a user who switches on exactly the listed calls never meets a 1002.
 * An operation that declares none (Custom Call) calls what the user names: each of its examples
 * must make exactly the call its parameters name (service and operation name), and no other.
 */
import { resources } from '../../nodes/Nmbrs/resources';
import { examples } from './examples';
import type { SentRequest } from './harness';
import { callsOf, runNode, useEmulator } from './runNode';

const emulator = useEmulator();

/** `Service.Operation` named by a Custom Call example's parameters. */
function namedCall(params: Record<string, unknown>): string {
	const picked = params.operationName as { value?: unknown } | string | undefined;
	const name = typeof picked === 'object' && picked !== null ? picked.value : picked;
	return `${String(params.service)}.${String(name)}`;
}

describe('declared calls', () => {
	for (const resource of resources) {
		for (const [value, operation] of Object.entries(resource.operations)) {
			it(`${resource.name} → ${operation.name} makes exactly the calls it declares`, async () => {
				const ofOperation = examples[resource.value]?.[value] ?? [];
				expect(ofOperation.length).toBeGreaterThan(0);
				const made = new Set<string>();
				for (const example of ofOperation) {
					const sent: SentRequest[] = [];
					const params = await example(emulator());
					await runNode(
						emulator().soapBaseUrl,
						{ resource: resource.value, operation: value, ...params },
						{ sent },
					);
					if (operation.calls.length === 0) {
						expect(callsOf(sent)).toEqual([namedCall(params)]);
					}
					for (const call of callsOf(sent)) made.add(call);
				}
				if (operation.calls.length === 0) return;
				for (const call of made) expect(operation.calls).toContain(call);
				expect([...made].sort()).toEqual([...operation.calls].sort());
			});
		}
	}
});
