/**
 * Parse benchmark (prints numbers; not a test): one PersonalInfo_GetAll_AllEmployeesByCompany
 * answer of 5,000 employees with 3 history records each, read into objects by
 *   - our readResponse (saxes, typed straight from the catalogue),
 *   - fast-xml-parser (untyped JSON),
 *   - node-soap's reader (WSDL-driven, against the emulator's generated WSDL).
 * each in a fresh process of its own. Part of `npm run bench` (bench/index.ts).
 */
import { execFileSync } from 'child_process';
import * as path from 'path';
import * as v8 from 'v8';

import { XMLParser } from 'fast-xml-parser';
import { WSDL } from 'soap';
import { catalogue, getOperation } from '../../nodes/Nmbrs/catalogue';
import { buildResponse, readResponse } from '../../nodes/Nmbrs/wire';
import { generateWsdl } from '../../emulator/src/wsdl';
import { ms, type BenchRow } from '../table';

const EMPLOYEES = 5000;
const RUNS = 5;
const op = getOperation('EmployeeService.PersonalInfo_GetAll_AllEmployeesByCompany');

function history(employee: number): unknown[] {
	return [2022, 2023, 2024].map((year, index) => ({
		Id: employee * 10 + index,
		DisplayName: `Werknemer ${employee}`,
		EmployeeNumber: employee,
		BSN: String(100000000 + employee),
		FirstName: 'Jan',
		Initials: 'J.',
		Prefix: employee % 3 === 0 ? 'van der' : null,
		LastName: `Jansen & Zn ${employee}`,
		Gender: employee % 2 === 0 ? 'male' : 'female',
		NationalityCode: 1,
		PlaceOfBirth: 'Utrecht',
		CountryOfBirthISOCode: 'NL',
		IdentificationType: 1,
		TelephonePrivate: '0612345678',
		EmailWork: `w${employee}@example.nl`,
		BurgerlijkeStaat: 1,
		Naamstelling: 0,
		Birthday: '1990-03-25',
		CreationDate: `${year}-01-01T09:30:00`,
		StartPeriod: 1,
		StartYear: year,
		DeceasedDate: null,
	}));
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)] as number;
}

interface Timing {
	ms: number;
	/** Heap still in use right after the run, above the heap before it: the result. */
	heapMb: number;
	/** The most heap in use during a run, above the heap before it (see time). */
	peakMb: number;
}

interface GcStatistics {
	statistics: Array<{ beforeGC: { heapStatistics: { usedHeapSize: number } } }>;
}

/**
 * Median time of RUNS runs after a warm-up, the result's heap and the peak heap: sampled at every
 * garbage collection of the run (just before it, where the heap peaks; v8.GCProfiler) and at its end.
 */
function time(fn: () => unknown): Timing {
	fn(); // warm-up
	const runs: number[] = [];
	let heap = 0;
	let peak = 0;
	for (let i = 0; i < RUNS; i++) {
		if (global.gc) global.gc();
		const before = process.memoryUsage().heapUsed;
		const gcs = new v8.GCProfiler();
		gcs.start();
		const start = process.hrtime.bigint();
		const result = fn();
		runs.push(Number(process.hrtime.bigint() - start) / 1e6);
		const after = process.memoryUsage().heapUsed;
		const sampled = (gcs.stop() as unknown as GcStatistics).statistics.map(
			(gc) => gc.beforeGC.heapStatistics.usedHeapSize,
		);
		peak = Math.max(peak, ...sampled.map((used) => used - before), after - before);
		heap = Math.max(heap, after - before);
		if (result === undefined) throw new Error('the reader returned nothing');
	}
	return { ms: median(runs), heapMb: heap / 1e6, peakMb: peak / 1e6 };
}

async function soapReader(): Promise<((xml: string) => unknown) | undefined> {
	const definition = generateWsdl(
		'EmployeeService',
		[{ operation: op, catalogue }],
		'http://127.0.0.1/soap/v3/EmployeeService.asmx',
	);
	const wsdl = new WSDL(definition, 'http://127.0.0.1/soap/v3/EmployeeService.asmx?WSDL', {});
	await new Promise<void>((resolve, reject) =>
		wsdl.onReady((error: unknown) => (error ? reject(error) : resolve())),
	);
	return (xml) => wsdl.xmlToObject(xml);
}

type Reader = 'ours' | 'fast-xml-parser' | 'node-soap';

/** One reader over the payload, in this process (run as a child: see measureApart). */
export async function measureReader(reader: Reader): Promise<Timing & { payloadMb: number }> {
	const items = Array.from({ length: EMPLOYEES }, (_, i) => ({
		EmployeeId: i + 1,
		EmployeePersonalInfos: history(i + 1),
	}));
	const xml = buildResponse(op, items, catalogue);
	const payloadMb = Buffer.byteLength(xml) / 1e6;
	let read: (xml: string) => unknown;
	if (reader === 'ours') read = (text) => readResponse(text, op, catalogue).result;
	else if (reader === 'fast-xml-parser') {
		const fxp = new XMLParser({ ignoreAttributes: false, removeNSPrefix: true });
		read = (text) => fxp.parse(text);
	} else read = (await soapReader()) as (xml: string) => unknown;
	return { ...time(() => read(xml)), payloadMb };
}

/**
 * Each reader in a fresh process of its own: in a shared one, the heap the others left behind
 * changed the peers' times by up to 40 %.
 */
function measureApart(reader: Reader): Timing & { payloadMb: number } {
	const out = execFileSync(
		process.execPath,
		['--expose-gc', '-r', 'ts-node/register/transpile-only', __filename, reader],
		{ cwd: path.resolve(__dirname, '..', '..'), maxBuffer: 1 << 20 },
	).toString();
	return JSON.parse(out.trim().split('\n').pop() as string) as Timing & { payloadMb: number };
}

/** Case 2: one 5,000-employee batch response into typed objects, ours against two peers. */
export async function parseCase(): Promise<BenchRow[]> {
	const ours = measureApart('ours');
	const fast = measureApart('fast-xml-parser');
	const soap = measureApart('node-soap');
	const payloadMb = ours.payloadMb;
	const fasterPeer = Math.min(fast.ms, soap.ms);
	return [
		{
			case: `2. Parse (${EMPLOYEES} employees, ${payloadMb.toFixed(1)} MB)`,
			figure: `${ms(ours.ms)}, peak heap ${ours.peakMb.toFixed(0)} MB`,
			against: `fast-xml-parser ${ms(fast.ms)}, peak heap ${fast.peakMb.toFixed(0)} MB; node-soap ${ms(soap.ms)}, peak heap ${soap.peakMb.toFixed(0)} MB`,
			ratio: `${(fasterPeer / ours.ms).toFixed(1)}x faster than the faster peer; peak heap ${(ours.peakMb / payloadMb).toFixed(1)}x payload`,
			goal: '>= 3x faster than both; peak heap < 4x payload',
			met: fasterPeer / ours.ms >= 3 && ours.peakMb < 4 * payloadMb,
		},
	];
}

if (require.main === module) {
	void measureReader(process.argv[2] as Reader).then((timing) =>
		console.log(JSON.stringify(timing)),
	);
}
