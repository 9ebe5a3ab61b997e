/**
 * Builds a world from a seed. Everything random comes from seeded PRNGs derived per debtor, company
 * and employee, so the same seed gives the same world and a company's employees do not change when
 * another company is added. Documents (PDFs, XML) are not made here: documents.ts makes them on
 * request, so a scaled world of 20,000 employees builds in about a second.
 */
import { seedLeave } from '../records/leave';
import { seedRecords } from '../records/seed';
import {
	addDays,
	dateOfDay,
	dateTimeOf,
	dayNumber,
	nextPeriod,
	periodOf,
	periodRange,
	periodsBetween,
	type PeriodRange,
	type PeriodRef,
	type PeriodType,
} from './calendar';
import {
	automaticStatusAt,
	DECLARATION_STATUSES,
	declarationTimeline,
	SENT_STATUSES,
} from './declarations';
import {
	CITIES,
	COMPANY_SUFFIXES,
	COST_CENTERS,
	DEBTOR_NAMES,
	DEPARTMENTS,
	FEMALE_FIRST_NAMES,
	FUNCTIONS,
	MALE_FIRST_NAMES,
	STREETS,
	SURNAMES,
	TITLES,
	ABSENCE_DOSSIERS,
} from './dutchData';
import { fakeBsn, fakeIban, fakeKvk, payrollTaxNumber } from './identifiers';
import type {
	AddressData,
	AssignmentVersion,
	BankAccountData,
	Company,
	ContractRecord,
	Debtor,
	Declaration,
	Employee,
	EmployeeKind,
	EmploymentRecord,
	PersonalData,
	Run,
	WorldData,
} from './model';
import { createRandom, hashSeed, type Random } from './random';
import { demoUsers } from './users';
import {
	addDeclaration,
	addRun,
	declarationsOfCompany,
	runsOfCompany,
	WorldClock,
	type World,
} from './world';

export const DEFAULT_SEED = 20_261_125;
/**
 * createWorld's "now" unless told otherwise (Dutch local time), so a seed alone gives one world.
 * The running emulator starts at today 09:00 Dutch time instead (startEmulator's worldNow, --now).
 */
export const DEFAULT_NOW = '2026-11-25T09:00:00';

/** Employees per company in the demo world (10 companies, 4 debtors). */
const DEMO_COMPANY_SIZES = [14, 22, 9, 31, 26, 18, 40, 12, 35, 28];
const DEMO_DEBTOR_OF_COMPANY = [0, 0, 0, 1, 1, 1, 2, 2, 3, 3];

export interface WorldShape {
	debtorCount: number;
	/** Per company: its debtor (index) and number of employees. */
	companies: Array<{ debtorIndex: number; employees: number }>;
}

export function demoShape(): WorldShape {
	return {
		debtorCount: 4,
		companies: DEMO_COMPANY_SIZES.map((employees, i) => ({
			debtorIndex: DEMO_DEBTOR_OF_COMPANY[i],
			employees,
		})),
	};
}

export function scaledShape(companies: number, employees: number): WorldShape {
	const debtorCount = Math.max(3, Math.ceil(companies / 4));
	const base = Math.floor(employees / companies);
	const extra = employees % companies;
	return {
		debtorCount,
		companies: Array.from({ length: companies }, (_, i) => ({
			debtorIndex: i % debtorCount,
			employees: base + (i < extra ? 1 : 0),
		})),
	};
}

