import test from 'ava';
import { seedIds } from '../../source/emulator/server.js';
import {
	type Attribute,
	type Collection,
	call,
	createFlow,
	type ErrorBody,
	type Flow,
	type Provider,
	paths,
	start,
	types,
} from './helpers.js';

const { flows, apps } = seedIds;

// A flow's identity providers.
const ref = (url: string) => ({ '@odata.id': url });

test("lists a flow's providers with the documented context (v1.0 and beta)", async (t) => {
	const emulator = await start(t);
	for (const version of ['v1.0', 'beta'] as const) {
		const list = await call<Collection<Provider>>(emulator, 'GET', paths.providers(flows.customers), {
			version,
		});
		t.is(list.status, 200);
		t.is(
			list.json['@odata.context'],
			`${emulator.origin}/${version}/$metadata#Collection(microsoft.graph.identityProviderBase)`,
		);
		t.deepEqual(
			list.json.value.map((provider) => [provider['@odata.type'], provider.id]),
			[
				['#microsoft.graph.builtInIdentityProvider', 'EmailPassword-OAUTH'],
				['#microsoft.graph.socialIdentityProvider', 'Google-OAUTH'],
				['#microsoft.graph.socialIdentityProvider', 'Facebook-OAUTH'],
			],
		);
		t.is(list.json.value[1]!.clientSecret, '******');
	}
});

test('the sub-collection pages with a small page size', async (t) => {
	const emulator = await start(t, { pageSize: 2 });
	const first = await call<Collection<Provider>>(emulator, 'GET', paths.providers(flows.customers));
	t.is(first.json.value.length, 2);
	const second = await call<Collection<Provider>>(emulator, 'GET', first.json['@odata.nextLink']!);
	t.deepEqual(
		second.json.value.map((provider) => provider.id),
		['Facebook-OAUTH'],
	);
	t.is(second.json['@odata.nextLink'], undefined);
});

test('adds a provider by $ref in the canonical, documented and emulator-origin forms', async (t) => {
	const emulator = await start(t);
	const forms = [
		'https://graph.microsoft.com/v1.0/identity/identityProviders/Google-OAUTH',
		'https://graph.microsoft.com/beta/identityProviders/Facebook-OAUTH',
		`${emulator.origin}/v1.0/identity/identityProviders/EmailOtpSignup-OAUTH`,
	];
	for (const url of forms) {
		const response = await call(emulator, 'POST', `${paths.providers(flows.partners)}/$ref`, {
			body: ref(url),
		});
		t.is(response.status, 204, url);
		t.is(response.text, '');
	}
	t.deepEqual(emulator.tenant.findFlow(flows.partners)!.providerIds, [
		'EmailPassword-OAUTH',
		'Google-OAUTH',
		'Facebook-OAUTH',
		'EmailOtpSignup-OAUTH',
	]);
});

test('provider-ref=canonical-only refuses the documented form without /identity/', async (t) => {
	const emulator = await start(t, { quirks: 'provider-ref=canonical-only' });
	const response = await call<ErrorBody>(emulator, 'POST', `${paths.providers(flows.partners)}/$ref`, {
		body: ref('https://graph.microsoft.com/beta/identityProviders/Google-OAUTH'),
	});
	t.is(response.status, 400);
	t.regex(
		response.json.error.message,
		/expected 'https:\/\/graph.microsoft.com\/v1.0\/identity\/identityProviders\/\{id\}'/,
	);
});

const badBodies: Array<[string, unknown, RegExp]> = [
	['no @odata.id', {}, /must be \{"@odata.id": "<URL>"\}/],
	['not a URL', ref('Google-OAUTH'), /not an absolute URL/],
	[
		'a foreign host',
		ref('https://evil.example.com/v1.0/identity/identityProviders/Google-OAUTH'),
		/must point at Microsoft Graph/,
	],
	[
		'an attribute URL',
		ref('https://graph.microsoft.com/v1.0/identity/userFlowAttributes/city'),
		/does not reference an identity provider/,
	],
	[
		'an unknown provider',
		ref('https://graph.microsoft.com/v1.0/identity/identityProviders/Twitter-OAUTH'),
		/'Twitter-OAUTH' is not configured/,
	],
	[
		'a provider already on the flow',
		ref('https://graph.microsoft.com/v1.0/identity/identityProviders/EmailPassword-OAUTH'),
		/added object references already exist.*'identityProviders'/,
	],
	[
		'an extra property',
		{ ...ref('https://graph.microsoft.com/v1.0/identity/identityProviders/Google-OAUTH'), id: 'x' },
		/'id' does not exist/,
	],
];

