import test from 'ava';
import { seedIds } from '../../source/emulator/server.js';
import {
	type Collection,
	call,
	collectionBody,
	createFlow,
	type ErrorBody,
	type Flow,
	flowBody,
	paths,
	start,
	types,
} from './helpers.js';

const { flows, apps } = seedIds;

test('v1.0 list returns the seeded flows with providers, attributes and apps expanded', async (t) => {
	const emulator = await start(t);
	const list = await call<Collection<Flow>>(emulator, 'GET', paths.flows);
	t.is(list.status, 200);
	t.is(list.json['@odata.context'], `${emulator.origin}/v1.0/$metadata#identity/authenticationEventsFlows`);
	t.is(list.json.value.length, 4);
	const customers = list.json.value.find((flow) => flow.id === flows.customers)!;
	t.is(customers['@odata.type'], types.flow);
	t.is(customers.priority, undefined);
	t.deepEqual(
		customers.onAuthenticationMethodLoadStart.identityProviders?.map((provider) => provider.id),
		['EmailPassword-OAUTH', 'Google-OAUTH', 'Facebook-OAUTH'],
	);
	t.deepEqual(customers.conditions.applications.includeApplications, [
		{ appId: apps.storefront.appId },
		{ appId: apps.mobile.appId },
	]);
	const collection = customers.onAttributeCollection!;
	const attributeIds = collection.attributes!.map((attribute) => attribute.id);
	const inputIds = collection.attributeCollectionPage.views.flatMap((view) =>
		view.inputs.map((input) => input.attribute),
	);
	t.deepEqual(inputIds, attributeIds);
	t.true(attributeIds.includes(seedIds.attributes.favoriteColor));
	const email = collection.attributeCollectionPage.views[0]!.inputs.find(
		(input) => input.attribute === 'email',
	)!;
	t.like(email, { hidden: true, required: true, editable: false });
	const google = customers.onAuthenticationMethodLoadStart.identityProviders!.find(
		(p) => p.id === 'Google-OAUTH',
	)!;
	t.is(google.clientSecret, '******');
	const partners = list.json.value.find((flow) => flow.id === flows.partners)!;
	t.false(partners.onInteractiveAuthFlowStart.isSignUpAllowed);
});

test('every seeded flow has inputs that match its attributes', async (t) => {
	const emulator = await start(t);
	const list = await call<Collection<Flow>>(emulator, 'GET', paths.flows);
	for (const flow of list.json.value) {
		const collection = flow.onAttributeCollection!;
		const inputs = collection.attributeCollectionPage.views.flatMap((view) =>
			view.inputs.map((input) => input.attribute),
		);
		t.deepEqual(
			[...inputs].sort(),
			collection.attributes!.map((attribute) => attribute.id).sort(),
			flow.displayName,
		);
	}
});

test('beta adds priority, provider state, customStringsFileId and accessPackages', async (t) => {
	const emulator = await start(t);
	const list = await call<Collection<Flow>>(emulator, 'GET', paths.flows, { version: 'beta' });
	const events = list.json.value.find((flow) => flow.id === flows.events)!;
	t.is(events.priority, 400);
	t.is(events.onAuthenticationMethodLoadStart.identityProviders![0]!.state, null);
	t.is(events.onAttributeCollection!.attributeCollectionPage.customStringsFileId, null);
	t.deepEqual(events.onAttributeCollection!.accessPackages, []);
	t.is(events.onUserCreateStart!.userTypeToCreate, 'guest');
});

test('get one flow is wrapped in value by default and bare with get-wrapped=false', async (t) => {
	const wrapped = await start(t);
	const one = await call<{ value: Flow }>(wrapped, 'GET', paths.flow(flows.customers));
	t.is(one.status, 200);
	t.is(one.json.value.id, flows.customers);
	t.is(one.json.value.displayName, 'Contoso customers sign-up and sign-in');
	const bare = await start(t, { quirks: { getWrapped: false } });
	const entity = await call<Flow>(bare, 'GET', paths.flow(flows.customers));
	t.is(
		entity.json['@odata.context'],
		`${bare.origin}/v1.0/$metadata#identity/authenticationEventsFlows/$entity`,
	);
	t.is(entity.json.id, flows.customers);
});

