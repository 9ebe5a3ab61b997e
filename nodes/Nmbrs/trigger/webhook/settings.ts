/**
 * The webhook trigger's registration at Nmbrs: one webhook setting per watched debtor, posting
 * the event's Nmbrs events to this node's URL (the production URL, or the test URL while the
 * editor listens for a test event). A setting is this node's when its endpoint is this node's URL
 * (n8n makes it unique per node); its name says which workflow it serves. Nothing is doubled: a
 * setting that is right is kept, one that is not is replaced.
 */
import type { IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asRecords, nmbrsRequest } from '../../glue/request';
import type { WireObject } from '../../wire';
import { eventOf, parseIdList } from '../engine';
import type { TriggerEvent } from '../event';

/** The calls registration makes. */
export const WEBHOOK_CALLS = [
	'DebtorService.List_GetAll',
	'DebtorService.WebhookSettings_GetEvents',
	'DebtorService.WebhookSettings_Get',
	'DebtorService.WebhookSettings_Insert',
	'DebtorService.WebhookSettings_Delete',
] as const;

/** Nmbrs has no published limit; a name longer than this is cut. */
const MAX_NAME = 100;

function urlOf(context: IHookFunctions): string {
	const url = context.getNodeWebhookUrl('default');
	if (!url)
		throw new NodeOperationError(context.getNode(), 'n8n gave this trigger no webhook URL', {
			description: 'Set WEBHOOK_URL for n8n to the https:// address Nmbrs can reach.',
		});
	return url;
}

/** "n8n workflow <id>: <node>", with "(test)" for the editor's test URL. */
export function settingName(context: IHookFunctions): string {
	const test = context.getMode() === 'manual' ? ' (test)' : '';
	const name = `n8n workflow ${context.getWorkflow().id ?? ''}${test}: ${context.getNode().name}`;
	return name.slice(0, MAX_NAME);
}

/** The debtors the node watches: every one the login sees, or the chosen ones. */
async function watchedDebtors(context: IHookFunctions): Promise<number[]> {
	if (context.getNodeParameter('scope', 'all') === 'debtors')
		return parseIdList(
			context.getNode(),
			context.getNodeParameter('debtorIds', []),
			'Debtor Names or IDs',
		);
	return await allDebtors(context);
}

async function allDebtors(context: IHookFunctions): Promise<number[]> {
	const rows = asRecords(await nmbrsRequest(context, 'DebtorService.List_GetAll', {}));
	return rows.map((row) => Number(row.Id)).filter((id) => Number.isInteger(id));
}

/** The EventIds of the event's Nmbrs events, looked up by name (Nmbrs does not publish the ids). */
async function wantedEventIds(context: IHookFunctions, event: TriggerEvent): Promise<number[]> {
	const known = asRecords(
		await nmbrsRequest(context, 'DebtorService.WebhookSettings_GetEvents', {}),
	);
	return event.wakesOn.map((name) => {
		const found = known.find(
			(row) => String(row.EventName ?? '').toLowerCase() === name.toLowerCase(),
		);
		if (!found)
			throw new NodeOperationError(context.getNode(), `Nmbrs offers no webhook event "${name}"`, {
				description: `Nmbrs lists these: ${known.map((row) => String(row.EventName)).join(', ')}. Use the Nmbrs Trigger (polling) instead.`,
			});
		return Number(found.EventId);
	});
}

async function settingsOf(context: IHookFunctions, debtorId: number): Promise<WireObject[]> {
	return asRecords(
		await nmbrsRequest(context, 'DebtorService.WebhookSettings_Get', { DebtorId: debtorId }),
	);
}

function activeEventIds(setting: WireObject): number[] {
	return asRecords((setting.Events as never) ?? null)
		.filter((e) => e.Active === true)
		.map((e) => Number(e.EventId))
		.sort((a, b) => a - b);
}

/** Whether a setting is this node's and posts exactly the wanted events. */
function isRight(setting: WireObject, url: string, name: string, wanted: number[]): boolean {
	return (
		setting.Endpoint === url &&
		setting.Name === name &&
		setting.Active === true &&
		activeEventIds(setting).join(',') === [...wanted].sort((a, b) => a - b).join(',')
	);
}

/** n8n's "does it exist": every watched debtor has this node's setting, as it should be. */
export async function settingsExist(
	context: IHookFunctions,
	events: readonly TriggerEvent[],
): Promise<boolean> {
	const url = urlOf(context);
	const name = settingName(context);
	const wanted = await wantedEventIds(context, eventOf(context, events));
	for (const debtorId of await watchedDebtors(context)) {
		const settings = await settingsOf(context, debtorId);
		if (!settings.some((s) => isRight(s, url, name, wanted))) return false;
	}
	return true;
}

/** Registers this node at every watched debtor: a right setting is kept, others of its replaced. */
export async function createSettings(
	context: IHookFunctions,
	events: readonly TriggerEvent[],
): Promise<void> {
	const url = urlOf(context);
	const name = settingName(context);
	const wanted = await wantedEventIds(context, eventOf(context, events));
	for (const debtorId of await watchedDebtors(context)) {
		const ours = (await settingsOf(context, debtorId)).filter((s) => s.Endpoint === url);
		const keep = ours.find((s) => isRight(s, url, name, wanted));
		for (const setting of ours) {
			if (setting !== keep) await deleteSetting(context, debtorId, setting);
		}
		if (keep) continue;
		await nmbrsRequest(context, 'DebtorService.WebhookSettings_Insert', {
			DebtorId: debtorId,
			WebhookSetting: {
				WebhookSettingId: 0,
				Name: name,
				Endpoint: url,
				Active: true,
				Events: wanted.map((EventId) => ({ EventId, Active: true })),
			},
		});
	}
}

async function deleteSetting(
	context: IHookFunctions,
	debtorId: number,
	setting: WireObject,
): Promise<void> {
	await nmbrsRequest(context, 'DebtorService.WebhookSettings_Delete', {
		DebtorId: debtorId,
		WebhookSettingId: Number(setting.WebhookSettingId),
	});
}

/**
 * Removes this node's settings at every debtor the login sees (not only the watched ones: the
 * choice may have changed since they were made), so deactivation leaves none behind.
 */
export async function deleteSettings(context: IHookFunctions): Promise<void> {
	const url = urlOf(context);
	for (const debtorId of await allDebtors(context)) {
		for (const setting of await settingsOf(context, debtorId)) {
			if (setting.Endpoint === url) await deleteSetting(context, debtorId, setting);
		}
	}
}
