/**
 * Arguments for any WSDL operation, chosen generically: by parameter name from the seeded world
 * (the first debtor's first company, a paid employee, a locked run, a declaration, the current
 * period), else by XSD type (0, false, '', today, an enum value). Complex inputs get their required
 * fields only; an update sends back a record its family's read gives. Writes are recognised by
 * their verb, and paired with a read of the same family to read them back.
 */
import type { WsdlModel } from '../contract/wsdlContract';
import { currentPeriod, employeesOfCompany, type World } from '../../emulator/src/world';
import { SENT_STATUSES } from '../../emulator/src/world/declarations';
import { isPaidInPeriod } from '../../emulator/src/world/history';
import { paidInRun } from '../../emulator/src/world/payroll';
import { labourAgreementsOf } from '../../emulator/src/records/storedKinds';
import { salaryTableIdsOf } from '../../emulator/src/operations/salaryTables';
import { declOf, fieldsOf, localName, sequenceOf, type Decl } from './schemaValidator';
import { XSI, type XmlElement } from './xmlTree';

/** The seeded records the filler draws on (ids as the world has them). */
export interface Fixture {
	debtorId: number;
	companyId: number;
	employeeId: number;
	runId: number;
	year: number;
	period: number;
	declarationId: number;
	/** 'YYYY-MM-DD' of the world clock. */
	today: string;
	departmentId: number;
	functionId: number;
	/** The company's labour agreement (its settings group GUID). */
	labourAgreementGuid: string;
	/** The GUIDs of the company's salary table, its first scale and step. */
	salaryTable: { table: string; scale: string; step: string };
	absenceId: number;
	addressId: number;
	bankAccountId: number;
	template: string;
	/** A code of the company's hour and wage models (their reads give them; 0 until then). */
	hourCode: number;
	wageCode: number;
}

/** The first debtor the accountant sees, its first company with a locked run this year, etc. */
export function fixtureFrom(world: World): Fixture {
	const debtor = world.debtors[0];
	const today = world.clock.now().slice(0, 10);
	const year = Number(today.slice(0, 4));
	const companies = world.companies.filter((c) => c.debtorId === debtor.id);
	const lockedRun = (companyId: number) =>
		world.runs.find((r) => r.companyId === companyId && r.year === year && r.isLocked);
	const company = companies.find((c) => lockedRun(c.id)) ?? companies[0];
	const run = lockedRun(company.id);
	const current = currentPeriod(world, company);
	const staff = employeesOfCompany(world, company.id);
	// Paid by the run and still paid now, so that both run documents and current reads have data.
	const employee =
		staff.find((e) => run && paidInRun(world, run, e.id) && isPaidInPeriod(e, current)) ??
		staff.find((e) => e.kind === 'payroll') ??
		staff[0];
	const declarations = world.declarations.filter((d) => d.companyId === company.id);
	// Unsent, so that WageTax_SetSentExternal can succeed (a sent one answers 2012).
	const declaration = declarations.find((d) => !SENT_STATUSES.has(d.status)) ?? declarations[0];
	return {
		debtorId: debtor.id,
		companyId: company.id,
		employeeId: employee?.id ?? 0,
		runId: run?.id ?? 0,
		year: current.year,
		period: current.period,
		declarationId: declaration?.id ?? 0,
		today,
		departmentId: debtor.departments[0]?.id ?? 0,
		functionId: debtor.functions[0]?.id ?? 0,
		labourAgreementGuid: labourAgreementsOf(company)[0].guid,
		salaryTable: salaryTableIdsOf(company),
		absenceId: employee?.absences[0]?.id ?? 0,
		addressId: employee?.addresses.at(-1)?.id ?? 0,
		bankAccountId: employee?.bankAccounts.at(-1)?.accounts[0]?.id ?? 0,
		template: company.defaultEmployeeTemplates[0]?.id ?? '',
		hourCode: 0,
		wageCode: 0,
	};
}

