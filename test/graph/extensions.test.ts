import test from 'ava';
import type { TokenClaims } from '../../source/auth/claims.js';
import { getApplicationRegistration } from '../../source/graph/applications.js';
import {
	clearFlowExtension,
	createCustomExtension,
	customExtensionCreateBody,
	deleteCustomExtension,
	extensionEvent,
	getCustomExtension,
	getFlowExtension,
	listCustomExtensions,
	setFlowExtension,
	updateCustomExtension,
	validateCustomExtension,
	validateExtensionConfiguration,
	validationFailed,
} from '../../source/graph/extensions.js';
import { createGraphClient } from '../../source/graph/graph-client.js';
import { isGraphError } from '../../source/graph/graph-error.js';
import { getOrganization, initialDomain } from '../../source/graph/organization.js';
import { preflightError } from '../../source/graph/permissions.js';
import { seed } from '../helpers/emulator.js';
import { clientFor } from '../helpers/graph-client.js';
import { fakeJwt, readWriteScopes } from './fake-jwt.js';

const { customers, partners } = seed.flows;
const prefill = 'c4a2e6f0-5b1d-4c8e-9a3f-1e7d2b6c8a01';
const check = '7d3b9e21-0c6a-4f5e-8b2d-3a9c1f4e6b02';

test('create, read, update, validate and delete an extension over loopback', async (t) => {
	const { client, emulator, writes } = await clientFor(t);
	const created = await createCustomExtension(client, {
		event: 'submit',
		displayName: 'Check loyalty number',
		targetUrl: 'https://loyalty.contoso.com/api/check',
		resourceId: `api://loyalty.contoso.com/${seed.apps.loyaltyApi}`,
		timeoutInMilliseconds: 1500,
		maximumRetries: 1,
	});
	t.is(created['@odata.type'], '#microsoft.graph.onAttributeCollectionSubmitCustomExtension');
	t.is(extensionEvent(created), 'submit');
	const id = created.id!;
	t.deepEqual(
		(await listCustomExtensions(client)).map((extension) => extension.id),
		[prefill, check, id],
	);
	await updateCustomExtension(client, id, created['@odata.type']!, {
		displayName: 'Renamed',
		maximumRetries: 0,
	});
	const read = await getCustomExtension(client, id);
	t.is(read.displayName, 'Renamed');
	t.deepEqual(read.clientConfiguration, { timeoutInMilliseconds: null, maximumRetries: 0 });
	const validation = await validateCustomExtension(client, id);
	t.false(validationFailed(validation));
	t.deepEqual([validation.errors, validation.warnings], [[], []]);
	const draft = await validateExtensionConfiguration(client, {
		targetUrl: 'https://a.contoso.com/x',
		resourceId: `api://b.contoso.com/${seed.apps.loyaltyApi}`,
	});
	t.true(validationFailed(draft));
	t.deepEqual(
		draft.errors?.map((error) => error.code),
		['DomainNameDoesNotMatch'],
	);
	await deleteCustomExtension(client, id);
	t.is(emulator.tenant.findExtension(id), undefined);
	t.deepEqual(writes().slice(0, 2), [
		'POST /identity/customAuthenticationExtensions',
		`PATCH /identity/customAuthenticationExtensions/${id}`,
	]);
});

test('the create body is the documented one', (t) => {
	t.deepEqual(
		customExtensionCreateBody({
			event: 'start',
			displayName: 'attributeCollectionStartName',
			description: 'example description',
			targetUrl: 'https://contoso.com',
			resourceId: 'api://contoso.com/fb96de85-2abe-4b02-b45f-64ba122c509e',
			timeoutInMilliseconds: 2000,
			maximumRetries: 1,
		}),
		{
			'@odata.type': '#microsoft.graph.onAttributeCollectionStartCustomExtension',
			displayName: 'attributeCollectionStartName',
			description: 'example description',
			authenticationConfiguration: {
				'@odata.type': '#microsoft.graph.azureAdTokenAuthentication',
				resourceId: 'api://contoso.com/fb96de85-2abe-4b02-b45f-64ba122c509e',
			},
			endpointConfiguration: {
				'@odata.type': '#microsoft.graph.httpRequestEndpoint',
				targetUrl: 'https://contoso.com',
			},
			clientConfiguration: { timeoutInMilliseconds: 2000, maximumRetries: 1 },
		},
	);
});

