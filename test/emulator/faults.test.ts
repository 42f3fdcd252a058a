import test from 'ava';
import { seedIds } from '../../source/emulator/server.js';
import { call, type ErrorBody, flowBody, paths, start, waitFor } from './helpers.js';

const fault = (rule: string) => ({ headers: { 'x-emulator-fault': rule } });

test('F-T1 answers 429 TooManyRequests with fractional Retry-After seconds', async (t) => {
	const emulator = await start(t, { faults: 'F-T1:retry-after=2.128:times=1' });
	const throttled = await call<ErrorBody>(emulator, 'GET', paths.flows);
	t.is(throttled.status, 429);
	t.is(throttled.headers.get('retry-after'), '2.128');
	t.is(throttled.json.error.code, 'TooManyRequests');
	t.truthy(throttled.headers.get('request-id'));
	t.is((await call(emulator, 'GET', paths.flows)).status, 200);
});

test('F-T2 sends an HTTP-date, F-T3 no header, F-T4 a huge wait', async (t) => {
	const emulator = await start(t);
	const dated = await call(emulator, 'GET', paths.flows, fault('F-T2:date-offset=-10'));
	const when = Date.parse(dated.headers.get('retry-after') ?? '');
	t.true(Number.isFinite(when));
	t.true(when < Date.now());
	const bare = await call(emulator, 'GET', paths.flows, fault('F-T3'));
	t.is(bare.status, 429);
	t.is(bare.headers.get('retry-after'), null);
	const huge = await call(emulator, 'GET', paths.flows, fault('F-T4'));
	t.is(huge.headers.get('retry-after'), '300');
});

test('F-S1 and F-S2 answer 503 with and without Retry-After; F-S4 answers 500/502/507', async (t) => {
	const emulator = await start(t);
	const withWait = await call<ErrorBody>(emulator, 'GET', paths.flows, fault('F-S1:retry-after=1'));
	t.is(withWait.status, 503);
	t.is(withWait.json.error.code, 'serviceNotAvailable');
	t.is(withWait.headers.get('retry-after'), '1');
	const noWait = await call(emulator, 'GET', paths.flows, fault('F-S2'));
	t.is(noWait.status, 503);
	t.is(noWait.headers.get('retry-after'), null);
	for (const status of [500, 502, 507]) {
		t.is(
			(await call(emulator, 'DELETE', paths.flow(seedIds.flows.events), fault(`F-S4:status=${status}`)))
				.status,
			status,
		);
	}
	t.truthy(emulator.tenant.findFlow(seedIds.flows.events), 'F-S4 refuses before applying');
});

test('F-S3 applies a create, then answers 504', async (t) => {
	const emulator = await start(t);
	const response = await call<ErrorBody>(emulator, 'POST', paths.flows, {
		body: flowBody('Timed out'),
		...fault('F-S3'),
	});
	t.is(response.status, 504);
	t.is(response.json.error.code, 'GatewayTimeout');
	t.truthy(emulator.tenant.flowNamed('Timed out'));
});

test('F-L1 adds latency before answering', async (t) => {
	const emulator = await start(t, { faults: 'F-L1:min=80:max=80' });
	const started = performance.now();
	const response = await call(emulator, 'GET', paths.flows);
	t.is(response.status, 200);
	t.true(performance.now() - started >= 75);
	t.is(emulator.log.at(-1)?.fault, 'F-L1');
});

test('F-L2 hangs until close() destroys the socket', async (t) => {
	const emulator = await start(t);
	const pending = call(emulator, 'GET', paths.flows, fault('F-L2'));
	await waitFor(() => emulator.log.some((entry) => entry.fault === 'F-L2'));
	t.is(emulator.log.at(-1)?.status, null);
	await emulator.close();
	await t.throwsAsync(pending);
});

test('F-N1 drops the connection without an answer', async (t) => {
	const emulator = await start(t, { faults: 'F-N1:nth=1' });
	await t.throwsAsync(call(emulator, 'GET', paths.flows), { instanceOf: TypeError });
	t.is(emulator.log[0]?.fault, 'F-N1');
	t.is(emulator.log[0]?.status, null);
	t.is((await call(emulator, 'GET', paths.flows)).status, 200);
});