function time(random: Random, fromHour = 8, toHour = 17): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${pad(random.int(fromHour, toHour))}:${pad(random.int(0, 59))}:${pad(random.int(0, 59))}`;
}

function slug(text: string): string {
	return text
		.toLowerCase()
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}

const POSTAL_LETTERS = 'ABCDEFGHJKLMNPRTVWXZ';

function fakeAddress(random: Random): AddressData {
	const city = random.pick(CITIES);
	const letters = `${random.pick([...POSTAL_LETTERS])}${random.pick([...POSTAL_LETTERS])}`;
	return {
		street: random.pick(STREETS),
		houseNumber: String(random.int(1, 240)),
		houseNumberAddition: random.chance(0.12)
			? random.pick(['A', 'B', 'bis', '1', '2', 'hs'])
			: null,
		postalCode: `${random.int(city.postal[0], city.postal[1])} ${letters}`,
		city: city.name,
		countryIsoCode: 'NL',
	};
}

function mobile(random: Random): string {
	return `06-${String(random.int(10_000_000, 99_999_999))}`;
}

class Ids {
	constructor(private data: WorldData['nextIds']) {}
	next(kind: keyof WorldData['nextIds']): number {
		return this.data[kind]++;
	}
}

function makeDebtor(seed: number, index: number, ids: Ids): Debtor {
	const random = createRandom(hashSeed(seed, 'debtor', index));
	const stem = DEBTOR_NAMES[index % DEBTOR_NAMES.length];
	const name =
		index < DEBTOR_NAMES.length ? stem : `${stem} ${Math.floor(index / DEBTOR_NAMES.length) + 1}`;
	const id = 48_001 + index;
	return {
		id,
		number: `D${String(1001 + index)}`,
		name,
		address: { id: ids.next('record'), ...fakeAddress(random) },
		departments: DEPARTMENTS.slice(0, random.int(5, DEPARTMENTS.length)).map((description, i) => ({
			id: ids.next('record'),
			code: i + 1,
			description,
		})),
		functions: FUNCTIONS.map((description, i) => ({
			id: ids.next('record'),
			code: 100 + i,
			description,
		})),
		titles: [...TITLES],
	};
}

function makeCompany(
	seed: number,
	index: number,
	debtor: Debtor,
	companyOfDebtor: number,
	ids: Ids,
): Company {
	const random = createRandom(hashSeed(seed, 'company', index));
	const periodType: PeriodType = index % 3 === 1 ? 'Week4' : 'Month';
	const stem = debtor.name.replace(/ (Beheer|Groep|Holding)$/, '');
	const suffix = COMPANY_SUFFIXES[companyOfDebtor % COMPANY_SUFFIXES.length];
	const name = `${stem} ${suffix}`;
	const domain = `${slug(stem)}.example`;
	const account = fakeIban(random);
	const address = fakeAddress(random);
	const area = CITIES.find((c) => c.name === address.city)?.area ?? '020';
	return {
		id: 50_001 + index,
		debtorId: debtor.id,
		number: 1 + companyOfDebtor,
		name,
		periodType,
		kvkNumber: fakeKvk(random),
		payrollTaxNumber: payrollTaxNumber(index, hashSeed(seed, 'rsin') % 1_000_000),
		phone: `${area}-${random.int(1_000_000, 9_999_999)}`,
		email: `salarisadministratie@${domain}`,
		website: random.chance(0.8) ? `https://www.${domain}` : null,
		address: { id: ids.next('record'), ...address },
		iban: account.iban,
		bic: account.bic,
		costCenters: COST_CENTERS.map(([code, description]) => ({
			id: ids.next('record'),
			code,
			description,
		})),
		defaultEmployeeTemplates: [
			{ id: random.guid(), description: 'Standaard werknemer' },
			{ id: random.guid(), description: 'Oproepkracht (0-urencontract)' },
			{ id: random.guid(), description: 'Stagiair' },
		],
		nextEmployeeNumber: 1,
	};
}

interface EmployeeContext {
	seed: number;
	today: string;
	company: Company;
	debtor: Debtor;
	ids: Ids;
	bsnScramble: number;
}

const SCHEDULES: ReadonlyArray<readonly [number[], number]> = [
	[[8, 8, 8, 8, 8, 0, 0], 60],
	[[8, 8, 8, 8, 0, 0, 0], 20],
	[[8, 8, 0, 8, 0, 0, 0], 10],
	[[9, 9, 9, 9, 0, 0, 0], 10],
];

function scheduleFields(random: Random): { hours: number[]; parttimePercentage: number } {
	const week = random.weighted(SCHEDULES);
	const weekly = week.reduce((a, b) => a + b, 0);
	return {
		hours: [...week, ...week],
		parttimePercentage: Math.round((weekly / 40) * 10_000) / 100,
	};
}

