/**
 * The emulator's switches for the behaviours sources disagree on: strict SOAPAction (stock ASMX)
 * and a lenient Domain (some clients leave it out).
 */
import { startEmulator, type RunningEmulator } from '../src';
import { ACCOUNTANT, call, faultCode, NS, WORLD_NOW } from './helpers';

let emulator: RunningEmulator;
beforeAll(async () => {
	emulator = await startEmulator({
		port: 0,
		worldNow: WORLD_NOW,
		strictSoapAction: true,
		requireDomain: false,
		throttle: false,
	});
});
afterAll(async () => {
	await emulator.close();
});

it('strict: a SOAP 1.1 call without SOAPAction gets ASMX client fault', async () => {
	const answer = await call(
		emulator.soapBaseUrl,
		'CompanyService',
		'List_GetAll',
		{},
		{ action: null },
	);
	expect(answer.status).toBe(500);
	expect(answer.body).toContain('<faultcode>soap:Client</faultcode>');
	expect(answer.body).toContain('Server did not recognize the value of HTTP Header SOAPAction: .');
});

it('strict: a SOAPAction of another service is not recognised', async () => {
	const answer = await call(
		emulator.soapBaseUrl,
		'CompanyService',
		'List_GetAll',
		{},
		{ action: `${NS('DebtorService')}/List_GetAll` },
	);
	expect(answer.status).toBe(500);
	expect(answer.body).toContain(`SOAPAction: ${NS('DebtorService')}/List_GetAll.`);
});

it('strict: the right SOAPAction works, and SOAP 1.2 without action is routed by the body', async () => {
	expect((await call(emulator.soapBaseUrl, 'CompanyService', 'List_GetAll')).status).toBe(200);
	expect(
		(
			await call(
				emulator.soapBaseUrl,
				'CompanyService',
				'List_GetAll',
				{},
				{ soapVersion: '1.2', action: null },
			)
		).status,
	).toBe(200);
});

it('requireDomain false: a missing Domain is accepted, a wrong one still is not', async () => {
	expect(
		(
			await call(
				emulator.soapBaseUrl,
				'CompanyService',
				'List_GetAll',
				{},
				{ login: { ...ACCOUNTANT, domain: null } },
			)
		).status,
	).toBe(200);
	const wrong = await call(
		emulator.soapBaseUrl,
		'CompanyService',
		'List_GetAll',
		{},
		{ login: { ...ACCOUNTANT, domain: 'elsewhere' } },
	);
	expect(faultCode(wrong.body)).toBe(1001);
});
