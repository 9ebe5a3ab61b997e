/**
 * Kinds the world keeps as their wire fields (children, partner, SVW and wage tax settings, lease
 * cars, labour agreements...): a record is the fields its catalogue type has, from the period it
 * starts in. The name-driven verbs (historyVerbs.ts) serve them like the typed histories. An
 * employee's records are made on first use from what the world already says about the employee
 * (a partner where personal info names one, a wage tax setting from the salary...), always the
 * same for a seed, and kept from then on.
 */
import type { WireValue } from '../../../nodes/Nmbrs/wire';
import { periodOf, type PeriodRef } from '../world/calendar';
import { FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, SURNAMES } from '../world/dutchData';
import { chronological, personAt, versionAt } from '../world/history';
import type { Company, Employee, VersionStart } from '../world/model';
import { hashSeed } from '../world/random';
import { employeesOfCompany, findDebtor, type World } from '../world/world';
import { NmbrsFault } from '../operations/faults';
import type { Row } from '../operations/records';
import type { History, WriteContext } from './histories';

export interface StoredRecord extends VersionStart {
	fields: Record<string, WireValue>;
}

/** Per kind, per owner id (employee, company or debtor): the records. */
export type StoredKinds = Record<string, Record<number, Array<{ id: number }>>>;

interface StoredSpec {
	name: string;
	prefixes: string[];
	what: string;
	/** 'versions' (from a period until the next), 'each' (every record holds on its own) or dates. */
	holds: 'versions' | 'each' | { from: string; to: string };
	/** The records an employee starts with (fields), from the employee's first period. */
	seed?(world: World, employee: Employee, company: Company): Array<Record<string, WireValue>>;
	/** The fields a request gives (default: its record as it is, without ids). */
	fields?(input: Record<string, WireValue>, ctx: WriteContext): Record<string, WireValue>;
	addOnUpdate?: boolean;
	/** More of the row: fields other wire types of the kind name otherwise (EmployeeSVWsetting). */
	extra?(record: StoredRecord, company: Company): Row;
}

function firstPeriod(employee: Employee, company: Company): PeriodRef {
	const start = employee.employments[0]?.startDate;
	const first = employee.personalInfo[0];
	if (start) return periodOf(company.periodType, start);
	return { year: first?.startYear ?? 2000, period: first?.startPeriod ?? 1 };
}

function listOf(spec: StoredSpec, world: World, employee: Employee): StoredRecord[] {
	const kinds = (world.kinds ??= {});
	const byEmployee = (kinds[spec.name] ??= {});
	const existing = byEmployee[employee.id] as StoredRecord[] | undefined;
	if (existing) return existing;
	const company = world.companies.find((c) => c.id === employee.companyId);
	const start = company ? firstPeriod(employee, company) : { year: 2000, period: 1 };
	const seeded = (company && spec.seed ? spec.seed(world, employee, company) : []).map(
		(fields, i): StoredRecord => ({
			// Seeded ids are the employee's own (they must not move the world's next id on a read).
			id: 900_000_000 + employee.id * 100 + i,
			startYear: start.year,
			startPeriod: start.period,
			creationDate: `${String(start.year)}-01-01T09:00:00`,
			fields,
		}),
	);
	byEmployee[employee.id] = seeded;
	return seeded;
}

function withoutIds(input: Record<string, WireValue>): Record<string, WireValue> {
	const { Id: _id, ID: _ID, EmployeeId: _e, EmployeeID: _E, ...fields } = input;
	return fields;
}

