import test from 'ava';
import { parseFilter } from '../../source/emulator/odata-filter.js';
import { seedIds } from '../../source/emulator/server.js';
import {
	type Application,
	type Attribute,
	type Collection,
	call,
	createFlow,
	type ErrorBody,
	type Flow,
	type Provider,
	paths,
	start,
} from './helpers.js';

// Tenant identity providers, user-flow attributes and applications.
const extensionPrefix = `extension_${seedIds.extensionsAppId.replaceAll('-', '')}_`;

test('tenant providers: list, masked secrets, beta state and tips, get one', async (t) => {
	const emulator = await start(t);
	const list = await call<Collection<Provider>>(emulator, 'GET', '/identity/identityProviders');
	t.is(list.json['@odata.context'], `${emulator.origin}/v1.0/$metadata#identity/identityProviders`);
	t.deepEqual(
		list.json.value.map((provider) => provider.id),
		['EmailPassword-OAUTH', 'EmailOtpSignup-OAUTH', 'Google-OAUTH', 'Facebook-OAUTH'],
	);
	t.deepEqual(list.json.value[0], {
		'@odata.type': '#microsoft.graph.builtInIdentityProvider',
		id: 'EmailPassword-OAUTH',
		displayName: 'Email with password',
		identityProviderType: 'EmailPassword',
	});
	t.like(list.json.value[3], {
		'@odata.type': '#microsoft.graph.socialIdentityProvider',
		clientSecret: '******',
	});
	const beta = await call<Collection<Provider>>(emulator, 'GET', '/identity/identityProviders', {
		version: 'beta',
	});
	t.is(beta.json.value[1]!.state, null);
	t.truthy(beta.json['@microsoft.graph.tips']);
	const one = await call<Provider>(emulator, 'GET', '/identity/identityProviders/Google-OAUTH');
	t.is(one.json['@odata.type'], '#microsoft.graph.socialIdentityProvider');
	t.is(one.json.identityProviderType, 'Google');
	t.is((await call(emulator, 'GET', '/identity/identityProviders/Twitter-OAUTH')).status, 404);
});

test('tenant attributes: list with the documented context, $filter, get one', async (t) => {
	const emulator = await start(t);
	const list = await call<Collection<Attribute>>(emulator, 'GET', '/identity/userFlowAttributes');
	t.is(list.json['@odata.context'], `${emulator.origin}/v1.0/$metadata#userFlowAttributes`);
	t.deepEqual(
		list.json.value.slice(0, 10).map((attribute) => attribute.id),
		[
			'email',
			'displayName',
			'givenName',
			'surname',
			'city',
			'country',
			'jobTitle',
			'postalCode',
			'state',
			'streetAddress',
		],
	);
	const custom = await call<Collection<Attribute>>(
		emulator,
		'GET',
		`/identity/userFlowAttributes?$filter=${encodeURIComponent("userFlowAttributeType eq 'custom'")}`,
	);
	t.deepEqual(
		custom.json.value.map((attribute) => [attribute.id, attribute.dataType]),
		[
			[seedIds.attributes.favoriteColor, 'string'],
			[seedIds.attributes.newsletter, 'boolean'],
		],
	);
	const notString = await call<Collection<Attribute>>(
		emulator,
		'GET',
		"/identity/userFlowAttributes?$filter=dataType ne 'string'",
	);
	t.is(notString.json.value.length, 1);
	const one = await call<Attribute>(
		emulator,
		'GET',
		`/identity/userFlowAttributes/${seedIds.attributes.newsletter}`,
	);
	t.is(one.json.displayName, 'Newsletter');
	t.is((await call(emulator, 'GET', '/identity/userFlowAttributes/shoeSize')).status, 404);
});

test('creating a custom attribute answers 201 with Location and the extension id', async (t) => {
	const emulator = await start(t);
	const response = await call<Attribute & { '@odata.context': string }>(
		emulator,
		'POST',
		'/identity/userFlowAttributes',
		{
			body: { displayName: 'Hobby', description: 'Your hobby', dataType: 'string' },
		},
	);
	t.is(response.status, 201);
	t.deepEqual(response.json, {
		'@odata.context': `${emulator.origin}/v1.0/$metadata#identity/userFlowAttributes/$entity`,
		id: `${extensionPrefix}Hobby`,
		displayName: 'Hobby',
		description: 'Your hobby',
		userFlowAttributeType: 'custom',
		dataType: 'string',
	});
	t.is(
		response.headers.get('location'),
		`${emulator.origin}/v1.0/identity/userFlowAttributes('${extensionPrefix}Hobby')`,
	);
	t.truthy(emulator.tenant.findAttribute(`${extensionPrefix}Hobby`));
});