/** Where an employee's department or function history may put its versions. */
interface AssignmentTimeline {
	ids: Ids;
	refOf: (date: string) => PeriodRange;
	/** The first version: when the employee was entered. */
	start: PeriodRef;
	createdAt: string;
	/** A change in the past falls between these days (when at least 45 days apart). */
	from: string;
	until: string;
	/** A change already entered for the next period (null for applicants and leavers). */
	future: { ref: PeriodRef; today: string; force: boolean } | null;
	/** Always a past change (and a future one while in service): every world has such cases. */
	force: boolean;
}

/**
 * A department or function history ending in `current` today: sometimes another one first (a move
 * in the past), sometimes a move already entered for the next period (future-dated).
 */
function assignmentHistory(
	random: Random,
	choices: ReadonlyArray<{ id: number }>,
	current: number,
	timeline: AssignmentTimeline,
	pastChance: number,
): AssignmentVersion[] {
	const stamp = (date: string) => dateTimeOf(date, time(random));
	const other = () => random.pick(choices.filter((c) => c.id !== current)).id;
	const canMove = choices.length > 1;
	const span = dayNumber(timeline.until) - dayNumber(timeline.from);
	const moved =
		canMove && span >= 45 && (timeline.force || random.chance(pastChance))
			? timeline.refOf(
					dateOfDay(random.int(dayNumber(timeline.from) + 40, dayNumber(timeline.until))),
				)
			: null;
	const versions: AssignmentVersion[] = [
		{
			id: timeline.ids.next('record'),
			startYear: timeline.start.year,
			startPeriod: timeline.start.period,
			creationDate: timeline.createdAt,
			refId: moved ? other() : current,
		},
	];
	if (moved && (moved.year !== timeline.start.year || moved.period !== timeline.start.period)) {
		versions.push({
			id: timeline.ids.next('record'),
			startYear: moved.year,
			startPeriod: moved.period,
			creationDate: stamp(moved.start),
			refId: current,
		});
	} else if (moved) {
		versions[0].refId = current;
	}
	const future = timeline.future;
	if (canMove && future && (future.force || random.chance(0.08))) {
		versions.push({
			id: timeline.ids.next('record'),
			startYear: future.ref.year,
			startPeriod: future.ref.period,
			creationDate: stamp(addDays(future.today, -random.int(1, 12))),
			refId: other(),
		});
	}
	return versions;
}

