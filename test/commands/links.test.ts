import test from 'ava';
import { json, runCommand } from '../helpers/cli.js';
import { emulatorFor, seed } from '../helpers/emulator.js';

type Provider = { id: string };
type Attribute = { id: string };
type App = { appId: string };

test('providers list, add and remove on a flow', async (t) => {
	const emulator = await emulatorFor(t);
	const flow = seed.flows.partners.name;
	t.deepEqual(
		json<Provider[]>(await runCommand(emulator.graphUrl, ['providers', 'list', flow, '--json'])).map(
			(p) => p.id,
		),
		['EmailPassword-OAUTH'],
	);
	const added = await runCommand(emulator.graphUrl, ['providers', 'add', flow, 'Google-OAUTH', '--json']);
	t.is(added.code, 0, added.stderr);
	t.deepEqual(
		json<Provider[]>(added)
			.map((p) => p.id)
			.sort(),
		['EmailPassword-OAUTH', 'Google-OAUTH'],
	);
	const removed = await runCommand(emulator.graphUrl, ['providers', 'remove', flow, 'EmailPassword-OAUTH']);
	t.is(removed.code, 0, removed.stderr);
	t.regex(removed.stdout, /Removed EmailPassword-OAUTH/);
	const unknown = await runCommand(emulator.graphUrl, ['providers', 'add', flow, 'Twitter-OAUTH']);
	t.is(unknown.code, 1);
	t.regex(unknown.stderr, /Twitter-OAUTH/);
});

test('removing the last provider is refused before any request is sent', async (t) => {
	const emulator = await emulatorFor(t);
	emulator.clearLog();
	const run = await runCommand(emulator.graphUrl, [
		'providers',
		'remove',
		seed.flows.support.id,
		'EmailOtpSignup-OAUTH',
	]);
	t.is(run.code, 1);
	t.regex(run.stderr, /only identity provider/);
	t.regex(run.stderr, /providers add/);
	t.false(emulator.log.some((entry) => entry.method === 'DELETE'));
});

test('attributes list in page order, add appends, remove takes the input off the page', async (t) => {
	const emulator = await emulatorFor(t);
	const flow = seed.flows.support.id;
	const table = await runCommand(emulator.graphUrl, ['attributes', 'list', flow]);
	t.is(table.code, 0, table.stderr);
	t.regex(table.stdout, /ID\s+LABEL\s+INPUT\s+REQUIRED\s+DATA/);
	t.regex(table.stdout, /email[\s\S]*displayName[\s\S]*city[\s\S]*jobTitle/);
	const added = await runCommand(emulator.graphUrl, ['attributes', 'add', flow, 'country', '--json']);
	t.is(added.code, 0, added.stderr);
	t.true(json<Attribute[]>(added).some((attribute) => attribute.id === 'country'));
	const removed = await runCommand(emulator.graphUrl, ['attributes', 'remove', flow, 'city']);
	t.is(removed.code, 0, removed.stderr);
	const after = json<{
		onAttributeCollection: { attributeCollectionPage: { views: { inputs: { attribute: string }[] }[] } };
	}>(await runCommand(emulator.graphUrl, ['flows', 'get', flow, '--json']));
	t.deepEqual(
		after.onAttributeCollection.attributeCollectionPage.views[0]?.inputs.map((input) => input.attribute),
		['email', 'displayName', 'jobTitle', 'country'],
	);
	const notThere = await runCommand(emulator.graphUrl, ['attributes', 'remove', flow, 'city']);
	t.is(notThere.code, 0, notThere.stderr);
	t.regex(notThere.stdout, /does not collect city; nothing to do/);
});

