/** EmployeeService: employees, their period-versioned data, writes, and the annual statement. */
import { periodOf, periodRange, periodString, type PeriodRef } from '../world/calendar';
import { annualStatementPdf } from '../world/documents';
import {
	chronological,
	EMPLOYEE_TYPES,
	employeeTypeOn,
	personAt,
	versionAt,
} from '../world/history';
import type { Company, Employee, EmulatorUser, PersonalInfoVersion } from '../world/model';
import { userSeesDebtor } from '../world/users';
import { addEmployee, employeesOfCompany, touch, type World } from '../world/world';
import {
	NmbrsFault,
	requireCompany,
	requireDebtor,
	requireEmployee,
	requirePeriod,
	requireUnprotected,
} from './faults';
import { bool, handler, int, obj, str, type OperationHandler, type Params } from './params';
import type { Loose } from './shape';
import {
	bankAccountRecord,
	employeeListItem,
	employmentRecord,
	personalDataFromRequest,
	personalInfoRecord,
	personalInfoV2Record,
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

function bankAccountsAt(employee: Employee, ref: PeriodRef) {
	const person = personAt(employee, ref);
	const holder =
		`${person?.Initials ?? ''} ${[person?.Prefix, person?.LastName].filter((p) => p).join(' ')}`.trim();
	return (versionAt(employee.bankAccounts, ref)?.accounts ?? []).map((account) =>
		bankAccountRecord(account, holder),
	);
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
	// The same with the company's first template, the start date given directly.
	handler('EmployeeService.Employee_Insert', (world, { user, params }) =>
		insertBasedOnDefault(world, user, {
			...params,
			DefaultEmployeeTemplate: null,
			employment: { StartDate: params.StartDate ?? null },
		}),
	),
	handler('EmployeeService.Employment_GetAll_AllEmployeesByCompany', (world, { user, params }) =>
		perEmployee(world, user, params, 'EmployeeEmployments', (e) =>
			e.employments.map(employmentRecord),
		),
	),
	...periodReads('BankAccount_GetListCurrent', 'BankAccount_GetList', bankAccountsAt),
	handler('EmployeeService.SalaryDocuments_GetAnnualStatementPDF', (world, { user, params }) => {
		const { employee } = requireEmployee(world, user, int(params, 'EmployeeID'));
		const year = int(params, 'intYear');
		if (year < 1900 || year > 2100) throw new NmbrsFault(2006, 'Invalid Period');
		return { PDF: annualStatementPdf(world, employee, year) };
	}),
];
