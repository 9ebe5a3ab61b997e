/** Shared by the world and operation tests: call handlers directly, read documents back. */
import { handlers, NmbrsFault } from '../src/operations';
import type { EmulatorUser, World } from '../src/world';

export type Row = Record<string, unknown>;

export function call(world: World, user: EmulatorUser, key: string, params: Row = {}): unknown {
	const handler = handlers[key];
	if (!handler) throw new Error(`no handler for ${key}`);
	return handler(world, { user, params: params as never });
}

export function rows(world: World, user: EmulatorUser, key: string, params: Row = {}): Row[] {
	return call(world, user, key, params) as Row[];
}

/** The Nmbrs fault code a call throws, or 'no fault'. */
export function faultOf(fn: () => unknown): number | string {
	try {
		fn();
		return 'no fault';
	} catch (error) {
		if (error instanceof NmbrsFault) return error.code;
		throw error;
	}
}

/** Checks a PDF's skeleton: header, %%EOF, and every xref offset pointing at its 'N 0 obj'. */
export function pdfProblems(pdf: Buffer): string[] {
	const text = pdf.toString('latin1');
	const problems: string[] = [];
	if (!text.startsWith('%PDF-1.')) problems.push('no %PDF- header');
	if (!text.trimEnd().endsWith('%%EOF')) problems.push('no %%EOF at the end');
	const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
	if (!startxref) return [...problems, 'no startxref'];
	const xrefAt = Number(startxref[1]);
	if (!text.startsWith('xref', xrefAt))
		return [...problems, `startxref ${xrefAt} does not point at xref`];
	const header = /^xref\s+0 (\d+)\s+/.exec(text.slice(xrefAt));
	if (!header) return [...problems, 'unreadable xref header'];
	const count = Number(header[1]);
	const entries = text
		.slice(xrefAt + header[0].length)
		.split('\n')
		.slice(0, count);
	entries.forEach((entry, n) => {
		if (n === 0) return;
		const offset = Number(entry.slice(0, 10));
		if (!text.startsWith(`${n} 0 obj`, offset))
			problems.push(`xref entry ${n} (${offset}) does not point at "${n} 0 obj"`);
	});
	if (!/\/Type \/Catalog/.test(text) || !/\/Type \/Page\b/.test(text))
		problems.push('no catalog or page');
	return problems;
}

/** Values of every <tag>...</tag> in an XML string. */
export function tagValues(xml: string, tag: string): string[] {
	return [...xml.matchAll(new RegExp(`<${tag}(?: [^>]*)?>([^<]*)</${tag}>`, 'g'))].map((m) => m[1]);
}

export const toCents = (amount: string): number => Math.round(Number(amount) * 100);
