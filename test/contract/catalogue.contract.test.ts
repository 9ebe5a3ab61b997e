/**
 * Every curated catalogue entry, and every type it reaches, against the real Nmbrs v2.1 WSDLs
 * in ../shared. A wrong name, casing, order, type or optionality here means a wrong request or
 * a misread answer in production (.NET silently ignores a misplaced element).
 */
import { existsSync, readFileSync } from 'fs';
import { catalogue } from '../../nodes/Nmbrs/catalogue';
import {
	decodeService,
	generatedCatalogue,
	GENERATED_SERVICES,
} from '../../nodes/Nmbrs/catalogue/generatedCatalogue';
import type { Operation, ServiceName } from '../../nodes/Nmbrs/catalogue/types';
import { renderAll } from '../../scripts/generate-catalogue';
import { describeNeedingShared } from '../needsShared';
import {
	checkAgainstWsdl,
	ContractChecker,
	loadWsdl,
	SHARED_MISSING_MESSAGE,
	sharedWsdlsPresent,
	type WsdlModel,
} from './wsdlContract';

const present = sharedWsdlsPresent();
const describeWithShared = describeNeedingShared(present, SHARED_MISSING_MESSAGE);

const servicesWithWsdl = GENERATED_SERVICES;
const wsdls = new Map<string, WsdlModel>();
function wsdlOf(service: string): WsdlModel {
	let model = wsdls.get(service);
	if (!model) {
		model = loadWsdl(service);
		wsdls.set(service, model);
	}
	return model;
}

const curatedOf = (service: ServiceName): Operation[] =>
	catalogue.operations.filter((op) => op.service === service);

describeWithShared('curated catalogue against the v2.1 WSDLs', () => {
	it.each(servicesWithWsdl)(
		'%s: operations, parameters, results and their types match the WSDL',
		(service) => {
			const { problems } = checkAgainstWsdl(wsdlOf(service), curatedOf(service), catalogue);
			expect(problems).toEqual([]);
		},
	);

	it('checks every curated complex type against a WSDL, except the v3-only ones', () => {
		const checked = new Set<string>();
		for (const service of servicesWithWsdl) {
			for (const name of checkAgainstWsdl(wsdlOf(service), curatedOf(service), catalogue)
				.typesChecked)
				checked.add(name);
		}
		const unchecked = Object.values(catalogue.types)
			.filter(
				(type) => !checked.has(type.name) || (type.source !== 'wsdl' && wsdlHasType(type.name)),
			)
			.map((type) => `${type.name} (${type.source})`);
		// v3-only types are not in any v2.1 WSDL: they must say so through their source.
		expect(unchecked.sort()).toEqual(
			[
				'Environment (v3-code)',
				'EmployeeType (v3-code)',
				'WebhookEvent (v3-code)',
				'WebhookSetting (v3-code)',
			].sort(),
		);
	});

	it('has every curated enum equal to the WSDL enumeration of that name', () => {
		for (const [name, values] of Object.entries(catalogue.enums)) {
			const found = servicesWithWsdl
				.map((s) => wsdlOf(s).enums.get(name))
				.filter((v): v is string[] => v !== undefined);
			expect({ name, found: found.length > 0 }).toEqual({ name, found: true });
			for (const wsdlValues of found)
				expect({ name, values }).toEqual({ name, values: wsdlValues });
		}
	});
});

function wsdlHasType(name: string): boolean {
	return servicesWithWsdl.some((s) => wsdlOf(s).complexTypes.has(name));
}