function stored(spec: StoredSpec): History<{ id: number }> {
	const dates = typeof spec.holds === 'object' ? spec.holds : null;
	const text = (value: WireValue | undefined) =>
		typeof value === 'string' && !value.startsWith('0001-') ? value.slice(0, 10) : null;
	const kind: History<StoredRecord> = {
		prefixes: spec.prefixes,
		what: spec.what,
		addOnUpdate: spec.addOnUpdate,
		list: (world, employee) => listOf(spec, world, employee),
		holds: dates
			? {
					from: (r) => text(r.fields[dates.from]) ?? '0001-01-01',
					to: (r) => text(r.fields[dates.to]),
				}
			: 'versions',
		group: spec.holds === 'each' ? (r) => String(r.id) : undefined,
		row: (r, { company }) => ({
			Id: r.id,
			ID: r.id,
			StartPeriod: r.startPeriod,
			StartYear: r.startYear,
			CreationDate: r.creationDate,
			...(r.fields as Row),
			...spec.extra?.(r, company),
		}),
		stop: dates
			? (r, end) => {
					r.fields[dates.to] = `${end}T00:00:00`;
				}
			: undefined,
		fromRequest(ctx, input, id) {
			return {
				id,
				startYear: ctx.at.year,
				startPeriod: ctx.at.period,
				creationDate: ctx.world.clock.now(),
				fields: spec.fields ? spec.fields(input, ctx) : withoutIds(input),
			};
		},
	};
	return kind as unknown as History<{ id: number }>;
}

// ---------------------------------------------------------------- what the world says

/** A stable pick for an employee (the same for a seed). */
function pick(world: World, employee: Employee, what: string, n: number): number {
	return hashSeed(world.seed, what, employee.id) % n;
}

function addYears(date: string, years: number): string {
	return `${String(+date.slice(0, 4) + years)}${date.slice(4, 10)}T00:00:00`;
}

/** The employee's personal data as last entered. */
function latestPerson(employee: Employee) {
	return chronological(employee.personalInfo).at(-1)?.data;
}

/**
 * A married or registered partner (BurgerlijkeStaat 2 or 3) has a partner: named as personal info
 * names the partner (PartnerLastName), else with a surname of ours; first name, birthday ours.
 */
function partnerOf(world: World, employee: Employee): Record<string, WireValue>[] {
	const person = latestPerson(employee);
	if (!person || (person.BurgerlijkeStaat !== 2 && person.BurgerlijkeStaat !== 3)) return [];
	const female = person.Gender === 'male';
	const names = female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES;
	const firstName = names[pick(world, employee, 'partner', names.length)];
	const [prefix, surname] = person.PartnerLastName
		? [person.PartnerPrefix, person.PartnerLastName]
		: SURNAMES[pick(world, employee, 'partner-surname', SURNAMES.length)];
	const birthday = person.Birthday ?? '1985-06-15';
	return [
		{
			PartnerName: [prefix, surname].filter(Boolean).join(' '),
			FirstName: firstName,
			Initials: `${firstName[0]}.`,
			Gender: female ? 'female' : 'male',
			Birthday: addYears(birthday, pick(world, employee, 'partner-age', 5) - 2),
			StartDate: addYears(birthday, 25 + pick(world, employee, 'partner-since', 8)),
			Telephone: null,
			Email: null,
		},
	];
}

/** Children of an employee with a partner: none to three, born after the partnership began. */
function childrenOf(world: World, employee: Employee): Record<string, WireValue>[] {
	const partner = partnerOf(world, employee)[0];
	const person = latestPerson(employee);
	if (!partner || !person) return [];
	const count = pick(world, employee, 'children', 4);
	return Array.from({ length: count }, (_, i) => {
		const female = pick(world, employee, `child-${i}`, 2) === 0;
		const names = female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES;
		const firstName = names[pick(world, employee, `child-name-${i}`, names.length)];
		return {
			Name: [person.Prefix, person.LastName].filter(Boolean).join(' '),
			FirstName: firstName,
			Initials: `${firstName[0]}.`,
			Gender: female ? 'female' : 'male',
			Birthday: addYears(String(partner.StartDate), 2 + i * 2),
		};
	});
}

/**
 * Wage tax settings as the payslips compute: the wage tax credit applied (loonheffingskorting),
 * white table, income from employment (15), the period table of the company; the annual wage for
 * the special rate from the salary.
 */
function wageTaxOf(employee: Employee, company: Company): Record<string, WireValue>[] {
	const salary = employee.salaries[0];
	const monthly = salary ? salary.valueCents / 100 : 0;
	const annual = salary?.type === 'Bruto_Uurloon' ? monthly * 1_872 : monthly * 12;
	return [
		{
			JaarloonBT: Math.round(annual * 1.08 * 100) / 100,
			AfwBijzTariefLH: 0,
			AutoKleineBanenRegeling: false,
			Loonheffingkorting: true,
			Voordeelreg: false,
			Loonheffing: true,
			CodeAfdrachtvermindering: 0,
			KleurTabel: 1,
			SoortInkomen: 15,
			SpecialeTabel: 0,
			TijdvakTabel: company.periodType === 'Month' ? 2 : 3,
			VakantieBonnen: 0,
			CodeCalc30PercRule: 0,
		},
	];
}

