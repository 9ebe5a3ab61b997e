import { FairUseLimiter, limiterFor } from '../../nodes/Nmbrs/transport/limiter';
import { userKey } from '../../nodes/Nmbrs/transport/connection';
import { FakeClock } from './fakeClock';

describe('FairUseLimiter', () => {
	it('starts 1000 calls with never more than 150 in any one-second window, 10 in flight, and no needless waiting', async () => {
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
		// Sliding window: the i-th start and the (i+150)-th start are at least a second apart.
		for (let i = 0; i + 150 < starts.length; i++) {
			expect((starts[i + 150] as number) - (starts[i] as number)).toBeGreaterThanOrEqual(1000);
		}
		expect(starts[0]).toBe(0);
		expect(starts[149]).toBe(700); // 15 rounds of 10 at 50 ms latency: not held back before the budget is spent
		expect(starts[150]).toBe(1000); // the 151st starts exactly one second after the first
		expect(starts[999]).toBeLessThanOrEqual(6000 + 700);
	});

	it('is one limiter per user, shared process-wide, with the e-mail case-insensitive', () => {
		const base = 'https://api.nmbrs.nl/soap/v3/';
		expect(limiterFor(userKey(base, 'Pay@Example.nl'))).toBe(limiterFor(userKey(base, ' pay@example.nl')));
		expect(limiterFor(userKey(base, 'pay@example.nl'))).not.toBe(limiterFor(userKey(base, 'other@example.nl')));
		expect(limiterFor(userKey(base, 'pay@example.nl'))).not.toBe(
			limiterFor(userKey('https://api-sandbox.nmbrs.nl/soap/v3/', 'pay@example.nl')),
		);
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
