import test from 'ava';
import { createGraphClient, type ExchangeRecord } from '../../source/graph/graph-client.js';
import { listTenantIdentityProviders } from '../../source/graph/tenant-providers.js';
import {
	createRequestRecorder,
	describeRequest,
	type RecordedRequest,
	requestLine,
} from '../../source/inspect/index.js';
import { emulatorFor } from '../helpers/emulator.js';

const token = 'SECRET-bearer-token-123';

test('every call through the client is recorded: method, URL, status, ms, request-id, bodies; secrets masked, never a header', async (t) => {
	const emulator = await emulatorFor(t);
	const recorder = createRequestRecorder();
	const seen: RecordedRequest[] = [];
	const unsubscribe = recorder.subscribe((entry) => seen.push(entry));
	const client = createGraphClient({
		baseUrl: emulator.graphUrl,
		tokenProvider: { getToken: async () => token },
		userAgent: 'entra-flows/test',
		onExchange: recorder.record,
	});
	await listTenantIdentityProviders(client);
	await client
		.request('POST', '/identity/identityProviders', {
			body: { displayName: 'Google', clientId: 'cid', clientSecret: 'TOP-SECRET-VALUE' },
		})
		.catch(() => undefined);
	const entries = recorder.entries();
	t.is(entries.length, 2);
	t.deepEqual(seen, [...entries]);
	const [list, post] = entries as [RecordedRequest, RecordedRequest];
	t.like(list, {
		seq: 1,
		method: 'GET',
		status: 200,
		path: '/identity/identityProviders',
		sent: true,
		attempt: 1,
	});
	t.is(list.url, `${emulator.graphUrl}/identity/identityProviders?%24top=999`);
	t.true(list.ms >= 0);
	t.is(list.requestId, emulator.log[0]?.requestId);
	const google = (list.responseBody as { value: { id: string; clientSecret?: string }[] }).value.find(
		(provider) => provider.id === 'Google-OAUTH',
	);
	t.is(google?.clientSecret, '***');
	t.like(post, { seq: 2, method: 'POST', sent: true });
	t.deepEqual(post.requestBody, { displayName: 'Google', clientId: 'cid', clientSecret: '***' });
	const stored = JSON.stringify(entries) + describeRequest(post).join('\n');
	t.false(stored.includes('TOP-SECRET-VALUE'));
	t.false(stored.includes(token));
	t.false(/authorization/i.test(JSON.stringify(entries)));
	unsubscribe();
	await listTenantIdentityProviders(client);
	t.is(seen.length, 2, 'an unsubscribed listener hears nothing');
	t.is(recorder.entries().length, 3);
});

test('planned writes, limits and clearing', (t) => {
	const recorder = createRequestRecorder({ limit: 2, maxBodyChars: 5, now: () => new Date(0) });
	const exchange: ExchangeRecord = {
		method: 'GET',
		url: 'https://g/v1.0/x',
		path: '/x',
		status: 500,
		ms: 3,
		attempt: 2,
		clientRequestId: 'c',
		responseBody: '<html>oops</html>',
	};
	recorder.record(exchange);
	const planned = recorder.recordPlanned({
		method: 'DELETE',
		url: 'https://g/v1.0/x',
		path: '/x',
		note: 'only if needed',
	});
	t.like(planned, {
		seq: 2,
		sent: false,
		status: 0,
		note: 'only if needed',
		time: '1970-01-01T00:00:00.000Z',
	});
	t.is(recorder.entries()[0]?.responseBody, '<html… (12 more characters)');
	t.is(requestLine(recorder.entries()[0]!), 'GET /x 500 3ms (retry 1)');
	t.is(requestLine(planned), 'DELETE /x not sent');
	recorder.record(exchange);
	t.deepEqual(
		recorder.entries().map((entry) => entry.seq),
		[2, 3],
	);
	t.regex(
		describeRequest(planned).join('\n'),
		/curl -X DELETE 'https:\/\/g\/v1\.0\/x'[\s\S]*az rest[\s\S]*Invoke-MgGraphRequest/,
	);
	recorder.clear();
	t.deepEqual(recorder.entries(), []);
});

test('a long JSON response keeps only its masked start, as text, so the record stays small', (t) => {
	const recorder = createRequestRecorder({ maxBodyChars: 60 });
	const body = JSON.stringify({
		clientSecret: 'hunter2-secret',
		value: Array.from({ length: 50 }, (_, i) => i),
	});
	const entry = recorder.record({
		method: 'GET',
		url: 'https://g/v1.0/x',
		path: '/x',
		status: 200,
		ms: 1,
		attempt: 1,
		clientRequestId: 'c',
		responseBody: body,
	});
	t.is(typeof entry.responseBody, 'string');
	t.regex(String(entry.responseBody), /more characters\)$/);
	t.false(String(entry.responseBody).includes('hunter2'));
	const short = recorder.record({
		method: 'GET',
		url: 'https://g/v1.0/y',
		path: '/y',
		status: 200,
		ms: 1,
		attempt: 1,
		clientRequestId: 'c',
		responseBody: '{"a":1}',
	});
	t.deepEqual(short.responseBody, { a: 1 });
});
