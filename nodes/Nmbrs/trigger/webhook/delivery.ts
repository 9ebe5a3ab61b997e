/**
 * A webhook delivery is a wake-up, not the data: what its body names (a debtor, a company), if
 * anything, narrows where the engine looks; the rest is the polling trigger's code (engine.ts).
 *
 * n8n loads the workflow's static data for each delivery and saves it after the node returns, so
 * two deliveries at once would both start from the old state. Deliveries of one trigger node are
 * therefore run one after another in this n8n process, and the state each run leaves is kept here
 * until a later delivery's copy is at least as new (state.ts `revision`). Deliveries that arrive
 * while a run is going are merged into the next run: a flood costs one fetch per company in flight.
 * Across several n8n webhook processes (queue mode) none of this holds: see the README.
 */
import type {
	IDataObject,
	IHookFunctions,
	INodeExecutionData,
	IWebhookFunctions,
} from 'n8n-workflow';

import type { Wake } from '../engine';
import type { TriggerState } from '../state';

/** A delivery larger than this is no Nmbrs wake-up: refused unread. */
export const MAX_DELIVERY_BYTES = 64 * 1024;

export interface Refusal {
	status: number;
	message: string;
}

function isObject(value: unknown): value is IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A positive whole number, as a number or digits. */
function idOf(value: unknown): number | undefined {
	const n = typeof value === 'string' && /^\d{1,15}$/.test(value.trim()) ? Number(value) : value;
	return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

const key = (name: string) => name.toLowerCase().replace(/[^a-z]/g, '');

/**
 * The debtor or company a body names (`DebtorId`, `companyId`, `company_id`, or `{ company: { id } }`),
 * looked for at the top and one level down; undefined when it names none or several.
 */
function named(body: IDataObject, what: 'debtor' | 'company'): number | undefined {
	const found = new Set<number>();
	const look = (object: IDataObject, depth: number) => {
		for (const [name, value] of Object.entries(object)) {
			const k = key(name);
			if (k === `${what}id`) {
				const id = idOf(value);
				if (id !== undefined) found.add(id);
			} else if (k === what && isObject(value)) {
				const id = idOf(value.id ?? value.Id ?? value.ID);
				if (id !== undefined) found.add(id);
			} else if (depth === 0 && isObject(value)) {
				look(value, 1);
			}
		}
	};
	look(body, 0);
	return found.size === 1 ? [...found][0] : undefined;
}

/** What a delivery asks to look at, or why it cannot be a delivery (nothing is called then). */
export function readDelivery(context: IWebhookFunctions): Wake | Refusal {
	const headers = context.getHeaderData();
	const length = Number(headers['content-length'] ?? 0);
	const type = String(headers['content-type'] ?? '');
	if (type !== '' && !/json/i.test(type))
		return { status: 415, message: 'A delivery is JSON (Content-Type: application/json)' };
	if (length > MAX_DELIVERY_BYTES)
		return { status: 413, message: `A delivery is at most ${MAX_DELIVERY_BYTES} bytes` };
	const body: unknown = context.getBodyData();
	if (body === undefined || body === null) return {};
	if (!isObject(body)) return { status: 400, message: 'A delivery is a JSON object' };
	if (JSON.stringify(body).length > MAX_DELIVERY_BYTES)
		return { status: 413, message: `A delivery is at most ${MAX_DELIVERY_BYTES} bytes` };
	const debtorId = named(body, 'debtor');
	const companyId = named(body, 'company');
	return {
		...(debtorId === undefined ? {} : { debtorIds: [debtorId] }),
		...(companyId === undefined ? {} : { companyIds: [companyId] }),
	};
}

export function isRefusal(value: Wake | Refusal): value is Refusal {
	return 'status' in value;
}

/** Several wake-ups as one: a limit holds only when every one of them has it. */
export function mergeWakes(wakes: Wake[]): Wake {
	const union = (lists: Array<number[] | undefined>) =>
		lists.every((list) => list !== undefined)
			? [...new Set(lists.flatMap((list) => list as number[]))]
			: undefined;
	const debtorIds = union(wakes.map((w) => w.debtorIds));
	const companyIds = union(wakes.map((w) => w.companyIds));
	return {
		...(debtorIds === undefined ? {} : { debtorIds }),
		...(companyIds === undefined ? {} : { companyIds }),
	};
}

type Items = INodeExecutionData[][] | null;

interface Waiter {
	wake: Wake;
	context: IWebhookFunctions;
	resolve: (items: Items) => void;
	reject: (error: unknown) => void;
}

/** Per trigger node: whether a run is going, and the deliveries waiting for the next. */
const queues = new Map<string, { running: boolean; waiting: Waiter[] }>();
/** Per trigger node: the static data its last run left (until n8n's copy is as new). */
const latest = new Map<string, IDataObject>();

function revisionOf(data: IDataObject | undefined): number {
	return typeof data?.revision === 'number' ? data.revision : 0;
}

type NodeContext = IWebhookFunctions | IHookFunctions;

/** The key of a trigger node in this process; the test URL's deliveries are apart. */
function nodeKey(context: NodeContext): string {
	const node = context.getNode();
	const url = context.getMode() === 'manual' ? 'test' : 'live';
	return `${context.getWorkflow().id ?? ''}|${node.id ?? node.name}|${url}`;
}

/** Forgets what this process kept of a node (its settings are gone, or made anew). */
export function forget(context: NodeContext): void {
	latest.delete(nodeKey(context));
}

/**
 * Keeps the state activation recorded: n8n saves it only after registration, and Nmbrs may post
 * before (a delivery would load no state and emit nothing new).
 */
export function remember(context: IHookFunctions): void {
	const raw = context.getWorkflowStaticData('node');
	latest.set(nodeKey(context), JSON.parse(JSON.stringify(raw)) as IDataObject);
}

/** Puts the newer state (this process's last, or n8n's copy) into the delivery's static data. */
function newest(key: string, raw: IDataObject): void {
	const kept = latest.get(key);
	if (!kept || revisionOf(kept) <= revisionOf(raw)) return;
	if (raw.instance !== undefined && raw.instance !== (kept as Partial<TriggerState>).instance)
		return;
	for (const name of Object.keys(raw)) delete raw[name];
	Object.assign(raw, JSON.parse(JSON.stringify(kept)) as IDataObject);
}

/**
 * Runs `run` for this delivery, after the node's earlier deliveries. The first of the deliveries
 * merged into one run gets its items; the others get null (their wake-up was served).
 */
export async function inTurn(
	context: IWebhookFunctions,
	wake: Wake,
	run: (context: IWebhookFunctions, wake: Wake) => Promise<Items>,
): Promise<Items> {
	const key = nodeKey(context);
	const queue = queues.get(key) ?? { running: false, waiting: [] };
	queues.set(key, queue);
	const done = new Promise<Items>((resolve, reject) =>
		queue.waiting.push({ wake, context, resolve, reject }),
	);
	if (!queue.running) void drain(key, queue, run);
	return await done;
}

async function drain(
	key: string,
	queue: { running: boolean; waiting: Waiter[] },
	run: (context: IWebhookFunctions, wake: Wake) => Promise<Items>,
): Promise<void> {
	queue.running = true;
	while (queue.waiting.length > 0) {
		const batch = queue.waiting.splice(0);
		const [first] = batch;
		const manual = first.context.getMode() === 'manual';
		try {
			const raw = first.context.getWorkflowStaticData('node');
			if (!manual) newest(key, raw);
			const items = await run(first.context, mergeWakes(batch.map((w) => w.wake)));
			if (!manual) latest.set(key, JSON.parse(JSON.stringify(raw)) as IDataObject);
			first.resolve(items);
			for (const other of batch.slice(1)) other.resolve(null);
		} catch (error) {
			// The run changed no state: each delivery fails, so that Nmbrs tries it again.
			for (const waiter of batch) waiter.reject(error);
		}
	}
	queue.running = false;
	queues.delete(key);
}