for (const [name, body, message] of badBodies) {
	test(`$ref add refuses ${name}`, async (t) => {
		const emulator = await start(t);
		const response = await call<ErrorBody>(emulator, 'POST', `${paths.providers(flows.partners)}/$ref`, {
			body,
		});
		t.is(response.status, 400);
		t.regex(response.json.error.message, message);
	});
}

test('removes a provider; unknown ids are 404; the last provider stays', async (t) => {
	const emulator = await start(t);
	const base = paths.providers(flows.customers);
	t.is((await call(emulator, 'DELETE', `${base}/Google-OAUTH/$ref`)).status, 204);
	const missing = await call<ErrorBody>(emulator, 'DELETE', `${base}/Google-OAUTH/$ref`);
	t.is(missing.status, 404);
	t.is(missing.json.error.code, 'Request_ResourceNotFound');
	t.is((await call(emulator, 'DELETE', `${base}/Facebook-OAUTH/$ref`, { version: 'beta' })).status, 204);
	const last = await call<ErrorBody>(emulator, 'DELETE', `${base}/EmailPassword-OAUTH/$ref`);
	t.is(last.status, 400);
	t.regex(last.json.error.message, /at least one identity provider; 'EmailPassword-OAUTH' is the last one/);
	t.deepEqual(emulator.tenant.findFlow(flows.customers)!.providerIds, ['EmailPassword-OAUTH']);
});

test('a missing flow is 404 before the body is looked at', async (t) => {
	const emulator = await start(t);
	const id = await createFlow(emulator, 'Short-lived');
	await call(emulator, 'DELETE', paths.flow(id));
	const response = await call<ErrorBody>(emulator, 'POST', `${paths.providers(id)}/$ref`, { body: {} });
	t.is(response.status, 404);
});

// A flow's attributes and their page inputs.
const attributeRef = (id: string, version = 'v1.0') => ({
	'@odata.id': `https://graph.microsoft.com/${version}/identity/userFlowAttributes/${id}`,
});

test("lists a flow's attributes with the documented context", async (t) => {
	const emulator = await start(t);
	const list = await call<Collection<Attribute>>(emulator, 'GET', paths.attributes(flows.partners));
	t.is(list.status, 200);
	t.is(
		list.json['@odata.context'],
		`${emulator.origin}/v1.0/$metadata#Collection(microsoft.graph.identityUserFlowAttribute)`,
	);
	t.deepEqual(list.json.value, [
		{
			id: 'email',
			displayName: 'Email Address',
			description: 'Email address of the user',
			userFlowAttributeType: 'builtIn',
			dataType: 'string',
		},
		{
			id: 'displayName',
			displayName: 'Display Name',
			description: 'Display Name of the User.',
			userFlowAttributeType: 'builtIn',
			dataType: 'string',
		},
	]);
});

test('a flow without attributes answers 400 (documented), or an empty list with empty-attributes=empty', async (t) => {
	const emulator = await start(t);
	const id = await createFlow(emulator, 'No attributes');
	const response = await call<ErrorBody>(emulator, 'GET', paths.attributes(id));
	t.is(response.status, 400);
	t.regex(response.json.error.message, /has no attributes/);
	const lenient = await start(t, { quirks: 'empty-attributes=empty' });
	const other = await createFlow(lenient, 'No attributes');
	const list = await call<Collection<Attribute>>(lenient, 'GET', paths.attributes(other));
	t.deepEqual(list.json.value, []);
});

