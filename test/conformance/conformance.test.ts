/**
 * Conformance of the emulator to the real Nmbrs schema: node-soap clients built from the v2.1
 * WSDLs in ../shared (namespace switched to v3, AuthHeaderWithDomain added) call every operation,
 * and each answer is checked against the WSDL schema (plus the v3 additions REFERENCE.md records).
 * served.json is the baseline of operations served and validating: the test fails when one of
 * them stops being served or validating. `npm run conformance:update` rewrites it.
 */
import { existsSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { startEmulator, type RunningEmulator } from '../../emulator/src';
import { SHARED_MISSING_MESSAGE, sharedWsdlsPresent } from '../contract/wsdlContract';
import { describeNeedingShared } from '../needsShared';
import { baselineJson, summarise } from './report';
import { runConformance, type ConformanceRun } from './runner';

const BASELINE = path.join(__dirname, 'served.json');
const UPDATE = process.env.CONFORMANCE_UPDATE === '1';
/** The world's fixed "now", as test/nodes/runNode.ts has it. */
const WORLD_NOW = '2026-11-25T09:00:00';

const describeWithShared = describeNeedingShared(sharedWsdlsPresent(), SHARED_MISSING_MESSAGE);

function readBaseline(): string[] {
	if (!existsSync(BASELINE)) return [];
	return JSON.parse(readFileSync(BASELINE, 'utf8')) as string[];
}

describeWithShared('conformance of the emulator to the real WSDLs', () => {
	let emulator: RunningEmulator | undefined;
	let run: ConformanceRun;

	beforeAll(async () => {
		// No fair-use throttle: some 400 calls in a few seconds are over 150 a second.
		emulator = await startEmulator({
			port: 0,
			world: 'demo',
			worldNow: WORLD_NOW,
			throttle: false,
		});
		run = await runConformance(emulator);
	}, 60_000);

	afterAll(async () => {
		await emulator?.close();
	});

	it('calls every operation of the three WSDLs (SingleSignOn left out)', () => {
		expect(run.outcomes.length).toBeGreaterThan(300);
		expect(run.outcomes.filter((o) => o.status === 'no-answer').map((o) => o.key)).toEqual([]);
	});

	it('keeps every operation of served.json served and validating', () => {
		const baseline = readBaseline();
		const summary = summarise(run, baseline);
		console.log(summary.text);
		if (UPDATE) {
			writeFileSync(BASELINE, baselineJson(summary.conforming));
			console.log(`wrote ${summary.conforming.length} operations to ${BASELINE}`);
			return;
		}
		expect(baseline).toEqual([...baseline].sort());
		expect(summary.lost).toEqual([]);
	});
});
