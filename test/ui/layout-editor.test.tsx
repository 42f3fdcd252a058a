import test from 'ava';
import { staticTokenProvider } from '../../source/auth/token-provider.js';
import { fakeJwt, readOnlyScopes } from '../graph/fake-jwt.js';
import { seed } from '../helpers/emulator.js';
import { type RenderAppOptions, type RenderedApp, renderApp } from '../helpers/ui-render.js';

const { customers } = seed.flows;
const flowPath = `/v1.0/identity/authenticationEventsFlows/${customers.id}`;

type Input = { attribute: string; label: string; required: boolean | null };

/** Opens the customers flow's layout editor the way a person does: enter, 2 (attributes), l. */
async function openEditor(t: Parameters<typeof renderApp>[0], options: RenderAppOptions = {}) {
	const app = await renderApp(t, options);
	await app.waitFor('Events registration');
	await app.press('enter');
	await app.waitFor('Sections');
	await app.press('2');
	await app.waitFor('Favorite color');
	const requests = app.emulator.log.length;
	await app.press('l');
	await app.waitFor('Sign-up page');
	await app.waitFor(/7 inputs/);
	return { app, requests };
}

function storedInputs(app: RenderedApp): Input[] {
	return (app.emulator.tenant.requireFlow(customers.id).attributeCollection?.views[0]?.inputs ??
		[]) as Input[];
}

function patches(app: RenderedApp) {
	return app.emulator.log.filter((entry) => entry.method === 'PATCH');
}

test.serial(
	'opens from the attributes screen with no request, fits 80 columns, back costs none',
	async (t) => {
		const { app, requests } = await openEditor(t);
		const frame = app.frame();
		t.is(app.emulator.log.length, requests, 'the flow the attributes screen read is reused');
		t.regex(frame, /User flows › .* › Sign-up page/);
		t.regex(frame, /❯\s+1\s+Email Address\s+email\s+text\s+yes\s+yes\s+no/);
		t.regex(frame, /6\s+Favorite color\s+extension…_Fav\S*\s+radio\s+no\s+no\s+yes\s+3 blue/);
		t.regex(frame, /Attribute\s+email \(string\)/);
		for (const line of frame.split('\n')) t.true([...line].length <= 80, line);
		await app.press('esc');
		await app.waitFor((current) => !current.includes('Sign-up page'));
		t.is(app.emulator.log.length, requests, 'going back costs nothing');
	},
);

test.serial('shows the selected input in full: options as label=value and the pattern', async (t) => {
	const { app } = await openEditor(t);
	for (let step = 0; step < 5; step++) await app.press('j');
	const frame = await app.waitFor(/── 6\. Favorite color/);
	t.regex(frame, /Attribute\s+extension_6ea3bc85aec24b1c92ff4a117afb6621_Favoritecolor \(string\)/);
	t.regex(frame, /Options\s+Blue=blue, Green=green, Red=red/);
	t.regex(frame, /Pattern\s+\^\.\*/);
	t.regex(frame, /Input\s+radioSingleSelect/);
});

