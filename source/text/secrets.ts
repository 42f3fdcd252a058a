/*
The one rule set for what counts as a secret, shared by the sign-in redactor (auth/redact.ts), the request
inspector (inspect/mask.ts) and usage errors that echo argv: secrets by the name they are stored under
(clientSecret, accessToken, apiKey, privateKey, password, …) and by the shape of the value itself (a JWT,
a `Bearer …` header, a PEM block, an Entra client secret, a long base64 key), wherever it turns up.
*/

// Compared lower-case with `_`, `-`, `.` and `$` taken out, so client_secret, clientSecret and CLIENT-SECRET match.
const secretNames = new Set([
	'authorization',
	'proxyauthorization',
	'cookie',
	'setcookie',
	'key',
	'secret',
	'secrettext',
	'password',
	'passwd',
	'pwd',
	'passwordprofile',
	'passwordcredentials',
	'keycredentials',
	'certificatedata',
	'clientassertion',
	'devicecode',
	'usercode',
]);
const secretSuffixes = [
	'token',
	'secret',
	'password',
	'apikey',
	'privatekey',
	'accesskey',
	'secretkey',
	'sharedkey',
	'signingkey',
	'assertion',
	'credentials',
];
// Paging cursors end in "token" but are opaque positions, not credentials: nextLinks must stay readable.
const notSecrets = new Set(['skiptoken', 'deltatoken']);

/** True when a property, form field, query parameter or header of this name holds a secret. */
export function isSecretName(name: string): boolean {
	const flat = name.toLowerCase().replace(/[-_.$@\s]/g, '');
	if (notSecrets.has(flat)) return false;
	return secretNames.has(flat) || secretSuffixes.some((suffix) => flat.endsWith(suffix));
}

const pemBlock = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?(?:-----END \1-----|$)/g;
const jwt = /eyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g;
const authorizationValue = /\b(Bearer|Basic)\s+[\w.~+/=-]{8,}/gi;
// Entra client secrets: three characters, a digit, "Q~", then the rest (40 in all).
const entraSecret = /(?<![\w.~-])[\w.-]{3}\dQ~[\w.~-]{30,}/g;
// name=value, name: value, "name": "value" — the value up to a separator or quote.
const namedValue = /([A-Za-z_][\w.-]*)(["']?\s*[=:]\s*["']?)([^\s&"',;}]+)/g;

/** True when a whole value looks like a credential, whatever it is called. */
export function looksLikeSecret(value: string): boolean {
	const text = value.trim();
	if (/^eyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*$/.test(text)) return true;
	if (/^(Bearer|Basic)\s+\S{8,}$/i.test(text)) return true;
	if (/-----BEGIN [A-Z0-9 ]+-----/.test(text)) return true;
	if (/^[\w.-]{3}\dQ~[\w.~-]{30,}$/.test(text)) return true;
	// A long run of standard base64 with upper case, lower case and digits: a key, not a name or an id.
	return (
		/^[A-Za-z0-9+/]{40,}={0,2}$/.test(text) && /[a-z]/.test(text) && /[A-Z]/.test(text) && /\d/.test(text)
	);
}

/**
 * The text with every secret-shaped run and every value under a secret name replaced by `replacement`
 * (`Bearer <replacement>` for authorization values, `name=<replacement>` for named ones).
 */
export function maskSecretText(text: string, replacement: string): string {
	return text
		.replace(pemBlock, replacement)
		.replace(jwt, replacement)
		.replace(authorizationValue, (_match, scheme: string) => `${scheme} ${replacement}`)
		.replace(entraSecret, replacement)
		.replace(namedValue, (match, name: string, separator: string, value: string) =>
			isSecretName(name) && value !== replacement && !/^(Bearer|Basic)$/i.test(value)
				? `${name}${separator}${replacement}`
				: match,
		);
}
