/**
 * Hand-made stand-ins for what n8n gives a node at run time, wired to a real HTTP stack:
 * - plainHttp: n8n's httpRequest (returnFullResponse, ignoreHttpStatusErrors, string bodies);
 * - authenticatedHttp: httpRequestWithAuthentication as n8n-core does it: preAuthentication when
 *   the expirable field is empty (its output cached on the stored credential when it holds that
 *   field), then the credential's authenticate, then the request; anything thrown on the way is
 *   wrapped in a NodeApiError with the original as `cause`, as n8n does;
 * - executeContext / pollContext / loadOptionsContext: IExecuteFunctions / IPollFunctions /
 *   ILoadOptionsFunctions with the parts our nodes use.
 */
import { Readable } from 'stream';
import type { ReadableStream as WebReadableStream } from 'stream/web';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	INodeExecutionData,
	IPollFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { NmbrsApi } from '../../credentials/NmbrsApi.credentials';

export interface FullResponse {
	statusCode: number;
	headers: Record<string, string>;
	body: string;
}

export interface SentRequest {
	url: string;
	soapAction: string;
	body: string;
}

/**
 * n8n's httpRequest, reduced to what the package uses; records every request it sends. With
 * `streams`, a request for encoding 'stream' gets the body as it arrives, as from n8n; without,
 * every body is text (what a test that forwards a request and rewrites the answer wants).
 */
export function plainHttp(sent: SentRequest[] = [], { streams = false } = {}) {
	return async (options: IHttpRequestOptions): Promise<FullResponse | string> => {
		const headers: Record<string, string> = {};
		for (const [k, v] of Object.entries(options.headers ?? {})) headers[k] = String(v);
		const body =
			typeof options.body === 'string' ? options.body : JSON.stringify(options.body ?? '');
		sent.push({ url: options.url, soapAction: headers.SOAPAction ?? '', body });
		const response = await fetch(options.url, {
			method: options.method ?? 'GET',
			headers,
			body,
			signal: options.abortSignal as AbortSignal | undefined,
		});
		const responseHeaders: Record<string, string> = {};
		response.headers.forEach((value, key) => (responseHeaders[key] = value));
		// As n8n does for encoding 'stream': the body as it arrives (fetch unpacks gzip on the way).
		if (streams && options.encoding === 'stream' && options.returnFullResponse && response.body) {
			const stream = Readable.fromWeb(response.body as WebReadableStream);
			// An answer dropped unread (its call aborted) is no error of the test's.
			stream.on('error', () => undefined);
			return { statusCode: response.status, headers: responseHeaders, body: stream as never };
		}
		const text = await response.text();
		if (!options.ignoreHttpStatusErrors && response.status >= 400) {
			const error = new Error(`Request failed with status code ${response.status}`) as Error & {
				httpCode: number;
			};
			error.httpCode = response.status;
			throw error;
		}
		return options.returnFullResponse
			? { statusCode: response.status, headers: responseHeaders, body: text }
			: text;
	};
}

const credentialType = new NmbrsApi();

/**
 * Answers a request instead of the emulator when it returns a response (simulated failures).
 * It sees every request the credential's functions send, preAuthentication's lookup included,
 * after authenticate (absolute URL, filled auth header). It may also throw (no answer).
 */
export type Intercept = (
	options: IHttpRequestOptions,
) => FullResponse | undefined | Promise<FullResponse | undefined>;

/**
 * What n8n-core's httpRequestWithAuthentication throws for anything that failed inside it:
 * `new NodeApiError(node, error)`. n8n 2.41 keeps the original error as `cause`; the older
 * n8n-workflow in devDependencies drops an Error cause (a class field resets it), so it is put
 * back here the way n8n 2.41 has it (non-enumerable own property).
 */
export function wrapAsN8n(node: INode, error: unknown): NodeApiError {
	const wrapped = new NodeApiError(node, error as JsonObject);
	if (error instanceof Error && wrapped !== (error as unknown) && wrapped.cause === undefined) {
		Object.defineProperty(wrapped, 'cause', {
			value: error,
			enumerable: false,
			writable: true,
			configurable: true,
		});
	}
	return wrapped;
}

