/**
 * Property-based tests (fast-check, fixed seeds, bounded runs): mutated and random envelopes into
 * the reader, requests into the emulator, bodies into scrub. Each returns or throws its own error
 * kind, never shows a planted token, and the emulator keeps answering.
 */
import fc from 'fast-check';
import { startEmulator, type RunningEmulator } from '../../emulator/src';
import { catalogue, getOperation } from '../../nodes/Nmbrs/catalogue';
import { scrub } from '../../nodes/Nmbrs/transport/errors';
import { buildResponse, MAX_DEPTH, readResponse, WireError } from '../../nodes/Nmbrs/wire';
import { envelope } from '../../emulator/test/helpers';

const SEED = 20261130;
const TOKEN = 'planted-9f3a7c-token';

/** Pieces that matter to an XML reader, so random text hits its corners often. */
const XML_PIECE = fc.constantFrom(
	'<',
	'>',
	'/',
	'"',
	"'",
	'=',
	' ',
	'\n',
	'a',
	'x:',
	':',
	'&',
	'&amp;',
	'&#',
	';',
	'<!--',
	'-->',
	'<![CDATA[',
	']]>',
	'<?',
	'?>',
	'<!DOCTYPE',
	'<Token>',
	'</Token>',
	'xmlns="',
	'\u0000',
	'é',
	TOKEN,
);
const xmlText = (maxLength: number) => fc.string({ unit: XML_PIECE, maxLength });

type Mutation =
	| { kind: 'insert'; at: number; text: string }
	| { kind: 'delete'; at: number; length: number }
	| { kind: 'duplicate'; at: number; length: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
	fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: xmlText(6) }),
	fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.nat(30) }),
	fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.nat(60) }),
);

function mutate(text: string, mutations: Mutation[]): string {
	let out = text;
	for (const m of mutations) {
		const at = m.at % (out.length + 1);
		if (m.kind === 'insert') out = out.slice(0, at) + m.text + out.slice(at);
		else if (m.kind === 'delete') out = out.slice(0, at) + out.slice(at + m.length);
		else out = out.slice(0, at + m.length) + out.slice(at, at + m.length) + out.slice(at);
	}
	return out;
}

const op = getOperation('DebtorService.List_GetAll');
const answer = buildResponse(op, [{ Id: 1, Number: '7', Name: TOKEN }], catalogue).replace(
	'<soap:Body>',
	`<soap:Header><Token>${TOKEN}</Token></soap:Header><soap:Body>`,
);
const secrets = (text: string) => scrub(text, [TOKEN]);

/** Reads `xml`; the outcome is a result or a WireError, and an error never shows the token. */
function readOrWireError(xml: string): void {
	try {
		readResponse(xml, op, catalogue, { scrub: secrets });
	} catch (error) {
		if (!(error instanceof WireError)) throw error;
		const shown = `${error.message} ${JSON.stringify(error)}`;
		if (error.kind !== 'fault' && shown.includes(TOKEN))
			throw new Error(`the token leaked: ${shown.slice(0, 300)}`);
	}
}

describe('the reader', () => {
	it('reads or refuses mutated answers with a WireError that never shows the token', () => {
		fc.assert(
			fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (mutations) => {
				readOrWireError(mutate(answer, mutations));
			}),
			{ seed: SEED, numRuns: 400 },
		);
	});

	it('reads or refuses random text the same way', () => {
		fc.assert(
			fc.property(xmlText(200), (text) => {
				readOrWireError(text);
			}),
			{ seed: SEED, numRuns: 300 },
		);
	});

	it('never shows the token when it stands where an element name is expected', () => {
		for (const xml of [
			`<${TOKEN}/>`,
			answer
				.replace('<List_GetAllResponse', `<${TOKEN}`)
				.replace('</List_GetAllResponse', `</${TOKEN}`),
		]) {
			readOrWireError(xml);
		}
	});

	it(`refuses exactly the answers nested deeper than ${MAX_DEPTH}`, () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 3 * MAX_DEPTH }), (extra) => {
				// Name is at depth 6; `extra` elements go inside it.
				const xml = answer.replace(
					`<Name>${TOKEN}</Name>`,
					`<Name>${'<x>'.repeat(extra)}${'</x>'.repeat(extra)}</Name>`,
				);
				let refused = false;
				try {
					readResponse(xml, op, catalogue);
				} catch (error) {
					refused = error instanceof WireError && error.message.includes(`${MAX_DEPTH} deep`);
				}
				return refused === 6 + extra > MAX_DEPTH;
			}),
			{ seed: SEED, numRuns: 100 },
		);
	});
});

describe('scrub', () => {
	const forms = [
		TOKEN,
		encodeURIComponent(TOKEN),
		TOKEN.replace(/-/g, '&#45;'),
		TOKEN.replace(/a/g, '%61'),
	];

	it('hides the token in any form, wherever it stands in any text', () => {
		fc.assert(
			fc.property(xmlText(40), fc.constantFrom(...forms), xmlText(40), (before, form, after) => {
				const clean = scrub(`${before}${form}${after}`, [TOKEN]);
				return !clean.includes(TOKEN) && !clean.includes(form);
			}),
			{ seed: SEED, numRuns: 500 },
		);
	});

	it('hides everything inside a Token element, whatever comments or CDATA it holds', () => {
		fc.assert(
			fc.property(
				xmlText(30),
				fc.array(fc.constantFrom('<!-- </Token> -->', '<![CDATA[</Token>]]>', 'ab', '<b/>'), {
					maxLength: 4,
				}),
				(before, pieces) => {
					const inner = [...pieces, 'SECRET-PART', ...pieces].join('');
					const clean = scrub(`${before.replace(/<Token>/g, '')}<Token>${inner}</Token>x`);
					return !clean.includes('SECRET-PART');
				},
			),
			{ seed: SEED, numRuns: 300 },
		);
	});
});

describe('the emulator', () => {
	let emulator: RunningEmulator;
	beforeAll(async () => {
		emulator = await startEmulator({ port: 0, worldNow: '2026-11-25T09:00:00', throttle: false });
	});
	afterAll(async () => {
		await emulator.close();
	});

	it('answers mutated and random requests with a status it means, keeps answering, and logs no token', async () => {
		const request = envelope('DebtorService', 'List_GetAll', {});
		const bodies = fc.sample(
			fc.oneof(
				fc.array(mutation, { minLength: 1, maxLength: 6 }).map((m) => mutate(request, m)),
				xmlText(200),
			),
			{ seed: SEED, numRuns: 80 },
		);
		for (const body of bodies) {
			const response = await fetch(`${emulator.soapBaseUrl}DebtorService.asmx`, {
				method: 'POST',
				headers: { 'Content-Type': 'text/xml; charset=utf-8' },
				body,
			});
			await response.text();
			expect([200, 400, 500]).toContain(response.status);
		}
		expect((await fetch(`${emulator.adminUrl}health`)).status).toBe(200);
		const leaks = emulator.requestLog
			.all()
			.filter((entry) => entry.requestBody.includes('demo-token'))
			.map((entry) => entry.requestBody.slice(0, 300));
		expect(leaks).toEqual([]);
	});
});
