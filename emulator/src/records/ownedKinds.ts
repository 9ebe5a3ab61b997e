/**
 * Records of a company or a debtor, served by name like the employee's: `X_Get…`/`X_GetList`/
 * `X_GetCurrent` list them (one record when the result is one), `X_Insert` adds one, `X_Update`
 * changes the one its Id names (or the only one), `X_Delete` removes one. Some are the world's own
 * lists (a debtor's departments and functions, a company's cost centers), some are derived from it
 * (labour agreements, insurance settings, contact persons), the rest are kept as wire fields.
 */
import {
	resolveAnyOperation,
	type Operation,
	type ServiceName,
} from '../../../nodes/Nmbrs/catalogue';
import { fieldsOfType, type WireValue } from '../../../nodes/Nmbrs/wire';
import { periodOf, periodRange } from '../world/calendar';
import { employeesOfRun, computePayslip } from '../world/payroll';
import type { Company, Debtor, EmulatorUser } from '../world/model';
import { employeesOfCompany, runsOfCompany, touch, type World } from '../world/world';
import { NmbrsFault, requireCompany, requireDebtor } from '../operations/faults';
import type { Params } from '../operations/params';
import { addressRecord, type Row } from '../operations/records';
import { isValidIban } from '../world/identifiers';
import type { Loose } from '../operations/shape';
import { addressOf } from './histories';
import { checkEnums } from './historyVerbs';
import { intParam, param, recordParam } from './requests';
import { companySector, labourAgreementsOf } from './storedKinds';

type Owner = Company | Debtor;

interface Owned<T extends { id: number }> {
	service: ServiceName;
	prefix: string;
	owner: 'company' | 'debtor';
	what: string;
	/** The owner's records (the list itself where the world keeps one). */
	list(world: World, owner: Owner): T[];
	row(record: T, world: World, owner: Owner): Row;
	/** A record from a request (2030 when it cannot be one); absent: the kind is read only. */
	fromRequest?(input: Record<string, WireValue>, id: number, world: World, owner: Owner): T;
	/** Keeps a record written where the world has it (default: the list keeps it). */
	save?(record: T, world: World, owner: Owner): void;
	/** A list call of a year shows that year's rows (their Year). */
	byYear?: boolean;
	/** The rows a read lists, when they are more than the records (derived from the runs). */
	rows?(list: T[], world: World, owner: Owner): Row[];
}

const invalid = (what: string) => new NmbrsFault(2030, `Invalid set of values: ${what}`);

function owned<T extends { id: number }>(kind: Owned<T>): Owned<{ id: number }> {
	return kind as unknown as Owned<{ id: number }>;
}

/** Records kept as wire fields, per owner. */
interface Kept {
	id: number;
	fields: Record<string, WireValue>;
}

function kept(world: World, name: string, owner: Owner, seed: () => Kept[] = () => []): Kept[] {
	const kinds = (world.kinds ??= {});
	const byOwner = (kinds[name] ??= {});
	return (byOwner[owner.id] ??= seed()) as Kept[];
}

const text = (input: Record<string, WireValue>, name: string): string | null => {
	const value = input[name];
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
};

/**
 * A code and description (departments, functions, cost centers, cost units): no code given is the
 * next free one, no description the kind and its code (our choices).
 */
function coded(
	input: Record<string, WireValue>,
	what: string,
	codes: ReadonlyArray<number | string>,
): { code: number; description: string } {
	const given = Number(input.Code ?? 0);
	const code =
		Number.isInteger(given) && given > 0
			? given
			: Math.max(0, ...codes.map(Number).filter(Number.isFinite)) + 1;
	const description =
		text(input, 'Description') ?? `${what[0].toUpperCase()}${what.slice(1)} ${code}`;
	return { code, description };
}

const asCompany = (owner: Owner) => owner as Company;
const asDebtor = (owner: Owner) => owner as Debtor;

// ---------------------------------------------------------------- derived from the world

