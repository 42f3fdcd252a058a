import test from 'ava';
import { extensionReplies } from '../../source/emulator/extension-server.js';
import { parseJwt, verifyJwtSignature } from '../../source/emulator/identity/jwt.js';
import { seedIds } from '../../source/emulator/server.js';
import {
	authorize,
	customerWorld,
	fieldErrors,
	goodCustomer,
	pkce,
	post,
	spaRedirect,
	startSignUp,
	transactionOf,
	webRedirect,
} from './customer-helpers.js';
import { call, types } from './helpers.js';

const { apps, flows } = seedIds;
const storefront = apps.storefront.appId;

test('authorize errors the page shows itself, with their AADSTS codes, escaping what it echoes', async (t) => {
	const world = await customerWorld(t);
	const unknownClient = await authorize(world, { client_id: '11111111-2222-4333-8444-555555555555' });
	t.is(unknownClient.status, 400);
	t.regex(
		unknownClient.html,
		/AADSTS700016: Application with identifier &#39;11111111-2222-4333-8444-555555555555&#39; was not found/,
	);
	const badRedirect = await authorize(world, { redirect_uri: 'https://evil.example/<b>x</b>' });
	t.regex(
		badRedirect.html,
		/AADSTS50011: The redirect URI &#39;https:\/\/evil.example\/&lt;b&gt;x&lt;\/b&gt;&#39;/,
	);
	t.false(badRedirect.html.includes('<b>x</b>'));
	t.regex((await authorize(world, { client_id: null })).html, /AADSTS900144.*client_id/);
	// Contoso Events has a web redirect URI but no user flow.
	const unlinked = await authorize(world, {
		client_id: apps.events.appId,
		redirect_uri: 'https://events.contoso.com/signin-oidc',
	});
	t.is(unlinked.status, 400);
	t.regex(unlinked.html, /is not linked to a user flow/);
	const wrongTenant = await fetch(
		`${world.emulator.origin}/contosocustomers.ciamlogin.com/fabrikam.onmicrosoft.com/oauth2/v2.0/authorize`,
	);
	t.regex(await wrongTenant.text(), /AADSTS90002/);
	const wrongHost = await fetch(
		`${world.emulator.origin}/fabrikam.ciamlogin.com/${seedIds.tenantId}/oauth2/v2.0/authorize`,
	);
	t.is(wrongHost.status, 404);
	// The tenant's own domain works as the tenant segment, and its id as the host label.
	const byDomain = await fetch(
		`${world.emulator.origin}/${seedIds.tenantId}.ciamlogin.com/contosocustomers.onmicrosoft.com/oauth2/v2.0/authorize?client_id=${storefront}&redirect_uri=${encodeURIComponent(spaRedirect)}&response_type=code&scope=openid`,
	);
	t.is(byDomain.status, 200);
});

test('errors after the redirect URI is trusted go back to it: id_token not enabled, prompt=none', async (t) => {
	const world = await customerWorld(t);
	const partners = await authorize(world, {
		client_id: apps.partnerPortal.appId,
		redirect_uri: 'https://partners.contoso.com/signin-oidc',
		response_type: 'id_token',
		nonce: 'n-1',
	});
	t.is(partners.status, 302);
	const fragment = new URLSearchParams(new URL(partners.location!).hash.slice(1));
	t.is(fragment.get('error'), 'unsupported_response_type');
	t.regex(fragment.get('error_description')!, /^AADSTS700054: response_type 'id_token' is not enabled/);
	t.is(fragment.get('state'), 'state-1');
	const silent = new URL((await authorize(world, { prompt: 'none' })).location!);
	t.is(silent.searchParams.get('error'), 'login_required');
});

test('the pages carry a CSP without inline script, and the script and stylesheet they load', async (t) => {
	const world = await customerWorld(t);
	const response = await fetch(
		`${world.base}/oauth2/v2.0/authorize?client_id=${storefront}&redirect_uri=${encodeURIComponent(spaRedirect)}&response_type=code&scope=openid&ui_locales=nl-NL`,
	);
	const csp = response.headers.get('content-security-policy')!;
	t.regex(csp, /script-src 'self'/);
	t.false(csp.includes('unsafe-inline'));
	const html = await response.text();
	t.regex(html, /<html lang="nl-NL">/);
	t.false(/<script>/.test(html));
	const script = await fetch(`${world.emulator.origin}/contosocustomers.ciamlogin.com/static/page.js`);
	t.is(script.headers.get('content-type'), 'text/javascript; charset=utf-8');
	t.regex(await script.text(), /data-validate/);
});

