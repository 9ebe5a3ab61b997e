/** EmployeeService: employees, their period-versioned data, writes, and the annual statement. */
import {
	comparePeriods,
	periodOf,
	periodRange,
	periodString,
	type PeriodRef,
} from '../world/calendar';
import { annualStatementPdf } from '../world/documents';
import {
	chronological,
	EMPLOYEE_TYPES,
	employeeTypeOn,
	personAt,
	versionAt,
} from '../world/history';
import type {
	AddressData,
	AddressType,
	AddressVersion,
	Company,
	Debtor,
	Employee,
	EmulatorUser,
	PersonalInfoVersion,
	ScheduleVersion,
	VersionStart,
} from '../world/model';
import { userSeesDebtor } from '../world/users';
import { addEmployee, employeesOfCompany, findDebtor, touch, type World } from '../world/world';
import {
	NmbrsFault,
	requireCompany,
	requireDebtor,
	requireEmployee,
	requirePeriod,
	requireUnprotected,
} from './faults';
import { bool, handler, int, obj, str, type OperationHandler, type Params } from './params';
import type { Row } from './records';
import type { Loose } from './shape';
import {
	absenceRecord,
	addressV2Records,
	assignmentV2Records,
	bankAccountRecord,
	contractRecord,
	employeeListItem,
	employmentRecord,
	personalDataFromRequest,
	personalInfoRecord,
	personalInfoV2Record,
	salaryRecord,
	salaryV2Record,
	scheduleV2Record,
} from './records';

function today(world: World): string {
	return world.clock.now().slice(0, 10);
}

function currentRef(world: World, company: Company): PeriodRef {
	return periodOf(company.periodType, today(world));
}

/** Employee + company + the period asked for (Period/Year checked against the company: 2006). */
function employeeAt(world: World, user: EmulatorUser, params: Params) {
	const { employee, company } = requireEmployee(world, user, int(params, 'EmployeeId'));
	return {
		employee,
		company,
		ref: requirePeriod(company, int(params, 'Period'), int(params, 'Year')),
	};
}

function currentEmployee(world: World, user: EmulatorUser, params: Params, idName = 'EmployeeId') {
	const { employee, company } = requireEmployee(world, user, int(params, idName));
	return { employee, company, ref: currentRef(world, company) };
}

function listOfType(world: World, companies: Company[], employeeType: number) {
	const date = today(world);
	return companies.flatMap((company) =>
		employeesOfCompany(world, company.id)
			.filter((e) => employeeTypeOn(e, date) === employeeType)
			.map((e) => employeeListItem(e, personAt(e, currentRef(world, company)))),
	);
}

/** Batch calls: one item per employee of the company, each with its whole history. */
function perEmployee(
	world: World,
	user: EmulatorUser,
	params: Params,
	listName: string,
	items: (employee: Employee, company: Company) => unknown[],
) {
	const company = requireCompany(world, user, int(params, 'CompanyID'));
	return employeesOfCompany(world, company.id).map((employee) => ({
		EmployeeId: employee.id,
		[listName]: items(employee, company) as never,
	}));
}

function debtorOf(world: World, company: Company): Debtor {
	const debtor = findDebtor(world, company.debtorId);
	if (!debtor) throw new Error(`the world has no debtor ${company.debtorId}`);
	return debtor;
}

function bankAccountsAt(employee: Employee, ref: PeriodRef) {
	const person = personAt(employee, ref);
	const holder =
		`${person?.Initials ?? ''} ${[person?.Prefix, person?.LastName].filter((p) => p).join(' ')}`.trim();
	return (versionAt(employee.bankAccounts, ref)?.accounts ?? []).map((account) =>
		bankAccountRecord(account, holder),
	);
}

/** The period a date falls in, for writes that name a start date (Schedule_Update). */
function periodOfDate(company: Company, params: Params, name: string): PeriodRef {
	const date = str(params, name);
	if (date === null || !/^\d{4}-\d{2}-\d{2}/.test(date))
		throw new NmbrsFault(2030, `Invalid set of values: ${name} is not a date`);
	const { year, period } = periodOf(company.periodType, date.slice(0, 10));
	return { year, period };
}