function weekSchedule(hours: number): Row {
	const day = hours / 5;
	return {
		ScheduleCalcMethod: 'HoursYearDevidedPeriods',
		HoursMonday: day,
		HoursTuesday: day,
		HoursWednesday: day,
		HoursThursday: day,
		HoursFriday: day,
		HoursSaturday: 0,
		HoursSunday: 0,
		HoursMonday2: day,
		HoursTuesday2: day,
		HoursWednesday2: day,
		HoursThursday2: day,
		HoursFriday2: day,
		HoursSaturday2: 0,
		HoursSunday2: 0,
	};
}

/** The company's contact: its first employee with a work e-mail, else the company itself. */
function contactOf(world: World, company: Company): Row {
	const first = employeesOfCompany(world, company.id).sort((a, b) => a.number - b.number)[0];
	const person = first?.personalInfo.at(-1)?.data;
	return {
		Email: person?.EmailWork ?? company.email,
		Name: person
			? [person.FirstName, person.Prefix, person.LastName].filter(Boolean).join(' ')
			: company.name,
		Phone: person?.TelephoneWork ?? company.phone,
		Gender: person?.Gender ?? null,
		MobilePhone: person?.TelephoneMobileWork ?? null,
		Fax: null,
		Function: 'Directeur',
		Department: 'Directie',
		Number: first?.number ?? 0,
	};
}

/**
 * Work costs (werkkostenregeling) per period of the year: the fiscal wage of the period's runs,
 * the free space of 1.92 % of it, what was entered as spent (WorkCost_Insert), and 80 % tax on
 * the part above the free space.
 */
function workCostsOf(world: World, company: Company, entered: Kept[]): Row[] {
	const byPeriod = new Map<string, { year: number; period: number; fiscal: number }>();
	for (const run of runsOfCompany(world, company.id)) {
		const key = `${run.year}-${run.period}`;
		const entry = byPeriod.get(key) ?? { year: run.year, period: run.period, fiscal: 0 };
		for (const employee of employeesOfRun(world, run))
			entry.fiscal += computePayslip(world, run, employee).grossCents / 100;
		byPeriod.set(key, entry);
	}
	for (const record of entered) {
		const key = `${String(record.fields.Year)}-${String(record.fields.Period)}`;
		if (!byPeriod.has(key))
			byPeriod.set(key, {
				year: Number(record.fields.Year),
				period: Number(record.fields.Period),
				fiscal: 0,
			});
	}
	const round = (n: number) => Math.round(n * 100) / 100;
	return [...byPeriod.values()]
		.sort((a, b) => a.year - b.year || a.period - b.period)
		.map(({ year, period, fiscal }) => {
			const spent = entered
				.filter((r) => r.fields.Year === year && r.fields.Period === period)
				.reduce((sum, r) => sum + Number(r.fields.Value ?? 0), 0);
			const space = round(fiscal * 0.0192);
			const toPay = round(Math.max(0, spent - space) * 0.8);
			return {
				id: year * 100 + period,
				Period: period,
				Year: year,
				WorkCostPayroll: 0,
				WorkCostFinancial: round(spent),
				FiscalWage: round(fiscal),
				WorkCostAvailableSpace: space,
				WorkCostBase: round(spent),
				WorkCostToPay: toPay,
				WorkCostEstimated: toPay,
				WorkCostPaid: 0,
			};
		});
}

// ---------------------------------------------------------------- the kinds

const departmentsOrFunctions = (prefix: 'Department' | 'Function') =>
	owned<{ id: number; code: number; description: string }>({
		service: 'DebtorService',
		prefix,
		owner: 'debtor',
		what: prefix.toLowerCase(),
		list: (_world, debtor) =>
			prefix === 'Department' ? asDebtor(debtor).departments : asDebtor(debtor).functions,
		row: (r) => ({ Id: r.id, Code: r.code, Description: r.description }),
		fromRequest(input, id, _world, debtor) {
			const list =
				prefix === 'Department' ? asDebtor(debtor).departments : asDebtor(debtor).functions;
			return {
				id,
				...coded(
					input,
					prefix.toLowerCase(),
					list.map((d) => d.code),
				),
			};
		},
	});

