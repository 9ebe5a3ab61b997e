/** A scaled world (200 companies, 20,000 employees), built once for this file, answers its largest calls. */
import { startEmulator, type RunningEmulator } from '../src';
import { handlers } from '../src/operations';
import { periodOf } from '../src/world/calendar';
import { call, values, WORLD_NOW } from './helpers';

let emulator: RunningEmulator;

beforeAll(async () => {
	emulator = await startEmulator({
		port: 0,
		worldNow: WORLD_NOW,
		world: { companies: 200, employees: 20_000 },
		seed: 7,
	});
}, 60_000);
afterAll(async () => {
	await emulator?.close();
});

it('lists 200 companies and every employee of one company with personal info', async () => {
	const companies = await call(emulator.soapBaseUrl, 'CompanyService', 'List_GetAll');
	expect(companies.status).toBe(200);
	const ids = values(companies.body, 'ID');
	expect(ids).toHaveLength(200);
	expect(emulator.world.employees).toHaveLength(20_000);

	const companyId = Number(ids[0]);
	const answer = await call(
		emulator.soapBaseUrl,
		'EmployeeService',
		'PersonalInfo_GetAll_AllEmployeesByCompany',
		{ CompanyID: companyId },
	);
	expect(answer.status).toBe(200);
	const expected = emulator.world.employees.filter((e) => e.companyId === companyId).length;
	expect(expected).toBeGreaterThan(0);
	expect((answer.body.match(/<PersonalInfoItem>/g) ?? []).length).toBe(expected);
}, 60_000);

it('answers every AllEmployeesByCompany batch call for one company: each employee of the company, and no one else', async () => {
	const batch = Object.keys(handlers).filter((key) => /AllEmployeesByCompany$/.test(key));
	expect(batch.length).toBeGreaterThanOrEqual(8);
	const company = emulator.world.companies[137];
	const employees = emulator.world.employees.filter((e) => e.companyId === company.id);
	expect(employees.length).toBe(100);
	const year = Number(emulator.world.clock.now().slice(0, 4));
	const current = periodOf(company.periodType, emulator.world.clock.now().slice(0, 10));
	// Absences are listed per absence of the year, so only the employees that have one appear.
	const absent = employees.filter((e) =>
		e.absences.some(
			(a) => +a.start.slice(0, 4) <= year && (a.end === null || +a.end.slice(0, 4) >= year),
		),
	);
	expect(absent.length).toBeGreaterThan(0);
	for (const key of batch) {
		const [service, operation] = key.split('.');
		// v2.1 spells the parameter CompanyID, some v3 calls CompanyId: send both (the other is ignored).
		const answer = await call(emulator.soapBaseUrl, service, operation, {
			CompanyID: company.id,
			CompanyId: company.id,
			// CostCenter_GetAllEmployeesByCompany asks for a period too (the current one).
			Period: current.period,
			Year: year,
		});
		expect({ key, status: answer.status }).toEqual({ key, status: 200 });
		// EmployeeId, or EmployeeID as PersonalInfoContractSalaryAddress spells it.
		const ids = [
			...answer.body.matchAll(/<(?:\w+:)?Employee(?:Id|ID)>(\d+)<\/(?:\w+:)?Employee(?:Id|ID)>/g),
		].map((m) => Number(m[1]));
		const expected = (key.startsWith('EmployeeService.Absence_') ? absent : employees)
			.map((e) => e.id)
			.sort((a, b) => a - b);
		expect({ key, ids: [...new Set(ids)].sort((a, b) => a - b) }).toEqual({ key, ids: expected });
	}
}, 60_000);
