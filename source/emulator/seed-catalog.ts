import type {
	ApplicationRecord,
	AttributeRecord,
	CustomerRecord,
	DomainRecord,
	ExtensionRecord,
	ProviderRecord,
} from './types.js';

/** Fixed ids, so docs and tests can cite them. */
export const seedIds = {
	tenantId: '9188040d-6c67-4c5b-b112-36a304b66dad',
	extensionsAppId: '6ea3bc85-aec2-4b1c-92ff-4a117afb6621',
	apps: {
		storefront: { appId: 'a442e488-8827-43b0-af92-3894fc6abef4', id: '1167f109-c72f-4300-9a2d-b38966cf11f8' },
		mobile: { appId: '0f2e3b41-d462-4db5-b461-a2249330900f', id: 'ee10e5af-122c-4838-9d46-5458646abce1' },
		partnerPortal: {
			appId: '3c422c4b-2683-4e71-b006-34093e42a366',
			id: '88ba4435-a527-4fe5-a191-fa2404bc0de9',
		},
		supportDesk: {
			appId: '1d9e9005-d843-49ed-bb68-363bc7e31fd8',
			id: 'c45ced61-8cfa-4e3c-914b-8a032f4bdf15',
		},
		loyaltyApi: { appId: '3f50bdf7-1afb-4192-97ec-327636846440', id: '7b1fb69a-4056-4a25-8ab3-f1ec0360d601' },
		events: { appId: '6661194d-10ad-4f9d-86d1-1f20c13b8797', id: 'ae8d44f3-5ed5-4f80-993c-563c3cf86a8f' },
		extensions: { appId: '6ea3bc85-aec2-4b1c-92ff-4a117afb6621', id: 'b266f471-f360-4d95-bcf2-6c8c9b5db1a1' },
	},
	flows: {
		customers: '289f0177-1297-43be-b406-ff86fb19c671',
		partners: '04ae684f-8cfb-4cef-912a-556fdee3c3fd',
		support: 'f6adce06-f6c8-4b3f-b1fe-7f7d6fda2b30',
		events: '5730a1a1-35ee-44b7-bcb7-9edad350c494',
	},
	extensions: {
		prefill: 'c4a2e6f0-5b1d-4c8e-9a3f-1e7d2b6c8a01',
		check: '7d3b9e21-0c6a-4f5e-8b2d-3a9c1f4e6b02',
	},
	attributes: {
		favoriteColor: 'extension_6ea3bc85aec24b1c92ff4a117afb6621_Favoritecolor',
		newsletter: 'extension_6ea3bc85aec24b1c92ff4a117afb6621_Newsletter',
	},
} as const;

/** The tenant's identity providers: two built-in, two social. */
export function seedProviders(): ProviderRecord[] {
	return [
		{
			id: 'EmailPassword-OAUTH',
			displayName: 'Email with password',
			kind: 'builtIn',
			identityProviderType: 'EmailPassword',
		},
		{
			id: 'EmailOtpSignup-OAUTH',
			displayName: 'Email One Time Passcode',
			kind: 'builtIn',
			identityProviderType: 'EmailOTP',
		},
		{
			id: 'Google-OAUTH',
			displayName: 'Google',
			kind: 'social',
			identityProviderType: 'Google',
			clientId: '318047539127-k2n8mvfv0p1s8ehb7qo5m0h4k3qg9c8d.apps.googleusercontent.com',
			clientSecret: 'GOCSPX-emulator-not-a-real-secret',
		},
		{
			id: 'Facebook-OAUTH',
			displayName: 'Facebook',
			kind: 'social',
			identityProviderType: 'Facebook',
			clientId: '1942817265543210',
			clientSecret: 'emulator-facebook-not-a-real-secret',
		},
	];
}

const builtIn = (id: string, displayName: string, description: string): AttributeRecord => ({
	id,
	displayName,
	description,
	userFlowAttributeType: 'builtIn',
	dataType: 'string',
});

/** Built-in attributes plus two custom ones (string and boolean). */
export function seedAttributes(): AttributeRecord[] {
	return [
		builtIn('email', 'Email Address', 'Email address of the user'),
		builtIn('displayName', 'Display Name', 'Display Name of the User.'),
		builtIn('givenName', 'Given Name', "The user's given name (also known as first name)."),
		builtIn('surname', 'Surname', "The user's surname (also known as family name or last name)."),
		builtIn('city', 'City', 'The city in which the user is located.'),
		builtIn('country', 'Country/Region', 'The country/region in which the user is located.'),
		builtIn('jobTitle', 'Job Title', "The user's job title."),
		builtIn('postalCode', 'Postal Code', "The postal code of the user's address."),
		builtIn('state', 'State/Province', "The state or province in user's address."),
		builtIn('streetAddress', 'Street Address', 'The street address where the user is located.'),
		{
			id: seedIds.attributes.favoriteColor,
			displayName: 'Favorite color',
			description: 'Your favorite color',
			userFlowAttributeType: 'custom',
			dataType: 'string',
		},
		{
			id: seedIds.attributes.newsletter,
			displayName: 'Newsletter',
			description: 'Send me the monthly newsletter',
			userFlowAttributeType: 'custom',
			dataType: 'boolean',
		},
	];
}

/** The tenant's initial domain; its label names the customer-facing host (`contosocustomers.ciamlogin.com`). */
export const initialDomain = 'contosocustomers.onmicrosoft.com';

/** The organization's verifiedDomains: the initial onmicrosoft.com domain only. */
export function seedDomains(): DomainRecord[] {
	return [{ name: initialDomain, isInitial: true, isDefault: true, type: 'Managed' }];
}