export const OWNED_KINDS: ReadonlyArray<Owned<{ id: number }>> = [
	// The company's address: one; an insert replaces it from now on (our reading).
	owned<Company['address']>({
		service: 'CompanyService',
		prefix: 'Address',
		owner: 'company',
		what: 'address',
		list: (_world, company) => [asCompany(company).address],
		row: (address) => addressRecord(address),
		fromRequest: (input, id) => ({ id, ...addressOf(input) }),
		save: (address, _world, company) => {
			asCompany(company).address = address;
		},
	}),
	// The company's bank account (the salaries are paid from it): one; an insert replaces it.
	owned<{ id: number; iban: string; bic: string }>({
		service: 'CompanyService',
		prefix: 'BankAccount',
		owner: 'company',
		what: 'bank account',
		list: (_world, company) => [
			{ id: company.id, iban: asCompany(company).iban, bic: asCompany(company).bic },
		],
		row: (account, _world, company) => ({
			Id: account.id,
			Number: account.iban.slice(-10),
			Description: 'Salarisrekening',
			IBAN: account.iban,
			BIC: account.bic,
			City: asCompany(company).address.city,
			Name: asCompany(company).name,
			Type: 'Standaard',
		}),
		fromRequest(input, _id, _world, company) {
			const iban = (text(input, 'IBAN') ?? '').replace(/\s/g, '').toUpperCase();
			if (!isValidIban(iban)) throw invalid(`IBAN ${iban || '(none)'} is not a valid IBAN`);
			return { id: company.id, iban, bic: text(input, 'BIC') ?? '' };
		},
		save: (account, _world, company) => {
			asCompany(company).iban = account.iban;
			asCompany(company).bic = account.bic;
		},
	}),
	departmentsOrFunctions('Department'),
	departmentsOrFunctions('Function'),
	owned<{ id: number; title: string }>({
		service: 'DebtorService',
		prefix: 'Title',
		owner: 'debtor',
		what: 'title',
		list: (_world, debtor) => {
			const titles = asDebtor(debtor).titles;
			return titles.map((title, i) => ({ id: i + 1, title }));
		},
		row: (r) => ({ TitleName: r.title }),
		fromRequest(input, id, _world, debtor) {
			const title = text(input, 'TitleName');
			if (!title) throw invalid('a title needs a TitleName');
			// Titles are kept as the debtor's list of names.
			asDebtor(debtor).titles.push(title);
			return { id, title };
		},
	}),
	owned<Kept>({
		service: 'DebtorService',
		prefix: 'ContactPerson',
		owner: 'debtor',
		what: 'contact person',
		list: (world, debtor) => {
			const company = world.companies.find((c) => c.debtorId === debtor.id);
			return company ? [{ id: debtor.id, fields: {} }] : [];
		},
		row: (_r, world, debtor) => {
			const company = world.companies.find((c) => c.debtorId === debtor.id) as Company;
			const contact = contactOf(world, company);
			return { Email: contact.Email, Name: contact.Name, Phone: contact.Phone };
		},
	}),
	owned<Kept>({
		service: 'DebtorService',
		prefix: 'AccountantContact',
		owner: 'debtor',
		what: 'accountant contact',
		// The accountant's office that manages every debtor of the emulator (our choice).
		list: (_world, debtor) => [{ id: debtor.id, fields: {} }],
		row: () => ({
			Email: 'salarisadministratie@accountant.example',
			Name: 'Salarisadministratie Demo Accountants',
			Phone: '020-5550100',
		}),
	}),
	owned<Kept>({
		service: 'DebtorService',
		prefix: 'BankAccount',
		owner: 'debtor',
		what: 'bank account',
		// The debtor pays from its first company's account.
		list: (world, debtor) => {
			const company = world.companies.find((c) => c.debtorId === debtor.id);
			return company ? [{ id: company.id, fields: { IBAN: company.iban, BIC: company.bic } }] : [];
		},
		row: (r, _world, debtor) => ({
			Id: r.id,
			Number: String(r.fields.IBAN).slice(-10),
			Description: 'Zakelijke rekening',
			IBAN: r.fields.IBAN,
			BIC: r.fields.BIC,
			City: asDebtor(debtor).address.city,
			Name: asDebtor(debtor).name,
			Type: 'Standaard',
		}),
	}),
	owned<Kept>({
		service: 'DebtorService',
		prefix: 'Tags',
		owner: 'debtor',
		what: 'tag',
		list: (world, debtor) =>
			kept(world, 'debtorTags', debtor, () => [
				{ id: 1, fields: { Number: 1, HexColor: '#2E7D32', Tag: 'Maandverloning' } },
				{ id: 2, fields: { Number: 2, HexColor: '#1565C0', Tag: 'Pensioen via PFZW' } },
			]),
		row: (r) => r.fields as Row,
	}),
	owned<Kept>({
		service: 'DebtorService',
		prefix: 'ServiceLevel',
		owner: 'debtor',
		what: 'service level',
		list: (world, debtor) => {
			const first = world.companies.find((c) => c.debtorId === debtor.id);
			const start = first ? periodOf(first.periodType, '2020-01-01') : { year: 2020, period: 1 };
			return [{ id: debtor.id, fields: { StartPeriod: start.period, StartYear: start.year } }];
		},
		row: (r) => ({
			...(r.fields as Row),
			ServiceLevel: 'Full service',
			StartContract: `${String(r.fields.StartYear)}-01-01T00:00:00`,
		}),
	}),
	owned<{ id: number; code: string; description: string }>({
		service: 'CompanyService',
		prefix: 'CostCenter',
		owner: 'company',
		what: 'cost center',
		list: (_world, company) => asCompany(company).costCenters,
		row: (r) => ({ Code: r.code, Description: r.description, Id: r.id }),
		fromRequest(input, id, _world, company) {
			const centers = asCompany(company).costCenters;
			const { code, description } = coded(
				input,
				'cost center',
				centers.map((c) => c.code),
			);
			const given = text(input, 'Code') ?? String(code);
			if (centers.some((c) => c.code === given && c.id !== id))
				throw invalid(`cost center ${given} exists`);
			return { id, code: given, description };
		},
	}),
	owned<Kept>({
		service: 'CompanyService',
		prefix: 'CostUnit',
		owner: 'company',
		what: 'cost unit',
		list: (world, company) => kept(world, 'costUnits', company),
		row: (r) => ({ Id: r.id, ...(r.fields as Row) }),
		fromRequest(input, id, world, company) {
			const units = kept(world, 'costUnits', company);
			const { code, description } = coded(
				input,
				'cost unit',
				units.map((u) => String(u.fields.Code)),
			);
			return {
				id,
				fields: { Code: text(input, 'Code') ?? String(code), Description: description },
			};
		},
	}),
	owned<Kept>({
		service: 'CompanyService',
		prefix: 'ContactPerson',
		owner: 'company',
		what: 'contact person',
		list: (_world, company) => [{ id: company.id, fields: {} }],
		row: (_r, world, company) => contactOf(world, asCompany(company)),
	}),
	owned<Kept>({
		service: 'CompanyService',
		prefix: 'Schedule',
		owner: 'company',
		what: 'schedule',
		// The company's full-time week: 40 hours over five days, in all four schedules.
		list: (_world, company) => [{ id: company.id, fields: {} }],
		row: () => ({
			FulltimeScheduleOne: weekSchedule(40),
			FulltimeScheduleTwo: weekSchedule(40),
			FulltimeScheduleThree: weekSchedule(40),
			FulltimeScheduleFour: weekSchedule(40),
		}),
	}),
	owned<{ id: number }>({
		service: 'CompanyService',
		prefix: 'LabourAgreements',
		owner: 'company',
		what: 'labour agreement',
		list: (_world, company) => labourAgreementsOf(asCompany(company)),
		row: (r, _world, company) => {
			const agreement = labourAgreementsOf(asCompany(company)).find((a) => a.id === r.id)!;
			const sector = companySector(asCompany(company));
			const model = (code: number, description: string) => ({
				Code: code,
				Description: description,
			});
			return {
				Id: agreement.id,
				Guid: agreement.guid,
				Number: agreement.number,
				Description: agreement.description,
				Default: agreement === labourAgreementsOf(asCompany(company))[0],
				ScheduleModel: model(1, 'Standaard rooster'),
				WageModel: model(1, 'Standaard looncomponenten'),
				WageModel2: null,
				HoursModel: model(1, 'Standaard uurcodes'),
				HoursModel2: null,
				Industry: model(sector.code, sector.name),
				Industry2: null,
				Industry3: null,
				LeaveModel: model(1, 'Wettelijk en bovenwettelijk verlof'),
				HoursReservationModel: null,
				ReservationModel: model(1, 'Vakantiegeld 8%'),
				SalaryTable: null,
				CAO: model(agreement.number, agreement.description),
				BlnUseProvisional: false,
			};
		},
	}),
	owned<Kept>({
		service: 'CompanyService',
		prefix: 'SVW',
		owner: 'company',
		what: 'insurance setting',
		list: (world, company) =>
			kept(world, 'companySvw', company, () => {
				const sector = companySector(asCompany(company));
				return [
					{
						id: company.id,
						fields: {
							CodeCao: labourAgreementsOf(asCompany(company))[0].number,
							EigenrisicodragerGediffWGA: false,
							EigenrisicodragerUniformeWAO: false,
							EigenrisicodragerZiektewet: false,
							RisicoGroep: sector.riskGroup,
							Gediff_WGA_wn: 0,
							Gediff_WGA_wg: 0.0085,
							Sector: sector.code,
						},
					},
				];
			}),
		row: (r, _world, company) => {
			const sector = companySector(asCompany(company));
			const cao = labourAgreementsOf(asCompany(company)).find((a) => a.number === r.fields.CodeCao);
			return {
				SVWSettings: r.fields as Row,
				Sector: { Code: Number(r.fields.Sector), Description: sector.name },
				Risicogroep: {
					Code: Number(r.fields.RisicoGroep),
					Description: `Premiegroep ${String(r.fields.RisicoGroep)}`,
				},
				CAO: cao ? { Code: cao.number, Description: cao.description } : null,
			};
		},
		fromRequest(input, id) {
			const settings = input.SVWSettings;
			if (!settings || typeof settings !== 'object' || Array.isArray(settings))
				throw invalid('SVWSettings is missing');
			return { id, fields: settings as Record<string, WireValue> };
		},
	}),
	owned<Kept>({
		service: 'CompanyService',
		prefix: 'WorkCost',
		owner: 'company',
		what: 'work cost',
		// The list is computed from the runs and the amounts entered (kept per period).
		list: (world, company) => kept(world, 'workCosts', company),
		row: (r) => r.fields as Row,
		byYear: true,
		rows: (list, world, company) =>
			workCostsOf(world, asCompany(company), list).map(({ id: _id, ...row }) => row),
		fromRequest(input, id, world, company) {
			const value = input.value;
			if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
				throw invalid('value must be an amount of 0 or more');
			const period = Number(input.Period ?? 0);
			const year = Number(input.Year ?? 0);
			periodRange(asCompany(company).periodType, year, period);
			return { id, fields: { Period: period, Year: year, Value: value } };
		},
	}),
	owned<Kept>({
		service: 'CompanyService',
		prefix: 'RunRequest',
		owner: 'company',
		what: 'run request',
		// Every run was asked for and is handled; a request inserted waits (Pending).
		list: (world, company) => kept(world, 'runRequests', company),
		row: (r) => r.fields as Row,
		byYear: true,
		rows: (list, world, company) => [
			...runsOfCompany(world, company.id).map((run) => ({
				Period: run.period,
				Year: run.year,
				Status: 'Handled',
				HandledDate: run.runAt,
			})),
			...list.map((r) => r.fields as Row),
		],
		fromRequest(_input, id, world, company) {
			const { year, period } = periodOf(
				asCompany(company).periodType,
				world.clock.now().slice(0, 10),
			);
			return { id, fields: { Period: period, Year: year, Status: 'Pending', HandledDate: null } };
		},
	}),
];

