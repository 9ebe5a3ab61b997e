/**
 * Saving and loading a world as plain JSON. Documents are made on request, so nothing binary is
 * stored; the clock becomes its 'YYYY-MM-DDTHH:mm:ss' string and each login's API template a list.
 */
import { readFileSync, writeFileSync } from 'fs';
import type { EmulatorUser, WorldData } from './model';
import { WorldClock, type World } from './world';

const FORMAT = 'nmbrs-emulator-world/1';

interface SavedUser extends Omit<EmulatorUser, 'disabledOperations'> {
	disabledOperations: string[];
}

interface SavedWorld extends Omit<WorldData, 'users'> {
	format: typeof FORMAT;
	now: string;
	users: SavedUser[];
}

export function worldToJson(world: World): string {
	const { clock, users, ...data } = world;
	const saved: SavedWorld = {
		format: FORMAT,
		now: clock.now(),
		...data,
		users: users.map((user) => ({
			...user,
			disabledOperations: [...user.disabledOperations].sort(),
		})),
	};
	return JSON.stringify(saved);
}

export function saveWorld(world: World, path: string): void {
	writeFileSync(path, worldToJson(world));
}

export function worldFromJson(json: string, origin: string): World {
	const saved = JSON.parse(json) as SavedWorld;
	if (saved.format !== FORMAT)
		throw new Error(
			`${origin} is not a saved emulator world (format "${String(saved.format)}", expected "${FORMAT}")`,
		);
	const { format, now, users, ...data } = saved;
	void format;
	return {
		...data,
		origin,
		users: users.map((user) => ({ ...user, disabledOperations: new Set(user.disabledOperations) })),
		clock: new WorldClock(now),
	};
}

export function loadWorld(path: string): World {
	return worldFromJson(readFileSync(path, 'utf8'), path);
}
