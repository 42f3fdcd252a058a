import test from 'ava';
import {
	backoffDelay,
	defaultRetryPolicy,
	isRetriableNetworkError,
	isRetriableStatus,
	parseRetryAfter,
} from '../../source/graph/retry-policy.js';

test('reads are retried on 429, 503 and 504 only', (t) => {
	for (const status of [429, 503, 504]) t.true(isRetriableStatus('GET', status), String(status));
	for (const status of [400, 401, 403, 404, 409, 500, 502, 507])
		t.false(isRetriableStatus('GET', status), String(status));
});

test('a write is retried only where the service said it did not run it', (t) => {
	t.true(isRetriableStatus('POST', 429));
	t.true(isRetriableStatus('PATCH', 503));
	t.false(isRetriableStatus('POST', 504));
	t.false(isRetriableStatus('DELETE', 504));
});

test('network errors: reads retry a reset, writes only what was never sent', (t) => {
	t.true(isRetriableNetworkError('GET', 'ECONNRESET'));
	t.false(isRetriableNetworkError('POST', 'ECONNRESET'));
	t.true(isRetriableNetworkError('POST', 'ECONNREFUSED'));
});

test('Retry-After parses seconds, fractions and HTTP-dates; a past date waits at least a second', (t) => {
	const now = Date.parse('2026-11-26T10:00:00Z');
	t.is(parseRetryAfter('10', now), 10_000);
	t.is(parseRetryAfter('2.128', now), 2128);
	t.is(parseRetryAfter('Thu, 26 Nov 2026 10:00:05 GMT', now), 5000);
	t.is(parseRetryAfter('Thu, 26 Nov 2026 09:00:00 GMT', now), 1000);
	t.is(parseRetryAfter(undefined, now), undefined);
	t.is(parseRetryAfter('soon', now), undefined);
});

test('back-off follows the SDK curve 3, 5, 7 s plus jitter below a second', (t) => {
	const policy = { ...defaultRetryPolicy, random: () => 0 };
	t.deepEqual(
		[1, 2, 3].map((attempt) => backoffDelay(attempt, policy)),
		[3000, 5000, 7000],
	);
	const jittered = backoffDelay(1, { ...defaultRetryPolicy, random: () => 0.999 });
	t.true(jittered > 3000 && jittered < 4000);
	t.is(backoffDelay(20, policy), defaultRetryPolicy.maxDelayMs);
});
