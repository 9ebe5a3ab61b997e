import {
	DEFAULT_WINDOW_MS,
	FairUseLimiter,
	limiterFor,
	systemClock,
} from '../../nodes/Nmbrs/transport/limiter';
import { targetFor, userKey } from '../../nodes/Nmbrs/transport/connection';
import {
	callNmbrs,
	type HttpFunction,
	type HttpResponse,
} from '../../nodes/Nmbrs/transport/client';
import { buildResponse } from '../../nodes/Nmbrs/wire';
import { catalogue, getOperation } from '../../nodes/Nmbrs/catalogue';
import { FakeClock } from './fakeClock';

describe('FairUseLimiter', () => {
	it('starts 1000 calls with never more than 150 in any one-second window (plus margin), 10 in flight, and no needless waiting', async () => {
		const clock = new FakeClock();
		const limiter = new FairUseLimiter({ clock });
		const starts: number[] = [];
		let inFlight = 0;
		let maxInFlight = 0;
		const calls = Array.from({ length: 1000 }, (_, index) =>
			limiter.run(async () => {
				starts.push(clock.now());
				inFlight++;
				maxInFlight = Math.max(maxInFlight, inFlight);
				await clock.sleep(50); // network latency
				inFlight--;
				return index;
			}),
		);
		const results = await clock.run(Promise.all(calls));

		expect(results).toEqual(Array.from({ length: 1000 }, (_, index) => index));
		expect(starts).toHaveLength(1000);
		expect(maxInFlight).toBe(10);
		// Sliding window: the i-th start and the (i+150)-th start are at least a second and the margin apart.
		expect(DEFAULT_WINDOW_MS).toBe(1050);
		for (let i = 0; i + 150 < starts.length; i++) {
			expect((starts[i + 150] as number) - (starts[i] as number)).toBeGreaterThanOrEqual(1050);
		}
		expect(starts[0]).toBe(0);
		expect(starts[149]).toBe(700); // 15 rounds of 10 at 50 ms latency: not held back before the budget is spent
		expect(starts[150]).toBe(1050); // the 151st starts one second plus the 50 ms margin after the first
		expect(starts[999]).toBeLessThanOrEqual(6 * 1050 + 700);
	});

	it('keeps to a lowered budget from then on: calls started before it count in the window', async () => {
		const clock = new FakeClock();
		const limiter = new FairUseLimiter({ clock, maxPerSecond: 8, maxConcurrent: 100 });
		const starts: number[] = [];
		const call = () =>
			limiter.run(async () => {
				starts.push(clock.now());
			});
		await clock.run(Promise.all(Array.from({ length: 6 }, call)));
		expect(starts).toEqual([0, 0, 0, 0, 0, 0]);
		// Two workers now share the login: half the budget each. The six of t=0 still count.
		limiter.setBudget(4);
		await clock.run(Promise.all(Array.from({ length: 6 }, call)));
		expect(starts.slice(6)).toEqual([1050, 1050, 1050, 1050, 2100, 2100]);
		expect(() => limiter.setBudget(0)).toThrow('at least 1');
	});

	it('is one limiter per user, shared process-wide, with the e-mail case-insensitive', () => {
		const base = 'https://api.nmbrs.nl/soap/v3/';
		expect(limiterFor(userKey(base, 'Pay@Example.nl'))).toBe(
			limiterFor(userKey(base, ' pay@example.nl')),
		);
		expect(limiterFor(userKey(base, 'pay@example.nl'))).not.toBe(
			limiterFor(userKey(base, 'other@example.nl')),
		);
		expect(limiterFor(userKey(base, 'pay@example.nl'))).not.toBe(
			limiterFor(userKey('https://api-sandbox.nmbrs.nl/soap/v3/', 'pay@example.nl')),
		);
	});

	it('is one limiter for one login however its server is spelt (case, port, loopback names)', () => {
		const one = limiterFor(userKey('http://127.0.0.1:7780/soap/v3/', 'pay@example.nl'));
		for (const spelling of [
			'http://localhost:7780/soap/v3/',
			'HTTP://LOCALHOST:7780/SOAP/v3',
			'http://[::1]:7780/soap/v3/',
		]) {
			expect(limiterFor(userKey(spelling, 'Pay@Example.nl'))).toBe(one);
		}
		expect(limiterFor(userKey('https://API.nmbrs.nl:443/soap/v3/', 'pay@example.nl'))).toBe(
			limiterFor(userKey('https://api.nmbrs.nl/soap/v3/', 'pay@example.nl')),
		);
		expect(limiterFor(userKey('http://127.0.0.1:7781/soap/v3/', 'pay@example.nl'))).not.toBe(one);
	});

	it('keeps time on a monotonic clock: a wall-clock jump does not move it', () => {
		const before = systemClock.now();
		const wall = jest.spyOn(Date, 'now').mockReturnValue(0); // the wall clock jumps back to 1970
		try {
			expect(systemClock.now()).toBeGreaterThanOrEqual(before);
		} finally {
			wall.mockRestore();
		}
	});

	it('frees the slot when a call fails', async () => {
		const clock = new FakeClock();
		const limiter = new FairUseLimiter({ clock, maxConcurrent: 1 });
		const failing = limiter.run(async () => {
			throw new Error('boom');
		});
		await expect(failing).rejects.toThrow('boom');
		await expect(clock.run(limiter.run(async () => 'next'))).resolves.toBe('next');
	});
});

