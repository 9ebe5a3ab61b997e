/**
 * The README's catalogue section, rendered from the catalogue so that it cannot drift:
 * every curated SOAP call (for the API user template), and what rests on inference.
 * test/contract/readme.test.ts asserts README.md holds exactly this between the markers.
 *
 *   npx ts-node --transpile-only scripts/catalogue-readme.ts --write     refresh README.md
 */
import { existsSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { catalogue as curatedCatalogue } from '../nodes/Nmbrs/catalogue';
import type { Catalogue, Source } from '../nodes/Nmbrs/catalogue/types';
import { operationKey } from '../nodes/Nmbrs/catalogue/types';

export const START_MARKER = '<!-- catalogue:start -->';
export const END_MARKER = '<!-- catalogue:end -->';
export const README_PATH = path.resolve(__dirname, '..', 'README.md');

const SOURCE_LABEL: Record<Source, string> = {
	wsdl: 'WSDL',
	'v3-code': 'v3 code',
	inferred: 'inferred',
};
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The markdown between the markers (without them). */
export function renderCatalogueSection(catalogue: Catalogue = curatedCatalogue): string {
	const lines: string[] = [
		'### SOAP calls',
		'',
		'Every SOAP call the nodes make, generated from the catalogue. Switch these on in the Nmbrs API user',
		'template of the API user (a call that is off fails with error 1002). Reads may be retried; writes never are.',
		'',
		'| Service | Operation | Access | Source | What it does |',
		'| --- | --- | --- | --- | --- |',
	];
	for (const op of catalogue.operations) {
		lines.push(
			`| ${op.service} | \`${op.name}\` | ${op.access} | ${SOURCE_LABEL[op.source]} | ${cell(op.description ?? '')} |`,
		);
	}
	lines.push(
		'',
		'Source: **WSDL** = the real Nmbrs v2.1 WSDL (checked by the contract test); **v3 code** = seen in independent',
		'clients of the v3 API; **inferred** = our deduction. Custom Call reaches every other operation of the v2.1 WSDLs',
		'with parameters ordered and typed from the WSDL (v3 may differ); unknown operations get the parameters in your order',
		'and a generic JSON result.',
		'',
		'#### Resting on inference',
		'',
		'Facts below are deductions, not yet confirmed against a v3 WSDL or captured traffic:',
		'',
	);
	const inferred: string[] = [];
	for (const op of catalogue.operations) {
		if (op.source === 'inferred') inferred.push(`- \`${operationKey(op)}\`: ${op.sourceNote}`);
		for (const difference of op.v3Differences ?? []) {
			if ((difference.source ?? op.source) === 'inferred')
				inferred.push(`- \`${operationKey(op)}\` (${difference.kind}): ${difference.note}`);
		}
	}
	for (const type of Object.values(catalogue.types)) {
		if (type.source === 'inferred')
			inferred.push(`- type \`${type.name}\`: ${type.note ?? 'shape inferred'}`);
		if (type.v3AddedFields?.length && type.v3AddedSource === 'inferred') {
			inferred.push(
				`- type \`${type.name}\`, v3 fields ${type.v3AddedFields.map((f) => `\`${f}\``).join(', ')}: ${type.note ?? ''}`.trimEnd(),
			);
		}
	}
	lines.push(...(inferred.length > 0 ? inferred : ['- (none)']));
	return lines.join('\n');
}

/** README text with the section between the markers replaced (or appended, markers included, when absent). */
export function withCatalogueSection(
	readme: string,
	section: string = renderCatalogueSection(),
): string {
	const block = `${START_MARKER}\n${section}\n${END_MARKER}`;
	const start = readme.indexOf(START_MARKER);
	const end = readme.indexOf(END_MARKER);
	if (start === -1 || end === -1 || end < start) return `${readme.trimEnd()}\n\n${block}\n`;
	return readme.slice(0, start) + block + readme.slice(end + END_MARKER.length);
}

/** The text between the markers in a README, or undefined when the markers are missing. */
export function extractCatalogueSection(readme: string): string | undefined {
	const start = readme.indexOf(START_MARKER);
	const end = readme.indexOf(END_MARKER);
	if (start === -1 || end === -1 || end < start) return undefined;
	return readme
		.slice(start + START_MARKER.length, end)
		.replace(/^\n/, '')
		.replace(/\n$/, '');
}

if (require.main === module) {
	if (!process.argv.includes('--write')) {
		console.log(renderCatalogueSection());
	} else {
		const current = existsSync(README_PATH)
			? readFileSync(README_PATH, 'utf8')
			: '# n8n-nodes-nmbrs\n';
		writeFileSync(README_PATH, withCatalogueSection(current));
		console.log(
			`updated the catalogue section of ${path.relative(process.cwd(), README_PATH) || 'README.md'}`,
		);
	}
}
