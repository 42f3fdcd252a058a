import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createSecureContext, rootCertificates, type SecureContext } from 'node:tls';

/** The two events a sign-up calls an extension at. */
export type ExtensionEvent = 'attributeCollectionStart' | 'attributeCollectionSubmit';

/** A response action the service honours in a custom extension's JSON reply. */
export type ExtensionAction =
	| { readonly type: 'continueWithDefaultBehavior' }
	| { readonly type: 'setPrefillValues'; readonly inputs: Readonly<Record<string, unknown>> }
	| { readonly type: 'showBlockPage'; readonly title?: string; readonly message: string }
	| { readonly type: 'modifyAttributeValues'; readonly attributes: Readonly<Record<string, unknown>> }
	| {
			readonly type: 'showValidationError';
			readonly message: string;
			readonly attributeErrors: Readonly<Record<string, string>>;
	  };

/** How a call ended: the action, or the 10030xx code the sign-in log records. */
export type CallResult = { readonly attempts: number; readonly durationMs: number } & (
	| { readonly ok: true; readonly action: ExtensionAction }
	| { readonly ok: false; readonly code: number; readonly name: string; readonly detail: string }
);

/** One call: where, within which limits, with what. */
export type CallTarget = {
	readonly url: string;
	readonly timeoutMs: number;
	readonly retries: number;
	readonly token: string;
	readonly payload: unknown;
	/** What https targets are checked against (see trustContext). */
	readonly trust: SecureContext;
	/** The extension-action-case quirk. */
	readonly actionCase: 'exact' | 'insensitive';
};

const actionsByEvent: Readonly<Record<ExtensionEvent, readonly ExtensionAction['type'][]>> = {
	attributeCollectionStart: ['continueWithDefaultBehavior', 'setPrefillValues', 'showBlockPage'],
	attributeCollectionSubmit: [
		'continueWithDefaultBehavior',
		'modifyAttributeValues',
		'showValidationError',
		'showBlockPage',
	],
};

// Larger answers are refused (1003024); the documented limit is not known, this keeps memory bounded.
const maxResponseBytes = 1024 * 1024;

/** The system's CA certificates plus extra ones (PEM), built once: building it per call costs a handshake's time. */
export function trustContext(extra: readonly string[]): SecureContext {
	return createSecureContext({ ca: [...rootCertificates, ...extra] });
}

type Attempt =
	| { kind: 'timeout' }
	| { kind: 'network'; message: string }
	| { kind: 'tooLarge' }
	| { kind: 'response'; status: number; contentType: string; body: string };

function attempt(target: CallTarget): Promise<Attempt> {
	return new Promise((resolve) => {
		const url = new URL(target.url);
		const body = JSON.stringify(target.payload);
		const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
		const signal = AbortSignal.timeout(target.timeoutMs);
		const request = send(
			url,
			{
				method: 'POST',
				signal,
				headers: {
					'Content-Type': 'application/json',
					'Content-Length': Buffer.byteLength(body),
					Authorization: `Bearer ${target.token}`,
				},
				...(url.protocol === 'https:' ? { secureContext: target.trust } : {}),
			},
			(response) => {
				const chunks: Buffer[] = [];
				let size = 0;
				response.on('data', (chunk: Buffer) => {
					size += chunk.length;
					if (size > maxResponseBytes) {
						response.destroy();
						resolve({ kind: 'tooLarge' });
					} else chunks.push(chunk);
				});
				response.on('end', () =>
					resolve({
						kind: 'response',
						status: response.statusCode ?? 0,
						contentType: String(response.headers['content-type'] ?? ''),
						body: Buffer.concat(chunks).toString('utf8'),
					}),
				);
				response.on('error', () =>
					resolve(signal.aborted ? { kind: 'timeout' } : { kind: 'network', message: 'response cut off' }),
				);
			},
		);
		request.on('error', (error) =>
			resolve(signal.aborted ? { kind: 'timeout' } : { kind: 'network', message: error.message }),
		);
		request.end(body);
	});
}

const retriable = (result: Attempt) =>
	result.kind === 'timeout' ||
	result.kind === 'network' ||
	(result.kind === 'response' && result.status >= 500);

type Failure = { ok: false; code: number; name: string; detail: string };
const failure = (code: number, name: string, detail: string): Failure => ({ ok: false, code, name, detail });
const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