/** Insurance settings: insured for WW, ZW and WIA, Zvw with employer's levy (K), the company's sector. */
function svwOf(company: Company): Record<string, WireValue>[] {
	const sector = companySector(company);
	return [
		{
			InvloedVerzekeringsplicht: '',
			PremieKorting: 0,
			PremieKortingVerhoging: false,
			CodeCao: labourAgreementsOf(company)[0].number,
			Wao_Wia: true,
			Ww: true,
			Zw: true,
			CodeIabZvw: 0,
			CodeZvw: 'K',
			RisicoGroep: sector.riskGroup,
			Sector: sector.code,
		},
	];
}

/** An insurance setting as the batch call's EmployeeSVWsetting names it. */
function svwSetting(record: StoredRecord, company: Company): Row {
	const f = record.fields;
	const sector = companySector(company);
	const cla = labourAgreementsOf(company).find((a) => a.number === f.CodeCao);
	return {
		RecordID: record.id,
		ZW: f.Zw as boolean,
		WW: f.Ww as boolean,
		WAO_WIA: f.Wao_Wia as boolean,
		MarginalLabor: false,
		// Zvw code K as the batch call's number (our reading), no income-related contribution code.
		ZVW: 1,
		ZVWContribution: Number(f.CodeIabZvw ?? 0),
		InfluenceInsurance: Number(f.InvloedVerzekeringsplicht || 0),
		'Sector:type:Sector': {
			SectorId: sector.code,
			SectorCode: sector.code,
			SectorDescription: sector.name,
		},
		'RiskGroup:type:RiskGroup': {
			RiskGroupId: Number(f.RisicoGroep ?? 0),
			RiskGroupCode: Number(f.RisicoGroep ?? 0),
			RiskGroupDescription: `Premiegroep ${String(f.RisicoGroep ?? 0)}`,
		},
		CLA: cla ? { CLAId: cla.id, CLACode: cla.number, CLADescription: cla.description } : null,
		PremiumReduction: null,
	};
}

/** A lease car for about one employee in eight on a monthly salary (our choice). */
function leaseCarOf(
	world: World,
	employee: Employee,
	company: Company,
): Record<string, WireValue>[] {
	const salary = employee.salaries[0];
	if (salary?.type !== 'Bruto_Salaris_Fulltime' || pick(world, employee, 'lease', 8) !== 0)
		return [];
	const cars = [
		['Volkswagen', 'ID.3', 38_990],
		['Kia', 'Niro EV', 42_490],
		['Skoda', 'Enyaq', 47_990],
		['Tesla', 'Model 3', 44_990],
	] as const;
	const [brand, model, catalog] = cars[pick(world, employee, 'lease-car', cars.length)];
	const start = firstPeriod(employee, company);
	const startDate = `${String(Math.max(start.year, +world.clock.now().slice(0, 4) - 2))}-01-01T00:00:00`;
	return [
		{
			Brand: brand,
			Model: model,
			AdditionPercentage: '16',
			ContractLeaseCompany: 'Autolease Nederland B.V.',
			ContractNumber: `AL-${String(employee.id).padStart(6, '0')}`,
			ContractDuration: 48,
			LeasingPriceMonth: Math.round(catalog / 70),
			MaxMileage: 30_000,
			PriceMoreMileage: 0.12,
			PriceLessMileage: 0.06,
			FirstResgistrationDate: startDate,
			CO2Emissions: 0,
			LicensePlate: `X-${String(100 + (employee.id % 900))}-${'BDFGHJ'[employee.id % 6]}${'KLNPRS'[employee.id % 6]}`,
			CatalogValue: catalog,
			StartDate: startDate,
			EndDate: null,
			ReasonNoContribution: 0,
			ContributionPrivatePercentage: 0,
			ContributionPrivateUse: 0,
			ContributionNotDeductible: 0,
		},
	];
}

const APPRAISALS = ['Onvoldoende', 'Voldoende', 'Goed', 'Zeer goed'] as const;