test.serial(
	'move, require and relabel, then save: one PATCH carries every input in the new order',
	async (t) => {
		const { app } = await openEditor(t);
		const before = storedInputs(app).map((input) => input.attribute);
		await app.press('j');
		await app.press('J');
		await app.waitFor(/❯\s+3\s+Display Name/);
		await app.press('j');
		await app.press('j');
		await app.press('r');
		await app.waitFor(/❯\s+5\s+Country\/Region\s+country\s+text\s+yes/);
		await app.press('enter');
		// The label opens all selected; end keeps it and puts the cursor after it.
		await app.press('end');
		for (let step = 0; step < '/Region'.length; step++) await app.press('backspace');
		await app.type(' of residence');
		await app.press('enter');
		let frame = await app.waitFor(/── 5\. Country of residence/);
		t.regex(frame, /unsaved: 3 edits/);
		const log = app.emulator.log.length;
		await app.press('s');
		frame = await app.waitFor('Save the sign-up page');
		t.regex(frame, /changed\s+country required: false → true/);
		t.regex(frame, /changed\s+country label: "Country\/Region" → "Country of residence"/);
		t.regex(frame, /moved\s+/);
		t.false(frame.includes('!!!'));
		t.deepEqual(
			app.emulator.log.slice(log).map((entry) => `${entry.method} ${entry.path}`),
			[`GET ${flowPath}`],
			'the save re-reads the page first, and sends nothing before y',
		);
		await app.press('y');
		frame = await app.waitFor('Saved the sign-up page');
		t.regex(frame, /no unsaved changes/);
		t.regex(frame, /❯\s+5\s+Country of reside/, 'the selection stays on the input it was on');
		const sent = patches(app);
		t.is(sent.length, 1);
		const body = sent[0]?.body as {
			onAttributeCollection: { attributeCollectionPage: { views: { inputs: Input[] }[] } };
		};
		const inputs = body.onAttributeCollection.attributeCollectionPage.views[0]?.inputs ?? [];
		const expected = [before[0], before[2], before[1], ...before.slice(3)];
		t.deepEqual(
			inputs.map((input) => input.attribute),
			expected,
			'every input is present, in the new order',
		);
		t.deepEqual(
			storedInputs(app).map((input) => input.attribute),
			expected,
		);
		const country = storedInputs(app).find((input) => input.attribute === 'country');
		t.is(country?.label, 'Country of residence');
		t.true(country?.required);
		t.deepEqual(
			inputs,
			storedInputs(app) as unknown as Input[],
			'the PATCH carried the whole array the emulator stored',
		);
	},
);

test.serial('a problem shows on its input and save is refused with the reason', async (t) => {
	const { app } = await openEditor(t);
	for (let step = 0; step < 5; step++) await app.press('j');
	await app.press('o');
	await app.waitFor('Options of 6. Favorite color');
	for (let step = 0; step < 3; step++) await app.press('d');
	let frame = await app.waitFor('No choices yet');
	t.regex(frame, /✗ options: radioSingleSelect needs at least one option/);
	await app.press('esc');
	frame = await app.waitFor(/❯!\s+6\s+Favorite color/);
	t.regex(frame, /1 problem: save refused/);
	t.regex(frame, /✗ options: radioSingleSelect needs at least one option/);
	const log = app.emulator.log.length;
	await app.press('s');
	frame = await app.waitFor(/Not saved: fix this problem first/);
	t.regex(
		frame.replace(/\s+/g, ' '),
		/6\. extension…_Favoritecolor \(options\): radioSingleSelect needs at least one option/,
	);
	t.false(frame.includes('Save the sign-up page'));
	t.is(app.emulator.log.length, log, 'nothing is sent, not even the re-read');
	await app.press('esc');
	await app.press('u');
	frame = await app.waitFor(/6\s+Favorite color.*1 red/);
	t.false(frame.includes('save refused'));
});

test.serial('the options editor adds, edits and moves choices', async (t) => {
	const { app } = await openEditor(t);
	for (let step = 0; step < 5; step++) await app.press('j');
	await app.press('o');
	await app.waitFor('Options of 6. Favorite color');
	await app.press('a');
	await app.type('Purple');
	await app.press('enter');
	let frame = await app.waitFor(/value ›\s*Purple/);
	for (let step = 0; step < 'Purple'.length; step++) await app.press('backspace');
	await app.type('purple');
	await app.press('enter');
	frame = await app.waitFor(/❯\s*4\.\s+Purple = purple/);
	await app.press('K');
	frame = await app.waitFor(/❯\s*3\.\s+Purple = purple/);
	t.regex(frame, /4\.\s+Red = red/);
	await app.press('esc');
	frame = await app.waitFor(/Options\s+Blue=blue, Green=green, Purple=purple, Red=red/);
	t.regex(frame, /4 blue/);
});

