import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExecutionContext, TestFn } from 'ava';
import anyTest from 'ava';
import { type Browser, chromium, type Page } from 'playwright-core';

/*
Headless Chromium from Debian (.ci/run installs the `chromium` package), driven by playwright-core, which never
downloads a browser of its own. CI sets ENTRA_FLOWS_REQUIRE_BROWSER=1, so a missing browser fails the run there;
elsewhere the browser tests skip, saying so loudly.
*/

/** Where the system browser is: CHROMIUM_PATH, else Debian's. */
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const found = existsSync(chromiumPath);
if (!found && process.env.ENTRA_FLOWS_REQUIRE_BROWSER === '1') {
	throw new Error(
		`ENTRA_FLOWS_REQUIRE_BROWSER=1 but there is no Chromium at ${chromiumPath}; install Debian's chromium package or set CHROMIUM_PATH`,
	);
}
if (!found) {
	console.warn(
		`\n*** Browser tests SKIPPED: no Chromium at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH) ***\n`,
	);
}

/** The test function to use in browser test files: ava's, or its skip when there is no browser here. */
export const browserTest = (found ? anyTest : anyTest.skip) as TestFn;

// Without the background-networking flags Chromium keeps calling Google's hosts, which this machine refuses.
const flags = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

/** Launches the system Chromium headless; playwright gives each launch a fresh, empty user-data-dir. */
export function launchBrowser(): Promise<Browser> {
	return chromium.launch({ executablePath: chromiumPath, headless: true, args: flags });
}

/** One browser for the whole file: launched before its tests (when there is one), closed after them. */
export function sharedBrowser(): () => Browser {
	let browser: Browser | undefined;
	anyTest.before(async () => {
		if (found) browser = await launchBrowser();
	});
	anyTest.after.always(async () => {
		await browser?.close();
	});
	return () => {
		if (!browser) throw new Error('the shared browser is not running');
		return browser;
	};
}

/** Where a failing browser test leaves its screenshot. */
export const artifactDir =
	process.env.ENTRA_FLOWS_ARTIFACTS || join(tmpdir(), 'entra-flows-browser-artifacts');

/**
 * Runs a browser journey on a fresh page; if it fails, saves a screenshot of the page at the failing step and
 * logs the file's path with the failure.
 */
export async function onPage(t: ExecutionContext, browser: Browser, journey: (page: Page) => Promise<void>) {
	const context = await browser.newContext();
	t.teardown(() => context.close());
	const page = await context.newPage();
	const screenshot = async () => {
		mkdirSync(artifactDir, { recursive: true });
		const file = join(artifactDir, `${t.title.replace(/[^\w-]+/g, '_').slice(0, 80)}.png`);
		await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
		return `screenshot of the failing step: ${file}\n  page was at: ${page.url()}`;
	};
	try {
		await journey(page);
	} catch (error) {
		// A failed assertion throws too: log where the screenshot is, then let the failure through as it was.
		t.log(await screenshot());
		throw error;
	}
}

/** A loopback redirect URI that records what the browser brings back. */
export type RedirectCatcher = { readonly uri: string; readonly hits: URL[]; close(): Promise<void> };

/** Starts a loopback HTTP server at /callback that answers "signed in" and keeps each URL it was called with. */
export async function redirectCatcher(t: ExecutionContext): Promise<RedirectCatcher> {
	const hits: URL[] = [];
	const server = createServer((request, response) => {
		hits.push(new URL(request.url ?? '/', 'http://127.0.0.1'));
		response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
		response.end('<!doctype html><title>Back at the app</title><h1 id="landed">Back at the app</h1>');
	});
	await new Promise<void>((resolve) => server.listen({ port: 0, host: '127.0.0.1' }, () => resolve()));
	const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
	t.teardown(close);
	return { uri: `http://127.0.0.1:${(server.address() as AddressInfo).port}/callback`, hits, close };
}
