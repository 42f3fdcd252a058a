import { X509Certificate } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { isIP, type Socket } from 'node:net';
import { connect, rootCertificates } from 'node:tls';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import { BoundedReadError, readBoundedFile } from '../text/bounded-file.js';
import { isLoopbackHost } from '../text/loopback.js';
import { certificateHostNames, hostNameMismatch } from '../text/tls-names.js';
import { AuthError } from './auth-error.js';
import type { Redactor } from './redact.js';
import { trustContext } from './trust-context.js';

/*
msal-node's network client, replaced (its default, global fetch, ignores HTTPS_PROXY on Node 20 and has no
timeout on POSTs): node:https with an explicit CA list when one is configured, HTTPS_PROXY / NO_PROXY through
a CONNECT tunnel, a timeout on every request, and a record of the last reply per correlation id so failures
that msal flattens (a failed /devicecode reply, a poll error cut to one word) can still be explained.
Certificate checks are never disabled.
*/

/** Environment variables this module reads (HTTPS_PROXY, https_proxy, NO_PROXY, no_proxy). */
export type ProxyEnvironment = Readonly<Record<string, string | undefined>>;

/** What the last exchange of a request said: a server reply, or why there was none. */
export type NetworkRecord =
	| {
			readonly kind: 'reply';
			readonly host: string;
			readonly status: number;
			readonly error?: string;
			readonly suberror?: string;
			/** `AADSTS…` from `error_codes` or the description. */
			readonly aadsts?: string;
			/** The description's first sentence, redacted. */
			readonly description?: string;
	  }
	| {
			readonly kind: 'transport';
			readonly host: string;
			readonly code: string;
			readonly viaProxy: boolean;
			/** For a certificate issued for other host names: the names it is for. */
			readonly certificateNames?: readonly string[];
	  };

const pemBlock = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** The most a PEM file (CA list, client certificate) may hold: a long chain is tens of KiB. */
export const pemFileLimitBytes = 1024 * 1024;

/**
 * Reads a PEM file of CA certificates and returns Node's bundled roots plus those certificates (or, `alone`,
 * those certificates only), ready for a `ca` option. Throws AuthError `ca-file` naming the file.
 */
export function loadCaFile(path: string, options: { readonly alone?: boolean } = {}): string[] {
	let text: string;
	try {
		text = readBoundedFile(path, pemFileLimitBytes).text;
	} catch (error) {
		if (!(error instanceof BoundedReadError)) throw error;
		const hint = 'Check the path given with --ca-file; it must be a PEM file of one or more certificates.';
		if (error.problem === 'unreadable')
			throw new AuthError('ca-file', `Cannot read the CA file ${path} (${error.errno ?? 'error'}).`, hint);
		throw new AuthError('ca-file', `The CA file ${error.message}.`, hint);
	}
	const certificates = text.match(pemBlock) ?? [];
	for (const pem of certificates) {
		try {
			new X509Certificate(pem);
		} catch {
			certificates.length = 0;
		}
	}
	if (certificates.length === 0) {
		throw new AuthError(
			'ca-file',
			`The CA file ${path} holds no usable PEM certificate.`,
			'Give a PEM file with "-----BEGIN CERTIFICATE-----" blocks (convert DER with: openssl x509 -inform der -in ca.cer -out ca.pem).',
		);
	}
	return options.alone ? certificates : [...rootCertificates, ...certificates];
}

const bare = (hostname: string) => hostname.replace(/^\[|\]$/g, '').toLowerCase();

/**
 * The proxy for an https URL from HTTPS_PROXY (or https_proxy), unless NO_PROXY (`*`, host names,
 * `.suffix` and `*.suffix` entries, optional `:port`) excludes it. Loopback hosts are never proxied.
 */
