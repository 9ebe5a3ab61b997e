/**
 * Fair use as Nmbrs applies it: past 150 calls started within one second by one user, each further
 * call is delayed by 500 ms. The window runs on an injected clock, so nothing here depends on how
 * fast the machine is; assertions are on the request log's flags and times. The delay's sleep is
 * injected too: it moves the clock by what it waits, so the log shows the delay on that clock.
 */
import { startEmulator, type RunningEmulator } from '../src';
import { FairUseThrottle } from '../src/server/throttle';
import { call } from './helpers';

const DEBTOR_LOGIN = { email: 'debtor@demo.example', token: 'debtor-token', domain: 'demo' };

let emulator: RunningEmulator;
let fakeNow = 1_800_000_000_000;

beforeAll(async () => {
	emulator = await startEmulator({
		port: 0,
		worldNow: '2026-11-25T09:00:00',
		clockMs: () => fakeNow,
		sleep: async (ms) => {
			fakeNow += ms;
		},
	});
});
afterAll(async () => {
	await emulator.close();
});

const burst = (count: number, login?: typeof DEBTOR_LOGIN) =>
	Promise.all(
		Array.from({ length: count }, () =>
			call(emulator.soapBaseUrl, 'DebtorService', 'List_GetAll', {}, login ? { login } : {}),
		),
	);

it('answers the 151st call of a one-second window at least 500 ms after it arrived, the first 150 at once', async () => {
	const before = emulator.requestLog.all().length;
	const start = fakeNow;
	// One after the other, so only the throttled call's wait moves the clock.
	for (let i = 0; i < 151; i++)
		expect((await call(emulator.soapBaseUrl, 'DebtorService', 'List_GetAll')).status).toBe(200);
	const entries = emulator.requestLog.all().slice(before);
	expect(entries).toHaveLength(151);
	const first150 = entries.slice(0, 150);
	expect(first150.every((e) => e.time === start && e.answeredAt === start && !e.throttled)).toBe(
		true,
	);
	const last = entries[150];
	expect(last.throttled).toBe(true);
	expect(last.time).toBe(start);
	expect(last.answeredAt - last.time).toBeGreaterThanOrEqual(500);
	fakeNow += 1000;
});

it('delays the 151st call of a one-second window, and only that one', async () => {
	const before = emulator.requestLog.all().length;
	const startedAt = fakeNow;
	const answers = await burst(151);
	expect(answers.every((a) => a.status === 200)).toBe(true);
	const entries = emulator.requestLog.all().slice(before);
	expect(entries).toHaveLength(151);
	expect(entries.filter((e) => e.throttled)).toHaveLength(1);
	expect(entries.every((e) => e.time === startedAt)).toBe(true);
});

it('counts per user: another user in the same second is not delayed', async () => {
	const before = emulator.requestLog.all().length;
	await burst(5, DEBTOR_LOGIN);
	const entries = emulator.requestLog.all().slice(before);
	expect(entries.map((e) => e.user)).toEqual(Array(5).fill(DEBTOR_LOGIN.email));
	expect(entries.some((e) => e.throttled)).toBe(false);
});

it('forgets calls older than one second', async () => {
	fakeNow += 1000;
	const before = emulator.requestLog.all().length;
	await burst(150);
	expect(
		emulator.requestLog
			.all()
			.slice(before)
			.some((e) => e.throttled),
	).toBe(false);
});

describe('FairUseThrottle', () => {
	it('uses a sliding window: 151 calls spread over more than a second are never delayed', () => {
		let t = 0;
		const throttle = new FairUseThrottle(() => t);
		const flags: boolean[] = [];
		for (let i = 0; i < 300; i++) {
			flags.push(throttle.register('a'));
			t += 7; // 143 calls per second
		}
		expect(flags.some(Boolean)).toBe(false);
	});

	it('delays every call past 150 within the same second', () => {
		const throttle = new FairUseThrottle(() => 0);
		const flags = Array.from({ length: 160 }, () => throttle.register('a'));
		expect(flags.filter(Boolean)).toHaveLength(10);
		expect(flags.indexOf(true)).toBe(150);
	});
});
