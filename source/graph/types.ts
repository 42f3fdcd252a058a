// Graph DTOs. Every field the service sends is optional: code must never assume the backend sent it.

/** An identity provider (tenant-level or on a flow). */
export type IdentityProvider = {
	readonly '@odata.type'?: string;
	readonly id?: string;
	readonly displayName?: string;
	readonly identityProviderType?: string;
	readonly clientId?: string;
	readonly state?: string | null;
};

/** A user-flow attribute (built-in or custom). */
export type UserFlowAttribute = {
	readonly '@odata.type'?: string;
	readonly id?: string;
	readonly displayName?: string;
	readonly description?: string | null;
	readonly userFlowAttributeType?: string;
	readonly dataType?: string;
};

/** One choice of a radio or checkbox input. */
export type InputOption = { readonly label: string; readonly value: string };

/** One input on the sign-up page (authenticationAttributeCollectionInputConfiguration). */
export type PageInput = {
	readonly attribute: string;
	readonly label: string;
	readonly inputType: string;
	readonly defaultValue?: string | null;
	readonly hidden?: boolean | null;
	readonly editable?: boolean | null;
	readonly required?: boolean | null;
	readonly validationRegEx?: string | null;
	readonly writeToDirectory?: boolean | null;
	readonly options?: readonly InputOption[] | null;
};

/** One page view of the attribute collection page. */
export type PageView = {
	readonly title?: string | null;
	readonly description?: string | null;
	readonly inputs?: readonly PageInput[];
};

/** A linked application, keyed by appId. */
export type FlowApplication = { readonly '@odata.type'?: string; readonly appId?: string };

/** An externalUsersSelfServiceSignUpEventsFlow. */
export type UserFlow = {
	readonly '@odata.type'?: string;
	readonly id?: string;
	readonly displayName?: string;
	readonly description?: string | null;
	readonly priority?: number;
	readonly conditions?: {
		readonly applications?: {
			readonly includeAllApplications?: boolean;
			readonly includeApplications?: readonly FlowApplication[];
		};
	} | null;
	readonly onInteractiveAuthFlowStart?: {
		readonly '@odata.type'?: string;
		readonly isSignUpAllowed?: boolean;
	} | null;
	readonly onAuthenticationMethodLoadStart?: {
		readonly '@odata.type'?: string;
		readonly identityProviders?: readonly IdentityProvider[];
	} | null;
	readonly onAttributeCollection?: {
		readonly '@odata.type'?: string;
		readonly attributes?: readonly UserFlowAttribute[];
		readonly attributeCollectionPage?: { readonly views?: readonly PageView[] } | null;
	} | null;
	readonly onUserCreateStart?: { readonly '@odata.type'?: string; readonly userTypeToCreate?: string } | null;
	readonly onAttributeCollectionStart?: ExtensionHandler | null;
	readonly onAttributeCollectionSubmit?: ExtensionHandler | null;
};

/** A flow's onAttributeCollectionStart/Submit custom-extension handler; the extension itself is read apart. */
export type ExtensionHandler = {
	readonly '@odata.type'?: string;
	readonly configuration?: {
		readonly clientConfiguration?: ExtensionClientConfiguration | null;
		readonly behaviorOnError?: Readonly<Record<string, unknown>> | null;
	} | null;
};

/** Timeout and retries of an extension call; null means the service default. */
export type ExtensionClientConfiguration = {
	readonly timeoutInMilliseconds?: number | null;
	readonly maximumRetries?: number | null;
};

/** A custom authentication extension (its `@odata.type` names the event it serves). */
export type CustomAuthenticationExtension = {
	readonly '@odata.type'?: string;
	readonly id?: string;
	readonly displayName?: string;
	readonly description?: string | null;
	readonly endpointConfiguration?: { readonly '@odata.type'?: string; readonly targetUrl?: string } | null;
	readonly authenticationConfiguration?: {
		readonly '@odata.type'?: string;
		readonly resourceId?: string;
	} | null;
	readonly clientConfiguration?: ExtensionClientConfiguration | null;
	readonly behaviorOnError?: Readonly<Record<string, unknown>> | null;
	readonly claimsForTokenConfiguration?: readonly { readonly claimIdInApiResponse?: string }[] | null;
};

/** One finding of validateAuthenticationConfiguration. */
export type ConfigurationFinding = { readonly code?: string; readonly message?: string };

/** validateAuthenticationConfiguration's answer: a 200 with errors is a failed validation. */
export type ConfigurationValidation = {
	readonly errors?: readonly ConfigurationFinding[];
	readonly warnings?: readonly ConfigurationFinding[];
};

/** An app registration with what "run the flow" needs: its platforms' redirect URIs. */
export type ApplicationRegistration = {
	readonly id?: string;
	readonly appId?: string;
	readonly displayName?: string;
	readonly web?: {
		readonly redirectUris?: readonly string[];
		readonly implicitGrantSettings?: {
			readonly enableIdTokenIssuance?: boolean;
			readonly enableAccessTokenIssuance?: boolean;
		} | null;
	} | null;
	readonly spa?: { readonly redirectUris?: readonly string[] } | null;
	readonly publicClient?: { readonly redirectUris?: readonly string[] } | null;
};

/** The tenant's organization object, as much as finding its sign-in host needs. */
export type Organization = {
	readonly id?: string;
	readonly displayName?: string;
	readonly verifiedDomains?: readonly {
		readonly name?: string;
		readonly isInitial?: boolean;
		readonly isDefault?: boolean;
		readonly type?: string;
	}[];
};

/** An application registration, as much of it as choosing one to link needs. */
export type Application = {
	readonly id?: string;
	readonly appId?: string;
	readonly displayName?: string;
};