test('a seeded customer signs in; a wrong password is refused with the email kept and escaped', async (t) => {
	const world = await customerWorld(t);
	const txn = transactionOf(await authorize(world));
	const wrong = await post(world, 'signin', { txn, email: 'ada@example.com"><script>', password: 'nope' });
	t.is(wrong.status, 400);
	t.regex(wrong.html, /Your email address or password is incorrect/);
	t.regex(wrong.html, /value="ada@example.com&quot;&gt;&lt;script&gt;"/);
	const right = await post(world, 'signin', { txn, email: 'ADA@example.com', password: 'Ada-Lovelace-1815' });
	t.is(right.status, 302);
	const location = new URL(right.location!);
	t.is(`${location.origin}${location.pathname}`, spaRedirect);
	t.is(location.searchParams.get('state'), 'state-1');
	t.truthy(location.searchParams.get('code'));
	t.is(world.extensions.calls.length, 0, 'sign-in calls no attribute collection extension');
});

test('the code is redeemed once, with the PKCE verifier and the same redirect URI', async (t) => {
	const world = await customerWorld(t);
	const txn = transactionOf(await authorize(world));
	const code = new URL(
		(await post(world, 'signin', { txn, email: 'grace@example.com', password: 'Grace-Hopper-1906' }))
			.location!,
	).searchParams.get('code')!;
	const redeem = (extra: Record<string, string>) =>
		post(world, 'oauth2/v2.0/token', {
			grant_type: 'authorization_code',
			client_id: storefront,
			code,
			redirect_uri: spaRedirect,
			code_verifier: pkce.verifier,
			...extra,
		});
	const wrongVerifier = await redeem({ code_verifier: 'not-the-verifier-at-all-but-long-enough-1234' });
	t.regex(wrongVerifier.html, /AADSTS501481/);
	t.regex((await redeem({ redirect_uri: 'http://127.0.0.1:9/other' })).html, /AADSTS500112/);
	const ok = await redeem({});
	t.is(ok.status, 200);
	const tokens = JSON.parse(ok.html) as {
		id_token: string;
		access_token: string;
		refresh_token?: string;
		scope: string;
	};
	const idToken = parseJwt(tokens.id_token)!;
	t.true(verifyJwtSignature(idToken, world.emulator.customerSigningKey));
	t.is(idToken.claims.aud, storefront);
	t.is(idToken.claims.email, 'grace@example.com');
	t.is(
		idToken.claims.iss,
		`${world.emulator.origin}/${seedIds.tenantId}.ciamlogin.com/${seedIds.tenantId}/v2.0`,
	);
	t.truthy(tokens.refresh_token);
	t.regex((await redeem({})).html, /AADSTS54005/);
});

test('an SPA code needs PKCE and a web code a client secret', async (t) => {
	const world = await customerWorld(t);
	const noPkce = transactionOf(await authorize(world, { code_challenge: null, code_challenge_method: null }));
	const spaCode = new URL(
		(await post(world, 'signin', { txn: noPkce, email: 'ada@example.com', password: 'Ada-Lovelace-1815' }))
			.location!,
	).searchParams.get('code')!;
	const spa = await post(world, 'oauth2/v2.0/token', {
		grant_type: 'authorization_code',
		client_id: storefront,
		code: spaCode,
		redirect_uri: spaRedirect,
	});
	t.regex(spa.html, /AADSTS9002325/);
	const web = transactionOf(
		await authorize(world, { redirect_uri: webRedirect, code_challenge: null, code_challenge_method: null }),
	);
	const webCode = new URL(
		(await post(world, 'signin', { txn: web, email: 'ada@example.com', password: 'Ada-Lovelace-1815' }))
			.location!,
	).searchParams.get('code')!;
	const confidential = await post(world, 'oauth2/v2.0/token', {
		grant_type: 'authorization_code',
		client_id: storefront,
		code: webCode,
		redirect_uri: webRedirect,
	});
	t.is(confidential.status, 401);
	t.regex(confidential.html, /AADSTS7000218/);
});