/** A schedule as the Schedule type shows it (two weeks of hours, part-time %, start). */
function scheduleRecord(version: ScheduleVersion): Row {
	const { Id: _id, CreationDate: _created, ...row } = scheduleV2Record(version);
	return row;
}

/**
 * Writes a schedule valid from `ref`: a version starting in that period is replaced, else a new
 * one starts there (later versions stay). Past periods are protected (2011).
 */
function writeSchedule(
	world: World,
	company: Company,
	employee: Employee,
	ref: PeriodRef,
	input: Record<string, unknown> | null,
): void {
	if (!input) throw new NmbrsFault(2030, 'Invalid set of values: Schedule is missing');
	requireUnprotected(world, company, ref, false);
	const hours = [
		...DAY_NAMES.map((day) => Number(input[`Hours${day}`] ?? 0)),
		...DAY_NAMES.map((day) => Number(input[`Hours${day}2`] ?? 0)),
	];
	if (hours.some((h) => !Number.isFinite(h) || h < 0 || h > 24))
		throw new NmbrsFault(2030, 'Invalid set of values: hours per day must be 0 to 24');
	const version: ScheduleVersion = {
		id: world.nextIds.record++,
		startYear: ref.year,
		startPeriod: ref.period,
		creationDate: world.clock.now(),
		startDate: periodRange(company.periodType, ref.year, ref.period).start,
		hours,
		parttimePercentage: Number(input.ParttimePercentage ?? 0),
	};
	employee.schedules = [
		...employee.schedules.filter((v) => v.startYear !== ref.year || v.startPeriod !== ref.period),
		version,
	];
	touch(world);
}

const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Each address type's version valid in `ref`, as EmployeeAddress shows it. */
function addressesAt(employee: Employee, ref: PeriodRef): Row[] {
	const types = [...new Set(employee.addresses.map((v) => v.type))];
	return types.flatMap((type) => {
		const version = versionAt(
			employee.addresses.filter((v) => v.type === type),
			ref,
		);
		return version ? [employeeAddressRecord(version)] : [];
	});
}

function employeeAddressRecord(version: AddressVersion): Row {
	return {
		Id: version.id,
		Default: version.type === 'HomeAddress',
		Street: version.address.street,
		HouseNumber: version.address.houseNumber,
		HouseNumberAddition: version.address.houseNumberAddition,
		PostalCode: version.address.postalCode,
		City: version.address.city,
		StateProvince: null,
		CountryISOCode: version.address.countryIsoCode,
		Type: version.type,
	};
}

/** The address a request gives; street, number, postal code and city are required (2030). */
function addressFromRequest(input: Record<string, unknown> | null): {
	address: AddressData;
	type: AddressType;
} {
	if (!input) throw new NmbrsFault(2030, 'Invalid set of values: Address is missing');
	const text = (name: string) => {
		const value = input[name];
		return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
	};
	const street = text('Street');
	const houseNumber = text('HouseNumber');
	const postalCode = text('PostalCode');
	const city = text('City');
	if (!street || !houseNumber || !postalCode || !city)
		throw new NmbrsFault(
			2030,
			'Invalid set of values: an address needs Street, HouseNumber, PostalCode and City',
		);
	return {
		address: {
			street,
			houseNumber,
			houseNumberAddition: text('HouseNumberAddition'),
			postalCode,
			city,
			countryIsoCode: text('CountryISOCode') ?? 'NL',
		},
		type: (text('Type') as AddressType | null) ?? 'HomeAddress',
	};
}

function insertAddress(
	world: World,
	company: Company,
	employee: Employee,
	ref: PeriodRef,
	input: Record<string, unknown> | null,
	unprotectedMode: boolean,
): number {
	const { address, type } = addressFromRequest(input);
	requireUnprotected(world, company, ref, unprotectedMode);
	const version: AddressVersion = {
		id: world.nextIds.record++,
		startYear: ref.year,
		startPeriod: ref.period,
		creationDate: world.clock.now(),
		address,
		type,
	};
	employee.addresses.push(version);
	touch(world);
	return version.id;
}

