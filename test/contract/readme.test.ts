/** The generated tables of README.md and docs/catalogue.md must equal a fresh rendering. */
import { readFileSync } from 'fs';
import { catalogue } from '../../nodes/Nmbrs/catalogue';
import { resources } from '../../nodes/Nmbrs/resources';
import {
	CALLS_END,
	CALLS_START,
	CATALOGUE_DOC_PATH,
	END_MARKER,
	extractSection,
	README_PATH,
	renderCallsSection,
	renderCatalogueSection,
	START_MARKER,
	withSection,
} from '../../scripts/docs-tables';

describe('README: calls to switch on in the API user template', () => {
	it("holds exactly the rendering of the operations' declared calls (refresh: npm run docs:tables)", () => {
		const readme = readFileSync(README_PATH, 'utf8');
		expect(readme.startsWith('# n8n-nodes-nmbrs')).toBe(true);
		expect(extractSection(readme, CALLS_START, CALLS_END)).toBe(renderCallsSection());
	});

	it('has a row per node operation naming each of its calls', () => {
		const section = renderCallsSection();
		for (const resource of resources) {
			for (const operation of Object.values(resource.operations)) {
				const row = section
					.split('\n')
					.find((line) => line.startsWith(`| Nmbrs | ${resource.name} | ${operation.name} |`));
				expect(row).toBeDefined();
				for (const call of operation.calls) expect(row).toContain(`\`${call}\``);
			}
		}
	});
});

describe('docs/catalogue.md', () => {
	it('holds exactly the rendering of the catalogue (refresh: npm run docs:tables)', () => {
		const doc = readFileSync(CATALOGUE_DOC_PATH, 'utf8');
		expect(extractSection(doc)).toBe(renderCatalogueSection());
	});

	it('lists every curated operation with its service, access and source', () => {
		const section = renderCatalogueSection();
		for (const op of catalogue.operations) {
			expect(section).toContain(`| ${op.service} | \`${op.name}\` | ${op.access} |`);
		}
		expect(section).toContain('| CompanyService | `WageTax_SetSentExternal` | write | WSDL |');
		expect(section).toContain('| DebtorService | `Environment_Get` | read | v3 code |');
	});

	it('lists what rests on inference: inferred sources, inferred v3 differences and inferred v3 fields', () => {
		const section = renderCatalogueSection();
		const inference = section.slice(section.indexOf('## Resting on inference'));
		expect(inference).toContain('`DebtorService.Environment_Get` (v3-only)');
		expect(inference).toContain('`EmployeeService.List_GetByDebtor` (params-changed)');
		expect(inference).toContain('type `EmployeeContract`, v3 fields');
		// Confirmed by code: not listed.
		expect(inference).not.toContain('EmployeeService.List_GetByCompany`');
		expect(inference).not.toContain('type `PersonalInfo`');
	});

	it('replaces only the text between the markers and keeps the rest of the README', () => {
		const readme = `# n8n-nodes-nmbrs\n\nIntro.\n\n${START_MARKER}\nold table\n${END_MARKER}\n\n## More\n`;
		const updated = withSection(readme, 'new table');
		expect(updated).toBe(
			`# n8n-nodes-nmbrs\n\nIntro.\n\n${START_MARKER}\nnew table\n${END_MARKER}\n\n## More\n`,
		);
		expect(withSection('# n8n-nodes-nmbrs\n', 'table')).toBe(
			`# n8n-nodes-nmbrs\n\n${START_MARKER}\ntable\n${END_MARKER}\n`,
		);
	});
});
