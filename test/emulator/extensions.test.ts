import test from 'ava';
import { seedIds } from '../../source/emulator/server.js';
import { type Collection, call, type ErrorBody, type Flow, paths, start, types } from './helpers.js';

const { flows, apps, extensions } = seedIds;
const base = '/identity/customAuthenticationExtensions';
const startType = '#microsoft.graph.onAttributeCollectionStartCustomExtension';
const submitType = '#microsoft.graph.onAttributeCollectionSubmitCustomExtension';

type Extension = {
	'@odata.type': string;
	'@odata.context'?: string;
	id: string;
	displayName: string;
	description: string | null;
	authenticationConfiguration: { '@odata.type': string; resourceId: string };
	endpointConfiguration: { '@odata.type': string; targetUrl: string };
	clientConfiguration: { timeoutInMilliseconds: number | null; maximumRetries: number | null } | null;
	behaviorOnError: unknown;
};
type Validation = {
	errors: { code: string; message: string }[];
	warnings: { code: string; message: string }[];
};

const handlerPath = (flowId: string, event: 'Start' | 'Submit') =>
	`${paths.flow(flowId)}/microsoft.graph.externalUsersSelfServiceSignUpEventsFlow/onAttributeCollection${event}/microsoft.graph.onAttributeCollection${event}CustomExtensionHandler/customExtension`;
const refBody = (id: string) => ({ '@odata.id': `https://graph.microsoft.com/v1.0${base}/${id}` });

/** The documented create body (v1.0 page), with a resource id of an app the tenant has. */
function createBody(extra: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		'@odata.type': startType,
		displayName: 'attributeCollectionStartName',
		description: 'example description',
		authenticationConfiguration: {
			'@odata.type': '#microsoft.graph.azureAdTokenAuthentication',
			resourceId: `api://contoso.com/${apps.loyaltyApi.appId}`,
		},
		endpointConfiguration: {
			'@odata.type': '#microsoft.graph.httpRequestEndpoint',
			targetUrl: 'https://contoso.com',
		},
		clientConfiguration: { timeoutInMilliseconds: 2000, maximumRetries: 1 },
		...extra,
	};
}

test('lists and gets the seeded extensions with their derived @odata.type', async (t) => {
	const emulator = await start(t);
	const list = await call<Collection<Extension>>(emulator, 'GET', base);
	t.is(list.status, 200);
	t.is(
		list.json['@odata.context'],
		`${emulator.origin}/v1.0/$metadata#identity/customAuthenticationExtensions`,
	);
	t.deepEqual(
		list.json.value.map((extension) => [extension['@odata.type'], extension.id]),
		[
			[startType, extensions.prefill],
			[submitType, extensions.check],
		],
	);
	const one = await call<Extension>(emulator, 'GET', `${base}/${extensions.check}`);
	t.is(
		one.json['@odata.context'],
		`${emulator.origin}/v1.0/$metadata#identity/customAuthenticationExtensions/$entity`,
	);
	t.is(one.json.authenticationConfiguration.resourceId, `api://127.0.0.1/${apps.loyaltyApi.appId}`);
	t.deepEqual(one.json.clientConfiguration, { timeoutInMilliseconds: 2000, maximumRetries: 1 });
	t.is((await call<ErrorBody>(emulator, 'GET', `${base}/00000000-0000-4000-8000-000000000000`)).status, 404);
});

test('creates an extension as documented: 201, its context, a Location and the body echoed', async (t) => {
	const emulator = await start(t);
	const created = await call<Extension>(emulator, 'POST', base, { body: createBody() });
	t.is(created.status, 201);
	t.is(created.json['@odata.type'], startType);
	t.is(created.json.endpointConfiguration.targetUrl, 'https://contoso.com');
	t.is(created.headers.get('location'), `${emulator.origin}/v1.0${base}/${created.json.id}`);
	// Microsoft's demo sends null client configuration values: the service defaults apply.
	const nulls = await call<Extension>(emulator, 'POST', base, {
		body: createBody({
			'@odata.type': submitType,
			behaviorOnError: null,
			clientConfiguration: { timeoutInMilliseconds: null, maximumRetries: null },
		}),
	});
	t.is(nulls.status, 201);
	t.deepEqual(nulls.json.clientConfiguration, { timeoutInMilliseconds: null, maximumRetries: null });
	t.is(emulator.tenant.extensions.length, 4);
});