test('response_type=id_token comes back in the fragment with the nonce', async (t) => {
	const world = await customerWorld(t);
	const txn = transactionOf(
		await authorize(world, {
			redirect_uri: webRedirect,
			response_type: 'id_token',
			scope: 'openid',
			nonce: 'nonce-7',
			code_challenge: null,
			code_challenge_method: null,
		}),
	);
	const back = new URL(
		(await post(world, 'signin', { txn, email: 'alan@example.com', password: 'Alan-Turing-1912' })).location!,
	);
	const fragment = new URLSearchParams(back.hash.slice(1));
	t.is(fragment.get('state'), 'state-1');
	t.is(parseJwt(fragment.get('id_token')!)!.claims.nonce, 'nonce-7');
	t.is(back.search, '');
});

test('sign-up: the start extension gets the documented payload and its prefill shows; submit continues', async (t) => {
	const world = await customerWorld(t);
	const { txn, page } = await startSignUp(world, 'nova@example.com', { ui_locales: 'nl-NL' });
	t.is(page.status, 200);
	t.regex(page.html, /name="a:country" id="input-\d+" value="Netherlands"/);
	const startCall = world.extensions.calls[0]!;
	t.true(startCall.tokenValid);
	t.is(startCall.body.type, 'microsoft.graph.authenticationEvent.attributeCollectionStart');
	t.is(startCall.body.source, `/tenants/${seedIds.tenantId}/applications/${apps.loyaltyApi.appId}`);
	t.is(startCall.body.data['@odata.type'], 'microsoft.graph.onAttributeCollectionStartCalloutData');
	t.is(startCall.body.data.customAuthenticationExtensionId, seedIds.extensions.prefill);
	t.deepEqual(startCall.body.data.authenticationContext.client.locale, 'nl-NL');
	t.is(startCall.body.data.authenticationContext.clientServicePrincipal.appId, storefront);
	t.deepEqual(startCall.body.data.userSignUpInfo.identities, [
		{ signInType: 'email', issuer: 'contosocustomers.onmicrosoft.com', issuerAssignedId: 'nova@example.com' },
	]);
	t.false(JSON.stringify(startCall.body).includes('Str0ng-pass'), 'the password is never sent');
	const done = await post(world, 'attributes', {
		txn,
		...goodCustomer,
		'a:extension_6ea3bc85aec24b1c92ff4a117afb6621_Newsletter': 'true',
	});
	t.is(done.status, 302);
	const submitCall = world.extensions.calls[1]!;
	t.is(submitCall.body.data['@odata.type'], 'microsoft.graph.onAttributeCollectionSubmitCalloutData');
	t.deepEqual(
		submitCall.body.data.userSignUpInfo.attributes.extension_6ea3bc85aec24b1c92ff4a117afb6621_Newsletter,
		{
			'@odata.type': 'microsoft.graph.booleanDirectoryAttributeValue',
			value: true,
			attributeType: 'directorySchemaExtension',
		},
	);
	t.is(submitCall.body.data.userSignUpInfo.attributes.givenName.attributeType, 'builtIn');
	const customer = world.emulator.tenant.findCustomer('nova@example.com')!;
	t.is(customer.displayName, 'Nova Customer');
	t.deepEqual(customer.createdBy, { flowId: flows.customers, appId: storefront });
	t.is(customer.attributes.extension_6ea3bc85aec24b1c92ff4a117afb6621_Newsletter, true);
	const listed = await call<{ email: string; hasPassword: boolean; passwordHash?: string }[]>(
		world.emulator,
		'GET',
		'/_emulator/customers',
	);
	const shown = listed.json.find((entry) => entry.email === 'nova@example.com')!;
	t.true(shown.hasPassword);
	t.is(shown.passwordHash, undefined);
});

test("sign-up: the page checks fields itself first, then shows the submit extension's errors on them", async (t) => {
	const world = await customerWorld(t);
	const { txn } = await startSignUp(world);
	const missing = await post(world, 'attributes', { txn, 'a:displayName': '1 bad' });
	t.is(missing.status, 400);
	t.deepEqual(fieldErrors(missing.html), {
		displayName: 'Please enter a valid value.',
		givenName: 'This information is required.',
		surname: 'This information is required.',
	});
	t.is(world.extensions.calls.length, 1, 'the submit extension is not called while the page itself refuses');
	const digits = await post(world, 'attributes', { txn, ...goodCustomer, 'a:givenName': 'N0va' });
	t.is(digits.status, 200);
	t.regex(digits.html, /class="banner" role="alert">Please fix the below errors to proceed\./);
	t.deepEqual(fieldErrors(digits.html), { givenName: 'Given name cannot contain any numbers' });
	t.regex(digits.html, /value="N0va"/, 'what was typed is kept');
	t.is((await post(world, 'attributes', { txn, ...goodCustomer })).status, 302);
});

