import type { KeyObject } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { readBody } from './http-io.js';
import { parseJwt, verifyJwtSignature } from './identity/jwt.js';

/*
A small REST API of the kind a custom authentication extension points at (an Azure Function in Microsoft's
samples), for the demo and the tests: it answers the attribute collection start and submit events with the
documented JSON. The demo's behaviour prefills the country and refuses names with digits in them.
*/

/** The two events the server answers. */
export type ExtensionEventType = 'attributeCollectionStart' | 'attributeCollectionSubmit';

/** One call as the server received it. */
export type ExtensionCall = {
	readonly event: ExtensionEventType | undefined;
	readonly path: string;
	// biome-ignore lint/suspicious/noExplicitAny: the request body is whatever the caller sent.
	readonly body: any;
	/** Whether the bearer token verified (true when no key was given to check it with). */
	readonly tokenValid: boolean;
};

/** What to answer: a JSON body (200 unless `status`), or a raw body with its own type, after an optional delay. */
export type ExtensionReply = {
	readonly status?: number;
	readonly body?: unknown;
	readonly raw?: string;
	readonly contentType?: string;
	readonly delayMs?: number;
};

/** Decides the answer to one call. */
export type ExtensionBehaviour = (call: ExtensionCall) => ExtensionReply | Promise<ExtensionReply>;

const data = (event: ExtensionEventType, action: Record<string, unknown>) => ({
	data: {
		'@odata.type': `microsoft.graph.on${event[0]!.toUpperCase()}${event.slice(1)}ResponseData`,
		actions: [{ ...action, '@odata.type': `microsoft.graph.${event}.${String(action['@odata.type'])}` }],
	},
});

/** The documented response bodies. */
export const extensionReplies = {
	continue: (event: ExtensionEventType): ExtensionReply => ({
		body: data(event, { '@odata.type': 'continueWithDefaultBehavior' }),
	}),
	prefill: (inputs: Record<string, unknown>): ExtensionReply => ({
		body: data('attributeCollectionStart', { '@odata.type': 'setPrefillValues', inputs }),
	}),
	block: (event: ExtensionEventType, title: string, message: string): ExtensionReply => ({
		body: data(event, { '@odata.type': 'showBlockPage', title, message }),
	}),
	validationError: (message: string, attributeErrors: Record<string, string>): ExtensionReply => ({
		body: data('attributeCollectionSubmit', {
			'@odata.type': 'showValidationError',
			message,
			attributeErrors,
		}),
	}),
	modify: (attributes: Record<string, unknown>): ExtensionReply => ({
		body: data('attributeCollectionSubmit', { '@odata.type': 'modifyAttributeValues', attributes }),
	}),
};

const countries: Readonly<Record<string, string>> = {
	'en-us': 'United States',
	'en-gb': 'United Kingdom',
	'nl-nl': 'Netherlands',
	'de-de': 'Germany',
	'fr-fr': 'France',
};

const checked: Readonly<Record<string, string>> = {
	givenName: 'Given name',
	surname: 'Surname',
	displayName: 'Display name',
	city: 'City',
};

/** The demo: start prefills the country from the browser language; submit refuses names and cities with digits. */
export const demoBehaviour: ExtensionBehaviour = (call) => {
	if (call.event === 'attributeCollectionStart') {
		const locale = String(call.body?.data?.authenticationContext?.client?.locale ?? '').toLowerCase();
		return extensionReplies.prefill({ country: countries[locale] ?? 'United States' });
	}
	const attributes = call.body?.data?.userSignUpInfo?.attributes ?? {};
	const errors: Record<string, string> = {};
	for (const [id, label] of Object.entries(checked)) {
		const value = attributes[id]?.value;
		if (typeof value === 'string' && /[0-9]/.test(value)) errors[id] = `${label} cannot contain any numbers`;
	}
	return Object.keys(errors).length > 0
		? extensionReplies.validationError('Please fix the below errors to proceed.', errors)
		: extensionReplies.continue('attributeCollectionSubmit');
};

/** A running extension server. */
export type ExtensionServer = {
	readonly origin: string;
	readonly port: number;
	/** Every call so far, oldest first. */
	readonly calls: readonly ExtensionCall[];
	setBehaviour(behaviour: ExtensionBehaviour): void;
	close(): Promise<void>;
};

/** Options of startExtensionServer. */
export type ExtensionServerOptions = {
	/** The TLS key and certificate (the emulator's loopback ones serve: the emulator trusts their CA). */
	readonly tls: { readonly key: string; readonly cert: string };
	readonly port?: number;
	readonly behaviour?: ExtensionBehaviour;
	/** When given, a call whose bearer token this key does not verify is answered 401. */
	readonly verifyKey?: KeyObject;
};

function tokenValid(request: IncomingMessage, key: KeyObject | undefined): boolean {
	if (!key) return true;
	const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
	const jwt = match ? parseJwt(match[1]!) : undefined;
	return (
		jwt !== undefined &&
		verifyJwtSignature(jwt, key) &&
		typeof jwt.claims.exp === 'number' &&
		jwt.claims.exp > Date.now() / 1000
	);
}

function eventOf(body: unknown): ExtensionEventType | undefined {
	const type = (body as { type?: unknown } | null)?.type;
	if (type === 'microsoft.graph.authenticationEvent.attributeCollectionStart')
		return 'attributeCollectionStart';
	if (type === 'microsoft.graph.authenticationEvent.attributeCollectionSubmit')
		return 'attributeCollectionSubmit';
	return undefined;
}

function parse(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

/** Starts the server on 127.0.0.1 (HTTPS: the service calls extensions over https only). */
export async function startExtensionServer(options: ExtensionServerOptions): Promise<ExtensionServer> {
	let behaviour = options.behaviour ?? demoBehaviour;
	const calls: ExtensionCall[] = [];
	const sockets = new Set<Socket>();
	const answer = async (request: IncomingMessage, response: ServerResponse) => {
		const body = parse(await readBody(request));
		const call: ExtensionCall = {
			event: eventOf(body),
			path: request.url ?? '/',
			body,
			tokenValid: tokenValid(request, options.verifyKey),
		};
		calls.push(call);
		if (request.method !== 'POST' || !call.tokenValid) {
			response.writeHead(request.method !== 'POST' ? 405 : 401).end();
			return;
		}
		const reply = await behaviour(call);
		if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
		if (response.destroyed) return;
		const text = reply.raw ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
		response.writeHead(reply.status ?? 200, { 'Content-Type': reply.contentType ?? 'application/json' });
		response.end(text);
	};
	const server = createServer({ key: options.tls.key, cert: options.tls.cert }, (request, response) => {
		answer(request, response).catch(() => response.destroy());
	});
	server.on('connection', (socket: Socket) => {
		sockets.add(socket);
		socket.once('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen({ port: options.port ?? 0, host: '127.0.0.1' }, () => resolve());
	});
	const port = (server.address() as AddressInfo).port;
	return {
		origin: `https://127.0.0.1:${port}`,
		port,
		calls,
		setBehaviour(next) {
			behaviour = next;
		},
		close: () =>
			new Promise((resolve) => {
				server.close(() => resolve());
				for (const socket of sockets) socket.destroy();
			}),
	};
}