function makeEmployee(ctx: EmployeeContext, indexInCompany: number, globalIndex: number): Employee {
	const { company, debtor, ids, today } = ctx;
	const random = createRandom(hashSeed(ctx.seed, 'employee', company.id, indexInCompany));
	const refOf = (date: string): PeriodRange => periodOf(company.periodType, date);
	const current = refOf(today);
	const stamp = (date: string) => dateTimeOf(date, time(random));
	// Fixed positions guarantee every kind of case exists in any world; the rest is random.
	const kind: EmployeeKind =
		globalIndex % 37 === 5 ? 'applicant' : globalIndex % 41 === 7 ? 'external' : 'payroll';
	const forceHistory = globalIndex % 17 === 3;
	const forceLeaver = globalIndex % 13 === 0;

	const gender = random.chance(0.5) ? 'male' : 'female';
	const firstName = random.pick(gender === 'male' ? MALE_FIRST_NAMES : FEMALE_FIRST_NAMES);
	const [prefix, lastName] = random.pick(SURNAMES);
	const second = random.chance(0.3)
		? random.pick(gender === 'male' ? MALE_FIRST_NAMES : FEMALE_FIRST_NAMES)
		: null;
	const initials = `${firstName[0]}.${second ? `${second[0]}.` : ''}`;
	const birthday = dateOfDay(random.int(dayNumber('1962-01-01'), dayNumber('2006-12-31')));
	const mailName = `${slug(firstName)}.${slug(`${prefix} ${lastName}`).replace(/-/g, '')}`;
	const workDomain = company.email.split('@')[1];

	// Employments: most in service, some left, a few leaving soon, a few rehired.
	const employments: EmploymentRecord[] = [];
	const firstStart = dateOfDay(
		Math.max(
			dayNumber('2012-01-02'),
			dayNumber(today) - 30 - Math.floor(random.next() ** 1.5 * 365 * 14),
		),
	);
	const fate = random.next();
	const addEmployment = (start: string, end: string | null) =>
		employments.push({
			id: ids.next('record'),
			creationDate: stamp(addDays(start, -random.int(3, 30))),
			startDate: start,
			endDate: end,
			initialStartDate: firstStart,
		});
	if (kind !== 'applicant') {
		const longEnough = dayNumber(today) - dayNumber(firstStart) > 150;
		if ((forceLeaver || fate < 0.14) && longEnough) {
			addEmployment(
				firstStart,
				dateOfDay(random.int(dayNumber(firstStart) + 120, dayNumber(today) - 1)),
			);
		} else if (fate < 0.17) {
			addEmployment(firstStart, addDays(today, random.int(10, 80)));
		} else if (fate < 0.21 && dayNumber(today) - dayNumber(firstStart) > 3 * 365) {
			const end1 = addDays(firstStart, random.int(200, 500));
			addEmployment(firstStart, end1);
			addEmployment(addDays(end1, random.int(60, 300)), null);
		} else {
			addEmployment(firstStart, null);
		}
	}
	const createdOn = kind === 'applicant' ? addDays(today, -random.int(5, 60)) : firstStart;
	const startRef = refOf(createdOn);
	const lastEnd = employments.length > 0 ? employments[employments.length - 1].endDate : null;
	const activeUntil = lastEnd !== null && lastEnd < today ? lastEnd : today;
	const futureRef = nextPeriod(company.periodType, current);
	/** A random period between two dates (inclusive), or null when the span is too short. */
	const pastRefBetween = (from: string, to: string): PeriodRange | null =>
		dayNumber(to) - dayNumber(from) < 45
			? null
			: refOf(dateOfDay(random.int(dayNumber(from) + 40, dayNumber(to))));

	// Personal info, with history.
	const personal: PersonalData = {
		BSN: fakeBsn(globalIndex, ctx.bsnScramble),
		Title: null,
		FirstName: firstName,
		Initials: initials,
		Prefix: prefix || null,
		LastName: lastName,
		Nickname: random.chance(0.1) ? firstName.slice(0, 3) : null,
		Gender: gender,
		NationalityCode: 1,
		PlaceOfBirth: random.pick(CITIES).name,
		CountryOfBirthISOCode: 'NL',
		IdentificationNumber: null,
		IdentificationType: 0,
		PartnerPrefix: null,
		PartnerLastName: null,
		TelephonePrivate: null,
		TelephoneWork: random.chance(0.5) ? company.phone : null,
		TelephoneMobilePrivate: mobile(random),
		TelephoneMobileWork: random.chance(0.3) ? mobile(random) : null,
		TelephoneOther: null,
		EmailPrivate: `${mailName}${random.int(1, 99)}@mail.example`,
		EmailWork:
			kind === 'applicant' ? null : `${firstName[0].toLowerCase()}.${slug(lastName)}@${workDomain}`,
		BurgerlijkeStaat: random.pick([1, 1, 2, 2, 3, 4]),
		Naamstelling: 0,
		Birthday: birthday,
		DeceasedDate: null,
		InCaseOfEmergency: random.chance(0.6)
			? `${random.pick([...FEMALE_FIRST_NAMES, ...MALE_FIRST_NAMES])} ${lastName}`
			: null,
		InCaseOfEmergencyPhone: null,
		InCaseOfEmergencyRelation: null,
		TitleAfter: null,
	};
	if (personal.InCaseOfEmergency) {
		personal.InCaseOfEmergencyPhone = mobile(random);
		personal.InCaseOfEmergencyRelation = random.pick([
			'Partner',
			'Moeder',
			'Vader',
			'Zus',
			'Broer',
		]);
	}
	const personalInfo = [
		{
			id: ids.next('record'),
			startYear: startRef.year,
			startPeriod: startRef.period,
			creationDate: stamp(addDays(createdOn, -random.int(1, 20))),
			data: personal,
		},
	];
	const pastChange =
		random.chance(0.35) || forceHistory ? pastRefBetween(createdOn, activeUntil) : null;
	if (pastChange) {
		const changed: PersonalData = { ...personal };
		if (random.chance(0.5)) {
			const [partnerPrefix, partnerLastName] = random.pick(SURNAMES);
			Object.assign(changed, {
				BurgerlijkeStaat: 2,
				PartnerPrefix: partnerPrefix || null,
				PartnerLastName: partnerLastName,
				Naamstelling: 3,
			});
		} else {
			changed.TelephoneMobilePrivate = mobile(random);
			changed.EmailPrivate = `${mailName}@post.example`;
		}
		personalInfo.push({
			id: ids.next('record'),
			startYear: pastChange.year,
			startPeriod: pastChange.period,
			creationDate: stamp(pastChange.start),
			data: changed,
		});
	}
	if (
		(random.chance(0.1) || forceHistory) &&
		kind !== 'applicant' &&
		(lastEnd === null || lastEnd >= today)
	) {
		const base = personalInfo[personalInfo.length - 1].data;
		const changed: PersonalData = {
			...base,
			EmailWork: `${mailName}@${workDomain}`,
			TelephoneMobileWork: mobile(random),
		};
		personalInfo.push({
			id: ids.next('record'),
			startYear: futureRef.year,
			startPeriod: futureRef.period,
			creationDate: stamp(addDays(today, -random.int(1, 12))),
			data: changed,
		});
	}

	// Home address, with moves (one possibly in the future).
	const addresses = [
		{
			id: ids.next('record'),
			startYear: startRef.year,
			startPeriod: startRef.period,
			creationDate: personalInfo[0].creationDate,
			address: fakeAddress(random),
			type: 'HomeAddress' as const,
		},
	];
	const moved = random.chance(0.3) || forceHistory ? pastRefBetween(createdOn, activeUntil) : null;
	if (moved)
		addresses.push({
			id: ids.next('record'),
			startYear: moved.year,
			startPeriod: moved.period,
			creationDate: stamp(moved.start),
			address: fakeAddress(random),
			type: 'HomeAddress',
		});
	if (random.chance(0.05) && lastEnd === null) {
		addresses.push({
			id: ids.next('record'),
			startYear: futureRef.year,
			startPeriod: futureRef.period,
			creationDate: stamp(addDays(today, -random.int(1, 12))),
			address: fakeAddress(random),
			type: 'HomeAddress',
		});
	}

	// Department and function history from a stream of its own, so the rest of the world stays as it was.
	const org = createRandom(hashSeed(ctx.seed, 'org', company.id, indexInCompany));
	const history: AssignmentTimeline = {
		ids,
		refOf,
		start: startRef,
		createdAt: personalInfo[0].creationDate,
		from: createdOn,
		until: activeUntil,
		future:
			kind !== 'applicant' && (lastEnd === null || lastEnd >= today)
				? { ref: futureRef, today, force: forceHistory }
				: null,
		force: forceHistory,
	};
	const employee: Employee = {
		id: ids.next('employee'),
		companyId: company.id,
		number: company.nextEmployeeNumber++,
		kind,
		departments: assignmentHistory(
			org,
			debtor.departments,
			random.pick(debtor.departments).id,
			history,
			0.25,
		),
		functions: assignmentHistory(
			org,
			debtor.functions,
			random.pick(debtor.functions).id,
			history,
			0.3,
		),
		costCenterCode: random.pick(company.costCenters).code,
		personalInfo,
		addresses,
		salaries: [],
		schedules: [],
		bankAccounts: [],
		employments,
		contracts: [],
		absences: [],
	};
	if (kind === 'applicant') return employee;

	// Bank account (IBAN), sometimes switched to another bank.
	const account = (): BankAccountData => {
		const { iban, bic, bank } = fakeIban(random);
		return {
			id: ids.next('record'),
			iban,
			bic,
			bankName: bank.name,
			number: iban.slice(8),
			description: 'Salarisrekening',
			city: null,
			type: 'Standaard',
		};
	};
	employee.bankAccounts.push({
		id: ids.next('record'),
		startYear: startRef.year,
		startPeriod: startRef.period,
		creationDate: personalInfo[0].creationDate,
		accounts: [account()],
	});
	const switched = random.chance(0.1) ? pastRefBetween(createdOn, activeUntil) : null;
	if (switched)
		employee.bankAccounts.push({
			id: ids.next('record'),
			startYear: switched.year,
			startPeriod: switched.period,
			creationDate: stamp(switched.start),
			accounts: [account()],
		});
	if (kind === 'external') return employee;

	// Schedule, sometimes changed.
	const firstSchedule = scheduleFields(random);
	employee.schedules.push({
		id: ids.next('record'),
		startYear: startRef.year,
		startPeriod: startRef.period,
		startDate: startRef.start,
		creationDate: personalInfo[0].creationDate,
		...firstSchedule,
	});
	const rescheduled = random.chance(0.15) ? pastRefBetween(createdOn, activeUntil) : null;
	if (rescheduled)
		employee.schedules.push({
			id: ids.next('record'),
			startYear: rescheduled.year,
			startPeriod: rescheduled.period,
			startDate: rescheduled.start,
			creationDate: stamp(rescheduled.start),
			...scheduleFields(random),
		});

	// Salary: a start salary, a raise every January of recent years, sometimes a future raise.
	const hourly = random.chance(0.15);
	let value = hourly ? random.int(1_450, 2_800) : random.int(2_300, 6_500) * 100;
	if (!hourly && company.periodType === 'Week4') value = Math.round((value * 12) / 13);
	const salaryType = hourly ? ('Bruto_Uurloon' as const) : ('Bruto_Salaris_Fulltime' as const);
	const addSalary = (ref: PeriodRange, creationDate: string) =>
		employee.salaries.push({
			id: ids.next('record'),
			startYear: ref.year,
			startPeriod: ref.period,
			startDate: ref.start,
			creationDate,
			type: salaryType,
			valueCents: value,
		});
	addSalary(startRef, personalInfo[0].creationDate);
	const firstYear = +firstStart.slice(0, 4);
	for (let year = Math.max(firstYear + 1, current.year - 3); year <= current.year; year++) {
		const january = periodRange(company.periodType, year, 1);
		if (january.start > today || (lastEnd !== null && lastEnd < january.start)) continue;
		value = Math.round(value * (1 + random.int(20, 50) / 1000));
		addSalary(january, stamp(addDays(january.start, -random.int(5, 25))));
	}
	for (const employment of employments.slice(1)) {
		value = Math.round(value * 1.03);
		const ref = refOf(employment.startDate);
		addSalary(ref, stamp(addDays(employment.startDate, -7)));
	}
	if ((random.chance(0.15) || forceHistory) && (lastEnd === null || lastEnd >= today)) {
		value = Math.round(value * 1.035);
		const nextJanuary = periodRange(company.periodType, current.year + 1, 1);
		addSalary(
			current.period >= 10
				? nextJanuary
				: futureRef.year === current.year
					? periodRange(company.periodType, futureRef.year, futureRef.period)
					: nextJanuary,
			stamp(addDays(today, -random.int(1, 10))),
		);
	}

	// Contracts per employment: a first year's temporary contract, then an indefinite one.
	employments.forEach((employment, i) => {
		const hours = firstSchedule.hours.slice(0, 7).reduce((a, b) => a + b, 0);
		const contract = (start: string, end: string | null, indefinite: boolean): ContractRecord => ({
			id: ids.next('record'),
			creationDate: stamp(addDays(start, -random.int(2, 20))),
			startDate: start,
			trialPeriod: indefinite ? null : addDays(start, 30),
			endDate: end,
			employmentType: 1,
			employmentSequenceTaxId: i + 1,
			indefinite,
			writtenContract: true,
			hoursPerWeek: hours,
		});
		const temporaryEnd = addDays(employment.startDate, 364);
		const ends = employment.endDate;
		if (random.chance(0.55) && (ends === null || ends > temporaryEnd)) {
			employee.contracts.push(contract(employment.startDate, temporaryEnd, false));
			if (temporaryEnd < today)
				employee.contracts.push(contract(addDays(temporaryEnd, 1), ends, true));
		} else {
			employee.contracts.push(contract(employment.startDate, ends, ends === null));
		}
	});

	// Sick leave now and then.
	if (random.chance(0.2)) {
		const start = dateOfDay(
			random.int(Math.max(dayNumber(firstStart), dayNumber(today) - 700), dayNumber(activeUntil)),
		);
		const ended = random.chance(0.7) ? addDays(start, random.int(2, 30)) : null;
		employee.absences.push({
			id: ids.next('record'),
			comment: random.chance(0.3) ? 'Gemeld bij leidinggevende' : null,
			percentage: random.pick([100, 100, 50]),
			start,
			end: ended !== null && ended < today ? ended : null,
			dossier: random.pick(ABSENCE_DOSSIERS),
			dossierNumber: random.int(1, 3),
		});
	}
	return employee;
}

