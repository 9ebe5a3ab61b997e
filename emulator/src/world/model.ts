/**
 * The world's data model: what the emulator knows about debtors, companies, employees, runs and
 * wage tax declarations. Plain data (JSON-safe apart from the clock and the users' Sets, which
 * persistence.ts handles), so a world can be saved and loaded. Money is kept in euro cents.
 *
 * Versioned employee data (personal info, address, salary, schedule, bank accounts, department,
 * function) is a list of versions, each valid from a period (startYear/startPeriod) until the next
 * one starts; versions can lie in the future. "Current" is always picked for a period: see history.ts.
 */
import type { HrRecords } from '../records/hr';
import type { RecordStore } from '../records/store';
import type { StoredKinds } from '../records/storedKinds';
import type { PeriodType } from './calendar';

export interface EmulatorUser {
	email: string;
	token: string;
	/** The tenant subdomain (AuthHeaderWithDomain/Domain). */
	domain: string;
	/** What this login is for, printed by the server at start. */
	label: string;
	/** Debtors this login sees: an accountant master login sees 'all'. */
	debtorIds: number[] | 'all';
	/** The API user template: 'Service.Op' keys switched off (calls answer 1002). */
	disabledOperations: Set<string>;
}

export interface AddressData {
	street: string;
	houseNumber: string;
	houseNumberAddition: string | null;
	postalCode: string;
	city: string;
	countryIsoCode: string;
}

export interface Debtor {
	id: number;
	number: string;
	name: string;
	address: AddressData & { id: number };
	departments: Array<{ id: number; code: number; description: string }>;
	functions: Array<{ id: number; code: number; description: string }>;
	titles: string[];
}

export interface Company {
	id: number;
	debtorId: number;
	number: number;
	name: string;
	periodType: PeriodType;
	kvkNumber: string;
	/** Loonheffingennummer: RSIN + 'L' + 2 digits. */
	payrollTaxNumber: string;
	phone: string;
	email: string;
	website: string | null;
	address: AddressData & { id: number };
	/** The account net salaries are paid from (SEPA debtor account). */
	iban: string;
	bic: string;
	costCenters: Array<{ id: number; code: string; description: string }>;
	defaultEmployeeTemplates: Array<{ id: string; description: string }>;
	nextEmployeeNumber: number;
}

/** When a version becomes valid, and when it was entered. */
export interface VersionStart {
	id: number;
	startYear: number;
	startPeriod: number;
	/** 'YYYY-MM-DDTHH:mm:ss': when the record was made (future versions are made in the past). */
	creationDate: string;
}

/** Personal info fields as the PersonalInfo type names them (Id/Number/DisplayName come from the employee). */
export interface PersonalData {
	BSN: string | null;
	Title: string | null;
	FirstName: string | null;
	Initials: string | null;
	Prefix: string | null;
	LastName: string | null;
	Nickname: string | null;
	Gender: 'male' | 'female' | 'undefined' | null;
	NationalityCode: number | null;
	PlaceOfBirth: string | null;
	CountryOfBirthISOCode: string | null;
	IdentificationNumber: string | null;
	IdentificationType: number;
	PartnerPrefix: string | null;
	PartnerLastName: string | null;
	TelephonePrivate: string | null;
	TelephoneWork: string | null;
	TelephoneMobilePrivate: string | null;
	TelephoneMobileWork: string | null;
	TelephoneOther: string | null;
	EmailPrivate: string | null;
	EmailWork: string | null;
	/** Marital status code (index into MARITAL_STATUSES); PersonalInfo carries its text. */
	BurgerlijkeStaat: number | null;
	/** Name use code (index into NAME_USES); PersonalInfo carries its text. */
	Naamstelling: number | null;
	Birthday: string | null;
	DeceasedDate: string | null;
	InCaseOfEmergency: string | null;
	InCaseOfEmergencyPhone: string | null;
	InCaseOfEmergencyRelation: string | null;
	TitleAfter: string | null;
}

export interface PersonalInfoVersion extends VersionStart {
	data: PersonalData;
}

/** The kinds of address an employee has (the catalogue's AddressType). */
export type AddressType =
	'HomeAddress' | 'PostAddress' | 'AbsenceAddress' | 'HolidaysAddress' | 'WeekendAddress';

/** One version of an address of one type; each type has its own history. */
export interface AddressVersion extends VersionStart {
	address: AddressData;
	type: AddressType;
}

export interface SalaryVersion extends VersionStart {
	/** First day of the start period. */
	startDate: string;
	type: 'Bruto_Salaris_Fulltime' | 'Bruto_Uurloon';
	/** Cents: a full-time salary per period (month or four weeks), or an hourly wage. */
	valueCents: number;
}

export interface ScheduleVersion extends VersionStart {
	startDate: string;
	/** Hours Monday..Sunday of week 1, then of week 2 of the two-week rota. */
	hours: number[];
	parttimePercentage: number;
}

export interface BankAccountData {
	id: number;
	iban: string;
	bic: string;
	bankName: string;
	/** The ten-digit account number inside the IBAN. */
	number: string;
	description: string;
	city: string | null;
	type: 'Standaard' | 'Bankrekening2';
}