test("a flow's start and submit extensions: read, attach by $ref, 404 read as none", async (t) => {
	const { client, emulator } = await clientFor(t);
	t.is((await getFlowExtension(client, customers.id, 'start'))?.id, prefill);
	t.is((await getFlowExtension(client, customers.id, 'submit'))?.id, check);
	t.is(await getFlowExtension(client, partners.id, 'start'), undefined);
	await setFlowExtension(client, partners.id, 'submit', check);
	t.is(emulator.tenant.findFlow(partners.id)!.onAttributeCollectionSubmit?.customExtensionId, check);
	const entry = emulator.log.at(-1)!;
	t.deepEqual(entry.body, {
		'@odata.id': `${emulator.graphUrl}/identity/customAuthenticationExtensions/${check}`,
	});
	const refused = await setFlowExtension(client, partners.id, 'start', check).catch(
		(error: unknown) => error,
	);
	t.true(isGraphError(refused) && refused.status === 400);
});

test('detaching asks the way it is told; the emulator default refuses both, its quirks allow one', async (t) => {
	const strict = await clientFor(t);
	const deleteRef = await clearFlowExtension(strict.client, customers.id, 'start', 'delete-ref').catch(
		(error: unknown) => error,
	);
	t.true(isGraphError(deleteRef) && deleteRef.status === 405);
	const patchNull = await clearFlowExtension(strict.client, customers.id, 'start', 'patch-null').catch(
		(error: unknown) => error,
	);
	t.true(isGraphError(patchNull) && patchNull.status === 400);
	t.truthy(await getFlowExtension(strict.client, customers.id, 'start'));
	const byPatch = await clientFor(t, { emulator: { quirks: 'extension-clear=patch-null' } });
	await clearFlowExtension(byPatch.client, customers.id, 'submit', 'patch-null');
	t.is(await getFlowExtension(byPatch.client, customers.id, 'submit'), undefined);
	t.truthy(await getFlowExtension(byPatch.client, customers.id, 'start'));
	const byDelete = await clientFor(t, { emulator: { quirks: 'extension-clear=delete-ref' } });
	await clearFlowExtension(byDelete.client, customers.id, 'start', 'delete-ref');
	t.is(await getFlowExtension(byDelete.client, customers.id, 'start'), undefined);
});

test('the organization gives the initial domain; the app registration its redirect URIs', async (t) => {
	const { client } = await clientFor(t);
	const organization = await getOrganization(client);
	t.is(initialDomain(organization), 'contosocustomers.onmicrosoft.com');
	t.is(initialDomain({ verifiedDomains: [{ name: 'contoso.com', isInitial: false }] }), undefined);
	const app = await getApplicationRegistration(client, seed.apps.storefront);
	t.deepEqual(app.web?.redirectUris, ['https://shop.contoso.com/signin-oidc']);
	t.true(app.web?.implicitGrantSettings?.enableIdTokenIssuance);
	t.deepEqual(app.spa?.redirectUris, ['https://shop.contoso.com/']);
	t.deepEqual(Object.keys(app).sort(), [
		'@odata.context',
		'appId',
		'displayName',
		'id',
		'publicClient',
		'spa',
		'web',
	]);
});

test('the preflight names the extension permissions, and lets User.Read read the organization', async (t) => {
	const readOnly: TokenClaims = { kind: 'user', scopes: readWriteScopes.split(' '), roles: [] };
	const write = preflightError(
		'POST',
		'/identity/customAuthenticationExtensions',
		'CustomAuthenticationExtension.ReadWrite.All',
		readOnly,
	);
	t.is(write?.requiredPermission, 'CustomAuthenticationExtension.ReadWrite.All');
	const withUserRead: TokenClaims = { ...readOnly, scopes: [...readOnly.scopes, 'User.Read'] };
	t.is(preflightError('GET', '/organization', 'Organization.Read.All', withUserRead), undefined);
	t.truthy(preflightError('GET', '/organization', 'Organization.Read.All', readOnly));
	// Through the client: a token without the extension scopes is refused before anything is sent.
	const { emulator } = await clientFor(t);
	const client = createGraphClient({
		baseUrl: emulator.graphUrl,
		tokenProvider: { getToken: async () => fakeJwt({ scp: readWriteScopes }) },
		userAgent: 'test',
	});
	const before = emulator.log.length;
	const error = await listCustomExtensions(client).catch((caught: unknown) => caught);
	t.true(
		isGraphError(error) &&
			error.notSent === true &&
			/CustomAuthenticationExtension.Read.All/.test(error.message),
	);
	t.is(emulator.log.length, before);
});
