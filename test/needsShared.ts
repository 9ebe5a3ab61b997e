/**
 * Tests that read ../shared (the real WSDLs and samples) skip in a user's clone without it, but
 * fail under CI=true: CI always has ../shared, so its absence there is a broken setup, not a skip.
 */
export function describeNeedingShared(present: boolean, missing: string): jest.Describe {
	if (present) return describe;
	if (process.env.CI === 'true') {
		describe('../shared', () => {
			it('is present under CI=true', () => {
				throw new Error(`CI=true but ${missing}: CI must have ../shared beside the clone`);
			});
		});
	} else {
		console.warn(`skipped: ${missing} (a clone without ../shared; CI has it)`);
	}
	return describe.skip;
}
