import test from 'ava';
import { seed } from '../helpers/emulator.js';
import { startJourney } from './harness.js';

// A new admin's first session, task by task, in a real 80×24 terminal, checking the emulator after each one.

const name = 'Spring sign-up';
const renamed = 'Spring sign-up 2027';

test.serial(
	'a new admin finds a flow, creates one with a custom attribute, edits its page, moves an app to it, turns sign-up off, renames and deletes it',
	async (t) => {
		const journey = await startJourney(t);
		const { tenant } = journey.emulator.graph;
		// Graph writes only: the sign-in's own POSTs are logged too.
		const writes = () =>
			journey.emulator.graph.log.filter(
				(entry) => entry.method !== 'GET' && /^\/(v1\.0|beta)\//.test(entry.path),
			);
		await journey.waitFor('Contoso customers sign-up and sign-in', 20_000);
		await journey.waitFor('Events registration');

		// Find a flow: filter the list by name and open it.
		await journey.pressUntil('/', 'keep filter');
		await journey.type('events');
		await journey.waitFor(/❯ Events registration/);
		await journey.pressUntil('Enter', /esc clear|\/ events/);
		await journey.pressUntil('Enter', 'Attendees register');
		t.deepEqual(writes(), [], 'finding a flow changes nothing');
		await journey.pressUntil('Escape', /❯ Events registration/);
		await journey.pressUntil('Escape', /Contoso customers sign-up and sign-in/);

		// Create one that collects a custom attribute, found in the form's list with /.
		await journey.pressUntil('n', /Providers\s+Email with password/);
		await journey.type(name);
		for (const field of ['Description', 'Sign-up', 'Providers', 'Attributes'])
			await journey.pressUntil('Tab', new RegExp(`❯ ${field}`));
		await journey.waitFor('[ ] ');
		await journey.pressUntil('/', /keep filter/);
		await journey.type('favorite');
		await journey.waitFor(/❯ \[ \] Favorite color/);
		await journey.pressUntil('Enter', /❯ \[ \] Favorite color/);
		await journey.pressUntil('Space', /❯ \[x\] Favorite color/);
		await journey.submit('C-s', /Created user flow “Spring sign-up”/);
		const created = tenant.flowNamed(name);
		if (!created) return t.fail('not created');
		t.deepEqual(created.attributeCollection?.attributeIds, ['email', seed.favoriteColor]);
		t.deepEqual(created.providerIds, ['EmailPassword-OAUTH']);

		// Edit its sign-up page: the custom attribute goes first; the diff names the input that moved.
		await journey.pressUntil('2', 'Favorite color');
		await journey.pressUntil('l', /2 inputs · no unsaved changes/);
		await journey.moveCursorTo('j', /❯\s+2\s+Favorite color/);
		await journey.pressUntil('T', /❯\s+1\s+Favorite color/);
		const diff = await journey.pressUntil('s', 'Save the sign-up page');
		t.regex(diff, /moved\s+extension…_Favoritecolor: position 2 → 1/);
		t.notRegex(diff, /moved\s+email/);
		await journey.submit('y', /Saved the sign-up page/);
		t.deepEqual(
			tenant.requireFlow(created.id).attributeCollection?.views[0]?.inputs.map((input) => input.attribute),
			[seed.favoriteColor, 'email'],
		);
		await journey.pressUntil('Escape', /Label\s+Input/);
		await journey.pressUntil('Escape', 'Sections');

		// Move an app here from the flow it uses: the picker filters, then asks before moving.
		await journey.pressUntil('3', /No applications use this flow/);
		await journey.pressUntil('a', 'Link an application');
		await journey.pressUntil('/', /keep filter/);
		await journey.type('storefront');
		await journey.waitFor(/1 of \d+ · \/ filter/);
		await journey.pressUntil('Enter', /❯ Contoso Storefront · a442e488/);
		await journey.pressUntil('Enter', /already uses “Contoso customers sign-up and sign-in”/);
		await journey.pressUntil('y', /Moved Contoso Storefront/);
		t.deepEqual(tenant.requireFlow(created.id).appIds, [seed.apps.storefront]);
		t.false(tenant.requireFlow(seed.flows.customers.id).appIds.includes(seed.apps.storefront));
		await journey.pressUntil('Escape', 'Sections');

		// Turn sign-up off: an app uses the flow now, so it asks first.
		await journey.pressUntil('s', /can no longer sign up/);
		await journey.pressUntil('y', /Sign-up is now off/);
		t.false(tenant.requireFlow(created.id).isSignUpAllowed);

		// Rename it in place.
		await journey.pressUntil('g', /❯ Name/);
		await journey.pressUntil('e', /enter ok|ok · esc/);
		// The field opens with the name selected: typing replaces it; end keeps it and appends.
		await journey.press('End');
		await journey.type(' 2027');
		await journey.submit('Enter', /Renamed/);
		t.is(tenant.requireFlow(created.id).displayName, renamed);

		// Delete it by typing its name: its app is unlinked first and then has no user flow.
		await journey.pressUntil('d', /Delete the user flow “Spring sign-up 2027”\?/);
		await journey.type(renamed);
		await journey.submit('Enter', /Deleted/);
		t.is(tenant.findFlow(created.id), undefined);
		t.false(tenant.flows.some((flow) => flow.appIds.includes(seed.apps.storefront)));
	},
);
