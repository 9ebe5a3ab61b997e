/**
 * The HTTP front door: `/__admin/*` goes to the admin API (JSON), `/soap/v3/<Service>.asmx` to the
 * SOAP handler (POST) or the generated WSDL (GET `?WSDL`); everything else is a 404.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'http';
import { SERVICES } from '../../../nodes/Nmbrs/catalogue/types';
import type { ServiceName } from '../../../nodes/Nmbrs/catalogue/types';
import { generateWsdl } from '../wsdl';
import type { EmulatorContext } from './context';
import { sleep } from './sleep';
import { handleSoap, type SoapOutcome } from './soap';

/** Big enough for any document upload a workflow sends; small enough to refuse abuse. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

export class BodyTooLargeError extends Error {}

/**
 * The request body, up to `limit` bytes. Past it the promise rejects with BodyTooLargeError and
 * the rest of the body is read and dropped (never kept): destroying the request instead would
 * reset the connection before the 413 reaches the client. The 413 goes out with Connection: close.
 */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		const onData = (chunk: Buffer) => {
			size += chunk.length;
			if (size <= limit) {
				chunks.push(chunk);
				return;
			}
			req.off('data', onData);
			chunks.length = 0;
			req.resume();
			reject(new BodyTooLargeError(`request body larger than ${limit} bytes`));
		};
		req.on('data', onData);
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

export function sendText(
	res: ServerResponse,
	status: number,
	contentType: string,
	body: string,
): void {
	res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body) });
	res.end(body);
}

/**
 * The request's URL, or undefined when its path cannot be read: a target `new URL` refuses, or a
 * malformed %-escape (`/%E0%A4%A`), which would fail later wherever the path is decoded.
 */
function requestUrl(target: string | undefined, base: string): URL | undefined {
	try {
		const url = new URL(target ?? '/', base);
		decodeURIComponent(url.pathname);
		return url;
	} catch {
		return undefined;
	}
}

/** Services with at least one operation in the catalogue (ReportService only once it has some). */
function servedService(ctx: EmulatorContext, fileName: string): ServiceName | undefined {
	const service = SERVICES.find((s) => s.toLowerCase() === fileName.toLowerCase());
	return service && ctx.operationsOf(service).length > 0 ? service : undefined;
}

export function createRequestListener(
	ctx: EmulatorContext,
	handleAdmin: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>,
	ownUrl: () => string,
): RequestListener {
	const wsdlCache = new Map<string, string>();

	const wsdlFor = (service: ServiceName, address: string): string => {
		const key = `${service} ${address}`;
		let wsdl = wsdlCache.get(key);
		if (wsdl === undefined) {
			wsdl = generateWsdl(service, ctx.operationsOf(service), address);
			wsdlCache.set(key, wsdl);
		}
		return wsdl;
	};

	return (req, res) => {
		const url = requestUrl(req.url, ownUrl());
		if (!url) {
			sendText(
				res,
				400,
				'text/plain; charset=utf-8',
				'Bad request: the path is not a valid URL path\n',
			);
			return;
		}
		const route = async (): Promise<void> => {
			if (url.pathname === '/__admin' || url.pathname.startsWith('/__admin/')) {
				await handleAdmin(req, res, url);
				return;
			}
			const asmx = /^\/soap\/v3\/(\w+)\.asmx$/i.exec(url.pathname);
			const service = asmx ? servedService(ctx, asmx[1]) : undefined;
			if (!service) {
				if (url.pathname === '/' && req.method === 'GET') {
					sendText(
						res,
						200,
						'text/plain; charset=utf-8',
						`Nmbrs emulator. SOAP base URL: ${ownUrl()}/soap/v3/\n`,
					);
				} else {
					sendText(res, 404, 'text/plain; charset=utf-8', `Not found: ${url.pathname}\n`);
				}
				return;
			}
			if (req.method === 'GET') {
				const wantsWsdl = [...url.searchParams.keys()].some((k) => k.toLowerCase() === 'wsdl');
				if (wantsWsdl) {
					// Advertise the address the client reached us by (Host header), so a client
					// behind a port mapping or on another host name calls back to the right place.
					const host = req.headers.host ?? new URL(ownUrl()).host;
					sendText(
						res,
						200,
						'text/xml; charset=utf-8',
						wsdlFor(service, `http://${host}/soap/v3/${service}.asmx`),
					);
				} else {
					const names = ctx.operationsOf(service).map((r) => r.operation.name);
					sendText(
						res,
						200,
						'text/plain; charset=utf-8',
						`${service} (Nmbrs emulator): ${names.length} operations. WSDL: ?WSDL\n`,
					);
				}
				return;
			}
			if (req.method !== 'POST') {
				res.setHeader('Allow', 'GET, POST');
				sendText(res, 405, 'text/plain; charset=utf-8', 'Method not allowed\n');
				return;
			}
			await serveSoap(ctx, req, res, service);
		};
		route().catch((error: unknown) => {
			if (error instanceof BodyTooLargeError) {
				if (!res.headersSent) {
					res.setHeader('Connection', 'close');
					sendText(res, 413, 'text/plain; charset=utf-8', `${error.message}\n`);
				}
				return;
			}
			ctx.logLine(
				`emulator: ${req.method} ${url.pathname} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
			);
			if (!res.headersSent)
				sendText(res, 500, 'text/plain; charset=utf-8', 'Internal emulator error\n');
			else res.destroy();
		});
	};
}

async function serveSoap(
	ctx: EmulatorContext,
	req: IncomingMessage,
	res: ServerResponse,
	service: ServiceName,
): Promise<void> {
	const time = ctx.clockMs();
	const started = Date.now();
	const body = (await readBody(req)).toString('utf8');
	const header = (name: string) => {
		const value = req.headers[name];
		return Array.isArray(value) ? value[0] : value;
	};
	const outcome = await handleSoap(ctx, {
		service,
		body,
		soapActionHeader: header('soapaction'),
		contentType: header('content-type'),
	});
	await deliver(req, res, outcome);
	ctx.requestLog.add({
		time,
		answeredAt: ctx.clockMs(),
		user: outcome.user,
		service,
		operation: outcome.operation,
		soapVersion: outcome.soapVersion,
		status: outcome.status,
		faultCode: outcome.faultCode,
		durationMs: Date.now() - started,
		throttled: outcome.throttled,
		injected: outcome.injected,
		requestBody: body,
	});
}

async function deliver(
	req: IncomingMessage,
	res: ServerResponse,
	outcome: SoapOutcome,
): Promise<void> {
	if (outcome.delivery === 'reset') {
		req.socket.destroy();
		return;
	}
	if (outcome.delivery === 'slowBody') {
		// Headers at once, then the body in ten pieces spread over slowBodyMs.
		const bytes = Buffer.from(outcome.body, 'utf8');
		res.writeHead(outcome.status, {
			'Content-Type': outcome.contentType,
			'Content-Length': bytes.length,
		});
		const pieces = 10;
		const step = Math.ceil(bytes.length / pieces);
		for (let i = 0; i < pieces; i++) {
			if (res.destroyed) return;
			res.write(bytes.subarray(i * step, (i + 1) * step));
			await sleep((outcome.slowBodyMs ?? 2000) / pieces);
		}
		res.end();
		return;
	}
	sendText(res, outcome.status, outcome.contentType, outcome.body);
}
