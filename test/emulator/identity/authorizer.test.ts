import test from 'ava';
import { createGraphAuthorizer, createIdentityEmulator } from '../../../source/emulator/identity/index.js';
import { identityFor, send } from '../../helpers/auth-emulator.js';

const identity = createIdentityEmulator();
const authorize = createGraphAuthorizer(identity);
const read = { permission: 'EventListener.Read.All', write: false };
const write = { permission: 'EventListener.ReadWrite.All', write: true };
const unauthenticated = (message: string) => ({
	ok: false,
	status: 401,
	code: 'InvalidAuthenticationToken',
	message,
});
const denied = {
	ok: false,
	status: 403,
	code: 'Authorization_RequestDenied',
	message: 'Insufficient privileges to complete the operation.',
};

test('a minted all-scopes token may read and write', (t) => {
	const bearer = `Bearer ${identity.mintAccessToken()}`;
	t.deepEqual(authorize(bearer, read), { ok: true });
	t.deepEqual(authorize(bearer, write), { ok: true });
	t.deepEqual(authorize(bearer, { permission: 'IdentityUserFlow', write: true }), { ok: true });
	t.deepEqual(identity.authorize(bearer, read), { ok: true });
});

test('no token, a malformed one, or another scheme: 401 InvalidAuthenticationToken', (t) => {
	t.deepEqual(authorize(undefined, read), unauthenticated('Access token is empty.'));
	t.deepEqual(authorize('Bearer ', read), unauthenticated('Access token is empty.'));
	t.deepEqual(
		authorize('Bearer not-a-jwt', read),
		unauthenticated('CompactToken parsing failed with error code: 80049217'),
	);
	t.like(authorize(`Basic ${identity.mintAccessToken()}`, read), { status: 401 });
});

test('a token signed by another key, or for another audience: 401', (t) => {
	const stranger = createIdentityEmulator().mintAccessToken();
	t.deepEqual(
		authorize(`Bearer ${stranger}`, read),
		unauthenticated('Access token validation failure. Invalid signature.'),
	);
	const tampered = identity.mintAccessToken().split('.');
	tampered[1] = Buffer.from(
		JSON.stringify({ aud: 'https://graph.microsoft.com', exp: 9e9, scp: 'EventListener.ReadWrite.All' }),
	).toString('base64url');
	t.like(authorize(`Bearer ${tampered.join('.')}`, read), { status: 401 });
	const audience = identity.mintAccessToken({ audience: 'https://management.azure.com' });
	t.deepEqual(
		authorize(`Bearer ${audience}`, read),
		unauthenticated('Access token validation failure. Invalid audience.'),
	);
});

test('an expired token: 401 with the lifetime message', (t) => {
	const token = identity.mintAccessToken({ lifetimeSeconds: 0 });
	t.deepEqual(
		authorize(`Bearer ${token}`, read),
		unauthenticated('Lifetime validation failed, the token is expired.'),
	);
});

test('a missing permission: 403 Authorization_RequestDenied; Read suffices for reads only', (t) => {
	const readOnly = `Bearer ${identity.mintAccessToken({ scopes: ['EventListener.Read.All'] })}`;
	t.deepEqual(authorize(readOnly, read), { ok: true });
	t.deepEqual(authorize(readOnly, write), denied);
	t.deepEqual(authorize(readOnly, { permission: 'IdentityProvider.Read.All', write: false }), denied);
	const app = `Bearer ${identity.mintAccessToken({ roles: ['EventListener.ReadWrite.All'] })}`;
	t.deepEqual(authorize(app, read), { ok: true });
	t.deepEqual(authorize(app, write), { ok: true });
	t.deepEqual(authorize(app, { permission: 'Application.Read.All', write: false }), denied);
	// A similar name is not the same family.
	const lookalike = `Bearer ${identity.mintAccessToken({ scopes: ['EventListenerX.ReadWrite.All'] })}`;
	t.deepEqual(authorize(lookalike, read), denied);
});

test('through the Graph emulator: expired → 401, missing scope → 403, good token → 200', async (t) => {
	const { identity: mounted, caPem, graphUrl } = await identityFor(t, { graph: true });
	const flows = `${graphUrl}/identity/authenticationEventsFlows`;
	const call = (token: string, method = 'GET', url = flows) =>
		send(url, { ca: caPem, method, headers: { authorization: `Bearer ${token}` } });
	const expired = await call(mounted.mintAccessToken({ lifetimeSeconds: -60 }));
	t.is(expired.status, 401);
	t.like(expired.json<{ error: { code: string; message: string } }>().error, {
		code: 'InvalidAuthenticationToken',
		message: 'Lifetime validation failed, the token is expired.',
	});
	const readOnly = mounted.mintAccessToken({ scopes: ['EventListener.Read.All'] });
	t.is((await call(readOnly)).status, 200);
	const remove = await call(readOnly, 'DELETE', `${flows}/289f0177-1297-43be-b406-ff86fb19c671`);
	t.is(remove.status, 403);
	t.is(remove.json<{ error: { code: string } }>().error.code, 'Authorization_RequestDenied');
	t.is((await call(mounted.mintAccessToken())).status, 200);
});
