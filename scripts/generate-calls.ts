/**
 * Writes nodes/Nmbrs/catalogue/calls.ts: the curated calls as types, so that the compiler refuses
 * a misspelt call key or parameter name (Nmbrs spells them unevenly: RunID / RunId, intYear / Year).
 * test/catalogue/calls.test.ts asserts the file holds exactly this rendering.
 *
 *   npm run generate:calls
 */
import { readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { execFileSync } from 'child_process';

import { catalogue as curatedCatalogue } from '../nodes/Nmbrs/catalogue';
import type { Catalogue, Field } from '../nodes/Nmbrs/catalogue/types';
import { operationKey } from '../nodes/Nmbrs/catalogue/types';

export const CALLS_PATH = path.resolve(__dirname, '..', 'nodes', 'Nmbrs', 'catalogue', 'calls.ts');

/** The TypeScript type a parameter's value may have, as the wire writer takes it. */
function valueType(field: Field): string {
	if (field.listItem !== undefined) return 'readonly unknown[] | null';
	const { type } = field;
	let base: string;
	if (type.startsWith('type:')) base = 'Record<string, unknown>';
	else if (type.startsWith('enum:')) base = 'string';
	else if (['int', 'long', 'decimal', 'double', 'float', 'short'].includes(type)) base = 'number';
	else if (type === 'boolean') base = 'boolean';
	else if (type === 'base64Binary') base = 'Buffer';
	else base = 'string';
	return field.optional || field.nillable || !/^(?:number|boolean)$/.test(base)
		? `${base} | null`
		: base;
}

export function renderCalls(catalogue: Catalogue = curatedCatalogue): string {
	const entries = [...catalogue.operations]
		.sort((a, b) => operationKey(a).localeCompare(operationKey(b), 'en'))
		.map((op) => {
			const params = op.params
				.map((p) => `${p.name}${p.optional || p.nillable ? '?' : ''}: ${valueType(p)};`)
				.join(' ');
			return `'${operationKey(op)}': ${params === '' ? 'Record<string, never>' : `{ ${params} }`};`;
		});
	const text = `/**
 * Generated from the curated catalogue by \`npm run generate:calls\`; do not edit. Every curated
 * call with its parameters, exactly as Nmbrs spells them: nmbrsRequest takes a key of
 * CuratedCalls and that call's parameters, so a misspelt call or parameter does not compile.
 */
export interface CuratedCalls {
${entries.join('\n')}
}

/** A curated call, 'Service.Operation'. */
export type CuratedCall = keyof CuratedCalls;

/** The parameters of a curated call. */
export type ParamsOf<K extends CuratedCall> = CuratedCalls[K];

/** A curated call together with its parameters, for tables that pick the call at run time. */
export type CallWith = { [K in CuratedCall]: { call: K; params: ParamsOf<K> } }[CuratedCall];
`;
	// Formatted as the repository's prettier settings say (its CLI: the API is ESM, not for jest).
	return execFileSync(
		process.execPath,
		[require.resolve('prettier/bin/prettier.cjs'), '--stdin-filepath', CALLS_PATH],
		{ input: text, encoding: 'utf8' },
	);
}

if (require.main === module) {
	const text = renderCalls();
	const before = (() => {
		try {
			return readFileSync(CALLS_PATH, 'utf8');
		} catch {
			return '';
		}
	})();
	writeFileSync(CALLS_PATH, text);
	console.log(`${before === text ? 'unchanged' : 'wrote'} ${CALLS_PATH}`);
}
