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
	kind: 'builtIn' | 'social';
	identityProviderType: string;
	clientId?: string;
	/** Stored for realism; Graph never returns it (always "******"). */
	clientSecret?: string;
};

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
	onAttributeCollectionStart: JsonObject | null;
	onAttributeCollectionSubmit: JsonObject | null;
};

/** An app registration (the subset of `application` the client reads). */
export type ApplicationRecord = {
	id: string;
	appId: string;
	displayName: string;
	description: string | null;
	createdDateTime: string;
	signInAudience: string;
	publisherDomain: string;
};

/** The whole tenant; plain JSON so it can be dumped, saved and reloaded. */
export type TenantState = {
	tenantId: string;
	/** appId of the b2c-extensions-app; custom attribute ids embed it without dashes. */
	extensionsAppId: string;
	flows: FlowRecord[];
	providers: ProviderRecord[];
	attributes: AttributeRecord[];
	applications: ApplicationRecord[];
};
