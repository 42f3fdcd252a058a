import { once } from 'node:events';
import test from 'ava';
import { runBuilt, spawnEmulator } from '../helpers/built-cli.js';

test('`entra-flows emulator --port 0` prints its URL; commands against it work and --json parses', async (t) => {
	const { child, info } = await spawnEmulator(t);
	t.regex(info.graphUrl, /^https:\/\/127\.0\.0\.1:\d+\/v1\.0$/);
	t.is(info.authorityHost, info.origin);
	t.regex(String(info.tenantId), /^[0-9a-f-]{36}$/);
	t.regex(String(info.accessToken), /^ey[\w-]+\.[\w-]+\.[\w-]+$/);
	const env = {
		ENTRA_FLOWS_ACCESS_TOKEN: String(info.accessToken),
		NODE_EXTRA_CA_CERTS: String(info.caFile),
	};
	const list = await runBuilt(['flows', 'list', '--json', '--graph-url', info.graphUrl], env);
	t.is(list.code, 0, list.stderr);
	t.true((JSON.parse(list.stdout) as unknown[]).length >= 4);
	const taken = await runBuilt(
		['flows', 'create', '--name', 'Events registration', '--graph-url', info.graphUrl],
		env,
	);
	t.is(taken.code, 1);
	t.regex(taken.stderr, /Events registration/);
	child.kill('SIGTERM');
	const [code] = await once(child, 'exit');
	t.is(code, 0);
});

test('--verbose prints one line per request and never the token', async (t) => {
	const { info } = await spawnEmulator(t);
	const token = String(info.accessToken);
	const run = await runBuilt(
		[
			'apps',
			'list',
			'Contoso customers sign-up and sign-in',
			'--verbose',
			'--graph-url',
			info.graphUrl,
			'--ca-file',
			String(info.caFile),
		],
		{
			ENTRA_FLOWS_ACCESS_TOKEN: token,
		},
	);
	t.is(run.code, 0, run.stderr);
	const lines = run.stderr.trim().split('\n');
	// apps list is the name lookup and the app names: the flow carries its apps.
	t.true(lines.length >= 2);
	for (const line of lines)
		t.regex(line, /^(GET|POST|PATCH|DELETE) \/\S+ \d{3} \d+ms request-id [0-9a-f-]{36}/);
	t.false(`${run.stdout}${run.stderr}`.includes(token));
	t.false(`${run.stdout}${run.stderr}`.includes(token.split('.')[1] ?? ''));
	t.false(/authorization|bearer/i.test(run.stderr));
	const failed = await runBuilt(
		['flows', 'get', 'nope', '--verbose', '--graph-url', info.graphUrl, '--ca-file', String(info.caFile)],
		{
			ENTRA_FLOWS_ACCESS_TOKEN: token,
		},
	);
	t.is(failed.code, 1);
	t.false(`${failed.stdout}${failed.stderr}`.includes(token));
});

test('usage errors exit 2 and name the fix; no token exits 3 (needs sign-in) with how to sign in', async (t) => {
	const unknown = await runBuilt(['flows', 'frobnicate']);
	t.is(unknown.code, 2);
	t.regex(unknown.stderr, /Unknown command "flows frobnicate"/);
	const insecure = await runBuilt(['flows', 'list', '--graph-url', 'http://graph.example.com/v1.0'], {
		ENTRA_FLOWS_ACCESS_TOKEN: 'x',
	});
	t.is(insecure.code, 2);
	t.regex(insecure.stderr, /plain http/);
	const { info } = await spawnEmulator(t);
	const anonymous = await runBuilt(['flows', 'list', '--graph-url', info.graphUrl], {
		ENTRA_FLOWS_ACCESS_TOKEN: '',
	});
	t.is(anonymous.code, 3, 'needs sign-in');
	t.regex(anonymous.stderr, /login|access-token/);
});
