import { inspect } from 'node:util';
import test from 'ava';
import type { TokenProvider } from '../../source/auth/token-provider.js';
import { createUserFlow, getUserFlow, listUserFlows } from '../../source/graph/flows.js';
import {
	createGraphClient,
	type GraphClientOptions,
	type RetryNotice,
} from '../../source/graph/graph-client.js';
import { GraphError } from '../../source/graph/graph-error.js';
import { emulatorFor, seed } from '../helpers/emulator.js';

const secret = 'SECRET-token-abc123';

function clientFor(graphUrl: string, extra: Partial<GraphClientOptions> = {}) {
	const notices: RetryNotice[] = [];
	const client = createGraphClient({
		baseUrl: graphUrl,
		tokenProvider: { getToken: async () => secret },
		userAgent: 'entra-flows/test',
		retry: { baseDelayMs: 30, random: () => 0 },
		onRetry: (notice) => notices.push(notice),
		...extra,
	});
	return { client, notices };
}

async function failure(promise: Promise<unknown>): Promise<GraphError> {
	try {
		await promise;
	} catch (error) {
		if (error instanceof GraphError) return error;
		throw error;
	}
	throw new Error('expected a GraphError');
}

test('429 with Retry-After in seconds is honoured, with the same client-request-id and a Retry-Attempt header', async (t) => {
	const emulator = await emulatorFor(t, { faults: 'F-T1:retry-after=1:times=1' });
	const { client, notices } = clientFor(emulator.graphUrl);
	const started = performance.now();
	const flows = await listUserFlows(client);
	const elapsed = performance.now() - started;
	t.true(flows.length >= 4);
	t.true(elapsed >= 1000, `waited ${elapsed} ms`);
	t.is(notices.length, 1);
	t.is(notices[0]?.reason, 'throttled');
	t.is(notices[0]?.delayMs, 1000);
	const [first, second] = emulator.log.filter((entry) => entry.method === 'GET');
	t.is(first?.status, 429);
	t.is(second?.status, 200);
	t.truthy(first?.clientRequestId);
	t.is(first?.clientRequestId, second?.clientRequestId);
	t.is(second?.retryAttempt, '1');
});

test('Retry-After as an HTTP-date is honoured', async (t) => {
	const emulator = await emulatorFor(t, { faults: 'F-T2:date-offset=2:times=1' });
	const { client, notices } = clientFor(emulator.graphUrl);
	const started = performance.now();
	await listUserFlows(client);
	t.true(performance.now() - started >= 900);
	t.true((notices[0]?.delayMs ?? 0) >= 900);
});

test('a Retry-After beyond the cap stops at once and says when to try again', async (t) => {
	const emulator = await emulatorFor(t, { faults: 'F-T4:retry-after=300' });
	const { client, notices } = clientFor(emulator.graphUrl);
	const error = await failure(listUserFlows(client));
	t.is(error.kind, 'throttled');
	t.is(error.status, 429);
	t.is(error.retryAfterSeconds, 300);
	t.is(notices.length, 0);
	t.regex(error.hint ?? '', /throttling/);
});

test('retries are bounded: 1 try + 3 retries, then the 503 is reported', async (t) => {
	const emulator = await emulatorFor(t, { faults: 'F-S2' });
	const { client, notices } = clientFor(emulator.graphUrl);
	const error = await failure(listUserFlows(client));
	t.is(error.status, 503);
	t.is(error.kind, 'unavailable');
	t.is(notices.length, 3);
	t.is(emulator.log.filter((entry) => entry.method === 'GET').length, 4);
});

test('a 503 is retried on a new connection', async (t) => {
	const emulator = await emulatorFor(t, { faults: 'F-S1:retry-after=0.05:times=1' });
	const { client } = clientFor(emulator.graphUrl);
	await listUserFlows(client);
	const [first, second] = emulator.log;
	t.not(first?.remotePort, second?.remotePort);
});

