/** World records as the catalogue's types (loose: shapeResult fills in and checks the rest). */
import { MARITAL_STATUSES, NAME_USES } from '../world/dutchData';
import { displayName } from '../world/documents';
import type {
	AbsenceRecord,
	BankAccountData,
	Company,
	ContractRecord,
	Employee,
	EmploymentRecord,
	PersonalData,
	PersonalInfoVersion,
	SalaryVersion,
	ScheduleVersion,
} from '../world/model';
import type { Loose } from './shape';

export type Row = { [field: string]: Loose };

export function companyRecord(company: Company): Row {
	return {
		ID: company.id,
		Number: company.number,
		Name: company.name,
		PhoneNumber: company.phone,
		FaxNumber: null,
		Email: company.email,
		Website: company.website,
		LoonaangifteTijdvak: company.periodType,
		KvkNr: company.kvkNumber,
	};
}

export function addressRecord(address: Company['address']): Row {
	return {
		Id: address.id,
		Default: true,
		Street: address.street,
		HouseNumber: address.houseNumber,
		HouseNumberAddition: address.houseNumberAddition,
		PostalCode: address.postalCode,
		City: address.city,
		StateProvince: null,
		CountryISOCode: address.countryIsoCode,
	};
}

export function employeeListItem(employee: Employee, person: PersonalData | null): Row {
	return { Id: employee.id, Number: employee.number, DisplayName: displayName(person) };
}

/** PersonalInfo (single-record calls): marital status and name use as text. */
export function personalInfoRecord(employee: Employee, version: PersonalInfoVersion): Row {
	const data = version.data;
	return {
		Id: employee.id,
		Number: employee.number,
		DisplayName: displayName(data),
		EmployeeNumber: employee.number,
		...data,
		BurgerlijkeStaat:
			data.BurgerlijkeStaat === null ? null : (MARITAL_STATUSES[data.BurgerlijkeStaat] ?? null),
		Naamstelling: data.Naamstelling === null ? null : (NAME_USES[data.Naamstelling] ?? null),
		CreationDate: version.creationDate,
	};
}

/** PersonalInfo_V2 (batch calls): one version with its start period; codes as ints. */
export function personalInfoV2Record(
	employee: Employee,
	version: PersonalInfoVersion,
	withBsn: boolean,
): Row {
	const data = version.data;
	return {
		Id: version.id,
		DisplayName: displayName(data),
		EmployeeNumber: employee.number,
		...data,
		BSN: withBsn ? data.BSN : null,
		Gender: data.Gender ?? 'undefined',
		NationalityCode: data.NationalityCode ?? 0,
		BurgerlijkeStaat: data.BurgerlijkeStaat ?? 0,
		Naamstelling: data.Naamstelling ?? 0,
		CreationDate: version.creationDate,
		StartPeriod: version.startPeriod,
		StartYear: version.startYear,
	};
}

/** Text or code (as a string) to the code; unknown text becomes null, as a field Nmbrs cannot read. */
export function codeOf(list: readonly string[], value: unknown): number | null {
	if (typeof value === 'number') return value;
	if (typeof value !== 'string' || value.trim() === '') return null;
	if (/^\d+$/.test(value.trim())) return Number(value.trim());
	const index = list.findIndex((item) => item.toLowerCase() === value.trim().toLowerCase());
	return index >= 0 ? index : null;
}

