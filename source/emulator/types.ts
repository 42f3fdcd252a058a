/** A JSON value as stored in the tenant and sent on the wire. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A JSON object. */
export type JsonObject = { [key: string]: Json };

/** The two Graph API versions the emulator serves. */
export type ApiVersion = 'v1.0' | 'beta';

/** A tenant identity provider; `kind` picks the Graph type it renders as. */
export type ProviderRecord = {
	id: string;
	displayName: string;
	kind: 'builtIn' | 'social' | 'apple' | 'oidc';
	identityProviderType: string;
	clientId?: string;
	/** Stored for realism; Graph never returns it (always "******"). */
	clientSecret?: string;
	/** appleManagedIdentityProvider; `certificateData` reads back masked. */
	apple?: { developerId: string; serviceId: string; keyId: string; certificateData: string };
	/** oidcIdentityProvider; a client secret in `clientAuthentication` reads back masked. */
	oidc?: OidcProviderRecord;
};

/** The oidcIdentityProvider properties beside clientId and displayName. */
export type OidcProviderRecord = {
	issuer: string;
	wellKnownEndpoint: string;
	responseType: string;
	scope: string;
	/** `oidcClientSecretAuthentication` (with its secret) or `oidcPrivateJwtKeyClientAuthentication`. */
	clientAuthentication: { kind: 'clientSecret'; clientSecret: string } | { kind: 'privateKeyJwt' };
	inboundClaimMapping: JsonObject | null;
};

/** The email one-time passcode authentication method configuration (the tenant's switch for password reset). */
export type EmailMethodRecord = {
	state: 'enabled' | 'disabled';
	allowExternalIdToUseEmailOtp: string;
	includeTargets: { targetType: string; id: string; isRegistrationRequired: boolean }[];
	excludeTargets: { targetType: string; id: string }[];
};

/** One directoryAudit entry, stored as it is served. */
export type AuditRecord = JsonObject & { id: string; activityDateTime: string };

/** A tenant user-flow attribute (built-in or custom). */
export type AttributeRecord = {
	id: string;
	displayName: string;
	description: string | null;
	userFlowAttributeType: 'builtIn' | 'custom';
	dataType: 'string' | 'boolean' | 'int64';
};

/** One choice of a radio or checkbox input. */
export type InputOption = { label: string; value: string };

/** One input on the sign-up page (authenticationAttributeCollectionInputConfiguration). */
export type InputRecord = {
	attribute: string;
	label: string;
	inputType: string;
	defaultValue: string | null;
	hidden: boolean | null;
	editable: boolean | null;
	writeToDirectory: boolean | null;
	required: boolean | null;
	validationRegEx: string | null;
	options: InputOption[];
};

/** One page view of the sign-up form. */
export type ViewRecord = { title: string | null; description: string | null; inputs: InputRecord[] };

/** The flow's onAttributeCollection handler: which attributes, and how the page shows them. */
export type AttributeCollectionRecord = {
	attributeIds: string[];
	views: ViewRecord[];
	customStringsFileId: string | null;
};

/** A user flow (externalUsersSelfServiceSignUpEventsFlow) in storage form. */
export type FlowRecord = {
	id: string;
	displayName: string;
	description: string | null;
	/** Beta only on the wire; kept for both so a beta client sees a stable value. */
	priority: number;
	isSignUpAllowed: boolean;
	providerIds: string[];
	/** null when the flow was created without onAttributeCollection and no attribute was added since. */
	attributeCollection: AttributeCollectionRecord | null;
	/** null renders onUserCreateStart as null (as in create responses that omit it). */
	userTypeToCreate: string | null;
	appIds: string[];
	onAttributeCollectionStart: ExtensionHandlerRecord | null;
	onAttributeCollectionSubmit: ExtensionHandlerRecord | null;
};

/** A flow's onAttributeCollectionStart/Submit custom-extension handler. */
export type ExtensionHandlerRecord = {
	/** customExtensionOverwriteConfiguration as sent (behaviorOnError, clientConfiguration), or null. */
	configuration: JsonObject | null;
	/** The `customExtension` navigation (set with PUT …/customExtension/$ref); null when never set. */
	customExtensionId: string | null;
};

