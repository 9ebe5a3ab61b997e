/**
 * Kinds served by the name-driven verbs from the world's stored records: what an employee starts
 * with agrees with the rest of the world (a partner where personal info names one, the company's
 * labour agreement), and every write is read back by the matching read.
 */
import { periodOf } from '../src/world/calendar';
import { isPaidInPeriod } from '../src/world/history';
import { createWorld } from '../src/world';
import type { World } from '../src/world/world';
import { labourAgreementsOf } from '../src/records/storedKinds';
import { call, faultOf, rows, type Row } from './worldHelpers';

let world: World;
const user = () => world.users.find((u) => u.email === 'accountant@demo.example')!;

beforeEach(() => {
	world = createWorld({ kind: 'demo' }, undefined, { now: '2026-11-25' });
});

function paid() {
	const company = world.companies[0];
	const current = periodOf(company.periodType, world.clock.now().slice(0, 10));
	const employees = world.employees.filter(
		(e) => e.companyId === company.id && isPaidInPeriod(e, current),
	);
	return { company, employees, current };
}

describe('partner and children', () => {
	it('a married employee has a partner, named as personal info names one; others have none', () => {
		const { employees } = paid();
		const married = (e: (typeof employees)[number]) =>
			[2, 3].includes(e.personalInfo.at(-1)!.data.BurgerlijkeStaat ?? 0);
		const withPartner = employees.find(
			(e) => married(e) && e.personalInfo.at(-1)!.data.PartnerLastName,
		);
		const without = employees.find((e) => !married(e));
		expect(withPartner && without).toBeTruthy();
		const partner = call(world, user(), 'EmployeeService.Partner_Get', {
			EmployeeId: withPartner!.id,
		}) as Row;
		expect(String(partner.PartnerName)).toContain(
			withPartner!.personalInfo.at(-1)!.data.PartnerLastName as string,
		);
		expect(
			call(world, user(), 'EmployeeService.Partner_Get', { EmployeeId: without!.id }),
		).toBeNull();
	});

	it('a child inserted is listed, corrected by its Id and gone after Child_Delete', () => {
		const { employees } = paid();
		const employee = employees[0];
		const children = () =>
			(
				call(world, user(), 'EmployeeService.Children_Get', { EmployeeId: employee.id }) as {
					EmployeeChildren: Row[];
				}
			).EmployeeChildren;
		const before = children().length;
		const id = Number(
			call(world, user(), 'EmployeeService.Children_Insert', {
				EmployeeId: employee.id,
				child: {
					Id: 0,
					Name: 'Jansen',
					FirstName: 'Noor',
					Initials: 'N.',
					Gender: 'female',
					Birthday: '2020-03-01T00:00:00',
				},
			}),
		);
		expect(children()).toHaveLength(before + 1);
		call(world, user(), 'EmployeeService.Children_Update', {
			EmployeeId: employee.id,
			child: {
				Id: id,
				Name: 'Jansen',
				FirstName: 'Noortje',
				Initials: 'N.',
				Gender: 'female',
				Birthday: '2020-03-01T00:00:00',
			},
		});
		expect(children().find((c) => c.Id === id)).toMatchObject({
			FirstName: 'Noortje',
			Birthday: '2020-03-01T00:00:00',
		});
		call(world, user(), 'EmployeeService.Child_Delete', { EmployeeId: employee.id, ChildId: id });
		expect(children()).toHaveLength(before);
		expect(
			faultOf(() =>
				call(world, user(), 'EmployeeService.Child_Delete', {
					EmployeeId: employee.id,
					ChildId: id,
				}),
			),
		).toBe(2046);
	});

	it('a gender outside the catalogue is refused with 2030, and nothing is written', () => {
		const { employees } = paid();
		const employee = employees[0];
		const count = () =>
			(
				call(world, user(), 'EmployeeService.Children_Get', { EmployeeId: employee.id }) as {
					EmployeeChildren: Row[];
				}
			).EmployeeChildren.length;
		const before = count();
		expect(
			faultOf(() =>
				call(world, user(), 'EmployeeService.Children_Insert', {
					EmployeeId: employee.id,
					child: { Id: 0, Name: 'X', Gender: 'other' },
				}),
			),
		).toBe(2030);
		expect(count()).toBe(before);
	});
});

