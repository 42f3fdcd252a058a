import type { ExecutionContext } from 'ava';
import { type EmulatorOptions, type RunningEmulator, startEmulator } from '../../source/emulator/server.js';

/**
 * Starts an emulator for one test and closes it when the test ends. Its refusals name the rule broken
 * (messages=explained), so each test can tell which rule fired; clients are tested against the default.
 */
export async function start(t: ExecutionContext, options: EmulatorOptions = {}): Promise<RunningEmulator> {
	const emulator = await startEmulator({ ...options, quirks: explained(options.quirks) });
	t.teardown(() => emulator.close());
	return emulator;
}

/** A finished HTTP exchange. */
export type Exchange<T> = { status: number; headers: Headers; text: string; json: T };

/** Options of one call. */
export type CallInit = {
	body?: unknown;
	/** Sent verbatim instead of JSON.stringify(body). */
	raw?: string;
	headers?: Record<string, string>;
	version?: 'v1.0' | 'beta';
	/** Authorization header value; null sends none. */
	token?: string | null;
};

/** Calls the emulator with Node's fetch. `path` is relative to the version root unless absolute or a URL. */
export async function call<T = Record<string, unknown>>(
	emulator: { origin: string },
	method: string,
	path: string,
	init: CallInit = {},
): Promise<Exchange<T>> {
	const url = path.startsWith('http')
		? path
		: path.startsWith('/_emulator') || path.startsWith('/v1.0') || path.startsWith('/beta')
			? `${emulator.origin}${path}`
			: `${emulator.origin}/${init.version ?? 'v1.0'}${path}`;
	const headers: Record<string, string> = { ...init.headers };
	const token = init.token === undefined ? 'Bearer test-token' : init.token;
	if (token !== null) headers.authorization = token;
	let body: string | undefined = init.raw;
	if (init.body !== undefined) body = JSON.stringify(init.body);
	if (body !== undefined && !Object.keys(headers).some((key) => key.toLowerCase() === 'content-type')) {
		headers['content-type'] = 'application/json';
	}
	const response = await fetch(url, { method, headers, body });
	const text = await response.text();
	return {
		status: response.status,
		headers: response.headers,
		text,
		json: (text ? JSON.parse(text) : undefined) as T,
	};
}

/** Polls until `condition` holds (no fixed sleeps); fails after `timeoutMs`. */
export async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error('waitFor: condition not met in time');
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}

/** Graph's error body. */
export type ErrorBody = {
	error: {
		code: string;
		message: string;
		innerError: { date: string; 'request-id': string; 'client-request-id': string };
	};
};

/** A collection page. */
export type Collection<T> = {
	'@odata.context'?: string;
	'@odata.nextLink'?: string;
	'@odata.count'?: number;
	'@microsoft.graph.tips'?: string;
	value: T[];
};

/** A provider as Graph returns it. */
export type Provider = {
	'@odata.type': string;
	id: string;
	displayName: string;
	identityProviderType: string;
	clientId?: string;
	clientSecret?: string;
	state?: null;
};

/** A user-flow attribute. */
export type Attribute = {
	id: string;
	displayName: string;
	description: string | null;
	userFlowAttributeType: string;
	dataType: string;
};

/** A page input. */
export type Input = {
	attribute: string;
	label: string;
	inputType: string;
	defaultValue: string | null;
	hidden: boolean | null;
	editable: boolean | null;
	writeToDirectory: boolean | null;
	required: boolean | null;
	validationRegEx: string | null;
	options: { label: string; value: string }[];
};

