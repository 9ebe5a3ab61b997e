/**
 * Tables in the docs that are generated, so that they cannot drift:
 * - README.md, between `<!-- calls:start -->` and `<!-- calls:end -->`: per node operation and
 *   trigger event, the SOAP calls it makes (what to switch on in the Nmbrs API user template),
 *   from the operations' own declarations;
 * - docs/catalogue.md, between `<!-- catalogue:start -->` and `<!-- catalogue:end -->`: every
 *   curated SOAP call, and what rests on inference.
 * test/contract/readme.test.ts asserts both files hold exactly this.
 *
 *   npm run docs:tables     refresh both files
 */
import { existsSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { catalogue as curatedCatalogue } from '../nodes/Nmbrs/catalogue';
import type { Catalogue, Source } from '../nodes/Nmbrs/catalogue/types';
import { operationKey } from '../nodes/Nmbrs/catalogue/types';
import { resources } from '../nodes/Nmbrs/resources';
import { triggerEvents } from '../nodes/Nmbrs/trigger/events/index';
import { WEBHOOK_CALLS } from '../nodes/Nmbrs/trigger/webhook/settings';

export const START_MARKER = '<!-- catalogue:start -->';
export const END_MARKER = '<!-- catalogue:end -->';
export const CALLS_START = '<!-- calls:start -->';
export const CALLS_END = '<!-- calls:end -->';
export const README_PATH = path.resolve(__dirname, '..', 'README.md');
export const CATALOGUE_DOC_PATH = path.resolve(__dirname, '..', 'docs', 'catalogue.md');

const SOURCE_LABEL: Record<Source, string> = {
	wsdl: 'WSDL',
	'v3-code': 'v3 code',
	inferred: 'inferred',
};
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The markdown between the markers (without them). */
export function renderCatalogueSection(catalogue: Catalogue = curatedCatalogue): string {
	const lines: string[] = [
		'## SOAP calls',
		'',
		'Every SOAP call the catalogue describes, generated from it. Reads may be retried; writes never are.',
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
		'## Resting on inference',
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

/** The API template table: per node operation and trigger event, the calls it makes. */
export function renderCallsSection(): string {
	const lines: string[] = [
		'| Node | Resource | Operation | SOAP calls |',
		'| --- | --- | --- | --- |',
		'| credential | | Test; subdomain lookup when the field is empty | `DebtorService.List_GetAll`; `DebtorService.Environment_Get` |',
	];
	const list = (calls: readonly string[]) =>
		calls.length === 0 ? 'the one you name' : calls.map((c) => `\`${c}\``).join(', ');
	for (const resource of resources) {
		for (const operation of Object.values(resource.operations)) {
			lines.push(`| Nmbrs | ${resource.name} | ${operation.name} | ${list(operation.calls)} |`);
		}
	}
	for (const event of triggerEvents) {
		lines.push(`| Nmbrs Trigger | | ${event.name} | ${list(event.calls)} |`);
	}
	for (const event of triggerEvents) {
		// Each delivery makes the polling trigger's calls; activation and deactivation the settings'.
		lines.push(
			`| Nmbrs Webhook Trigger | | ${event.name} | ${list([...new Set([...event.calls, ...WEBHOOK_CALLS])])} |`,
		);
	}
	return lines.join('\n');
}

/** Text with the part between two markers replaced (or appended, markers included, when absent). */
export function withSection(
	text: string,
	section: string,
	start = START_MARKER,
	end = END_MARKER,
): string {
	const block = `${start}\n${section}\n${end}`;
	const from = text.indexOf(start);
	const to = text.indexOf(end);
	if (from === -1 || to === -1 || to < from) return `${text.trimEnd()}\n\n${block}\n`;
	return text.slice(0, from) + block + text.slice(to + end.length);
}

/** The text between two markers, or undefined when they are missing. */
export function extractSection(
	text: string,
	start = START_MARKER,
	end = END_MARKER,
): string | undefined {
	const from = text.indexOf(start);
	const to = text.indexOf(end);
	if (from === -1 || to === -1 || to < from) return undefined;
	return text
		.slice(from + start.length, to)
		.replace(/^\n/, '')
		.replace(/\n$/, '');
}

if (require.main === module) {
	const read = (file: string, fallback: string) =>
		existsSync(file) ? readFileSync(file, 'utf8') : fallback;
	writeFileSync(
		README_PATH,
		withSection(
			read(README_PATH, '# n8n-nodes-nmbrs\n'),
			renderCallsSection(),
			CALLS_START,
			CALLS_END,
		),
	);
	writeFileSync(
		CATALOGUE_DOC_PATH,
		withSection(read(CATALOGUE_DOC_PATH, '# The operation catalogue\n'), renderCatalogueSection()),
	);
	console.log('updated the generated tables of README.md and docs/catalogue.md');
}