function typeMatches(actual: unknown, expected: string, actionCase: CallTarget['actionCase']): boolean {
	if (typeof actual !== 'string') return false;
	const sent = actual.replace(/^#/, '');
	return actionCase === 'insensitive' ? sent.toLowerCase() === expected.toLowerCase() : sent === expected;
}

function readAction(
	event: ExtensionEvent,
	raw: Record<string, unknown>,
	target: CallTarget,
): ExtensionAction | Failure {
	const prefix = `microsoft.graph.${event}.`;
	const type = actionsByEvent[event].find((candidate) =>
		typeMatches(raw['@odata.type'], `${prefix}${candidate}`, target.actionCase),
	);
	if (!type)
		return failure(
			1003012,
			'InvalidActionType',
			`The action type ${JSON.stringify(raw['@odata.type'])} is not one of ${prefix}{${actionsByEvent[event].join(', ')}}.`,
		);
	const malformed = (what: string) => failure(1003003, 'InvalidResponseBody', `The ${type} action ${what}.`);
	switch (type) {
		case 'continueWithDefaultBehavior':
			return { type };
		case 'setPrefillValues':
			return isObject(raw.inputs) ? { type, inputs: raw.inputs } : malformed("has no 'inputs' object");
		case 'modifyAttributeValues':
			return isObject(raw.attributes)
				? { type, attributes: raw.attributes }
				: malformed("has no 'attributes' object");
		case 'showBlockPage':
			if (typeof raw.message !== 'string') return malformed("has no 'message'");
			return { type, message: raw.message, ...(typeof raw.title === 'string' ? { title: raw.title } : {}) };
		case 'showValidationError': {
			const errors = raw.attributeErrors;
			if (
				typeof raw.message !== 'string' ||
				!isObject(errors) ||
				!Object.values(errors).every((text) => typeof text === 'string')
			) {
				return malformed("needs a 'message' and an 'attributeErrors' object of strings");
			}
			return { type, message: raw.message, attributeErrors: errors as Record<string, string> };
		}
	}
}

/** Reads an extension's answer as the service does; anything off the contract is a 10030xx failure. */
export function interpretResponse(
	event: ExtensionEvent,
	status: number,
	contentType: string,
	body: string,
	target: CallTarget,
): ExtensionAction | Failure {
	if (status === 429) return failure(1003004, 'ThrottlingError', 'The API answered 429 Too Many Requests.');
	if (status !== 200)
		return failure(1003002, 'InvalidHTTPStatus', `The API answered HTTP ${status}; only 200 is accepted.`);
	if (!/^application\/json\b/i.test(contentType)) {
		return failure(
			1003006,
			'InvalidResponseContentType',
			`The API answered Content-Type '${contentType}'; application/json is required.`,
		);
	}
	if (body.trim() === '') return failure(1003009, 'EmptyResponse', 'The API answered with an empty body.');
	let parsed: unknown;
	try {
		parsed = JSON.parse(body);
	} catch {
		return failure(1003003, 'InvalidResponseBody', 'The API answer is not valid JSON.');
	}
	const data = isObject(parsed) ? parsed.data : undefined;
	if (!isObject(data)) return failure(1003003, 'InvalidResponseBody', "The API answer has no 'data' object.");
	const dataType = `microsoft.graph.on${event[0]!.toUpperCase()}${event.slice(1)}ResponseData`;
	if (!typeMatches(data['@odata.type'], dataType, 'insensitive')) {
		return failure(
			1003008,
			'InvalidResponseApiSchemaVersion',
			`data.@odata.type is ${JSON.stringify(data['@odata.type'])}; expected '${dataType}'.`,
		);
	}
	if (!Array.isArray(data.actions) || data.actions.length !== 1) {
		return failure(
			1003010,
			'InvalidNumberOfActions',
			`The answer carries ${Array.isArray(data.actions) ? data.actions.length : 'no'} actions; exactly one is required.`,
		);
	}
	const action = data.actions[0];
	if (!isObject(action)) return failure(1003003, 'InvalidResponseBody', 'The action is not an object.');
	return readAction(event, action, target);
}

/** POSTs the payload within the timeout, retrying timeouts, dropped connections and 5xx up to `retries` times. */
export async function callExtension(event: ExtensionEvent, target: CallTarget): Promise<CallResult> {
	const started = Date.now();
	let attempts = 0;
	let result: Attempt;
	do {
		attempts++;
		result = await attempt(target);
	} while (retriable(result) && attempts <= target.retries);
	const durationMs = Date.now() - started;
	const done = (outcome: ExtensionAction | Failure): CallResult =>
		'ok' in outcome
			? { ...outcome, attempts, durationMs }
			: { ok: true, action: outcome, attempts, durationMs };
	switch (result.kind) {
		case 'timeout':
			return done(
				failure(
					1003005,
					'TimedOut',
					`No answer within ${target.timeoutMs} ms (${attempts} attempt${attempts === 1 ? '' : 's'}).`,
				),
			);
		case 'network':
			return done(
				failure(
					1003027,
					'ConnectionError',
					`Could not reach ${new URL(target.url).host}: ${result.message}.`,
				),
			);
		case 'tooLarge':
			return done(
				failure(1003024, 'ResponseSizeExceeded', `The answer is larger than ${maxResponseBytes} bytes.`),
			);
		case 'response':
			return done(interpretResponse(event, result.status, result.contentType, result.body, target));
	}
}
