/** Encodes one path segment so a `/`, `?` or `#` inside an id cannot change the URL's meaning. */
export function segment(value: string): string {
	return encodeURIComponent(value);
}

/** An OData string literal: single quotes doubled, so a name like O'Brien cannot break a $filter. */
export function odataString(value: string): string {
	return `'${value.replaceAll("'", "''")}'`;
}

export const flowsPath = '/identity/authenticationEventsFlows';
export const flowType = '#microsoft.graph.externalUsersSelfServiceSignUpEventsFlow';

// Type-cast segments: providers and attributes sit on the derived flow type, so OData needs a cast to reach them.
const castFlow = '/microsoft.graph.externalUsersSelfServiceSignUpEventsFlow';
const castProviders = `${castFlow}/onAuthenticationMethodLoadStart/microsoft.graph.onAuthenticationMethodLoadStartExternalUsersSelfServiceSignUp`;
const castAttributes = `${castFlow}/onAttributeCollection/microsoft.graph.onAttributeCollectionExternalUsersSelfServiceSignUp`;

/** `/identity/authenticationEventsFlows/{id}` */
export function flowPath(flowId: string): string {
	return `${flowsPath}/${segment(flowId)}`;
}

/** The collection of a flow's identity providers. */
export function flowProvidersPath(flowId: string): string {
	return `${flowPath(flowId)}${castProviders}/identityProviders`;
}

/** The collection of a flow's attributes. */
export function flowAttributesPath(flowId: string): string {
	return `${flowPath(flowId)}${castAttributes}/attributes`;
}

/** The collection of applications linked to a flow. */
export function flowAppsPath(flowId: string): string {
	return `${flowPath(flowId)}/conditions/applications/includeApplications`;
}

/** The documented filter that finds the flow an application is linked to (an app uses at most one flow). */
export function flowByAppFilter(appId: string): string {
	return `microsoft.graph.externalUsersSelfServiceSignUpEventsFlow/conditions/applications/includeApplications/any(appId:appId/appId eq ${odataString(appId)})`;
}

/** The documented filter for the flows that collect an attribute. */
export function flowByAttributeFilter(attributeId: string): string {
	return `microsoft.graph.externalUsersSelfServiceSignUpEventsFlow/onAttributeCollection/microsoft.graph.onAttributeCollectionExternalUsersSelfServiceSignUp/attributes/any(attribute:attribute/id eq ${odataString(attributeId)})`;
}
