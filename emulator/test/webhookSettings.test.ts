/** A debtor's webhook settings (v3 only): events listed, settings added, read back and removed. */
import { createWorld } from '../src/world';
import type { World } from '../src/world/world';
import { call, faultOf, rows } from './worldHelpers';

let world: World;
const user = (email = 'accountant@demo.example') => world.users.find((u) => u.email === email)!;

beforeEach(() => {
	world = createWorld({ kind: 'demo' }, undefined, { now: '2026-11-25' });
});

const setting = (fields: object = {}) => ({
	WebhookSettingId: 0,
	Name: 'n8n workflow 42',
	Endpoint: 'https://n8n.example.nl/webhook/abc',
	Active: true,
	Events: [
		{ EventId: 1, Active: true },
		{ EventId: 3, Active: true },
	],
	...fields,
});

describe('webhook settings', () => {
	it('lists the six events Nmbrs names', () => {
		const events = rows(world, user(), 'DebtorService.WebhookSettings_GetEvents');
		expect(events.map((e) => e.EventName)).toEqual([
			'Run Finish',
			'Journals Finish',
			'Wage Tax Declaration Created',
			'Wage Tax Declaration Sent',
			'Pension Export Created',
			'Pension Export Sent',
		]);
	});

	it('a setting added is read back with its events; deleted, it is gone', () => {
		const [debtor] = world.debtors;
		const id = call(world, user(), 'DebtorService.WebhookSettings_Insert', {
			DebtorId: debtor.id,
			WebhookSetting: setting(),
		});
		const [read] = rows(world, user(), 'DebtorService.WebhookSettings_Get', {
			DebtorId: debtor.id,
		});
		expect(read).toMatchObject({
			WebhookSettingId: id,
			Name: 'n8n workflow 42',
			Endpoint: 'https://n8n.example.nl/webhook/abc',
			Active: true,
		});
		const events = read.Events as Array<{ EventId: number; Active: boolean }>;
		expect(events.filter((e) => e.Active).map((e) => e.EventId)).toEqual([1, 3]);
		expect(
			rows(world, user(), 'DebtorService.WebhookSettings_Get', { DebtorId: world.debtors[1].id }),
		).toEqual([]);
		expect(
			call(world, user(), 'DebtorService.WebhookSettings_Delete', {
				DebtorId: debtor.id,
				WebhookSettingId: id,
			}),
		).toBe(true);
		expect(
			rows(world, user(), 'DebtorService.WebhookSettings_Get', { DebtorId: debtor.id }),
		).toEqual([]);
	});

	it('an endpoint that is not https:// is 2044, an empty name 2045; a debtor outside the login 1003', () => {
		const [first, second] = world.debtors;
		const insert = (fields: object, debtorId = first.id, email?: string) =>
			faultOf(() =>
				call(world, user(email), 'DebtorService.WebhookSettings_Insert', {
					DebtorId: debtorId,
					WebhookSetting: setting(fields),
				}),
			);
		expect(insert({ Endpoint: 'http://n8n.example.nl/webhook/abc' })).toBe(2044);
		expect(insert({ Endpoint: '' })).toBe(2044);
		expect(insert({ Name: '  ' })).toBe(2045);
		expect(insert({}, second.id, 'debtor@demo.example')).toBe(1003);
		expect(
			rows(world, user(), 'DebtorService.WebhookSettings_Get', { DebtorId: first.id }),
		).toEqual([]);
	});
});
