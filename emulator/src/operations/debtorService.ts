/**
 * DebtorService: the accountant's clients, the environment, departments and functions. A debtor
 * that exists but lies outside the login's debtors (its filters / tags) is 1003 here; an unknown
 * DebtorId stays 2009 (REFERENCE §1.5). Other services answer both with their own 2009/2004/2003.
 */
import type { WireValue } from '../../../nodes/Nmbrs/wire';
import type { Debtor, EmulatorUser, WebhookSettingRecord } from '../world/model';
import { WEBHOOK_EVENTS } from '../world/events';
import { userSeesDebtor } from '../world/users';
import { findDebtor, touch, type World } from '../world/world';
import { NmbrsFault, requireDebtor, unauthorized } from './faults';
import { handler, int, obj, type OperationHandler, type Params } from './params';
import { addressRecord } from './records';

function debtorOf(world: World, user: EmulatorUser, params: Params): Debtor {
	const id = int(params, 'DebtorId');
	const debtor = findDebtor(world, id);
	if (debtor && !userSeesDebtor(user, debtor.id)) throw unauthorized(1003);
	return requireDebtor(world, user, id);
}

/** A debtor's webhook settings, kept in the world (a world saved before them has none). */
function webhookSettingsOf(world: World, debtor: Debtor): WebhookSettingRecord[] {
	const all = (world.webhookSettings ??= {});
	return (all[String(debtor.id)] ??= []);
}

/**
 * Whether Nmbrs would take the endpoint: https:// only. `allowHttp` (the emulator's
 * --allow-http-webhooks) also takes plain http to this machine (loopback), for local n8n and tests.
 */
export function endpointAllowed(endpoint: string, allowHttp: boolean): boolean {
	if (/^https:\/\/[^\s/]+/i.test(endpoint)) return true;
	if (!allowHttp || !/^http:\/\//i.test(endpoint)) return false;
	try {
		const host = new URL(endpoint).hostname.replace(/^\[|\]$/g, '');
		return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
	} catch {
		return false;
	}
}

function webhookSettingFromRequest(
	world: World,
	input: Record<string, WireValue> | null,
	allowHttp: boolean,
) {
	const name = typeof input?.Name === 'string' ? input.Name.trim() : '';
	if (name === '') throw new NmbrsFault(2045, 'Invalid webhook name: the name is empty');
	const endpoint = typeof input?.Endpoint === 'string' ? input.Endpoint.trim() : '';
	if (!endpointAllowed(endpoint, allowHttp))
		throw new NmbrsFault(2044, 'Invalid webhook endpoint: it must start with https://');
	const events = Array.isArray(input?.Events)
		? (input.Events as Array<Record<string, WireValue>>)
		: [];
	return {
		id: world.nextIds.record++,
		name,
		endpoint,
		active: input?.Active === true,
		events: WEBHOOK_EVENTS.map((event) => ({
			eventId: event.EventId,
			active: events.some((e) => Number(e.EventId) === event.EventId && e.Active !== false),
		})),
	};
}

function webhookSettingRecord(setting: WebhookSettingRecord) {
	return {
		WebhookSettingId: setting.id,
		Name: setting.name,
		Endpoint: setting.endpoint,
		Active: setting.active,
		Events: WEBHOOK_EVENTS.map((event) => ({
			...event,
			Active: setting.events.some((e) => e.eventId === event.EventId && e.active),
		})),
	};
}

export const debtorHandlers: Array<[string, OperationHandler]> = [
	handler('DebtorService.WebhookSettings_GetEvents', () =>
		WEBHOOK_EVENTS.map((event) => ({ ...event, Active: true })),
	),
	handler('DebtorService.WebhookSettings_Get', (world, { user, params }) =>
		webhookSettingsOf(world, debtorOf(world, user, params)).map(webhookSettingRecord),
	),
	handler('DebtorService.WebhookSettings_Insert', (world, { user, params, allowHttpWebhooks }) => {
		const debtor = debtorOf(world, user, params);
		const setting = webhookSettingFromRequest(
			world,
			obj(params, 'WebhookSetting'),
			allowHttpWebhooks === true,
		);
		webhookSettingsOf(world, debtor).push(setting);
		touch(world);
		return setting.id;
	}),
	handler('DebtorService.WebhookSettings_Delete', (world, { user, params }) => {
		const settings = webhookSettingsOf(world, debtorOf(world, user, params));
		const index = settings.findIndex((s) => s.id === int(params, 'WebhookSettingId'));
		if (index < 0) return false;
		settings.splice(index, 1);
		touch(world);
		return true;
	}),
	handler('DebtorService.Environment_Get', (_world, { user }) => ({
		Domain: `${user.domain}.nmbrs.nl`,
		SubDomain: user.domain,
	})),
	handler('DebtorService.List_GetAll', (world, { user }) =>
		world.debtors
			.filter((d) => userSeesDebtor(user, d.id))
			.map((d) => ({ Id: d.id, Number: d.number, Name: d.name })),
	),
	handler('DebtorService.Debtor_Get', (world, { user, params }) => {
		const debtor = debtorOf(world, user, params);
		return { Id: debtor.id, Number: debtor.number, Name: debtor.name };
	}),
	handler('DebtorService.Department_GetList', (world, { user, params }) =>
		debtorOf(world, user, params).departments.map((d) => ({
			Id: d.id,
			Code: d.code,
			Description: d.description,
		})),
	),
	handler('DebtorService.Function_GetList', (world, { user, params }) =>
		debtorOf(world, user, params).functions.map((f) => ({
			Id: f.id,
			Code: f.code,
			Description: f.description,
		})),
	),
	// Served with the generated (WSDL-only) entry: no curated catalogue entry.
	handler('DebtorService.Title_GetList', (world, { user, params }) =>
		debtorOf(world, user, params).titles.map((title) => ({ TitleName: title })),
	),
	handler('DebtorService.Address_Get', (world, { user, params }) =>
		addressRecord(debtorOf(world, user, params).address),
	),
];
