import test from 'ava';
import type { SavedExtension } from '../../source/operations/extensions.js';
import { checkExtensionForm, extensionForm } from '../../source/store/extension-form.js';
import { reducer } from '../../source/store/reducer.js';
import { initialState } from '../../source/store/state.js';
import { extensionRows, validationLines } from '../../source/store/tenant-list-views.js';

// The extension form's rules and the tenant lists' rows, without a terminal.

const appId = 'a442e488-8827-43b0-af92-3894fc6abef4';
const saved: SavedExtension = {
	'@odata.type': '#microsoft.graph.onAttributeCollectionSubmitCustomExtension',
	id: 'e1',
	displayName: 'Check',
	endpointConfiguration: { targetUrl: 'https://api.contoso.example/check' },
	authenticationConfiguration: { resourceId: `api://api.contoso.example/${appId}` },
	clientConfiguration: { timeoutInMilliseconds: 2000, maximumRetries: 1 },
};

test('a new form with nothing typed names the three fields the service needs', (t) => {
	const { errors, changes } = checkExtensionForm(extensionForm());
	t.deepEqual(Object.keys(errors).sort(), ['name', 'resourceId', 'targetUrl']);
	t.regex(errors.targetUrl ?? '', /Give the https URL/);
	t.is(changes.timeoutInMilliseconds, null, 'an empty timeout is the service default');
});

test('changing an extension sends only the fields that differ from what the form opened with', (t) => {
	const form = extensionForm(saved);
	t.is(form.event, 'submit');
	const edited = { ...form, values: { ...form.values, timeout: '1500', description: 'Refuses digits' } };
	const { errors, changes, warnings } = checkExtensionForm(edited, saved);
	t.deepEqual(errors, {});
	t.deepEqual(warnings, []);
	t.deepEqual(changes, { timeoutInMilliseconds: 1500, description: 'Refuses digits' });
});

test('each wrong field gets its own error, and a resource id on another host a warning', (t) => {
	const form = extensionForm(saved);
	const { errors } = checkExtensionForm(
		{ ...form, values: { ...form.values, timeout: 'soon', retries: '2', targetUrl: 'ftp://x' } },
		saved,
	);
	t.regex(errors.timeout ?? '', /"soon" is not a whole number of milliseconds/);
	t.regex(errors.retries ?? '', /Retries must be 0 or 1, not 2/);
	t.regex(errors.targetUrl ?? '', /must use https/);
	const moved = checkExtensionForm(
		{ ...form, values: { ...form.values, targetUrl: 'https://other.contoso.example/check' } },
		saved,
	);
	t.regex(moved.warnings[0] ?? '', /DomainNameDoesNotMatch/);
});

test('a refused save puts the cursor on the first field in the wrong; typing there clears only its error', (t) => {
	const open = reducer(initialState(true), { type: 'overlay/opened', overlay: extensionForm() });
	const refused = reducer(open, {
		type: 'tenantForm/rejected',
		errors: { retries: 'Retries must be 0 or 1, not 3.', targetUrl: 'Give the https URL.' },
	});
	t.like(refused.overlay, { kind: 'extensionForm', focus: 'targetUrl', saving: false });
	const typed = reducer(refused, { type: 'tenantForm/textChanged', text: 'https://a.example' });
	t.like(typed.overlay, {
		values: { targetUrl: 'https://a.example' },
		errors: { retries: 'Retries must be 0 or 1, not 3.' },
	});
	t.false(typed.overlay?.kind === 'extensionForm' && 'targetUrl' in typed.overlay.errors);
});

test('a validation reads as lines: errors red, warnings yellow, each with its code, sanitized', (t) => {
	const lines = validationLines('Check', {
		failed: true,
		errors: [{ code: 'DomainNameDoesNotMatch', message: 'hosts \u001B[2Jdiffer' }],
		warnings: [{ code: 'PermissionNotGrantedToServicePrincipal', message: 'grant it' }],
	});
	t.deepEqual(
		lines.map((line) => line.tone),
		['error', 'error', 'warning'],
	);
	t.is(lines[0]?.text, 'Check: validation failed (1 error(s), 1 warning(s))');
	t.regex(lines[1]?.text ?? '', /^error DomainNameDoesNotMatch: hosts .*differ$/);
	t.false(lines.some((line) => line.text.includes('\u001B')));
	t.is(validationLines('Check', { failed: false, errors: [], warnings: [] })[0]?.tone, 'success');
});

test('extension rows name the flows that run each, and mark the kinds this tool does not change', (t) => {
	const [row, other] = extensionRows([
		{
			extension: saved,
			writable: true,
			flows: [{ flow: { id: 'f', displayName: 'Shop\u0007' }, events: ['submit'] }],
		},
		{
			extension: {
				...saved,
				id: 'e2',
				'@odata.type': '#microsoft.graph.onTokenIssuanceStartCustomExtension',
			},
			writable: false,
			flows: [],
		},
	]);
	t.is(row?.usedBy, '“Shop” (submit)');
	t.is(row?.timeout, '2000 ms');
	t.is(other?.kind, 'token issuance start (read-only)');
	t.is(other?.usedBy, 'no flow');
});