type Platforms = Partial<Pick<ApplicationRecord, 'web' | 'spa' | 'publicClient' | 'grantedGraphAppRoles'>>;

const app = (
	ids: { appId: string; id: string },
	displayName: string,
	description: string | null,
	createdDateTime: string,
	platforms: Platforms = {},
): ApplicationRecord => ({
	...ids,
	displayName,
	description,
	createdDateTime,
	signInAudience: 'AzureADMyOrg',
	publisherDomain: initialDomain,
	web: { redirectUris: [], enableIdTokenIssuance: false, enableAccessTokenIssuance: false },
	spa: { redirectUris: [] },
	publicClient: { redirectUris: [] },
	grantedGraphAppRoles: [],
	...platforms,
});

const web = (redirectUris: string[], enableIdTokenIssuance = false) => ({
	redirectUris,
	enableIdTokenIssuance,
	enableAccessTokenIssuance: false,
});

/** Seven app registrations, including the b2c-extensions-app that owns custom attributes. */
export function seedApplications(): ApplicationRecord[] {
	const { apps } = seedIds;
	return [
		app(apps.storefront, 'Contoso Storefront', 'Public web shop', '2025-03-04T09:12:44Z', {
			web: web(['https://shop.contoso.com/signin-oidc'], true),
			spa: { redirectUris: ['https://shop.contoso.com/'] },
		}),
		app(apps.mobile, 'Contoso Mobile', 'iOS and Android shopping app', '2025-03-04T09:20:02Z', {
			publicClient: { redirectUris: ['msauth.com.contoso.mobile://auth'] },
		}),
		app(
			apps.partnerPortal,
			'Contoso Partner Portal',
			'Reseller and supplier portal',
			'2025-04-17T14:03:10Z',
			{
				web: web(['https://partners.contoso.com/signin-oidc']),
			},
		),
		app(apps.supportDesk, 'Contoso Support Desk', 'Customer support site', '2025-05-22T08:45:31Z', {
			spa: { redirectUris: ['https://support.contoso.com/'] },
		}),
		// The API behind the demo's custom authentication extensions: consented to receive their calls.
		app(apps.loyaltyApi, 'Contoso Loyalty API', 'Loyalty points service', '2025-06-30T16:27:55Z', {
			grantedGraphAppRoles: ['CustomAuthenticationExtension.Receive.Payload'],
		}),
		app(apps.events, 'Contoso Events', 'Event registration site (preview)', '2025-09-09T11:00:00Z', {
			web: web(['https://events.contoso.com/signin-oidc']),
		}),
		app(
			apps.extensions,
			'b2c-extensions-app. Do not modify. Used by AADB2C for storing user data.',
			null,
			'2025-03-01T08:00:00Z',
		),
	];
}

/** Where the demo's extensions are served: the Azure Functions local port, moved by whoever starts the server. */
export const demoExtensionOrigin = 'https://127.0.0.1:7071';

/** Two attribute-collection extensions on the Contoso Loyalty API (see source/emulator/extension-server.ts). */
export function seedExtensions(): ExtensionRecord[] {
	const resourceId = `api://127.0.0.1/${seedIds.apps.loyaltyApi.appId}`;
	const common = {
		resourceId,
		clientConfiguration: { timeoutInMilliseconds: 2000, maximumRetries: 1 },
		behaviorOnError: null,
		claimsForTokenConfiguration: null,
	};
	return [
		{
			...common,
			id: seedIds.extensions.prefill,
			kind: 'onAttributeCollectionStartCustomExtension',
			displayName: 'Prefill sign-up details',
			description: 'Suggests a country from the browser language',
			targetUrl: `${demoExtensionOrigin}/api/attribute-collection-start`,
		},
		{
			...common,
			id: seedIds.extensions.check,
			kind: 'onAttributeCollectionSubmitCustomExtension',
			displayName: 'Check sign-up details',
			description: 'Refuses names that contain digits',
			targetUrl: `${demoExtensionOrigin}/api/attribute-collection-submit`,
		},
	];
}

const customer = (id: string, email: string, displayName: string, passwordHash: string): CustomerRecord => ({
	id,
	email,
	displayName,
	userType: 'member',
	createdDateTime: '2025-10-01T10:00:00Z',
	passwordHash,
	attributes: { email, displayName },
	createdBy: null,
});

/**
 * Test customers who can sign in with email and password. Their passwords (README, Customer side) are stored
 * only as these hashes.
 */
export function seedCustomers(): CustomerRecord[] {
	return [
		customer(
			'5f0c1a2b-3d4e-4f60-8a71-92b3c4d5e6f7',
			'ada@example.com',
			'Ada Lovelace',
			'scrypt:16384:da8434cb50d8622d5d35b008e20522de:38d3f1559607c2c2026b752c3fbdfe2a8183083311864000effef45516a48001',
		),
		customer(
			'6a1d2b3c-4e5f-4a71-9b82-a3c4d5e6f708',
			'grace@example.com',
			'Grace Hopper',
			'scrypt:16384:fca955367400a7886731473d2ec26310:65a43e83bfbc14ca0c5755758f1c4c877c974c6dd888f9e5fdb5397bcfef7087',
		),
		customer(
			'7b2e3c4d-5f60-4b82-8c93-b4d5e6f70819',
			'alan@example.com',
			'Alan Turing',
			'scrypt:16384:878111ceae974705ea721e58e53bd698:3879e62f859349df514bf2b0ddfbe785acbc4c2d0929760c26081db4b6d622cd',
		),
	];
}