test('sign-up: modifyAttributeValues overwrites what is stored; keys outside the flow are ignored', async (t) => {
	const world = await customerWorld(t, {
		behaviour: (request) =>
			request.event === 'attributeCollectionSubmit'
				? extensionReplies.modify({ displayName: 'Nova (verified)', jobTitle: 'ignored' })
				: extensionReplies.continue('attributeCollectionStart'),
	});
	const { txn } = await startSignUp(world);
	t.is((await post(world, 'attributes', { txn, ...goodCustomer })).status, 302);
	const customer = world.emulator.tenant.findCustomer('new@example.com')!;
	t.is(customer.displayName, 'Nova (verified)');
	t.is(customer.attributes.jobTitle, undefined);
});

test('a showBlockPage from start or submit ends the journey on the block page', async (t) => {
	for (const event of ['attributeCollectionStart', 'attributeCollectionSubmit'] as const) {
		const world = await customerWorld(t, {
			behaviour: (request) =>
				request.event === event
					? extensionReplies.block(event, 'Hold tight...', 'Your access request is already processing.')
					: extensionReplies.continue(request.event!),
		});
		const { txn, page } = await startSignUp(world);
		const blocked =
			event === 'attributeCollectionStart' ? page : await post(world, 'attributes', { txn, ...goodCustomer });
		t.regex(blocked.html, /<h1 id="block-title">Hold tight\.\.\.<\/h1>/, event);
		t.regex(blocked.html, /Your access request is already processing\./);
		t.is(world.emulator.tenant.findCustomer('new@example.com'), undefined);
	}
});

const failures: [
	string,
	(request: { event?: string }) => ReturnType<typeof extensionReplies.continue>,
	number,
][] = [
	['a 500', () => ({ status: 500, body: {} }), 1003002],
	['a 429', () => ({ status: 429, body: {} }), 1003004],
	['text/plain', () => ({ raw: '{}', contentType: 'text/plain' }), 1003006],
	['an empty body', () => ({ raw: '' }), 1003009],
	['invalid JSON', () => ({ raw: '{"data":' }), 1003003],
	[
		'the wrong response data type',
		() => ({
			body: { data: { '@odata.type': 'microsoft.graph.onTokenIssuanceStartResponseData', actions: [] } },
		}),
		1003008,
	],
	[
		'two actions',
		(request) => {
			const one = extensionReplies.continue('attributeCollectionStart').body as {
				data: { actions: unknown[] };
			};
			return request.event
				? { body: { data: { ...one.data, actions: [one.data.actions[0], one.data.actions[0]] } } }
				: {};
		},
		1003010,
	],
	[
		'a submit action at start',
		() => ({
			body: {
				data: {
					'@odata.type': 'microsoft.graph.onAttributeCollectionStartResponseData',
					actions: [
						{
							'@odata.type': 'microsoft.graph.attributeCollectionSubmit.modifyAttributeValues',
							attributes: {},
						},
					],
				},
			},
		}),
		1003012,
	],
	[
		'a slow answer',
		() => ({ ...extensionReplies.continue('attributeCollectionStart'), delayMs: 3000 }),
		1003005,
	],
];

for (const [what, behaviour, code] of failures) {
	test(`an extension answering with ${what} shows the generic error and logs ${code}`, async (t) => {
		const world = await customerWorld(t, { behaviour });
		const extension = world.emulator.tenant.findExtension(seedIds.extensions.prefill)!;
		if (code === 1003005) extension.clientConfiguration = { timeoutInMilliseconds: 1500, maximumRetries: 0 };
		const { page } = await startSignUp(world);
		t.is(page.status, 500);
		t.regex(page.html, /Something went wrong\./);
		t.false(
			page.html.includes(String(code)) && page.html.includes('TimedOut'),
			'the page does not explain the cause',
		);
		const logs = await call<
			{ errorCode: number; authenticationEvents: { errorCode: number; result: string }[] }[]
		>(world.emulator, 'GET', '/_emulator/sign-ins');
		t.is(logs.json.at(-1)!.errorCode, code);
		t.is(logs.json.at(-1)!.authenticationEvents[0]!.errorCode, code);
	});
}

