import test from 'ava';
import {
	type AttemptOutcome,
	type CallRules,
	type CallState,
	firstAttempt,
	type NextStep,
	nextStep,
} from '../../source/graph/next-step.js';
import { defaultRetryPolicy, type RetryPolicy } from '../../source/graph/retry-policy.js';

// The per-attempt decision of the Graph client, as a table: outcome + state + rules → the next step.
const policy: RetryPolicy = { ...defaultRetryPolicy, random: () => 0 };
const now = Date.parse('2026-01-01T00:00:00Z');

function rulesFor(method: string, extra: Partial<CallRules> = {}): CallRules {
	const url = new URL('https://graph.microsoft.com/v1.0/identity/authenticationEventsFlows');
	return {
		method,
		url,
		path: '/identity/authenticationEventsFlows',
		clientRequestId: 'c-1',
		origin: url.origin,
		canReconcile: false,
		...extra,
	};
}

const response = (status: number, headers: Record<string, string> = {}, body = ''): AttemptOutcome => ({
	type: 'response',
	status,
	headers,
	body,
	receivedAt: now,
});
const transport = (
	code: string,
	extra: { cancelled?: boolean; sent?: boolean; status?: number } = {},
): AttemptOutcome => ({
	type: 'transport',
	code,
	cancelled: extra.cancelled ?? false,
	sent: extra.sent ?? true,
	...(extra.status ? { status: extra.status } : {}),
});
const at = (attempt: number, extra: Partial<CallState> = {}): CallState => ({
	...firstAttempt,
	attempt,
	...extra,
});

/** The parts of a step a row asserts. */
function summary(step: NextStep): Record<string, unknown> {
	switch (step.kind) {
		case 'accept':
			return { kind: 'accept', status: step.status, body: step.body };
		case 'replay':
			return step.state.redirect
				? {
						kind: 'follow',
						attempt: step.state.attempt,
						to: step.state.redirect.url.href,
						method: step.state.redirect.method,
						withBody: step.state.redirect.withBody,
					}
				: {
						kind: 'replay',
						attempt: step.state.attempt,
						refreshToken: step.state.refreshToken,
						claims: step.state.claimsChallenge,
					};
		case 'wait':
			return {
				kind: 'wait',
				ms: step.ms,
				reason: step.reason,
				attempt: step.state.attempt,
				fresh: step.state.freshConnection,
				...(step.state.lostAnswer ? { lostAnswer: true } : {}),
			};
		case 'reconcile':
			return { kind: 'reconcile', cause: step.cause };
		case 'fail':
			return {
				kind: 'fail',
				error: step.error.kind,
				status: step.error.status,
				code: step.error.code,
				clientRequestId: step.error.clientRequestId,
				...(step.error.applied ? { applied: step.error.applied } : {}),
				...(step.error.retriedAfterLostAnswer ? { retriedAfterLostAnswer: true } : {}),
			};
	}
}

type Row = {
	readonly name: string;
	readonly outcome: AttemptOutcome;
	readonly state?: CallState;
	readonly rules?: CallRules;
	readonly expect: Record<string, unknown>;
};

const graphError = (code: string) => JSON.stringify({ error: { code, message: 'm' } });