/** The fields of the v2.1 contract types (the v3 EmployeeContract has more). */
const CONTRACT_V2_FIELDS = [
	'ContractID',
	'StartDate',
	'TrialPeriod',
	'EndDate',
	'EmployementType',
	'EmploymentSequenceTaxId',
	'Indefinite',
	'PhaseClassification',
];
const EMPLOYEE_CONTRACT_FIELDS = [
	'ContractID',
	'CreationDate',
	'StartDate',
	'TrialPeriod',
	'EndDate',
	'EmployementType',
	'EmploymentSequenceTaxId',
	'Indefinite',
];

function only(row: Row, fields: readonly string[]): Row {
	return Object.fromEntries(fields.filter((f) => f in row).map((f) => [f, row[f]]));
}

/** A contract from a request: a start date is required, an end not before it (2030). */
function insertContract(
	world: World,
	company: Company,
	employee: Employee,
	input: Record<string, unknown> | null,
	unprotectedMode: boolean,
): number {
	const date = (name: string) => {
		const value = input?.[name];
		return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)
			? value.slice(0, 10)
			: null;
	};
	const startDate = date('StartDate');
	if (!input || startDate === null)
		throw new NmbrsFault(2030, 'Invalid set of values: a contract needs a StartDate');
	const endDate = date('EndDate');
	if (endDate !== null && endDate < startDate)
		throw new NmbrsFault(2030, 'Invalid set of values: the contract ends before it starts');
	const { year, period } = periodOf(company.periodType, startDate);
	requireUnprotected(world, company, { year, period }, unprotectedMode);
	const contract = {
		id: world.nextIds.record++,
		creationDate: world.clock.now(),
		startDate,
		trialPeriod: date('TrialPeriod'),
		endDate,
		employmentType: Number(input.EmployementType ?? 1),
		employmentSequenceTaxId: Number(input.EmploymentSequenceTaxId ?? 1),
		indefinite: input.Indefinite === true || endDate === null,
		writtenContract: true,
		hoursPerWeek: 0,
	};
	employee.contracts.push(contract);
	touch(world);
	return contract.id;
}

/**
 * An employee's records of one kind in a period: `current` reads the company's current period,
 * `inPeriod` the Period and Year given (checked against the company: 2006).
 */
function periodReads(
	current: string,
	inPeriod: string,
	read: (employee: Employee, ref: PeriodRef) => Loose,
): Array<[string, OperationHandler]> {
	return [
		handler(`EmployeeService.${current}`, (world, { user, params }) => {
			const { employee, ref } = currentEmployee(world, user, params);
			return read(employee, ref);
		}),
		handler(`EmployeeService.${inPeriod}`, (world, { user, params }) => {
			const { employee, ref } = employeeAt(world, user, params);
			return read(employee, ref);
		}),
	];
}

/** The version of a kind valid in the period, as a record; null when there is none. */
function versionIn<V extends VersionStart>(
	versionsOf: (employee: Employee) => V[],
	toRecord: (version: V) => Row,
): (employee: Employee, ref: PeriodRef) => Row | null {
	return (employee, ref) => {
		const version = versionAt(versionsOf(employee), ref);
		return version ? toRecord(version) : null;
	};
}

/**
 * Writes personal info valid from `ref`: the request REPLACES the record (whatever it leaves out
 * becomes null, as in Nmbrs). A version starting in that very period is overwritten; otherwise a
 * new version starts there. Later (future-dated) versions stay as they are.
 */
function writePersonalInfo(
	world: World,
	employee: Employee,
	ref: PeriodRef,
	input: Record<string, unknown> | null,
): void {
	if (!input) throw new NmbrsFault(2030, 'Invalid set of values: PersonalInfo is missing');
	const data = personalDataFromRequest(input);
	const existing = employee.personalInfo.find(
		(v) => v.startYear === ref.year && v.startPeriod === ref.period,
	);
	if (existing) {
		existing.data = data;
		existing.creationDate = world.clock.now();
	} else {
		const version: PersonalInfoVersion = {
			id: world.nextIds.record++,
			startYear: ref.year,
			startPeriod: ref.period,
			creationDate: world.clock.now(),
			data,
		};
		employee.personalInfo.push(version);
	}
	touch(world);
}