/** timeoutInMilliseconds / maximumRetries; null means the service default. */
export type ClientConfigurationRecord = {
	timeoutInMilliseconds: number | null;
	maximumRetries: number | null;
};

/** A custom authentication extension (customAuthenticationExtension and its derived types). */
export type ExtensionRecord = {
	id: string;
	/** Derived type name in the metadata's casing, e.g. `onAttributeCollectionStartCustomExtension`. */
	kind: string;
	displayName: string;
	description: string | null;
	/** endpointConfiguration (httpRequestEndpoint). */
	targetUrl: string;
	/** authenticationConfiguration (azureAdTokenAuthentication). */
	resourceId: string;
	clientConfiguration: ClientConfigurationRecord | null;
	behaviorOnError: JsonObject | null;
	/** onTokenIssuanceStartCustomExtension only. */
	claimsForTokenConfiguration: JsonObject[] | null;
};

/** A customer account created by sign-up (or seeded for sign-in), in the emulated tenant's directory. */
export type CustomerRecord = {
	id: string;
	email: string;
	displayName: string | null;
	/** `member` or `guest`, from the flow's onUserCreateStart. */
	userType: string;
	createdDateTime: string;
	/** scrypt hash `salt:hash` (hex); null for accounts without a password (one-time passcode). */
	passwordHash: string | null;
	/** Collected attribute values by attribute id, as stored (multi-value choices comma-delimited). */
	attributes: Record<string, string | boolean | number>;
	/** Where the account came from: the flow and app of the sign-up; null for seeded accounts. */
	createdBy: { flowId: string; appId: string } | null;
};

/** One event of a sign-in: an extension call and how it ended. */
export type AuthenticationEventRecord = {
	event: 'attributeCollectionStart' | 'attributeCollectionSubmit';
	customAuthenticationExtensionId: string;
	/** 0 on success, else the 10030xx code the service logs. */
	errorCode: number;
	/** The code's name (e.g. `TimedOut`) or the action taken (e.g. `setPrefillValues`). */
	result: string;
	detail: string;
	attempts: number;
	durationMs: number;
};

/** A sign-in log entry, as the sign-in logs' Authentication Events tab would show it. */
export type SignInLogRecord = {
	id: string;
	createdDateTime: string;
	correlationId: string;
	appId: string;
	flowId: string | null;
	userPrincipalName: string | null;
	/** 0 = success. */
	errorCode: number;
	failureReason: string | null;
	authenticationEvents: AuthenticationEventRecord[];
};

/** One domain of the organization's verifiedDomains. */
export type DomainRecord = { name: string; isInitial: boolean; isDefault: boolean; type: string };

/** An app registration (the subset of `application` the client reads). */
export type ApplicationRecord = {
	id: string;
	appId: string;
	displayName: string;
	description: string | null;
	createdDateTime: string;
	signInAudience: string;
	publisherDomain: string;
	/** Redirect URIs of the web platform and whether the implicit flow may issue ID tokens. */
	web: { redirectUris: string[]; enableIdTokenIssuance: boolean; enableAccessTokenIssuance: boolean };
	spa: { redirectUris: string[] };
	publicClient: { redirectUris: string[] };
	/** Microsoft Graph app roles granted (admin-consented) to the app's service principal. */
	grantedGraphAppRoles: string[];
};

/** The whole tenant; plain JSON so it can be dumped, saved and reloaded. */
export type TenantState = {
	tenantId: string;
	displayName: string;
	verifiedDomains: DomainRecord[];
	/** appId of the b2c-extensions-app; custom attribute ids embed it without dashes. */
	extensionsAppId: string;
	flows: FlowRecord[];
	providers: ProviderRecord[];
	attributes: AttributeRecord[];
	applications: ApplicationRecord[];
	customAuthenticationExtensions: ExtensionRecord[];
	customers: CustomerRecord[];
	signInLogs: SignInLogRecord[];
	/** Absent in seeds and older state files: the documented example configuration is assumed. */
	emailMethod?: EmailMethodRecord;
	/** Absent in seeds and older state files: an empty log. */
	directoryAudits?: AuditRecord[];
};