const rows: readonly Row[] = [
	{
		name: 'a 2xx answer is accepted',
		outcome: response(200, {}, '{"value":[]}'),
		expect: { kind: 'accept', status: 200, body: '{"value":[]}' },
	},
	{
		name: 'a first 401 replays at once with a fresh token and the claims challenge',
		outcome: response(401, {
			'www-authenticate': 'Bearer error="insufficient_claims", claims="eyJhIjoxfQ=="',
		}),
		expect: { kind: 'replay', attempt: 2, refreshToken: true, claims: 'eyJhIjoxfQ==' },
	},
	{
		name: 'a second 401 is a real failure',
		outcome: response(401, {}, graphError('InvalidAuthenticationToken')),
		state: at(2, { replayedAfter401: true }),
		expect: {
			kind: 'fail',
			error: 'unauthenticated',
			status: 401,
			code: 'InvalidAuthenticationToken',
			clientRequestId: 'c-1',
		},
	},
	{
		name: '429 waits the Retry-After seconds',
		outcome: response(429, { 'retry-after': '2' }),
		expect: { kind: 'wait', ms: 2000, reason: 'throttled', attempt: 2, fresh: false },
	},
	{
		name: '429 with an HTTP-date waits until then',
		outcome: response(429, { 'retry-after': new Date(now + 4000).toUTCString() }),
		expect: { kind: 'wait', ms: 4000, reason: 'throttled', attempt: 2, fresh: false },
	},
	{
		name: '429 without Retry-After backs off on the SDK curve',
		outcome: response(429),
		state: at(2),
		expect: { kind: 'wait', ms: 5000, reason: 'throttled', attempt: 3, fresh: false },
	},
	{
		name: '429 asking for more than the cap fails at once, saying how long',
		outcome: response(429, { 'retry-after': '300' }, graphError('TooManyRequests')),
		expect: {
			kind: 'fail',
			error: 'throttled',
			status: 429,
			code: 'TooManyRequests',
			clientRequestId: 'c-1',
		},
	},
	{
		name: '429 on a POST is retried: the request was refused before it ran',
		outcome: response(429, { 'retry-after': '1' }),
		rules: rulesFor('POST'),
		expect: { kind: 'wait', ms: 1000, reason: 'throttled', attempt: 2, fresh: false },
	},
	{
		name: '503 retries over a new connection',
		outcome: response(503, { 'retry-after': '1' }),
		expect: { kind: 'wait', ms: 1000, reason: 'unavailable', attempt: 2, fresh: true },
	},
	{
		name: 'after three retries the 503 is reported',
		outcome: response(503, {}, graphError('serviceNotAvailable')),
		state: at(4),
		expect: {
			kind: 'fail',
			error: 'unavailable',
			status: 503,
			code: 'serviceNotAvailable',
			clientRequestId: 'c-1',
		},
	},
	{
		name: 'a wait that would pass the deadline is not taken',
		outcome: response(503, { 'retry-after': '5' }),
		state: at(2, { waitedMs: defaultRetryPolicy.deadlineMs - 1000 }),
		expect: { kind: 'fail', error: 'unavailable', status: 503, code: 'HTTP503', clientRequestId: 'c-1' },
	},
	{
		name: '504 on a read is retried',
		outcome: response(504),
		expect: { kind: 'wait', ms: 3000, reason: 'unavailable', attempt: 2, fresh: false },
	},
	{
		name: '504 on a create with a reconcile hook looks for the object',
		outcome: response(504),
		rules: rulesFor('POST', { canReconcile: true }),
		expect: { kind: 'reconcile', cause: '504' },
	},
	{
		name: '504 on a PATCH is reported as maybe applied, never sent again',
		outcome: response(504, {}, graphError('GatewayTimeout')),
		rules: rulesFor('PATCH'),
		expect: {
			kind: 'fail',
			error: 'unavailable',
			status: 504,
			code: 'GatewayTimeout',
			clientRequestId: 'c-1',
			applied: 'unknown',
		},
	},
	{
		name: 'a reconcile that found the object answers as its 201',
		outcome: { type: 'reconciled', found: { id: 'f1' }, lost: response(504) },
		rules: rulesFor('POST', { canReconcile: true }),
		expect: { kind: 'accept', status: 201, body: '{"id":"f1"}' },
	},
	{
		name: 'a reconcile that found nothing after a 504 reports the 504, maybe applied (reads may lag)',
		outcome: { type: 'reconciled', found: undefined, lost: response(504, {}, graphError('GatewayTimeout')) },
		rules: rulesFor('POST', { canReconcile: true }),
		expect: {
			kind: 'fail',
			error: 'unavailable',
			status: 504,
			code: 'GatewayTimeout',
			clientRequestId: 'c-1',
			applied: 'unknown',
		},
	},
	{
		name: 'a dropped connection on a read is retried',
		outcome: transport('ECONNRESET'),
		expect: { kind: 'wait', ms: 3000, reason: 'network', attempt: 2, fresh: false },
	},
	{
		name: 'a dropped connection after a POST was sent is reported as maybe applied, never sent again',
		outcome: transport('ECONNRESET'),
		rules: rulesFor('POST'),
		expect: {
			kind: 'fail',
			error: 'network',
			status: 0,
			code: 'ECONNRESET',
			clientRequestId: 'c-1',
			applied: 'unknown',
		},
	},
	{
		name: 'a dropped connection on a create with a hook looks for the object first',
		outcome: transport('ECONNRESET'),
		rules: rulesFor('POST', { canReconcile: true }),
		expect: { kind: 'reconcile', cause: 'ECONNRESET' },
	},
	{
		name: 'a lost create the reconcile did not find is sent again',
		outcome: { type: 'reconciled', found: undefined, lost: transport('ECONNRESET') },
		rules: rulesFor('POST', { canReconcile: true }),
		expect: { kind: 'wait', ms: 3000, reason: 'network', attempt: 2, fresh: false, lostAnswer: true },
	},
	{
		name: 'a refused connection never reached the service, so even a write is retried',
		outcome: transport('ECONNREFUSED'),
		rules: rulesFor('PATCH'),
		expect: { kind: 'wait', ms: 3000, reason: 'network', attempt: 2, fresh: false },
	},
	{
		name: 'a timeout after a write was sent is reported as a timeout, maybe applied',
		outcome: transport('ETIMEDOUT'),
		rules: rulesFor('PATCH'),
		expect: {
			kind: 'fail',
			error: 'timeout',
			status: 0,
			code: 'ETIMEDOUT',
			clientRequestId: 'c-1',
			applied: 'unknown',
		},
	},
	{
		name: 'a cancelled request fails as cancelled, whatever the code',
		outcome: transport('ECONNRESET', { cancelled: true }),
		expect: { kind: 'fail', error: 'cancelled', status: 0, code: 'Cancelled', clientRequestId: 'c-1' },
	},
	{
		name: 'a same-origin 307 is followed with method and body, and is not a retry',
		outcome: response(307, { location: '/v1.0/identity/userFlowAttributes' }),
		rules: rulesFor('POST'),
		expect: {
			kind: 'follow',
			attempt: 1,
			to: 'https://graph.microsoft.com/v1.0/identity/userFlowAttributes',
			method: 'POST',
			withBody: true,
		},
	},
	{
		name: 'a 303 after a POST is followed as a GET without the body',
		outcome: response(303, { location: 'https://graph.microsoft.com/v1.0/x' }),
		rules: rulesFor('POST'),
		expect: {
			kind: 'follow',
			attempt: 1,
			to: 'https://graph.microsoft.com/v1.0/x',
			method: 'GET',
			withBody: false,
		},
	},
	{
		name: 'a redirect to another origin is refused, naming both',
		outcome: response(307, { location: 'https://graph.evil.test/v1.0/identity' }),
		rules: rulesFor('POST'),
		expect: { kind: 'fail', error: 'protocol', status: 307, code: 'ForeignRedirect', clientRequestId: 'c-1' },
	},
	{
		name: 'a redirect from https to http on the same host is another origin',
		outcome: response(302, { location: 'http://graph.microsoft.com/v1.0/x' }),
		expect: { kind: 'fail', error: 'protocol', status: 302, code: 'ForeignRedirect', clientRequestId: 'c-1' },
	},
	{
		name: 'the sixth redirect is refused',
		outcome: response(302, { location: '/v1.0/x' }),
		state: {
			...firstAttempt,
			redirect: {
				url: new URL('https://graph.microsoft.com/v1.0/x'),
				method: 'GET',
				withBody: true,
				hops: 5,
			},
		},
		expect: {
			kind: 'fail',
			error: 'protocol',
			status: 302,
			code: 'TooManyRedirects',
			clientRequestId: 'c-1',
		},
	},
	{
		name: 'a 3xx without Location is an answer like any other',
		outcome: response(304),
		expect: { kind: 'accept', status: 304, body: '' },
	},
	{
		name: 'a write whose request never fully went out is sent again (a timeout while connecting)',
		outcome: transport('ETIMEDOUT', { sent: false }),
		rules: rulesFor('PATCH'),
		expect: { kind: 'wait', ms: 3000, reason: 'network', attempt: 2, fresh: false },
	},
	{
		name: 'a write dropped while it was still being written is sent again',
		outcome: transport('ECONNRESET', { sent: false }),
		rules: rulesFor('POST'),
		expect: { kind: 'wait', ms: 3000, reason: 'network', attempt: 2, fresh: false },
	},
	{
		name: 'a DELETE whose connection dropped after sending is sent again: it is idempotent',
		outcome: transport('ECONNRESET'),
		rules: rulesFor('DELETE'),
		expect: { kind: 'wait', ms: 3000, reason: 'network', attempt: 2, fresh: false, lostAnswer: true },
	},
	{
		name: 'a PUT whose connection dropped after sending is sent again: it is idempotent',
		outcome: transport('EPIPE'),
		rules: rulesFor('PUT'),
		expect: { kind: 'wait', ms: 3000, reason: 'network', attempt: 2, fresh: false, lostAnswer: true },
	},
	{
		name: 'a 504 to a DELETE is sent again',
		outcome: response(504),
		rules: rulesFor('DELETE'),
		expect: { kind: 'wait', ms: 3000, reason: 'unavailable', attempt: 2, fresh: false, lostAnswer: true },
	},
	{
		name: 'a 404 to a DELETE sent again after a lost answer says so: the first one took effect',
		outcome: response(404, {}, graphError('Request_ResourceNotFound')),
		rules: rulesFor('DELETE'),
		state: at(2, { lostAnswer: true }),
		expect: {
			kind: 'fail',
			error: 'notFound',
			status: 404,
			code: 'Request_ResourceNotFound',
			clientRequestId: 'c-1',
			retriedAfterLostAnswer: true,
		},
	},
	{
		name: 'a DELETE that keeps losing its answer ends maybe applied',
		outcome: response(504, {}, graphError('GatewayTimeout')),
		rules: rulesFor('DELETE'),
		state: at(4, { lostAnswer: true }),
		expect: {
			kind: 'fail',
			error: 'unavailable',
			status: 504,
			code: 'GatewayTimeout',
			clientRequestId: 'c-1',
			applied: 'unknown',
			retriedAfterLostAnswer: true,
		},
	},
	{
		name: 'a write answered 2xx whose body was then lost happened: applied yes, not sent again',
		outcome: transport('ECONNRESET', { status: 200 }),
		rules: rulesFor('PATCH'),
		expect: {
			kind: 'fail',
			error: 'network',
			status: 0,
			code: 'ECONNRESET',
			clientRequestId: 'c-1',
			applied: 'yes',
		},
	},
	{
		name: 'a create answered 201 whose body was lost on the way is looked up',
		outcome: transport('ECONNRESET', { status: 201 }),
		rules: rulesFor('POST', { canReconcile: true }),
		expect: { kind: 'reconcile', cause: 'ECONNRESET' },
	},
	{
		name: 'a create answered 201 with a truncated body is looked up for its id',
		outcome: response(201, {}, '{"id":"f1","displ'),
		rules: rulesFor('POST', { canReconcile: true }),
		expect: { kind: 'reconcile', cause: 'truncated 201' },
	},
	{
		name: 'a truncated 201 the reconcile did not find is accepted as it came (the caller says applied)',
		outcome: { type: 'reconciled', found: undefined, lost: response(201, {}, '{"id":"f1","displ') },
		rules: rulesFor('POST', { canReconcile: true }),
		expect: { kind: 'accept', status: 201, body: '{"id":"f1","displ' },
	},
	{
		name: 'a write cancelled after it was sent may have been applied',
		outcome: transport('ERR_ABORTED', { cancelled: true }),
		rules: rulesFor('PATCH'),
		expect: {
			kind: 'fail',
			error: 'cancelled',
			status: 0,
			code: 'Cancelled',
			clientRequestId: 'c-1',
			applied: 'unknown',
		},
	},
	{
		name: 'a read that keeps dropping is reported, with nothing applied',
		outcome: transport('ECONNRESET'),
		state: at(4),
		expect: { kind: 'fail', error: 'network', status: 0, code: 'ECONNRESET', clientRequestId: 'c-1' },
	},
	{
		name: 'a 429 to a write is retried and marks nothing: it was refused before it ran',
		outcome: response(429, { 'retry-after': '1' }),
		rules: rulesFor('PATCH'),
		expect: { kind: 'wait', ms: 1000, reason: 'throttled', attempt: 2, fresh: false },
	},
	{
		name: 'a host name that does not resolve fails at once, naming the host',
		outcome: transport('ENOTFOUND', { sent: false }),
		expect: { kind: 'fail', error: 'network', status: 0, code: 'ENOTFOUND', clientRequestId: 'c-1' },
	},
	{
		name: 'a temporary DNS failure gets one quick retry',
		outcome: transport('EAI_AGAIN', { sent: false }),
		expect: { kind: 'wait', ms: 1000, reason: 'network', attempt: 2, fresh: false },
	},
	{
		name: 'a temporary DNS failure twice is reported',
		outcome: transport('EAI_AGAIN', { sent: false }),
		state: at(2),
		expect: { kind: 'fail', error: 'network', status: 0, code: 'EAI_AGAIN', clientRequestId: 'c-1' },
	},
	{
		name: 'a 500 is reported, not retried',
		outcome: response(500, { 'request-id': 'r-9' }, graphError('generalException')),
		expect: { kind: 'fail', error: 'server', status: 500, code: 'generalException', clientRequestId: 'c-1' },
	},
];