/** Runs made automatically: the regular run of a period, two days after it starts (or now, if earlier). */
export function regularRun(world: World, company: Company, ref: PeriodRef): Run {
	const range = periodRange(company.periodType, ref.year, ref.period);
	const planned = dateTimeOf(addDays(range.start, 2), '09:00:00');
	const now = world.clock.now();
	return {
		id: world.nextIds.run++,
		companyId: company.id,
		number: 1,
		year: ref.year,
		period: ref.period,
		description: runDescription(company, ref, 1),
		runAt: planned < now ? planned : now,
		isLocked: false,
	};
}

const MONTHS = [
	'januari',
	'februari',
	'maart',
	'april',
	'mei',
	'juni',
	'juli',
	'augustus',
	'september',
	'oktober',
	'november',
	'december',
];

export function runDescription(company: Company, ref: PeriodRef, number: number): string {
	const when =
		company.periodType === 'Month'
			? `${MONTHS[ref.period - 1]} ${ref.year}`
			: `periode ${ref.period} ${ref.year}`;
	return number === 1 ? `Verloning ${when}` : `Extra verloning ${number - 1} ${when}`;
}

/** Opens a period: its regular run and its (open) declaration. Used at build time and by advanceClock. */
export function openPeriod(world: World, company: Company, ref: PeriodRef): void {
	const run = regularRun(world, company, ref);
	addRun(world, run);
	addOpenDeclaration(world, company, ref, null, run.runAt);
}

