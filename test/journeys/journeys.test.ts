import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import test from 'ava';
import { seed } from '../helpers/emulator.js';
import { type Journey, startJourney } from './harness.js';

// Each journey drives the built program in a real 80×24 terminal (tmux) and then checks the emulator's state.

async function signedIn(journey: Journey): Promise<void> {
	await journey.waitFor('Contoso customers sign-up and sign-in', 20_000);
	await journey.waitFor('Events registration');
}

/** Submits the verification page's form over HTTPS, trusting the emulator's CA. */
function postForm(url: URL, body: string, ca: Buffer): Promise<number> {
	return new Promise((resolve, reject) => {
		const sent = request(
			url,
			{ method: 'POST', ca, headers: { 'content-type': 'application/x-www-form-urlencoded' } },
			(response) => {
				response.resume();
				resolve(response.statusCode ?? 0);
			},
		);
		sent.on('error', reject);
		sent.end(body);
	});
}

function flow(journey: Journey, id: string) {
	const found = journey.emulator.graph.tenant.findFlow(id);
	if (!found) throw new Error(`flow ${id} is gone`);
	return found;
}

test.serial(
	'signs in with a device code read off the screen, opens a flow and adds an identity provider',
	async (t) => {
		const journey = await startJourney(t, { autoApprove: false, pollIntervalSeconds: 1 });
		const screen = await journey.waitFor(/enter this code[\s\S]*║\s+(\S ?)+\s+║/, 20_000);
		// Read the code off the screen and enter it on the verification page, as the person would in a browser.
		const userCode = /║\s+((?:\S ?)+?)\s+║/.exec(screen)?.[1]?.replaceAll(' ', '') ?? '';
		t.regex(userCode, /^[A-Z0-9]{6,}$/);
		const status = await postForm(
			new URL('/devicelogin', journey.emulator.info.origin),
			new URLSearchParams({ otc: userCode, action: 'approve' }).toString(),
			readFileSync(journey.emulator.info.caFile ?? ''),
		);
		t.is(status, 200);
		await signedIn(journey);
		await journey.pressUntil('Enter', 'Shoppers on the web shop');
		await journey.pressUntil('1', 'Google');
		await journey.pressUntil('a', 'Add an identity provider');
		await journey.submit('Enter', /Added/);
		t.deepEqual(flow(journey, seed.flows.customers.id).providerIds.sort(), [
			'EmailOtpSignup-OAUTH',
			'EmailPassword-OAUTH',
			'Facebook-OAUTH',
			'Google-OAUTH',
		]);
	},
);

test.serial('removes an attribute after confirming with y', async (t) => {
	const journey = await startJourney(t);
	await signedIn(journey);
	await journey.moveCursorTo('j', /❯ Partner portal/);
	await journey.moveCursorTo('j', /❯ Support desk/);
	await journey.pressUntil('Enter', 'f6adce06-f6c8-4b3f-b1fe-7f7d6fda2b30');
	await journey.pressUntil('2', 'jobTitle');
	await journey.moveCursorTo('j', /❯.*displayName/i);
	await journey.moveCursorTo('j', /❯.*city/i);
	await journey.pressUntil('d', /Stop collecting City/);
	await journey.submit('y', /Removed/);
	t.deepEqual(flow(journey, seed.flows.support.id).attributeCollection?.attributeIds, [
		'email',
		'displayName',
		'jobTitle',
	]);
});

test.serial(
	'links an application from the picker, which marks apps that belong to another flow',
	async (t) => {
		const journey = await startJourney(t);
		await signedIn(journey);
		await journey.pressUntil('G', /❯ Events registration/);
		await journey.pressUntil('Enter', 'Attendees register');
		await journey.pressUntil('3', /No applications|Applications of/i);
		const picker = await journey.pressUntil('a', 'Contoso Loyalty API');
		t.regex(picker, /Contoso Storefront.*already in/);
		await journey.moveCursorTo('Down', /❯ .*Contoso Loyalty API/, 10);
		await journey.submit('Enter', /Linked/);
		t.deepEqual(flow(journey, seed.flows.events.id).appIds, [seed.apps.loyaltyApi]);
	},
);

test.serial('creates a user flow from the form, then deletes it by typing its name', async (t) => {
	const journey = await startJourney(t);
	await signedIn(journey);
	// The form offers email with password once the tenant's providers have loaded.
	await journey.pressUntil('n', /Providers\s+Email with password/);
	await journey.type('Journey flow');
	await journey.submit('C-s', /Created user flow/);
	const created = journey.emulator.graph.tenant.flowNamed('Journey flow');
	t.deepEqual(created?.providerIds, ['EmailPassword-OAUTH']);
	// The dialog's own title: the detail screen behind it also shows the name.
	await journey.pressUntil('d', /Delete the user flow “Journey flow”\?/);
	await journey.type('Journey flow');
	await journey.submit('Enter', /Deleted/);
	t.is(journey.emulator.graph.tenant.flowNamed('Journey flow'), undefined);
});

test.serial('removing the last identity provider is refused before any request', async (t) => {
	const journey = await startJourney(t);
	await signedIn(journey);
	await journey.moveCursorTo('j', /❯ Partner portal/);
	await journey.pressUntil('Enter', 'Partners are invited');
	await journey.pressUntil('1', 'Email with password');
	journey.emulator.graph.clearLog();
	await journey.pressUntil('d', /at least one|only identity provider|last/i);
	t.false(journey.emulator.graph.log.some((entry) => entry.method === 'DELETE'));
	t.deepEqual(flow(journey, seed.flows.partners.id).providerIds, ['EmailPassword-OAUTH']);
});

test.serial('with nothing configured, the start screen leads a newcomer into the demo tenant', async (t) => {
	const journey = await startJourney(t, { bare: true });
	await journey.waitFor('Built-in demo tenant');
	await journey.pressUntil('Enter', /enter this code|Contoso customers sign-up and sign-in/);
	await journey.waitFor('Contoso customers sign-up and sign-in', 20_000);
	await journey.pressUntil('q', /^\s*$/);
	t.pass();
});

test.serial(
	'reorders the sign-up page layout and makes an input required, after confirming the diff',
	async (t) => {
		const journey = await startJourney(t);
		await signedIn(journey);
		await journey.pressUntil('Enter', 'Shoppers on the web shop');
		await journey.pressUntil('2', 'Favorite color');
		await journey.pressUntil('l', /7 inputs · no unsaved changes/);
		await journey.moveCursorTo('j', /❯\s+2\s+Display Name/);
		await journey.pressUntil('J', /❯\s+3\s+Display Name/);
		await journey.moveCursorTo('j', /❯\s+4\s+Surname/);
		await journey.moveCursorTo('j', /❯\s+5\s+Country\/Region/);
		await journey.pressUntil('r', /❯\s+5\s+Country\/Region\s+country\s+text\s+yes/);
		const diff = await journey.pressUntil('s', 'Save the sign-up page');
		t.regex(diff, /changed\s+country required: false → true/);
		await journey.submit('y', /Saved the sign-up page/);
		const inputs = flow(journey, seed.flows.customers.id).attributeCollection?.views[0]?.inputs ?? [];
		t.deepEqual(
			inputs.map((input) => input.attribute),
			[
				'email',
				'givenName',
				'displayName',
				'surname',
				'country',
				seed.favoriteColor,
				'extension_6ea3bc85aec24b1c92ff4a117afb6621_Newsletter',
			],
		);
		t.true(inputs.find((input) => input.attribute === 'country')?.required);
		t.is(journey.emulator.graph.log.filter((entry) => entry.method === 'PATCH').length, 1, 'one PATCH');
	},
);
