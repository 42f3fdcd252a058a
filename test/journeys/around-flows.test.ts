import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import { seed } from '../helpers/emulator.js';
import { startJourney } from './harness.js';

// An admin sets up what a flow needs without leaving the app: a new OIDC provider configured from the flow's
// provider picker (its secret from a file), a new custom attribute from the attribute picker, and the flow's
// history then lists both changes.

const secret = 'journey-oidc-secret-5b7d13';
const issuer = 'https://id.fabrikam.example';

test.serial(
	'configures an OIDC provider and a custom attribute from the pickers; the flow’s history lists both',
	async (t) => {
		const secretFile = join(mkdtempSync(join(tmpdir(), 'journey-secret-')), 'oidc-secret');
		writeFileSync(secretFile, `${secret}\n`, { mode: 0o600 });
		const journey = await startJourney(t);
		const { tenant } = journey.emulator.graph;
		await journey.waitFor('Contoso customers sign-up and sign-in', 20_000);
		await journey.pressUntil('G', /❯ Events registration/);
		await journey.pressUntil('Enter', 'Attendees register');

		// A provider the tenant does not have yet, configured from the flow's picker.
		await journey.pressUntil('1', 'Email with password');
		await journey.pressUntil('a', 'Configure a new provider…');
		await journey.moveCursorTo('Up', /❯ .*Configure a new provider…/);
		await journey.pressUntil('Enter', 'Configure a new identity provider');
		await journey.pressAndWait('Space');
		await journey.pressUntil('Space', '[custom OIDC]');
		for (const text of ['Fabrikam ID', 'fabrikam-client', secretFile, issuer]) {
			await journey.pressAndWait('Tab');
			await journey.type(text);
		}
		await journey.pressAndWait('Tab');
		await journey.type(`${issuer}/.well-known/openid-configuration`);
		await journey.submit('Enter', /Added Fabrikam ID to/);
		const provider = tenant.providers.find((candidate) => candidate.displayName === 'Fabrikam ID');
		if (!provider) return t.fail('the provider was not configured');
		t.true(tenant.requireFlow(seed.flows.events.id).providerIds.includes(provider.id));
		t.false(journey.screen().includes(secret), 'the secret is never on screen');

		// A custom attribute created from the attribute picker, and collected on the flow at once.
		await journey.pressUntil('Escape', 'Attendees register');
		await journey.pressUntil('2', /Attributes of|Email Address/);
		await journey.pressUntil('a', 'New attribute…');
		await journey.moveCursorTo('Down', /❯ New attribute…/, 20);
		await journey.pressUntil('Enter', 'The data type can never change');
		await journey.type('Ticket class');
		journey.press('Enter');
		// The create and the add to the flow are two writes: polled for in the emulator until both are there.
		const collected = () => {
			const made = tenant.attributes.find((candidate) => candidate.displayName === 'Ticket class');
			const flow = tenant.requireFlow(seed.flows.events.id);
			return made && flow.attributeCollection?.attributeIds.includes(made.id) ? made : undefined;
		};
		for (const deadline = Date.now() + 15_000; !collected() && Date.now() < deadline; )
			await new Promise((resolve) => setTimeout(resolve, 50));
		const attribute = collected();
		if (!attribute) return t.fail(`the attribute was not created and collected:\n${journey.screen()}`);
		await journey.waitFor(/Ticket class/);

		// The flow's History: both changes, newest first, from the audit log.
		await journey.pressUntil('Escape', 'Attendees register');
		// Newest first: the attribute collected, then the provider offered (80 columns cut the activity's name).
		const history = await journey.waitFor(
			/History[\s\S]*Update authenti[\s\S]*attributes: [\s\S]*Update authenti[\s\S]*identityProviders: /,
		);
		t.regex(history, /History/);
		t.false(history.includes(secret));
	},
);