/** A new open declaration filed in `ref` (for a correction: of the earlier period it corrects). */
function addOpenDeclaration(
	world: World,
	company: Company,
	ref: PeriodRef,
	correction: Declaration['correction'],
	createdAt: string,
): void {
	const range = periodRange(company.periodType, ref.year, ref.period);
	const serialNumber = nextSerialNumber(world, company.id, ref.year);
	addDeclaration(world, {
		id: world.nextIds.declaration++,
		companyId: company.id,
		serialNumber,
		year: ref.year,
		period: ref.period,
		status: DECLARATION_STATUSES.open,
		sentAt: null,
		tijdvakStart: range.start,
		tijdvakEnd: range.end,
		paymentReference: paymentReference(company, ref, serialNumber),
		correction,
		createdAt,
	});
}

/** Declarations are numbered per company and year (volgnummer). */
export function nextSerialNumber(world: World, companyId: number, year: number): number {
	return declarationsOfCompany(world, companyId).filter((d) => d.year === year).length + 1;
}

function paymentReference(company: Company, ref: PeriodRef, serial: number): string {
	return `${company.payrollTaxNumber.slice(0, 9)}${String(ref.year).slice(-2)}${String(ref.period).padStart(2, '0')}${String(serial).padStart(3, '0')}`;
}