/**
 * A yearly review each March for the years the employee was in service before this one (at most
 * three), by the manager; the appraisal is ours.
 */
function reviewsOf(
	world: World,
	employee: Employee,
	company: Company,
): Record<string, WireValue>[] {
	const manager = managerOf(world, employee, company);
	const first = employee.employments[0]?.startDate;
	const thisYear = +world.clock.now().slice(0, 4);
	if (!first || !manager) return [];
	const years = [];
	for (let year = Math.max(+first.slice(0, 4) + 1, thisYear - 3); year < thisYear; year++)
		years.push(year);
	const managerEmployee = employeesOfCompany(world, company.id).find(
		(e) => e.number === manager.Number,
	);
	return years.map((year) => {
		const appraisal = 1 + pick(world, employee, `review-${year}`, 3);
		return {
			ManagerID: managerEmployee?.id ?? 0,
			Manager: `${String(manager.FirstName ?? '')} ${String(manager.Name ?? '')}`.trim(),
			ReviewDate: `${year}-03-15T00:00:00`,
			TypeID: 1,
			AppraisalID: appraisal + 1,
			Appraisal: appraisal + 1,
			CaseManager: null,
			Note: null,
			NextReviewDate: `${year + 1}-03-15T00:00:00`,
			Type: 'Beoordelingsgesprek',
			AppraisalName: APPRAISALS[appraisal],
		};
	});
}

// ---------------------------------------------------------------- the company's models

export interface LabourAgreement {
	id: number;
	guid: string;
	number: number;
	description: string;
}

const CAOS = [
	[9999, 'Geen cao'],
	[1, 'Cao Metalektro'],
	[6, 'Cao Horeca'],
	[13, 'Cao Detailhandel Non-Food'],
	[95, 'Cao Kinderopvang'],
] as const;

/** A GUID from a hash: the same for the same parts (the company's models, salary tables). */
export function stableGuid(...parts: Array<string | number>): string {
	const hex = (n: number) =>
		hashSeed(...parts, n)
			.toString(16)
			.padStart(8, '0');
	const all = hex(1) + hex(2) + hex(3) + hex(4);
	return `${all.slice(0, 8)}-${all.slice(8, 12)}-4${all.slice(13, 16)}-a${all.slice(17, 20)}-${all.slice(20, 32)}`;
}

/** The company's labour agreements: its own cao first (the default), and 'Geen cao'. */
export function labourAgreementsOf(company: Company): LabourAgreement[] {
	const own = CAOS[1 + (company.id % (CAOS.length - 1))];
	return [own, CAOS[0]].map(([number, description], i) => ({
		id: company.id * 10 + i + 1,
		guid: stableGuid('labour-agreement', company.id, number),
		number,
		description,
	}));
}

/** The company's sector (sectorindeling) and premium risk group, after its cao. */
export function companySector(company: Company): { code: number; name: string; riskGroup: number } {
	const sectors: Record<number, { code: number; name: string }> = {
		1: { code: 11, name: 'Metaalindustrie' },
		6: { code: 33, name: 'Horeca algemeen' },
		13: { code: 17, name: 'Detailhandel' },
		95: { code: 44, name: 'Zakelijke dienstverlening III' },
	};
	const sector = sectors[labourAgreementsOf(company)[0].number] ?? {
		code: 44,
		name: 'Zakelijke dienstverlening III',
	};
	return { ...sector, riskGroup: 1 + (company.id % 3) };
}

function labourAgreementRow(agreement: LabourAgreement): Record<string, WireValue> {
	return {
		Id: agreement.id,
		Guid: agreement.guid,
		Number: agreement.number,
		Description: agreement.description,
	};
}

