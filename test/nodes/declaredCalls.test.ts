/**
 * Each operation declares the SOAP calls it makes (the README's API template table comes from
 * those declarations). Run on the emulator, its examples must make every declared call and
 * nothing else, so that a user who switches on exactly the listed calls never meets a 1002.
 */
import { resources } from '../../nodes/Nmbrs/resources';
import { examples } from './examples';
import type { SentRequest } from './harness';
import { callsOf, runNode, useEmulator } from './runNode';

const emulator = useEmulator();

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
					for (const call of callsOf(sent)) made.add(call);
				}
				for (const call of made) expect(operation.calls).toContain(call);
				expect([...made].sort()).toEqual([...operation.calls].sort());
			});
		}
	}
});