test('refuses a create without a concrete type or outside the documented limits', async (t) => {
	const emulator = await start(t);
	const cases: [Record<string, unknown>, RegExp][] = [
		[{ '@odata.type': undefined }, /'@odata.type' is required/],
		[{ '@odata.type': '#microsoft.graph.customAuthenticationExtension' }, /abstract/],
		[
			{ clientConfiguration: { timeoutInMilliseconds: 199, maximumRetries: 0 } },
			/timeoutInMilliseconds.*200 to 2000/,
		],
		[{ clientConfiguration: { timeoutInMilliseconds: 2001 } }, /200 to 2000/],
		[{ clientConfiguration: { maximumRetries: 2 } }, /maximumRetries.*0 to 1/],
		[{ endpointConfiguration: { '@odata.type': '#microsoft.graph.httpRequestEndpoint' } }, /targetUrl/],
		[{ displayName: '' }, /displayName/],
	];
	for (const [extra, message] of cases) {
		const response = await call<ErrorBody>(emulator, 'POST', base, { body: createBody(extra) });
		t.is(response.status, 400, JSON.stringify(extra));
		t.regex(response.json.error.message, message);
	}
	t.is(emulator.tenant.extensions.length, 2);
});

test('a tenant holds at most 100 extensions', async (t) => {
	const emulator = await start(t);
	for (let n = emulator.tenant.extensions.length; n < 100; n++) {
		t.is(
			(await call(emulator, 'POST', base, { body: createBody({ displayName: `extension ${n}` }) })).status,
			201,
		);
	}
	const refused = await call<ErrorBody>(emulator, 'POST', base, { body: createBody() });
	t.is(refused.status, 400);
	t.regex(refused.json.error.message, /most allowed \(100\)/);
});

test("an update must carry the extension's own @odata.type", async (t) => {
	const emulator = await start(t);
	const path = `${base}/${extensions.prefill}`;
	const untyped = await call<ErrorBody>(emulator, 'PATCH', path, { body: { displayName: 'Renamed' } });
	t.is(untyped.status, 400);
	t.regex(untyped.json.error.message, /'@odata.type' is required/);
	const otherType = await call<ErrorBody>(emulator, 'PATCH', path, {
		body: { '@odata.type': submitType, displayName: 'x' },
	});
	t.regex(otherType.json.error.message, /cannot change/);
	const updated = await call(emulator, 'PATCH', path, {
		body: {
			'@odata.type': startType,
			displayName: 'Renamed',
			clientConfiguration: { timeoutInMilliseconds: 500, maximumRetries: 0 },
		},
	});
	t.is(updated.status, 204);
	const read = await call<Extension>(emulator, 'GET', path);
	t.is(read.json.displayName, 'Renamed');
	t.deepEqual(read.json.clientConfiguration, { timeoutInMilliseconds: 500, maximumRetries: 0 });
	const tooSlow = await call<ErrorBody>(emulator, 'PATCH', path, {
		body: { '@odata.type': startType, clientConfiguration: { timeoutInMilliseconds: 5000 } },
	});
	t.is(tooSlow.status, 400);
	t.is((await call<Extension>(emulator, 'GET', path)).json.clientConfiguration?.timeoutInMilliseconds, 500);
});

