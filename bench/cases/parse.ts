/**
 * Parse benchmark (prints numbers; not a test): one PersonalInfo_GetAll_AllEmployeesByCompany
 * answer of 5,000 employees with 3 history records each, read into objects by
 *   - our readResponse (saxes, typed straight from the catalogue),
 *   - fast-xml-parser (untyped JSON),
 *   - node-soap's reader (WSDL-driven, against the emulator's generated WSDL).
 * Part of `npm run bench` (bench/index.ts).
 */
import { XMLParser } from 'fast-xml-parser';
import { WSDL } from 'soap';
import { catalogue, getOperation } from '../../nodes/Nmbrs/catalogue';
import { buildResponse, readResponse } from '../../nodes/Nmbrs/wire';
import { generateWsdl } from '../../emulator/wsdl';
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
	/** Heap still in use right after the run, above the heap before it (the result included). */
	heapMb: number;
}

function time(fn: () => unknown): Timing {
	fn(); // warm-up
	const runs: number[] = [];
	let heap = 0;
	for (let i = 0; i < RUNS; i++) {
		if (global.gc) global.gc();
		const before = process.memoryUsage().heapUsed;
		const start = process.hrtime.bigint();
		const result = fn();
		runs.push(Number(process.hrtime.bigint() - start) / 1e6);
		heap = Math.max(heap, process.memoryUsage().heapUsed - before);
		if (result === undefined) throw new Error('the reader returned nothing');
	}
	return { ms: median(runs), heapMb: heap / 1e6 };
}

async function soapReader(): Promise<((xml: string) => unknown) | undefined> {
	try {
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
	} catch (error) {
		console.log(`node-soap reader skipped: ${(error as Error).message}`);
		return undefined;
	}
}

/** Case 2: one 5,000-employee batch response into typed objects, ours against two peers. */
export async function parseCase(): Promise<BenchRow[]> {
	const items = Array.from({ length: EMPLOYEES }, (_, i) => ({
		EmployeeId: i + 1,
		EmployeePersonalInfos: history(i + 1),
	}));
	const xml = buildResponse(op, items, catalogue);
	const payloadMb = Buffer.byteLength(xml) / 1e6;
	const ours = time(() => readResponse(xml, op, catalogue).result);
	const fxp = new XMLParser({ ignoreAttributes: false, removeNSPrefix: true });
	const fast = time(() => fxp.parse(xml));
	const soap = await soapReader();
	const soapTiming = soap ? time(() => soap(xml)) : undefined;
	const slowerPeer = Math.min(fast.ms, soapTiming?.ms ?? Infinity);
	return [
		{
			case: `2. Parse (${EMPLOYEES} employees, ${payloadMb.toFixed(1)} MB)`,
			figure: `${ms(ours.ms)}, heap ${ours.heapMb.toFixed(0)} MB`,
			against: `fast-xml-parser ${ms(fast.ms)}; node-soap ${soapTiming ? ms(soapTiming.ms) : 'n/a'}`,
			ratio: `${(slowerPeer / ours.ms).toFixed(1)}x faster than the faster peer; heap ${(ours.heapMb / payloadMb).toFixed(1)}x payload`,
			goal: '>= 3x faster than both; heap < 4x payload',
			met: slowerPeer / ours.ms >= 3 && ours.heapMb < 4 * payloadMb,
		},
	];
}
