import test from 'ava';
import { isSecretName, looksLikeSecret, maskSecretText } from '../../source/text/secrets.js';

const jwt =
	'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
const pem = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----';

test('secret names: the listed ones and anything ending in token, secret, password or a kind of key', (t) => {
	for (const name of [
		'accessToken',
		'access_token',
		'token',
		'apiKey',
		'API-KEY',
		'privateKey',
		'sharedSecret',
		'secret',
		'clientSecret',
		'client_secret',
		'password',
		'certificateData',
		'keyCredentials',
		'key',
		'Authorization',
		'Proxy-Authorization',
		'client_assertion',
		'refresh_token',
		'x-api-key',
	]) {
		t.true(isSecretName(name), name);
	}
	for (const name of [
		'displayName',
		'clientId',
		'keyId',
		'id',
		'$skiptoken',
		'$deltatoken',
		'grant_type',
		'appId',
	]) {
		t.false(isSecretName(name), name);
	}
});

test('secret values: JWTs, authorization values, PEM, Entra client secrets, long base64 keys; not ids or names', (t) => {
	for (const value of [
		jwt,
		'Bearer abcdefghijklmnop',
		pem,
		'Abc8Q~aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789',
		'dGhpcyBpcyBhIHZlcnkgbG9uZyBrZXkgdGhhdCBzaG91bGQgYmUgbWFza2Vk',
	]) {
		t.true(looksLikeSecret(value), value);
	}
	for (const value of [
		'289f0177-1297-43be-b406-ff86fb19c671',
		'extension_6ea3bc85aec24b1c92ff4a117afb6621_Favoritecolor',
		'Contoso customers sign-up and sign-in',
		'DF8E1B2C3D4E5F60718293A4B5C6D7E8F9001122',
		'https://graph.microsoft.com/v1.0/identity/authenticationEventsFlows',
	]) {
		t.false(looksLikeSecret(value), value);
	}
});

test('text keeps its words and loses its secrets', (t) => {
	t.is(
		maskSecretText(`Unexpected "${jwt}": a name with spaces needs quotes`, '[redacted]'),
		'Unexpected "[redacted]": a name with spaces needs quotes',
	);
	t.is(maskSecretText('Authorization: Bearer abcdefghijkl', '***'), 'Authorization: Bearer ***');
	t.is(maskSecretText(`key file:\n${pem}\nend`, '***'), 'key file:\n***\nend');
	t.is(maskSecretText('apiKey=abc123&x=1 accessToken: zzz', '***'), 'apiKey=***&x=1 accessToken: ***');
	t.is(maskSecretText('next ?$skiptoken=RFNwdAIAAQAAACZ', '***'), 'next ?$skiptoken=RFNwdAIAAQAAACZ');
});