/** Values by lower-cased parameter or field name (Nmbrs writes CompanyId, CompanyID, companyId). */
const BY_NAME: Record<string, (f: Fixture) => number | string> = {
	debtorid: (f) => f.debtorId,
	companyid: (f) => f.companyId,
	employeeid: (f) => f.employeeId,
	runid: (f) => f.runId,
	loonaangifteid: (f) => f.declarationId,
	wagetaxid: (f) => f.declarationId,
	// PeriodType 1: monthly (Company_Insert).
	periodtype: () => 1,
	salarytableid: (f) => f.salaryTable.table,
	salarytablescaleid: (f) => f.salaryTable.scale,
	salarytablestepid: (f) => f.salaryTable.step,
	year: (f) => f.year,
	intyear: (f) => f.year,
	startyear: (f) => f.year,
	endyear: (f) => f.year,
	period: (f) => f.period,
	startperiod: (f) => f.period,
	endperiod: (f) => f.period,
	departmentid: (f) => f.departmentId,
	functionid: (f) => f.functionId,
	labouragreementsettingsgroupguid: (f) => f.labourAgreementGuid,
	absenceid: (f) => f.absenceId,
	addressid: (f) => f.addressId,
	bankaccountid: (f) => f.bankAccountId,
	defaultemployeetemplate: (f) => f.template,
	hourcode: (f) => f.hourCode,
	// A part (sick leave, recovery): 0 and 100 are refused or mean something else.
	percentage: () => 50,
	percent: () => 50,
};

/**
 * Text a client fills in when it writes a record or names a document: a complete Dutch address,
 * a valid IBAN, names. Sent for these parameters and for these optional fields of a record.
 */
const KNOWN_TEXT: Record<string, string> = {
	street: 'Keizersgracht',
	housenumber: '100',
	postalcode: '1015 AA',
	city: 'Amsterdam',
	iban: 'NL91ABNA0417164300',
	bic: 'ABNANL2A',
	name: 'Conformance',
	titlename: 'ing.',
	companyname: 'Conformance B.V.',
	strdocumentname: 'conformance.pdf',
	scale: 'A',
};

/** Fields named too generally for BY_NAME, by the type that holds them. */
function byOwner(owner: string, field: string, fixture: Fixture): number | undefined {
	if (field === 'Code' && owner.includes('WageComponent')) return fixture.wageCode;
	// A time registration books on an hour code of the company's model.
	if (field === 'Id' && owner === 'TimeRegistrationCode') return fixture.hourCode;
	return undefined;
}

/** A name that refers to a record by id: without a rule above, the filler only has a stand-in. */
const REFERENCE_NAME = /(?:id|guid)$/i;

export interface FilledArguments {
	/** In WSDL order (node-soap writes the keys in the order given). */
	args: Record<string, unknown>;
	/** Parameters naming a record the filler does not know (sent as 0, '' or the zero guid). */
	placeholders: string[];
	/** Complex parameters sent with only their required fields. */
	minimal: string[];
}

const ZERO_GUID = '00000000-0000-0000-0000-000000000000';
const MAX_DEPTH = 4;

export class ArgumentFiller {
	constructor(
		private readonly model: WsdlModel,
		private readonly fixture: Fixture,
	) {}

	/** The operation's parameters, in order. */
	params(operation: string): Decl[] {
		const element = this.model.elements.get(operation);
		const inline = element ? declOf(element).inline : undefined;
		return inline ? sequenceOf(inline) : [];
	}

	fill(operation: string): FilledArguments {
		const filled: FilledArguments = { args: {}, placeholders: [], minimal: [] };
		for (const param of this.params(operation)) {
			if (this.isStandIn(param.name)) filled.placeholders.push(param.name);
			if (param.inline || this.isComplex(param.type)) filled.minimal.push(param.name);
			const text = this.isComplex(param.type) ? undefined : KNOWN_TEXT[param.name.toLowerCase()];
			filled.args[param.name] = text ?? this.value(param, 0, operation);
		}
		return filled;
	}

	private isStandIn(name: string): boolean {
		return BY_NAME[name.toLowerCase()] === undefined && REFERENCE_NAME.test(name);
	}

