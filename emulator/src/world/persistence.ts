/**
 * Saving and loading a world as plain JSON. Documents are made on request, so nothing binary is
 * stored; the clock becomes its 'YYYY-MM-DDTHH:mm:ss' string and each login's API template a list.
 */
import { readFileSync, statSync, writeFileSync } from 'fs';
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

/** Never quotes the text: a file that is not a world may hold anything (a JSON error shows its start). */
export function worldFromJson(json: string, origin: string): World {
	let saved: SavedWorld;
	try {
		saved = JSON.parse(json) as SavedWorld;
	} catch {
		throw new Error(`${origin} is not a saved emulator world (it is not JSON)`);
	}
	if (typeof saved !== 'object' || saved === null || saved.format !== FORMAT)
		throw new Error(`${origin} is not a saved emulator world (its "format" is not "${FORMAT}")`);
	const { format, now, users, ...data } = saved;
	void format;
	return {
		...data,
		origin,
		users: users.map((user) => ({ ...user, disabledOperations: new Set(user.disabledOperations) })),
		clock: new WorldClock(now),
	};
}

/** Loads a saved world from a regular file; a directory, FIFO or device is refused unread. */
export function loadWorld(path: string): World {
	let stats;
	try {
		stats = statSync(path);
	} catch {
		throw new Error(`${path}: no such file (give the path of a saved emulator world)`);
	}
	if (!stats.isFile())
		throw new Error(
			`${path} is not a regular file (a directory, FIFO or device); give the path of a saved emulator world`,
		);
	return worldFromJson(readFileSync(path, 'utf8'), path);
}