export interface BankAccountVersion extends VersionStart {
	accounts: BankAccountData[];
}

/** A department or function the employee holds from a period on. */
export interface AssignmentVersion extends VersionStart {
	/** The debtor's department or function (Debtor.departments / Debtor.functions id). */
	refId: number;
}

export interface EmploymentRecord {
	id: number;
	creationDate: string;
	startDate: string;
	endDate: string | null;
	initialStartDate: string;
	/** Why it ended (Service_StopCurrent's EndServiceReasonId). */
	endReason?: string;
}

export interface ContractRecord {
	id: number;
	creationDate: string;
	startDate: string;
	trialPeriod: string | null;
	endDate: string | null;
	/** EmployementType (sic): 1 = fixed hours. Our guess at the code list. */
	employmentType: number;
	/** The income relationship number (inkomstenverhouding) the declaration reports under. */
	employmentSequenceTaxId: number;
	indefinite: boolean;
	writtenContract: boolean;
	hoursPerWeek: number;
}

export interface AbsenceRecord {
	id: number;
	comment: string | null;
	percentage: number;
	start: string;
	end: string | null;
	dossier: string;
	dossierNumber: number;
}

/** payroll: paid through payroll runs; applicant and external never are. */
export type EmployeeKind = 'payroll' | 'applicant' | 'external';

export interface Employee {
	id: number;
	companyId: number;
	/** Personnel number within the company. */
	number: number;
	kind: EmployeeKind;
	/** Department history (ids from the debtor's departments); versions may lie in the future. */
	departments: AssignmentVersion[];
	/** Function (job title) history (ids from the debtor's functions); versions may lie in the future. */
	functions: AssignmentVersion[];
	costCenterCode: string;
	personalInfo: PersonalInfoVersion[];
	addresses: AddressVersion[];
	salaries: SalaryVersion[];
	schedules: ScheduleVersion[];
	bankAccounts: BankAccountVersion[];
	employments: EmploymentRecord[];
	contracts: ContractRecord[];
	absences: AbsenceRecord[];
}

export interface Run {
	id: number;
	companyId: number;
	/** Run number within the period (1 = the regular run, 2+ = extra/correction runs). */
	number: number;
	year: number;
	period: number;
	description: string;
	runAt: string;
	isLocked: boolean;
	/**
	 * The employees this locked run paid, as they were when the past was first changed after it
	 * locked (documents.ts freezeBeforePastChange); its payslips and documents come from these.
	 */
	frozenEmployees?: Employee[];
}

export interface Declaration {
	id: number;
	companyId: number;
	serialNumber: number;
	/** The period this declaration was filed for (for a correction: the period it was filed in). */
	year: number;
	period: number;
	status: string;
	sentAt: string | null;
	tijdvakStart: string;
	tijdvakEnd: string;
	paymentReference: string;
	/** Set for a correction declaration: the earlier period it corrects. */
	correction: { year: number; period: number; start: string; end: string } | null;
	createdAt: string;
	/** What a locked-or-later declaration reported before the past was changed after it locked (documents.ts). */
	frozen?: { amounts: DeclarationAmounts; xml: string };
}

/** Whole euros, as a loonaangifte reports them (each amount truncated per income relationship). */
/** The amounts a loonaangifte reports, per income relationship and in total. */
export interface DeclarationSums {
	wageForTax: number;
	wageForInsurance: number;
	wageTax: number;
	awf: number;
	aof: number;
	whk: number;
	zvw: number;
}

export interface DeclarationLine extends DeclarationSums {
	employeeId: number;
	incomeRelationship: number;
}

export interface DeclarationAmounts {
	lines: DeclarationLine[];
	collective: DeclarationSums & { totalToPay: number };
}

export interface WebhookSettingRecord {
	id: number;
	name: string;
	/** Always https:// (2044 otherwise). */
	endpoint: string;
	active: boolean;
	/** Each event of WEBHOOK_EVENTS, switched on or off. */
	events: Array<{ eventId: number; active: boolean }>;
}

export interface WorldData {
	seed: number;
	/** How the world was made ('demo', 'scaled', or the file it was loaded from). */
	origin: string;
	users: EmulatorUser[];
	debtors: Debtor[];
	companies: Company[];
	employees: Employee[];
	runs: Run[];
	declarations: Declaration[];
	/** Records kept per employee and period (components, days worked, cost centers): records/store.ts. */
	records?: RecordStore;
	/** Leave, absence causes and partial recoveries (records/hr.ts); a world saved before them has none. */
	hr?: HrRecords;
	/** Kinds kept as their wire fields (children, partner, SVW, lease cars...): records/storedKinds.ts. */
	kinds?: StoredKinds;
	/** Per debtor ID: where Nmbrs posts which events (DebtorService.WebhookSettings_*). */
	webhookSettings?: Record<string, WebhookSettingRecord[]>;
	/** Next free ids (ids are unique per kind across the world, like Nmbrs' database ids). */
	nextIds: { employee: number; run: number; declaration: number; record: number };
	/** Bumped on every write: caches of computed totals key on it. */
	revision: number;
}