test('validateAuthenticationConfiguration answers 200 with each documented error and warning', async (t) => {
	const emulator = await start(t);
	const draft = (targetUrl: string, resourceId: string) =>
		call<Validation>(emulator, 'POST', `${base}/validateAuthenticationConfiguration`, {
			body: {
				endpointConfiguration: { '@odata.type': '#microsoft.graph.httpRequestEndpoint', targetUrl },
				authenticationConfiguration: {
					'@odata.type': '#microsoft.graph.azureAdTokenAuthentication',
					resourceId,
				},
			},
		});
	const codes = async (targetUrl: string, resourceId: string) => {
		const response = await draft(targetUrl, resourceId);
		t.is(response.status, 200);
		return [
			response.json.errors.map((error) => error.code),
			response.json.warnings.map((warning) => warning.code),
		];
	};
	const loyalty = apps.loyaltyApi.appId;
	t.deepEqual(await codes('https://ext.contoso.com/api', `api://ext.contoso.com/${loyalty}`), [[], []]);
	t.deepEqual(await codes('https://ext.contoso.com/api', 'https://ext.contoso.com/x'), [
		['IncorrectResourceIdFormat'],
		[],
	]);
	t.deepEqual(await codes('https://ext.contoso.com/api', `api://other.contoso.com/${loyalty}`), [
		['DomainNameDoesNotMatch'],
		[],
	]);
	t.deepEqual(
		await codes('https://ext.contoso.com/api', 'api://ext.contoso.com/11111111-2222-4333-8444-555555555555'),
		[['ServicePrincipalNotFound'], []],
	);
	t.deepEqual(await codes('http://ext.contoso.com/api', `api://ext.contoso.com/${loyalty}`), [
		['IncorrectTargetUrlFormat'],
		[],
	]);
	// An app of the tenant that was never granted Receive.Payload: a warning, not an error.
	t.deepEqual(await codes('https://ext.contoso.com/api', `api://ext.contoso.com/${apps.storefront.appId}`), [
		[],
		['PermissionNotGrantedToServicePrincipal'],
	]);
	const first = await draft('https://ext.contoso.com/api', 'bad');
	t.is(
		first.json.errors[0]!.message,
		"ResourceId should be in the format of 'api://{fully qualified domain name}/{appid}'",
	);
	t.is(
		(first.json as unknown as Record<string, string>)['@odata.context'],
		`${emulator.origin}/v1.0/$metadata#microsoft.graph.authenticationConfigurationValidation`,
	);
	// The existing-extension form takes no body; the namespace-qualified action name works too.
	const seeded = await call<Validation>(
		emulator,
		'POST',
		`${base}/${extensions.prefill}/microsoft.graph.validateAuthenticationConfiguration`,
	);
	t.deepEqual([seeded.status, seeded.json.errors, seeded.json.warnings], [200, [], []]);
	const missing = await call(
		emulator,
		'POST',
		`${base}/00000000-0000-4000-8000-000000000000/validateAuthenticationConfiguration`,
	);
	t.is(missing.status, 404);
});

test('reads the extension a flow runs at start and submit, and 404 where none is set', async (t) => {
	const emulator = await start(t);
	const startExtension = await call<Extension>(emulator, 'GET', handlerPath(flows.customers, 'Start'));
	t.is(startExtension.status, 200);
	t.is(startExtension.json.id, extensions.prefill);
	t.is(
		(await call<Extension>(emulator, 'GET', handlerPath(flows.customers, 'Submit'))).json.id,
		extensions.check,
	);
	t.is((await call<ErrorBody>(emulator, 'GET', handlerPath(flows.partners, 'Start'))).status, 404);
	// The flow shows the handler, never the navigation.
	const flow = await call<{ value: Flow & Record<string, unknown> }>(
		emulator,
		'GET',
		paths.flow(flows.customers),
	);
	t.deepEqual(flow.json.value.onAttributeCollectionStart, {
		'@odata.type': '#microsoft.graph.onAttributeCollectionStartCustomExtensionHandler',
		configuration: null,
	});
	t.is(
		(await call<{ value: Record<string, unknown> }>(emulator, 'GET', paths.flow(flows.partners))).json.value
			.onAttributeCollectionSubmit,
		null,
	);
});

test('PUT $ref attaches an extension to a flow whose handler was never set (204)', async (t) => {
	const emulator = await start(t);
	const put = await call(emulator, 'PUT', `${handlerPath(flows.partners, 'Start')}/$ref`, {
		body: refBody(extensions.prefill),
	});
	t.is(put.status, 204);
	t.is(
		(await call<Extension>(emulator, 'GET', handlerPath(flows.partners, 'Start'))).json.id,
		extensions.prefill,
	);
	t.deepEqual(emulator.tenant.findFlow(flows.partners)!.onAttributeCollectionStart, {
		configuration: null,
		customExtensionId: extensions.prefill,
	});
	// The emulator's own origin in @odata.id is the same server.
	const own = await call(emulator, 'PUT', `${handlerPath(flows.partners, 'Submit')}/$ref`, {
		body: { '@odata.id': `${emulator.origin}/v1.0${base}/${extensions.check}` },
	});
	t.is(own.status, 204);
	const unknown = await call<ErrorBody>(emulator, 'PUT', `${handlerPath(flows.partners, 'Start')}/$ref`, {
		body: refBody('00000000-0000-4000-8000-000000000000'),
	});
	t.regex(unknown.json.error.message, /does not exist/);
});

