import test from 'ava';
import { runCli } from '../../source/wiring/run-cli.js';
import { fakeJwt, readOnlyScopes } from '../graph/fake-jwt.js';
import { freshDirs, json, runCommand } from '../helpers/cli.js';
import { emulatorFor, seed } from '../helpers/emulator.js';

// Custom attributes: describe again and delete, by id, display name or short name.

const hobby = 'extension_6ea3bc85aec24b1c92ff4a117afb6621_Hobby';
const writes = <T extends { method: string }>(log: readonly T[]) =>
	log.filter((entry) => entry.method !== 'GET');

/** Runs `entra-flows tenant attributes …` against the emulator. */
const tenantAttributes = (
	emulator: { graphUrl: string },
	argv: readonly string[],
	options?: Parameters<typeof runCommand>[2],
) => runCommand(emulator.graphUrl, ['tenant', 'attributes', ...argv], options);

async function withHobby(t: Parameters<typeof emulatorFor>[0]) {
	const emulator = await emulatorFor(t);
	const created = await tenantAttributes(emulator, ['create', '--name', 'Hobby', '--type', 'string']);
	t.is(created.code, 0, created.stderr);
	return emulator;
}

test('update changes the description only; the same one again is nothing to do', async (t) => {
	const emulator = await withHobby(t);
	const updated = await tenantAttributes(emulator, [
		'update',
		'hobby',
		'--description',
		'What you do for fun',
		'--json',
	]);
	t.is(updated.code, 0, updated.stderr);
	t.like(json(updated), { id: hobby, description: 'What you do for fun' });
	t.is(emulator.tenant.findAttribute(hobby)?.description, 'What you do for fun');
	emulator.clearLog();
	const again = await tenantAttributes(emulator, ['update', hobby, '--description', 'What you do for fun']);
	t.is(again.code, 0, again.stderr);
	t.regex(again.stdout, /already has that description; nothing to do/);
	t.deepEqual(writes(emulator.log), []);
	const missing = await tenantAttributes(emulator, ['update', 'Hobby']);
	t.is(missing.code, 2);
	t.regex(missing.stderr, /needs --description TEXT: the description is all that can change/);
});

test('built-in and unknown attributes are refused before any write, naming the custom ones', async (t) => {
	const emulator = await withHobby(t);
	emulator.clearLog();
	for (const [argv, message] of [
		[['update', 'city', '--description', 'x'], /city is a built-in attribute; only custom attributes/],
		[['delete', 'email', '--yes'], /email is a built-in attribute/],
		[['delete', 'Shoe size', '--yes'], /no user-flow attribute "Shoe size"/],
	] as const) {
		const run = await tenantAttributes(emulator, [...argv]);
		t.is(run.code, 1, argv.join(' '));
		t.regex(run.stderr, message);
		t.regex(run.stderr, /Favorite color \(extension_\w+_Favoritecolor\), Newsletter/);
	}
	t.deepEqual(writes(emulator.log), []);
});

test('delete asks for the name on a terminal, needs --yes without one, and removes the attribute', async (t) => {
	const emulator = await withHobby(t);
	const noTerminal = await tenantAttributes(emulator, ['delete', 'Hobby']);
	t.is(noTerminal.code, 2);
	t.regex(noTerminal.stderr, /without a terminal to confirm on; add --yes/);
	const mistyped = await tenantAttributes(emulator, ['delete', 'Hobby'], {
		answers: ['hobby?'],
	});
	t.is(mistyped.code, 1);
	t.regex(mistyped.stderr, /Type its name to confirm/);
	t.regex(mistyped.stderr, /Not deleted: the name did not match/);
	t.truthy(emulator.tenant.findAttribute(hobby));
	const confirmed = await tenantAttributes(emulator, ['delete', 'Hobby'], {
		answers: ['Hobby'],
	});
	t.is(confirmed.code, 0, confirmed.stderr);
	t.regex(confirmed.stdout, new RegExp(`Deleted custom attribute "Hobby" \\(${hobby}\\)`));
	t.is(emulator.tenant.findAttribute(hobby), undefined);
});

test('delete refuses an attribute a flow still collects, with the commands that free it', async (t) => {
	const emulator = await emulatorFor(t);
	emulator.clearLog();
	const run = await tenantAttributes(emulator, ['delete', 'Favorite color', '--yes']);
	t.is(run.code, 1);
	t.regex(
		run.stderr,
		/still collected by 1 user flow\(s\): "Contoso customers sign-up and sign-in"\. Nothing was deleted/,
	);
	t.regex(
		run.stderr,
		new RegExp(`entra-flows attributes remove ${seed.flows.customers.id} ${seed.favoriteColor}`),
	);
	t.deepEqual(writes(emulator.log), []);
	const removed = await runCommand(emulator.graphUrl, [
		'attributes',
		'remove',
		seed.flows.customers.id,
		seed.favoriteColor,
	]);
	t.is(removed.code, 0, removed.stderr);
	const deleted = await tenantAttributes(emulator, ['delete', 'favoritecolor', '--yes', '--json']);
	t.is(deleted.code, 0, deleted.stderr);
	t.deepEqual(json(deleted), { deleted: seed.favoriteColor, displayName: 'Favorite color' });
});

