/** The world clock stays before a sane horizon: stepping it on for ever cannot make dates past 9999. */
import { advanceClock, CLOCK_HORIZON } from '../src/world/advance';
import { createWorld } from '../src/world';

describe('the world clock horizon', () => {
	it('refuses a step that would reach the horizon, and leaves the clock where it was', () => {
		const world = createWorld({ kind: 'demo' });
		world.clock.set('2199-10-01T08:00:00');
		expect(() => advanceClock(world, { days: 365 })).toThrow(
			`The world clock stays before ${CLOCK_HORIZON.slice(0, 10)}`,
		);
		expect(world.clock.now()).toBe('2199-10-01T08:00:00');
		expect(() => advanceClock(world, { to: '2200-01-01' })).toThrow('stays before 2200-01-01');
		advanceClock(world, { days: 30 });
		expect(world.clock.now()).toBe('2199-10-31T08:00:00');
	});
});