export function buildWorld(seed: number, now: string, shape: WorldShape, origin: string): World {
	const data: WorldData = {
		seed,
		origin,
		users: [],
		debtors: [],
		companies: [],
		employees: [],
		runs: [],
		declarations: [],
		records: {},
		nextIds: { employee: 600_001, run: 90_001, declaration: 700_001, record: 1_000_001 },
		revision: 0,
	};
	const world: World = { ...data, clock: new WorldClock(now) };
	const ids = new Ids(world.nextIds);
	world.debtors = Array.from({ length: shape.debtorCount }, (_, i) => makeDebtor(seed, i, ids));
	world.users = demoUsers(world.debtors);
	const perDebtor = new Map<number, number>();
	const today = now.slice(0, 10);
	const bsnScramble = hashSeed(seed, 'bsn') % 1_000_000;
	let globalIndex = 0;
	shape.companies.forEach((spec, index) => {
		const debtor = world.debtors[spec.debtorIndex];
		const ofDebtor = perDebtor.get(debtor.id) ?? 0;
		perDebtor.set(debtor.id, ofDebtor + 1);
		const company = makeCompany(seed, index, debtor, ofDebtor, ids);
		world.companies.push(company);
		const ctx: EmployeeContext = { seed, today, company, debtor, ids, bsnScramble };
		for (let i = 0; i < spec.employees; i++)
			world.employees.push(makeEmployee(ctx, i, globalIndex++));
	});
	for (const company of world.companies) buildPayrollHistory(world, company);
	seedRecords(world);
	seedLeave(world);
	return world;
}