test('dry runs print the one request; a read-only sign-in is refused naming IdentityUserFlow.ReadWrite.All', async (t) => {
	const emulator = await withHobby(t);
	for (const argv of [
		['update', 'Hobby', '--description', 'Fun'],
		['delete', 'Hobby'],
	]) {
		emulator.clearLog();
		const run = await tenantAttributes(emulator, [...argv, '--dry-run']);
		t.is(run.code, 0, run.stderr);
		t.regex(run.stdout, /Dry run: nothing was changed/);
		t.regex(run.stdout, new RegExp(`curl -X (PATCH|DELETE) '[^']+/identity/userFlowAttributes/${hobby}'`));
		t.deepEqual(writes(emulator.log), []);
		const readOnly = await tenantAttributes(emulator, [...argv, ...(argv[0] === 'delete' ? ['--yes'] : [])], {
			token: fakeJwt({ scp: readOnlyScopes, tid: 't', upn: 'reader@contoso.example' }),
		});
		t.is(readOnly.code, 1);
		t.regex(readOnly.stderr, /needs IdentityUserFlow\.ReadWrite\.All/);
		t.deepEqual(writes(emulator.log), []);
	}
	t.truthy(emulator.tenant.findAttribute(hobby));
});

test('a flow that starts collecting it while you confirm: checked again after the answer, nothing is sent', async (t) => {
	const emulator = await withHobby(t);
	let stderr = '';
	const code = await runCli({
		argv: ['--graph-url', emulator.graphUrl, 'tenant', 'attributes', 'delete', 'Hobby'],
		env: { ...freshDirs(), ENTRA_FLOWS_ACCESS_TOKEN: 'test-token' },
		version: '0.0.0-test',
		stdout: () => {},
		stderr: (text) => {
			stderr += text;
		},
		ask: async () => {
			// Someone adds it to a flow in the portal while the name is being typed.
			emulator.tenant.requireFlow(seed.flows.events.id).attributeCollection?.attributeIds.push(hobby);
			return 'Hobby';
		},
	});
	t.is(code, 1);
	t.regex(stderr, /still collected by 1 user flow\(s\): "Events registration"\. Nothing was deleted/);
	t.deepEqual(
		emulator.log.filter((entry) => entry.method === 'DELETE'),
		[],
		'the delete is not sent: a prompt can take long, so the rule is read again after it',
	);
	t.truthy(emulator.tenant.findAttribute(hobby));
});

test('a name with spaces is accepted; its id drops them, and the spaceless name is then taken', async (t) => {
	const emulator = await emulatorFor(t);
	const created = await tenantAttributes(emulator, [
		'create',
		'--name',
		'Shoe size',
		'--type',
		'int64',
		'--json',
	]);
	t.is(created.code, 0, created.stderr);
	t.like(json(created), {
		id: 'extension_6ea3bc85aec24b1c92ff4a117afb6621_Shoesize',
		displayName: 'Shoe size',
	});
	const again = await tenantAttributes(emulator, [
		'create',
		'--name',
		'Shoesize',
		'--type',
		'int64',
		'--dry-run',
	]);
	t.is(again.code, 1);
	t.regex(again.stderr, /already has an attribute named "Shoe size"/);
});

test('a custom attribute named like a built-in one is pointed to by its full id', async (t) => {
	const emulator = await emulatorFor(t);
	const created = await tenantAttributes(emulator, ['create', '--name', 'email', '--type', 'string']);
	t.is(created.code, 0, created.stderr);
	const run = await tenantAttributes(emulator, ['update', 'email', '--description', 'x']);
	t.is(run.code, 1);
	t.regex(run.stderr, /email is a built-in attribute/);
	t.regex(
		run.stderr,
		/The custom attribute named "email" is extension_6ea3bc85aec24b1c92ff4a117afb6621_email: give that id/,
	);
});

test('tenant attributes --help shows the commands under it', async (t) => {
	const emulator = await emulatorFor(t);
	const run = await tenantAttributes(emulator, ['--help']);
	t.is(run.code, 0, run.stderr);
	t.regex(run.stdout, /Also\n {2}entra-flows tenant attributes create --name NAME/);
	t.regex(run.stdout, / {2}entra-flows tenant attributes delete <attribute>\n {6}Delete a custom attribute/);
});
