import test from 'ava';
import { type AuthMode, signInMethod } from '../../source/auth/index.js';
import { managedIdentityDetected, resolveConfig } from '../../source/config/config.js';
import { freshDirs } from '../helpers/cli.js';

test('one method, first match wins: token, --use-az, secret, certificate, federated token, managed identity, device code', (t) => {
	const all = {
		accessToken: 'token',
		useAzureCli: true,
		clientSecret: 'secret',
		certificatePath: 'cert.pem',
		federatedTokenFile: '/var/run/token',
		managedIdentity: true,
	};
	const order: AuthMode[] = [
		'access-token',
		'azure-cli',
		'client-secret',
		'client-certificate',
		'federated-token',
		'managed-identity',
		'device-code',
	];
	const keys = Object.keys(all) as (keyof typeof all)[];
	order.forEach((mode, index) => {
		const inputs = Object.fromEntries(keys.slice(index).map((key) => [key, all[key]]));
		t.is(signInMethod(inputs), mode, JSON.stringify(inputs));
	});
	t.is(signInMethod({ clientSecret: '  ', federatedTokenFile: '/f' }), 'federated-token');
});

test('config: AZURE_FEDERATED_TOKEN_FILE, --use-az and --managed-identity, and App Service or Cloud Shell variables detect it', (t) => {
	const env = {
		...freshDirs(),
		AZURE_FEDERATED_TOKEN_FILE: '/var/run/secrets/azure/tokens/azure-identity-token',
	};
	const config = resolveConfig({ 'use-az': true, 'managed-identity': true }, env);
	t.is(config.federatedTokenFile, '/var/run/secrets/azure/tokens/azure-identity-token');
	t.true(config.useAzureCli);
	t.true(config.managedIdentity);
	t.false(resolveConfig({}, freshDirs()).managedIdentity);
	t.true(
		managedIdentityDetected({ IDENTITY_ENDPOINT: 'http://127.0.0.1:41741/msi/token', IDENTITY_HEADER: 'h' }),
	);
	t.false(managedIdentityDetected({ IDENTITY_ENDPOINT: 'http://127.0.0.1:41741/msi/token' }));
	t.true(managedIdentityDetected({ MSI_ENDPOINT: 'http://localhost:50342/oauth2/token' }));
	// A user-assigned identity is named only by --client-id or AZURE_CLIENT_ID, never by a saved profile.
	t.is(resolveConfig({}, { ...freshDirs(), AZURE_CLIENT_ID: 'abc' }).managedIdentityClientId, 'abc');
	t.is(resolveConfig({ 'client-id': 'def' }, freshDirs()).managedIdentityClientId, 'def');
});
