/** The wage tax declarations the admin API lists, so a test can pick one to move along. */
import type { World } from '../world';

export function listDeclarations(world: World, companyId: number | undefined) {
	// One lookup table, not a search per declaration: a scaled world has ~50,000 declarations.
	const names = new Map(world.companies.map((c) => [c.id, c.name]));
	return world.declarations
		.filter((d) => companyId === undefined || d.companyId === companyId)
		.map((d) => ({ ...d, companyName: names.get(d.companyId) ?? null }));
}
