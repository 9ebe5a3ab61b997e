/**
 * Reads that look at the world from another side (an employee's current data in one record, the
 * holiday allowance reserved so far, absences as XML, the cost of an hour) and the calls that add
 * a debtor, a company or a document. Figures come from the world's own payslips and versions.
 */
import { periodOf, type PeriodRef } from '../world/calendar';
import { displayName, xml } from '../world/documents';
import { personAt, versionAt } from '../world/history';
import type { Company, Debtor, Employee } from '../world/model';
import { computePayslip, employeesOfRun } from '../world/payroll';
import { userSeesDebtor } from '../world/users';
import { employeesOfCompany, runsOfCompany, touch, type World } from '../world/world';
import {
	NmbrsFault,
	requireCompany,
	requireDebtor,
	requireEmployee,
	requirePeriod,
} from './faults';
import { handler, int, obj, str, type OperationHandler } from './params';

const invalid = (what: string) => new NmbrsFault(2030, `Invalid set of values: ${what}`);

function currentOf(world: World, company: Company): PeriodRef {
	const { year, period } = periodOf(company.periodType, world.clock.now().slice(0, 10));
	return { year, period };
}

/** An employee's current personal data, contract, salary and address in one record. */
function overviewOf(world: World, employee: Employee, company: Company) {
	const at = currentOf(world, company);
	const person = personAt(employee, at);
	const salary = versionAt(employee.salaries, at);
	const address = versionAt(
		employee.addresses.filter((a) => a.type === 'HomeAddress'),
		at,
	)?.address;
	const contract = [...employee.contracts]
		.sort((a, b) => a.startDate.localeCompare(b.startDate))
		.at(-1);
	const schedule = versionAt(employee.schedules, at);
	const weekly = schedule ? schedule.hours.slice(0, 7).reduce((a, b) => a + b, 0) : 0;
	const value = salary ? salary.valueCents / 100 : 0;
	const hourly =
		salary?.type === 'Bruto_Uurloon' ? value : weekly > 0 ? value / ((weekly * 52) / 12) : 0;
	return {
		EmployeeID: employee.id,
		EmployeeNumber: employee.number,
		FirstName: person?.FirstName ?? null,
		Birthday: person?.Birthday ?? null,
		Prefix: person?.Prefix ?? null,
		LastName: person?.LastName ?? null,
		Gender: person?.Gender ?? 'undefined',
		BSN: person?.BSN ?? null,
		City: address?.city ?? null,
		TelephoneWork: person?.TelephoneWork ?? null,
		TelephoneMobileWork: person?.TelephoneMobileWork ?? null,
		EmailWork: person?.EmailWork ?? null,
		ContractStartDate: contract?.startDate ?? null,
		ContractEndDate: contract?.endDate ?? null,
		EmailPrivate: person?.EmailPrivate ?? null,
		TelephonePrivate: person?.TelephonePrivate ?? null,
		TelephoneMobilePrivate: person?.TelephoneMobilePrivate ?? null,
		SalaryType: salary?.type ?? 'Bruto_Salaris_Fulltime',
		SalaryValue: value,
		Street: address?.street ?? null,
		HouseNumber: address?.houseNumber ?? null,
		HouseNumberAddition: address?.houseNumberAddition ?? null,
		PostCode: address?.postalCode ?? null,
		HourlyWage: Math.round(hourly * 100) / 100,
		ContractHours: weekly,
	};
}

/**
 * The holiday allowance (vakantiegeld) reserved: 8 % of the gross of the year's runs up to the
 * period, paid out in May (our reading of a Dutch default).
 */
function holidayAllowance(world: World, employee: Employee, company: Company, at: PeriodRef) {
	const paidBefore = (year: number, period: number) => year === at.year && period <= at.period;
	let gross = 0;
	for (const run of runsOfCompany(world, company.id).filter((r) => paidBefore(r.year, r.period)))
		if (employeesOfRun(world, run).some((e) => e.id === employee.id))
			gross += computePayslip(world, run, employee).grossCents;
	const last = company.periodType === 'Month' ? 12 : 13;
	return {
		CalculationMethodAge: 'None',
		DecMinValue: 0,
		DecPercentage: 8,
		MaxAge: 0,
		EmployeeID: employee.id,
		MinAge: 0,
		Number: 1,
		PaymentPeriod: company.periodType === 'Month' ? 5 : 6,
		PeriodStart: 1,
		YearStart: at.year,
		PeriodEnd: last,
		YearEnd: at.year,
		PaymentMode: 'AtEndPeriod',
		Description: 'Vakantiegeld',
		Saldo: Math.round(gross * 0.08) / 100,
	};
}