test("retries follow the configuration: one retry after a 503, none when the flow's handler says 0", async (t) => {
	let calls = 0;
	const world = await customerWorld(t, {
		behaviour: () => {
			calls++;
			return calls === 1 ? { status: 503, body: {} } : extensionReplies.prefill({ country: 'Second try' });
		},
	});
	world.emulator.tenant.findExtension(seedIds.extensions.prefill)!.clientConfiguration = {
		timeoutInMilliseconds: 10_000,
		maximumRetries: 1,
	};
	const { page } = await startSignUp(world);
	t.regex(page.html, /value="Second try"/);
	t.is(world.emulator.tenant.signInLogs.at(-1)!.authenticationEvents[0]!.attempts, 2);
	// The flow's handler configuration overrides the extension's.
	calls = 0;
	world.emulator.tenant.findFlow(flows.customers)!.onAttributeCollectionStart!.configuration = {
		clientConfiguration: { maximumRetries: 0 },
	};
	const second = await startSignUp(world, 'second@example.com');
	t.is(second.page.status, 500);
	t.is(world.emulator.tenant.signInLogs.at(-1)!.errorCode, 1003002);
	t.is(world.emulator.tenant.signInLogs.at(-1)!.authenticationEvents[0]!.attempts, 1);
});

test('the C# sample casing of an action is refused unless extension-action-case=insensitive', async (t) => {
	const shout = () => ({
		body: {
			data: {
				'@odata.type': 'microsoft.graph.onAttributeCollectionStartResponseData',
				actions: [{ '@odata.type': 'microsoft.graph.attributeCollectionStart.ContinueWithDefaultBehavior' }],
			},
		},
	});
	const strict = await customerWorld(t, { behaviour: shout });
	t.is((await startSignUp(strict)).page.status, 500);
	t.is(strict.emulator.tenant.signInLogs.at(-1)!.errorCode, 1003012);
	const lenient = await customerWorld(t, { behaviour: shout, quirks: 'extension-action-case=insensitive' });
	t.is((await startSignUp(lenient)).page.status, 200);
});

test('a configuration the service refuses at sign-in fails before any call, with its code', async (t) => {
	const cases: [string, (world: Awaited<ReturnType<typeof customerWorld>>) => void, number][] = [
		[
			'an http target',
			(world) => {
				const extension = world.emulator.tenant.findExtension(seedIds.extensions.prefill)!;
				extension.targetUrl = extension.targetUrl.replace('https:', 'http:');
			},
			1003020,
		],
		[
			'a resource id on another host',
			(world) => {
				world.emulator.tenant.findExtension(seedIds.extensions.prefill)!.resourceId =
					`api://other.example/${apps.loyaltyApi.appId}`;
			},
			1003015,
		],
		[
			'no Receive.Payload grant',
			(world) => {
				world.emulator.tenant.findApplicationByAppId(apps.loyaltyApi.appId)!.grantedGraphAppRoles = [];
			},
			1003021,
		],
		[
			'a deleted extension',
			(world) => {
				world.emulator.tenant.extensions.splice(0, 1);
			},
			1003011,
		],
	];
	for (const [what, change, code] of cases) {
		const world = await customerWorld(t);
		change(world);
		const { page } = await startSignUp(world);
		t.is(page.status, 500, what);
		t.is(world.emulator.tenant.signInLogs.at(-1)!.errorCode, code, what);
		t.is(world.extensions.calls.length, 0, what);
	}
	const unreachable = await customerWorld(t);
	await unreachable.extensions.close();
	t.is((await startSignUp(unreachable)).page.status, 500);
	t.is(unreachable.emulator.tenant.signInLogs.at(-1)!.errorCode, 1003027);
});

