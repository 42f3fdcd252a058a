import test from 'ava';
import { toAzRest, toCurl, toPowerShell } from '../../source/inspect/equivalents.js';
import { createRequestRecorder, type RequestRecorder } from '../../source/inspect/recorder.js';
import { seed } from '../helpers/emulator.js';
import { type RenderAppOptions, renderApp } from '../helpers/ui-render.js';
import { fakeSession } from '../helpers/ui-session.js';

const ctrlG = '\u0007';
const token = 'SECRET-access-token-0123456789';

/** Renders the app with a recorder fed from the client's onExchange, as app-deps.ts wires it. */
async function renderRecorded(
	t: Parameters<typeof renderApp>[0],
	options: RenderAppOptions & { recorder?: RequestRecorder } = {},
) {
	const recorder = options.recorder ?? createRequestRecorder({ limit: 5000 });
	const app = await renderApp(t, {
		tokenProvider: { getToken: async () => token },
		...options,
		graph: { onExchange: recorder.record, ...options.graph },
		deps: { requests: recorder, ...options.deps },
	});
	return { app, recorder };
}

/** Everything a copy key wrote: the text inside each OSC 52 sequence, decoded. */
function copied(writes: readonly string[]): string[] {
	return [...writes.join('').matchAll(/\u001B\]52;c;([A-Za-z0-9+/=]*)\u0007/g)].map((match) =>
		Buffer.from(match[1] ?? '', 'base64').toString('utf8'),
	);
}