test('adding by $ref appends a default input per data type', async (t) => {
	const emulator = await start(t);
	const created = await call<Attribute>(emulator, 'POST', '/identity/userFlowAttributes', {
		body: { displayName: 'Loyalty number', description: 'Card number', dataType: 'int64' },
	});
	const added = ['city', seedIds.attributes.newsletter, created.json.id];
	for (const id of added) {
		const response = await call(emulator, 'POST', `${paths.attributes(flows.partners)}/$ref`, {
			body: attributeRef(id),
		});
		t.is(response.status, 204, id);
	}
	const flow = await call<{ value: Flow }>(emulator, 'GET', paths.flow(flows.partners));
	const inputs = flow.json.value.onAttributeCollection!.attributeCollectionPage.views[0]!.inputs;
	t.deepEqual(
		inputs.slice(2).map((input) => [input.attribute, input.label, input.inputType]),
		[
			['city', 'City', 'text'],
			[seedIds.attributes.newsletter, 'Newsletter', 'boolean'],
			[created.json.id, 'Loyalty number', 'text'],
		],
	);
	t.like(inputs[2], { required: false, hidden: false, editable: true, writeToDirectory: true, options: [] });
	t.deepEqual(
		flow.json.value.onAttributeCollection!.attributes!.map((attribute) => attribute.id),
		['email', 'displayName', ...added],
	);
});

test('the first $ref attribute on a flow created without one creates onAttributeCollection, then PATCH works', async (t) => {
	const emulator = await start(t);
	const id = await createFlow(emulator, 'Late attributes');
	t.is(
		(await call(emulator, 'POST', `${paths.attributes(id)}/$ref`, { body: attributeRef('email', 'beta') }))
			.status,
		204,
	);
	const flow = await call<{ value: Flow }>(emulator, 'GET', paths.flow(id));
	const inputs = flow.json.value.onAttributeCollection!.attributeCollectionPage.views[0]!.inputs;
	t.is(inputs.length, 1);
	const patch = await call(emulator, 'PATCH', paths.flow(id), {
		body: {
			'@odata.type': types.flow,
			onAttributeCollection: {
				'@odata.type': types.attributes,
				attributeCollectionPage: {
					views: [{ inputs: [{ ...inputs[0], hidden: true, editable: false, required: true }] }],
				},
			},
		},
	});
	t.is(patch.status, 204, patch.text);
});

test('$ref add refuses unknown and duplicate attributes', async (t) => {
	const emulator = await start(t);
	const unknown = await call<ErrorBody>(emulator, 'POST', `${paths.attributes(flows.partners)}/$ref`, {
		body: attributeRef('shoeSize'),
	});
	t.is(unknown.status, 400);
	t.regex(unknown.json.error.message, /'shoeSize' does not exist/);
	const duplicate = await call<ErrorBody>(emulator, 'POST', `${paths.attributes(flows.partners)}/$ref`, {
		body: { '@odata.id': 'https://graph.microsoft.com/v1.0/userFlowAttributes/email' },
	});
	t.regex(duplicate.json.error.message, /already exist.*'attributes'/);
	const wrongKind = await call<ErrorBody>(emulator, 'POST', `${paths.attributes(flows.partners)}/$ref`, {
		body: { '@odata.id': 'https://graph.microsoft.com/v1.0/identity/identityProviders/Google-OAUTH' },
	});
	t.regex(wrongKind.json.error.message, /does not reference a user flow attribute/);
});

test('removing by {id}/$ref removes the input too, unless remove-attribute-keeps-input=true', async (t) => {
	const emulator = await start(t);
	t.is((await call(emulator, 'DELETE', `${paths.attributes(flows.support)}/city/$ref`)).status, 204);
	const collection = emulator.tenant.findFlow(flows.support)!.attributeCollection!;
	t.false(collection.attributeIds.includes('city'));
	t.false(collection.views[0]!.inputs.some((input) => input.attribute === 'city'));
	const missing = await call<ErrorBody>(emulator, 'DELETE', `${paths.attributes(flows.support)}/city/$ref`);
	t.is(missing.status, 404);
	t.is(missing.json.error.code, 'Request_ResourceNotFound');
	const keeping = await start(t, { quirks: { removeAttributeKeepsInput: true } });
	await call(keeping, 'DELETE', `${paths.attributes(flows.support)}/city/$ref`);
	const kept = keeping.tenant.findFlow(flows.support)!.attributeCollection!;
	t.false(kept.attributeIds.includes('city'));
	t.true(kept.views[0]!.inputs.some((input) => input.attribute === 'city'));
});