export function proxyForUrl(url: URL, env: ProxyEnvironment): URL | undefined {
	const raw = env.HTTPS_PROXY ?? env.https_proxy;
	if (!raw) return undefined;
	const host = bare(url.hostname);
	if (isLoopbackHost(host)) return undefined;
	const port = url.port || '443';
	for (const entry of (env.NO_PROXY ?? env.no_proxy ?? '').split(/[\s,]+/).filter(Boolean)) {
		if (entry === '*') return undefined;
		const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(entry.trim());
		if (!match) continue;
		const name = bare(match[1]!).replace(/^\*?\./, '');
		if (match[2] && match[2] !== port) continue;
		if (host === name || host.endsWith(`.${name}`)) return undefined;
	}
	try {
		return new URL(/^[a-z][a-z\d+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`);
	} catch {
		throw new AuthError(
			'proxy',
			'HTTPS_PROXY is not a valid URL.',
			'Set HTTPS_PROXY to the proxy URL, e.g. http://proxy.example.com:3128.',
		);
	}
}

/**
 * msal-node caches a token under the `scope` string the server returns and looks it up with the scopes
 * requested, literally. When the service echoes `EventListener.Read.All` for a requested
 * `https://graph.microsoft.com/EventListener.Read.All`, every silent call would refresh; this puts the
 * requested spelling back for each granted scope, and changes nothing else.
 */
export function echoAsRequested(granted: string, requested: string): string {
	const byPermission = new Map<string, string>();
	for (const scope of requested.split(/\s+/)) {
		if (scope.includes('/')) byPermission.set(scope.slice(scope.lastIndexOf('/') + 1).toLowerCase(), scope);
	}
	return granted
		.split(/\s+/)
		.filter(Boolean)
		.map((scope) => (scope.includes('/') ? scope : (byPermission.get(scope.toLowerCase()) ?? scope)))
		.join(' ');
}

type Exchange = { status: number; headers: Record<string, string>; text: string };

const secretFields = ['client_secret', 'client_assertion', 'refresh_token', 'device_code'];
const secretReplyFields = ['access_token', 'refresh_token', 'id_token', 'device_code', 'user_code'];

/** The node:https network client for msal-node. */
export class SignInNetworkClient implements INetworkModule {
	readonly #records = new Map<string, NetworkRecord>();
	#last: NetworkRecord | undefined;
	readonly #ca: string[] | undefined;
	readonly #agent: https.Agent;

	constructor(
		private readonly options: {
			readonly ca?: string[];
			readonly env: ProxyEnvironment;
			readonly redactor: Redactor;
			readonly timeoutMs?: number;
		},
	) {
		this.#ca = options.ca;
		this.#agent = new https.Agent({
			keepAlive: true,
			...(options.ca ? { secureContext: trustContext(options.ca) } : {}),
		});
	}

	/** What the last request with this correlation id ended with (or the last request overall). */
	record(correlationId?: string): NetworkRecord | undefined {
		return (correlationId && this.#records.get(correlationId)) || this.#last;
	}

	sendGetRequestAsync<T>(
		url: string,
		options?: NetworkRequestOptions,
		timeout?: number,
	): Promise<NetworkResponse<T>> {
		return this.#send<T>('GET', url, options, timeout);
	}

	sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
		const form = new URLSearchParams(options?.body ?? '');
		this.options.redactor.add(...secretFields.map((field) => form.get(field) ?? undefined));
		return this.#send<T>('POST', url, options, undefined, form.get('scope') ?? undefined);
	}

	async #send<T>(
		method: string,
		address: string,
		options: NetworkRequestOptions | undefined,
		timeout?: number,
		requestedScope?: string,
	): Promise<NetworkResponse<T>> {
		const url = new URL(address);
		const timeoutMs = timeout ?? this.options.timeoutMs ?? 30_000;
		let viaProxy = false;
		let exchange: Exchange;
		try {
			if (url.protocol !== 'https:')
				throw Object.assign(new Error('not https'), { code: 'ERR_INSECURE_URL' });
			const proxy = proxyForUrl(url, this.options.env);
			viaProxy = proxy !== undefined;
			const socket = proxy ? await this.#tunnel(proxy, url, timeoutMs) : undefined;
			exchange = await this.#request(method, url, options, timeoutMs, socket);
		} catch (error) {
			const code =
				error instanceof AuthError ? 'EPROXYCONFIG' : ((error as NodeJS.ErrnoException).code ?? 'EUNKNOWN');
			const names = code === hostNameMismatch ? certificateHostNames(error) : [];
			this.#remember(options?.correlationId, {
				kind: 'transport',
				host: url.host,
				code,
				viaProxy,
				...(names.length > 0 ? { certificateNames: names } : {}),
			});
			throw new Error(`Request to ${url.host} failed (${code}).`);
		}
		let body: Record<string, unknown>;
		try {
			body = JSON.parse(exchange.text) as Record<string, unknown>;
			if (!body || typeof body !== 'object') throw new Error('not an object');
		} catch {
			const code = `HTTP_${exchange.status}_NOT_JSON`;
			this.#remember(options?.correlationId, { kind: 'transport', host: url.host, code, viaProxy });
			throw new Error(`The reply from ${url.host} was not JSON (HTTP ${exchange.status}).`);
		}
		this.options.redactor.add(
			...secretReplyFields.map((field) =>
				typeof body[field] === 'string' ? (body[field] as string) : undefined,
			),
		);
		this.#remember(options?.correlationId, this.#describe(url, exchange.status, body));
		if (typeof body.scope === 'string' && requestedScope)
			body.scope = echoAsRequested(body.scope, requestedScope);
		return { headers: exchange.headers, body: body as T, status: exchange.status };
	}

	#describe(url: URL, status: number, body: Record<string, unknown>): NetworkRecord {
		const error = typeof body.error === 'string' ? body.error : undefined;
		const text = typeof body.error_description === 'string' ? body.error_description : '';
		const codes = Array.isArray(body.error_codes) ? body.error_codes : [];
		const fromText = /AADSTS\d+/.exec(text)?.[0];
		const aadsts = typeof codes[0] === 'number' ? `AADSTS${codes[0]}` : fromText;
		const sentence = text
			.replace(/^AADSTS\d+:\s*/, '')
			.split(/(?<=\.)\s|\r?\n|Trace ID:/)[0]
			?.trim();
		return {
			kind: 'reply',
			host: url.host,
			status,
			...(error ? { error } : {}),
			...(typeof body.suberror === 'string' ? { suberror: body.suberror } : {}),
			...(aadsts ? { aadsts } : {}),
			...(sentence ? { description: this.options.redactor.scrub(sentence) } : {}),
		};
	}

	#remember(correlationId: string | undefined, record: NetworkRecord): void {
		this.#last = record;
		if (!correlationId) return;
		this.#records.delete(correlationId);
		this.#records.set(correlationId, record);
		if (this.#records.size > 50) this.#records.delete(this.#records.keys().next().value!);
	}

	#request(
		method: string,
		url: URL,
		options: NetworkRequestOptions | undefined,
		timeoutMs: number,
		tunnel: Socket | undefined,
	): Promise<Exchange> {
		const host = bare(url.hostname);
		const servername = isIP(host) ? undefined : host;
		const body = method === 'POST' ? (options?.body ?? '') : undefined;
		return new Promise((resolve, reject) => {
			const request = https.request(
				{
					method,
					host,
					port: url.port || 443,
					path: `${url.pathname}${url.search}`,
					headers: {
						...options?.headers,
						...(body === undefined ? {} : { 'content-length': Buffer.byteLength(body) }),
					},
					...(servername ? { servername } : {}),
					...(this.#ca ? { secureContext: trustContext(this.#ca) } : {}),
					...(tunnel
						? {
								createConnection: () =>
									connect({
										socket: tunnel,
										host,
										servername,
										...(this.#ca ? { secureContext: trustContext(this.#ca) } : {}),
									}),
							}
						: { agent: this.#agent }),
					timeout: timeoutMs,
				},
				(response) => {
					const chunks: Buffer[] = [];
					response.on('data', (chunk: Buffer) => chunks.push(chunk));
					response.on('error', reject);
					response.on('end', () => {
						const headers: Record<string, string> = {};
						for (const [name, value] of Object.entries(response.headers)) {
							if (value !== undefined)
								headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
						}
						resolve({
							status: response.statusCode ?? 0,
							headers,
							text: Buffer.concat(chunks).toString('utf8'),
						});
					});
				},
			);
			request.on('timeout', () =>
				request.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })),
			);
			request.on('error', reject);
			request.end(body);
		});
	}

	#tunnel(proxy: URL, target: URL, timeoutMs: number): Promise<Socket> {
		return openTunnel(proxy, target, { timeoutMs, ca: this.#ca });
	}
}

/**
 * Opens a CONNECT tunnel through an HTTP(S) proxy to the target's host and port (443 by default), with the
 * proxy's credentials from its URL. Failures carry a `PROXY_…` code. Shared by sign-in and the Graph client.
 */
export function openTunnel(
	proxy: URL,
	target: { readonly hostname: string; readonly port: string | number },
	options: { readonly timeoutMs: number; readonly ca?: string | readonly string[] },
): Promise<Socket> {
	const authority = `${target.hostname}:${target.port || 443}`;
	const credentials = proxy.username
		? {
				'proxy-authorization': `Basic ${Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString('base64')}`,
			}
		: {};
	const secure = proxy.protocol === 'https:';
	return new Promise((resolve, reject) => {
		const request = (secure ? https : http).request({
			method: 'CONNECT',
			host: bare(proxy.hostname),
			port: proxy.port || (secure ? 443 : 80),
			path: authority,
			headers: { host: authority, ...credentials },
			agent: false,
			timeout: options.timeoutMs,
			...(secure && options.ca ? { secureContext: trustContext(options.ca) } : {}),
		});
		request.on('connect', (response, socket) => {
			if (response.statusCode === 200) {
				socket.setTimeout(0);
				resolve(socket);
			} else {
				socket.destroy();
				reject(Object.assign(new Error('proxy refused'), { code: `PROXY_HTTP_${response.statusCode}` }));
			}
		});
		request.on('timeout', () =>
			request.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })),
		);
		request.on('error', (error: NodeJS.ErrnoException) =>
			reject(Object.assign(new Error('proxy unreachable'), { code: `PROXY_${error.code ?? 'ERROR'}` })),
		);
		request.end();
	});
}
