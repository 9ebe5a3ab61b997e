/**
 * An independent SOAP stack (node-soap) builds its client from the WSDL the emulator serves and
 * calls every operation the emulator serves with the accountant login: curated ones and those
 * served with only a generated catalogue entry. Ids come from the emulator's own List calls.
 */
import * as soap from 'soap';
import { catalogue, findAnyOperation, operationKey } from '../../nodes/Nmbrs/catalogue';
import type { Field, Operation, ServiceName } from '../../nodes/Nmbrs/catalogue';
import { startEmulator, type RunningEmulator } from '../src';
import { handlers, UNCURATED_SERVED } from '../src/operations';
import { ACCOUNTANT, NS, WORLD_NOW } from './helpers';

let emulator: RunningEmulator;
const clients = new Map<ServiceName, soap.Client>();

async function clientFor(service: ServiceName, options: soap.IOptions = {}): Promise<soap.Client> {
	const client = await soap.createClientAsync(
		`${emulator.soapBaseUrl}${service}.asmx?wsdl`,
		options,
	);
	client.addSoapHeader(
		`<AuthHeaderWithDomain xmlns="${NS(service)}"><Username>${ACCOUNTANT.email}</Username>` +
			`<Token>${ACCOUNTANT.token}</Token><Domain>${ACCOUNTANT.domain}</Domain></AuthHeaderWithDomain>`,
	);
	return client;
}

async function invoke(
	service: ServiceName,
	operation: string,
	args: Record<string, unknown>,
): Promise<Record<string, unknown> | null> {
	let client = clients.get(service);
	if (!client) {
		client = await clientFor(service);
		clients.set(service, client);
	}
	if (service === 'DebtorService' && operation === 'Environment_Get') {
		// The one call with the plain AuthHeader.
		const plain = await soap.createClientAsync(`${emulator.soapBaseUrl}${service}.asmx?wsdl`);
		plain.addSoapHeader(
			`<AuthHeader xmlns="${NS(service)}"><Username>${ACCOUNTANT.email}</Username><Token>${ACCOUNTANT.token}</Token></AuthHeader>`,
		);
		client = plain;
	}
	const method = client[`${operation}Async`] as (
		args: unknown,
	) => Promise<[Record<string, unknown> | null]>;
	const [result] = await method.call(client, args);
	return result;
}

/** node-soap gives a one-child list as an object; make it an array again. */
function list<T = Record<string, unknown>>(
	result: Record<string, unknown> | null,
	resultName: string,
	item: string,
): T[] {
	const wrapper = result?.[resultName] as Record<string, unknown> | null | undefined;
	const items = wrapper?.[item];
	if (items === undefined || items === null) return [];
	return (Array.isArray(items) ? items : [items]) as T[];
}

interface Ids {
	debtorId: number;
	companyId: number;
	employeeId: number;
	runId: number;
	year: number;
	period: number;
	declarationId: number;
	template: string;
	/** The company's current period: writes before it are protected (2011). */
	current: { year: number; period: number };
	/** Components made for the calls that need one by its ID: one to delete, one to change. */
	components: {
		hourToDelete: number;
		hourToChange: number;
		wageToDelete: number;
		wageToChange: number;
	};
	/** An address of the employee, for Address_Update. */
	addressId: number;
	/** Today in the world: a start date in the current period. */
	today: string;
	/** A pension export of the company, for PensionExport_GetXML. */
	pensionExportId: number;
}

const served: string[] = [
	...catalogue.operations.map((op) => operationKey(op)),
	...UNCURATED_SERVED,
];

