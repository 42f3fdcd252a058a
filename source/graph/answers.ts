import { header, type ShapeCheck } from './client-types.js';
import { callFailure } from './failure.js';
import type { GraphError } from './graph-error.js';
import type { Accepted } from './send-call.js';
import { shapeProblem } from './shapes.js';

/** The shape every Graph answer has at least: a JSON object. */
export const anyObject = { kind: 'object', fields: {} } as const;

/**
 * A MalformedResponse for an accepted answer. It still came with the ids support asks for: the service's
 * request-id and the client-request-id this call sent. A write answered 2xx happened even so: applied yes.
 */
export function malformed(result: Accepted, message: string): GraphError {
	const write = result.call.method !== 'GET' && result.status >= 200 && result.status < 300;
	return callFailure(
		'protocol',
		result.call,
		{ code: 'MalformedResponse', message },
		{
			requestId: header(result.headers['request-id']),
			date: header(result.headers.date),
			...(write ? { applied: 'yes' as const } : {}),
		},
	);
}

/** The answer as a JSON object, checked by `check`; anything else fails as MalformedResponse. */
export function parseObject(result: Accepted, check?: ShapeCheck): Record<string, unknown> {
	let json: unknown;
	try {
		json = JSON.parse(result.body);
	} catch {
		throw malformed(result, 'Microsoft Graph sent a response that is not valid JSON.');
	}
	const problem = shapeProblem(json, anyObject, 'the answer') ?? check?.(json, 'the answer');
	if (problem) throw malformed(result, `Microsoft Graph sent an answer of the wrong shape: ${problem}.`);
	return json as Record<string, unknown>;
}