	private isComplex(type: string | undefined): boolean {
		return type !== undefined && this.model.complexTypes.has(localName(type));
	}

	/** A value for an element of `owner`: by name, else by type; complex ones, required fields. */
	private value(decl: Decl, depth: number, owner: string): unknown {
		const known = BY_NAME[decl.name.toLowerCase()];
		if (known) return known(this.fixture);
		const owned = byOwner(owner, decl.name, this.fixture);
		if (owned !== undefined) return owned;
		if (decl.inline) return this.object(sequenceOf(decl.inline), depth, decl.name);
		const type = decl.type;
		if (type === undefined) return '';
		if (type.startsWith('tns:')) {
			const name = localName(type);
			const values = this.model.enums.get(name);
			// A value that means something: Undefined or None is often refused.
			if (values) return values.find((v) => !/^(?:undefined|none|unknown)$/i.test(v)) ?? values[0];
			return this.object(fieldsOf(this.model, name).fields, depth, name);
		}
		switch (type) {
			case 's:int':
			case 's:long':
			case 's:short':
			case 's:decimal':
			case 's:double':
				return 0;
			case 's:boolean':
				return false;
			case 's:dateTime':
				return `${this.fixture.today}T00:00:00`;
			case 's1:guid':
				return ZERO_GUID;
			case 's:base64Binary':
				// A small document: %PDF-1.4 and an end marker.
				return Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64');
			default:
				return '';
		}
	}

	/** Required fields only; a list (ArrayOfX) gets one item. */
	private object(fields: Decl[], depth: number, owner: string): Record<string, unknown> {
		const out: Record<string, unknown> = {};
		if (depth >= MAX_DEPTH) return out;
		for (const field of fields) {
			if (field.max > 1) out[field.name] = [this.value(field, depth + 1, owner)];
			// A nillable reference (CostCenterId) is left nil: "none" rather than record 0.
			else if (field.min > 0 && field.nillable && this.isStandIn(field.name))
				out[field.name] = null;
			else if (field.min > 0) out[field.name] = this.value(field, depth + 1, owner);
			// An optional field a client knows a value for (a street, an IBAN) is sent too.
			else if (KNOWN_TEXT[field.name.toLowerCase()] !== undefined)
				out[field.name] = KNOWN_TEXT[field.name.toLowerCase()];
		}
		return out;
	}
}

/**
 * An answer element as an input value of its type, fields in WSDL order (the order node-soap
 * sends): what a careful client sends back when it updates a record it has read.
 */
export function valueFromXml(model: WsdlModel, element: XmlElement, type: string): unknown {
	const nil = element.attrs.get(`{${XSI}}nil`);
	if (nil === 'true' || nil === '1') return null;
	if (!type.startsWith('tns:') || model.enums.has(localName(type))) return element.text.trim();
	const out: Record<string, unknown> = {};
	for (const field of fieldsOf(model, localName(type)).fields) {
		const children = element.children.filter((c) => c.local === field.name);
		if (children.length === 0) continue;
		const values = children.map((c) =>
			field.type === undefined ? c.text : valueFromXml(model, c, field.type),
		);
		out[field.name] = field.max > 1 ? values : values[0];
	}
	return out;
}

const WRITE_VERB = /(?:Insert|Update|Delete|Set|Clear|Stop|Add|Create|Upload|Remove)(?![a-z])/;

/** Whether an operation changes data, by the verbs Nmbrs names writes with. */
export const isWrite = (operation: string): boolean =>
	operation
		.split('_')
		.slice(1)
		.some((segment) => !segment.startsWith('Get') && WRITE_VERB.test(segment));

/** Creating writes first, then changes, then removals: later writes still find their records. */
export function writeRank(operation: string): number {
	const action = operation.slice(operation.indexOf('_') + 1);
	if (/Insert|Add|Create|Upload/.test(action)) return 0;
	if (/Update|Set/.test(action)) return 1;
	return 2;
}

const family = (operation: string): string => operation.slice(0, operation.indexOf('_'));