/** Salary per template for Employee_InsertBasedOnDefault (our choice; Nmbrs templates are set up per company). */
const TEMPLATE_SALARIES: Record<
	string,
	{ type: 'Bruto_Salaris_Fulltime' | 'Bruto_Uurloon'; monthlyCents: number; hours: number[] }
> = {
	'Standaard werknemer': {
		type: 'Bruto_Salaris_Fulltime',
		monthlyCents: 250_000,
		hours: [8, 8, 8, 8, 8, 0, 0],
	},
	'Oproepkracht (0-urencontract)': {
		type: 'Bruto_Uurloon',
		monthlyCents: 1_440,
		hours: [0, 0, 0, 0, 0, 0, 0],
	},
	Stagiair: { type: 'Bruto_Salaris_Fulltime', monthlyCents: 60_000, hours: [8, 8, 8, 8, 0, 0, 0] },
};

function insertBasedOnDefault(world: World, user: EmulatorUser, params: Params): number {
	const company = requireCompany(world, user, int(params, 'CompanyId'));
	const templateId = str(params, 'DefaultEmployeeTemplate');
	const template =
		templateId === null
			? company.defaultEmployeeTemplates[0]
			: company.defaultEmployeeTemplates.find(
					(t) => t.id.toLowerCase() === templateId.toLowerCase(),
				);
	if (!template)
		throw new NmbrsFault(
			2046,
			`Not found: company ${company.id} has no default employee template ${templateId}`,
		);
	const employment = obj(params, 'employment');
	const current = periodRange(
		company.periodType,
		currentRef(world, company).year,
		currentRef(world, company).period,
	);
	const startDate =
		typeof employment?.StartDate === 'string' && !employment.StartDate.startsWith('0001-')
			? employment.StartDate.slice(0, 10)
			: current.start;
	const start = periodOf(company.periodType, startDate);
	requireUnprotected(world, company, start, bool(params, 'UnprotectedMode'));
	const now = world.clock.now();
	const id = world.nextIds.employee++;
	const record = () => world.nextIds.record++;
	const salary =
		TEMPLATE_SALARIES[template.description] ?? TEMPLATE_SALARIES['Standaard werknemer'];
	const weekly = salary.hours.reduce((a, b) => a + b, 0);
	const data = personalDataFromRequest({
		FirstName: str(params, 'FirstName'),
		LastName: str(params, 'LastName'),
	});
	const employee: Employee = {
		id,
		companyId: company.id,
		number: company.nextEmployeeNumber++,
		kind: 'payroll',
		departments: [],
		functions: [],
		costCenterCode: company.costCenters[0]?.code ?? '100',
		personalInfo: [
			{
				id: record(),
				startYear: start.year,
				startPeriod: start.period,
				creationDate: now,
				data: { ...data, Initials: data.FirstName ? `${data.FirstName[0]}.` : null },
			},
		],
		addresses: [],
		salaries: [
			{
				id: record(),
				startYear: start.year,
				startPeriod: start.period,
				startDate: start.start,
				creationDate: now,
				type: salary.type,
				valueCents: salary.monthlyCents,
			},
		],
		schedules: [
			{
				id: record(),
				startYear: start.year,
				startPeriod: start.period,
				startDate: start.start,
				creationDate: now,
				hours: [...salary.hours, ...salary.hours],
				parttimePercentage: Math.round((weekly / 40) * 10_000) / 100,
			},
		],
		bankAccounts: [],
		employments: [
			{
				id: record(),
				creationDate: now,
				startDate,
				endDate: typeof employment?.EndDate === 'string' ? employment.EndDate.slice(0, 10) : null,
				initialStartDate: startDate,
			},
		],
		contracts: [],
		absences: [],
	};
	addEmployee(world, employee);
	touch(world);
	return id;
}

