/**
 * What the reader refuses on purpose: elements nested past MAX_DEPTH (which is what keeps reading
 * linear in the input) and a declared encoding it cannot honour.
 */
import {
	buildResponse,
	MAX_DEPTH,
	readRequest,
	readResponse,
	WireError,
} from '../../nodes/Nmbrs/wire';
import { catalogue, getOperation } from '../../nodes/Nmbrs/catalogue';

const op = getOperation('DebtorService.List_GetAll');
const answer = buildResponse(op, [{ Id: 1, Number: '7', Name: 'PLACEHOLDER' }], catalogue);
/** Name sits at depth 6: Envelope, Body, List_GetAllResponse, List_GetAllResult, Debtor, Name. */
const NAME_DEPTH = 6;

/** The answer with elements nested inside Name down to `depth` in all. */
function nestedTo(depth: number): string {
	const extra = depth - NAME_DEPTH;
	return answer.replace('PLACEHOLDER', `${'<x>'.repeat(extra)}${'</x>'.repeat(extra)}`);
}

function wireError(fn: () => unknown): WireError {
	try {
		fn();
	} catch (error) {
		if (error instanceof WireError) return error;
		throw error;
	}
	throw new Error('expected a WireError');
}

describe('nesting depth', () => {
	it('is 100, far above the ten levels of an Nmbrs message', () => {
		expect(MAX_DEPTH).toBe(100);
	});

	it('reads an answer exactly MAX_DEPTH deep', () => {
		const { result } = readResponse(nestedTo(MAX_DEPTH), op, catalogue);
		expect(result).toEqual([expect.objectContaining({ Id: 1, Number: '7' })]);
	});

	it('refuses one level more with a WireError that names the limit', () => {
		const error = wireError(() => readResponse(nestedTo(MAX_DEPTH + 1), op, catalogue));
		expect(error.kind).toBe('malformed');
		expect(error.message).toContain(`more than ${MAX_DEPTH} deep`);
		expect(error.refusedAt).toEqual({ line: 1, column: expect.any(Number) });
	});

	it('stops at the limit however deep the input goes (100,000 levels)', () => {
		const error = wireError(() => readResponse(nestedTo(100_000), op, catalogue));
		expect(error.message).toContain(`more than ${MAX_DEPTH} deep`);
	});

	it('scrubs the excerpt of a refused answer', () => {
		const xml = nestedTo(MAX_DEPTH + 1).replace('<Id>', '<Id>secret-token');
		const error = wireError(() =>
			readResponse(xml, op, catalogue, { scrub: (t) => t.split('secret-token').join('***') }),
		);
		expect(JSON.stringify(error)).not.toContain('secret-token');
	});

	it('applies to requests too (the emulator)', () => {
		const deep = 200;
		const xml =
			'<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>' +
			`<List_GetAll xmlns="https://api.nmbrs.nl/soap/v3/DebtorService">${'<x>'.repeat(deep)}${'</x>'.repeat(deep)}` +
			'</List_GetAll></soap:Body></soap:Envelope>';
		const error = wireError(() => readRequest(xml, catalogue, () => op));
		expect(error.message).toContain(`more than ${MAX_DEPTH} deep`);
		expect(error.refusedAt).toBeDefined();
	});
});

describe('declared encoding', () => {
	const declaring = (encoding: string, name: string) =>
		answer.replace('encoding="utf-8"', `encoding="${encoding}"`).replace('PLACEHOLDER', name);

	it('is honoured for bytes: ISO-8859-1 and windows-1252', () => {
		for (const encoding of ['ISO-8859-1', 'windows-1252']) {
			const bytes = Buffer.from(declaring(encoding, 'Café Müller'), 'latin1');
			expect(readResponse(bytes, op, catalogue).result).toEqual([
				expect.objectContaining({ Name: 'Café Müller' }),
			]);
		}
	});

	it('is honoured for UTF-16 bytes with a byte-order mark', () => {
		const bytes = Buffer.concat([
			Buffer.from([0xff, 0xfe]),
			Buffer.from(declaring('utf-16', 'Zoë'), 'utf16le'),
		]);
		expect(readResponse(bytes, op, catalogue).result).toEqual([
			expect.objectContaining({ Name: 'Zoë' }),
		]);
	});

	it('reads UTF-8 bytes and text as before', () => {
		const xml = declaring('utf-8', 'Zoë');
		expect(readResponse(Buffer.from(xml), op, catalogue).result).toEqual(
			readResponse(xml, op, catalogue).result,
		);
	});

	it('refuses an encoding it cannot decode, by name', () => {
		const error = wireError(() =>
			readResponse(Buffer.from(declaring('x-klingon', 'a')), op, catalogue),
		);
		expect(error.message).toContain('declares encoding "x-klingon"');
	});

	it('refuses text (already decoded as UTF-8) that declares another encoding', () => {
		const error = wireError(() => readResponse(declaring('ISO-8859-1', 'Café'), op, catalogue));
		expect(error.message).toContain('declares encoding "iso-8859-1"');
		expect(error.message).toContain('UTF-8');
	});
});
