/**
 * The webhook trigger as n8n runs it, against the emulator: activation and deactivation call the
 * node's webhook methods with a hook context; a small HTTP server stands for n8n's webhook
 * endpoint and hands each request to `webhook()` with a webhook context. As n8n does, each
 * delivery gets its own copy of the workflow's stored static data, saved back after the node
 * returns (so two deliveries at once both start from the same stored state).
 */
import { createServer, type IncomingMessage, type Server } from 'http';
import type { AddressInfo } from 'net';
import type {
	IDataObject,
	IHookFunctions,
	INode,
	INodeExecutionData,
	IWebhookFunctions,
} from 'n8n-workflow';

import { NmbrsWebhookTrigger } from '../../../nodes/Nmbrs/NmbrsWebhookTrigger.node';
import type { SentRequest } from '../harness';
import { credentialsFor, executeContext, testNode } from '../harness';
import type { Emulator } from '../trigger/support';

const trigger = new NmbrsWebhookTrigger();
const methods = trigger.webhookMethods.default;

export const NODE: INode = {
	...testNode,
	id: 'webhook-node',
	name: 'Nmbrs Webhook Trigger',
	type: 'n8n-nodes-nmbrs.nmbrsWebhookTrigger',
};

let workflows = 0;

export interface Answer {
	status: number;
	body: unknown;
}

/** One workflow with the webhook trigger, served on a local port as n8n would serve it. */
export class WebhookWorkflow {
	readonly workflowId = `webhook-workflow-${++workflows}`;
	/** The static data as n8n stores it (JSON) between deliveries. */
	stored: IDataObject = {};
	/** What each execution the deliveries started got. */
	readonly executions: INodeExecutionData[][] = [];
	/** Every call the node made to Nmbrs. */
	readonly sent: SentRequest[] = [];
	private server?: Server;
	private port = 0;
	/** n8n's test URL takes one request after "Listen for test event", then answers 404. */
	private listeningForTest = false;

	constructor(
		readonly emulator: () => Emulator,
		public params: Record<string, unknown> = {},
	) {}

	url(mode: 'trigger' | 'manual' = 'trigger'): string {
		return `http://127.0.0.1:${this.port}/${mode === 'manual' ? 'webhook-test' : 'webhook'}/${this.workflowId}/webhook`;
	}

	async listen(): Promise<void> {
		this.server = createServer((req, res) => void this.serve(req, res));
		await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
		this.port = (this.server.address() as AddressInfo).port;
	}

	async close(): Promise<void> {
		await new Promise<void>((resolve) =>
			this.server ? this.server.close(() => resolve()) : resolve(),
		);
	}

	private parameters(): Record<string, unknown> {
		return {
			event: 'payrollRunLocked',
			statuses: 'locked',
			scope: 'all',
			debtorIds: [],
			previousYearUntil: 3,
			declarationOptions: {},
			runOptions: {},
			...this.params,
		};
	}

	private base(mode: 'trigger' | 'manual', staticData: IDataObject): Record<string, unknown> {
		const params = this.parameters();
		const context = executeContext({
			params,
			credentials: credentialsFor(this.emulator().soapBaseUrl),
			sent: this.sent,
			node: NODE,
		}) as unknown as Record<string, unknown>;
		const { getInputData: _i, continueOnFail: _c, ...rest } = context;
		return {
			...rest,
			getNodeParameter: (name: string, fallback?: unknown) =>
				name in params ? params[name] : fallback,
			getMode: () => mode,
			getWorkflow: () => ({ id: this.workflowId, name: 'webhook test workflow', active: true }),
			getWorkflowStaticData: () => staticData,
			getNodeWebhookUrl: () => this.url(mode),
			logger: { debug() {}, info() {}, warn() {}, error() {} },
		};
	}

