import test from 'ava';
import { runCommand } from '../helpers/cli.js';
import { beforeFirstWrite, emulatorFor, seed } from '../helpers/emulator.js';

// Another admin changes the tenant between a command's check and its write: the service refuses with only its
// generic sentence, and the command must say what happened in its own words.

/** An emulator where `meanwhile` changes the tenant just before the first write reaches it. */
async function racing(
	t: Parameters<typeof emulatorFor>[0],
	meanwhile: Parameters<typeof beforeFirstWrite>[0],
) {
	const race = beforeFirstWrite(meanwhile);
	const emulator = await emulatorFor(t, race.options);
	race.attach(emulator);
	return emulator;
}

const { events, support } = seed.flows;

test('providers add: added meanwhile is "nothing to do" (exit 0)', async (t) => {
	const emulator = await racing(t, (tenant) => {
		tenant.requireFlow(events.id).providerIds.push('Google-OAUTH');
	});
	const run = await runCommand(emulator.graphUrl, ['providers', 'add', events.id, 'Google-OAUTH']);
	t.is(run.code, 0, run.stderr);
	t.regex(run.stdout, /"Events registration" already offers Google-OAUTH; nothing to do/);
});

test('providers remove: the other provider removed meanwhile is explained as the last one', async (t) => {
	const emulator = await racing(t, (tenant) => {
		const flow = tenant.requireFlow(events.id);
		flow.providerIds = flow.providerIds.filter((id) => id !== 'EmailPassword-OAUTH');
	});
	const run = await runCommand(emulator.graphUrl, ['providers', 'remove', events.id, 'EmailOtpSignup-OAUTH']);
	t.is(run.code, 1);
	t.regex(run.stderr, /EmailOtpSignup-OAUTH is the only identity provider of "Events registration"/);
	t.regex(run.stderr, /request-id [0-9a-f-]{36}/);
});

test('apps link: linked to another flow meanwhile names that flow and --move', async (t) => {
	const app = seed.apps.loyaltyApi;
	const emulator = await racing(t, (tenant) => {
		tenant.requireFlow(support.id).appIds.push(app);
	});
	const run = await runCommand(emulator.graphUrl, ['apps', 'link', events.id, app]);
	t.is(run.code, 1);
	t.regex(
		run.stderr,
		new RegExp(`${app} already uses the user flow "${support.name.replace(/[()]/g, '\\$&')}"`),
	);
	t.regex(run.stderr, /--move/);
});

test('flows delete: an app linked meanwhile is named, and nothing was deleted', async (t) => {
	const app = seed.apps.loyaltyApi;
	const emulator = await racing(t, (tenant) => {
		tenant.requireFlow(events.id).appIds.push(app);
	});
	const run = await runCommand(emulator.graphUrl, ['flows', 'delete', events.id, '--yes']);
	t.is(run.code, 1);
	t.regex(run.stderr, new RegExp(`NOT deleted\\. ${app} was linked to it meanwhile; run the command again`));
	t.regex(run.stderr, /Nothing was changed/);
	t.truthy(emulator.tenant.findFlow(events.id));
});

test('ids are compared ignoring case, as the service does', async (t) => {
	const emulator = await emulatorFor(t);
	const customers = seed.flows.customers.id;
	emulator.clearLog();
	const again = await runCommand(emulator.graphUrl, ['providers', 'add', customers, 'google-oauth']);
	t.is(again.code, 0, again.stderr);
	t.regex(again.stdout, /already offers Google-OAUTH; nothing to do/);
	const collected = await runCommand(emulator.graphUrl, ['attributes', 'add', customers, 'Country']);
	t.is(collected.code, 0, collected.stderr);
	t.regex(collected.stdout, /already collects country; nothing to do/);
	t.deepEqual(
		emulator.log.filter((entry) => entry.method !== 'GET'),
		[],
	);
	const dry = await runCommand(emulator.graphUrl, [
		'providers',
		'add',
		events.id,
		'google-oauth',
		'--dry-run',
	]);
	t.is(dry.code, 0, dry.stderr);
	const short = await runCommand(emulator.graphUrl, ['attributes', 'remove', customers, 'favoritecolor']);
	t.is(short.code, 0, short.stderr);
	t.regex(short.stdout, new RegExp(`Removed ${seed.favoriteColor}`));
});

test('removals of what another admin removed meanwhile are nothing to do (exit 0), and say so', async (t) => {
	const customers = seed.flows.customers;
	const cases: { argv: string[]; meanwhile: Parameters<typeof beforeFirstWrite>[0]; says: RegExp }[] = [
		{
			argv: ['attributes', 'remove', customers.id, 'country'],
			meanwhile: (tenant) => {
				const collection = tenant.requireFlow(customers.id).attributeCollection;
				if (collection) collection.attributeIds = collection.attributeIds.filter((id) => id !== 'country');
			},
			says: /does not collect country; nothing to do \(removed meanwhile\)/,
		},
		{
			argv: ['apps', 'unlink', customers.id, seed.apps.mobile],
			meanwhile: (tenant) => {
				const flow = tenant.requireFlow(customers.id);
				flow.appIds = flow.appIds.filter((id) => id !== seed.apps.mobile);
			},
			says: new RegExp(
				`"Contoso Mobile" \\(${seed.apps.mobile}\\) is not linked to "Contoso customers sign-up and sign-in"; nothing to do \\(unlinked meanwhile\\)`,
			),
		},
		{
			argv: ['providers', 'remove', customers.id, 'Facebook-OAUTH'],
			meanwhile: (tenant) => {
				const flow = tenant.requireFlow(customers.id);
				flow.providerIds = flow.providerIds.filter((id) => id !== 'Facebook-OAUTH');
			},
			says: /does not offer Facebook-OAUTH; nothing to do \(removed meanwhile\)/,
		},
	];
	for (const { argv, meanwhile, says } of cases) {
		const emulator = await racing(t, meanwhile);
		const run = await runCommand(emulator.graphUrl, argv);
		// A script that re-runs a step converges: what another admin did already is not a failure.
		t.is(run.code, 0, `${argv.join(' ')}: ${run.stderr}`);
		t.regex(run.stdout, says);
		t.notRegex(run.stdout + run.stderr, /page input could not be taken off|Removed|Unlinked/);
	}
});
