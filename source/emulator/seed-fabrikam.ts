// A second tenant that differs from the default seed as real tenants differ: its own tenant id, initial domain
// and b2c-extensions-app (so its custom attribute ids differ), the same identity providers, applications with the
// same display names but other appIds, a few custom attributes of its own, and no user flows yet.
import { seedApplications, seedAttributes, seedIds, seedProviders } from './seed-catalog.js';
import type { ApplicationRecord, AttributeRecord, TenantState } from './types.js';

/** Fixed ids of the second tenant, so docs and tests can cite them. */
export const fabrikamIds = {
	tenantId: '3f9d2c71-8b4e-4a6f-9c15-7e2b0d4a8f63',
	tenantDomain: 'fabrikamcustomers.onmicrosoft.com',
	tenantDisplayName: 'Fabrikam Customers',
	extensionsAppId: 'c7a1e5d3-2f49-4b8e-a6d0-95f3b7c1e2a4',
} as const;

// The default seed's apps, re-registered here: same names, new appIds and object ids (GUIDs of their own).
const appIds: Readonly<Record<string, { appId: string; id: string }>> = {
	[seedIds.apps.storefront.appId]: {
		appId: 'd1b7e3a9-5c2f-4e8b-9a61-3f0c7d2e4b58',
		id: '6a2f9e14-8b3d-4c71-a5e0-2d9b6f1c8e37',
	},
	[seedIds.apps.mobile.appId]: {
		appId: '8e4c2a6f-1d9b-4f37-b2e5-7a0c3d6f9b14',
		id: 'f3c81d5a-9e2b-4a6f-8c07-1b4e7d2a5f96',
	},
	[seedIds.apps.partnerPortal.appId]: {
		appId: '2b9f6d1e-7a3c-4e58-9d04-6c1a8f3e5b27',
		id: '94e7a2c5-3b8f-4d16-a0e9-5c2f7b1d8a43',
	},
	[seedIds.apps.supportDesk.appId]: {
		appId: '5f3a8c2e-9b1d-4a67-8e05-2d7c4f9a1b36',
		id: '0c6e9b3f-2a5d-4f81-b7c4-9e1a6d3f2c58',
	},
	[seedIds.apps.loyaltyApi.appId]: {
		appId: 'a6d2f8b4-3e7c-4915-8b0a-4f6e1c9d3a72',
		id: '7d3b1f9e-6c4a-4e28-95b1-3a8f2d6c0e19',
	},
	[seedIds.apps.events.appId]: {
		appId: 'e9c5b1f7-4a2d-4c83-a9e6-1b7f3d5c8a20',
		id: '2f8a6c3e-1d9b-4b57-8e4a-6c0d3f7b9e15',
	},
	[seedIds.apps.extensions.appId]: {
		appId: fabrikamIds.extensionsAppId,
		id: 'b41e7c9a-5f2d-4a83-96c0-8d3e1b6f4a27',
	},
};

function applications(): ApplicationRecord[] {
	return seedApplications().map((app) => ({
		...app,
		...(appIds[app.appId] ?? { appId: app.appId, id: app.id }),
		publisherDomain: fabrikamIds.tenantDomain,
	}));
}

const custom = (
	name: string,
	displayName: string,
	description: string,
	dataType: AttributeRecord['dataType'],
): AttributeRecord => ({
	id: `extension_${fabrikamIds.extensionsAppId.replaceAll('-', '')}_${name}`,
	displayName,
	description,
	userFlowAttributeType: 'custom',
	dataType,
});

function attributes(): AttributeRecord[] {
	return [
		...seedAttributes().filter((attribute) => attribute.userFlowAttributeType === 'builtIn'),
		custom('LoyaltyTier', 'Loyalty tier', 'Bronze, silver or gold', 'string'),
		custom('MarketingOptIn', 'Marketing opt in', 'May we send offers', 'boolean'),
		custom('ShoeSize', 'Shoe size', 'For fitting advice', 'int64'),
	];
}

/** The second tenant, fresh: no user flows. */
export function createFabrikamSeed(): TenantState {
	return {
		tenantId: fabrikamIds.tenantId,
		displayName: fabrikamIds.tenantDisplayName,
		verifiedDomains: [{ name: fabrikamIds.tenantDomain, isInitial: true, isDefault: true, type: 'Managed' }],
		extensionsAppId: fabrikamIds.extensionsAppId,
		flows: [],
		providers: seedProviders(),
		attributes: attributes(),
		applications: applications(),
		// A fresh tenant: no extensions, no customers signed up, nothing in the sign-in log yet.
		customAuthenticationExtensions: [],
		customers: [],
		signInLogs: [],
	};
}