test('beta also accepts DELETE …/attributes/$ref with a body; v1.0 answers 405', async (t) => {
	const emulator = await start(t);
	const body = attributeRef('jobTitle', 'beta');
	const v1 = await call(emulator, 'DELETE', `${paths.attributes(flows.support)}/$ref`, { body });
	t.is(v1.status, 405);
	const beta = await call(emulator, 'DELETE', `${paths.attributes(flows.support)}/$ref`, {
		body,
		version: 'beta',
	});
	t.is(beta.status, 204);
	t.false(emulator.tenant.findFlow(flows.support)!.attributeCollection!.attributeIds.includes('jobTitle'));
});

// Applications linked to a flow.
const conditionType = '#microsoft.graph.authenticationConditionApplication';

test('lists linked apps with the documented context', async (t) => {
	const emulator = await start(t);
	for (const version of ['v1.0', 'beta'] as const) {
		const list = await call<Collection<{ appId: string }>>(emulator, 'GET', paths.apps(flows.customers), {
			version,
		});
		t.is(
			list.json['@odata.context'],
			`${emulator.origin}/${version}/$metadata#identity/authenticationEventsFlows('${flows.customers}')/conditions/applications/includeApplications`,
		);
		t.deepEqual(list.json.value, [{ appId: apps.storefront.appId }, { appId: apps.mobile.appId }]);
	}
});

test('links an app with 201 and the $entity context', async (t) => {
	const emulator = await start(t);
	const response = await call<{ '@odata.context': string; appId: string }>(
		emulator,
		'POST',
		paths.apps(flows.events),
		{
			body: { '@odata.type': conditionType, appId: apps.loyaltyApi.appId },
		},
	);
	t.is(response.status, 201);
	t.deepEqual(response.json, {
		'@odata.context': `${emulator.origin}/v1.0/$metadata#identity/authenticationEventsFlows('${flows.events}')/conditions/applications/includeApplications/$entity`,
		appId: apps.loyaltyApi.appId,
	});
	t.is(emulator.tenant.flowForApp(apps.loyaltyApi.appId)?.id, flows.events);
	const one = await call<{ appId: string }>(
		emulator,
		'GET',
		`${paths.apps(flows.events)}/${apps.loyaltyApi.appId}`,
	);
	t.is(one.json.appId, apps.loyaltyApi.appId);
});

test('an app linked to another flow is refused, naming that flow', async (t) => {
	const emulator = await start(t);
	const response = await call<ErrorBody>(emulator, 'POST', paths.apps(flows.events), {
		body: { '@odata.type': conditionType, appId: apps.supportDesk.appId },
	});
	t.is(response.status, 400);
	t.is(response.json.error.code, 'Request_BadRequest');
	t.regex(
		response.json.error.message,
		/already linked to the user flow 'Support desk \(email one-time passcode\)'/,
	);
	t.regex(response.json.error.message, new RegExp(flows.support));
});

test('link refusals: unknown app, missing appId, wrong @odata.type, already on this flow', async (t) => {
	const emulator = await start(t);
	const cases: Array<[unknown, RegExp]> = [
		[{ appId: '11111111-2222-3333-4444-555555555555' }, /was not found in this tenant/],
		[{ '@odata.type': conditionType }, /'appId'/],
		[{ '@odata.type': '#microsoft.graph.application', appId: apps.events.appId }, /not valid/],
		[{ appId: apps.storefront.appId }, /already linked to the user flow 'Contoso customers/],
	];
	for (const [body, message] of cases) {
		const target = message.source.includes('Contoso customers') ? flows.customers : flows.events;
		const response = await call<ErrorBody>(emulator, 'POST', paths.apps(target), { body });
		t.is(response.status, 400, JSON.stringify(body));
		t.regex(response.json.error.message, message);
	}
});

test('unlinks an app; unlinking again is 404', async (t) => {
	const emulator = await start(t);
	const url = `${paths.apps(flows.customers)}/${apps.mobile.appId}`;
	const response = await call(emulator, 'DELETE', url);
	t.is(response.status, 204);
	t.is(response.text, '');
	const again = await call<ErrorBody>(emulator, 'DELETE', url);
	t.is(again.status, 404);
	t.is(again.json.error.code, 'Request_ResourceNotFound');
	t.is(emulator.tenant.flowForApp(apps.mobile.appId), undefined);
});