test('attribute create refusals', async (t) => {
	const emulator = await start(t);
	const cases: Array<[unknown, RegExp]> = [
		[{ displayName: 'Favorite color', dataType: 'string' }, /'Favorite color' already exists/],
		[{ displayName: 'Birthday', dataType: 'dateTime' }, /dataType 'dateTime' cannot be used/],
		[{ displayName: '9lives', dataType: 'string' }, /not valid/],
		[{ displayName: 'Shoe', dataType: 'int64', id: 'x' }, /'id' is read-only/],
		[{ dataType: 'string' }, /displayName/],
	];
	for (const [body, message] of cases) {
		const response = await call<ErrorBody>(emulator, 'POST', '/identity/userFlowAttributes', { body });
		t.is(response.status, 400, JSON.stringify(body));
		t.regex(response.json.error.message, message);
	}
});

test('a custom attribute: PATCH changes its description only; built-in ones and unknown ids are refused', async (t) => {
	const emulator = await start(t);
	const path = `/identity/userFlowAttributes/${seedIds.attributes.favoriteColor}`;
	const patched = await call(emulator, 'PATCH', path, { body: { description: 'Pick one' } });
	t.is(patched.status, 204);
	t.is(patched.text, '');
	t.is(emulator.tenant.findAttribute(seedIds.attributes.favoriteColor)?.description, 'Pick one');
	const cases: Array<[string, unknown, number, RegExp]> = [
		[path, { displayName: 'Colour' }, 400, /'displayName' cannot be changed/],
		[path, { dataType: 'int64' }, 400, /'dataType' cannot be changed/],
		[path, { colour: 'red' }, 400, /colour/],
		['/identity/userFlowAttributes/city', { description: 'x' }, 400, /built-in/],
		['/identity/userFlowAttributes/shoeSize', { description: 'x' }, 404, /shoeSize/],
	];
	for (const [target, body, status, message] of cases) {
		const response = await call<ErrorBody>(emulator, 'PATCH', target, { body });
		t.is(response.status, status, JSON.stringify(body));
		t.regex(response.json.error.message, message);
	}
});

test('deleting a custom attribute: 204 when no flow collects it; refused while one does, unless detach', async (t) => {
	const emulator = await start(t);
	await call(emulator, 'POST', '/identity/userFlowAttributes', {
		body: { displayName: 'Hobby', dataType: 'string' },
	});
	const hobby = `/identity/userFlowAttributes/${extensionPrefix}Hobby`;
	t.is((await call(emulator, 'DELETE', hobby)).status, 204);
	t.is((await call(emulator, 'GET', hobby)).status, 404);
	t.is((await call(emulator, 'DELETE', hobby)).status, 404);
	t.is((await call(emulator, 'DELETE', '/identity/userFlowAttributes/email')).status, 400);
	const color = `/identity/userFlowAttributes/${seedIds.attributes.favoriteColor}`;
	const refused = await call<ErrorBody>(emulator, 'DELETE', color);
	t.is(refused.status, 400);
	t.regex(refused.json.error.message, new RegExp(`used by 1 user flow\\(s\\): ${seedIds.flows.customers}`));
	t.truthy(emulator.tenant.findAttribute(seedIds.attributes.favoriteColor), 'still there');

	const detaching = await start(t, { quirks: 'delete-attribute-in-use=detach' });
	t.is((await call(detaching, 'DELETE', color)).status, 204);
	const flow = detaching.tenant.findFlow(seedIds.flows.customers);
	const collection = flow?.attributeCollection;
	t.false(collection?.attributeIds.includes(seedIds.attributes.favoriteColor));
	t.false(
		collection?.views.some((view) =>
			view.inputs.some((input) => input.attribute === seedIds.attributes.favoriteColor),
		),
		'its page input went with it',
	);
});

