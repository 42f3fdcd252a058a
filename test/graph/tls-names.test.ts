import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import test, { type ExecutionContext } from 'ava';
import { type ErrorContext, toAuthError } from '../../source/auth/map-error.js';
import { SignInNetworkClient } from '../../source/auth/network.js';
import { Redactor } from '../../source/auth/redact.js';
import { createCertificate } from '../../source/emulator/identity/x509.js';
import { createGraphClient } from '../../source/graph/graph-client.js';
import { GraphError } from '../../source/graph/graph-error.js';

/** A loopback HTTPS server whose certificate (from a CA the client trusts) names other hosts than 127.0.0.1. */
async function otherNamesServer(t: ExecutionContext) {
	const ca = generateKeyPairSync('ec', { namedCurve: 'P-256' });
	const caPem = createCertificate({
		commonName: 'test CA',
		publicKey: ca.publicKey,
		signingKey: ca.privateKey,
		ca: true,
		days: 1,
	});
	const leaf = generateKeyPairSync('ec', { namedCurve: 'P-256' });
	const cert = createCertificate({
		commonName: 'graph.contoso.test',
		publicKey: leaf.publicKey,
		signingKey: ca.privateKey,
		issuer: 'test CA',
		issuerPublicKey: ca.publicKey,
		hostnames: ['graph.contoso.test', 'login.contoso.test'],
		usage: ['server'],
		days: 1,
	});
	const server = createServer(
		{ key: leaf.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), cert },
		(_request, response) => response.end('{}'),
	);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())));
	return { origin: `https://127.0.0.1:${(server.address() as AddressInfo).port}`, caPem };
}

test('Graph: a trusted certificate for other host names is explained as such, with the names', async (t) => {
	const { origin, caPem } = await otherNamesServer(t);
	const client = createGraphClient({
		baseUrl: `${origin}/v1.0`,
		tokenProvider: { getToken: async () => 'token' },
		userAgent: 'entra-flows/test',
		ca: [caPem],
	});
	const error = await t.throwsAsync(client.request('GET', '/identity/identityProviders'));
	t.true(error instanceof GraphError);
	t.like(error, { kind: 'network', code: 'ERR_TLS_CERT_ALTNAME_INVALID' });
	t.regex(error?.message ?? '', /is for graph\.contoso\.test, login\.contoso\.test, not for 127\.0\.0\.1/);
	t.notRegex(error?.message ?? '', /not trusted/);
	const hint = (error as GraphError).hint ?? '';
	t.regex(hint, /--graph-url/);
	t.regex(hint, /Trusting another CA does not fix this/);
});

test('sign-in: the same mismatch is its own error, naming the hosts the certificate is for', async (t) => {
	const { origin, caPem } = await otherNamesServer(t);
	const redactor = new Redactor();
	const network = new SignInNetworkClient({ ca: [caPem], env: {}, redactor });
	await t.throwsAsync(network.sendGetRequestAsync(`${origin}/common/discovery/instance`));
	t.like(network.record(), {
		kind: 'transport',
		code: 'ERR_TLS_CERT_ALTNAME_INVALID',
		certificateNames: ['graph.contoso.test', 'login.contoso.test'],
	});
	const context: ErrorContext = {
		mode: 'device-code',
		tenant: 'contoso.onmicrosoft.com',
		clientId: 'c',
		scopes: [],
		authorityHost: origin,
		record: () => network.record(),
		redactor,
	};
	const error = toAuthError({ errorCode: 'network_error' }, context);
	t.is(error.code, 'certificate-name-mismatch');
	t.regex(error.message, /is for graph\.contoso\.test, login\.contoso\.test, not for 127\.0\.0\.1/);
	t.regex(error.hint, /--authority-host/);
	t.notRegex(error.hint, /--ca-file/);
});
