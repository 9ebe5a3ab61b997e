/**
 * A plain HTTP client for tests and benchmarks: node's http/https with the auth header filled
 * the way the credential fills it. The package itself only ever sends through n8n's helpers.
 */
import * as http from 'http';
import * as https from 'https';
import * as zlib from 'zlib';

import type { Operation } from '../../nodes/Nmbrs/catalogue/types';
import { fillAuthHeader } from '../../nodes/Nmbrs/transport/auth';
import {
	callNmbrs,
	type CallOptions,
	type HttpFunction,
	type HttpResponse,
} from '../../nodes/Nmbrs/transport/client';
import { targetFor, type NmbrsCredentials } from '../../nodes/Nmbrs/transport/connection';
import type { WireValue } from '../../nodes/Nmbrs/wire/shape';

/**
 * An HttpFunction on node's http/https that fills the auth header itself (with fillAuthHeader,
 * like the n8n credential does). For tests, the bench and use outside n8n. As n8n's helper does
 * for encoding 'stream', the body is handed over as it arrives, gzip and deflate unpacked on the
 * way; the abort signal drops the connection.
 */
export function createPlainHttp(credentials: NmbrsCredentials): HttpFunction {
	return (request) =>
		new Promise<HttpResponse>((resolve, reject) => {
			const body = fillAuthHeader(request.body, {
				email: credentials.email,
				token: credentials.token,
				domain: credentials.subdomain,
			});
			const url = new URL(request.url);
			const transport = url.protocol === 'https:' ? https : http;
			const req = transport.request(
				url,
				{
					method: request.method,
					headers: { ...request.headers, 'Content-Length': Buffer.byteLength(body) },
				},
				(res) => {
					if (request.encoding === 'stream') {
						const coding = String(res.headers['content-encoding'] ?? '').toLowerCase();
						const unpack =
							coding === 'gzip'
								? zlib.createGunzip()
								: coding === 'deflate'
									? zlib.createInflate()
									: coding === 'br'
										? zlib.createBrotliDecompress()
										: undefined;
						const body = unpack ? res.pipe(unpack) : res;
						if (unpack) {
							res.on('error', (error) => unpack.destroy(error));
							// Dropping the unpacked stream drops the connection under it.
							unpack.on('close', () => res.destroy());
						}
						resolve({ statusCode: res.statusCode ?? 0, headers: res.headers, body });
						return;
					}
					const chunks: Buffer[] = [];
					res.on('data', (chunk: Buffer) => chunks.push(chunk));
					res.on('end', () =>
						resolve({
							statusCode: res.statusCode ?? 0,
							headers: res.headers,
							body: Buffer.concat(chunks),
						}),
					);
					res.on('error', () =>
						reject(
							Object.assign(new Error('The connection broke while reading the answer'), {
								code: 'ECONNRESET',
							}),
						),
					);
				},
			);
			req.setTimeout(request.timeout, () => {
				req.destroy(
					Object.assign(new Error(`timeout of ${request.timeout}ms exceeded`), {
						code: 'ETIMEDOUT',
					}),
				);
			});
			// Only the code and node's own message go on: node's errors never hold the request body.
			req.on('error', (error: NodeJS.ErrnoException) =>
				reject(Object.assign(new Error(error.message), { code: error.code })),
			);
			request.abortSignal?.addEventListener(
				'abort',
				() => req.destroy(Object.assign(new Error('aborted'), { code: 'ECONNABORTED' })),
				{ once: true },
			);
			req.end(body);
		});
}

/** callNmbrs with createPlainHttp: a complete client outside n8n. */
export async function callWithCredentials(
	credentials: NmbrsCredentials,
	operation: Operation | string,
	params: Record<string, unknown>,
	options: CallOptions = {},
): Promise<WireValue> {
	return await callNmbrs(
		createPlainHttp(credentials),
		targetFor(credentials),
		operation,
		params,
		options,
	);
}
