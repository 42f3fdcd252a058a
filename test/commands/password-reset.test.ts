import test from 'ava';
import { fakeJwt, readOnlyScopes } from '../graph/fake-jwt.js';
import { json, runCommand } from '../helpers/cli.js';
import { emulatorFor, seed } from '../helpers/emulator.js';

// Password reset is tenant-wide: shown per flow, switched through the email one-time passcode method.

const writes = <T extends { method: string }>(log: readonly T[]) =>
	log.filter((entry) => entry.method !== 'GET');
const reset = (emulator: { graphUrl: string }, argv: readonly string[], token?: string) =>
	runCommand(emulator.graphUrl, ['tenant', 'password-reset', ...argv], token ? { token } : {});

type Status = {
	enabledForAllUsers: boolean;
	flows: { id: string; localAccount: string; passwordReset: string }[];
};

test('show says there is one flow type and how password reset stands for each flow', async (t) => {
	const emulator = await emulatorFor(t);
	const shown = await reset(emulator, []);
	t.is(shown.code, 0, shown.stderr);
	t.regex(shown.stdout, /one user flow type: sign-up and sign-in/);
	t.regex(shown.stdout, /Password reset is not a flow: it is tenant-wide/);
	t.regex(shown.stdout, /method: enabled, targets: none → password reset is OFF/);
	t.regex(shown.stdout, /Contoso customers sign-up and sign-in +Email with password +off/);
	t.regex(shown.stdout, /Support desk .*Email one-time passcode +n\/a/);
	const status = json<Status>(await reset(emulator, ['show', '--json']));
	t.false(status.enabledForAllUsers);
	t.like(
		status.flows.find((flow) => flow.id === seed.flows.customers.id),
		{
			localAccount: 'emailPassword',
			passwordReset: 'off',
		},
	);
});

test('enable adds all users to the method, once; disable takes them out and leaves the state', async (t) => {
	const emulator = await emulatorFor(t);
	const dry = await reset(emulator, ['enable', '--dry-run']);
	t.is(dry.code, 0, dry.stderr);
	t.deepEqual(writes(emulator.log), []);
	t.regex(dry.stdout + dry.stderr, /PATCH .*authenticationMethodConfigurations\/email/);
	const enabled = await reset(emulator, ['enable']);
	t.is(enabled.code, 0, enabled.stderr);
	t.regex(
		enabled.stdout,
		/on for all users\. It works for \d flow\(s\): "Contoso customers sign-up and sign-in"/,
	);
	t.deepEqual(
		writes(emulator.log).map((entry) => entry.body),
		[
			{
				'@odata.type': '#microsoft.graph.emailAuthenticationMethodConfiguration',
				state: 'enabled',
				includeTargets: [{ targetType: 'group', id: 'all_users', isRegistrationRequired: false }],
			},
		],
	);
	t.true(json<Status>(await reset(emulator, ['--json'])).enabledForAllUsers);
	emulator.clearLog();
	const again = await reset(emulator, ['enable']);
	t.regex(again.stdout, /on already; nothing to do/);
	t.deepEqual(writes(emulator.log), []);
	const disabled = await reset(emulator, ['disable']);
	t.is(disabled.code, 0, disabled.stderr);
	t.is(emulator.tenant.emailMethod.state, 'enabled');
	t.deepEqual(emulator.tenant.emailMethod.includeTargets, []);
});

test('without Policy.ReadWrite.AuthenticationMethod the switch is refused before it is sent, naming it', async (t) => {
	const emulator = await emulatorFor(t);
	const token = fakeJwt({ scp: readOnlyScopes, tid: 't', upn: 'reader@contoso.example' });
	const refused = await reset(emulator, ['enable'], token);
	t.is(refused.code, 1, refused.stderr);
	t.regex(refused.stderr, /Policy\.ReadWrite\.AuthenticationMethod/);
	t.regex(refused.stderr, /login` without --read-only/);
	t.deepEqual(writes(emulator.log), []);
	const noRead = fakeJwt({ scp: 'EventListener.Read.All', tid: 't', upn: 'reader@contoso.example' });
	const unread = await reset(emulator, [], noRead);
	t.not(unread.code, 0);
	t.regex(unread.stderr, /Policy\.Read\.AuthenticationMethod/);
});
