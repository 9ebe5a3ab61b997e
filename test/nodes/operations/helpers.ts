/**
 * What the operation tests share: switching calls off in a demo login's API user template (1002)
 * and back on, the debtor-level login, and "now" set to the emulator world's clock.
 */
import { DateTime, Settings } from 'luxon';

import type { Emulator } from '../runNode';
import { WORLD_NOW, admin } from '../runNode';

export const ACCOUNTANT = 'accountant@demo.example';

/** Runs `test` while the accountant login's API user template has these calls switched off. */
export async function withCallsDisabled<T>(
	emulator: Emulator,
	calls: string[],
	test: () => Promise<T>,
): Promise<T> {
	const path = `/users/${encodeURIComponent(ACCOUNTANT)}/template`;
	await admin(emulator.adminUrl, path, { disabled: calls });
	try {
		return await test();
	} finally {
		await admin(emulator.adminUrl, path, { disabled: [] });
	}
}

/** The debtor-level demo login: it sees the first debtor only. */
export const DEBTOR_LOGIN = { email: 'debtor@demo.example', token: 'debtor-token' };

/** The world's year: WORLD_NOW is fixed, so results do not change with the calendar. */
export const WORLD_YEAR = Number(WORLD_NOW.slice(0, 4));

/** Runs `test` with luxon's "now" at the world's clock (Dutch time), so "current year" is the world's. */
export async function atWorldNow<T>(test: () => Promise<T>): Promise<T> {
	const realNow = Settings.now;
	const worldNow = DateTime.fromISO(WORLD_NOW, { zone: 'Europe/Amsterdam' }).toMillis();
	Settings.now = () => worldNow;
	try {
		return await test();
	} finally {
		Settings.now = realNow;
	}
}
