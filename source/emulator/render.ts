import { metadata } from './odata.js';
import { odataTypes } from './paths.js';
import { renderConfiguredProvider } from './render-provider.js';
import type { RouteContext } from './router.js';
import type { TenantStore } from './tenant.js';
import type {
	ApplicationRecord,
	AttributeCollectionRecord,
	AttributeRecord,
	ExtensionHandlerRecord,
	FlowRecord,
	InputRecord,
	JsonObject,
	ProviderRecord,
} from './types.js';

type View = Pick<RouteContext, 'origin' | 'version'>;

/** A tenant or flow identity provider; secrets always read back masked. */
export function renderProvider(provider: ProviderRecord, view: View): JsonObject {
	const configured = renderConfiguredProvider(provider);
	if (configured) return configured;
	if (provider.kind === 'social') {
		return {
			'@odata.type': odataTypes.socialProvider,
			id: provider.id,
			displayName: provider.displayName,
			identityProviderType: provider.identityProviderType,
			clientId: provider.clientId ?? null,
			clientSecret: '******',
		};
	}
	const result: JsonObject = {
		'@odata.type': odataTypes.builtInProvider,
		id: provider.id,
		displayName: provider.displayName,
		identityProviderType: provider.identityProviderType,
	};
	// Beta responses carry state: null; current v1.0 ones omit it.
	if (view.version === 'beta') result.state = null;
	return result;
}

/** An identityUserFlowAttribute. */
export function renderAttribute(attribute: AttributeRecord): JsonObject {
	return {
		id: attribute.id,
		displayName: attribute.displayName,
		description: attribute.description,
		userFlowAttributeType: attribute.userFlowAttributeType,
		dataType: attribute.dataType,
	};
}

/** An application (app registration) with the properties the client reads. */
export function renderApplication(application: ApplicationRecord): JsonObject {
	return {
		id: application.id,
		deletedDateTime: null,
		appId: application.appId,
		displayName: application.displayName,
		description: application.description,
		createdDateTime: application.createdDateTime,
		publisherDomain: application.publisherDomain,
		signInAudience: application.signInAudience,
		publicClient: { redirectUris: [...application.publicClient.redirectUris] },
		spa: { redirectUris: [...application.spa.redirectUris] },
		web: {
			homePageUrl: null,
			logoutUrl: null,
			redirectUris: [...application.web.redirectUris],
			implicitGrantSettings: {
				enableAccessTokenIssuance: application.web.enableAccessTokenIssuance,
				enableIdTokenIssuance: application.web.enableIdTokenIssuance,
			},
			redirectUriSettings: application.web.redirectUris.map((uri) => ({ uri, index: null })),
		},
	};
}

function renderInput(input: InputRecord): JsonObject {
	return {
		attribute: input.attribute,
		label: input.label,
		inputType: input.inputType,
		defaultValue: input.defaultValue,
		hidden: input.hidden,
		editable: input.editable,
		writeToDirectory: input.writeToDirectory,
		required: input.required,
		validationRegEx: input.validationRegEx,
		options: input.options.map((option) => ({ label: option.label, value: option.value })),
	};
}

function renderPage(collection: AttributeCollectionRecord, view: View): JsonObject {
	const page: JsonObject = {};
	if (view.version === 'beta') page.customStringsFileId = collection.customStringsFileId;
	page.views = collection.views.map((entry) => ({
		title: entry.title,
		description: entry.description,
		inputs: entry.inputs.map(renderInput),
	}));
	return page;
}

function renderAttributeHandler(flow: FlowRecord, view: View, tenant: TenantStore | null): JsonObject | null {
	const collection = flow.attributeCollection;
	if (!collection) return null;
	const handler: JsonObject = { '@odata.type': odataTypes.attributeHandler };
	if (view.version === 'beta') handler.accessPackages = [];
	handler.attributeCollectionPage = renderPage(collection, view);
	// The attributes navigation is expanded on reads and left out of create responses.
	if (tenant) handler.attributes = attributesOf(flow, tenant).map(renderAttribute);
	return handler;
}

function renderUserCreate(flow: FlowRecord, view: View): JsonObject | null {
	if (flow.userTypeToCreate === null) return null;
	const handler: JsonObject = {
		'@odata.type': odataTypes.userCreate,
		userTypeToCreate: flow.userTypeToCreate,
	};
	if (view.version === 'beta') handler.accessPackages = [];
	return handler;
}

