import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExecutionContext } from 'ava';
import type { Page } from 'playwright-core';
import { type ExtensionBehaviour, extensionReplies } from '../../source/emulator/extension-server.js';
import { type CustomerWorld, customerWorld } from '../emulator/customer-helpers.js';
import { call } from '../emulator/helpers.js';
import {
	onPage,
	type RedirectCatcher,
	redirectCatcher,
	sharedBrowser,
	browserTest as test,
} from '../helpers/browser.js';
import { freshDirs, runCommand } from '../helpers/cli.js';
import { seed } from '../helpers/emulator.js';

// Customers sign up in a real browser, through the link "run the flow" builds, on the page the emulator draws
// from the flow's saved layout, with the flow's start and submit extensions answering as each journey needs.

const flow = seed.flows.customers;
const browser = sharedBrowser();

type Journey = {
	world: CustomerWorld;
	catcher: RedirectCatcher;
	link: { url: string; authorizeEndpoint: string; state: string; verifier: string };
};

/**
 * A world whose storefront app redirects to a loopback catcher, and the run link for it: the one
 * `entra-flows flows run --json` printed, as a person would open it.
 */
async function prepare(
	t: ExecutionContext,
	behaviour?: ExtensionBehaviour,
	locale?: string,
): Promise<Journey> {
	const world = await customerWorld(t, behaviour ? { behaviour } : {});
	const catcher = await redirectCatcher(t);
	world.emulator.tenant.findApplicationByAppId(seed.apps.storefront)!.spa.redirectUris.push(catcher.uri);
	const printed = await runCommand(world.emulator.graphUrl, [
		'flows',
		'run',
		flow.name,
		'--app',
		'Contoso Storefront',
		'--redirect-uri',
		catcher.uri,
		...(locale ? ['--locale', locale] : []),
		'--json',
	]);
	if (printed.code !== 0) throw new Error(printed.stderr);
	const run = JSON.parse(printed.stdout) as {
		url: string;
		authorizeEndpoint: string;
		state: string;
		codeVerifier: string;
	};
	return {
		world,
		catcher,
		link: {
			url: run.url,
			authorizeEndpoint: run.authorizeEndpoint,
			state: run.state,
			verifier: run.codeVerifier,
		},
	};
}

/** From the link to the attribute page: create an account with an email and a password. */
async function startSignUp(page: Page, journey: Journey, email: string): Promise<void> {
	await page.goto(journey.link.url);
	await page.click('#create-account');
	await page.fill('#email', email);
	await page.fill('#password', 'Str0ng-pass!');
	await page.click('#next');
}

/** The text box of a field, by its attribute. */
const box = (page: Page, attribute: string) => page.locator(`[data-field="${attribute}"] input`);

async function fillNames(
	page: Page,
	names: { given: string; surname: string; display: string },
): Promise<void> {
	await box(page, 'displayName').fill(names.display);
	await box(page, 'givenName').fill(names.given);
	await box(page, 'surname').fill(names.surname);
}

/** Waits to land on the redirect URI and returns the code it brought, checking the state came back. */
async function landedCode(page: Page, journey: Journey): Promise<string> {
	await page.waitForURL((url) => url.href.startsWith(journey.catcher.uri));
	await page.locator('#landed').waitFor();
	const url = new URL(page.url());
	if (url.searchParams.get('state') !== journey.link.state) throw new Error(`state not echoed: ${url.href}`);
	return url.searchParams.get('code') ?? '';
}

