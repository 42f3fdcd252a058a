import test from 'ava';
import { fakeJwt, readWriteScopes } from '../graph/fake-jwt.js';
import { json, runCommand } from '../helpers/cli.js';
import { emulatorFor, seed } from '../helpers/emulator.js';

// Who changed a flow: the audit log's entries about it, newest first, with old → new.

const admin = fakeJwt({ scp: readWriteScopes, tid: 't', upn: 'avery@contoso.example', name: 'Avery Admin' });
type Entry = {
	activity: string;
	who: { kind: string; name: string };
	changes: { property: string; old: string; new: string }[];
};

test('history lists each change newest first: who, what, and the properties old → new', async (t) => {
	const emulator = await emulatorFor(t);
	const run = (argv: readonly string[], token = admin) => runCommand(emulator.graphUrl, argv, { token });
	const flow = seed.flows.events.id;
	t.is((await run(['flows', 'update', flow, '--description', 'Spring events'])).code, 0);
	const added = await run(['providers', 'add', flow, 'Google-OAUTH']);
	t.is(added.code, 0, added.stderr);
	// Another flow's change is not this flow's history.
	t.is((await run(['flows', 'update', seed.flows.partners.id, '--description', 'x'])).code, 0);
	const shown = await run(['flows', 'history', flow]);
	t.is(shown.code, 0, shown.stderr);
	const lines = shown.stdout.split('\n');
	t.regex(
		lines[0] ?? '',
		/^\d{4}-\d\d-\d\dT[\d:.]+Z {2}avery@contoso\.example {2}Update authenticationEventsFlow$/,
	);
	t.regex(shown.stdout, /identityProviders: \["EmailPassword-OAUTH",[^\]]*\] → \[[^\]]*"Google-OAUTH"\]/);
	t.regex(shown.stdout, /description: .* → Spring events/);
	t.true(shown.stdout.indexOf('Google-OAUTH"]') < shown.stdout.indexOf('Spring events'), 'newest first');
	const entries = json<Entry[]>(await run(['flows', 'history', seed.flows.events.name, '--json']));
	t.is(entries.length, 2);
	t.like(entries[0], { who: { kind: 'user', name: 'avery@contoso.example' } });
	const later = await run(['flows', 'history', flow, '--since', '2999-01-01']);
	t.is(later.code, 0, later.stderr);
	t.regex(
		later.stdout,
		/No changes to "Events registration" in the audit log since 2999-01-01T00:00:00.000Z/,
	);
	const bad = await run(['flows', 'history', flow, '--since', 'last tuesday']);
	t.is(bad.code, 2);
	t.regex(bad.stderr, /--since takes a date such as 2026-11-24/);
});

test('without AuditLog.Read.All the history says what it needs and how to get it', async (t) => {
	const emulator = await emulatorFor(t);
	const token = fakeJwt({ scp: 'EventListener.Read.All', tid: 't', upn: 'reader@contoso.example' });
	const run = await runCommand(emulator.graphUrl, ['flows', 'history', seed.flows.events.id], { token });
	t.is(run.code, 1, run.stderr);
	t.regex(run.stderr, /comes from the directory audit log, which needs AuditLog\.Read\.All/);
	t.false(
		emulator.log.some((entry) => entry.path.includes('auditLogs')),
		'refused before it was sent',
	);
});
