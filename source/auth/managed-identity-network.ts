import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import { isLoopbackHost } from '../text/loopback.js';
import { trustContext } from './trust-context.js';

/*
msal-node's network client for managed identity. The endpoints are local to the machine and speak plain
HTTP: IMDS at 169.254.169.254, App Service's IDENTITY_ENDPOINT on 127.0.0.1. So no proxy (IMDS refuses
proxied requests, and the App Service secret must not leave the machine), plain HTTP only for loopback and
link-local hosts, https with the configured CA for anything else (the emulator). Every request has a timeout:
on a machine that is not in Azure nothing answers at 169.254.169.254.
*/

/** Why the last request got no reply: what the error message should name. */
export type ManagedIdentityTransport = { readonly host: string; readonly code: string };

// Loopback by the one rule (text/loopback.ts), or an IPv4 literal in the link-local 169.254.0.0/16 (IMDS).
const localHost = (hostname: string) =>
	isLoopbackHost(hostname) || (isIP(hostname) === 4 && hostname.startsWith('169.254.'));

export class ManagedIdentityNetworkClient implements INetworkModule {
	/** The last transport failure, since msal-node reports only `network_error`. */
	lastFailure: ManagedIdentityTransport | undefined;

	constructor(private readonly options: { readonly ca?: string[]; readonly timeoutMs?: number } = {}) {}

	sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
		return this.send<T>('GET', url, options);
	}

	sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
		return this.send<T>('POST', url, options);
	}

	private send<T>(
		method: string,
		raw: string,
		options: NetworkRequestOptions = {},
	): Promise<NetworkResponse<T>> {
		const url = new URL(raw);
		if (url.protocol === 'http:' && !localHost(url.hostname)) {
			this.lastFailure = { host: url.host, code: 'PLAIN_HTTP_REFUSED' };
			return Promise.reject(new Error(`refusing plain http to ${url.host}`));
		}
		const transport = url.protocol === 'https:' ? https : http;
		return new Promise((resolve, reject) => {
			const request = transport.request(
				url,
				{
					method,
					headers: options.headers,
					timeout: this.options.timeoutMs ?? 20_000,
					...(url.protocol === 'https:' && this.options.ca
						? { secureContext: trustContext(this.options.ca) }
						: {}),
				},
				(response) => {
					const chunks: Buffer[] = [];
					response.on('data', (chunk: Buffer) => chunks.push(chunk));
					response.on('end', () => {
						const text = Buffer.concat(chunks).toString('utf8');
						let body: unknown = {};
						try {
							body = text ? JSON.parse(text) : {};
						} catch {
							body = {
								error: 'invalid_response',
								error_description: 'The endpoint did not answer with JSON.',
							};
						}
						const headers: Record<string, string> = {};
						for (const [name, value] of Object.entries(response.headers))
							if (value !== undefined)
								headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
						resolve({ status: response.statusCode ?? 0, headers, body: body as T });
					});
					response.on('error', reject);
				},
			);
			request.on('timeout', () =>
				request.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })),
			);
			request.on('error', (error: NodeJS.ErrnoException) => {
				this.lastFailure = { host: url.host, code: error.code ?? 'ERROR' };
				reject(error);
			});
			request.end(options.body);
		});
	}
}
