/** The wage tax declarations the admin API lists, so a test can pick one to move along. */
import type { World } from '../world';

export function listDeclarations(world: World, companyId: number | undefined) {
	return world.declarations
		.filter((d) => companyId === undefined || d.companyId === companyId)
		.map((d) => ({
			...d,
			companyName: world.companies.find((c) => c.id === d.companyId)?.name ?? null,
		}));
}
