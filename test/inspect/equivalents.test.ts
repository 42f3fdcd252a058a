import { execFileSync } from 'node:child_process';
import test from 'ava';
import {
	osc52,
	powerShellQuote,
	shellQuote,
	toAzRest,
	toCurl,
	toPowerShell,
} from '../../source/inspect/index.js';

const url =
	'https://graph.microsoft.com/v1.0/identity/authenticationEventsFlows/abc/microsoft.graph.x/attributes/$ref';
const body = {
	'@odata.id': 'https://graph.microsoft.com/v1.0/identity/userFlowAttributes/city',
	label: "O'Brien’s $HOME `x`",
};

test('curl: method, URL, the token as $TOKEN, JSON content type, the body', (t) => {
	t.is(
		toCurl({ method: 'POST', url, requestBody: body }),
		`curl -X POST '${url}' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' --data '{"@odata.id":"https://graph.microsoft.com/v1.0/identity/userFlowAttributes/city","label":"O'\\''Brien’s $HOME \`x\`"}'`,
	);
	t.is(toCurl({ method: 'GET', url }), `curl '${url}' -H "Authorization: Bearer $TOKEN"`);
	t.is(toCurl({ method: 'delete', url }), `curl -X DELETE '${url}' -H "Authorization: Bearer $TOKEN"`);
});

test('shell quoting survives bash: quotes, $, backticks and newlines come back byte for byte', (t) => {
	for (const text of ["O'Brien", "''", '$HOME `id` $(id) \\n "x"', 'line\nbreak', '$ref', '']) {
		const echoed = execFileSync('bash', ['-c', `printf '%s' ${shellQuote(text)}`], { encoding: 'utf8' });
		t.is(echoed, text);
	}
});

test('az rest: method, URL, Content-Type header and body; az supplies the token', (t) => {
	t.is(
		toAzRest({ method: 'PATCH', url, requestBody: { a: "it's" } }),
		`az rest --method patch --url '${url}' --headers 'Content-Type=application/json' --body '{"a":"it'\\''s"}'`,
	);
	t.is(toAzRest({ method: 'DELETE', url }), `az rest --method delete --url '${url}'`);
	t.notRegex(toAzRest({ method: 'DELETE', url }), /Bearer|TOKEN/);
});

test('PowerShell: Invoke-MgGraphRequest with single quotes doubled (typographic ones too)', (t) => {
	t.is(powerShellQuote("O'Brien’s"), "'O''Brien’’s'");
	t.is(
		toPowerShell({ method: 'patch', url, requestBody: { a: "it's" } }),
		`Invoke-MgGraphRequest -Method PATCH -Uri '${url}' -Body '{"a":"it''s"}' -ContentType 'application/json'`,
	);
	t.is(toPowerShell({ method: 'DELETE', url }), `Invoke-MgGraphRequest -Method DELETE -Uri '${url}'`);
});

test('OSC 52 puts base64 text between ESC ] 52 ; c ; and BEL; tmux wraps it in a passthrough', (t) => {
	t.is(osc52('héllo'), `\x1b]52;c;${Buffer.from('héllo').toString('base64')}\x07`);
	t.is(osc52('x', { tmux: true }), `\x1bPtmux;\x1b\x1b]52;c;eA==\x07\x1b\\`);
});

test('with a CA file: curl --cacert, az rest through REQUESTS_CA_BUNDLE, PowerShell told to trust it first', (t) => {
	const request = { method: 'GET', url, caFile: "/tmp/it's ca.pem" };
	t.is(toCurl(request), `curl --cacert '/tmp/it'\\''s ca.pem' '${url}' -H "Authorization: Bearer $TOKEN"`);
	t.is(toAzRest(request), `REQUESTS_CA_BUNDLE='/tmp/it'\\''s ca.pem' az rest --method get --url '${url}'`);
	t.is(
		toPowerShell(request),
		`<# first add /tmp/it's ca.pem to the system's trusted roots #> Invoke-MgGraphRequest -Method GET -Uri '${url}'`,
	);
	t.is(toCurl(request, { caFile: '/other.pem' }).split(' ')[2], "'/other.pem'", 'an explicit option wins');
});