export const employeeHandlers: Array<[string, OperationHandler]> = [
	handler('EmployeeService.List_GetByCompany', (world, { user, params }) =>
		listOfType(
			world,
			[requireCompany(world, user, int(params, 'CompanyId'))],
			int(params, 'EmployeeType'),
		),
	),
	handler('EmployeeService.List_GetByDebtor', (world, { user, params }) => {
		const debtor = requireDebtor(world, user, int(params, 'DebtorId'));
		return listOfType(
			world,
			world.companies.filter((c) => c.debtorId === debtor.id && userSeesDebtor(user, c.debtorId)),
			int(params, 'EmployeeType'),
		);
	}),
	handler('EmployeeService.EmployeeType_GetList', () =>
		EMPLOYEE_TYPES.map((t) => ({ Id: t.id, Description: t.description })),
	),
	handler('EmployeeService.Employee_GetCurrent', (world, { user, params }) => {
		const { company, ref } = currentEmployee(world, user, params);
		return periodString(company.periodType, ref);
	}),
	handler('EmployeeService.PersonalInfo_GetCurrent', (world, { user, params }) => {
		const { employee, ref } = currentEmployee(world, user, params);
		const version = versionAt(employee.personalInfo, ref);
		return version ? personalInfoRecord(employee, version) : null;
	}),
	handler('EmployeeService.PersonalInfo_Get', (world, { user, params }) => {
		const { employee, ref } = employeeAt(world, user, params);
		const version = versionAt(employee.personalInfo, ref);
		return version ? personalInfoRecord(employee, version) : null;
	}),
	handler('EmployeeService.PersonalInfo_UpdateCurrent', (world, { user, params }) => {
		const { employee, ref } = currentEmployee(world, user, params);
		const input = obj(params, 'PersonalInfo');
		writePersonalInfo(world, employee, ref, input);
		// The employee number is the employee's, not a period's: an update that gives one sets it
		// (our reading of PersonalInfo.EmployeeNumber; Nmbrs' insert calls take none).
		const number = input?.EmployeeNumber;
		if (typeof number === 'number' && Number.isInteger(number) && number > 0) {
			employee.number = number;
		}
		return undefined;
	}),
	handler('EmployeeService.PersonalInfo_Update', (world, { user, params }) => {
		const { employee, company, ref } = employeeAt(world, user, params);
		// No UnprotectedMode parameter on this call: a period before the current one is always protected.
		requireUnprotected(world, company, ref, false);
		writePersonalInfo(world, employee, ref, obj(params, 'PersonalInfo'));
		return undefined;
	}),
	handler('EmployeeService.PersonalInfo_GetAll_AllEmployeesByCompany', (world, { user, params }) =>
		perEmployee(world, user, params, 'EmployeePersonalInfos', (e) =>
			chronological(e.personalInfo).map((v) => personalInfoV2Record(e, v, true)),
		),
	),
	handler(
		'EmployeeService.PersonalInfoWithoutBSN_Get_GetAllEmployeesByCompany',
		(world, { user, params }) =>
			perEmployee(world, user, params, 'EmployeePersonalInfos', (e) =>
				chronological(e.personalInfo).map((v) => personalInfoV2Record(e, v, false)),
			),
	),
	handler('EmployeeService.Employee_InsertBasedOnDefault', (world, { user, params }) =>
		insertBasedOnDefault(world, user, params),
	),
	handler('EmployeeService.Contract_GetAll', (world, { user, params }) =>
		requireEmployee(world, user, int(params, 'EmployeeId')).employee.contracts.map(contractRecord),
	),
	handler('EmployeeService.Contract_GetAll_v2', (world, { user, params }) =>
		requireEmployee(world, user, int(params, 'EmployeeId')).employee.contracts.map((c) =>
			only(contractRecord(c), CONTRACT_V2_FIELDS),
		),
	),
	handler('EmployeeService.Contract_GetCurrentPeriod', (world, { user, params }) => {
		const { employee, company, ref } = currentEmployee(world, user, params);
		const range = periodRange(company.periodType, ref.year, ref.period);
		return {
			EmployeeId: employee.id,
			EmployeeContracts: employee.contracts
				.filter((c) => c.startDate <= range.end && (c.endDate === null || c.endDate >= range.start))
				.map((c) => only(contractRecord(c), EMPLOYEE_CONTRACT_FIELDS)),
		};
	}),
	handler('EmployeeService.Contract_Insert_v2', (world, { user, params }) => {
		const { employee, company } = requireEmployee(world, user, int(params, 'EmployeeId'));
		return insertContract(
			world,
			company,
			employee,
			obj(params, 'Contract'),
			bool(params, 'UnprotectedMode'),
		);
	}),
	handler('EmployeeService.Contract_InsertCurrentPeriod_v2', (world, { user, params }) => {
		const { employee, company } = requireEmployee(world, user, int(params, 'EmployeeID'));
		return insertContract(world, company, employee, obj(params, 'Contract'), false);
	}),
	handler('EmployeeService.Contract_Delete', (world, { user, params }) => {
		const { employee } = requireEmployee(world, user, int(params, 'EmployeeId'));
		const id = int(params, 'Id');
		if (!employee.contracts.some((c) => c.id === id))
			throw new NmbrsFault(2046, `Not found: employee ${employee.id} has no contract ${id}`);
		employee.contracts = employee.contracts.filter((c) => c.id !== id);
		touch(world);
		return undefined;
	}),
	handler('EmployeeService.Contract_GetAll_AllEmployeesByCompany', (world, { user, params }) =>
		perEmployee(world, user, params, 'EmployeeContracts', (e) => e.contracts.map(contractRecord)),
	),
	handler('EmployeeService.Employment_GetAll_AllEmployeesByCompany', (world, { user, params }) =>
		perEmployee(world, user, params, 'EmployeeEmployments', (e) =>
			e.employments.map(employmentRecord),
		),
	),
	handler('EmployeeService.Department_GetAll_AllEmployeesByCompany', (world, { user, params }) =>
		perEmployee(world, user, params, 'EmployeeDepartments', (e, company) =>
			assignmentV2Records(e.departments, debtorOf(world, company).departments),
		),
	),
	handler('EmployeeService.Function_GetAll_AllEmployeesByCompany', (world, { user, params }) =>
		perEmployee(world, user, params, 'EmployeeFunctions', (e, company) =>
			assignmentV2Records(e.functions, debtorOf(world, company).functions),
		),
	),
	...periodReads(
		'Salary_GetCurrent',
		'Salary_Get',
		versionIn((e) => e.salaries, salaryRecord),
	),
	handler('EmployeeService.Salary_GetAll_AllEmployeesByCompany', (world, { user, params }) =>
		perEmployee(world, user, params, 'EmployeeSalaries', (e) =>
			chronological(e.salaries).map(salaryV2Record),
		),
	),
	...periodReads('BankAccount_GetListCurrent', 'BankAccount_GetList', bankAccountsAt),
	handler('EmployeeService.Address_GetAll_AllEmployeesByCompany', (world, { user, params }) =>
		perEmployee(world, user, params, 'EmployeeAddresses', (e, company) =>
			addressV2Records(company.periodType, e.addresses),
		),
	),
	handler('EmployeeService.Schedule_GetAll_AllEmployeesByCompany', (world, { user, params }) =>
		perEmployee(world, user, params, 'EmployeeSchedules', (e) =>
			chronological(e.schedules).map(scheduleV2Record),
		),
	),
	handler('EmployeeService.Absence_GetAll_AllEmployeesByCompany', (world, { user, params }) => {
		const company = requireCompany(world, user, int(params, 'CompanyId'));
		const year = int(params, 'Year');
		return employeesOfCompany(world, company.id).flatMap((employee) =>
			employee.absences
				.filter(
					(a) => +a.start.slice(0, 4) <= year && (a.end === null || +a.end.slice(0, 4) >= year),
				)
				.map((a) => ({ ...absenceRecord(a), EmployeeId: employee.id })),
		);
	}),
	handler('EmployeeService.SalaryDocuments_GetAnnualStatementPDF', (world, { user, params }) => {
		const { employee } = requireEmployee(world, user, int(params, 'EmployeeID'));
		const year = int(params, 'intYear');
		if (year < 1900 || year > 2100) throw new NmbrsFault(2006, 'Invalid Period');
		return { PDF: annualStatementPdf(world, employee, year) };
	}),
	// Schedules, addresses and salary lists over the employee's versions.
	...periodReads(
		'Schedule_GetCurrent',
		'Schedule_Get',
		versionIn((e) => e.schedules, scheduleRecord),
	),
	handler('EmployeeService.Schedule_GetList', (world, { user, params }) => {
		const { employee, ref } = employeeAt(world, user, params);
		return chronological(employee.schedules)
			.filter((v) => comparePeriods({ year: v.startYear, period: v.startPeriod }, ref) <= 0)
			.map(scheduleRecord);
	}),
	handler('EmployeeService.Schedule_UpdateCurrent', (world, { user, params }) => {
		const { employee, company, ref } = currentEmployee(world, user, params);
		writeSchedule(world, company, employee, ref, obj(params, 'Schedule'));
		return undefined;
	}),
	handler('EmployeeService.Schedule_Update', (world, { user, params }) => {
		const { employee, company } = requireEmployee(world, user, int(params, 'EmployeeId'));
		const ref = periodOfDate(company, params, 'Start');
		writeSchedule(world, company, employee, ref, obj(params, 'Schedule'));
		return undefined;
	}),
	...periodReads('Address_GetListCurrent', 'Address_GetList', addressesAt),
	handler('EmployeeService.Address_InsertCurrent', (world, { user, params }) => {
		const { employee, company, ref } = currentEmployee(world, user, params);
		return insertAddress(world, company, employee, ref, obj(params, 'Address'), false);
	}),
	handler('EmployeeService.Address_Insert', (world, { user, params }) => {
		const { employee, company, ref } = employeeAt(world, user, params);
		return insertAddress(
			world,
			company,
			employee,
			ref,
			obj(params, 'Address'),
			bool(params, 'UnprotectedMode'),
		);
	}),
	handler('EmployeeService.Address_Update', (world, { user, params }) => {
		const { employee } = requireEmployee(world, user, int(params, 'EmployeeId'));
		const input = obj(params, 'Address');
		const version = employee.addresses.find((v) => v.id === Number(input?.Id ?? 0));
		if (!version)
			throw new NmbrsFault(
				2046,
				`Not found: employee ${employee.id} has no address ${String(input?.Id ?? '')}`,
			);
		const { address, type } = addressFromRequest(input);
		// A correction of the record as it is (no period, no UnprotectedMode in the call).
		version.address = address;
		version.type = type;
		touch(world);
		return true;
	}),
	handler('EmployeeService.Address_Delete', (world, { user, params }) => {
		const { employee } = requireEmployee(world, user, int(params, 'EmployeeId'));
		const id = int(params, 'AddressID');
		const before = employee.addresses.length;
		employee.addresses = employee.addresses.filter((v) => v.id !== id);
		if (employee.addresses.length === before) return false;
		touch(world);
		return true;
	}),
	handler('EmployeeService.Salary_GetList', (world, { user, params }) => {
		const { employee, ref } = employeeAt(world, user, params);
		return chronological(employee.salaries)
			.filter((v) => comparePeriods({ year: v.startYear, period: v.startPeriod }, ref) <= 0)
			.map((v) => {
				// The list's Salary type has no v3 ID and CreationDate (Salary_Get's has).
				const { ID: _id, CreationDate: _created, ...row } = salaryRecord(v);
				return row;
			});
	}),
	// Served with the generated (WSDL-only) entry: no curated catalogue entry.
	handler('EmployeeService.Absence_GetList', (world, { user, params }) =>
		requireEmployee(world, user, int(params, 'EmployeeId')).employee.absences.map(absenceRecord),
	),
];