async function redeem(journey: Journey, code: string) {
	const token = `${journey.link.authorizeEndpoint.replace(/\/authorize$/, '/token')}`;
	const response = await fetch(token, {
		method: 'POST',
		body: new URLSearchParams({
			grant_type: 'authorization_code',
			client_id: seed.apps.storefront,
			code,
			redirect_uri: journey.catcher.uri,
			code_verifier: journey.link.verifier,
		}),
	});
	return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function customer(journey: Journey, email: string) {
	const customers = await call<
		{ email: string; displayName: string | null; attributes: Record<string, unknown> }[]
	>(journey.world.emulator, 'GET', '/_emulator/customers');
	return customers.json.find((entry) => entry.email === email);
}

test('continue: sign up through the page built from a layout saved with layout set, redeem the code', async (t) => {
	const journey = await prepare(t, (call) => extensionReplies.continue(call.event!));
	const { graphUrl } = journey.world.emulator;
	const shown = await runCommand(graphUrl, ['layout', 'show', flow.id, '--json']);
	const document = JSON.parse(shown.stdout) as { inputs: Record<string, unknown>[] };
	const country = document.inputs.find((input) => input.attribute === 'country')!;
	country.label = 'Country ([why we ask](https://contoso.example/why))';
	country.required = true;
	const file = join(freshDirs().XDG_CONFIG_HOME, '..', 'layout.json');
	writeFileSync(file, JSON.stringify(document));
	const saved = await runCommand(graphUrl, ['layout', 'set', flow.id, '--file', file]);
	t.is(saved.code, 0, saved.stderr);
	await onPage(t, browser(), async (page) => {
		await startSignUp(page, journey, 'continue@example.com');
		const link = page.locator('a', { hasText: 'why we ask' });
		t.is(await link.getAttribute('href'), 'https://contoso.example/why');
		t.is(await page.locator('[data-field="country"] .required').count(), 1);
		t.is(await page.locator('input[type=hidden][name="a:email"]').inputValue(), 'continue@example.com');
		await fillNames(page, { display: 'Continue Customer', given: 'Conti', surname: 'Nue' });
		await box(page, 'country').fill('Belgium');
		await page.getByLabel('Green').check();
		await page.getByLabel('Send me the monthly newsletter').check();
		await page.click('#continue');
		const code = await landedCode(page, journey);
		const redeemed = await redeem(journey, code);
		t.is(redeemed.status, 200);
		t.truthy(redeemed.body.id_token);
		const created = await customer(journey, 'continue@example.com');
		t.like(created?.attributes, {
			country: 'Belgium',
			extension_6ea3bc85aec24b1c92ff4a117afb6621_Favoritecolor: 'green',
			extension_6ea3bc85aec24b1c92ff4a117afb6621_Newsletter: true,
		});
	});
});

test('prefill: the start extension fills in the country for the browser language', async (t) => {
	const journey = await prepare(t, undefined, 'de-DE');
	await onPage(t, browser(), async (page) => {
		await startSignUp(page, journey, 'prefill@example.com');
		t.is(await box(page, 'country').inputValue(), 'Germany');
		t.is(await page.getAttribute('html', 'lang'), 'de-DE');
		await fillNames(page, { display: 'Pre Fill', given: 'Pre', surname: 'Fill' });
		await page.click('#continue');
		await landedCode(page, journey);
		t.is((await customer(journey, 'prefill@example.com'))?.attributes.country, 'Germany');
	});
});

test('validation error then corrected: the page checks first, the submit extension next, then it goes through', async (t) => {
	const journey = await prepare(t);
	await onPage(t, browser(), async (page) => {
		await startSignUp(page, journey, 'fixit@example.com');
		await box(page, 'displayName').fill('Fix It');
		await page.click('#continue');
		// The page's own check: nothing is posted, so the submit extension is not called.
		await page
			.locator('[data-field="givenName"] .error', { hasText: 'This information is required.' })
			.waitFor();
		const posts = () =>
			journey.world.emulator.log.filter(
				(entry) => entry.method === 'POST' && entry.path.endsWith('/attributes'),
			);
		t.is(posts().length, 0);
		t.is(journey.world.extensions.calls.length, 1);
		await fillNames(page, { display: 'Fix It', given: 'F1x', surname: 'It' });
		await page.click('#continue');
		await page
			.locator('[data-field="givenName"] .error', { hasText: 'Given name cannot contain any numbers' })
			.waitFor();
		t.is(posts().length, 1);
		t.is(await page.locator('.banner').textContent(), 'Please fix the below errors to proceed.');
		t.is(await box(page, 'givenName').inputValue(), 'F1x');
		await box(page, 'givenName').fill('Fix');
		await page.click('#continue');
		const code = await landedCode(page, journey);
		t.is((await redeem(journey, code)).status, 200);
		t.is((await customer(journey, 'fixit@example.com'))?.attributes.givenName, 'Fix');
	});
});

test('modify values: what the submit extension returns is what the directory keeps', async (t) => {
	const journey = await prepare(t, (call) =>
		call.event === 'attributeCollectionSubmit'
			? extensionReplies.modify({ displayName: 'Modified by the API' })
			: extensionReplies.continue('attributeCollectionStart'),
	);
	await onPage(t, browser(), async (page) => {
		await startSignUp(page, journey, 'modify@example.com');
		await fillNames(page, { display: 'As Typed', given: 'As', surname: 'Typed' });
		await page.click('#continue');
		await landedCode(page, journey);
		t.is((await customer(journey, 'modify@example.com'))?.displayName, 'Modified by the API');
	});
});

test('block page: the start extension stops the sign-up before any field', async (t) => {
	const journey = await prepare(t, (call) =>
		extensionReplies.block(call.event!, 'Hold tight...', 'Your access request is already processing.'),
	);
	await onPage(t, browser(), async (page) => {
		await startSignUp(page, journey, 'blocked@example.com');
		t.is(await page.locator('#block-title').textContent(), 'Hold tight...');
		t.is(await page.locator('#block-message').textContent(), 'Your access request is already processing.');
		t.is(await page.locator('#continue').count(), 0);
		t.is(await customer(journey, 'blocked@example.com'), undefined);
	});
});

test('broken extension: the customer sees the generic error, the sign-in log the code', async (t) => {
	const journey = await prepare(t, (call) =>
		call.event === 'attributeCollectionSubmit'
			? { status: 500, raw: 'boom' }
			: extensionReplies.continue('attributeCollectionStart'),
	);
	await onPage(t, browser(), async (page) => {
		await startSignUp(page, journey, 'broken@example.com');
		await fillNames(page, { display: 'Broken', given: 'Bro', surname: 'Ken' });
		await page.click('#continue');
		await page.locator('h1', { hasText: 'Something went wrong.' }).waitFor();
		t.false((await page.content()).includes('1003002'));
		const logs = await call<{ errorCode: number }[]>(journey.world.emulator, 'GET', '/_emulator/sign-ins');
		t.is(logs.json.at(-1)?.errorCode, 1003002);
		t.is(await customer(journey, 'broken@example.com'), undefined);
	});
});