/** The flow's providers in flow order (dangling ids are skipped). */
export function providersOf(flow: FlowRecord, tenant: TenantStore): ProviderRecord[] {
	return flow.providerIds.flatMap((id) => tenant.findProvider(id) ?? []);
}

/** The flow's attributes in flow order (dangling ids are skipped). */
export function attributesOf(flow: FlowRecord, tenant: TenantStore): AttributeRecord[] {
	return (flow.attributeCollection?.attributeIds ?? []).flatMap((id) => tenant.findAttribute(id) ?? []);
}

function head(flow: FlowRecord, view: View): JsonObject {
	const result: JsonObject = {
		'@odata.type': odataTypes.flow,
		id: flow.id,
		displayName: flow.displayName,
		description: flow.description,
	};
	if (view.version === 'beta') result.priority = flow.priority;
	return result;
}

// `customExtension` is a navigation property: a GET of the flow never expands it (read it at …/customExtension).
function renderHandler(handler: ExtensionHandlerRecord | null, type: string): JsonObject | null {
	return handler ? { '@odata.type': type, configuration: handler.configuration } : null;
}

/** A flow as list and get return it: providers, attributes and linked apps expanded. */
export function renderFlow(flow: FlowRecord, view: View, tenant: TenantStore): JsonObject {
	return {
		...head(flow, view),
		onAttributeCollectionStart: renderHandler(flow.onAttributeCollectionStart, odataTypes.attributeStart),
		onAttributeCollectionSubmit: renderHandler(flow.onAttributeCollectionSubmit, odataTypes.attributeSubmit),
		conditions: {
			applications: {
				includeAllApplications: false,
				'includeApplications@odata.context': metadata(
					view,
					`identity/authenticationEventsFlows('${flow.id}')/microsoft.graph.externalUsersSelfServiceSignUpEventsFlow/conditions/applications/includeApplications`,
				),
				includeApplications: flow.appIds.map((appId) => ({ appId })),
			},
		},
		onInteractiveAuthFlowStart: {
			'@odata.type': odataTypes.interactive,
			isSignUpAllowed: flow.isSignUpAllowed,
		},
		onAuthenticationMethodLoadStart: {
			'@odata.type': odataTypes.idpHandler,
			identityProviders: providersOf(flow, tenant).map((provider) => renderProvider(provider, view)),
		},
		onAttributeCollection: renderAttributeHandler(flow, view, tenant),
		onUserCreateStart: renderUserCreate(flow, view),
	};
}

/** A flow as the create response documents it: providers not expanded, apps not listed. */
export function renderCreatedFlow(flow: FlowRecord, view: View): JsonObject {
	const result: JsonObject = {
		'@odata.context': metadata(view, 'identity/authenticationEventsFlows/$entity'),
		...head(flow, view),
	};
	if (view.version === 'beta') {
		result.onAttributeCollectionStart = renderHandler(
			flow.onAttributeCollectionStart,
			odataTypes.attributeStart,
		);
		result.onAttributeCollectionSubmit = renderHandler(
			flow.onAttributeCollectionSubmit,
			odataTypes.attributeSubmit,
		);
	}
	return {
		...result,
		conditions: { applications: { includeAllApplications: false } },
		onInteractiveAuthFlowStart: {
			'@odata.type': odataTypes.interactive,
			isSignUpAllowed: flow.isSignUpAllowed,
		},
		onAuthenticationMethodLoadStart: { '@odata.type': odataTypes.idpHandler },
		onAttributeCollection: renderAttributeHandler(flow, view, null),
		onUserCreateStart: renderUserCreate(flow, view),
	};
}

/** The cheap object `$filter` runs against (documented lambda targets plus simple properties). */
export function flowFilterView(flow: FlowRecord): JsonObject {
	return {
		id: flow.id,
		displayName: flow.displayName,
		description: flow.description,
		priority: flow.priority,
		identityProviders: flow.providerIds.map((id) => ({ id })),
		attributes: (flow.attributeCollection?.attributeIds ?? []).map((id) => ({ id })),
		includeApplications: flow.appIds.map((appId) => ({ appId })),
	};
}
