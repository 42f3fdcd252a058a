import test from 'ava';
import { previewLines } from '../../source/store/index.js';
import { seed } from '../helpers/emulator.js';
import { renderApp } from '../helpers/ui-render.js';

// The layout editor's preview: the page as a customer sees it, from the draft, through the emulator's page model.

const { customers } = seed.flows;

test.serial(
	'v previews the draft (an edit not saved shows), with no request; esc goes back to the editor',
	async (t) => {
		const app = await renderApp(t, { rows: 40 });
		await app.waitFor('Events registration');
		await app.press('enter');
		await app.waitFor('Sections');
		await app.press('l');
		await app.waitFor(/7 inputs/);
		// Make the country input required in the draft only.
		for (let step = 0; step < 4; step++) await app.press('j');
		await app.press('r');
		await app.waitFor(/unsaved: 1 edit/);
		const requests = app.emulator.log.length;
		await app.press('v');
		const frame = await app.waitFor(/as a customer sees it/);
		t.regex(frame, /Country\/Region \*/);
		t.regex(frame, /\( \) (Red|Green|Blue)/);
		t.regex(frame, /\[ \] Send me the monthly newsletter/);
		t.regex(frame, /Sent but not shown \(hidden\): email|Email Address \*/);
		t.is(app.emulator.log.length, requests, 'the preview costs no request');
		t.falsy(
			(app.emulator.tenant.requireFlow(customers.id).attributeCollection?.views[0]?.inputs ?? []).find(
				(input: { attribute: string; required: boolean | null }) =>
					input.attribute === 'country' && input.required,
			),
			'nothing was saved',
		);
		await app.press('esc');
		await app.waitFor(/unsaved: 1 edit/);
		t.false(app.frame().includes('as a customer sees it'));
	},
);

const input = (attribute: string, fields: Record<string, unknown>) => ({
	attribute,
	label: attribute,
	inputType: 'text',
	required: false,
	hidden: false,
	editable: true,
	options: [],
	validationRegEx: null,
	dataType: 'string',
	defaultValue: null,
	writeToDirectory: true,
	...fields,
});

test('a page the service could not render is said so, as the emulated page does', (t) => {
	const lines = previewLines({
		inputs: [input('extension_x_Newsletter', { inputType: 'text', dataType: 'boolean' })],
	});
	t.regex(lines[0]?.text ?? '', /would never finish loading/);
	t.is(lines[0]?.tone, 'error');
	t.true(lines.some((line) => line.text.includes('extension_x_Newsletter')));
});

test('labels keep their links in sight; hidden and read-only inputs are marked; patterns are named', (t) => {
	const lines = previewLines({
		inputs: [
			input('terms', {
				inputType: 'boolean',
				dataType: 'boolean',
				label: 'I agree to the [terms](https://contoso.example/tos)',
				required: true,
			}),
			input('email', { hidden: true }),
			input('city', { editable: false }),
			input('postalCode', { validationRegEx: '^[0-9]{4}$' }),
		],
	}).map((line) => line.text);
	t.true(lines.includes('[ ] I agree to the terms ⟨https://contoso.example/tos⟩ *'));
	t.true(lines.includes('city (read-only)'));
	t.true(lines.includes('  must match ^[0-9]{4}$'));
	t.true(lines.includes('Sent but not shown (hidden): email'));
});