test('applications: list, $select with its context, get by appId and by object id', async (t) => {
	const emulator = await start(t);
	const list = await call<Collection<Application>>(emulator, 'GET', '/applications');
	t.true(list.json.value.length >= 6);
	const ids = new Set(list.json.value.map((application) => application.appId));
	t.is(ids.size, list.json.value.length);
	const selected = await call<Collection<Application>>(
		emulator,
		'GET',
		'/applications?$select=appId,displayName',
	);
	t.is(selected.json['@odata.context'], `${emulator.origin}/v1.0/$metadata#applications(appId,displayName)`);
	t.deepEqual(selected.json.value[0], {
		appId: seedIds.apps.storefront.appId,
		displayName: 'Contoso Storefront',
	});
	const byAppId = await call<Application>(
		emulator,
		'GET',
		`/applications(appId='${seedIds.apps.events.appId}')`,
	);
	t.is(byAppId.status, 200);
	t.is(byAppId.json.id, seedIds.apps.events.id);
	t.is(byAppId.json['@odata.context'], `${emulator.origin}/v1.0/$metadata#applications/$entity`);
	const encoded = await call<Application>(
		emulator,
		'GET',
		`/applications(appId=%27${seedIds.apps.events.appId}%27)`,
	);
	t.is(encoded.json.displayName, 'Contoso Events');
	const byId = await call<Application>(emulator, 'GET', `/applications/${seedIds.apps.mobile.id}`);
	t.is(byId.json.appId, seedIds.apps.mobile.appId);
	const missing = await call<ErrorBody>(emulator, 'GET', "/applications(appId='nope')");
	t.is(missing.status, 404);
	t.regex(missing.json.error.message, /Resource 'nope' does not exist/);
	const badSelect = await call<ErrorBody>(emulator, 'GET', '/applications?$select=secret');
	t.is(badSelect.status, 400);
});

// Paging, $filter and the generated-flow option.
const castIdp =
	'microsoft.graph.externalUsersSelfServiceSignUpEventsFlow/onAuthenticationMethodLoadStart/microsoft.graph.onAuthenticationMethodLoadStartExternalUsersSelfServiceSignUp/identityProviders';
const castAttr =
	'microsoft.graph.externalUsersSelfServiceSignUpEventsFlow/onAttributeCollection/microsoft.graph.onAttributeCollectionExternalUsersSelfServiceSignUp/attributes';
const castApps =
	'microsoft.graph.externalUsersSelfServiceSignUpEventsFlow/conditions/applications/includeApplications';

async function filterFlows(emulator: { origin: string }, filter: string): Promise<string[]> {
	const response = await call<Collection<Flow>>(
		emulator,
		'GET',
		`${paths.flows}?$filter=${encodeURIComponent(filter)}`,
	);
	if (response.status !== 200) throw new Error(response.text);
	return response.json.value.map((flow) => flow.displayName);
}

async function followAll<T>(
	emulator: { origin: string },
	first: string,
): Promise<{ pages: T[][]; links: string[] }> {
	const pages: T[][] = [];
	const links: string[] = [];
	let next: string | undefined = first;
	while (next) {
		const page: Awaited<ReturnType<typeof call<Collection<T>>>> = await call<Collection<T>>(
			emulator,
			'GET',
			next,
		);
		pages.push(page.json.value);
		next = page.json['@odata.nextLink'];
		if (next) links.push(next);
	}
	return { pages, links };
}

test('flows page across 3+ pages with pageSize 2 via absolute nextLinks on the emulator origin', async (t) => {
	const emulator = await start(t, { pageSize: 2, extraFlows: 3 });
	const { pages, links } = await followAll<Flow>(emulator, paths.flows);
	t.deepEqual(
		pages.map((page) => page.length),
		[2, 2, 2, 1],
	);
	t.is(new Set(pages.flat().map((flow) => flow.id)).size, 7);
	for (const link of links) {
		t.true(link.startsWith(`${emulator.origin}/v1.0/identity/authenticationEventsFlows?`));
		t.regex(link, /\$skiptoken=/);
	}
});

test('$top sets the page size and is kept in nextLink; bad $top and $skiptoken are 400', async (t) => {
	const emulator = await start(t);
	const { pages } = await followAll<Application>(emulator, '/applications?$top=3&$select=appId');
	t.deepEqual(
		pages.map((page) => page.length),
		[3, 3, 1],
	);
	t.deepEqual(Object.keys(pages[2]![0]!), ['appId']);
	t.is((await call(emulator, 'GET', '/applications?$top=0')).status, 400);
	const bad = await call<ErrorBody>(emulator, 'GET', `${paths.flows}?$skiptoken=garbage`);
	t.is(bad.status, 400);
	t.regex(bad.json.error.message, /\$skiptoken/);
});

