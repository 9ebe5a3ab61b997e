/**
 * Parse benchmark (prints numbers; not a test): one PersonalInfo_GetAll_AllEmployeesByCompany
 * answer of 5,000 employees with 3 history records each, read into objects by
 *   - our readResponse (saxes, typed straight from the catalogue),
 *   - fast-xml-parser (untyped JSON),
 *   - node-soap's reader (WSDL-driven, against the emulator's generated WSDL).
 * Run: npx ts-node --transpile-only bench/parse.ts [employees]
 */
import { XMLParser } from 'fast-xml-parser';
import { WSDL } from 'soap';
import { catalogue, getOperation } from '../nodes/Nmbrs/catalogue';
import { buildResponse, readResponse } from '../nodes/Nmbrs/wire';
import { generateWsdl } from '../emulator/wsdl';

const EMPLOYEES = Number(process.argv[2] ?? 5000);
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

function time(label: string, fn: () => unknown): number {
	fn(); // warm-up
	const runs: number[] = [];
	let peak = 0;
	for (let i = 0; i < RUNS; i++) {
		if (global.gc) global.gc();
		const before = process.memoryUsage().heapUsed;
		const start = process.hrtime.bigint();
		const result = fn();
		runs.push(Number(process.hrtime.bigint() - start) / 1e6);
		peak = Math.max(peak, process.memoryUsage().heapUsed - before);
		if (result === undefined) throw new Error(`${label} returned nothing`);
	}
	const ms = median(runs);
	console.log(
		`${label.padEnd(28)} ${ms.toFixed(0).padStart(6)} ms   heap growth ~${(peak / 1e6).toFixed(0)} MB`,
	);
	return ms;
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

async function main(): Promise<void> {
	const items = Array.from({ length: EMPLOYEES }, (_, i) => ({
		EmployeeId: i + 1,
		EmployeePersonalInfos: history(i + 1),
	}));
	const xml = buildResponse(op, items, catalogue);
	console.log(
		`PersonalInfo_GetAll_AllEmployeesByCompany: ${EMPLOYEES} employees, ${(Buffer.byteLength(xml) / 1e6).toFixed(1)} MB of XML`,
	);
	console.log(
		`node ${process.version}, ${process.platform}/${process.arch}, median of ${RUNS} runs${global.gc ? '' : ' (run with node --expose-gc for steadier memory figures)'}\n`,
	);

	const ours = time('ours (readResponse, typed)', () => readResponse(xml, op, catalogue).result);
	const fxp = new XMLParser({ ignoreAttributes: false, removeNSPrefix: true });
	const theirs = time('fast-xml-parser (untyped)', () => fxp.parse(xml));
	const soap = await soapReader();
	const soapMs = soap ? time('node-soap xmlToObject', () => soap(xml)) : undefined;

	console.log(`\nours vs fast-xml-parser: ${(theirs / ours).toFixed(1)}x faster`);
	if (soapMs !== undefined)
		console.log(`ours vs node-soap:       ${(soapMs / ours).toFixed(1)}x faster`);
}

void main();