/** Absences running between the dates, per employee, as one XML document each (our layout). */
function absenceXml(world: World, debtor: Debtor, from: string, to: string) {
	return world.companies
		.filter((c) => c.debtorId === debtor.id)
		.flatMap((company) =>
			employeesOfCompany(world, company.id).flatMap((employee) => {
				const absences = employee.absences.filter(
					(a) => a.start <= to && (a.end === null || a.end >= from),
				);
				if (absences.length === 0) return [];
				const lines = absences.map(
					(a) =>
						`  <Verzuim><Dossiernummer>${a.dossierNumber}</Dossiernummer><Soort>${xml(a.dossier)}</Soort><Begin>${a.start}</Begin><Einde>${a.end ?? ''}</Einde><Percentage>${a.percentage}</Percentage></Verzuim>`,
				);
				const name = displayName(personAt(employee, currentOf(world, company)));
				return [
					{
						DebtorID: debtor.id,
						ComapnyID: company.id,
						EmployeeID: employee.id,
						XML: `<?xml version="1.0" encoding="UTF-8"?>\n<Werknemer><Personeelsnummer>${employee.number}</Personeelsnummer><Naam>${xml(name)}</Naam>\n${lines.join('\n')}\n</Werknemer>\n`,
					},
				];
			}),
		);
}

const dateOf = (value: string | null, name: string): string => {
	if (value === null || !/^\d{4}-\d{2}-\d{2}/.test(value) || value.startsWith('0001-'))
		throw invalid(`${name} is not a date`);
	return value.slice(0, 10);
};

/** Documents kept per employee or company: name, folder, size, when (the bytes are not kept). */
function keepDocument(
	world: World,
	store: string,
	ownerId: number,
	name: string | null,
	folder: string | null,
	body: unknown,
) {
	if (!name) throw invalid('the document needs a name');
	if (!Buffer.isBuffer(body) || body.length === 0) throw invalid('the document is empty');
	const kinds = (world.kinds ??= {});
	const byOwner = (kinds[store] ??= {});
	(byOwner[ownerId] ??= []).push({
		id: world.nextIds.record++,
		fields: { Name: name, Folder: folder, Size: body.length, UploadedAt: world.clock.now() },
	} as { id: number });
	touch(world);
}

const PERIOD_TYPES: Record<number, Company['periodType']> = { 1: 'Month', 2: 'Week4' };

