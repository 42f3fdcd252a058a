import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import test from 'ava';
import { serveEmulator } from '../../source/emulator/serve.js';
import { seedIds } from '../../source/emulator/server.js';

type Answer = { status: number; text: string };

/** One HTTPS request that trusts the emulator's CA, as a browser told about it would. */
function https(url: string, ca: string, form?: Record<string, string>): Promise<Answer> {
	return new Promise((resolve, reject) => {
		const body = form ? new URLSearchParams(form).toString() : undefined;
		const call = request(
			url,
			{
				method: form ? 'POST' : 'GET',
				ca,
				headers: form ? { 'content-type': 'application/x-www-form-urlencoded' } : {},
			},
			(response) => {
				let text = '';
				response.setEncoding('utf8');
				response.on('data', (chunk: string) => {
					text += chunk;
				});
				response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
			},
		);
		call.on('error', reject);
		call.end(body);
	});
}

test('the served emulator starts the demo extension server and points the seeded extensions at it', async (t) => {
	const served = await serveEmulator({ port: 0 });
	t.teardown(() => served.close());
	const { info, graph } = served;
	t.is(info.customerUrl, `${info.origin}/contosocustomers.ciamlogin.com`);
	t.regex(info.extensionServer!, /^https:\/\/127\.0\.0\.1:\d+$/);
	t.deepEqual(
		graph.tenant.extensions.map((extension) => extension.targetUrl),
		[
			`${info.extensionServer}/api/attribute-collection-start`,
			`${info.extensionServer}/api/attribute-collection-submit`,
		],
	);
	// A newcomer's sign-up on the customers flow: the start extension prefills the country.
	const ca = readFileSync(info.caFile!, 'utf8');
	const redirect = 'http://127.0.0.1:9/demo';
	graph.tenant.findApplicationByAppId(seedIds.apps.storefront.appId)!.spa.redirectUris.push(redirect);
	const query = new URLSearchParams({
		client_id: seedIds.apps.storefront.appId,
		redirect_uri: redirect,
		response_type: 'code',
		scope: 'openid',
		ui_locales: 'en-GB',
	});
	const base = `${info.customerUrl}/${seedIds.tenantId}`;
	const signIn = await https(`${base}/oauth2/v2.0/authorize?${query}`, ca);
	t.is(signIn.status, 200);
	const txn = /name="txn" value="([^"]+)"/.exec(signIn.text)![1]!;
	const page = await https(`${base}/signup`, ca, {
		txn,
		email: 'newcomer@example.com',
		password: 'Str0ng-pass',
	});
	t.regex(page.text, /name="a:country" id="input-\d+" value="United Kingdom"/);
	const accepted = await https(`${base}/attributes`, ca, {
		txn,
		'a:displayName': 'Newcomer',
		'a:givenName': 'New',
		'a:surname': 'Comer',
		'a:city': 'x',
	});
	t.is(accepted.status, 302);
	t.is(served.extensions!.calls.length, 2);
	t.true(served.extensions!.calls.every((call) => call.tokenValid));
});

test('demoExtensions: false starts no extension server', async (t) => {
	const served = await serveEmulator({ port: 0, demoExtensions: false });
	t.teardown(() => served.close());
	t.is(served.info.extensionServer, undefined);
	t.regex(served.graph.tenant.extensions[0]!.targetUrl, /^https:\/\/127\.0\.0\.1:7071\//);
});