const READ_SUFFIXES = ['GetCurrent', 'GetListCurrent', 'GetList', 'Get', 'GetAll_v2', 'GetList_V2'];

/**
 * The read that shows what a write did: the family's current, list or plain get; for a family
 * without reads, one of the families it names (HourComponent_Update -> HourComponentFixed_*).
 */
export function readBackFor(model: WsdlModel, write: string): string | undefined {
	const name = family(write);
	const reads = [...model.operations].filter((op) => !isWrite(op));
	const inFamily = (matches: (own: string) => boolean) =>
		READ_SUFFIXES.flatMap((suffix) =>
			reads.filter((op) => matches(family(op)) && op.slice(op.indexOf('_') + 1) === suffix),
		)[0] ?? reads.find((op) => matches(family(op)));
	return inFamily((own) => own === name) ?? inFamily((own) => own.startsWith(name));
}

/** Reads that may list the records an operation names: the read-back first, then the family's. */
export function recordReads(model: WsdlModel, operation: string): string[] {
	const name = family(operation);
	const first = readBackFor(model, operation);
	const rest = [...model.operations].filter(
		(op) => family(op).startsWith(name) && !isWrite(op) && op !== first,
	);
	return [...(first ? [first] : []), ...rest].filter((op) => op !== operation);
}

/** The type an operation's result element has (`tns:PersonalInfo`), if any. */
export function resultType(model: WsdlModel, operation: string): string | undefined {
	const wrapper = model.elements.get(`${operation}Response`);
	const inline = wrapper ? declOf(wrapper).inline : undefined;
	return inline ? sequenceOf(inline)[0]?.type : undefined;
}

/** The item element of a list type (ArrayOfX: its one unbounded element), if it is one. */
function listItem(model: WsdlModel, type: string): Decl | undefined {
	const wrapper = model.complexTypes.get(localName(type));
	const fields = wrapper && !wrapper.complexContent ? sequenceOf(wrapper) : [];
	return fields.length === 1 && fields[0].max > 1 ? fields[0] : undefined;
}

/** Where an update finds the record it sends back: a read, and the list item name if a list. */
export interface SourceRead {
	operation: string;
	item?: string;
}

/**
 * For an update: a read of the same family whose result is a record of this parameter's type,
 * or a list of them (the first is sent back).
 */
export function sourceReadFor(
	model: WsdlModel,
	write: string,
	param: Decl,
): SourceRead | undefined {
	const type = param.type;
	if (!/Update|Set/.test(write.slice(write.indexOf('_') + 1)) || type === undefined)
		return undefined;
	if (!model.complexTypes.has(localName(type))) return undefined;
	const reads = [...model.operations].filter((op) => family(op) === family(write) && !isWrite(op));
	const whole = reads.find((op) => resultType(model, op) === type);
	if (whole) return { operation: whole };
	for (const op of reads) {
		const result = resultType(model, op);
		const item = result ? listItem(model, result) : undefined;
		if (item?.type === type) return { operation: op, item: item.name };
	}
	return undefined;
}

/** Whether a parameter names the family's own record (`Id`, `PartnerId` of Partner_Delete). */
export function namesFamilyRecord(operation: string, param: string): boolean {
	const stem = param.toLowerCase().replace(/id$/, '');
	const own = family(operation).toLowerCase();
	return stem === '' || own.startsWith(stem) || stem.startsWith(own);
}

/** The first record id in a read's answer (`Id`, `ContractID`...), not an owner's (EmployeeId). */
export function firstRecordId(element: XmlElement | undefined): number | undefined {
	if (!element) return undefined;
	for (const child of element.children) {
		const id = Number(child.text.trim());
		if (
			/(?:Id|ID)$/.test(child.local) &&
			BY_NAME[child.local.toLowerCase()] === undefined &&
			child.children.length === 0 &&
			Number.isInteger(id) &&
			id > 0
		)
			return id;
		const inner = firstRecordId(child);
		if (inner !== undefined) return inner;
	}
	return undefined;
}
