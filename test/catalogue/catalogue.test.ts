/** The catalogue's own consistency and lookups; needs no ../shared. */
import {
	catalogue,
	findAnyOperation,
	findOperation,
	getOperation,
	operationKey,
	resolveAnyOperation,
	type Catalogue,
	type Field,
} from '../../nodes/Nmbrs/catalogue';
import {
	generatedCatalogue,
	GENERATED_SERVICES,
} from '../../nodes/Nmbrs/catalogue/generatedCatalogue';
import { callNmbrs, SLOW_TIMEOUT_MS, type HttpFunction } from '../../nodes/Nmbrs/transport/client';

/** Every `type:X` / `enum:X` a catalogue mentions, that it cannot resolve. */
function unresolved(cat: Catalogue): string[] {
	const missing: string[] = [];
	const check = (field: Field, where: string) => {
		const [kind, name] = field.type.split(':');
		if (kind === 'type' && !cat.types[name]) missing.push(`${where}.${field.name} -> type ${name}`);
		if (kind === 'enum' && !cat.enums[name]) missing.push(`${where}.${field.name} -> enum ${name}`);
	};
	for (const op of cat.operations)
		[...op.params, ...(op.result ? [op.result] : [])].forEach((f) => check(f, op.name));
	for (const type of Object.values(cat.types)) {
		type.fields.forEach((f) => check(f, type.name));
		if (type.base && !cat.types[type.base]) missing.push(`${type.name} base ${type.base}`);
	}
	for (const op of cat.operations) {
		for (const difference of op.v3Differences ?? []) {
			if (difference.kind === 'params-changed')
				difference.v21Params.forEach((f) => check(f, `${op.name} (v2.1)`));
		}
	}
	return missing;
}

describe('curated catalogue', () => {
	it('resolves every type, base and enum it refers to', () => {
		expect(unresolved(catalogue)).toEqual([]);
	});

	it('has each operation once', () => {
		const keys = catalogue.operations.map(operationKey);
		expect(keys.length).toBe(new Set(keys).size);
	});

	it('sends AuthHeader only for DebtorService.Environment_Get', () => {
		expect(catalogue.operations.filter((op) => op.auth === 'AuthHeader').map(operationKey)).toEqual(
			['DebtorService.Environment_Get'],
		);
	});

	it('marks the writes (never retried blindly) and the slow PDF calls', () => {
		expect(
			catalogue.operations
				.filter((op) => op.access === 'write')
				.map(operationKey)
				.sort(),
		).toEqual([
			'CompanyService.WageTax_SetSentExternal',
			'DebtorService.WebhookSettings_Delete',
			'DebtorService.WebhookSettings_Insert',
			'EmployeeService.Absence2_Insert',
			'EmployeeService.Absence_PartialRecoveryInsert',
			'EmployeeService.Absence_RecoveryInsert',
			'EmployeeService.Address_Update',
			'EmployeeService.DaysVar_Set_Batch',
			'EmployeeService.Employee_InsertBasedOnDefault',
			'EmployeeService.HourComponentVar_Insert_Batch',
			'EmployeeService.Leave_Insert',
			'EmployeeService.PersonalInfo_Update',
			'EmployeeService.PersonalInfo_UpdateCurrent',
			'EmployeeService.Schedule_UpdateCurrent',
			'EmployeeService.WageComponentVar_Insert_Batch',
		]);
		for (const op of catalogue.operations)
			expect({ op: op.name, slow: Boolean(op.slow) }).toEqual({
				op: op.name,
				// PDFs rendered on request: the payslip calls and the year-end documents.
				slow: /PDF|_AnnualDocument_/.test(op.name),
			});
	});

	it('reads calendar dates as dates and XML-in-a-string as documents', () => {
		const field = (type: string, name: string) =>
			catalogue.types[type].fields.find((f) => f.name === name)?.type;
		expect(field('PersonalInfo', 'Birthday')).toBe('date');
		expect(field('WageTax', 'TijdvakStart')).toBe('date');
		expect(field('WageTax', 'SentAt')).toBe('dateTime');
		expect(field('Employment', 'InitialStartDate')).toBe('date');
		expect(getOperation('CompanyService.WageTax_GetXML').result?.type).toBe('xmlDocument');
		expect(getOperation('CompanyService.SalaryDocuments_GetSEPA').result?.type).toBe('xmlDocument');
	});

	it('keeps exact parameter casing per operation', () => {
		const names = (key: string) => getOperation(key).params.map((p) => p.name);
		expect(names('CompanyService.WageTax_GetList')).toEqual(['CompanyId', 'intYear']);
		expect(names('EmployeeService.Employment_GetAll_AllEmployeesByCompany')).toEqual(['CompanyID']);
		expect(names('CompanyService.SalaryDocuments_GetEmployeePayslipsPDFByRunCompany_v2')).toEqual([
			'EmployeeID',
			'CompanyId',
			'RunID',
			'intYear',
		]);
		expect(names('EmployeeService.List_GetByCompany')).toEqual(['CompanyId', 'EmployeeType']);
	});

	it('puts v3-added fields last and names them', () => {
		for (const type of Object.values(catalogue.types)) {
			const added = type.v3AddedFields ?? [];
			expect(type.fields.slice(type.fields.length - added.length).map((f) => f.name)).toEqual(
				added,
			);
		}
		expect(catalogue.types.PersonalInfo.v3AddedFields).toContain('CreationDate');
	});
});