test('providers, attributes and applications page too', async (t) => {
	const emulator = await start(t, { pageSize: 2 });
	const providers = await followAll(emulator, '/identity/identityProviders');
	t.is(providers.pages.length, 2);
	const attributes = await followAll(emulator, '/identity/userFlowAttributes');
	t.is(attributes.pages.length, 6);
	const applications = await followAll(emulator, '/applications');
	t.is(applications.pages.length, 4);
	const flowAttributes = await followAll(emulator, paths.attributes(seedIds.flows.events));
	t.deepEqual(
		flowAttributes.pages.map((page) => page.length),
		[2, 2, 2, 2],
	);
	const count = await call<Collection<Flow>>(emulator, 'GET', `${paths.flows}?$count=true`);
	t.is(count.json['@odata.count'], 4);
});

test('$filter: the three documented lambda forms', async (t) => {
	const emulator = await start(t);
	t.deepEqual(await filterFlows(emulator, `${castIdp}/any(idp:idp/id eq 'Google-OAUTH')`), [
		'Contoso customers sign-up and sign-in',
	]);
	t.deepEqual(await filterFlows(emulator, `${castAttr}/any(attribute:attribute/id eq 'city')`), [
		'Support desk (email one-time passcode)',
		'Events registration',
	]);
	t.deepEqual(
		await filterFlows(
			emulator,
			`${castApps}/any(appId:appId/appId eq '${seedIds.apps.partnerPortal.appId}')`,
		),
		['Partner portal sign-in only'],
	);
	t.deepEqual(
		await filterFlows(emulator, `${castApps}/any(appId:appId/appId eq '${seedIds.apps.events.appId}')`),
		[],
	);
});

test('$filter: displayName eq with a doubled quote, sent unencoded and encoded', async (t) => {
	const emulator = await start(t);
	await createFlow(emulator, "O'Brien family portal");
	await createFlow(emulator, 'OBrien family portal');
	t.deepEqual(await filterFlows(emulator, "displayName eq 'O''Brien family portal'"), [
		"O'Brien family portal",
	]);
	const raw = await call<Collection<Flow>>(
		emulator,
		'GET',
		`${paths.flows}?$filter=displayName eq 'o''brien FAMILY portal'`,
	);
	t.deepEqual(
		raw.json.value.map((flow) => flow.displayName),
		["O'Brien family portal"],
	);
	const plus = await call<Collection<Flow>>(
		emulator,
		'GET',
		`${paths.flows}?$filter=displayName%20eq%20%27O%27%27Brien%20family%20portal%27`,
	);
	t.is(plus.json.value.length, 1);
});

test('$filter errors: syntax, unknown property, lambda without the type casts', async (t) => {
	const emulator = await start(t);
	const cases: Array<[string, RegExp]> = [
		["displayName eq 'unterminated", /unterminated string literal/],
		["colour eq 'blue'", /property named 'colour'/],
		["onAuthenticationMethodLoadStart/identityProviders/any(idp:idp/id eq 'Google-OAUTH')", /type-cast path/],
		["displayName gt 'a'", /expected 'eq' or 'ne'/],
	];
	for (const [filter, message] of cases) {
		const response = await call<ErrorBody>(
			emulator,
			'GET',
			`${paths.flows}?$filter=${encodeURIComponent(filter)}`,
		);
		t.is(response.status, 400, filter);
		t.is(response.json.error.code, 'BadRequest');
		t.regex(response.json.error.message, message);
	}
});

test('parseFilter: and/or/not, startswith and literals', (t) => {
	const schema = { typeName: 'x', properties: ['name', 'size', 'on'], collections: [] };
	const view = { name: "O'Neil", size: 3, on: true };
	t.true(parseFilter("name eq 'o''neil' and size eq 3", schema)(view));
	t.true(parseFilter("not (name eq 'x') or on eq false", schema)(view));
	t.true(parseFilter("startswith(name, 'O''N')", schema)(view));
	t.false(parseFilter('on eq false', schema)(view));
	t.throws(() => parseFilter('', schema), { message: /empty/ });
});

test('extraFlows adds cheap deterministic flows (10,000 in well under a second)', async (t) => {
	const started = Date.now();
	const emulator = await start(t, { extraFlows: 10_000 });
	t.is(emulator.tenant.flows.length, 10_004);
	const page = await call<Collection<Flow>>(
		emulator,
		'GET',
		`${paths.flows}?$top=999&$filter=${encodeURIComponent("startswith(displayName,'Generated flow 1000')")}`,
	);
	t.deepEqual(
		page.json.value.map((flow) => flow.displayName),
		['Generated flow 10000'],
	);
	t.is(page.json.value[0]!.id, 'e0000000-0000-4000-8000-000000002710');
	t.true(Date.now() - started < 3000);
});