describe('the limiter callNmbrs uses by default', () => {
	const op = getOperation('CompanyService.WageTax_GetList');
	const params = { CompanyId: 1, intYear: 2024 };

	/** An HTTP function whose answers wait until the test releases them. */
	function held() {
		const pending: Array<(response: HttpResponse) => void> = [];
		const send: HttpFunction = () => new Promise<HttpResponse>((resolve) => pending.push(resolve));
		const releaseAll = () => {
			for (const resolve of pending.splice(0))
				resolve({ statusCode: 200, body: buildResponse(op, [], catalogue) });
		};
		return { send, pending, releaseAll };
	}
	const settle = () => new Promise((resolve) => setImmediate(resolve));

	it('is the process-wide one of target.userKey: callers of one user (any e-mail case) share one budget, other users do not', async () => {
		const base = 'http://127.0.0.1:9/soap/v3/';
		const creds = (email: string) => ({
			email,
			token: 'tok-123456',
			environment: 'custom' as const,
			customBaseUrl: base,
		});
		// Created first with one call in flight at most, so sharing shows as the second caller waiting.
		limiterFor(userKey(base, 'shared@example.nl'), { maxConcurrent: 1 });
		limiterFor(userKey(base, 'other@example.nl'), { maxConcurrent: 1 });

		const first = held();
		const second = held();
		const third = held();
		const calls = [
			callNmbrs(first.send, targetFor(creds('shared@example.nl')), op, params),
			callNmbrs(second.send, targetFor(creds(' Shared@Example.NL')), op, params),
			callNmbrs(third.send, targetFor(creds('other@example.nl')), op, params),
		];
		await settle();
		expect(first.pending).toHaveLength(1);
		expect(second.pending).toHaveLength(0); // same user: waits for the first call's slot
		expect(third.pending).toHaveLength(1); // another user: its own budget
		expect(limiterFor(targetFor(creds('SHARED@example.nl')).userKey).queued).toBe(1);

		first.releaseAll();
		await settle();
		expect(second.pending).toHaveLength(1);
		second.releaseAll();
		third.releaseAll();
		await expect(Promise.all(calls)).resolves.toEqual([[], [], []]);
	});

	it("takes the credential's Calls per Second as its user's budget, and a change of it", async () => {
		const base = 'http://127.0.0.1:9/soap/v3/';
		const target = (callsPerSecond?: number) => ({
			...targetFor({
				email: 'budget@example.nl',
				token: 'tok-123456',
				environment: 'custom' as const,
				customBaseUrl: base,
				callsPerSecond,
			}),
		});
		const call = async (callsPerSecond?: number) => {
			const answer = held();
			const made = callNmbrs(answer.send, target(callsPerSecond), op, params);
			await settle();
			answer.releaseAll();
			await made;
		};
		await call(75);
		const limiter = limiterFor(userKey(base, 'budget@example.nl'));
		expect(limiter.maxPerSecond).toBe(75);
		await call(50);
		expect(limiter.maxPerSecond).toBe(50);
		await call(undefined); // a credential without the field leaves the budget as it is
		expect(limiter.maxPerSecond).toBe(50);
	});
});