test('an unknown flow is 404 Request_ResourceNotFound', async (t) => {
	const emulator = await start(t);
	const id = '00000000-0000-0000-0000-000000000000';
	for (const method of ['GET', 'PATCH', 'DELETE']) {
		const response = await call<ErrorBody>(emulator, method, paths.flow(id), {
			body: method === 'PATCH' ? { '@odata.type': types.flow } : undefined,
		});
		t.is(response.status, 404, method);
		t.is(response.json.error.code, 'Request_ResourceNotFound');
		t.is(
			response.json.error.message,
			`Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
		);
	}
});

test('create answers 201 with the documented shape (providers not expanded)', async (t) => {
	const emulator = await start(t);
	const created = await call<Flow>(emulator, 'POST', paths.flows, {
		body: flowBody('Woodgrove sign-up', {
			conditions: { applications: { includeApplications: [{ appId: apps.events.appId }] } },
		}),
	});
	t.is(created.status, 201);
	t.is(
		created.json['@odata.context'],
		`${emulator.origin}/v1.0/$metadata#identity/authenticationEventsFlows/$entity`,
	);
	t.regex(created.json.id, /^[0-9a-f-]{36}$/);
	t.deepEqual(created.json.onAuthenticationMethodLoadStart, { '@odata.type': types.idp });
	t.deepEqual(created.json.conditions, { applications: { includeAllApplications: false } });
	t.is(created.json.onAttributeCollection, null);
	t.is(created.json.onUserCreateStart, null);
	t.false('priority' in created.json);
	const linked = await call<Collection<{ appId: string }>>(emulator, 'GET', paths.apps(created.json.id));
	t.deepEqual(linked.json.value, [{ appId: apps.events.appId }]);
	const beta = await call<Flow>(emulator, 'POST', paths.flows, {
		body: flowBody('Beta flow'),
		version: 'beta',
	});
	t.is(beta.json.priority, 500);
	t.is(beta.json.onAttributeCollectionStart, null);
});

test('create with onAttributeCollection stores attributes and inputs; inputType casing is normalised', async (t) => {
	const emulator = await start(t);
	const body = collectionBody(['email', 'city']) as {
		attributeCollectionPage: { views: { inputs: { inputType: string }[] }[] };
	};
	body.attributeCollectionPage.views[0]!.inputs[1]!.inputType = 'Text';
	const id = await createFlow(emulator, 'With attributes', { onAttributeCollection: body });
	const flow = await call<{ value: Flow }>(emulator, 'GET', paths.flow(id));
	const inputs = flow.json.value.onAttributeCollection!.attributeCollectionPage.views[0]!.inputs;
	t.deepEqual(
		inputs.map((input) => [input.attribute, input.inputType]),
		[
			['email', 'text'],
			['city', 'text'],
		],
	);
	t.like(inputs[1], { hidden: false, editable: true, required: false, writeToDirectory: true, options: [] });
});

const createCases: Array<[string, Record<string, unknown>, RegExp]> = [
	['missing @odata.type', { '@odata.type': undefined }, /@odata.type' is required/],
	['wrong @odata.type', { '@odata.type': '#microsoft.graph.authenticationEventsFlow' }, /not valid/],
	['missing displayName', { displayName: undefined }, /displayName/],
	[
		'no identity provider',
		{ onAuthenticationMethodLoadStart: { '@odata.type': types.idp, identityProviders: [] } },
		/at least one identity provider/,
	],
	[
		'unknown provider',
		{
			onAuthenticationMethodLoadStart: {
				'@odata.type': types.idp,
				identityProviders: [{ id: 'Twitter-OAUTH' }],
			},
		},
		/'Twitter-OAUTH' is not configured/,
	],
	[
		'isSignUpAllowed as a string',
		{ onInteractiveAuthFlowStart: { '@odata.type': types.interactive, isSignUpAllowed: 'false' } },
		/JSON boolean/,
	],
	[
		'handler without @odata.type',
		{ onInteractiveAuthFlowStart: { isSignUpAllowed: true } },
		/'@odata.type' is required/,
	],
	['unknown property', { colour: 'blue' }, /'colour' does not exist/],
	[
		'attributes without inputs',
		{ onAttributeCollection: { '@odata.type': types.attributes, attributes: [{ id: 'email' }] } },
		/send both 'attributes' and/,
	],
	[
		'unknown attribute',
		{ onAttributeCollection: collectionBody(['email', 'shoeSize']) },
		/'shoeSize' does not exist in this tenant/,
	],
	[
		'unknown app',
		{ conditions: { applications: { includeApplications: [{ appId: 'nope' }] } } },
		/appId 'nope' was not found/,
	],
	[
		'app linked to another flow',
		{ conditions: { applications: { includeApplications: [{ appId: apps.mobile.appId }] } } },
		/already linked to the user flow 'Contoso customers sign-up and sign-in'/,
	],
	[
		'userTypeToCreate outside the enum',
		{ onUserCreateStart: { '@odata.type': types.userCreate, userTypeToCreate: 'admin' } },
		/member' or 'guest/,
	],
];

for (const [name, change, message] of createCases) {
	test(`create refuses: ${name}`, async (t) => {
		const emulator = await start(t);
		const body = { ...flowBody('Refused'), ...change };
		const response = await call<ErrorBody>(emulator, 'POST', paths.flows, { body });
		t.is(response.status, 400);
		t.is(response.json.error.code, 'Request_BadRequest');
		t.regex(response.json.error.message, message);
		t.is(emulator.tenant.flows.length, 4);
	});
}

test('create refuses inputs that do not match the attributes and bad inputTypes', async (t) => {
	const emulator = await start(t);
	const mismatch = collectionBody(['email', 'city']) as { attributes: { id: string }[] };
	mismatch.attributes = [{ id: 'email' }];
	const first = await call<ErrorBody>(emulator, 'POST', paths.flows, {
		body: flowBody('M', { onAttributeCollection: mismatch }),
	});
	t.is(first.status, 400);
	t.regex(first.json.error.message, /cover exactly the flow's attributes/);
	const badType = collectionBody(['email']) as {
		attributeCollectionPage: { views: { inputs: { inputType: string }[] }[] };
	};
	badType.attributeCollectionPage.views[0]!.inputs[0]!.inputType = 'dropdown';
	const second = await call<ErrorBody>(emulator, 'POST', paths.flows, {
		body: flowBody('T', { onAttributeCollection: badType }),
	});
	t.regex(second.json.error.message, /inputType 'dropdown'.*Allowed values: text, radioSingleSelect/);
});

test('duplicate display names are refused case-insensitively (400, or 409 by quirk)', async (t) => {
	const emulator = await start(t);
	const response = await call<ErrorBody>(emulator, 'POST', paths.flows, {
		body: flowBody('EVENTS registration'),
	});
	t.is(response.status, 400);
	t.is(response.json.error.code, 'Request_BadRequest');
	t.regex(response.json.error.message, /'EVENTS registration' already exists/);
	const conflict = await start(t, { quirks: 'duplicate-status=409' });
	const second = await call<ErrorBody>(conflict, 'POST', paths.flows, {
		body: flowBody('Events Registration'),
	});
	t.is(second.status, 409);
	t.is(second.json.error.code, 'nameAlreadyExists');
});

test('by default a business-rule refusal says only the generic sentence; protocol errors keep theirs', async (t) => {
	const emulator = await start(t, { quirks: 'messages=generic' });
	const duplicate = await call<ErrorBody>(emulator, 'POST', paths.flows, {
		body: flowBody('Events registration'),
	});
	t.is(duplicate.status, 400);
	t.is(duplicate.json.error.code, 'Request_BadRequest');
	t.is(duplicate.json.error.message, 'One or more properties contains invalid values.');
	t.truthy(duplicate.json.error.innerError?.['request-id']);
	const malformed = await call<ErrorBody>(emulator, 'POST', paths.flows, { raw: '{"displayName":' });
	t.is(malformed.json.error.code, 'BadRequest');
	t.regex(malformed.json.error.message, /Unable to read JSON request payload/);
	const missing = await call<ErrorBody>(emulator, 'GET', paths.flow('no-such-flow'));
	t.is(missing.status, 404);
	t.regex(missing.json.error.message, /'no-such-flow' does not exist/);
});

test('PATCH changes name, description, sign-up and providers', async (t) => {
	const emulator = await start(t);
	const response = await call(emulator, 'PATCH', paths.flow(flows.events), {
		body: {
			'@odata.type': types.flow,
			displayName: 'Events 2027',
			description: null,
			onInteractiveAuthFlowStart: { '@odata.type': types.interactive, isSignUpAllowed: false },
			onAuthenticationMethodLoadStart: {
				'@odata.type': types.idp,
				identityProviders: [{ id: 'google-oauth' }],
			},
		},
	});
	t.is(response.status, 204);
	const flow = emulator.tenant.findFlow(flows.events)!;
	t.like(flow, {
		displayName: 'Events 2027',
		description: null,
		isSignUpAllowed: false,
		providerIds: ['Google-OAUTH'],
	});
});

test('PATCH changes the layout of existing inputs', async (t) => {
	const emulator = await start(t);
	const before = await call<{ value: Flow }>(emulator, 'GET', paths.flow(flows.partners));
	const inputs = before.json.value.onAttributeCollection!.attributeCollectionPage.views[0]!.inputs;
	const reversed = [...inputs].reverse();
	const edited = reversed.map((input) =>
		input.attribute === 'displayName'
			? {
					...input,
					label: 'Your name',
					inputType: 'radioSingleSelect',
					options: [{ label: 'A', value: 'a' }],
				}
			: input,
	);
	const response = await call(emulator, 'PATCH', paths.flow(flows.partners), {
		body: {
			'@odata.type': types.flow,
			onAttributeCollection: {
				'@odata.type': types.attributes,
				attributeCollectionPage: { views: [{ inputs: edited }] },
			},
		},
	});
	t.is(response.status, 204, response.text);
	const stored = emulator.tenant.findFlow(flows.partners)!.attributeCollection!.views[0]!.inputs;
	t.deepEqual(
		stored.map((input) => [input.attribute, input.label, input.inputType]),
		[
			['displayName', 'Your name', 'radioSingleSelect'],
			['email', 'Email Address', 'text'],
		],
	);
});

test('PATCH cannot add or remove inputs (v1.0, and beta by default)', async (t) => {
	const emulator = await start(t);
	const flow = emulator.tenant.findFlow(flows.partners)!;
	const inputs = flow.attributeCollection!.views[0]!.inputs;
	const withCity = [...inputs, { attribute: 'city', label: 'City', inputType: 'text' }];
	for (const version of ['v1.0', 'beta'] as const) {
		for (const sent of [withCity, inputs.slice(0, 1)]) {
			const response = await call<ErrorBody>(emulator, 'PATCH', paths.flow(flows.partners), {
				version,
				body: {
					'@odata.type': types.flow,
					onAttributeCollection: {
						'@odata.type': types.attributes,
						attributeCollectionPage: { views: [{ inputs: sent }] },
					},
				},
			});
			t.is(response.status, 400);
			t.regex(response.json.error.message, /use POST …\/attributes\/\$ref/);
		}
	}
	t.is(flow.attributeCollection!.attributeIds.length, 2);
});

test('beta-patch-inputs=allow lets beta PATCH change the attribute set', async (t) => {
	const emulator = await start(t, { quirks: 'beta-patch-inputs=allow' });
	const inputs = emulator.tenant.findFlow(flows.partners)!.attributeCollection!.views[0]!.inputs;
	const response = await call(emulator, 'PATCH', paths.flow(flows.partners), {
		version: 'beta',
		body: {
			'@odata.type': types.flow,
			onAttributeCollection: {
				'@odata.type': types.attributes,
				attributeCollectionPage: {
					views: [{ inputs: [...inputs, { attribute: 'city', label: 'City', inputType: 'text' }] }],
				},
			},
		},
	});
	t.is(response.status, 204, response.text);
	t.deepEqual(emulator.tenant.findFlow(flows.partners)!.attributeCollection!.attributeIds, [
		'email',
		'displayName',
		'city',
	]);
});

test('PATCH refusals: no type, no providers, onAttributeCollection on a flow created without it, duplicate name', async (t) => {
	const emulator = await start(t);
	const bare = await createFlow(emulator, 'Bare');
	const cases: Array<[string, Record<string, unknown>, RegExp]> = [
		[flows.events, { displayName: 'x' }, /@odata.type' is required/],
		[
			flows.events,
			{
				'@odata.type': types.flow,
				onAuthenticationMethodLoadStart: { '@odata.type': types.idp, identityProviders: [] },
			},
			/at least one identity provider/,
		],
		[
			bare,
			{ '@odata.type': types.flow, onAttributeCollection: collectionBody(['email']) },
			/created without it\. Add an attribute first/,
		],
		[
			flows.events,
			{ '@odata.type': types.flow, displayName: 'partner PORTAL sign-in only' },
			/already exists/,
		],
		[
			flows.events,
			{
				'@odata.type': types.flow,
				onInteractiveAuthFlowStart: { '@odata.type': types.interactive, isSignUpAllowed: 0 },
			},
			/JSON boolean/,
		],
	];
	for (const [id, body, message] of cases) {
		const response = await call<ErrorBody>(emulator, 'PATCH', paths.flow(id), { body });
		t.is(response.status, 400, JSON.stringify(body));
		t.regex(response.json.error.message, message);
	}
	t.is(emulator.tenant.findFlow(flows.events)!.displayName, 'Events registration');
});

test('DELETE removes a flow; a flow with linked apps is refused unless delete-with-apps=unlink', async (t) => {
	const emulator = await start(t);
	t.is((await call(emulator, 'DELETE', paths.flow(flows.events))).status, 204);
	t.is((await call(emulator, 'GET', paths.flow(flows.events))).status, 404);
	const refused = await call<ErrorBody>(emulator, 'DELETE', paths.flow(flows.customers));
	t.is(refused.status, 400);
	t.regex(refused.json.error.message, /Unlink them first/);
	t.regex(refused.json.error.message, /'Contoso Storefront' \(a442e488/);
	t.regex(refused.json.error.message, /'Contoso Mobile'/);
	const unlinking = await start(t, { quirks: 'delete-with-apps=unlink' });
	t.is((await call(unlinking, 'DELETE', paths.flow(flows.customers))).status, 204);
	t.is(unlinking.tenant.flowForApp(apps.storefront.appId), undefined);
	const link = await call(unlinking, 'POST', paths.apps(flows.events), {
		body: { appId: apps.storefront.appId },
	});
	t.is(link.status, 201);
});