/** A value for a parameter, chosen by its name (casing as in the WSDL) and type. */
function valueFor(field: Field, ids: Ids): unknown {
	const name = field.name.toLowerCase();
	const byName: Record<string, unknown> = {
		debtorid: ids.debtorId,
		companyid: ids.companyId,
		employeeid: ids.employeeId,
		runid: ids.runId,
		loonaangifteid: ids.declarationId,
		year: ids.year,
		intyear: ids.year,
		period: ids.period,
		startyear: ids.year,
		startperiod: ids.period,
		endperiod: ids.period,
		endyear: ids.year,
		wagetaxid: ids.declarationId,
		employeetype: 2,
		unprotectedmode: true,
		defaultemployeetemplate: ids.template,
		hourcomponentid: ids.components.hourToDelete,
		start: `${ids.today}T00:00:00`,
		leavetype: 'Type1',
		pensionexportid: ids.pensionExportId,
		wagecomponentid: ids.components.wageToDelete,
		firstname: 'Test',
		lastname: 'Emulator',
	};
	if (name in byName) return byName[name];
	const record = componentRecord(field, ids);
	if (record)
		return field.listItem !== undefined ? [{ EmployeeId: ids.employeeId, ...record }] : record;
	if (field.listItem !== undefined) return undefined;
	switch (field.type) {
		case 'int':
		case 'long':
		case 'decimal':
		case 'double':
			return 0;
		case 'boolean':
			return false;
		case 'date':
		case 'dateTime':
			return `${ids.year}-01-01T00:00:00`;
		case 'string':
			return '';
		default:
			return undefined;
	}
}

let ids: Ids;

/**
 * Writes the generic arguments cannot make valid (a record of that ID, a complete record): they
 * are refused with an Nmbrs fault, which shows node-soap's request was read and handled. Their
 * own tests (hrRecords, employeeVersions, storedKinds) write for real. So are the writes of a
 * record the generic arguments leave out (`needsOwnArguments`).
 */
const NEEDS_OWN_ARGUMENTS = new Set([
	'EmployeeService.Absence2_Insert',
	'EmployeeService.Absence_Insert',
	'EmployeeService.Absence_PartialRecoveryInsert',
	'EmployeeService.Absence_RecoveryInsert',
	'EmployeeService.Contract_Delete',
	'EmployeeService.Contract_InsertCurrentPeriod_v2',
	'EmployeeService.Contract_Insert_v2',
	'EmployeeService.Leave_Delete',
	'EmployeeService.Leave_Insert',
	'EmployeeService.Leave_Update',
	'CompanyService.Company_Insert',
	'CompanyService.FileExplorer_UploadFile',
	'CompanyService.SalaryTable2_GetSteps',
	'CompanyService.SalaryTable_GetSteps',
	'CompanyService.WageComponentFixed_Stop',
	'DebtorService.Department_Delete',
	'DebtorService.Function_Delete',
	'EmployeeService.BankAccount_DeleteCurrent',
	'EmployeeService.Child_Delete',
	'EmployeeService.Department_UpdateCurrent',
	'EmployeeService.EmployeeDocument_UploadDocument',
	'EmployeeService.SalaryTable_Insert',
	'EmployeeService.SalaryTable_InsertCurrent',
	'EmployeeService.TimeRegistration_Delete',
	'EmployeeService.TimeSchedule_DeleteByID',
	'EmployeeService.Function_GetFunction',
	'EmployeeService.Function_Update',
	'EmployeeService.Function_UpdateCurrent',
	'EmployeeService.Service_Insert2',
	'EmployeeService.LabourAgreements_Update',
	'EmployeeService.LabourAgreements_UpdateCurrent',
	'EmployeeService.LeaseCar_Delete',
	'EmployeeService.Levensloop_Delete',
	'EmployeeService.Partner_Delete',
	'EmployeeService.Spaarloon_Delete',
]);

/** A write whose record parameter the generic arguments cannot fill (they send none). */
function lacksRecord(op: Operation, args: Record<string, unknown>): boolean {
	return (
		op.access === 'write' &&
		op.params.some((p) => p.type.startsWith('type:') && !p.listItem && !(p.name in args))
	);
}

/** An hour or wage component for a write, with a code the company's model has. */
function componentRecord(field: Field, ids: Ids): Record<string, unknown> | undefined {
	if (/HourComponent/.test(field.type))
		return { Id: ids.components.hourToChange, HourCode: 1, Hours: 1 };
	if (/WageComponent/.test(field.type))
		return { Id: ids.components.wageToChange, Code: 1010, Value: 1 };
	if (field.type === 'type:SalaryInput') return { Value: 3100, Type: 'Bruto_Salaris_Fulltime' };
	if (field.type === 'type:WebhookSetting')
		return {
			WebhookSettingId: 0,
			Name: 'node-soap',
			Endpoint: 'https://example.nl/hook',
			Active: true,
			Events: { WebhookEvent: [{ EventId: 1, Active: true }] },
		};
	if (field.type === 'type:EmployeeAddress')
		return {
			Id: ids.addressId,
			Default: false,
			Street: 'Postbus',
			HouseNumber: '12',
			PostalCode: '1000 AA',
			City: 'Amsterdam',
			CountryISOCode: 'NL',
			Type: 'PostAddress',
		};
	if (field.type === 'type:Schedule')
		return Object.fromEntries([
			...['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'].flatMap((day) => [
				[`Hours${day}`, 8],
				[`Hours${day}2`, 8],
			]),
			...['Saturday', 'Sunday'].flatMap((day) => [
				[`Hours${day}`, 0],
				[`Hours${day}2`, 0],
			]),
			['ParttimePercentage', 100],
			['StartDate', `${ids.today}T00:00:00`],
		]);
	return undefined;
}

