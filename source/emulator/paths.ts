/** Type-cast segment for the only concrete flow type (the base type is abstract). */
export const flowType = 'microsoft.graph.externalUsersSelfServiceSignUpEventsFlow';

/** Type-cast segment of the flow's identity-provider handler. */
export const idpHandlerType = 'microsoft.graph.onAuthenticationMethodLoadStartExternalUsersSelfServiceSignUp';

/** Type-cast segment of the flow's attribute-collection handler. */
export const attributeHandlerType = 'microsoft.graph.onAttributeCollectionExternalUsersSelfServiceSignUp';

/** The type casts that reach a flow's identity providers, as segments. */
export const castIdp = [flowType, 'onAuthenticationMethodLoadStart', idpHandlerType];

/** The type casts that reach a flow's attributes, as segments. */
export const castAttr = [flowType, 'onAttributeCollection', attributeHandlerType];

/** The linked-applications navigation (no cast needed: `conditions` is on the base type). */
export const appsNav = ['conditions', 'applications', 'includeApplications'];

/** `@odata.type` values, with the leading '#'. */
export const odataTypes = {
	flow: `#${flowType}`,
	interactive: '#microsoft.graph.onInteractiveAuthFlowStartExternalUsersSelfServiceSignUp',
	idpHandler: `#${idpHandlerType}`,
	attributeHandler: `#${attributeHandlerType}`,
	userCreate: '#microsoft.graph.onUserCreateStartExternalUsersSelfServiceSignUp',
	builtInProvider: '#microsoft.graph.builtInIdentityProvider',
	socialProvider: '#microsoft.graph.socialIdentityProvider',
	conditionApplication: '#microsoft.graph.authenticationConditionApplication',
	attributeStart: '#microsoft.graph.onAttributeCollectionStartCustomExtensionHandler',
	attributeSubmit: '#microsoft.graph.onAttributeCollectionSubmitCustomExtensionHandler',
} as const;
