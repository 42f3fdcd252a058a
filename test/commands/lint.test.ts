import test from 'ava';
import type { RunningEmulator } from '../../source/emulator/server.js';
import { json, runCommand } from '../helpers/cli.js';
import { emulatorFor, seed } from '../helpers/emulator.js';

// `entra-flows lint`: each finding with its fix; exit 0 clean, 1 with findings.

type Report = { findings: { check: string; message: string; fix: string }[]; skipped: unknown[] };

/** The seed with its five findings put right. */
function healthy(emulator: RunningEmulator): void {
	const tenant = emulator.tenant;
	tenant.findFlow(seed.flows.events.id)?.appIds.push(seed.apps.events);
	tenant.findFlow(seed.flows.customers.id)?.appIds.push(seed.apps.loyaltyApi);
	const partners = tenant.findFlow(seed.flows.partners.id)?.attributeCollection;
	if (partners) {
		partners.attributeIds = ['email'];
		for (const view of partners.views)
			view.inputs = view.inputs.filter((input) => input.attribute === 'email');
	}
	tenant.emailMethod.includeTargets = [
		{ targetType: 'group', id: 'all_users', isRegistrationRequired: false },
	];
}

test('the seed has five findings, each with the command that fixes it, and exits 1', async (t) => {
	const emulator = await emulatorFor(t);
	const run = await runCommand(emulator.graphUrl, ['lint']);
	t.is(run.code, 1, run.stderr);
	t.regex(
		run.stdout,
		/"Events registration" is used by no application[\s\S]*fix: entra-flows apps link 5730a1a1/,
	);
	t.regex(run.stdout, /"Contoso Loyalty API" \(3f50bdf7-[^)]+\) uses no user flow/);
	t.regex(run.stdout, /"Partner portal sign-in only" has sign-up off but still collects displayName/);
	t.regex(run.stdout, /Password reset cannot be reached[\s\S]*fix: entra-flows tenant password-reset enable/);
	t.regex(run.stdout, /5 finding\(s\)\.\n$/);
	const report = json<Report>(await runCommand(emulator.graphUrl, ['lint', '--json']));
	t.deepEqual(
		report.findings.map((finding) => finding.check),
		['flowWithoutApps', 'appWithoutFlow', 'appWithoutFlow', 'signInOnlyCollects', 'passwordResetUnreachable'],
	);
	t.true(report.findings.every((finding) => finding.fix.length > 0));
});

test('a healthy tenant exits 0; unused things, a page that would not render and twin flows are found', async (t) => {
	const emulator = await emulatorFor(t);
	healthy(emulator);
	const clean = await runCommand(emulator.graphUrl, ['lint']);
	t.is(clean.code, 0, clean.stdout);
	t.regex(clean.stdout, /No findings/);
	const tenant = emulator.tenant;
	tenant.providers.push({
		id: '6c0d1f35-3f7e-4c86-9d2b-7a1e5b9c3d20',
		displayName: 'Partner IdP',
		kind: 'oidc',
		identityProviderType: 'OpenIdConnect',
		clientId: 'c',
		oidc: {
			issuer: 'https://idp.example/',
			wellKnownEndpoint: 'https://idp.example/.well-known/openid-configuration',
			responseType: 'code',
			scope: 'openid',
			clientAuthentication: { kind: 'privateKeyJwt' },
			inboundClaimMapping: { sub: 'sub' },
		},
	});
	tenant.attributes.push({
		id: 'extension_6ea3bc85aec24b1c92ff4a117afb6621_Shoesize',
		displayName: 'Shoe size',
		description: null,
		userFlowAttributeType: 'custom',
		dataType: 'int64',
	});
	const customers = tenant.findFlow(seed.flows.customers.id);
	const country = customers?.attributeCollection?.views[0]?.inputs.find(
		(input) => input.attribute === 'country',
	);
	if (country) {
		country.inputType = 'radioSingleSelect';
		country.options = [];
	}
	const events = tenant.findFlow(seed.flows.events.id);
	if (events)
		tenant.flows.push({
			...structuredClone(events),
			id: '0b7c1a52-8d3e-4f60-a1b9-2c4d6e8f0a13',
			displayName: 'Events copy',
			appIds: [],
		});
	const report = json<Report>(await runCommand(emulator.graphUrl, ['lint', '--json']));
	t.deepEqual(report.findings.map((finding) => finding.check).sort(), [
		'attributeUnused',
		'flowWithoutApps',
		'pageWontRender',
		'providerUnused',
		'sameFlows',
	]);
	const messages = report.findings.map((finding) => finding.message).join('\n');
	t.regex(messages, /"Shoe size" .* is collected by no flow/);
	t.regex(messages, /"Partner IdP" .* is configured but offered by no flow/);
	t.regex(messages, /sign-up page of "Contoso customers sign-up and sign-in" would not render: .*country/);
	t.regex(messages, /differ only by name: "Events registration", "Events copy"/);
});