/**
 * httpRequestWithAuthentication for the nmbrsApi credential. `stored` is the credential as n8n
 * keeps it: preAuthentication's output is written back into it, as n8n does.
 */
export function authenticatedHttp(
	stored: ICredentialDataDecryptedObject,
	sent: SentRequest[] = [],
	intercept?: Intercept,
	node: INode = testNode,
) {
	const http = plainHttp(sent, { streams: true });
	const send = async (options: IHttpRequestOptions) =>
		(await intercept?.(options)) ?? (await http(options));
	return async (options: IHttpRequestOptions): Promise<FullResponse | string> => {
		try {
			if (stored.sessionSubdomain === '' || stored.sessionSubdomain === undefined) {
				const output = await credentialType.preAuthentication.call(
					{ helpers: { httpRequest: send as never } },
					stored,
				);
				// n8n keeps the output only when it holds the expirable field.
				if (output.sessionSubdomain !== undefined) Object.assign(stored, output);
			}
			const authenticated = await credentialType.authenticate(stored, { ...options });
			return await send(authenticated);
		} catch (error) {
			throw wrapAsN8n(node, error);
		}
	};
}

export function credentialsFor(
	soapBaseUrl: string,
	overrides: IDataObject = {},
): ICredentialDataDecryptedObject {
	return {
		email: 'accountant@demo.example',
		token: 'demo-token',
		subdomain: 'demo',
		environment: 'custom',
		customBaseUrl: soapBaseUrl,
		sessionSubdomain: '',
		...overrides,
	} as ICredentialDataDecryptedObject;
}

export const testNode: INode = {
	id: 'test-node',
	name: 'Nmbrs',
	type: 'n8n-nodes-nmbrs.nmbrs',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
	credentials: { nmbrsApi: { id: '1', name: 'Nmbrs account' } },
};

type ParamValue = unknown | ((itemIndex: number) => unknown);

function readParam(
	params: Record<string, ParamValue>,
	name: string,
	itemIndex: number,
	fallback: unknown,
	options?: { extractValue?: boolean },
) {
	const raw = name in params ? params[name] : fallback;
	let value = typeof raw === 'function' ? (raw as (i: number) => unknown)(itemIndex) : raw;
	if (value === undefined) throw new Error(`The test did not set parameter "${name}"`);
	if (options?.extractValue && value !== null && typeof value === 'object' && '__rl' in value) {
		value = (value as unknown as { value: unknown }).value;
	}
	return value;
}

export interface ContextOptions {
	params: Record<string, ParamValue>;
	credentials: ICredentialDataDecryptedObject;
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	sent?: SentRequest[];
	/** Answers a request instead of the emulator when it returns a response (simulated failures). */
	intercept?: Intercept;
	/** The node the context runs as (default: the action node). */
	node?: INode;
}

const helpers = {
	/** As n8n keeps a binary in its default (in-memory) mode. */
	async prepareBinaryData(data: Buffer, fileName?: string, mimeType?: string) {
		return {
			data: data.toString('base64'),
			mimeType: mimeType ?? 'application/octet-stream',
			fileName,
			fileExtension: fileName?.includes('.') ? fileName.split('.').pop() : undefined,
			fileSize: `${data.length} B`,
		};
	},
	returnJsonArray(data: IDataObject | IDataObject[]): INodeExecutionData[] {
		return (Array.isArray(data) ? data : [data]).map((json) => ({ json }));
	},
	constructExecutionMetaData(
		items: INodeExecutionData[],
		options: { itemData: { item: number } | Array<{ item: number }> },
	): INodeExecutionData[] {
		return items.map((item) => ({ ...item, pairedItem: options.itemData }));
	},
};