test('a write is not retried after a 504, but a create that took effect is adopted', async (t) => {
	const emulator = await emulatorFor(t, { faults: 'F-S3:method=POST:times=1' });
	const { client } = clientFor(emulator.graphUrl);
	const created = await createUserFlow(client, {
		displayName: 'Gateway timeout',
		identityProviderIds: ['EmailPassword-OAUTH'],
	});
	t.is(created.displayName, 'Gateway timeout');
	t.is(emulator.log.filter((entry) => entry.method === 'POST').length, 1);
});

test('a dropped connection on a read is retried; when it keeps dropping the error says so plainly', async (t) => {
	const emulator = await emulatorFor(t, { faults: 'F-N1:times=1' });
	const { client } = clientFor(emulator.graphUrl);
	t.true((await listUserFlows(client)).length >= 4);
	emulator.setFaults('F-N1');
	const error = await failure(listUserFlows(client));
	t.is(error.kind, 'network');
	t.regex(error.message, /dropped|connection/i);
});

test('malformed bodies become clear errors, not stack traces', async (t) => {
	const emulator = await emulatorFor(t, { faults: 'F-B0:kind=truncated:status=200:times=1' });
	const { client } = clientFor(emulator.graphUrl);
	const truncated = await failure(listUserFlows(client));
	t.is(truncated.kind, 'protocol');
	t.regex(truncated.message, /not valid JSON/);
	emulator.setFaults('F-B0:kind=html:status=502:times=1');
	const html = await failure(listUserFlows(client));
	t.is(html.status, 502);
	t.regex(html.message, /without a readable error body/);
});

test('a hung request times out', async (t) => {
	const emulator = await emulatorFor(t, { faults: 'F-L2' });
	const { client } = clientFor(emulator.graphUrl, {
		timeouts: { response: 200, request: 300 },
		retry: { maxRetries: 0 },
	});
	const error = await failure(listUserFlows(client));
	t.is(error.kind, 'timeout');
});

test('a 401 gets one fresh token and one replay', async (t) => {
	const emulator = await emulatorFor(t, { faults: 'F-A1:times=1' });
	const calls: boolean[] = [];
	const tokenProvider: TokenProvider = {
		getToken: async (options) => {
			calls.push(options?.forceRefresh ?? false);
			return secret;
		},
	};
	const { client } = clientFor(emulator.graphUrl, { tokenProvider });
	await listUserFlows(client);
	t.deepEqual(calls, [false, true]);
});

test('paging follows @odata.nextLink across pages', async (t) => {
	// The client asks for 999 flows a page; a service that hands out 2 at most makes it follow nextLinks.
	const emulator = await emulatorFor(t, { pageSize: 2, maxPageSize: 2, extraFlows: 2 });
	const { client } = clientFor(emulator.graphUrl);
	const flows = await listUserFlows(client);
	t.is(flows.length, 6);
	t.is(new Set(flows.map((flow) => flow.id)).size, 6);
	t.is(emulator.log.filter((entry) => entry.method === 'GET').length, 3);
});

test('a GraphError carries ids but never the token, however it is printed', async (t) => {
	const emulator = await emulatorFor(t);
	const { client } = clientFor(emulator.graphUrl);
	const error = await failure(getUserFlow(client, '00000000-0000-4000-8000-00000000abcd'));
	t.is(error.status, 404);
	t.is(error.kind, 'notFound');
	t.regex(error.requestId ?? '', /^[0-9a-f-]{36}$/);
	for (const text of [
		JSON.stringify(error),
		inspect(error, { depth: 10 }),
		String(error),
		error.stack ?? '',
	]) {
		t.false(text.includes(secret));
		t.false(/authorization/i.test(text));
	}
});

test('beta is served under the same origin', async (t) => {
	const emulator = await emulatorFor(t);
	const { client } = clientFor(`${emulator.origin}/beta`);
	const flow = await getUserFlow(client, seed.flows.events.id);
	t.is(flow.id, seed.flows.events.id);
});
