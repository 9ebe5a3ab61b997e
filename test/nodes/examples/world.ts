/** IDs from the emulator's demo world, for examples and tests. */
import type { Emulator } from '../runNode';

export function firstCompany(emulator: Emulator) {
	const company = emulator.world.companies[0];
	if (!company) throw new Error('the demo world has no company');
	return company;
}
