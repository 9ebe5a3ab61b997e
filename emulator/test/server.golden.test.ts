/**
 * The emulator's answers have the shape of real Nmbrs answers: the captured v2.1 responses in
 * ../shared/nmbrs-api/samples-v2.1 are compared element by element with the emulator's, on
 * structure only (names, prefixes, order, which elements are left out), not on values and not on
 * the v2.1 vs v3 namespace.
 */
import * as fs from 'fs';
import * as path from 'path';
import { SaxesParser } from 'saxes';
import { startEmulator, type RunningEmulator } from '../src';
import { describeNeedingShared } from '../../test/needsShared';
import { call, SHARED_DIR, sharedAvailable, values, WORLD_NOW } from './helpers';

interface Node {
	/** Qualified name as written, prefix included (`soap:Body`, `Company`). */
	name: string;
	/** Attribute names as written (`xmlns:soap`, `xmlns`, `xsi:nil`), sorted. */
	attributes: string[];
	children: Node[];
}

function skeleton(xml: string): Node {
	const parser = new SaxesParser({ xmlns: false });
	const stack: Node[] = [];
	let root: Node | undefined;
	parser.on('opentag', (tag) => {
		const node: Node = {
			name: tag.name,
			attributes: Object.keys(tag.attributes).sort(),
			children: [],
		};
		if (stack.length) stack[stack.length - 1].children.push(node);
		else root = node;
		stack.push(node);
	});
	parser.on('closetag', () => stack.pop());
	parser.write(xml.replace(/^<\?xml[^>]*\?>/, '')).close();
	if (!root) throw new Error('no root element');
	return root;
}

/** The path of single elements from the envelope down to the list result. */
function spine(node: Node, depth: number): string[] {
	const out = [`${node.name}[${node.attributes.join(',')}]`];
	if (depth > 0 && node.children.length === 1) out.push(...spine(node.children[0], depth - 1));
	return out;
}

const SAMPLES = path.join(SHARED_DIR, 'nmbrs-api', 'samples-v2.1');
const describeShared = describeNeedingShared(
	sharedAvailable,
	`the golden test needs ${SAMPLES}, which is absent`,
);

describeShared('answers shaped like the captured Nmbrs responses', () => {
	let emulator: RunningEmulator;
	beforeAll(async () => {
		emulator = await startEmulator({ port: 0, worldNow: WORLD_NOW });
	});
	afterAll(async () => {
		await emulator.close();
	});

	const compare = (sampleXml: string, emulatorXml: string, item: string) => {
		const sample = skeleton(sampleXml);
		const ours = skeleton(emulatorXml);
		// Envelope, Body, <Op>Response, <Op>Result: same names, prefixes and declared namespaces.
		expect(spine(ours, 3)).toEqual(spine(sample, 3));
		const listOf = (root: Node) => root.children[0].children[0].children[0];
		const sampleItems = listOf(sample).children;
		const ourItems = listOf(ours).children;
		expect(ourItems.length).toBeGreaterThan(0);
		expect(new Set(ourItems.map((n) => n.name))).toEqual(new Set([item]));
		const sampleFields = sampleItems[0].children.map((c) => c.name);
		for (const ourItem of ourItems) {
			const fields = ourItem.children.map((c) => c.name);
			// Every field the sample has, in the sample's order; extra (non-null) fields may sit between.
			expect(fields.filter((f) => sampleFields.includes(f))).toEqual(sampleFields);
			// Fields are simple elements without attributes, as in the sample (null strings are omitted, never nil).
			expect(
				ourItem.children.every((c) => c.children.length === 0 && c.attributes.length === 0),
			).toBe(true);
			expect(ourItem.attributes).toEqual(sampleItems[0].attributes);
		}
	};

	it('CompanyService.List_GetAll', async () => {
		const sample = fs.readFileSync(
			path.join(SAMPLES, 'CompanyService.List_GetAll.response.xml'),
			'utf8',
		);
		const answer = await call(emulator.soapBaseUrl, 'CompanyService', 'List_GetAll');
		compare(sample, answer.body, 'Company');
	});

	it('EmployeeService.List_GetByCompany', async () => {
		const sample = fs.readFileSync(
			path.join(SAMPLES, 'EmployeeService.List_GetByCompany.response.xml'),
			'utf8',
		);
		const companies = await call(emulator.soapBaseUrl, 'CompanyService', 'List_GetAll');
		const companyId = values(companies.body, 'ID')[0];
		const answer = await call(emulator.soapBaseUrl, 'EmployeeService', 'List_GetByCompany', {
			CompanyId: companyId,
			EmployeeType: 2,
		});
		compare(sample, answer.body, 'Employee');
	});
});