test.serial('a change made on the server meanwhile is shown, and overwritten only when chosen', async (t) => {
	const { app } = await openEditor(t);
	for (let step = 0; step < 4; step++) await app.press('j');
	await app.press('r');
	await app.waitFor(/unsaved: 1 edit/);
	const surname = storedInputs(app).find((input) => input.attribute === 'surname');
	if (!surname) return t.fail('seed changed');
	surname.label = 'Family name';
	app.emulator.tenant.touch();
	await app.press('s');
	let frame = await app.waitFor('changed on the server since you began');
	t.regex(frame, /surname label: "Surname" → "Family name"/);
	t.regex(frame, /country required: false → true/);
	await app.press('esc');
	frame = await app.waitFor((current) => !current.includes('changed on the server since you began'));
	t.regex(frame, /unsaved: 1 edit/, 'keep editing keeps the draft');
	t.is(patches(app).length, 0);
	t.is(surname.label, 'Family name');
	await app.press('s');
	await app.waitFor('changed on the server since you began');
	await app.press('o');
	await app.waitFor('Saved the sign-up page');
	t.is(patches(app).length, 1);
	const stored = storedInputs(app);
	t.is(stored.find((input) => input.attribute === 'surname')?.label, 'Surname', 'overwritten, as chosen');
	t.true(stored.find((input) => input.attribute === 'country')?.required ?? false);
});

test.serial('discard mine loads the page as the server has it', async (t) => {
	const { app } = await openEditor(t);
	await app.press('j');
	await app.press('r');
	await app.waitFor(/unsaved: 1 edit/);
	const surname = storedInputs(app).find((input) => input.attribute === 'surname');
	if (!surname) return t.fail('seed changed');
	surname.label = 'Family name';
	app.emulator.tenant.touch();
	await app.press('s');
	await app.waitFor('changed on the server since you began');
	await app.press('d');
	const frame = await app.waitFor(/4\s+Family name/);
	t.regex(frame, /no unsaved changes/);
	t.is(patches(app).length, 0);
});

test.serial('an unsaved draft survives leaving and coming back; leaving asks first', async (t) => {
	const { app } = await openEditor(t);
	await app.press('T');
	await app.press('G');
	await app.press('T');
	let frame = await app.waitFor(/❯\s+1\s+Send me the month/);
	await app.press('esc');
	frame = await app.waitFor('Discard unsaved layout changes?');
	await app.press('n');
	frame = await app.waitFor((current) => !current.includes('Discard unsaved'));
	t.regex(frame, /❯\s+1\s+Send me the month/, 'n stays in the editor');
	await app.press('esc');
	await app.waitFor('Discard unsaved layout changes?');
	await app.press('k');
	frame = await app.waitFor((current) => !current.includes('Sign-up page'));
	t.regex(frame, /Attributes/);
	const requests = app.emulator.log.length;
	await app.press('l');
	frame = await app.waitFor(/❯\s+1\s+Send me the month/);
	t.regex(frame, /unsaved: 1 edit/);
	t.is(app.emulator.log.length, requests, 'coming back costs no request');
	await app.press('esc');
	await app.waitFor('Discard unsaved layout changes?');
	await app.press('y');
	await app.waitFor((current) => !current.includes('Sign-up page'));
	await app.press('l');
	frame = await app.waitFor(/❯\s+1\s+Email Address/);
	t.regex(frame, /no unsaved changes/);
	t.is(patches(app).length, 0);
});

test.serial('quitting with an unsaved layout asks first', async (t) => {
	const { app } = await openEditor(t);
	await app.press('r');
	await app.waitFor(/unsaved: 1 edit/);
	await app.press('q');
	const frame = await app.waitFor('Are you sure?');
	t.regex(frame, /sign-up page layout has unsaved changes/);
	await app.press('n');
	await app.waitFor((current) => !current.includes('Are you sure?'));
	t.true(app.listening());
});

test.serial('without EventListener.ReadWrite.All the save says which permission is missing', async (t) => {
	const { app } = await openEditor(t, {
		tokenProvider: staticTokenProvider(fakeJwt({ scp: readOnlyScopes, tid: 't' })),
	});
	await app.press('j');
	await app.press('r');
	const requests = app.emulator.log.length;
	await app.press('s');
	// Refused at `s`, before the re-read and the diff: nothing is sent at all.
	const frame = await app.waitFor(/MissingPermission/);
	t.regex(frame.replace(/\s+/g, ' '), /needs EventListener\.ReadWrite\.All/);
	t.regex(frame.replace(/\s+/g, ' '), /Not saved; your draft is kept \(nothing was sent\)/);
	t.is(app.emulator.log.length, requests);
	t.false(frame.includes('Save the sign-up page'));
	t.regex(frame, /unsaved: 1 edit/);
});

