/**
 * The conformance validator bites: hand-written answers, each with one fault, against the real
 * v2.1 WSDLs; the allowed v3 additions pass, and each is recorded in REFERENCE.md.
 */
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import {
	loadWsdl,
	SHARED_DIR,
	SHARED_MISSING_MESSAGE,
	sharedWsdlsPresent,
	type WsdlModel,
} from '../contract/wsdlContract';
import { describeNeedingShared } from '../needsShared';
import { isWrite, readBackFor } from './filler';
import { v3Namespace, v3WsdlText } from './runner';
import { fieldsOf, SchemaValidator } from './schemaValidator';
import { ALLOWED_V3_ADDITIONS, referenceLine } from './v3Additions';
import { parseXml, type XmlElement } from './xmlTree';

const describeWithShared = describeNeedingShared(sharedWsdlsPresent(), SHARED_MISSING_MESSAGE);
const REFERENCE = path.join(SHARED_DIR, 'nmbrs-api/REFERENCE.md');

const models = new Map<string, WsdlModel>();
const modelOf = (service: string): WsdlModel => {
	if (!models.has(service)) models.set(service, loadWsdl(service));
	return models.get(service)!;
};

function envelope(service: string, body: string): XmlElement {
	const xml =
		`<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" ` +
		`xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soap:Body>` +
		body.split('"NS"').join(`"${v3Namespace(service)}"`) +
		`</soap:Body></soap:Envelope>`;
	const root = parseXml(xml);
	if (typeof root === 'string') throw new Error(root);
	return root;
}

/** The reasons the validator gives for an answer to CompanyService.List_GetAll. */
function companies(...items: string[]): string[] {
	const validator = new SchemaValidator(
		modelOf('CompanyService'),
		v3Namespace('CompanyService'),
		ALLOWED_V3_ADDITIONS,
	);
	const body = `<List_GetAllResponse xmlns="NS"><List_GetAllResult>${items.join('')}</List_GetAllResult></List_GetAllResponse>`;
	return validator
		.validateResponse('List_GetAll', envelope('CompanyService', body))
		.map((p) => p.reason);
}

const company = (fields: Record<string, string>) =>
	`<Company>${Object.entries(fields)
		.map(([k, v]) => (v === 'nil' ? `<${k} xsi:nil="true"/>` : `<${k}>${v}</${k}>`))
		.join('')}</Company>`;
const GOOD = {
	ID: '50001',
	Number: '1',
	Name: 'Van Dam B.V.',
	LoonaangifteTijdvak: 'Month',
};