for (const row of rows) {
	test(`next step: ${row.name}`, (t) => {
		const step = nextStep(row.outcome, row.state ?? firstAttempt, row.rules ?? rulesFor('GET'), policy);
		t.deepEqual(summary(step), row.expect);
	});
}

test('a failure carries the ids of the answer and the permission a 403 needs', (t) => {
	const step = nextStep(
		response(403, { 'request-id': 'r-1', date: 'Thu, 01 Jan 2026 00:00:00 GMT' }, graphError('accessDenied')),
		firstAttempt,
		rulesFor('GET', { permission: 'EventListener.Read.All' }),
		policy,
	);
	if (step.kind !== 'fail') return t.fail(step.kind);
	t.is(step.error.requestId, 'r-1');
	t.is(step.error.date, 'Thu, 01 Jan 2026 00:00:00 GMT');
	t.is(step.error.requiredPermission, 'EventListener.Read.All');
	t.is(step.error.kind, 'forbidden');
});

test('a refused redirect names both origins', (t) => {
	const step = nextStep(
		response(307, { location: 'http://127.0.0.2:9/steal' }),
		firstAttempt,
		rulesFor('POST'),
		policy,
	);
	if (step.kind !== 'fail') return t.fail(step.kind);
	t.regex(step.error.message, /https:\/\/graph\.microsoft\.com.*http:\/\/127\.0\.0\.2:9/);
});

test('the DNS failure names the host that could not be resolved', (t) => {
	const step = nextStep(transport('ENOTFOUND', { sent: false }), firstAttempt, rulesFor('GET'), policy);
	if (step.kind !== 'fail') return t.fail(step.kind);
	t.regex(step.error.message, /The host name graph\.microsoft\.com could not be resolved/);
	t.regex(step.error.hint ?? '', /--graph-url/);
});