/** The rows a list call answers: kept records, plus what the world derives for some kinds. */
function rowsOf(kind: Owned<{ id: number }>, world: World, owner: Owner, params: Params): Row[] {
	const list = kind.list(world, owner);
	const rows = kind.rows
		? kind.rows(list, world, owner)
		: list.map((r) => kind.row(r, world, owner));
	if (!kind.byYear || param(params, 'Year') === undefined) return rows;
	const year = intParam(params, 'Year');
	return rows.filter((r) => r.Year === year);
}

/** The answer a read gives: the list, or its first record when the result is one. */
function readOwned(
	kind: Owned<{ id: number }>,
	world: World,
	owner: Owner,
	params: Params,
	op: Operation,
): Loose {
	const rows = rowsOf(kind, world, owner, params);
	const where = resolveAnyOperation(op.service, op.name);
	const type = op.result?.type ?? '';
	const fields =
		where && type.startsWith('type:')
			? new Set(fieldsOfType(type.slice(5), where.catalogue).map((f) => f.name))
			: new Set<string>();
	const shaped = rows.map((r) =>
		Object.fromEntries(Object.entries(r).filter(([k]) => fields.has(k))),
	);
	return op.result?.listItem !== undefined ? shaped : (shaped[0] ?? null);
}

function writeOwned(
	kind: Owned<{ id: number }>,
	verb: 'Insert' | 'Update' | 'Delete',
	world: World,
	owner: Owner,
	params: Params,
	op: Operation,
): Loose {
	const list = kind.list(world, owner);
	if (verb === 'Delete') {
		const id = intParam(params, 'id', 'Id');
		const index = list.findIndex((r) => r.id === id);
		if (index < 0) throw new NmbrsFault(2046, `Not found: ${kind.what} ${id}`);
		list.splice(index, 1);
		touch(world);
		return undefined;
	}
	if (!kind.fromRequest) throw invalid(`the emulator does not write a ${kind.what}`);
	const hasRecord = op.params.some((p) => p.type.startsWith('type:') && !p.listItem);
	const input = (hasRecord ? recordParam(op, params) : params) ?? null;
	if (!input) throw invalid(`the ${kind.what} is missing`);
	checkEnums(op, input);
	if (verb === 'Update') {
		// The record its Id names, else the only one (SVW_UpdateCurrent).
		const id = Number(input.Id ?? input.ID ?? 0);
		const existing = list.find((r) => r.id === id) ?? (list.length === 1 ? list[0] : undefined);
		if (!existing) throw new NmbrsFault(2046, `Not found: ${kind.what} ${id}`);
		Object.assign(existing, kind.fromRequest(input, existing.id, world, owner));
		kind.save?.(existing, world, owner);
		touch(world);
		return op.result?.type === 'int' ? existing.id : undefined;
	}
	const record = kind.fromRequest(input, world.nextIds.record++, world, owner);
	if (kind.save) kind.save(record, world, owner);
	else list.push(record);
	touch(world);
	return op.result?.type === 'int' ? record.id : undefined;
}

/** The body of a company's or debtor's operation, or undefined when no kind serves its name. */
export function ownedVerb(
	op: Operation,
): ((world: World, user: EmulatorUser, params: Params) => Loose) | undefined {
	const underscore = op.name.indexOf('_');
	const prefix = op.name.slice(0, underscore);
	const rest = op.name.slice(underscore + 1);
	const kind = OWNED_KINDS.find((k) => k.service === op.service && k.prefix === prefix);
	if (!kind || underscore < 0) return undefined;
	const verb = rest.startsWith('Get')
		? 'Get'
		: (['Insert', 'Update', 'Delete'] as const).find((v) => rest.replace(/Current$/, '') === v);
	if (!verb) return undefined;
	return (world, user, params) => {
		const owner: Owner =
			kind.owner === 'company'
				? requireCompany(world, user, intParam(params, 'CompanyId'))
				: requireDebtor(world, user, intParam(params, 'DebtorId'));
		return verb === 'Get'
			? readOwned(kind, world, owner, params, op)
			: writeOwned(kind, verb, world, owner, params, op);
	};
}