	/**
	 * n8n's activation: "does it exist", then create when it does not. n8n saves the static data
	 * after registration; `saveLater` holds that back until the returned function is called.
	 */
	async activate(
		mode: 'trigger' | 'manual' = 'trigger',
		{ saveLater = false } = {},
	): Promise<() => void> {
		const staticData = JSON.parse(JSON.stringify(this.stored)) as IDataObject;
		const context = this.base(mode, staticData) as unknown as IHookFunctions;
		if (!(await methods.checkExists.call(context))) await methods.create.call(context);
		if (mode === 'manual') this.listeningForTest = true;
		const save = () => {
			if (mode === 'trigger') this.stored = staticData;
		};
		if (!saveLater) save();
		return save;
	}

	async checkExists(mode: 'trigger' | 'manual' = 'trigger'): Promise<boolean> {
		const context = this.base(mode, {}) as unknown as IHookFunctions;
		return await methods.checkExists.call(context);
	}

	/** create() even when the setting exists (n8n does after a failed check, or a restart). */
	async create(mode: 'trigger' | 'manual' = 'trigger'): Promise<void> {
		const staticData = JSON.parse(JSON.stringify(this.stored)) as IDataObject;
		await methods.create.call(this.base(mode, staticData) as unknown as IHookFunctions);
		if (mode === 'trigger') this.stored = staticData;
	}

	async deactivate(mode: 'trigger' | 'manual' = 'trigger'): Promise<void> {
		await methods.delete.call(this.base(mode, {}) as unknown as IHookFunctions);
	}

	/** Posts a body to the workflow's URL as any sender would. */
	async post(
		body: unknown,
		options: { mode?: 'trigger' | 'manual'; contentType?: string } = {},
	): Promise<Answer> {
		const response = await fetch(this.url(options.mode), {
			method: 'POST',
			headers: { 'Content-Type': options.contentType ?? 'application/json' },
			body: typeof body === 'string' ? body : JSON.stringify(body),
		});
		const text = await response.text();
		return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
	}

	/** What n8n does with a request on the webhook URL. */
	private async serve(req: IncomingMessage, res: import('http').ServerResponse): Promise<void> {
		const mode = req.url?.startsWith('/webhook-test/') ? 'manual' : 'trigger';
		if (mode === 'manual') {
			if (!this.listeningForTest) {
				res.writeHead(404).end();
				return;
			}
			this.listeningForTest = false;
		}
		let raw = '';
		for await (const chunk of req) raw += (chunk as Buffer).toString('utf8');
		let body: unknown = {};
		try {
			body = raw === '' ? {} : (JSON.parse(raw) as unknown);
		} catch {
			body = raw;
		}
		const staticData = JSON.parse(JSON.stringify(this.stored)) as IDataObject;
		const before = JSON.stringify(staticData);
		let status = 200;
		let sent: unknown;
		const response = {
			status(code: number) {
				status = code;
				return response;
			},
			json(value: unknown) {
				sent = value;
				return response;
			},
		};
		const context = {
			...this.base(mode, staticData),
			getBodyData: () => body,
			getHeaderData: () => req.headers,
			getResponseObject: () => response,
		} as unknown as IWebhookFunctions;
		try {
			const result = await trigger.webhook.call(context);
			// n8n saves the static data after the node returns, when it changed.
			if (mode === 'trigger' && JSON.stringify(staticData) !== before) this.stored = staticData;
			if (result.noWebhookResponse) {
				res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(sent));
				return;
			}
			if (result.workflowData) this.executions.push(result.workflowData[0]);
			res
				.writeHead(200, { 'Content-Type': 'application/json' })
				.end(JSON.stringify(result.webhookResponse ?? { message: 'Workflow was started' }));
		} catch (error) {
			res
				.writeHead(500, { 'Content-Type': 'application/json' })
				.end(JSON.stringify({ message: (error as Error).message }));
		}
	}

	/** Every item the executions emitted. */
	items(): INodeExecutionData[] {
		return this.executions.flat();
	}
}

/** Waits until `done` holds (or 5 s passed) and returns the last value read. */
export async function until<T>(
	read: () => T | Promise<T>,
	done: (value: T) => boolean,
): Promise<T> {
	const deadline = Date.now() + 5_000;
	for (;;) {
		const value = await read();
		if (done(value) || Date.now() > deadline) return value;
		await new Promise((r) => setTimeout(r, 25));
	}
}