test('attribute removal that leaves the input behind (other doc reading) is finished with a PATCH', async (t) => {
	const emulator = await emulatorFor(t, { quirks: 'remove-attribute-keeps-input=true' });
	const run = await runCommand(emulator.graphUrl, ['attributes', 'remove', seed.flows.support.id, 'city']);
	t.is(run.code, 0, run.stderr);
	t.regex(run.stdout, /second request/);
	const flow = json<{
		onAttributeCollection: { attributeCollectionPage: { views: { inputs: { attribute: string }[] }[] } };
	}>(await runCommand(emulator.graphUrl, ['flows', 'get', seed.flows.support.id, '--json']));
	t.false(
		flow.onAttributeCollection.attributeCollectionPage.views[0]?.inputs.some(
			(input) => input.attribute === 'city',
		),
	);
});

test('a flow with no attributes lists none (the documented 400 is read as empty)', async (t) => {
	const emulator = await emulatorFor(t);
	const created = json<{ id: string }>(
		await runCommand(emulator.graphUrl, ['flows', 'create', '--name', 'Bare', '--json']),
	);
	const run = await runCommand(emulator.graphUrl, ['attributes', 'list', created.id, '--json']);
	t.is(run.code, 0, run.stderr);
	t.deepEqual(json(run), []);
});