describe('lookups', () => {
	it('finds curated entries and throws a message naming an unknown key', () => {
		expect(findOperation('CompanyService', 'Run_GetList')?.params.map((p) => p.name)).toEqual([
			'CompanyId',
			'Year',
		]);
		expect(findOperation('CompanyService', 'run_getlist')).toBeUndefined();
		expect(() => getOperation('CompanyService.Run_GetLists')).toThrow(
			'no curated operation "CompanyService.Run_GetLists"',
		);
	});

	it('prefers the curated entry over the generated v2.1 one', () => {
		const resolved = resolveAnyOperation('EmployeeService', 'List_GetByCompany');
		expect(resolved?.origin).toBe('curated');
		expect(resolved?.operation.params.map((p) => p.name)).toEqual(['CompanyId', 'EmployeeType']);
	});

	it('falls back to the generated entry, with the catalogue that holds its types', () => {
		const resolved = resolveAnyOperation('EmployeeService', 'Absence_Insert');
		expect(resolved?.origin).toBe('generated');
		expect(resolved?.operation).toMatchObject({
			service: 'EmployeeService',
			access: 'write',
			source: 'wsdl',
			sourceNote: 'generated from the v2.1 WSDL',
			params: [
				{ name: 'EmployeeId', type: 'int' },
				{ name: 'Absence', type: 'type:Absence' },
				{ name: 'NewDossier', type: 'boolean' },
			],
			result: { name: 'Absence_InsertResult', type: 'int' },
		});
		expect(resolved?.catalogue.types.Absence.fields.length).toBeGreaterThan(0);
		expect(findAnyOperation('CompanyService', 'Address_Update')?.access).toBe('write');
	});

	it('returns undefined for operations nobody knows', () => {
		expect(findAnyOperation('EmployeeService', 'Employee_GetByCompany')).toBeUndefined();
		expect(findAnyOperation('ReportService', 'Reports_BackgroundTask_Result')).toBeUndefined();
	});

	it('marks generated PDF and document calls slow, so they get the long timeout', async () => {
		const slow = (service: 'CompanyService' | 'EmployeeService', name: string) =>
			findAnyOperation(service, name)?.slow === true;
		// A result type holding a PDF (SalaryDocument.PDF: base64Binary), without PDF in the name.
		expect(slow('CompanyService', 'SalaryDocuments_AnnualDocument_AnualStatement')).toBe(true);
		expect(slow('CompanyService', 'SalaryDocuments_AnnualDocument_PayrollRegister')).toBe(true);
		// PDF in the name; a result that is binary itself.
		expect(slow('EmployeeService', 'SalaryDocuments_GetAnnualStatementPDF')).toBe(true);
		expect(slow('CompanyService', 'HrDocuments_EmployerCostPerHour_Year')).toBe(true);
		// Plain records are not.
		expect(slow('CompanyService', 'Address_GetCurrent')).toBe(false);
		expect(slow('EmployeeService', 'Absence_GetList')).toBe(false);

		const timeouts: number[] = [];
		const send: HttpFunction = async (request) => {
			timeouts.push(request.timeout);
			throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
		};
		const target = { baseUrl: 'http://127.0.0.1:9/soap/v3/', userKey: 'slow-generated' };
		await expect(
			callNmbrs(
				send,
				target,
				'CompanyService.SalaryDocuments_AnnualDocument_AnualStatement',
				{ CompanyId: 1, RunId: 2, Year: 2024 },
				{ retries: 0 },
			),
		).rejects.toThrow(/Could not reach Nmbrs/);
		expect(timeouts).toEqual([SLOW_TIMEOUT_MS]);
	});

	it.each(GENERATED_SERVICES)(
		'generated %s resolves every type and enum it refers to',
		(service) => {
			expect(unresolved(generatedCatalogue(service)!)).toEqual([]);
		},
	);
});