describe('settings with history (SVW, wage tax, labour agreement)', () => {
	it('an update from the next period leaves the current one and shows from then on', () => {
		const { employees, current } = paid();
		const employee = employees[0];
		const now = call(world, user(), 'EmployeeService.WageTax_GetCurrent', {
			EmployeeId: employee.id,
		}) as Row;
		expect(now).toMatchObject({ Loonheffingkorting: true, KleurTabel: 1 });
		const next =
			current.period === 12
				? { Period: 1, Year: current.year + 1 }
				: { Period: current.period + 1, Year: current.year };
		call(world, user(), 'EmployeeService.WageTax_Update', {
			EmployeeId: employee.id,
			LoonheffingSettings: { ...now, Loonheffingkorting: false },
			...next,
		});
		expect(
			call(world, user(), 'EmployeeService.WageTax_GetCurrent', { EmployeeId: employee.id }),
		).toMatchObject({ Loonheffingkorting: true });
		expect(
			call(world, user(), 'EmployeeService.WageTax_Get', { EmployeeId: employee.id, ...next }),
		).toMatchObject({ Loonheffingkorting: false });
		expect(
			rows(world, user(), 'EmployeeService.WageTax_GetList', { EmployeeId: employee.id }),
		).toHaveLength(2);
	});

	it("a labour agreement is one of the company's, named by its GUID (another GUID is 2030)", () => {
		const { company, employees } = paid();
		const employee = employees[0];
		const [own, none] = labourAgreementsOf(company);
		expect(
			call(world, user(), 'EmployeeService.LabourAgreements_GetCurrent', {
				EmployeeId: employee.id,
			}),
		).toMatchObject({ Guid: own.guid, Number: own.number });
		call(world, user(), 'EmployeeService.LabourAgreements_UpdateCurrent', {
			EmployeeId: employee.id,
			labourAgreementSettingsGroupGuid: none.guid,
		});
		expect(
			call(world, user(), 'EmployeeService.LabourAgreements_GetCurrent', {
				EmployeeId: employee.id,
			}),
		).toMatchObject({ Guid: none.guid, Description: 'Geen cao' });
		expect(
			faultOf(() =>
				call(world, user(), 'EmployeeService.LabourAgreements_UpdateCurrent', {
					EmployeeId: employee.id,
					labourAgreementSettingsGroupGuid: '11111111-2222-4333-a444-555555555555',
				}),
			),
		).toBe(2030);
	});

	it('the batch call of insurance settings names the sector and cao of the company', () => {
		const { company } = paid();
		const items = rows(world, user(), 'EmployeeService.SVW_GetAll_AllEmployeesByCompany', {
			CompanyID: company.id,
		});
		const setting = (items[0].EmployeeSVWsettings as Row[])[0];
		expect(setting).toMatchObject({
			WW: true,
			ZW: true,
			CLA: { CLACode: labourAgreementsOf(company)[0].number },
		});
		expect(setting.Sector).toMatchObject({ SectorCode: expect.any(Number) });
	});
});

