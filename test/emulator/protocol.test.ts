import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { get as httpsGet } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import { type LogEntry, seedIds } from '../../source/emulator/server.js';
import type { TenantState } from '../../source/emulator/types.js';
import { call, type ErrorBody, flowBody, paths, start } from './helpers.js';

// Headers, auth, routing and body errors.
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

test('binds to 127.0.0.1 and exposes origin, graphUrl and port', async (t) => {
	const emulator = await start(t);
	t.regex(emulator.origin, /^http:\/\/127\.0\.0\.1:\d+$/);
	t.is(emulator.graphUrl, `${emulator.origin}/v1.0`);
	t.is(emulator.origin, `http://127.0.0.1:${emulator.port}`);
});

test('every response carries the Graph diagnostic headers and echoes client-request-id', async (t) => {
	const emulator = await start(t);
	const response = await call(emulator, 'GET', paths.flows, { headers: { 'client-request-id': 'my-id-1' } });
	t.is(response.status, 200);
	t.regex(response.headers.get('request-id') ?? '', guid);
	t.is(response.headers.get('client-request-id'), 'my-id-1');
	t.truthy(response.headers.get('date'));
	t.is(response.headers.get('cache-control'), 'no-store');
	t.regex(response.headers.get('content-type') ?? '', /^application\/json/);
	const diagnostic = JSON.parse(response.headers.get('x-ms-ags-diagnostic') ?? '') as { ServerInfo: object };
	t.truthy(diagnostic.ServerInfo);
});

test('a new client-request-id is issued when the caller sends none', async (t) => {
	const emulator = await start(t);
	const response = await call(emulator, 'GET', paths.flows);
	t.regex(response.headers.get('client-request-id') ?? '', guid);
});

test('204 answers have no body and no content type', async (t) => {
	const emulator = await start(t);
	const response = await call(emulator, 'PATCH', paths.flow(seedIds.flows.events), {
		body: { '@odata.type': '#microsoft.graph.externalUsersSelfServiceSignUpEventsFlow', description: 'new' },
	});
	t.is(response.status, 204);
	t.is(response.text, '');
	t.is(response.headers.get('content-type'), null);
	t.truthy(response.headers.get('request-id'));
});

