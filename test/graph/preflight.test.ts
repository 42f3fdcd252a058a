import test from 'ava';
import { decodeTokenClaims } from '../../source/auth/claims.js';
import { listFlowApplications } from '../../source/graph/flow-apps.js';
import { createUserFlow, listUserFlows, updateUserFlow } from '../../source/graph/flows.js';
import { createGraphClient, type GraphClientOptions } from '../../source/graph/graph-client.js';
import { GraphError } from '../../source/graph/graph-error.js';
import { checkPermission, permissionSatisfied } from '../../source/graph/permissions.js';
import { emulatorFor, seed } from '../helpers/emulator.js';
import { fakeJwt, readOnlyScopes, readWriteScopes } from './fake-jwt.js';

const readOnly = fakeJwt({ scp: readOnlyScopes, tid: 't' });
const readWrite = fakeJwt({ scp: readWriteScopes, tid: 't' });
const appReadOnly = fakeJwt({
	roles: ['EventListener.Read.All', 'Application.Read.All'],
	appid: 'app-1',
	idtyp: 'app',
});

function clientFor(graphUrl: string, token: string, extra: Partial<GraphClientOptions> = {}) {
	return createGraphClient({
		baseUrl: graphUrl,
		tokenProvider: { getToken: async () => token },
		userAgent: 'entra-flows/test',
		retry: { baseDelayMs: 1, random: () => 0 },
		...extra,
	});
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

const newFlow = { displayName: 'Preflight', identityProviderIds: ['EmailPassword-OAUTH'] };

test('a read is satisfied by X.Read.All or X.ReadWrite.All, a write only by X.ReadWrite.All', (t) => {
	t.true(permissionSatisfied(['EventListener.Read.All'], 'EventListener.Read.All'));
	t.true(permissionSatisfied(['EventListener.ReadWrite.All'], 'EventListener.Read.All'));
	t.false(permissionSatisfied(['EventListener.Read.All'], 'EventListener.ReadWrite.All'));
	t.true(permissionSatisfied(['eventlistener.readwrite.all'], 'EventListener.ReadWrite.All'));
	t.false(permissionSatisfied(['IdentityUserFlow.ReadWrite.All'], 'EventListener.Read.All'));
	t.true(permissionSatisfied(['Directory.Read.All'], 'Application.Read.All'), 'documented higher privilege');
	const fullUri = decodeTokenClaims(
		fakeJwt({ scp: 'https://graph.microsoft.com/EventListener.ReadWrite.All' }),
	);
	t.is(checkPermission('EventListener.ReadWrite.All', fullUri).kind, 'granted');
	t.is(checkPermission('EventListener.ReadWrite.All', undefined).kind, 'unknown', 'opaque token');
	t.is(
		checkPermission('EventListener.ReadWrite.All', decodeTokenClaims(fakeJwt({ tid: 't' }))).kind,
		'unknown',
	);
});

test('a write the token cannot make is refused before any request, naming the permission and the fix', async (t) => {
	const emulator = await emulatorFor(t);
	const client = clientFor(emulator.graphUrl, readOnly);
	const error = await failure(createUserFlow(client, newFlow));
	t.is(error.kind, 'forbidden');
	t.true(error.notSent);
	t.is(error.code, 'MissingPermission');
	t.is(error.requiredPermission, 'EventListener.ReadWrite.All');
	t.is(
		error.message,
		`needs EventListener.ReadWrite.All; you are signed in with read-only scopes (${readOnlyScopes})`,
	);
	t.is(error.hint, 'run `entra-flows login` without --read-only');
	t.deepEqual(emulator.log, [], 'nothing reached the service');
	t.true((await listUserFlows(client)).length >= 4, 'reads still work');
});

test('app-only: the message says to grant the application permission and admin-consent it', async (t) => {
	const emulator = await emulatorFor(t);
	const error = await failure(
		updateUserFlow(clientFor(emulator.graphUrl, appReadOnly), seed.flows.events.id, { displayName: 'x' }),
	);
	t.regex(
		error.message,
		/needs EventListener\.ReadWrite\.All; the application's token carries only the roles \(EventListener\.Read\.All Application\.Read\.All\)/,
	);
	t.regex(
		error.hint ?? '',
		/grant the application permission EventListener\.ReadWrite\.All to the app app-1 and admin-consent it/,
	);
	t.deepEqual(emulator.log, []);
});

test('scopes that lack a family entirely get their own words', async (t) => {
	const emulator = await emulatorFor(t);
	const other = fakeJwt({ scp: 'User.Read IdentityUserFlow.ReadWrite.All' });
	const error = await failure(
		listFlowApplications(clientFor(emulator.graphUrl, other), seed.flows.events.id),
	);
	t.regex(
		error.message,
		/needs EventListener\.Read\.All; your sign-in's scopes \(User\.Read IdentityUserFlow\.ReadWrite\.All\) do not include it/,
	);
});

test('an opaque token, or preflight switched off, sends and lets the service decide', async (t) => {
	const emulator = await emulatorFor(t);
	await createUserFlow(clientFor(emulator.graphUrl, 'opaque-token'), newFlow);
	await createUserFlow(clientFor(emulator.graphUrl, readOnly, { permissionPreflight: false }), {
		...newFlow,
		displayName: 'Second',
	});
	t.is(emulator.log.filter((entry) => entry.method === 'POST').length, 2);
});

test("a 403 from the service is explained from the token's claims", async (t) => {
	const emulator = await emulatorFor(t, { faults: 'F-A3' });
	const delegated = await failure(createUserFlow(clientFor(emulator.graphUrl, readWrite), newFlow));
	t.is(delegated.status, 403);
	t.falsy(delegated.notSent);
	t.regex(
		delegated.hint ?? '',
		/Your token has EventListener\.ReadWrite\.All, so the service refused for another reason/,
	);
	t.regex(delegated.hint ?? '', /External ID User Flow Administrator directory role/);
	const app = await failure(
		createUserFlow(
			clientFor(emulator.graphUrl, fakeJwt({ roles: ['EventListener.ReadWrite.All'], idtyp: 'app' })),
			newFlow,
		),
	);
	t.regex(app.hint ?? '', /application's token has EventListener\.ReadWrite\.All, yet the service refused/);
	const opaque = await failure(createUserFlow(clientFor(emulator.graphUrl, 'opaque'), newFlow));
	t.regex(opaque.hint ?? '', /This needs the EventListener\.ReadWrite\.All permission/);
});

test('dry run: writes are planned with their body, not sent; reads still go out', async (t) => {
	const emulator = await emulatorFor(t);
	const planned: Parameters<NonNullable<GraphClientOptions['dryRun']>>[0][] = [];
	const client = clientFor(emulator.graphUrl, readOnly, { dryRun: (request) => planned.push(request) });
	t.true(client.dryRun);
	t.true((await listUserFlows(client)).length >= 4);
	t.deepEqual(await createUserFlow(client, newFlow), {});
	await updateUserFlow(client, seed.flows.events.id, { displayName: 'Renamed' }, { note: 'only sometimes' });
	t.deepEqual(
		emulator.log.map((entry) => entry.method),
		['GET'],
	);
	t.is(planned.length, 2);
	t.like(planned[0], {
		method: 'POST',
		url: `${emulator.graphUrl}/identity/authenticationEventsFlows`,
		path: '/identity/authenticationEventsFlows',
		permission: 'EventListener.ReadWrite.All',
	});
	t.like(planned[0]?.requestBody, { displayName: 'Preflight' });
	t.regex(
		planned[0]?.refusal ?? '',
		/needs EventListener\.ReadWrite\.All; you are signed in with read-only scopes/,
	);
	t.like(planned[1], { method: 'PATCH', note: 'only sometimes' });
});