/** A user flow. */
export type Flow = {
	'@odata.type': string;
	'@odata.context'?: string;
	id: string;
	displayName: string;
	description: string | null;
	priority?: number;
	onAttributeCollectionStart?: null;
	conditions: {
		applications: { includeAllApplications: boolean; includeApplications?: { appId: string }[] };
	};
	onInteractiveAuthFlowStart: { '@odata.type': string; isSignUpAllowed: boolean };
	onAuthenticationMethodLoadStart: { '@odata.type': string; identityProviders?: Provider[] };
	onAttributeCollection: null | {
		'@odata.type': string;
		accessPackages?: unknown[];
		attributeCollectionPage: { customStringsFileId?: string | null; views: { inputs: Input[] }[] };
		attributes?: Attribute[];
	};
	onUserCreateStart: null | { userTypeToCreate: string; accessPackages?: unknown[] };
};

/** An app registration. */
export type Application = { id: string; appId: string; displayName: string; [key: string]: unknown };

/** `@odata.type` values used in bodies. */
export const types = {
	flow: '#microsoft.graph.externalUsersSelfServiceSignUpEventsFlow',
	interactive: '#microsoft.graph.onInteractiveAuthFlowStartExternalUsersSelfServiceSignUp',
	idp: '#microsoft.graph.onAuthenticationMethodLoadStartExternalUsersSelfServiceSignUp',
	attributes: '#microsoft.graph.onAttributeCollectionExternalUsersSelfServiceSignUp',
	userCreate: '#microsoft.graph.onUserCreateStartExternalUsersSelfServiceSignUp',
};

/** Paths of the sub-collections, relative to the version root. */
export const paths = {
	flows: '/identity/authenticationEventsFlows',
	flow: (id: string) => `/identity/authenticationEventsFlows/${id}`,
	providers: (id: string) =>
		`/identity/authenticationEventsFlows/${id}/microsoft.graph.externalUsersSelfServiceSignUpEventsFlow/onAuthenticationMethodLoadStart/microsoft.graph.onAuthenticationMethodLoadStartExternalUsersSelfServiceSignUp/identityProviders`,
	attributes: (id: string) =>
		`/identity/authenticationEventsFlows/${id}/microsoft.graph.externalUsersSelfServiceSignUpEventsFlow/onAttributeCollection/microsoft.graph.onAttributeCollectionExternalUsersSelfServiceSignUp/attributes`,
	apps: (id: string) =>
		`/identity/authenticationEventsFlows/${id}/conditions/applications/includeApplications`,
};

/** A minimal valid create body (one provider, no attributes). */
export function flowBody(displayName: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		'@odata.type': types.flow,
		displayName,
		onInteractiveAuthFlowStart: { '@odata.type': types.interactive, isSignUpAllowed: true },
		onAuthenticationMethodLoadStart: {
			'@odata.type': types.idp,
			identityProviders: [{ id: 'EmailPassword-OAUTH' }],
		},
		...extra,
	};
}

/** An onAttributeCollection create value for the given attribute ids (email input hidden/required). */
export function collectionBody(ids: string[]): Record<string, unknown> {
	return {
		'@odata.type': types.attributes,
		attributes: ids.map((id) => ({ id })),
		attributeCollectionPage: {
			views: [
				{
					inputs: ids.map((id) =>
						id === 'email'
							? {
									attribute: id,
									label: 'Email Address',
									inputType: 'text',
									hidden: true,
									editable: false,
									required: true,
								}
							: { attribute: id, label: id, inputType: 'text' },
					),
				},
			],
		},
	};
}

/** Creates a flow and returns its id. */
export async function createFlow(
	emulator: { origin: string },
	displayName: string,
	extra: Record<string, unknown> = {},
): Promise<string> {
	const created = await call<Flow>(emulator, 'POST', paths.flows, { body: flowBody(displayName, extra) });
	if (created.status !== 201) throw new Error(`create failed: ${created.status} ${created.text}`);
	return created.json.id;
}

function explained(quirks: EmulatorOptions['quirks']): EmulatorOptions['quirks'] {
	if (typeof quirks === 'string')
		return quirks.includes('messages=') ? quirks : `${quirks},messages=explained`;
	return { messages: 'explained', ...quirks };
}