test('apps list with names, link, unlink; an app in another flow is refused unless --move', async (t) => {
	const emulator = await emulatorFor(t);
	const table = await runCommand(emulator.graphUrl, ['apps', 'list', seed.flows.customers.id]);
	t.regex(table.stdout, /a442e488-8827-43b0-af92-3894fc6abef4\s+Contoso Storefront/);
	const linked = await runCommand(emulator.graphUrl, [
		'apps',
		'link',
		seed.flows.events.id,
		seed.apps.events,
		'--json',
	]);
	t.is(linked.code, 0, linked.stderr);
	t.deepEqual(
		json<App[]>(linked).map((app) => app.appId),
		[seed.apps.events],
	);
	const taken = await runCommand(emulator.graphUrl, [
		'apps',
		'link',
		seed.flows.events.id,
		seed.apps.storefront,
	]);
	t.is(taken.code, 1);
	t.true(taken.stderr.includes(seed.flows.customers.name), taken.stderr);
	t.regex(taken.stderr, /--move/);
	const moved = await runCommand(emulator.graphUrl, [
		'apps',
		'link',
		seed.flows.events.id,
		seed.apps.storefront,
		'--move',
	]);
	t.is(moved.code, 0, moved.stderr);
	t.regex(moved.stdout, /moved from "Contoso customers/);
	const customers = json<App[]>(
		await runCommand(emulator.graphUrl, ['apps', 'list', seed.flows.customers.id, '--json']),
	);
	t.deepEqual(
		customers.map((app) => app.appId),
		[seed.apps.mobile],
	);
	const unlinked = await runCommand(emulator.graphUrl, [
		'apps',
		'unlink',
		seed.flows.events.id,
		seed.apps.events,
	]);
	t.is(unlinked.code, 0, unlinked.stderr);
	const notLinked = await runCommand(emulator.graphUrl, [
		'apps',
		'unlink',
		seed.flows.events.id,
		seed.apps.events,
	]);
	t.is(notLinked.code, 0, notLinked.stderr);
	t.regex(notLinked.stdout, /nothing to do/);
});

test('tenant providers, attributes and attribute create', async (t) => {
	const emulator = await emulatorFor(t);
	const providers = json<Provider[]>(await runCommand(emulator.graphUrl, ['tenant', 'providers', '--json']));
	t.deepEqual(providers.map((p) => p.id).sort(), [
		'EmailOtpSignup-OAUTH',
		'EmailPassword-OAUTH',
		'Facebook-OAUTH',
		'Google-OAUTH',
	]);
	const attributes = await runCommand(emulator.graphUrl, ['tenant', 'attributes']);
	t.regex(attributes.stdout, /Favoritecolor\s+Favorite color\s+custom\s+string/);
	const created = await runCommand(emulator.graphUrl, [
		'tenant',
		'attributes',
		'create',
		'--name',
		'Hobby',
		'--type',
		'string',
		'--json',
	]);
	t.is(created.code, 0, created.stderr);
	t.regex(json<{ id: string }>(created).id, /^extension_[0-9a-f]{32}_Hobby$/);
	const badType = await runCommand(emulator.graphUrl, [
		'tenant',
		'attributes',
		'create',
		'--name',
		'Age',
		'--type',
		'date',
	]);
	t.is(badType.code, 2);
	t.regex(badType.stderr, /string, boolean, int64/);
});

test('offering both local accounts (password and one-time passcode) is warned about before it is sent', async (t) => {
	const emulator = await emulatorFor(t);
	const added = await runCommand(emulator.graphUrl, [
		'providers',
		'add',
		seed.flows.support.id,
		'EmailPassword-OAUTH',
	]);
	t.is(added.code, 0, added.stderr);
	t.regex(added.stderr, /warning: the flow will offer both Email with password and Email one-time passcode/);
	const created = await runCommand(emulator.graphUrl, [
		'flows',
		'create',
		'--name',
		'Both',
		'--provider',
		'EmailPassword-OAUTH',
		'--provider',
		'EmailOtpSignup-OAUTH',
		'--json',
	]);
	t.is(created.code, 0, created.stderr);
	t.like(JSON.parse(created.stderr.trim()), { notice: 'warning' });
	const plain = await runCommand(emulator.graphUrl, [
		'providers',
		'add',
		seed.flows.support.id,
		'Google-OAUTH',
	]);
	t.notRegex(plain.stderr, /warning/);
});

test('apps link and unlink name the app; unlinking says it has no user flow now', async (t) => {
	const emulator = await emulatorFor(t);
	const { events } = seed.flows;
	const linked = await runCommand(emulator.graphUrl, ['apps', 'link', events.id, seed.apps.events]);
	t.is(linked.code, 0, linked.stderr);
	t.regex(
		linked.stdout,
		new RegExp(`Linked "Contoso Events" \\(${seed.apps.events}\\) to "Events registration"`),
	);
	const unlinked = await runCommand(emulator.graphUrl, ['apps', 'unlink', events.id, 'Contoso Events']);
	t.is(unlinked.code, 0, unlinked.stderr);
	t.regex(
		unlinked.stdout,
		new RegExp(
			`Unlinked "Contoso Events" \\(${seed.apps.events}\\) from "Events registration"; it has no user flow now`,
		),
	);
});

test('apps link refuses the b2c-extensions-app before sending anything', async (t) => {
	const emulator = await emulatorFor(t);
	const extensions = '6ea3bc85-aec2-4b1c-92ff-4a117afb6621';
	const refused = await runCommand(emulator.graphUrl, ['apps', 'link', seed.flows.events.id, extensions]);
	t.is(refused.code, 1, refused.stdout);
	t.regex(refused.stderr, /b2c-extensions-app.*tenant's own app that stores custom attributes/s);
	t.deepEqual(
		emulator.log.filter((entry) => entry.method !== 'GET'),
		[],
	);
	t.false(emulator.tenant.requireFlow(seed.flows.events.id).appIds.includes(extensions));
});

test('flows create refuses the b2c-extensions-app as one of its apps before sending anything', async (t) => {
	const emulator = await emulatorFor(t);
	const extensions = '6ea3bc85-aec2-4b1c-92ff-4a117afb6621';
	const refused = await runCommand(emulator.graphUrl, [
		'flows',
		'create',
		'--name',
		'With system app',
		'--app',
		extensions,
	]);
	t.is(refused.code, 1, refused.stdout);
	t.regex(refused.stderr, /b2c-extensions-app.*tenant's own app that stores custom attributes/s);
	t.deepEqual(
		emulator.log.filter((entry) => entry.method !== 'GET'),
		[],
	);
	t.is(emulator.tenant.flowNamed('With system app'), undefined);
});