describeWithShared('the conformance validator', () => {
	it('accepts a correct answer, an empty list and an omitted optional element', () => {
		expect(companies(company(GOOD))).toEqual([]);
		expect(companies()).toEqual([]);
	});

	it('reports an undeclared element, a missing required one, and elements out of order', () => {
		expect(companies(company({ ...GOOD, Foo: 'x' }))).toEqual(['undeclared Company.Foo']);
		const { ID: _id, ...noId } = GOOD;
		expect(companies(company(noId))).toEqual(['missing required Company.ID']);
		expect(companies(company({ Number: '1', ID: '50001', LoonaangifteTijdvak: 'Month' }))).toEqual([
			'out of order Company.ID',
		]);
	});

	it('reports bad scalar text, an unknown enum value, xsi:nil where not nillable', () => {
		expect(companies(company({ ...GOOD, ID: '5.5' }))).toEqual(['bad s:int value in Company.ID']);
		expect(companies(company({ ...GOOD, ID: '99999999999' }))).toEqual([
			'bad s:int value in Company.ID',
		]);
		expect(companies(company({ ...GOOD, LoonaangifteTijdvak: 'month' }))).toEqual([
			'bad enumeration value in Company.LoonaangifteTijdvak',
		]);
		expect(companies(company({ ...GOOD, Number: 'nil' }))).toEqual([
			'xsi:nil on non-nillable Company.Number',
		]);
	});

	it('reports a wrong namespace, a wrong body element and a repeated element', () => {
		const validator = new SchemaValidator(
			modelOf('CompanyService'),
			v3Namespace('CompanyService'),
			ALLOWED_V3_ADDITIONS,
		);
		const v21 = envelope(
			'CompanyService',
			'<List_GetAllResponse xmlns="https://api.nmbrs.nl/soap/v2.1/CompanyService"/>',
		);
		expect(validator.validateResponse('List_GetAll', v21)[0].reason).toMatch(/not the response/);
		expect(
			companies(
				company(GOOD).replace('</Company>', '<Name>again</Name></Company>'),
				'<Company xmlns="urn:other"/>',
			),
		).toEqual(['repeated Company.Name', 'element ArrayOfCompany.Company in namespace "urn:other"']);
	});

	it('checks dateTime, decimal, boolean and guid text', () => {
		const validator = new SchemaValidator(
			modelOf('EmployeeService'),
			v3Namespace('EmployeeService'),
			ALLOWED_V3_ADDITIONS,
		);
		const salary = (value: string, date: string) =>
			envelope(
				'EmployeeService',
				`<Salary_GetCurrentResponse xmlns="NS"><Salary_GetCurrentResult><Value>${value}</Value>` +
					`<Type>Bruto_Salaris_Fulltime</Type><StartDate>${date}</StartDate></Salary_GetCurrentResult></Salary_GetCurrentResponse>`,
			);
		const reasons = (value: string, date: string) =>
			validator.validateResponse('Salary_GetCurrent', salary(value, date)).map((p) => p.reason);
		expect(reasons('3150.50', '2026-01-01T00:00:00')).toEqual([]);
		expect(reasons('3150,50', '2026-02-30T00:00:00')).toEqual([
			'bad s:decimal value in Salary.Value',
			'bad s:dateTime value in Salary.StartDate',
		]);
		expect(reasons('1', '2026-01-01')).toEqual(['bad s:dateTime value in Salary.StartDate']);

		const company = new SchemaValidator(
			modelOf('CompanyService'),
			v3Namespace('CompanyService'),
			ALLOWED_V3_ADDITIONS,
		);
		const table = (guid: string) =>
			company
				.validateResponse(
					'SalaryTable2_Get',
					envelope(
						'CompanyService',
						`<SalaryTable2_GetResponse xmlns="NS"><SalaryTable2_GetResult><Code>1</Code>` +
							`<GuidSalaryTable>${guid}</GuidSalaryTable></SalaryTable2_GetResult></SalaryTable2_GetResponse>`,
					),
				)
				.map((p) => p.reason);
		expect(table('0F8FAD5B-D9CB-469F-A165-70867728950E')).toEqual([]);
		expect(table('{0f8fad5b-d9cb-469f-a165-70867728950e}')).toEqual([
			'bad s1:guid value in SalaryTableV2.GuidSalaryTable',
		]);
		const run = (locked: string) =>
			company
				.validateResponse(
					'Run_GetList',
					envelope(
						'CompanyService',
						`<Run_GetListResponse xmlns="NS"><Run_GetListResult><RunInfo><ID>1</ID><Number>1</Number>` +
							`<Year>2026</Year><PeriodStart>1</PeriodStart><PeriodEnd>1</PeriodEnd>` +
							`<RunAt>2026-01-25T10:00:00</RunAt><IsLocked>${locked}</IsLocked></RunInfo></Run_GetListResult></Run_GetListResponse>`,
					),
				)
				.map((p) => p.reason);
		expect(run('true')).toEqual([]);
		expect(run('True')).toEqual(['bad s:boolean value in RunInfo.IsLocked']);
	});

	it('lets through only the v3 additions the table names, checking their content', () => {
		const validator = new SchemaValidator(
			modelOf('EmployeeService'),
			v3Namespace('EmployeeService'),
			ALLOWED_V3_ADDITIONS,
		);
		const info = (extra: string) =>
			validator
				.validateResponse(
					'PersonalInfo_GetCurrent',
					envelope(
						'EmployeeService',
						`<PersonalInfo_GetCurrentResponse xmlns="NS"><PersonalInfo_GetCurrentResult>` +
							`<Id>1</Id><Number>2</Number><IdentificationType>0</IdentificationType>${extra}` +
							`</PersonalInfo_GetCurrentResult></PersonalInfo_GetCurrentResponse>`,
					),
				)
				.map((p) => p.reason);
		expect(info('<CreationDate>2026-01-01T10:00:00</CreationDate>')).toEqual([]);
		expect(info('<CreationDate xsi:nil="true"/>')).toEqual([]);
		expect(info('<CreationDate>yesterday</CreationDate>')).toEqual([
			'bad s:dateTime value in PersonalInfo.CreationDate',
		]);
		expect(info('<ModifiedDate>2026-01-01T10:00:00</ModifiedDate>')).toEqual([
			'undeclared PersonalInfo.ModifiedDate',
		]);
		expect(validator.additionsSeen).toEqual(new Set(['PersonalInfo.CreationDate']));
	});

	it('accepts xsi:type naming the declared type or one derived from it, nothing else', () => {
		const validator = new SchemaValidator(
			modelOf('EmployeeService'),
			v3Namespace('EmployeeService'),
			ALLOWED_V3_ADDITIONS,
		);
		const table = (xsiType: string) =>
			validator
				.validateResponse(
					'Salary_GetCurrent',
					envelope(
						'EmployeeService',
						`<Salary_GetCurrentResponse xmlns="NS" xmlns:q="NS"><Salary_GetCurrentResult><Value>1</Value>` +
							`<Type>Bruto_Salaris_Fulltime</Type><SalaryTable xsi:type="${xsiType}"><Code>1</Code></SalaryTable>` +
							`<StartDate>2026-01-01T00:00:00</StartDate></Salary_GetCurrentResult></Salary_GetCurrentResponse>`,
					),
				)
				.map((p) => p.reason);
		expect(table('q:SalaryTableEmployee')).toEqual([]);
		// SalaryTable is the base of the declared SalaryTableEmployee, not derived from it.
		expect(table('q:SalaryTable')).toEqual(['xsi:type q:SalaryTable is not a SalaryTableEmployee']);
	});
});

