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
};

/** An application registration, as much of it as choosing one to link needs. */
export type Application = {
	readonly id?: string;
	readonly appId?: string;
	readonly displayName?: string;
};