test('a Submit extension is refused on the Start handler unless extension-type-check=allow', async (t) => {
	const emulator = await start(t);
	const refused = await call<ErrorBody>(emulator, 'PUT', `${handlerPath(flows.partners, 'Start')}/$ref`, {
		body: refBody(extensions.check),
	});
	t.is(refused.status, 400);
	t.regex(refused.json.error.message, /takes a onAttributeCollectionStartCustomExtension/);
	t.is(emulator.tenant.findFlow(flows.partners)!.onAttributeCollectionStart, null);
	const lenient = await start(t, { quirks: 'extension-type-check=allow' });
	const allowed = await call(lenient, 'PUT', `${handlerPath(flows.partners, 'Start')}/$ref`, {
		body: refBody(extensions.check),
	});
	t.is(allowed.status, 204);
});

test('extension-ref-unset=require-handler wants an empty handler PATCHed first', async (t) => {
	const emulator = await start(t, { quirks: 'extension-ref-unset=require-handler' });
	const path = `${handlerPath(flows.partners, 'Start')}/$ref`;
	const refused = await call<ErrorBody>(emulator, 'PUT', path, { body: refBody(extensions.prefill) });
	t.is(refused.status, 400);
	t.regex(refused.json.error.message, /PATCH the flow/);
	const handler = { '@odata.type': '#microsoft.graph.onAttributeCollectionStartCustomExtensionHandler' };
	const patched = await call(emulator, 'PATCH', paths.flow(flows.partners), {
		body: { '@odata.type': types.flow, onAttributeCollectionStart: handler },
	});
	t.is(patched.status, 204);
	t.is((await call(emulator, 'PUT', path, { body: refBody(extensions.prefill) })).status, 204);
});

test('a PATCH cannot name the extension inline: it is a navigation property', async (t) => {
	const emulator = await start(t);
	const response = await call<ErrorBody>(emulator, 'PATCH', paths.flow(flows.partners), {
		body: {
			'@odata.type': types.flow,
			onAttributeCollectionStart: {
				'@odata.type': '#microsoft.graph.onAttributeCollectionStartCustomExtensionHandler',
				customExtension: { id: extensions.prefill },
			},
		},
	});
	t.is(response.status, 400);
	t.regex(response.json.error.message, /navigation property.*\$ref/);
});

test("clearing a flow's extension follows the extension-clear quirk (default: neither way works)", async (t) => {
	const patchNull = { '@odata.type': types.flow, onAttributeCollectionStart: null };
	const ref = `${handlerPath(flows.customers, 'Start')}/$ref`;
	const strict = await start(t);
	const deleted = await call<ErrorBody>(strict, 'DELETE', ref);
	t.is(deleted.status, 405);
	t.is(deleted.headers.get('allow'), 'PUT');
	const nulled = await call<ErrorBody>(strict, 'PATCH', paths.flow(flows.customers), { body: patchNull });
	t.is(nulled.status, 400);
	t.regex(nulled.json.error.message, /cannot be set to null/);
	t.is(
		strict.tenant.findFlow(flows.customers)!.onAttributeCollectionStart?.customExtensionId,
		extensions.prefill,
	);

	const byPatch = await start(t, { quirks: 'extension-clear=patch-null' });
	t.is((await call(byPatch, 'PATCH', paths.flow(flows.customers), { body: patchNull })).status, 204);
	t.is((await call(byPatch, 'GET', handlerPath(flows.customers, 'Start'))).status, 404);
	t.is((await call(byPatch, 'DELETE', ref)).status, 405);

	const byDelete = await start(t, { quirks: 'extension-clear=delete-ref' });
	t.is((await call(byDelete, 'DELETE', ref)).status, 204);
	t.is(byDelete.tenant.findFlow(flows.customers)!.onAttributeCollectionStart, null);
	t.is((await call(byDelete, 'DELETE', ref)).status, 404);
	t.is((await call(byDelete, 'PATCH', paths.flow(flows.customers), { body: patchNull })).status, 204);
});