test('F-B0 sends HTML, truncated JSON or an empty body', async (t) => {
	const emulator = await start(t);
	const html = await call(emulator, 'GET', paths.flows, fault('F-B0')).catch(() => null);
	t.is(html, null, 'the helper cannot parse HTML as JSON');
	const raw = await fetch(`${emulator.graphUrl}${paths.flows}`, {
		headers: { authorization: 'Bearer x', ...fault('F-B0:status=502').headers },
	});
	t.is(raw.status, 502);
	t.regex(raw.headers.get('content-type') ?? '', /^text\/html/);
	t.regex(await raw.text(), /^<!DOCTYPE html>/);
	const truncated = await fetch(`${emulator.graphUrl}${paths.flows}`, {
		headers: { authorization: 'Bearer x', 'x-emulator-fault': 'F-B0:status=200:kind=truncated' },
	});
	t.is(truncated.status, 200);
	const text = await truncated.text();
	t.true(text.startsWith('{"@odata.context"'));
	t.throws(() => JSON.parse(text));
	const empty = await fetch(`${emulator.graphUrl}${paths.flows}`, {
		headers: { authorization: 'Bearer x', 'x-emulator-fault': 'F-B0:status=500:kind=empty' },
	});
	t.is(empty.status, 500);
	t.is(await empty.text(), '');
});

test('F-A1 expires the token once; F-A3 denies with Authorization_RequestDenied', async (t) => {
	const emulator = await start(t, { faults: 'F-A1' });
	const expired = await call<ErrorBody>(emulator, 'GET', paths.flows);
	t.is(expired.status, 401);
	t.is(expired.json.error.code, 'InvalidAuthenticationToken');
	t.regex(expired.json.error.message, /expired/);
	t.regex(expired.headers.get('www-authenticate') ?? '', /^Bearer/);
	t.is((await call(emulator, 'GET', paths.flows)).status, 200);
	const denied = await call<ErrorBody>(emulator, 'GET', paths.flows, fault('F-A3'));
	t.is(denied.status, 403);
	t.is(denied.json.error.code, 'Authorization_RequestDenied');
	t.is(denied.json.error.message, 'Insufficient privileges to complete the operation.');
	const cae = await call(emulator, 'GET', paths.flows, fault('F-A2'));
	t.regex(cae.headers.get('www-authenticate') ?? '', /error="insufficient_claims", claims="[A-Za-z0-9+/=]+"/);
});

test('rules match by method and path; setFaults replaces them at run time', async (t) => {
	const emulator = await start(t, { faults: 'F-S2:method=POST:path=/userFlowAttributes' });
	t.is((await call(emulator, 'GET', '/identity/userFlowAttributes')).status, 200);
	t.is((await call(emulator, 'POST', paths.flows, { body: flowBody('Fine') })).status, 201);
	const hit = await call(emulator, 'POST', '/identity/userFlowAttributes', {
		body: { displayName: 'Hobby', dataType: 'string' },
	});
	t.is(hit.status, 503);
	t.falsy(emulator.tenant.findAttribute(`extension_${seedIds.extensionsAppId.replaceAll('-', '')}_Hobby`));
	emulator.setFaults('F-T3:times=1');
	t.is(
		(
			await call(emulator, 'POST', '/identity/userFlowAttributes', {
				body: { displayName: 'Hobby', dataType: 'string' },
			})
		).status,
		429,
	);
	t.is((await call(emulator, 'GET', paths.flows)).status, 200);
	t.throws(() => emulator.setFaults('F-T1:retry-after=-1'), { message: /retry-after/ });
	t.is(
		(await call(emulator, 'GET', paths.flows)).status,
		200,
		'a refused spec leaves the old rules in place',
	);
});

test('an invalid x-emulator-fault header is 400 with the parser message', async (t) => {
	const emulator = await start(t);
	const response = await call<ErrorBody>(emulator, 'GET', paths.flows, fault('F-T1:wait=3'));
	t.is(response.status, 400);
	t.regex(response.json.error.message, /unknown option 'wait' for F-T1/);
});

test('an invalid faults option makes startEmulator reject', async (t) => {
	const { startEmulator } = await import('../../source/emulator/server.js');
	await t.throwsAsync(startEmulator({ faults: 'F-T1,F-Q7' }), { message: /rule 2 'F-Q7': unknown fault id/ });
	await t.throwsAsync(startEmulator({ quirks: 'get-wrapped=maybe' }), {
		message: /Invalid value 'maybe' for quirk 'get-wrapped'/,
	});
});