describeWithShared('the allowed v3 additions', () => {
	it.each(ALLOWED_V3_ADDITIONS.map((a) => [`${a.type}.${a.field}`, a] as const))(
		'%s is recorded in REFERENCE.md, and really missing from the v2.1 type',
		(_name, addition) => {
			expect(existsSync(REFERENCE)).toBe(true);
			expect(referenceLine(addition, readFileSync(REFERENCE, 'utf8'))).toBeGreaterThan(0);
			const owners = ['DebtorService', 'CompanyService', 'EmployeeService']
				.map(modelOf)
				.filter((model) => model.complexTypes.has(addition.type));
			expect(owners.length).toBeGreaterThan(0);
			for (const model of owners) {
				const names = fieldsOf(model, addition.type).fields.map((f) => f.name);
				expect(names).not.toContain(addition.field);
				if (addition.xsdType?.startsWith('tns:'))
					expect(model.complexTypes.has(addition.xsdType.slice(4))).toBe(true);
			}
		},
	);
});

describeWithShared('the v3 client WSDLs and the write pairing', () => {
	it('switch every v2.1 namespace of the service to v3', () => {
		const text = v3WsdlText('EmployeeService');
		expect(text).not.toContain('soap/v2.1/EmployeeService');
		expect(text).toContain(
			'soapAction="https://api.nmbrs.nl/soap/v3/EmployeeService/List_GetByCompany"',
		);
	});

	it('tells writes from reads and reads a write back through its family', () => {
		expect(
			['WageTax_SetSentExternal', 'Absence_PartialRecoveryInsert', 'Service_RemoveOutService'].map(
				isWrite,
			),
		).toEqual([true, true, true]);
		expect(
			['LabourAgreements_GetCurrent', 'SalaryDocuments_AnnualDocument_SentWageTaxDeclarations'].map(
				isWrite,
			),
		).toEqual([false, false]);
		expect(readBackFor(modelOf('EmployeeService'), 'PersonalInfo_UpdateCurrent')).toBe(
			'PersonalInfo_GetCurrent',
		);
		expect(readBackFor(modelOf('DebtorService'), 'Department_Insert')).toBe('Department_GetList');
	});
});