/** 'yyyy-pp-type' (e.g. 2026-11-M) as year and period. */
function currentPeriod(result: Record<string, unknown> | null): { year: number; period: number } {
	const [year, period] = String(result?.Company_GetCurrentPeriodResult).split('-').map(Number);
	return { year, period };
}

/**
 * node-soap reads dateTimes as JS Dates but writes a Date nested in an object as an empty element
 * (which .NET, and so the emulator, refuses): send them back as the zone-less text they came as.
 */
function withWireDates(value: unknown): unknown {
	if (value instanceof Date) return value.toISOString().slice(0, 19);
	if (Array.isArray(value)) return value.map(withWireDates);
	if (value && typeof value === 'object')
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withWireDates(v)]));
	return value;
}

beforeAll(async () => {
	emulator = await startEmulator({ port: 0, worldNow: WORLD_NOW, throttle: false });
	const debtors = list(
		await invoke('DebtorService', 'List_GetAll', {}),
		'List_GetAllResult',
		'Debtor',
	);
	const companies = list(
		await invoke('CompanyService', 'List_GetAll', {}),
		'List_GetAllResult',
		'Company',
	);
	const companyId = Number(companies[0].ID);
	const employees = list(
		await invoke('EmployeeService', 'List_GetByCompany', { CompanyId: companyId, EmployeeType: 2 }),
		'List_GetByCompanyResult',
		'Employee',
	);
	const thisYear = Number(emulator.world.clock.now().slice(0, 4));
	let year = thisYear;
	let runs = list(
		await invoke('CompanyService', 'Run_GetList', { CompanyId: companyId, Year: year }),
		'Run_GetListResult',
		'RunInfo',
	);
	if (runs.length === 0) {
		year = thisYear - 1;
		runs = list(
			await invoke('CompanyService', 'Run_GetList', { CompanyId: companyId, Year: year }),
			'Run_GetListResult',
			'RunInfo',
		);
	}
	const declarations = list(
		await invoke('CompanyService', 'WageTax_GetList', { CompanyId: companyId, intYear: year }),
		'WageTax_GetListResult',
		'WageTax',
	);
	const templates = list(
		await invoke('CompanyService', 'DefaultEmployeeTemplates_GetByCompany', {
			CompanyId: companyId,
		}),
		'DefaultEmployeeTemplates_GetByCompanyResult',
		'DefaultEmployeeTemplate',
	);
	// WageTax_SetSentExternal needs a declaration not sent yet (else 2012): make one so.
	const unsent = declarations[0];
	if (unsent)
		await fetch(`${emulator.adminUrl}declarations/${String(unsent.LoonaangifteID)}/status`, {
			method: 'POST',
			body: JSON.stringify({ status: 'locked' }),
		});
	ids = {
		debtorId: Number(debtors[0].Id),
		companyId,
		employeeId: Number(employees[0].Id),
		runId: Number(runs[0]?.ID ?? 0),
		year,
		period: Number(runs[0]?.PeriodStart ?? 1),
		declarationId: Number(unsent?.LoonaangifteID ?? 0),
		template: String(templates[0]?.DefaultEmployeeTemplateId ?? templates[0]?.Id ?? ''),
		current: currentPeriod(
			await invoke('CompanyService', 'Company_GetCurrentPeriod', { CompanyId: companyId }),
		),
		components: { hourToDelete: 0, hourToChange: 0, wageToDelete: 0, wageToChange: 0 },
		addressId: 0,
		today: emulator.world.clock.now().slice(0, 10),
		pensionExportId: 0,
	};
	const exports = list(
		await invoke('CompanyService', 'PensionExport_GetList', {
			CompanyId: companyId,
			intYear: year,
		}),
		'PensionExport_GetListResult',
		'PensionExport',
	);
	ids.pensionExportId = Number(exports[0]?.PensionExportID ?? 0);
	const addresses = list(
		await invoke('EmployeeService', 'Address_GetListCurrent', { EmployeeId: ids.employeeId }),
		'Address_GetListCurrentResult',
		'EmployeeAddress',
	);
	ids.addressId = Number(addresses[0]?.Id ?? 0);
	const fixed = async (operation: string, record: string, fields: object) => {
		const result = await invoke('EmployeeService', operation, {
			EmployeeId: ids.employeeId,
			[record]: { Id: 0, ...fields },
			Period: ids.current.period,
			Year: ids.current.year,
			UnprotectedMode: true,
		});
		return Number(result?.[`${operation}Result`]);
	};
	const hour = { HourCode: 1, Hours: 8 };
	const wage = { Code: 1010, Value: 10 };
	ids.components = {
		hourToDelete: await fixed('HourComponentFixed_Insert', 'Hourcomponent', hour),
		hourToChange: await fixed('HourComponentFixed_Insert', 'Hourcomponent', hour),
		wageToDelete: await fixed('WageComponentFixed_Insert', 'WageComponent', wage),
		wageToChange: await fixed('WageComponentFixed_Insert', 'WageComponent', wage),
	};
	expect(ids.runId).toBeGreaterThan(0);
	expect(ids.declarationId).toBeGreaterThan(0);
});

