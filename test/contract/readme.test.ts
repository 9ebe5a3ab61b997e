/** The README's catalogue section is generated: it must equal a fresh rendering of the catalogue. */
import { readFileSync } from 'fs';
import { catalogue } from '../../nodes/Nmbrs/catalogue';
import {
	END_MARKER,
	extractCatalogueSection,
	README_PATH,
	renderCatalogueSection,
	START_MARKER,
	withCatalogueSection,
} from '../../scripts/catalogue-readme';

describe('README catalogue section', () => {
	it('holds exactly the rendering of the catalogue (refresh: npx ts-node --transpile-only scripts/catalogue-readme.ts --write)', () => {
		const readme = readFileSync(README_PATH, 'utf8');
		expect(readme.startsWith('# n8n-nodes-nmbrs')).toBe(true);
		expect(extractCatalogueSection(readme)).toBe(renderCatalogueSection());
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
		const inference = section.slice(section.indexOf('#### Resting on inference'));
		expect(inference).toContain('`DebtorService.Environment_Get` (v3-only)');
		expect(inference).toContain('`EmployeeService.List_GetByDebtor` (params-changed)');
		expect(inference).toContain('type `EmployeeContract`, v3 fields');
		// Confirmed by code: not listed.
		expect(inference).not.toContain('EmployeeService.List_GetByCompany`');
		expect(inference).not.toContain('type `PersonalInfo`');
	});

	it('replaces only the text between the markers and keeps the rest of the README', () => {
		const readme = `# n8n-nodes-nmbrs\n\nIntro.\n\n${START_MARKER}\nold table\n${END_MARKER}\n\n## More\n`;
		const updated = withCatalogueSection(readme, 'new table');
		expect(updated).toBe(
			`# n8n-nodes-nmbrs\n\nIntro.\n\n${START_MARKER}\nnew table\n${END_MARKER}\n\n## More\n`,
		);
		expect(withCatalogueSection('# n8n-nodes-nmbrs\n', 'table')).toBe(
			`# n8n-nodes-nmbrs\n\n${START_MARKER}\ntable\n${END_MARKER}\n`,
		);
	});
});