test('deleting an extension a flow uses is refused by default, naming the flow', async (t) => {
	const strict = await start(t);
	const refused = await call<ErrorBody>(strict, 'DELETE', `${base}/${extensions.prefill}`);
	t.is(refused.status, 400);
	t.regex(refused.json.error.message, /Contoso customers sign-up and sign-in/);
	t.truthy(strict.tenant.findExtension(extensions.prefill));

	const detaching = await start(t, { quirks: 'delete-extension-in-use=detach' });
	t.is((await call(detaching, 'DELETE', `${base}/${extensions.prefill}`)).status, 204);
	t.is(detaching.tenant.findFlow(flows.customers)!.onAttributeCollectionStart, null);
	t.truthy(detaching.tenant.findFlow(flows.customers)!.onAttributeCollectionSubmit);

	const dangling = await start(t, { quirks: 'delete-extension-in-use=dangle' });
	t.is((await call(dangling, 'DELETE', `${base}/${extensions.prefill}`)).status, 204);
	t.is(
		dangling.tenant.findFlow(flows.customers)!.onAttributeCollectionStart?.customExtensionId,
		extensions.prefill,
	);
	t.is((await call(dangling, 'GET', handlerPath(flows.customers, 'Start'))).status, 404);
	// An unused extension goes at once.
	const created = await call<Extension>(strict, 'POST', base, { body: createBody() });
	t.is((await call(strict, 'DELETE', `${base}/${created.json.id}`)).status, 204);
});

test('the organization names the initial domain, and app registrations their redirect URIs', async (t) => {
	const emulator = await start(t);
	const organization = await call<
		Collection<{ id: string; verifiedDomains: { name: string; isInitial: boolean }[] }>
	>(emulator, 'GET', '/organization?$select=id,verifiedDomains');
	t.is(organization.status, 200);
	t.is(
		organization.json['@odata.context'],
		`${emulator.origin}/v1.0/$metadata#organization(id,verifiedDomains)`,
	);
	t.deepEqual(Object.keys(organization.json.value[0]!), ['id', 'verifiedDomains']);
	t.is(organization.json.value[0]!.id, seedIds.tenantId);
	t.deepEqual(
		organization.json.value[0]!.verifiedDomains.filter((domain) => domain.isInitial).map(
			(domain) => domain.name,
		),
		['contosocustomers.onmicrosoft.com'],
	);
	t.is((await call(emulator, 'GET', `/organization/${seedIds.tenantId}`)).status, 200);
	const application = await call<{
		web: { redirectUris: string[]; implicitGrantSettings: { enableIdTokenIssuance: boolean } };
		spa: { redirectUris: string[] };
		publicClient: { redirectUris: string[] };
	}>(
		emulator,
		'GET',
		`/applications(appId='${apps.storefront.appId}')?$select=id,appId,displayName,web,spa,publicClient`,
	);
	t.is(application.status, 200);
	t.deepEqual(application.json.web.redirectUris, ['https://shop.contoso.com/signin-oidc']);
	t.true(application.json.web.implicitGrantSettings.enableIdTokenIssuance);
	t.deepEqual(application.json.spa.redirectUris, ['https://shop.contoso.com/']);
	t.deepEqual(application.json.publicClient.redirectUris, []);
});

test('extension calls name the CustomAuthenticationExtension permissions; the flow paths EventListener', async (t) => {
	const needs: string[] = [];
	const emulator = await start(t, {
		authorize: (_header, need) => {
			needs.push(`${need.permission}${need.write ? ' (write)' : ''}`);
			return { ok: true };
		},
	});
	await call(emulator, 'GET', base);
	await call(emulator, 'POST', `${base}/${extensions.prefill}/validateAuthenticationConfiguration`);
	await call(emulator, 'PATCH', `${base}/${extensions.prefill}`, { body: { '@odata.type': startType } });
	await call(emulator, 'GET', handlerPath(flows.customers, 'Start'));
	await call(emulator, 'PUT', `${handlerPath(flows.partners, 'Start')}/$ref`, {
		body: refBody(extensions.prefill),
	});
	await call(emulator, 'GET', '/organization');
	t.deepEqual(needs, [
		'CustomAuthenticationExtension.Read.All',
		'CustomAuthenticationExtension.Read.All',
		'CustomAuthenticationExtension.ReadWrite.All (write)',
		'EventListener.Read.All',
		'EventListener.ReadWrite.All (write)',
		'Organization.Read.All',
	]);
});