test.serial('ctrl+r reads the page again, but not over unsaved changes', async (t) => {
	const { app } = await openEditor(t);
	const surname = storedInputs(app).find((input) => input.attribute === 'surname');
	if (!surname) return t.fail('seed changed');
	surname.label = 'Family name';
	app.emulator.tenant.touch();
	let requests = app.emulator.log.length;
	await app.press('ctrl+r');
	await app.waitFor(/4\s+Family name/);
	t.is(app.emulator.log.length, requests + 1, 'one GET');
	await app.press('r');
	await app.waitFor(/unsaved: 1 edit/);
	requests = app.emulator.log.length;
	await app.press('ctrl+r');
	const frame = await app.waitFor(/There are unsaved changes/);
	t.regex(frame, /unsaved: 1 edit/);
	t.is(app.emulator.log.length, requests);
});

test.serial(
	'o re-reads first: a second server change brings the dialog back; the next o sends the draft',
	async (t) => {
		const { app } = await openEditor(t);
		for (let step = 0; step < 4; step++) await app.press('j');
		await app.press('r');
		await app.waitFor(/unsaved: 1 edit/);
		const relabel = (attribute: string, label: string) => {
			const input = storedInputs(app).find((candidate) => candidate.attribute === attribute);
			if (input) input.label = label;
			app.emulator.tenant.touch();
		};
		relabel('surname', 'Family name');
		await app.press('s');
		let frame = await app.waitFor('changed on the server since you began');
		t.regex(frame, /surname label: "Surname" → "Family name"/);
		// Someone changes the page again while the dialog is open.
		relabel('givenName', 'First name');
		const log = app.emulator.log.length;
		await app.press('o');
		frame = await app.waitFor(/givenName label: "Given Name" → "First name"/);
		t.regex(frame, /changed on the server since you began/);
		t.deepEqual(
			app.emulator.log.slice(log).map((entry) => `${entry.method} ${entry.path}`),
			[`GET ${flowPath}`],
			'read again; no PATCH over a change the dialog did not show',
		);
		t.is(patches(app).length, 0);
		await app.press('o');
		await app.waitFor('Saved the sign-up page');
		const sent = patches(app);
		t.is(sent.length, 1);
		const body = sent[0]?.body as {
			onAttributeCollection: { attributeCollectionPage: { views: { inputs: Input[] }[] } };
		};
		const inputs = body.onAttributeCollection.attributeCollectionPage.views[0]?.inputs ?? [];
		t.true(inputs.find((input) => input.attribute === 'country')?.required ?? false, 'the draft’s edit');
		t.is(
			inputs.find((input) => input.attribute === 'givenName')?.label,
			'Given Name',
			'overwritten, as chosen',
		);
	},
);

test.serial('the "fix this problem first" warning goes once u fixes the problem', async (t) => {
	const { app } = await openEditor(t);
	await app.press('j');
	await app.press('enter');
	for (let step = 0; step < 'Display Name'.length; step++) await app.press('backspace');
	await app.press('enter');
	await app.waitFor(/1 problem: save refused/);
	await app.press('s');
	let frame = await app.waitFor(/Not saved: fix this problem first/);
	await app.press('u');
	frame = await app.waitFor(/2\s+Display Name/);
	t.false(frame.includes('Not saved: fix'), frame);
	t.false(frame.includes('save refused'));
});

test.serial('a kept draft shown after its flow lost an attribute drops that input and says so', async (t) => {
	const { app } = await openEditor(t);
	await app.press('T');
	await app.press('G');
	await app.press('T');
	await app.waitFor(/❯\s+1\s+Send me the month/);
	await app.press('esc');
	await app.waitFor('Discard unsaved layout changes?');
	await app.press('k');
	let frame = await app.waitFor(/Country\/Region/);
	for (let step = 0; step < 4; step++) await app.press('j');
	await app.waitFor(/❯\s+Country\/Region/);
	await app.press('d');
	await app.waitFor('Are you sure?');
	await app.press('y');
	await app.waitFor(/Removed Country\/Region/);
	await app.press('l');
	frame = await app.waitFor(/country is no longer collected by this flow; dropped from your draft/);
	t.regex(frame, /6 inputs/);
	t.regex(frame, /❯\s+1\s+Send me the month/, 'the other edits stay');
	t.false(/\bcountry\b/.test(frame.split('\n').slice(0, -3).join('\n')), 'no country row');
});