/** The employee's manager: the company's first employee (by number), or nobody for that one. */
function managerOf(world: World, employee: Employee, company: Company): Row | null {
	const first = employeesOfCompany(world, company.id).reduce<Employee | null>(
		(a, b) => (a === null || b.number < a.number ? b : a),
		null,
	);
	if (!first || first.id === employee.id) return null;
	const person = personAt(first, { year: 9999, period: 1 });
	const debtor = findDebtor(world, company.debtorId);
	const refName = (
		versions: typeof first.departments,
		list?: Array<{ id: number; description: string }>,
	) => {
		const version = versionAt(versions, { year: 9999, period: 1 });
		return list?.find((d) => d.id === version?.refId)?.description ?? null;
	};
	return {
		Number: first.number,
		FirstName: person?.FirstName ?? null,
		Name: [person?.Prefix, person?.LastName].filter(Boolean).join(' ') || null,
		Department: refName(first.departments, debtor?.departments),
		Function: refName(first.functions, debtor?.functions),
		PhoneNumber: person?.TelephoneWork ?? company.phone,
		Mobile: person?.TelephoneMobileWork ?? null,
		Fax: null,
		Email: person?.EmailWork ?? null,
	};
}

// ---------------------------------------------------------------- the kinds

const amountFrom = (input: Record<string, WireValue>) => ({
	Value: typeof input.Amount === 'number' ? input.Amount : 0,
	StartDate: input.Start ?? null,
	EndDate: null,
});

const labourAgreements = stored({
	name: 'labourAgreements',
	prefixes: ['LabourAgreements'],
	what: 'labour agreement',
	holds: 'versions',
	seed: (_world, _employee, company) => [labourAgreementRow(labourAgreementsOf(company)[0])],
	// The agreement the call names by its settings group GUID must be one of the company's (2030).
	fields(input, { company }) {
		const guid = String(input.labourAgreementSettingsGroupGuid ?? '').toLowerCase();
		const agreement = labourAgreementsOf(company).find((a) => a.guid === guid);
		if (!agreement)
			throw new NmbrsFault(
				2030,
				`Invalid set of values: company ${company.id} has no labour agreement ${guid}`,
			);
		return labourAgreementRow(agreement);
	},
});

export const STORED_KINDS: ReadonlyArray<History<{ id: number }>> = [
	stored({
		name: 'children',
		prefixes: ['Children', 'Child'],
		what: 'child',
		holds: 'each',
		seed: (world, employee) => childrenOf(world, employee),
	}),
	stored({
		name: 'partner',
		prefixes: ['Partner'],
		what: 'partner',
		holds: 'versions',
		seed: (world, employee) => partnerOf(world, employee),
		addOnUpdate: true,
	}),
	stored({
		name: 'svw',
		prefixes: ['SVW'],
		what: 'insurance setting',
		holds: 'versions',
		seed: (_world, _employee, company) => svwOf(company),
		extra: svwSetting,
	}),
	stored({
		name: 'wageTax',
		prefixes: ['WageTax'],
		what: 'wage tax setting',
		holds: 'versions',
		seed: (_world, employee, company) => wageTaxOf(employee, company),
	}),
	stored({
		name: 'leaseCars',
		prefixes: ['LeaseCar', 'LeaseCar2'],
		what: 'lease car',
		holds: { from: 'StartDate', to: 'EndDate' },
		seed: leaseCarOf,
	}),
	// Levensloop and spaarloon ended in 2012: nobody has one until a call inserts it.
	stored({
		name: 'levensloop',
		prefixes: ['Levensloop'],
		what: 'levensloop',
		holds: { from: 'StartDate', to: 'EndDate' },
		fields: amountFrom,
	}),
	stored({
		name: 'spaarloon',
		prefixes: ['Spaarloon'],
		what: 'spaarloon',
		holds: { from: 'StartDate', to: 'EndDate' },
		fields: amountFrom,
	}),
	labourAgreements,
	stored({
		name: 'performanceReviews',
		prefixes: ['PerformanceReview'],
		what: 'performance review',
		holds: 'each',
		seed: reviewsOf,
	}),
];

/** Manager_Get / _GetCurrent: derived from the company's employees, not stored. */
export const MANAGER_KIND: History<{ id: number }> = {
	prefixes: ['Manager'],
	what: 'manager',
	list: (world, employee) => {
		const company = world.companies.find((c) => c.id === employee.companyId);
		const manager = company ? managerOf(world, employee, company) : null;
		return manager ? [{ id: 0, startYear: 1900, startPeriod: 1, creationDate: '', manager }] : [];
	},
	holds: 'versions',
	row: (r) => (r as unknown as { manager: Row }).manager,
	fromRequest() {
		throw new NmbrsFault(2030, 'Invalid set of values: a manager is not written here');
	},
};