/** Runs and declarations from January of last year up to the current period, with statuses as of now. */
function buildPayrollHistory(world: World, company: Company): void {
	const random = createRandom(hashSeed(world.seed, 'payroll-history', company.id));
	const now = world.clock.now();
	const today = now.slice(0, 10);
	const current = periodOf(company.periodType, today);
	const periods = periodsBetween(
		company.periodType,
		{ year: current.year - 1, period: 1 },
		current,
	);
	const correctionAt = random.chance(0.35) ? random.int(3, Math.max(3, periods.length - 3)) : -1;
	periods.forEach((ref, i) => {
		openPeriod(world, company, ref);
		const range = periodRange(company.periodType, ref.year, ref.period);
		const isPast = range.end < today;
		if (isPast && random.chance(0.08)) {
			addRun(world, {
				id: world.nextIds.run++,
				companyId: company.id,
				number: 2,
				year: ref.year,
				period: ref.period,
				description: runDescription(company, ref, 2),
				runAt: dateTimeOf(addDays(range.end, -2), '15:30:00'),
				isLocked: false,
			});
		}
		if (i === correctionAt && i >= 2) {
			// A correction filed in this period for an earlier one (the corrected amounts: documents.ts).
			const corrected = periods[i - random.int(1, 2)];
			const correctedRange = periodRange(company.periodType, corrected.year, corrected.period);
			addOpenDeclaration(
				world,
				company,
				ref,
				{
					year: corrected.year,
					period: corrected.period,
					start: correctedRange.start,
					end: correctedRange.end,
				},
				dateTimeOf(addDays(range.start, 5), '11:00:00'),
			);
		}
	});
	settleToNow(world, company);
}

/** Locks the runs of ended periods and gives declarations the status their timeline says for now. */
function settleToNow(world: World, company: Company): void {
	const now = world.clock.now();
	const today = now.slice(0, 10);
	for (const run of runsOfCompany(world, company.id)) {
		if (periodRange(company.periodType, run.year, run.period).end < today) run.isLocked = true;
	}
	for (const declaration of declarationsOfCompany(world, company.id)) {
		declaration.status = automaticStatusAt(declaration.tijdvakEnd, now);
		if (SENT_STATUSES.has(declaration.status))
			declaration.sentAt = declarationTimeline(declaration.tijdvakEnd).sent;
	}
}