export const worldViewHandlers: Array<[string, OperationHandler]> = [
	handler(
		'EmployeeService.PersonalInfoContractSalaryAddress_GetAll_AllEmployeesByCompany',
		(world, { user, params }) => {
			const company = requireCompany(world, user, int(params, 'CompanyID'));
			return employeesOfCompany(world, company.id).map((e) => overviewOf(world, e, company));
		},
	),
	handler('EmployeeService.Reservations_GetList', (world, { user, params }) => {
		const { employee, company } = requireEmployee(world, user, int(params, 'EmployeeId'));
		const at = requirePeriod(company, int(params, 'Period'), int(params, 'Year'));
		return [holidayAllowance(world, employee, company, at)];
	}),
	// No free fields are defined in the emulator's companies: an empty list.
	handler('EmployeeService.ExtraFields_GetList', (world, { user, params }) => {
		requireEmployee(world, user, int(params, 'EmployeeId'));
		return [];
	}),
	/** Gross, employer's premiums and pension over the scheduled hours of a period. */
	handler('EmployeeService.Salary_GetEstimatedCostPerHour', (world, { user, params }) => {
		const { employee, company } = requireEmployee(world, user, int(params, 'employeeId'));
		const at = requirePeriod(company, int(params, 'period'), int(params, 'year'));
		const salary = versionAt(employee.salaries, at);
		const schedule = versionAt(employee.schedules, at);
		const weekly = schedule ? schedule.hours.slice(0, 7).reduce((a, b) => a + b, 0) : 0;
		if (!salary || weekly === 0) return 0;
		const hourly =
			salary.type === 'Bruto_Uurloon'
				? salary.valueCents / 100
				: salary.valueCents / 100 / ((weekly * 52) / 12);
		// Premiums AWf, Aof, Whk, Zvw and the employer's pension, as the payslips charge them.
		return Math.round(hourly * (1 + 0.0264 + 0.0618 + 0.012 + 0.0651 + 0.09) * 108) / 100;
	}),
	handler('EmployeeService.EmployeeDocument_UploadDocument', (world, { user, params }) => {
		const { employee } = requireEmployee(world, user, int(params, 'EmployeeId'));
		keepDocument(
			world,
			'employeeDocuments',
			employee.id,
			str(params, 'StrDocumentName'),
			str(params, 'GuidDocumentType'),
			params.Body,
		);
		return undefined;
	}),
	handler('CompanyService.FileExplorer_UploadFile', (world, { user, params }) => {
		const company = requireCompany(world, user, int(params, 'CompanyId'));
		keepDocument(
			world,
			'companyFiles',
			company.id,
			str(params, 'StrDocumentName'),
			str(params, 'StrDocumentSubFolder'),
			params.Body,
		);
		return undefined;
	}),
	handler('DebtorService.AbsenceXML_Get', (world, { user, params }) => {
		const debtor = requireDebtor(world, user, int(params, 'DebtorId'));
		return absenceXml(
			world,
			debtor,
			dateOf(str(params, 'from'), 'from'),
			dateOf(str(params, 'to'), 'to'),
		);
	}),
	handler('DebtorService.List_GetByNumber', (world, { user, params }) => {
		const number = (str(params, 'Number') ?? '').trim();
		return world.debtors
			.filter((d) => userSeesDebtor(user, d.id) && d.number === number)
			.map((d) => ({ Id: d.id, Number: d.number, Name: d.name }));
	}),
	// A new debtor: its name and number; no departments or functions yet, the address of ours.
	handler('DebtorService.Debtor_Insert', (world, { user, params }) => {
		const input = obj(params, 'Debtor');
		const name = typeof input?.Name === 'string' ? input.Name.trim() : '';
		if (!name) throw invalid('a debtor needs a Name');
		if (user.debtorIds !== 'all') throw new NmbrsFault(1002, 'This login cannot add debtors');
		const id = Math.max(0, ...world.debtors.map((d) => d.id)) + 1;
		const number =
			typeof input?.Number === 'string' && input.Number.trim() !== ''
				? input.Number.trim()
				: String(id);
		const template = world.debtors[0];
		world.debtors.push({
			id,
			number,
			name,
			address: { ...template.address, id: world.nextIds.record++ },
			departments: [],
			functions: [],
			titles: [...template.titles],
		});
		touch(world);
		return id;
	}),
	handler('DebtorService.Debtor_Update', (world, { user, params }) => {
		const input = obj(params, 'Debtor');
		const debtor = requireDebtor(world, user, Number(input?.Id ?? 0));
		if (typeof input?.Name === 'string' && input.Name.trim() !== '')
			debtor.name = input.Name.trim();
		if (typeof input?.Number === 'string' && input.Number.trim() !== '')
			debtor.number = input.Number.trim();
		touch(world);
		return undefined;
	}),
	/**
	 * A new company of the debtor, set up like DefaultCompanyId (or the debtor's first company):
	 * its templates, cost centers and bank; PeriodType 1 is monthly, 2 four-weekly (others: 2030).
	 */
	handler('CompanyService.Company_Insert', (world, { user, params }) => {
		const debtor = requireDebtor(world, user, int(params, 'DebtorId'));
		const name = (str(params, 'CompanyName') ?? '').trim();
		if (!name) throw invalid('a company needs a CompanyName');
		const periodType = PERIOD_TYPES[int(params, 'PeriodType')];
		if (!periodType) throw invalid('PeriodType must be 1 (month) or 2 (four weeks)');
		const template =
			world.companies.find(
				(c) => c.id === int(params, 'DefaultCompanyId') && c.debtorId === debtor.id,
			) ??
			world.companies.find((c) => c.debtorId === debtor.id) ??
			world.companies[0];
		const id = Math.max(0, ...world.companies.map((c) => c.id)) + 1;
		world.companies.push({
			...template,
			id,
			debtorId: debtor.id,
			number:
				Math.max(
					0,
					...world.companies.filter((c) => c.debtorId === debtor.id).map((c) => c.number),
				) + 1,
			name,
			periodType,
			address: { ...template.address, id: world.nextIds.record++ },
			costCenters: template.costCenters.map((c) => ({ ...c })),
			defaultEmployeeTemplates: template.defaultEmployeeTemplates.map((t) => ({ ...t })),
			nextEmployeeNumber: 1,
		});
		touch(world);
		return id;
	}),
	/** The leave model: statutory leave 4 × and extra leave 1 × a full-time week (40 hours). */
	handler('CompanyService.CompanyLeaveTypeGroups_Get', (world, { user, params }) => {
		const company = requireCompany(world, user, int(params, 'CompanyId'));
		requirePeriod(company, int(params, 'Period'), int(params, 'Year'));
		const group = (type: string, description: string, hours: number) => ({
			Type: type,
			Description: description,
			CompanyLeaveBalance: [
				{
					DescriptionLeaveBalance: description,
					FullTimeBalance: hours,
					LeaveRoundingMethod: 'Normal',
				},
			],
		});
		return [group('Type1', 'Wettelijk verlof', 160), group('Type2', 'Bovenwettelijk verlof', 40)];
	}),
];