test('a layout the hosted page cannot draw never finishes, and the sign-in log says why', async (t) => {
	const world = await customerWorld(t);
	const flow = world.emulator.tenant.findFlow(flows.customers)!;
	const inputs = flow.attributeCollection!.views[0]!.inputs.map((input) => ({ ...input }));
	// A boolean attribute drawn as a text box: Graph stores it.
	inputs[6]!.inputType = 'text';
	const patched = await call(
		world.emulator,
		'PATCH',
		`/identity/authenticationEventsFlows/${flows.customers}`,
		{
			body: {
				'@odata.type': types.flow,
				onAttributeCollection: {
					'@odata.type': types.attributes,
					attributeCollectionPage: { views: [{ inputs }] },
				},
			},
		},
	);
	t.is(patched.status, 204);
	const { page } = await startSignUp(world);
	t.regex(page.html, /data-state="hanging"/);
	t.regex(page.html, /role="progressbar"/);
	t.false(
		page.html.includes('<form method="post" action="/contosocustomers.ciamlogin.com'),
		'no form to fill in',
	);
	t.regex(
		world.emulator.tenant.signInLogs.at(-1)!.failureReason!,
		/Newsletter: input type 'text' does not fit the boolean attribute/,
	);
});

test('with empty-options=accept a radio input without choices is stored, and the page hangs', async (t) => {
	const world = await customerWorld(t, { quirks: 'empty-options=accept' });
	const inputs = world.emulator.tenant
		.findFlow(flows.customers)!
		.attributeCollection!.views[0]!.inputs.map((input) => ({
			...input,
			options: input.inputType === 'radioSingleSelect' ? [] : input.options,
		}));
	const body = {
		'@odata.type': types.flow,
		onAttributeCollection: {
			'@odata.type': types.attributes,
			attributeCollectionPage: { views: [{ inputs }] },
		},
	};
	t.is(
		(await call(world.emulator, 'PATCH', `/identity/authenticationEventsFlows/${flows.customers}`, { body }))
			.status,
		204,
	);
	t.regex((await startSignUp(world)).page.html, /data-state="hanging"/);
	const strict = await customerWorld(t);
	t.is(
		(await call(strict.emulator, 'PATCH', `/identity/authenticationEventsFlows/${flows.customers}`, { body }))
			.status,
		400,
	);
});

test('read-only and hidden fields keep the values the page was drawn with, whatever is posted', async (t) => {
	const world = await customerWorld(t);
	const input = world.emulator.tenant
		.findFlow(flows.customers)!
		.attributeCollection!.views[0]!.inputs.find((entry) => entry.attribute === 'country')!;
	input.editable = false;
	const { txn, page } = await startSignUp(world, 'readonly@example.com', { ui_locales: 'de-DE' });
	t.regex(page.html, /name="a:country" id="input-\d+" value="Germany" aria-describedby="error-\d+" readonly/);
	t.is(
		(
			await post(world, 'attributes', {
				txn,
				...goodCustomer,
				'a:country': 'Tampered',
				'a:email': 'other@example.com',
			})
		).status,
		302,
	);
	const customer = world.emulator.tenant.findCustomer('readonly@example.com')!;
	t.is(customer.attributes.country, 'Germany');
	t.is(customer.attributes.email, 'readonly@example.com');
});

test('sign-up is refused where the flow has it off, and for an email that has an account', async (t) => {
	const world = await customerWorld(t);
	const existing = await startSignUp(world, 'ada@example.com');
	t.is(existing.page.status, 400);
	t.regex(existing.page.html, /already exists/);
	const partnerPortal = world.emulator.tenant.findApplicationByAppId(apps.partnerPortal.appId)!;
	const txn = transactionOf(
		await authorize(world, {
			client_id: partnerPortal.appId,
			redirect_uri: 'https://partners.contoso.com/signin-oidc',
		}),
	);
	t.false(
		(
			await authorize(world, {
				client_id: partnerPortal.appId,
				redirect_uri: 'https://partners.contoso.com/signin-oidc',
			})
		).html.includes('Create one'),
	);
	const refused = await post(world, 'signup', { txn, email: 'p@example.com', password: 'Str0ng-pass' });
	t.is(refused.status, 403);
	t.is(world.emulator.tenant.findCustomer('p@example.com'), undefined);
	const weak = await startSignUp(world, 'weak@example.com');
	t.is(weak.page.status, 200);
	const short = await post(world, 'signup', { txn: weak.txn, email: 'short@example.com', password: 'short' });
	t.regex(short.html, /8 to 256 characters/);
});
