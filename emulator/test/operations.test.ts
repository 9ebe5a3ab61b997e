/**
 * The operation handlers, called directly (the server's tests cover HTTP): every catalogue
 * operation is served, answers are shaped as the catalogue says, and each Nmbrs business fault
 * comes where Nmbrs would give it.
 */
import {
	catalogue,
	findAnyOperation,
	findOperation,
	operationKey,
	type ServiceName,
} from '../../nodes/Nmbrs/catalogue';
import { handlers, UNCURATED_SERVED } from '../src/operations';
import { createWorld, DECLARATION_STATUSES } from '../src/world';
import { call, faultOf, rows, type Row } from './worldHelpers';

const world = createWorld({ kind: 'demo' });
const [accountant, debtorUser] = world.users;
const monthly = world.companies.find((c) => c.periodType === 'Month')!;
const fourWeekly = world.companies.find((c) => c.periodType === 'Week4')!;
const otherDebtorsCompany = world.companies.find((c) => c.debtorId !== world.debtors[0].id)!;
const activeOf = (companyId: number) =>
	rows(world, accountant, 'EmployeeService.List_GetByCompany', {
		CompanyId: companyId,
		EmployeeType: 2,
	});

describe('coverage', () => {
	it('serves every curated catalogue operation', () => {
		expect(catalogue.operations.map(operationKey).filter((key) => !(key in handlers))).toEqual([]);
	});

	it('serves at least three operations that only the generated catalogue types', () => {
		expect(UNCURATED_SERVED.length).toBeGreaterThanOrEqual(3);
		for (const key of UNCURATED_SERVED) {
			const [service, name] = key.split('.') as [ServiceName, string];
			expect(findOperation(service, name)).toBeUndefined();
			expect(findAnyOperation(service, name)).toBeDefined();
			expect(key in handlers).toBe(true);
		}
		const employee = world.employees.find((e) => e.absences.length > 0)!;
		const absences = rows(world, accountant, 'EmployeeService.Absence_GetList', {
			EmployeeId: employee.id,
		});
		expect(absences[0]).toMatchObject({
			AbsenceId: employee.absences[0].id,
			Start: `${employee.absences[0].start}T00:00:00`,
		});
		expect(
			rows(world, accountant, 'DebtorService.Title_GetList', { DebtorId: world.debtors[0].id })
				.length,
		).toBeGreaterThan(0);
		expect(
			rows(world, accountant, 'CompanyService.CostCenter_GetList', { CompanyId: monthly.id })[0],
		).toEqual(expect.objectContaining({ Code: '100', Description: 'Algemeen' }));
	});

	it('shapes answers as the catalogue types them: every field present, dates as dates', () => {
		const employee = activeOf(monthly.id)[0];
		const info = call(world, accountant, 'EmployeeService.PersonalInfo_GetCurrent', {
			EmployeeId: employee.Id,
		}) as Row;
		const fields = [
			...(catalogue.types.Employee.fields ?? []),
			...catalogue.types.PersonalInfo.fields,
		].map((f) => f.name);
		expect(Object.keys(info)).toEqual(fields);
		expect(info.Birthday).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(info.CreationDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
		const wageTax = rows(world, accountant, 'CompanyService.WageTax_GetList', {
			CompanyId: monthly.id,
			intYear: 2026,
		})[0];
		expect(Object.keys(wageTax)).toEqual(catalogue.types.WageTax.fields.map((f) => f.name));
	});

	it('tells the environment and the debtors a login sees', () => {
		expect(call(world, accountant, 'DebtorService.Environment_Get')).toEqual({
			Domain: 'demo.nmbrs.nl',
			SubDomain: 'demo',
		});
		expect(rows(world, accountant, 'DebtorService.List_GetAll')).toHaveLength(world.debtors.length);
		expect(rows(world, debtorUser, 'DebtorService.List_GetAll').map((d) => d.Id)).toEqual([
			world.debtors[0].id,
		]);
		const companies = rows(world, debtorUser, 'CompanyService.List_GetAll');
		expect(companies.length).toBeGreaterThan(0);
		expect(
			companies.every(
				(c) => world.companies.find((k) => k.id === c.ID)?.debtorId === world.debtors[0].id,
			),
		).toBe(true);
	});

	it('gives the current period as yyyy-pp-type for both period types', () => {
		expect(
			call(world, accountant, 'CompanyService.Company_GetCurrentPeriod', { CompanyId: monthly.id }),
		).toBe('2026-11-M');
		expect(
			call(world, accountant, 'CompanyService.Company_GetCurrentPeriod', {
				CompanyId: fourWeekly.id,
			}),
		).toBe('2026-12-W4');
		const employee = activeOf(fourWeekly.id)[0];
		expect(
			call(world, accountant, 'EmployeeService.Employee_GetCurrent', { EmployeeId: employee.Id }),
		).toBe('2026-12-W4');
	});
});

describe('faults', () => {
	it('2004 for a company outside the login’s debtor, or unknown', () => {
		expect(
			faultOf(() =>
				call(world, debtorUser, 'CompanyService.Company_GetCurrentPeriod', {
					CompanyId: otherDebtorsCompany.id,
				}),
			),
		).toBe(2004);
		expect(
			faultOf(() =>
				call(world, accountant, 'CompanyService.Run_GetList', { CompanyId: 1, Year: 2026 }),
			),
		).toBe(2004);
		expect(
			faultOf(() =>
				call(world, accountant, 'CompanyService.Run_GetList', {
					CompanyId: otherDebtorsCompany.id,
					Year: 2026,
				}),
			),
		).toBe('no fault');
	});

	it('2003 for an unknown employee, or one outside the login’s debtors', () => {
		expect(
			faultOf(() =>
				call(world, accountant, 'EmployeeService.PersonalInfo_GetCurrent', { EmployeeId: 12345 }),
			),
		).toBe(2003);
		const stranger = activeOf(otherDebtorsCompany.id)[0];
		expect(
			faultOf(() =>
				call(world, debtorUser, 'EmployeeService.Salary_GetCurrent', { EmployeeId: stranger.Id }),
			),
		).toBe(2003);
	});

	it('2009 for an unknown debtor, or another debtor', () => {
		expect(
			faultOf(() => call(world, accountant, 'DebtorService.Debtor_Get', { DebtorId: 999 })),
		).toBe(2009);
		expect(
			faultOf(() =>
				call(world, debtorUser, 'CompanyService.List_GetByDebtor', {
					DebtorId: world.debtors[1].id,
				}),
			),
		).toBe(2009);
	});

	it('2006 for period 13 of a monthly company, not of a 4-weekly one', () => {
		const m = activeOf(monthly.id)[0];
		const w = activeOf(fourWeekly.id)[0];
		expect(
			faultOf(() =>
				call(world, accountant, 'EmployeeService.Salary_Get', {
					EmployeeId: m.Id,
					Period: 13,
					Year: 2025,
				}),
			),
		).toBe(2006);
		expect(
			faultOf(() =>
				call(world, accountant, 'EmployeeService.PersonalInfo_Get', {
					EmployeeId: m.Id,
					Period: 0,
					Year: 2025,
				}),
			),
		).toBe(2006);
		expect(
			faultOf(() =>
				call(world, accountant, 'EmployeeService.Salary_Get', {
					EmployeeId: w.Id,
					Period: 13,
					Year: 2025,
				}),
			),
		).toBe('no fault');
	});

	it('2011 for a write in a past period without UnprotectedMode', () => {
		const fresh = createWorld({ kind: 'demo' });
		const user = fresh.users[0];
		const employee = rows(fresh, user, 'EmployeeService.List_GetByCompany', {
			CompanyId: monthly.id,
			EmployeeType: 2,
		})[0];
		const info = call(fresh, user, 'EmployeeService.PersonalInfo_GetCurrent', {
			EmployeeId: employee.Id,
		}) as Row;
		expect(
			faultOf(() =>
				call(fresh, user, 'EmployeeService.PersonalInfo_Update', {
					EmployeeId: employee.Id,
					PersonalInfo: info,
					Period: 3,
					Year: 2026,
				}),
			),
		).toBe(2011);
		expect(
			faultOf(() =>
				call(fresh, user, 'EmployeeService.PersonalInfo_Update', {
					EmployeeId: employee.Id,
					PersonalInfo: info,
					Period: 12,
					Year: 2026,
				}),
			),
		).toBe('no fault');
		const template = rows(fresh, user, 'CompanyService.DefaultEmployeeTemplates_GetByCompany', {
			CompanyId: monthly.id,
		})[0].DefaultEmployeeTemplateId;
		const insert = (unprotected: boolean) =>
			call(fresh, user, 'EmployeeService.Employee_InsertBasedOnDefault', {
				CompanyId: monthly.id,
				DefaultEmployeeTemplate: template,
				FirstName: 'Anna',
				LastName: 'Nieuw',
				employment: {
					EmploymentId: 0,
					CreationDate: null,
					StartDate: '2026-02-01',
					EndDate: null,
					InitialStartDate: null,
				},
				UnprotectedMode: unprotected,
			});
		expect(faultOf(() => insert(false))).toBe(2011);
		expect(faultOf(() => insert(true))).toBe('no fault');
	});

	it('2012 when a declaration already sent is marked as sent externally', () => {
		const fresh = createWorld({ kind: 'demo' });
		const user = fresh.users[0];
		const declarations = rows(fresh, user, 'CompanyService.WageTax_GetList', {
			CompanyId: monthly.id,
			intYear: 2026,
		});
		const open = declarations.find((d) => d.Status === DECLARATION_STATUSES.open)!;
		const args = { LoonaangifteID: open.LoonaangifteID, CompanyId: monthly.id };
		expect(call(fresh, user, 'CompanyService.WageTax_SetSentExternal', args)).toBe(true);
		const after = rows(fresh, user, 'CompanyService.WageTax_GetList', {
			CompanyId: monthly.id,
			intYear: 2026,
		}).find((d) => d.LoonaangifteID === open.LoonaangifteID);
		expect(after).toMatchObject({
			Status: DECLARATION_STATUSES.sentExternally,
			SentAt: fresh.clock.now(),
		});
		expect(faultOf(() => call(fresh, user, 'CompanyService.WageTax_SetSentExternal', args))).toBe(
			2012,
		);
		const accepted = declarations.find((d) => d.Status === DECLARATION_STATUSES.accepted)!;
		expect(
			faultOf(() =>
				call(fresh, user, 'CompanyService.WageTax_SetSentExternal', {
					LoonaangifteID: accepted.LoonaangifteID,
					CompanyId: monthly.id,
				}),
			),
		).toBe(2012);
	});

	it('2046 for a run or declaration of another company', () => {
		const foreignRun = world.runs.find((r) => r.companyId !== monthly.id)!;
		expect(
			faultOf(() =>
				call(world, accountant, 'CompanyService.Journals_GetByRunCompany_v2', {
					CompanyId: monthly.id,
					RunId: foreignRun.id,
					intYear: foreignRun.year,
				}),
			),
		).toBe(2046);
		const foreign = world.declarations.find((d) => d.companyId !== monthly.id)!;
		expect(
			faultOf(() =>
				call(world, accountant, 'CompanyService.WageTax_GetXML', {
					LoonaangifteID: foreign.id,
					CompanyId: monthly.id,
				}),
			),
		).toBe(2046);
	});
});

describe('writes', () => {
	it('an update replaces the whole record: a field left out becomes empty, history stays', () => {
		const fresh = createWorld({ kind: 'demo' });
		const user = fresh.users[0];
		// Someone in service since before this year, so the record of period 1 is an older version.
		const employee = rows(fresh, user, 'EmployeeService.List_GetByCompany', {
			CompanyId: monthly.id,
			EmployeeType: 2,
		}).find((e) =>
			fresh.employees
				.find((k) => k.id === e.Id)!
				.personalInfo.every((v) => v.startYear < 2026 || v.startPeriod > 11),
		)!;
		const before = call(fresh, user, 'EmployeeService.PersonalInfo_GetCurrent', {
			EmployeeId: employee.Id,
		}) as Row;
		expect(before.EmailWork).not.toBeNull();
		const { EmailWork, BSN, ...rest } = before;
		void EmailWork;
		void BSN;
		call(fresh, user, 'EmployeeService.PersonalInfo_UpdateCurrent', {
			EmployeeId: employee.Id,
			PersonalInfo: { ...rest, TelephoneWork: '020-1234567' },
		});
		const after = call(fresh, user, 'EmployeeService.PersonalInfo_GetCurrent', {
			EmployeeId: employee.Id,
		}) as Row;
		expect(after).toMatchObject({
			FirstName: before.FirstName,
			LastName: before.LastName,
			TelephoneWork: '020-1234567',
			EmailWork: null,
			BSN: null,
		});
		expect(after.BurgerlijkeStaat).toBe(before.BurgerlijkeStaat);
		const january = call(fresh, user, 'EmployeeService.PersonalInfo_Get', {
			EmployeeId: employee.Id,
			Period: 1,
			Year: 2026,
		}) as Row;
		expect(january).toMatchObject({ BSN: before.BSN, EmailWork: before.EmailWork });
		const batch = rows(fresh, user, 'EmployeeService.PersonalInfo_GetAll_AllEmployeesByCompany', {
			CompanyID: monthly.id,
		}).find((i) => i.EmployeeId === employee.Id);
		expect((batch?.EmployeePersonalInfos as Row[]).some((v) => v.EmailWork === null)).toBe(true);
	});

	it('a new employee from a template is listed, paid and readable', () => {
		const fresh = createWorld({ kind: 'demo' });
		const user = fresh.users[0];
		const id = call(fresh, user, 'EmployeeService.Employee_InsertBasedOnDefault', {
			CompanyId: monthly.id,
			DefaultEmployeeTemplate: null,
			FirstName: 'Sanne',
			LastName: 'de Nieuwe',
			employment: null,
			UnprotectedMode: false,
		}) as number;
		const listed = rows(fresh, user, 'EmployeeService.List_GetByCompany', {
			CompanyId: monthly.id,
			EmployeeType: 2,
		}).find((e) => e.Id === id);
		expect(listed).toMatchObject({ DisplayName: 'Sanne de Nieuwe' });
		expect(
			call(fresh, user, 'EmployeeService.Salary_GetCurrent', { EmployeeId: id }),
		).toMatchObject({ Type: 'Bruto_Salaris_Fulltime' });
		const run = rows(fresh, user, 'CompanyService.Run_GetList', {
			CompanyId: monthly.id,
			Year: 2026,
		}).find((r) => r.IsLocked === false)!;
		const paid = rows(fresh, user, 'CompanyService.Run_GetEmployeesByRunCompany', {
			CompanyId: monthly.id,
			RunId: run.ID,
			Year: 2026,
		});
		expect(paid.map((p) => p.EmployeeId)).toContain(id);
		expect(
			faultOf(() =>
				call(fresh, user, 'EmployeeService.Employee_InsertBasedOnDefault', {
					CompanyId: monthly.id,
					DefaultEmployeeTemplate: 'no-such-template',
					UnprotectedMode: false,
				}),
			),
		).toBe(2046);
	});
});

describe('reads over history', () => {
	it('picks the version valid in the period asked for', () => {
		const employee = world.employees.find(
			(e) => e.companyId === monthly.id && e.salaries.length >= 3,
		)!;
		const first = employee.salaries[0];
		const atStart = call(world, accountant, 'EmployeeService.Salary_Get', {
			EmployeeId: employee.id,
			Period: first.startPeriod,
			Year: first.startYear,
		}) as Row;
		expect(atStart.Value).toBe(first.valueCents / 100);
		const accounts = rows(world, accountant, 'EmployeeService.BankAccount_GetListCurrent', {
			EmployeeId: employee.id,
		});
		expect(accounts[0].IBAN).toMatch(/^NL\d{2}[A-Z]{4}\d{10}$/);
	});

	it('batch calls return every employee of the company with all versions', () => {
		const count = world.employees.filter((e) => e.companyId === monthly.id).length;
		for (const [key, list] of [
			[
				'EmployeeService.PersonalInfoWithoutBSN_Get_GetAllEmployeesByCompany',
				'EmployeePersonalInfos',
			],
			['EmployeeService.Address_GetAll_AllEmployeesByCompany', 'EmployeeAddresses'],
			['EmployeeService.Contract_GetAll_AllEmployeesByCompany', 'EmployeeContracts'],
			['EmployeeService.Employment_GetAll_AllEmployeesByCompany', 'EmployeeEmployments'],
			['EmployeeService.Schedule_GetAll_AllEmployeesByCompany', 'EmployeeSchedules'],
		] as const) {
			const items = rows(world, accountant, key, { CompanyID: monthly.id });
			expect(items).toHaveLength(count);
			expect(items.every((i) => Array.isArray(i[list]))).toBe(true);
		}
		const withoutBsn = rows(
			world,
			accountant,
			'EmployeeService.PersonalInfoWithoutBSN_Get_GetAllEmployeesByCompany',
			{ CompanyID: monthly.id },
		);
		expect(
			withoutBsn.flatMap((i) => i.EmployeePersonalInfos as Row[]).every((v) => v.BSN === null),
		).toBe(true);
		const moved = rows(world, accountant, 'EmployeeService.Address_GetAll_AllEmployeesByCompany', {
			CompanyID: monthly.id,
		}).find((i) => (i.EmployeeAddresses as Row[]).length >= 2);
		const [older, newer] = moved?.EmployeeAddresses as Row[];
		expect(older.EndYear).not.toBeNull();
		expect((older.EndYear as number) * 100 + (older.EndPeriod as number)).toBeLessThan(
			(newer.StartYear as number) * 100 + (newer.StartPeriod as number),
		);
	});

	it('lists employee types including 2 (payroll) and 4 (out of service)', () => {
		const types = rows(world, accountant, 'EmployeeService.EmployeeType_GetList').map((t) => t.Id);
		expect(types).toEqual(expect.arrayContaining([2, 4]));
		const byDebtor = rows(world, accountant, 'EmployeeService.List_GetByDebtor', {
			DebtorId: world.debtors[0].id,
			EmployeeType: 2,
		});
		const companies = world.companies.filter((c) => c.debtorId === world.debtors[0].id);
		expect(byDebtor.length).toBe(companies.reduce((acc, c) => acc + activeOf(c.id).length, 0));
	});

	it('an employee the run did not pay has no payslip', () => {
		const leaver = world.employees.find(
			(e) =>
				e.kind === 'payroll' &&
				e.employments.every((m) => m.endDate !== null && m.endDate < '2025-12-01'),
		)!;
		const ownRun = world.runs.find((r) => r.companyId === leaver.companyId && r.year === 2026)!;
		expect(
			rows(
				world,
				accountant,
				'CompanyService.SalaryDocuments_GetEmployeePayslipsPDFByRunCompany_v2',
				{ EmployeeID: leaver.id, CompanyId: leaver.companyId, RunID: ownRun.id, intYear: 2026 },
			),
		).toEqual([]);
		const run = world.runs.find((r) => r.companyId === monthly.id && r.year === 2026)!;
		const stranger = activeOf(otherDebtorsCompany.id)[0];
		expect(
			faultOf(() =>
				call(
					world,
					accountant,
					'CompanyService.SalaryDocuments_GetEmployeePayslipsPDFByRunCompany_v2',
					{ EmployeeID: stranger.Id, CompanyId: monthly.id, RunID: run.id, intYear: 2026 },
				),
			),
		).toBe(2003);
	});
});