/** A PersonalInfo from a request, as stored: every field it leaves out becomes null (update replaces). */
export function personalDataFromRequest(input: Record<string, unknown>): PersonalData {
	const text = (name: string): string | null =>
		typeof input[name] === 'string' ? (input[name] as string) : null;
	const gender = input.Gender;
	return {
		BSN: text('BSN'),
		Title: text('Title'),
		FirstName: text('FirstName'),
		Initials: text('Initials'),
		Prefix: text('Prefix'),
		LastName: text('LastName'),
		Nickname: text('Nickname'),
		Gender: gender === 'male' || gender === 'female' || gender === 'undefined' ? gender : null,
		NationalityCode: typeof input.NationalityCode === 'number' ? input.NationalityCode : null,
		PlaceOfBirth: text('PlaceOfBirth'),
		CountryOfBirthISOCode: text('CountryOfBirthISOCode'),
		IdentificationNumber: text('IdentificationNumber'),
		IdentificationType: typeof input.IdentificationType === 'number' ? input.IdentificationType : 0,
		PartnerPrefix: text('PartnerPrefix'),
		PartnerLastName: text('PartnerLastName'),
		TelephonePrivate: text('TelephonePrivate'),
		TelephoneWork: text('TelephoneWork'),
		TelephoneMobilePrivate: text('TelephoneMobilePrivate'),
		TelephoneMobileWork: text('TelephoneMobileWork'),
		TelephoneOther: text('TelephoneOther'),
		EmailPrivate: text('EmailPrivate'),
		EmailWork: text('EmailWork'),
		BurgerlijkeStaat: codeOf(MARITAL_STATUSES, input.BurgerlijkeStaat),
		Naamstelling: codeOf(NAME_USES, input.Naamstelling),
		Birthday: text('Birthday')?.slice(0, 10) ?? null,
		DeceasedDate: text('DeceasedDate')?.slice(0, 10) ?? null,
		InCaseOfEmergency: text('InCaseOfEmergency'),
		InCaseOfEmergencyPhone: text('InCaseOfEmergencyPhone'),
		InCaseOfEmergencyRelation: text('InCaseOfEmergencyRelation'),
		TitleAfter: text('TitleAfter'),
	};
}

export function salaryRecord(version: SalaryVersion): Row {
	return {
		Value: version.valueCents / 100,
		Type: version.type,
		SalaryTable: null,
		StartDate: version.startDate,
		ID: version.id,
		CreationDate: version.creationDate,
	};
}

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export function scheduleV2Record(version: ScheduleVersion): Row {
	const row: Row = { Id: version.id };
	DAYS.forEach((day, i) => (row[`Hours${day}`] = version.hours[i]));
	DAYS.forEach((day, i) => (row[`Hours${day}2`] = version.hours[7 + i]));
	return {
		...row,
		ParttimePercentage: version.parttimePercentage,
		StartDate: version.startDate,
		CreationDate: version.creationDate,
	};
}

export function bankAccountRecord(account: BankAccountData, holder: string): Row {
	return {
		Id: account.id,
		Number: account.number,
		Description: account.description,
		IBAN: account.iban,
		BIC: account.bic,
		City: account.city,
		Name: holder,
		Type: account.type,
	};
}

export function contractRecord(contract: ContractRecord): Row {
	return {
		ContractID: contract.id,
		CreationDate: contract.creationDate,
		StartDate: contract.startDate,
		TrialPeriod: contract.trialPeriod,
		EndDate: contract.endDate,
		EmployementType: contract.employmentType,
		EmploymentSequenceTaxId: contract.employmentSequenceTaxId,
		Indefinite: contract.indefinite,
		PhaseClassification: null,
		WrittenContract: contract.writtenContract,
		HoursPerWeek: contract.hoursPerWeek,
	};
}

export function employmentRecord(employment: EmploymentRecord): Row {
	return {
		EmploymentId: employment.id,
		CreationDate: employment.creationDate,
		StartDate: employment.startDate,
		EndDate: employment.endDate,
		InitialStartDate: employment.initialStartDate,
	};
}

export function absenceRecord(absence: AbsenceRecord): Row {
	return {
		AbsenceId: absence.id,
		Comment: absence.comment,
		Percentage: absence.percentage,
		Start: absence.start,
		RegistrationStartDate: absence.start,
		End: absence.end,
		RegistrationEndDate: absence.end,
		Dossier: absence.dossier,
		Dossiernr: absence.dossierNumber,
	};
}