test('a missing bearer token is 401 InvalidAuthenticationToken with the error shape', async (t) => {
	const emulator = await start(t);
	const response = await call<ErrorBody>(emulator, 'GET', paths.flows, {
		token: null,
		headers: { 'client-request-id': 'abc' },
	});
	t.is(response.status, 401);
	t.is(response.json.error.code, 'InvalidAuthenticationToken');
	t.is(response.json.error.message, 'Access token is empty.');
	t.regex(response.json.error.innerError.date, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
	t.is(response.json.error.innerError['request-id'], response.headers.get('request-id') ?? 'missing');
	t.is(response.json.error.innerError['client-request-id'], 'abc');
	t.regex(response.headers.get('www-authenticate') ?? '', /^Bearer /);
});

test('an empty bearer token or another scheme is refused', async (t) => {
	const emulator = await start(t);
	t.is((await call(emulator, 'GET', paths.flows, { token: 'Bearer ' })).status, 401);
	const basic = await call<ErrorBody>(emulator, 'GET', paths.flows, { token: 'Basic dXNlcjpwdw==' });
	t.is(basic.status, 401);
	t.is(basic.json.error.code, 'InvalidAuthenticationToken');
});

test('a custom authorize hook receives the permission each route needs', async (t) => {
	const seen: string[] = [];
	const emulator = await start(t, {
		authorize(authorization, need) {
			seen.push(`${need.permission}:${need.write}`);
			if (need.write && authorization !== 'Bearer writer') {
				return {
					ok: false,
					status: 403,
					code: 'Authorization_RequestDenied',
					message: 'Insufficient privileges.',
				};
			}
			return { ok: true };
		},
	});
	await call(emulator, 'GET', paths.flows);
	await call(emulator, 'GET', '/identity/identityProviders');
	await call(emulator, 'GET', '/identity/userFlowAttributes');
	await call(emulator, 'GET', '/applications');
	const denied = await call<ErrorBody>(emulator, 'POST', paths.flows, { body: flowBody('Denied') });
	t.is(denied.status, 403);
	t.is(denied.json.error.code, 'Authorization_RequestDenied');
	t.is(
		(await call(emulator, 'POST', paths.flows, { body: flowBody('Allowed'), token: 'Bearer writer' })).status,
		201,
	);
	await call(emulator, 'POST', '/identity/userFlowAttributes', {
		body: { displayName: 'Hobby', dataType: 'string' },
	});
	t.deepEqual(seen, [
		'EventListener.Read.All:false',
		'IdentityProvider.Read.All:false',
		'IdentityUserFlow.Read.All:false',
		'Application.Read.All:false',
		'EventListener.ReadWrite.All:true',
		'EventListener.ReadWrite.All:true',
		'IdentityUserFlow.ReadWrite.All:true',
	]);
});

test('an unknown segment is 400 BadRequest naming the segment', async (t) => {
	const emulator = await start(t);
	const unknown = await call<ErrorBody>(emulator, 'GET', '/identity/userFlowz');
	t.is(unknown.status, 400);
	t.is(unknown.json.error.code, 'BadRequest');
	t.is(unknown.json.error.message, "Resource not found for the segment 'userFlowz'.");
	// Without the type cast the provider navigation does not exist on the base type.
	const uncast = await call<ErrorBody>(
		emulator,
		'GET',
		`${paths.flow(seedIds.flows.customers)}/onAuthenticationMethodLoadStart/identityProviders`,
	);
	t.is(uncast.json.error.message, "Resource not found for the segment 'onAuthenticationMethodLoadStart'.");
});

test('a wrong method on a known route is 405 with Allow', async (t) => {
	const emulator = await start(t);
	const response = await call<ErrorBody>(emulator, 'PUT', paths.flows, { body: {} });
	t.is(response.status, 405);
	t.is(response.headers.get('allow'), 'GET, POST');
	t.is((await call(emulator, 'PUT', '/identity/identityProviders/Google-OAUTH')).status, 405);
});

test('malformed JSON is 400 BadRequest', async (t) => {
	const emulator = await start(t);
	const response = await call<ErrorBody>(emulator, 'POST', paths.flows, { raw: '{"displayName": ' });
	t.is(response.status, 400);
	t.is(response.json.error.code, 'BadRequest');
	t.regex(response.json.error.message, /valid JSON/);
});

test('a JSON body without Content-Type is 415 unless the content-type quirk is optional', async (t) => {
	const strict = await start(t);
	const headers = { 'content-type': 'text/plain' };
	const refused = await call<ErrorBody>(strict, 'POST', paths.flows, {
		raw: JSON.stringify(flowBody('A')),
		headers,
	});
	t.is(refused.status, 415);
	const lenient = await start(t, { quirks: 'content-type=optional' });
	t.is(
		(await call(lenient, 'POST', paths.flows, { raw: JSON.stringify(flowBody('A')), headers })).status,
		201,
	);
});

test('paths outside /v1.0 and /beta are 400 invalid version', async (t) => {
	const emulator = await start(t);
	const response = await call<ErrorBody>(emulator, 'GET', `${emulator.origin}/v2/identity`);
	t.is(response.status, 400);
	t.regex(response.json.error.message, /Invalid version/);
});

test('path segments are percent-decoded one by one', async (t) => {
	const emulator = await start(t);
	const encodedId = seedIds.flows.customers.replaceAll('-', '%2D');
	t.is((await call(emulator, 'GET', `/identity/authenticationEventsFlows/${encodedId}`)).status, 200);
	const attribute = await call(
		emulator,
		'GET',
		`/identity/userFlowAttributes/extension%5F${seedIds.extensionsAppId.replaceAll('-', '')}_Newsletter`,
	);
	t.is(attribute.status, 200);
	// An encoded slash stays inside its segment, so it is an (unknown) id, not two segments.
	const slash = await call<ErrorBody>(emulator, 'GET', '/identity/identityProviders/Google%2FOAUTH');
	t.is(slash.status, 404);
	t.regex(slash.json.error.message, /Resource 'Google\/OAUTH' does not exist/);
	t.is((await call(emulator, 'GET', '/identity/identityProviders/%E0%A4%A')).status, 400);
});

test("a key in parentheses addresses the entity, so a create's Location header can be followed", async (t) => {
	const emulator = await start(t);
	const flow = await call<{ value: { id: string } }>(
		emulator,
		'GET',
		`/identity/authenticationEventsFlows('${seedIds.flows.customers}')`,
	);
	t.is(flow.status, 200);
	t.is(flow.json.value.id, seedIds.flows.customers, 'wrapped in value, as GET one is by default');
	const created = await call(emulator, 'POST', '/identity/userFlowAttributes', {
		body: { displayName: 'Hobby', dataType: 'string' },
	});
	const location = created.headers.get('location') ?? '';
	t.regex(location, /userFlowAttributes\('extension_\w+_Hobby'\)$/);
	const followed = await call<{ displayName: string }>(emulator, 'GET', location);
	t.is(followed.status, 200);
	t.is(followed.json.displayName, 'Hobby');
	const quoted = await call(emulator, 'GET', "/identity/userFlowAttributes('it''s')");
	t.is(quoted.status, 404);
	t.regex(quoted.text, /'it's' does not exist/);
});

test('unknown system query options are refused', async (t) => {
	const emulator = await start(t);
	const response = await call<ErrorBody>(emulator, 'GET', `${paths.flows}?$bogus=1`);
	t.is(response.status, 400);
	t.regex(response.json.error.message, /\$bogus/);
});

test('extraRoutes answer paths outside the Graph versions', async (t) => {
	const emulator = await start(t, {
		extraRoutes(request, response, body) {
			if (!request.url?.startsWith('/common/oauth2')) return false;
			response.writeHead(200, { 'content-type': 'application/json' });
			response.end(JSON.stringify({ echo: body }));
			return true;
		},
	});
	const handled = await call<{ echo: string }>(
		emulator,
		'POST',
		`${emulator.origin}/common/oauth2/v2.0/token`,
		{ raw: 'a=b' },
	);
	t.deepEqual(handled.json, { echo: 'a=b' });
	t.is((await call(emulator, 'GET', `${emulator.origin}/other`)).status, 400);
	t.is((await call(emulator, 'GET', paths.flows)).status, 200);
});

// A throw-away self-signed certificate for 127.0.0.1, made with the openssl CLI when it is installed.
function selfSigned(): { key: string; cert: string } | null {
	const dir = mkdtempSync(join(tmpdir(), 'emulator-tls-'));
	try {
		const made = spawnSync('openssl', [
			'req',
			'-x509',
			'-newkey',
			'ec',
			'-pkeyopt',
			'ec_paramgen_curve:prime256v1',
			'-nodes',
			'-days',
			'1',
			'-subj',
			'/CN=127.0.0.1',
			'-addext',
			'subjectAltName=IP:127.0.0.1',
			'-keyout',
			join(dir, 'key.pem'),
			'-out',
			join(dir, 'cert.pem'),
		]);
		if (made.status !== 0) return null;
		return {
			key: readFileSync(join(dir, 'key.pem'), 'utf8'),
			cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
		};
	} catch {
		return null;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

const pem = selfSigned();
(pem ? test : test.skip)('tls serves HTTPS with the given key and certificate', async (t) => {
	const emulator = await start(t, { tls: pem! });
	t.regex(emulator.origin, /^https:\/\/127\.0\.0\.1:\d+$/);
	const status = await new Promise<number>((resolve, reject) => {
		const outgoing = httpsGet(
			`${emulator.graphUrl}/identity/identityProviders`,
			{ ca: pem!.cert, headers: { authorization: 'Bearer t' } },
			(response) => {
				response.resume();
				response.on('end', () => resolve(response.statusCode ?? 0));
			},
		);
		outgoing.on('error', reject);
	});
	t.is(status, 200);
});

// The request log.
test('the log records method, path, status, ids, retry-attempt, body and fault, never the token', async (t) => {
	const emulator = await start(t);
	await call(emulator, 'POST', `${paths.flows}?x=1`, {
		body: flowBody('Logged'),
		token: 'Bearer secret-token-123',
		headers: { 'client-request-id': 'cr-1', 'retry-attempt': '2' },
	});
	await call(emulator, 'GET', paths.flows, { token: null, headers: { 'x-emulator-fault': 'F-T3' } });
	const [created, throttled] = emulator.log;
	t.like(created, {
		method: 'POST',
		path: '/v1.0/identity/authenticationEventsFlows?x=1',
		status: 201,
		clientRequestId: 'cr-1',
		retryAttempt: '2',
		authorization: true,
		fault: null,
	});
	t.like(created?.body, { displayName: 'Logged' });
	t.regex(created?.time ?? '', /^\d{4}-\d{2}-\d{2}T/);
	t.true(typeof created?.remotePort === 'number');
	t.like(throttled, {
		method: 'GET',
		status: 429,
		authorization: false,
		fault: 'F-T3',
		clientRequestId: null,
		retryAttempt: null,
	});
	t.false(JSON.stringify(emulator.log).includes('secret-token-123'));
	emulator.clearLog();
	t.is(emulator.log.length, 0);
});

function get(emulator: { port: number }, agent: Agent | false): Promise<number> {
	return new Promise((resolve, reject) => {
		const outgoing = request(
			{
				host: '127.0.0.1',
				port: emulator.port,
				path: '/v1.0/applications',
				agent,
				headers: { authorization: 'Bearer t' },
			},
			(response) => {
				response.resume();
				response.on('end', () => resolve(response.statusCode ?? 0));
			},
		);
		outgoing.on('error', reject);
		outgoing.end();
	});
}

test('the remote port shows whether a retry used a new connection', async (t) => {
	const emulator = await start(t);
	const keepAlive = new Agent({ keepAlive: true, maxSockets: 1 });
	t.teardown(() => keepAlive.destroy());
	await get(emulator, keepAlive);
	await get(emulator, keepAlive);
	await get(emulator, false);
	const ports = emulator.log.map((entry) => entry.remotePort);
	t.is(ports[0], ports[1]);
	t.not(ports[1], ports[2]);
});

// The /_emulator control surface.
test('GET /_emulator/state returns the whole tenant', async (t) => {
	const emulator = await start(t);
	const state = await call<TenantState>(emulator, 'GET', '/_emulator/state', { token: null });
	t.is(state.status, 200);
	t.is(state.json.flows.length, 4);
	t.is(state.json.providers.length, 4);
	t.is(state.json.applications.length, 7);
	t.true(state.json.attributes.length >= 12);
});

test('GET and DELETE /_emulator/log', async (t) => {
	const emulator = await start(t);
	await call(emulator, 'GET', paths.flows, { headers: { 'client-request-id': 'ctl-1' } });
	const log = await call<LogEntry[]>(emulator, 'GET', '/_emulator/log', { token: null });
	t.is(log.json.length, 1, 'control calls themselves are not logged');
	t.is(log.json[0]?.clientRequestId, 'ctl-1');
	t.is((await call(emulator, 'DELETE', '/_emulator/log', { token: null })).status, 204);
	t.is(emulator.log.length, 0);
});

test('PUT /_emulator/faults sets the spec or answers 400 with the parser message', async (t) => {
	const emulator = await start(t);
	const ok = await call(emulator, 'PUT', '/_emulator/faults', {
		raw: 'F-S2:times=1',
		token: null,
		headers: { 'content-type': 'text/plain' },
	});
	t.is(ok.status, 204);
	t.is((await call(emulator, 'GET', paths.flows)).status, 503);
	t.is((await call(emulator, 'GET', paths.flows)).status, 200);
	const current = await call<{ spec: string }>(emulator, 'GET', '/_emulator/faults', { token: null });
	t.is(current.json.spec, 'F-S2:times=1');
	const bad = await call<{ error: { message: string } }>(emulator, 'PUT', '/_emulator/faults', {
		raw: 'F-T1:times=zero',
		token: null,
	});
	t.is(bad.status, 400);
	t.regex(bad.json.error.message, /option 'times' must be a positive integer, got 'zero'/);
	t.is((await call(emulator, 'PUT', '/_emulator/faults', { raw: '', token: null })).status, 204);
});

test('POST /_emulator/reset puts the seed back', async (t) => {
	const emulator = await start(t);
	await call(emulator, 'DELETE', paths.flow(emulator.tenant.flows[3]!.id));
	t.is(emulator.tenant.flows.length, 3);
	t.is((await call(emulator, 'POST', '/_emulator/reset', { token: null })).status, 204);
	t.is(emulator.tenant.flows.length, 4);
	emulator.tenant.flows.pop();
	emulator.reset();
	t.is(emulator.tenant.flows.length, 4);
});

test('unknown control paths are 404 and wrong methods 405', async (t) => {
	const emulator = await start(t);
	t.is((await call(emulator, 'GET', '/_emulator/nothing', { token: null })).status, 404);
	t.is((await call(emulator, 'POST', '/_emulator/state', { token: null })).status, 405);
});