describeWithShared('the checker bites', () => {
	const original = catalogue.operations.find(
		(op) => op.service === 'CompanyService' && op.name === 'WageTax_GetXML',
	);
	const check = (op: Operation) =>
		checkAgainstWsdl(wsdlOf('CompanyService'), [op], catalogue).problems;

	it('accepts the real entry', () => {
		expect(original).toBeDefined();
		expect(check(original as Operation)).toEqual([]);
	});

	it('reports two parameters in the wrong order', () => {
		const op = structuredClone(original as Operation);
		op.params = [op.params[1], op.params[0]];
		expect(check(op).join('\n')).toMatch(
			/WageTax_GetXML params: names\/order differ: catalogue \(CompanyId, LoonaangifteID\)/,
		);
	});

	it('reports a parameter with the wrong casing', () => {
		const op = structuredClone(original as Operation);
		op.params[1].name = 'CompanyID';
		expect(check(op).join('\n')).toMatch(
			/catalogue \(LoonaangifteID, CompanyID\), WSDL \(LoonaangifteID, CompanyId\)/,
		);
	});

	it('reports a wrong type, a wrong optional flag and a wrong result element', () => {
		const op = structuredClone(original as Operation);
		op.params[0].type = 'string';
		op.params[1].optional = true;
		op.result = { name: 'WageTax_GetXmlResult', type: 'xmlDocument', optional: true };
		const problems = check(op).join('\n');
		expect(problems).toMatch(/params\.LoonaangifteID: type should be s:int, catalogue says string/);
		expect(problems).toMatch(/params\.CompanyId: optional should be false/);
		expect(problems).toMatch(/result: names\/order differ/);
	});

	it('reports a complex type field that is out of order or mistyped', () => {
		const mutated = structuredClone(catalogue);
		const wageTax = mutated.types.WageTax;
		[wageTax.fields[0], wageTax.fields[1]] = [wageTax.fields[1], wageTax.fields[0]];
		mutated.types.RunInfo.fields.find((f) => f.name === 'IsLocked')!.type = 'int';
		const problems = checkAgainstWsdl(
			wsdlOf('CompanyService'),
			curatedOf('CompanyService'),
			mutated,
		).problems.join('\n');
		expect(problems).toMatch(/type WageTax: names\/order differ/);
		expect(problems).toMatch(
			/type RunInfo\.IsLocked: type should be s:boolean, catalogue says int/,
		);
	});

	it('reports a list read as a single value and an operation that does not exist', () => {
		const op = structuredClone(
			catalogue.operations.find(
				(o) => o.service === 'CompanyService' && o.name === 'WageTax_GetList',
			)!,
		);
		delete op.result!.listItem;
		expect(check(op).join('\n')).toMatch(
			/is a list of <WageTax>, catalogue says listItem \(none\)/,
		);
		expect(check({ ...op, name: 'WageTax_GetLists' }).join('\n')).toMatch(
			/operation not in the v2.1 WSDL/,
		);
	});

	it('reports a v3-only mark on an operation the v2.1 WSDL has', () => {
		const op = structuredClone(original as Operation);
		op.v3Differences = [{ kind: 'v3-only', note: 'wrong' }];
		expect(check(op).join('\n')).toMatch(/marked v3-only but the v2.1 WSDL has it/);
	});
});

describeWithShared('generated catalogue', () => {
	it('is committed exactly as a fresh generation writes it (run npm run generate:catalogue if not)', () => {
		for (const [file, content] of renderAll()) {
			expect({ file, exists: existsSync(file) }).toEqual({ file, exists: true });
			expect({ file, content: readFileSync(file, 'utf8') }).toEqual({ file, content });
		}
	});

	it.each(servicesWithWsdl)(
		'%s: every generated operation and type agrees with an independent parse of the WSDL',
		(service) => {
			const generated = generatedCatalogue(service)!;
			const wsdl = wsdlOf(service);
			const checker = new ContractChecker(wsdl, generated);
			for (const op of generated.operations) checker.checkOperation(op);
			// Named types no operation reaches are generated too; list wrappers (ArrayOfX) are not types of their own.
			for (const name of wsdl.complexTypes.keys())
				if (!name.startsWith('ArrayOf') || generated.types[name]) checker.checkNamedType(name);
			expect(checker.problems).toEqual([]);
			expect(generated.operations.map((op) => op.name).sort()).toEqual([...wsdl.operations].sort());
			expect(Object.keys(generated.enums).sort()).toEqual([...wsdl.enums.keys()].sort());
		},
	);

	it('decodes to plain catalogue data with guessed access', () => {
		const company = decodeService({
			service: 'CompanyService',
			operations: [
				[
					'WageTax_GetList',
					['CompanyId:int', 'intYear:int'],
					'WageTax_GetListResult?:type:WageTax[]WageTax',
				],
				['Address_Update', ['CompanyId:int', 'Address?:type:Address'], ''],
			],
			types: [['PersonalInfo', 'Employee', ['Birthday?~:dateTime']]],
			enums: {},
		});
		expect(company.operations[0]).toMatchObject({
			access: 'read',
			source: 'wsdl',
			result: {
				name: 'WageTax_GetListResult',
				type: 'type:WageTax',
				listItem: 'WageTax',
				optional: true,
			},
		});
		expect(company.operations[1].access).toBe('write');
		expect(company.operations[1].result).toBeUndefined();
		expect(company.types.PersonalInfo).toEqual({
			name: 'PersonalInfo',
			base: 'Employee',
			source: 'wsdl',
			fields: [{ name: 'Birthday', type: 'dateTime', optional: true, nillable: true }],
		});
	});
});