describe('lease cars, levensloop, manager', () => {
	it('a lease car inserted now is current until it is stopped', () => {
		const { employees } = paid();
		const employee = employees.find(
			(e) =>
				call(world, user(), 'EmployeeService.LeaseCar_GetCurrent', { EmployeeId: e.id }) === null,
		)!;
		call(world, user(), 'EmployeeService.LeaseCar_Insert', {
			EmployeeId: employee.id,
			LeaseAuto: {
				Id: 0,
				Brand: 'Kia',
				Model: 'EV6',
				StartDate: '2026-11-01T00:00:00',
				CatalogValue: 51000,
			},
			Period: 11,
			Year: 2026,
		});
		expect(
			call(world, user(), 'EmployeeService.LeaseCar_GetCurrent', { EmployeeId: employee.id }),
		).toMatchObject({ Brand: 'Kia', EndDate: null });
		call(world, user(), 'EmployeeService.LeaseCar_Stop', {
			EmployeeId: employee.id,
			End: '2026-11-20T00:00:00',
		});
		expect(
			call(world, user(), 'EmployeeService.LeaseCar_GetCurrent', { EmployeeId: employee.id }),
		).toMatchObject({ EndDate: '2026-11-20T00:00:00' });
		expect(
			call(world, user(), 'EmployeeService.LeaseCar_Get', {
				EmployeeId: employee.id,
				Period: 12,
				Year: 2026,
			}),
		).toBeNull();
	});

	it('nobody has levensloop until it is inserted; the amount is read back', () => {
		const { employees } = paid();
		const employee = employees[0];
		expect(
			call(world, user(), 'EmployeeService.Levensloop_Get', {
				EmployeeId: employee.id,
				Period: 11,
				Year: 2026,
			}),
		).toBeNull();
		const id = call(world, user(), 'EmployeeService.Levensloop_Insert', {
			EmployeeId: employee.id,
			Start: '2026-11-01T00:00:00',
			Amount: 125.5,
		});
		expect(
			call(world, user(), 'EmployeeService.Levensloop_Get', {
				EmployeeId: employee.id,
				Period: 11,
				Year: 2026,
			}),
		).toEqual({ Id: id, Value: 125.5 });
	});

	it("the manager is the company's first employee, with the department personal data name", () => {
		const { company, employees } = paid();
		const first = world.employees
			.filter((e) => e.companyId === company.id)
			.sort((a, b) => a.number - b.number)[0];
		const other = employees.find((e) => e.id !== first.id)!;
		expect(
			call(world, user(), 'EmployeeService.Manager_GetCurrent', { EmployeeId: other.id }),
		).toMatchObject({ Number: first.number });
		expect(
			call(world, user(), 'EmployeeService.Manager_GetCurrent', { EmployeeId: first.id }),
		).toBeNull();
	});
});

describe("a company's and a debtor's records", () => {
	it('a department inserted is in the debtor list and can be renamed and removed', () => {
		const debtor = world.debtors[0];
		const list = () =>
			rows(world, user(), 'DebtorService.Department_GetList', { DebtorId: debtor.id });
		const before = list().length;
		const id = call(world, user(), 'DebtorService.Department_Insert', {
			DebtorId: debtor.id,
			department: { Id: 0, Code: 0, Description: 'Innovatie' },
		});
		expect(list()).toContainEqual(expect.objectContaining({ Id: id, Description: 'Innovatie' }));
		call(world, user(), 'DebtorService.Department_Update', {
			DebtorId: debtor.id,
			department: { Id: id, Code: 77, Description: 'R&D' },
		});
		expect(list()).toContainEqual({ Id: id, Code: 77, Description: 'R&D' });
		call(world, user(), 'DebtorService.Department_Delete', { DebtorId: debtor.id, id });
		expect(list()).toHaveLength(before);
	});

	it('work costs entered for a period are taxed above the free space of its fiscal wage', () => {
		const company = world.companies[0];
		const period = (p: Row[]) => p.find((w) => w.Year === 2026 && w.Period === 10)!;
		const before = period(
			rows(world, user(), 'CompanyService.WorkCost_GetList', { CompanyId: company.id, Year: 2026 }),
		);
		expect(before.FiscalWage).toBeGreaterThan(0);
		const spent = Number(before.WorkCostAvailableSpace) + 1000;
		call(world, user(), 'CompanyService.WorkCost_Insert', {
			CompanyId: company.id,
			value: spent,
			Period: 10,
			Year: 2026,
		});
		const after = period(
			rows(world, user(), 'CompanyService.WorkCost_GetList', { CompanyId: company.id, Year: 2026 }),
		);
		expect(after).toMatchObject({ WorkCostFinancial: spent, WorkCostToPay: 800 });
	});

	it('a run request waits beside the handled runs of the year', () => {
		const company = world.companies[0];
		const list = () =>
			rows(world, user(), 'CompanyService.RunRequest_GetList', {
				CompanyId: company.id,
				Year: 2026,
			});
		expect(list().every((r) => r.Status === 'Handled')).toBe(true);
		call(world, user(), 'CompanyService.RunRequest_Insert', { CompanyId: company.id });
		expect(list().at(-1)).toMatchObject({ Status: 'Pending', Year: 2026, Period: 11 });
	});
});