test.serial(
	'the save dialog names the input that was moved and wraps long changes so all of it is read before y',
	async (t) => {
		const { app } = await openEditor(t);
		const [, second, third] = storedInputs(app).map((input) => input.attribute);
		await app.press('j');
		await app.press('j');
		await app.press('K');
		await app.waitFor(/❯\s+2\s/);
		await app.press('j');
		await app.press('j');
		await app.press('j');
		await app.press('enter');
		const label = 'Country or region where you have lived for most of the last five years';
		for (let step = 0; step < 'Country/Region'.length; step++) await app.press('backspace');
		await app.type(label);
		await app.press('enter');
		await app.waitFor(/unsaved: 2 edits/);
		await app.press('s');
		const frame = await app.waitFor('Save the sign-up page');
		t.regex(frame, new RegExp(`moved\\s+${third}: position 3 → 2`), frame);
		t.false(frame.includes(`moved    ${second}`), 'the neighbour that made room is not called moved');
		const dialog = frame
			.split('\n')
			.map((line) =>
				line
					.replace(/^\s*│\s?/, '')
					.replace(/\s*│\s*$/, '')
					.trim(),
			)
			.join(' ');
		t.true(dialog.includes(`→ "${label}"`), dialog);
		for (const line of frame.split('\n')) t.false(line.includes('…\u0020│'), `cut: ${line}`);
	},
);

test.serial(
	'a failed ctrl+r keeps the page on screen, marked stale, the error in the status line; esc still works',
	async (t) => {
		const { app } = await openEditor(t);
		app.emulator.setFaults('F-S4:status=500:method=GET');
		await app.press('ctrl+r');
		let frame = await app.waitFor(/stale: reading the page again failed/);
		t.regex(frame, /1\s+Email Address/, 'the rows stay');
		t.regex(frame, /✗ Loading the user flow failed/);
		await app.press('esc');
		frame = await app.waitFor((now) => !now.includes('✗'));
		t.regex(frame, /Sign-up page/, 'the first esc dismisses the error');
		app.emulator.setFaults('');
		await app.press('ctrl+r');
		frame = await app.waitFor((now) => !now.includes('stale'));
		t.regex(frame, /1\s+Email Address/);
		await app.press('esc');
		await app.waitFor((now) => !now.includes('Sign-up page'));
		t.pass();
	},
);

test.serial('a kept layout draft is marked on the detail and on the flows list', async (t) => {
	const { app } = await openEditor(t);
	await app.press('T');
	await app.press('G');
	await app.press('T');
	await app.waitFor(/unsaved: 1 edit/);
	await app.press('esc');
	await app.waitFor('Discard unsaved layout changes?');
	await app.press('k');
	await app.waitFor((current) => !current.includes('Sign-up page'));
	await app.press('esc');
	let frame = await app.waitFor('Sections');
	t.regex(frame, /Sign-up page\s+✎ unsaved edits kept in a draft \(l opens them\)/);
	await app.press('esc');
	frame = await app.waitFor('Events registration');
	const rows = frame.split('\n');
	t.regex(rows.find((row) => row.includes('Contoso customers')) ?? '', /✎ draft/);
	t.notRegex(rows.find((row) => row.includes('Events registration')) ?? '', /✎ draft/);
	t.true(rows.every((row) => [...row].length <= 80));
});

test.serial(
	'on a wide terminal the layout table gives label and attribute room, not only the pattern',
	async (t) => {
		const { app } = await openEditor(t, { columns: 140, rows: 30 });
		const frame = await app.waitFor(/7\s+Send me the monthly newsletter\s+extension…_Newsletter\s/);
		t.regex(frame, /6\s+Favorite color\s+extension…_Favoritecolor\s+radio/);
	},
);