afterAll(async () => {
	await emulator.close();
});

it('serves every curated operation and every UNCURATED_SERVED one', () => {
	const missing = served.filter((key) => !(key in handlers));
	expect(missing).toEqual([]);
});

// Reads first, so that writes (which may change what reads see) come last.
const operations = served
	.map((key) => {
		const [service, name] = key.split('.') as [ServiceName, string];
		return findAnyOperation(service, name) as Operation;
	})
	.sort((a, b) => (a.access === b.access ? 0 : a.access === 'read' ? -1 : 1));

it.each(operations.map((op) => [operationKey(op), op] as const))(
	'node-soap calls %s',
	async (_key, op) => {
		const args: Record<string, unknown> = {};
		const takesRun = op.params.some((p) => p.name.toLowerCase() === 'runid');
		const periodIds = takesRun ? ids : { ...ids, ...ids.current };
		for (const field of op.params) {
			let value = valueFor(field, periodIds);
			if (field.type === 'type:PersonalInfo') {
				// An update sends the whole record: read it first, as a careful client does.
				const current = await invoke('EmployeeService', 'PersonalInfo_GetCurrent', {
					EmployeeId: ids.employeeId,
				});
				value = withWireDates(current?.PersonalInfo_GetCurrentResult);
			}
			if (value !== undefined) args[field.name] = value;
		}
		const before = emulator.requestLog.all().length;
		try {
			await invoke(op.service, op.name, args);
		} catch {
			// A fault: what the request log says about it is checked below.
		}
		const entry = emulator.requestLog.all()[before];
		expect(entry).toMatchObject({ operation: op.name, user: ACCOUNTANT.email });
		if (NEEDS_OWN_ARGUMENTS.has(operationKey(op))) {
			// Refused with an Nmbrs fault: node-soap's request was read and handled.
			expect(typeof entry.faultCode).toBe('number');
		} else if (lacksRecord(op, args)) {
			// Answered, or refused with an Nmbrs fault (the record is missing): read and handled.
			expect(entry.status === 200 || typeof entry.faultCode === 'number').toBe(true);
		} else {
			expect({ status: entry.status, faultCode: entry.faultCode }).toEqual({
				status: 200,
				faultCode: null,
			});
		}
	},
);

it('node-soap over SOAP 1.2 (forceSoap12Headers) is answered in SOAP 1.2', async () => {
	const client = await clientFor('CompanyService', { forceSoap12Headers: true });
	const [result] = await client.List_GetAllAsync({});
	expect(list(result, 'List_GetAllResult', 'Company').length).toBeGreaterThan(0);
	expect(emulator.requestLog.all().at(-1)).toMatchObject({ soapVersion: '1.2', status: 200 });
});
