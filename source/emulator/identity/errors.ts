import { randomUUID } from 'node:crypto';

/** An OAuth error reply in the shape Entra sends (msal-node reads `error`, `error_codes`, `suberror`, `claims`). */
export type OAuthErrorReply = {
	readonly status: number;
	readonly body: {
		error: string;
		error_description: string;
		error_codes: number[];
		timestamp: string;
		trace_id: string;
		correlation_id: string;
		error_uri?: string;
		suberror?: string;
	};
};

/** Builds an error reply; `code` becomes the `AADSTSnnn:` prefix and `error_codes`. */
export function oauthError(
	status: number,
	error: string,
	code: number | undefined,
	text: string,
	correlationId = randomUUID(),
	suberror?: string,
): OAuthErrorReply {
	const timestamp = new Date()
		.toISOString()
		.replace('T', ' ')
		.replace(/\.\d+Z$/, 'Z');
	const traceId = randomUUID();
	const prefix = code === undefined ? '' : `AADSTS${code}: `;
	return {
		status,
		body: {
			error,
			error_description: `${prefix}${text} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
			error_codes: code === undefined ? [] : [code],
			timestamp,
			trace_id: traceId,
			correlation_id: correlationId,
			...(code === undefined ? {} : { error_uri: `https://login.microsoftonline.com/error?code=${code}` }),
			...(suberror ? { suberror } : {}),
		},
	};
}

/** The replies the emulator gives, by situation. */
export const replies = {
	unknownTenant: (tenant: string, error = 'invalid_request') =>
		oauthError(
			400,
			error,
			90002,
			`Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
		),
	unknownClient: (clientId: string, tenantName: string) =>
		oauthError(
			400,
			'unauthorized_client',
			700016,
			`Application with identifier '${clientId}' was not found in the directory '${tenantName}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
		),
	publicClientDisabled: () =>
		oauthError(
			400,
			'invalid_client',
			7000218,
			"The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
		),
	invalidSecret: (clientId: string, appName: string) =>
		oauthError(
			401,
			'invalid_client',
			7000215,
			`Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}' (${appName}).`,
		),
	assertionRejected: (reason: string) =>
		oauthError(
			401,
			'invalid_client',
			700027,
			`Client assertion failed signature validation. (Reason - ${reason})`,
		),
	assertionTime: () =>
		oauthError(401, 'invalid_client', 700024, 'Client assertion is not within its valid time range.'),
	assertionIssuer: () =>
		oauthError(
			401,
			'invalid_client',
			700021,
			"Client assertion application identifier doesn't match 'client_id' parameter.",
		),
	missingCredential: () =>
		oauthError(
			401,
			'invalid_client',
			7000216,
			"'client_assertion', 'client_secret' or 'request' is required for the 'client_credentials' grant type.",
		),
	pending: () =>
		oauthError(400, 'authorization_pending', 70016, 'OAuth 2.0 device flow error. Authorization is pending.'),
	declined: () =>
		oauthError(400, 'authorization_declined', 70000, 'The user declined to authorize the application.'),
	expired: () =>
		oauthError(
			400,
			'expired_token',
			70020,
			"The provided value for the input parameter 'device_code' is not valid. This device code has expired.",
		),
	slowDown: () => oauthError(400, 'slow_down', undefined, 'Polling too fast; slow down.'),
	badDeviceCode: () =>
		oauthError(
			400,
			'bad_verification_code',
			70000,
			"The provided value for the input parameter 'device_code' is not valid.",
		),
	consentRequired: (clientId: string, appName: string) =>
		oauthError(
			400,
			'invalid_grant',
			65001,
			`The user or administrator has not consented to use the application with ID '${clientId}' named '${appName}'. Send an interactive authorization request for this user and resource.`,
			undefined,
			'consent_required',
		),
	conditionalAccess: () =>
		oauthError(
			400,
			'invalid_grant',
			53003,
			'Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.',
			undefined,
			'message_only',
		),
	mfaRequired: () =>
		oauthError(
			400,
			'invalid_grant',
			50076,
			"Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '00000003-0000-0000-c000-000000000000'.",
			undefined,
			'basic_action',
		),
	badRefreshToken: () =>
		oauthError(
			400,
			'invalid_grant',
			70008,
			'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.',
		),
	clientMismatch: () =>
		oauthError(
			400,
			'invalid_grant',
			70000,
			'Provided grant is invalid or malformed: it was issued to another client.',
		),
	unknownResource: (resource: string, tenantName: string) =>
		oauthError(
			400,
			'invalid_resource',
			500011,
			`The resource principal named ${resource} was not found in the tenant named ${tenantName}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.`,
		),
	needsDefaultScope: (scope: string) =>
		oauthError(
			400,
			'invalid_scope',
			1002012,
			`The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
		),
	unsupportedGrant: (grant: string) =>
		oauthError(
			400,
			'unsupported_grant_type',
			70003,
			`The app requested an unsupported grant type '${grant}'.`,
		),
	missingParameter: (name: string) =>
		oauthError(
			400,
			'invalid_request',
			900144,
			`The request body must contain the following parameter: '${name}'.`,
		),
};
