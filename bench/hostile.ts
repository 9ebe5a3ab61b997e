/**
 * Hostile-input benchmark (prints numbers; not a test): how the time to read or clean a
 * pathological input grows with its size. Linear code shows about 4x the time for 4x the size;
 * quadratic code about 16x. A case that passes 3 s at one size is not run at the larger ones.
 *
 *   deep         nested unknown elements in a response (stopped by the depth limit)
 *   wide         sibling unknown elements in one record
 *   long text    one field of N characters
 *   attributes   one element with N attributes
 *   request deep nested elements in a request the emulator reads
 *   scrub        a body of repeated `<Token` without a closing `>`
 *   fault        a fault string built to make a backtracking regex work hard
 *   root         the emulator's diagnosis of an unreadable request: N processing instructions
 *
 * Run: npx ts-node --transpile-only bench/hostile.ts
 */
import { catalogue, getOperation } from '../nodes/Nmbrs/catalogue';
import { buildResponse, readRequest, readResponse, WireError } from '../nodes/Nmbrs/wire';
import { parseFaultString, scrub } from '../nodes/Nmbrs/transport/errors';
import { unreadableRequest } from '../emulator/src/server/decode';

const STOP_AFTER_MS = 3000;
const op = getOperation('DebtorService.List_GetAll');
const response = buildResponse(op, [{ Id: 1, Number: '1', Name: 'PLACEHOLDER' }], catalogue);

/** The one-debtor answer with `<Name>PLACEHOLDER</Name>` replaced by `name`. */
function answerWith(name: string): string {
	return response.replace('<Name>PLACEHOLDER</Name>', name);
}

function read(xml: string): void {
	try {
		readResponse(xml, op, catalogue);
	} catch (error) {
		if (!(error instanceof WireError)) throw error;
	}
}

const cases: Array<{ name: string; sizes: number[]; run: (n: number) => () => void }> = [
	{
		name: 'deep (elements)',
		sizes: [1_000, 4_000, 16_000, 64_000],
		run: (n) => {
			const xml = answerWith(`<Name>${'<x>'.repeat(n)}${'</x>'.repeat(n)}</Name>`);
			return () => read(xml);
		},
	},
	{
		name: 'wide (elements)',
		sizes: [10_000, 40_000, 160_000, 640_000],
		run: (n) => {
			const xml = answerWith(`<Name>a</Name>${'<x>1</x>'.repeat(n)}`);
			return () => read(xml);
		},
	},
	{
		name: 'long text (chars)',
		sizes: [1_000_000, 4_000_000, 16_000_000],
		run: (n) => {
			const xml = answerWith(`<Name>${'a'.repeat(n)}</Name>`);
			return () => read(xml);
		},
	},
	{
		name: 'attributes (count)',
		sizes: [1_000, 4_000, 16_000, 64_000],
		run: (n) => {
			const attributes = Array.from({ length: n }, (_, i) => ` a${i}="1"`).join('');
			const xml = answerWith(`<Name${attributes}>a</Name>`);
			return () => read(xml);
		},
	},
	{
		name: 'request deep (elements)',
		sizes: [1_000, 4_000, 16_000, 64_000],
		run: (n) => {
			const xml =
				'<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>' +
				`<List_GetAll xmlns="https://api.nmbrs.nl/soap/v3/DebtorService">${'<x>'.repeat(n)}${'</x>'.repeat(n)}` +
				'</List_GetAll></soap:Body></soap:Envelope>';
			return () => {
				try {
					readRequest(xml, catalogue, () => op);
				} catch (error) {
					if (!(error instanceof WireError)) throw error;
				}
			};
		},
	},
	{
		name: 'scrub (<Token repeats)',
		sizes: [4_000, 16_000, 64_000, 256_000],
		run: (n) => {
			const body = '<Token'.repeat(n);
			return () => scrub(body, ['secret-token']);
		},
	},
	{
		name: 'fault string (chars)',
		sizes: [4_000, 16_000, 64_000, 256_000, 1_000_000],
		run: (n) => {
			const fault = `---> 1002: x${' '.repeat(n)}\rz`;
			return () => parseFaultString(fault);
		},
	},
	{
		name: 'request root (<?pi?> count)',
		sizes: [8, 12, 16, 20, 1_000, 100_000],
		run: (n) => {
			const body = `${'<?a?>'.repeat(n)}<`;
			return () => unreadableRequest(body, new WireError('malformed', 'not XML'));
		},
	},
];

function main(): void {
	console.log(
		`node ${process.version}; time of one run per size (after one warm-up at the smallest size)\n`,
	);
	for (const { name, sizes, run } of cases) {
		run(sizes[0] as number)();
		const parts: string[] = [];
		for (const size of sizes) {
			const fn = run(size);
			const start = process.hrtime.bigint();
			fn();
			const ms = Number(process.hrtime.bigint() - start) / 1e6;
			parts.push(`${size.toLocaleString('en')}: ${ms < 10 ? ms.toFixed(1) : ms.toFixed(0)} ms`);
			if (ms > STOP_AFTER_MS) {
				parts.push('(larger sizes skipped)');
				break;
			}
		}
		console.log(`${name.padEnd(30)} ${parts.join('   ')}`);
	}
}

main();