export function executeContext(options: ContextOptions): IExecuteFunctions {
	const node = options.node ?? testNode;
	const http = authenticatedHttp(options.credentials, options.sent, options.intercept, node);
	const context = {
		getInputData: () => options.items ?? [{ json: {} }],
		getNodeParameter: (
			name: string,
			itemIndex: number,
			fallback?: unknown,
			opts?: { extractValue?: boolean },
		) => readParam(options.params, name, itemIndex, fallback, opts),
		getNode: () => node,
		continueOnFail: () => options.continueOnFail ?? false,
		getCredentials: async (type: string) => {
			if (type !== 'nmbrsApi') throw new Error(`unexpected credential type ${type}`);
			return options.credentials;
		},
		helpers: {
			...helpers,
			httpRequestWithAuthentication: async function (type: string, req: IHttpRequestOptions) {
				if (type !== 'nmbrsApi') throw new Error(`unexpected credential type ${type}`);
				return await http(req);
			},
		},
	};
	return context as unknown as IExecuteFunctions;
}

export interface LoadOptionsContextOptions {
	/** The node's parameters as the editor holds them while the user searches (locators as values). */
	params: Record<string, unknown>;
	credentials: ICredentialDataDecryptedObject;
	sent?: SentRequest[];
	intercept?: Intercept;
}

/**
 * ILoadOptionsFunctions with the parts list searches and load options use: the parameters
 * already set (a parameter not set is undefined, as in the editor), the credential and its
 * authenticated HTTP helper.
 */
export function loadOptionsContext(options: LoadOptionsContextOptions): ILoadOptionsFunctions {
	const http = authenticatedHttp(options.credentials, options.sent, options.intercept, testNode);
	const context = {
		getCurrentNodeParameter: (name: string, opts?: { extractValue?: boolean }) => {
			const value = options.params[name];
			if (opts?.extractValue && value !== null && typeof value === 'object' && '__rl' in value) {
				return (value as unknown as { value: unknown }).value;
			}
			return value;
		},
		getNode: () => testNode,
		getCredentials: async (type: string) => {
			if (type !== 'nmbrsApi') throw new Error(`unexpected credential type ${type}`);
			return options.credentials;
		},
		helpers: {
			httpRequestWithAuthentication: async function (type: string, req: IHttpRequestOptions) {
				if (type !== 'nmbrsApi') throw new Error(`unexpected credential type ${type}`);
				return await http(req);
			},
		},
	};
	return context as unknown as ILoadOptionsFunctions;
}

export interface PollOptions extends ContextOptions {
	mode: 'manual' | 'trigger';
	staticData: IDataObject;
	/** The workflow the trigger belongs to (n8n's workflow ID; default one shared ID). */
	workflowId?: string;
	/** Receives what the node writes to n8n's log, as `level: message`. */
	log?: string[];
}

export function pollContext(options: PollOptions): IPollFunctions {
	const node: INode = { ...testNode, name: 'Nmbrs Trigger', type: 'n8n-nodes-nmbrs.nmbrsTrigger' };
	// A poll context has no input items and no Continue On Fail (IPollFunctions).
	const {
		getInputData: _input,
		continueOnFail: _onFail,
		...base
	} = executeContext({
		...options,
		node,
	}) as unknown as Record<string, unknown>;
	const context = {
		...base,
		getNodeParameter: (name: string, fallback?: unknown) =>
			readParam(options.params, name, 0, fallback),
		getMode: () => options.mode,
		getWorkflow: () => ({
			id: options.workflowId ?? 'workflow',
			name: 'test workflow',
			active: true,
		}),
		logger: Object.fromEntries(
			['debug', 'info', 'warn', 'error'].map((level) => [
				level,
				(message: string) => options.log?.push(`${level}: ${message}`),
			]),
		),
		getWorkflowStaticData: (type: string) => {
			if (type !== 'node') throw new Error(`unexpected static data type ${type}`);
			return options.staticData;
		},
	};
	return context as unknown as IPollFunctions;
}

/** POST JSON to the emulator's admin API; throws on a non-2xx answer. */
export async function admin(
	adminUrl: string,
	path: string,
	body?: unknown,
	method = 'POST',
): Promise<unknown> {
	const response = await fetch(`${adminUrl.replace(/\/$/, '')}${path}`, {
		method,
		headers: { 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	if (!response.ok) throw new Error(`admin ${method} ${path}: ${response.status} ${text}`);
	return text === '' ? null : JSON.parse(text);
}