describe('department, function, service and bank accounts of an employee', () => {
	it('a department chosen now is current; one the debtor lacks is 2030', () => {
		const { employees } = paid();
		const employee = employees[0];
		const debtor = world.debtors.find((d) => d.id === world.companies[0].debtorId)!;
		const other = debtor.departments.at(-1)!;
		call(world, user(), 'EmployeeService.Department_UpdateCurrent', {
			EmployeeId: employee.id,
			DepartmentId: other.id,
		});
		expect(
			call(world, user(), 'EmployeeService.Department_GetCurrent', { EmployeeId: employee.id }),
		).toEqual({
			Id: other.id,
			Code: other.code,
			Description: other.description,
		});
		expect(
			faultOf(() =>
				call(world, user(), 'EmployeeService.Department_UpdateCurrent', {
					EmployeeId: employee.id,
					DepartmentId: 1,
				}),
			),
		).toBe(2030);
	});

	it('a service stopped shows its end and reason; undoing it opens it again', () => {
		const { employees } = paid();
		const employee = employees[0];
		call(world, user(), 'EmployeeService.Service_StopCurrent', {
			EmployeeId: employee.id,
			End: '2026-12-31T00:00:00',
			EndServiceReasonId: 1,
			UnprotectedMode: false,
		});
		expect(
			rows(world, user(), 'EmployeeService.Service_GetList', { EmployeeId: employee.id }).at(-1),
		).toMatchObject({
			End: '2026-12-31T00:00:00',
			EndServiceReason: 'Eigen verzoek werknemer',
		});
		expect(
			call(world, user(), 'EmployeeService.Service_RemoveOutService', { EmployeeId: employee.id }),
		).toBe(true);
		expect(
			rows(world, user(), 'EmployeeService.Service_GetList', { EmployeeId: employee.id }).at(-1),
		).toMatchObject({ End: null });
	});

	it('a bank account added now is listed from now on, and removed again', () => {
		const { employees } = paid();
		const employee = employees[0];
		const list = () =>
			rows(world, user(), 'EmployeeService.BankAccount_GetListCurrent', {
				EmployeeId: employee.id,
			});
		const before = list().length;
		const id = call(world, user(), 'EmployeeService.BankAccount_InsertCurrent', {
			EmployeeId: employee.id,
			BankAccount: { Id: 0, IBAN: 'NL91ABNA0417164300', BIC: 'ABNANL2A', Type: 'Bankrekening2' },
		});
		expect(list()).toContainEqual(expect.objectContaining({ Id: id, IBAN: 'NL91ABNA0417164300' }));
		expect(
			faultOf(() =>
				call(world, user(), 'EmployeeService.BankAccount_InsertCurrent', {
					EmployeeId: employee.id,
					BankAccount: { IBAN: 'NL00BANK0000000000' },
				}),
			),
		).toBe(2030);
		call(world, user(), 'EmployeeService.BankAccount_DeleteCurrent', {
			EmployeeId: employee.id,
			BankAccountID: id,
		});
		expect(list()).toHaveLength(before);
	});
});
