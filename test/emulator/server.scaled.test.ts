/** A scaled world (200 companies, 20,000 employees) starts and answers its largest calls. */
import { startEmulator, type RunningEmulator } from '../../emulator';
import { call, values, WORLD_NOW } from './helpers';

let emulator: RunningEmulator;

beforeAll(async () => {
	emulator = await startEmulator({ port: 0, worldNow: WORLD_NOW, world: { companies: 200, employees: 20_000 }, seed: 7 });
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
	const answer = await call(emulator.soapBaseUrl, 'EmployeeService', 'PersonalInfo_GetAll_AllEmployeesByCompany', { CompanyID: companyId });
	expect(answer.status).toBe(200);
	const expected = emulator.world.employees.filter((e) => e.companyId === companyId).length;
	expect(expected).toBeGreaterThan(0);
	expect((answer.body.match(/<PersonalInfoItem>/g) ?? []).length).toBe(expected);
}, 60_000);
