import { type AgentOptions, Agent as HttpsAgent } from 'node:https';
import { isIP } from 'node:net';
import type { Duplex } from 'node:stream';
import { type ConnectionOptions, connect } from 'node:tls';
import { openTunnel } from '../auth/network.js';

/** Connection options as the https agent hands them to createConnection. */
type TunnelTarget = ConnectionOptions & { readonly host?: string; readonly port?: number | string };

/**
 * An https agent whose connections go through a CONNECT tunnel of an HTTP(S) proxy, then TLS to Graph with
 * the usual certificate checks (the tunnel only carries bytes; the proxy never sees the token).
 */
export class ProxyTunnelAgent extends HttpsAgent {
	readonly #proxy: URL;
	readonly #timeoutMs: number;

	constructor(proxy: URL, options: AgentOptions & { readonly timeoutMs?: number } = {}) {
		super({ keepAlive: true, ...options });
		this.#proxy = proxy;
		this.#timeoutMs = options.timeoutMs ?? 10_000;
	}

	override createConnection(
		options: TunnelTarget,
		callback: (error: Error | null, socket?: Duplex) => void,
	): undefined {
		const hostname = options.host ?? 'localhost';
		openTunnel(this.#proxy, { hostname, port: options.port ?? 443 }, { timeoutMs: this.#timeoutMs }).then(
			(tunnel) => {
				const secure = connect({
					...options,
					socket: tunnel,
					servername: options.servername || (isIP(hostname) ? undefined : hostname),
				});
				callback(null, secure);
			},
			(error: Error) => callback(error),
		);
		return undefined;
	}
}
