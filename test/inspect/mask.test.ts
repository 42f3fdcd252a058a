import test from 'ava';
import {
	maskBodyText,
	maskSecrets,
	maskSecretsInText,
	maskUrl,
	secretKeys,
} from '../../source/inspect/index.js';

test('every listed secret key is masked, at any depth and in any case; other values are untouched', (t) => {
	const body = {
		displayName: 'Google',
		clientId: 'visible-client-id',
		CLIENTSECRET: 's1',
		nested: { client_secret: 's2', list: [{ password: 's3' }, { secretText: 's4' }] },
		passwordCredentials: [{ secretText: 's5', keyId: 'k' }],
		keyCredentials: [{ key: 's6' }],
		tokens: { refresh_token: 's7', access_token: 's8', id_token: 's9' },
		certificateData: 's10',
	};
	const masked = maskSecrets(body);
	const text = JSON.stringify(masked);
	for (let index = 1; index <= 10; index++) t.false(text.includes(`"s${index}"`), `s${index} leaked`);
	t.like(masked, {
		displayName: 'Google',
		clientId: 'visible-client-id',
		CLIENTSECRET: '***',
		passwordCredentials: '***',
		keyCredentials: '***',
	});
	t.deepEqual(body.nested.list[0], { password: 's3' }, 'the original is not changed');
	t.true(secretKeys.includes('certificateData'));
});

test('text that is not JSON (a cut-off body, a form) is masked too', (t) => {
	const cut =
		'{"id":"x","clientSecret":"abc\\"def","passwordCredentials":[{"secretText":"zz"}],"keyCredentials":[{"key":"q';
	const masked = maskSecretsInText(cut);
	t.false(/abc|def|zz|"q/.test(masked), masked);
	t.regex(masked, /"clientSecret":"\*\*\*"/);
	t.regex(masked, /"id":"x"/);
	t.is(
		maskSecretsInText('grant_type=refresh_token&refresh_token=abc&client_secret=def'),
		'grant_type=refresh_token&refresh_token=***&client_secret=***',
	);
	t.deepEqual(maskBodyText('{"password": "p", "a": 1}'), { password: '***', a: 1 });
	t.is(maskBodyText('  '), undefined);
	t.is(maskUrl('https://h/x?client_secret=abc&$top=5'), 'https://h/x?client_secret=***&%24top=5');
	t.is(maskUrl('https://h/x?$filter=a'), 'https://h/x?$filter=a', 'an URL without secrets is returned as is');
});

test('names that only look like secrets by pattern, and values shaped like tokens, are masked too', (t) => {
	const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
	const body = {
		accessToken: 'a1',
		token: 'a2',
		apiKey: 'a3',
		privateKey: 'a4',
		sharedSecret: 'a5',
		headers: { authorization: 'Bearer a6-abcdefgh' },
		note: jwt,
		pasted: 'Bearer zzzzzzzzzzzz',
		pem: '-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----',
		blob: 'dGhpcyBpcyBhIHZlcnkgbG9uZyBrZXkgdGhhdCBzaG91bGQgYmUgbWFza2Vk',
		id: '289f0177-1297-43be-b406-ff86fb19c671',
		displayName: 'Contoso',
	};
	const masked = maskSecrets(body) as Record<string, unknown>;
	const text = JSON.stringify(masked);
	for (const leak of ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', jwt, 'zzzz', 'MIIB', 'dGhpcyBp'])
		t.false(text.includes(leak), leak);
	t.like(masked, { id: body.id, displayName: 'Contoso', note: '***', pasted: '***' });
	t.false(maskSecretsInText(`{"x":"${jwt}","apiKey":"k"`).includes(jwt));
	t.false(maskSecretsInText('{"apiKey":"k"').includes('"k"'));
	t.is(
		maskUrl(`https://h/x?code=${jwt}&$skiptoken=abc`),
		'https://h/x?code=***&%24skiptoken=abc',
		'a JWT in any parameter; a paging token is no secret',
	);
});