test.serial(
	'the inspector lists a UI journey’s calls exactly as the emulator logged them, and never a token',
	async (t) => {
		const { app, recorder } = await renderRecorded(t);
		// Open the flows, open "Partner portal", add Google to it.
		await app.waitFor('Events registration');
		await app.press('j');
		await app.press('enter');
		await app.waitFor('Sections');
		await app.press('1');
		await app.waitFor('Email with password');
		await app.press('a');
		await app.waitFor('Add an identity provider');
		await app.press('down');
		await app.press('enter');
		await app.waitFor(/Added Google to/);

		const recorded = recorder.entries().map((entry) => {
			const url = new URL(entry.url);
			return `${entry.method} ${url.pathname}${url.search} ${entry.status} ${entry.requestId}`;
		});
		const logged = app.emulator.log.map(
			(entry) => `${entry.method} ${entry.path} ${entry.status} ${entry.requestId}`,
		);
		t.deepEqual(recorded, logged);
		t.true(
			recorded.some((line) =>
				line.startsWith(`POST /v1.0/identity/authenticationEventsFlows/${seed.flows.partners.id}/`),
			),
		);

		const log = app.emulator.log.length;
		await app.press(ctrlG);
		const frame = await app.waitFor('newest last');
		t.regex(frame.split('\n')[0] ?? '', /providers › Requests$/);
		t.regex(frame, /#\s+Time\s+Method\s+Path\s+Status\s+ms\s+Try\s+Req-id/);
		const newest = recorder.entries().at(-1)!;
		t.regex(
			frame,
			new RegExp(`❯ ${newest.seq}\\s+\\d\\d:\\d\\d:\\d\\d\\s+GET`),
			'the cursor starts on the newest',
		);
		t.true(frame.includes(newest.requestId!.slice(0, 8)));
		t.true(frame.includes(`${recorder.entries().length}/${recorder.entries().length} · newest last`));
		t.regex(frame, /POST\s+.*identityProviders\/\$ref\s+204/);

		const stored = JSON.stringify(recorder.entries());
		const frames = app.writes().join('\n');
		for (const text of [stored, frames]) {
			t.false(text.includes(token), 'the access token never shows');
			t.false(/authorization/i.test(text), 'no authorization header');
			t.false(/bearer/i.test(text), 'no bearer value');
		}
		// The add itself, one row up (the flow read again after it is the newest): its JSON body is shown pretty-printed.
		await app.press('k');
		await app.press('enter');
		t.regex(await app.waitFor('POST 204'), /POST 204 · \d+ ms · attempt 1/);
		await app.press('G');
		const detail = await app.waitFor('Request body');
		t.regex(detail, /Request body\n\s+\{\n\s+"@odata\.id": "http/);
		t.is(app.emulator.log.length, log, 'opening the inspector costs no request');
	},
);

test.serial(
	'enter shows one request in full; c, a and p copy curl, az rest and PowerShell with OSC 52; esc goes back',
	async (t) => {
		// The newest request may be a flow's extension read, whose long path wraps curl over more lines.
		const { app, recorder } = await renderRecorded(t, { rows: 40 });
		await app.waitFor('Events registration');
		await app.press('enter');
		await app.waitFor('Sections');
		await app.press(ctrlG);
		await app.waitFor('newest last');
		const log = app.emulator.log.length;
		await app.press('enter');
		const entry = recorder.entries().at(-1)!;
		let frame = await app.waitFor('curl (the token stays $TOKEN)');
		t.regex(frame, /Requests › #\d+/);
		t.regex(frame, /GET 200 · \d+ ms · attempt 1/);
		t.true(frame.includes(`request-id         ${entry.requestId}`));
		t.true(frame.includes(`client-request-id  ${entry.clientRequestId}`));
		t.true(frame.replace(/\n {3}/g, '').includes(`curl '${entry.url.slice(0, 40)}`));
		t.true(frame.includes('az rest'));
		t.true(frame.includes('Invoke-MgGraphRequest'));
		t.regex(frame, /c copy curl · a copy az rest · p copy pwsh · q quit · esc back/);

		await app.press('c');
		frame = await app.waitFor('Sent the curl command');
		t.regex(frame.replace(/\s+/g, ' '), /The token is a \$TOKEN placeholder/);
		t.deepEqual(copied(app.writes()), [toCurl(entry)]);
		t.true(toCurl(entry).includes('"Authorization: Bearer $TOKEN"'));
		await app.press('a');
		await app.waitFor('Sent the az rest command');
		await app.press('p');
		await app.waitFor('Sent the PowerShell command');
		t.deepEqual(copied(app.writes()), [toCurl(entry), toAzRest(entry), toPowerShell(entry)]);
		t.false(app.writes().join('').includes(token));

		await app.press('esc');
		frame = await app.waitFor('newest last');
		t.false(frame.includes('curl (the token'));
		await app.press('esc');
		frame = await app.waitFor('Sections');
		t.is(app.emulator.log.length, log, 'the inspector and going back cost no request');
		t.false(frame.includes('Requests'));
	},
);

test.serial(
	'a long response body scrolls with ↓ and pgdn; ctrl+g closes the inspector from the detail',
	async (t) => {
		const { app } = await renderRecorded(t);
		await app.waitFor('Events registration');
		await app.press(ctrlG);
		await app.waitFor('newest last');
		await app.press('enter');
		let frame = await app.waitFor('lines 1–');
		const total = Number(/lines 1–\d+ of (\d+)/.exec(frame)?.[1]);
		t.true(total > 40, 'the flows list response is long');
		await app.press('pgdn');
		frame = await app.waitFor(/lines \d+–\d+ of/);
		const first = Number(/lines (\d+)–/.exec(frame)?.[1]);
		t.true(first > 1);
		await app.press('down');
		frame = await app.waitFor(`lines ${first + 1}–`);
		await app.press('G');
		frame = await app.waitFor(new RegExp(`lines \\d+–${total} of ${total}`));
		t.regex(frame, /\}/);
		await app.press(ctrlG);
		frame = await app.waitFor('Contoso customers sign-up and sign-in');
		t.regex(frame, /User flows\s/);
		t.false(frame.includes('Requests'));
	},
);

test.serial(
	'thousands of requests: only the visible rows render; retries and failures are marked',
	async (t) => {
		const recorder = createRequestRecorder({ limit: 5000 });
		const base = { url: 'https://graph.example/v1.0/x', path: '/identity/x', ms: 12, clientRequestId: 'c' };
		for (let index = 0; index < 3000; index++) {
			const status = index % 100 === 7 ? 503 : 200;
			recorder.record({
				...base,
				method: 'GET',
				status,
				attempt: status === 503 ? 1 : index % 100 === 8 ? 2 : 1,
				requestId: `r${index}`,
			});
		}
		recorder.record({
			...base,
			method: 'POST',
			status: 0,
			attempt: 1,
			error: 'ECONNRESET',
			requestId: undefined,
		});
		const { app } = await renderRecorded(t, { recorder });
		await app.waitFor('Events registration');
		const started = performance.now();
		await app.press(ctrlG);
		let frame = await app.waitFor('3,005/3,005 · newest last');
		t.true(performance.now() - started < 3000, 'opening stays quick');
		t.regex(frame, /31 failed \(✗\)/);
		// The flows list's GET and the three catalogues read beside it are recorded after the synthetic calls.
		t.regex(frame, /3001\s+\S+\s+POST\s+\/identity\/x\s+✗ reset\s/, 'a transport error reads as a word');
		t.true(frame.split('\n').length <= 24);
		await app.press('g');
		frame = await app.waitFor(' 1/3,005');
		t.regex(frame, /❯ 1\s/);
		for (let step = 0; step < 8; step++) await app.press('j');
		frame = await app.waitFor(' 9/3,005');
		t.regex(frame, /\b8\s+\S+\s+GET\s+\/identity\/x\s+✗ 503/);
		t.regex(frame, /\b9\s+\S+\s+GET\s+\/identity\/x\s+200\s+12\s+2\s+r8/, 'a retry shows its attempt');
		await app.press('pgdn');
		frame = await app.waitFor(/ \d\d\/3,005/);
		t.false(frame.includes('❯ 9 '));
	},
);

test.serial(
	'ctrl+g works while typing in the create form, and esc returns to the form as it was',
	async (t) => {
		const { app } = await renderRecorded(t);
		await app.waitFor('Events registration');
		await app.press('n');
		await app.waitFor('New user flow');
		await app.type('Web shop');
		await app.press(ctrlG);
		await app.waitFor('newest last');
		await app.press('esc');
		const frame = await app.waitFor('Web shop');
		t.regex(frame, /New user flow/);
		t.false(frame.includes('newest last'));
	},
);

test.serial(
	'ctrl+g over a dialog shows the requests; esc brings the dialog back as typed, and it still works',
	async (t) => {
		const { app } = await renderRecorded(t);
		await app.waitFor('Events registration');
		await app.press('d');
		await app.waitFor('Contoso Mobile');
		await app.type('Contoso customers');
		await app.press(ctrlG);
		let frame = await app.waitFor('newest last');
		t.false(frame.includes('Type the flow'), 'the dialog is out of the way');
		t.regex(frame, /GET\s+\/applications\s+200/, 'the read that named the apps in the dialog');
		await app.press('j');
		await app.press('esc');
		frame = await app.waitFor('Type the flow');
		t.regex(frame, /Contoso customers/, 'the typed text is kept');
		await app.type(' sign-up and sign-in');
		await app.press('enter');
		await app.waitFor(/Deleted user flow/);
		t.is(app.emulator.tenant.findFlow(seed.flows.customers.id), undefined);
	},
);

test.serial(
	'ctrl+g over an add picker: it comes back on the row the cursor was on, and enter adds that',
	async (t) => {
		const { app } = await renderRecorded(t);
		await app.waitFor('Events registration');
		await app.press('j');
		await app.press('enter');
		await app.waitFor('Sections');
		await app.press('1');
		await app.waitFor('Email with password');
		await app.press('a');
		await app.waitFor('Add an identity provider');
		await app.press('down');
		await app.waitFor(/❯ Google/);
		await app.press(ctrlG);
		await app.waitFor('newest last');
		await app.press(ctrlG);
		const frame = await app.waitFor('Add an identity provider');
		t.regex(frame, /❯ Google/, 'the cursor is where it was');
		await app.press('enter');
		await app.waitFor(/Added Google to/);
		t.deepEqual(app.emulator.tenant.requireFlow(seed.flows.partners.id).providerIds, [
			'EmailPassword-OAUTH',
			'Google-OAUTH',
		]);
	},
);

test.serial('before sign-in the key says why it does nothing', async (t) => {
	const { app } = await renderRecorded(t, { session: fakeSession(null) });
	await app.waitFor('Waiting for you to finish signing in');
	await app.press(ctrlG);
	await app.waitFor('The requests list opens once you are signed in.');
	t.pass();
});
