// The discovery documents msal-node reads: a tenant's OpenID configuration and the instance metadata.

export function openIdConfiguration(base: string, segment: string, tenantId: string, known: boolean) {
	const tenant = known ? tenantId : '{tenantid}';
	return {
		token_endpoint: `${base}/${segment}/oauth2/v2.0/token`,
		token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
		jwks_uri: `${base}/${segment}/discovery/v2.0/keys`,
		response_modes_supported: ['query', 'fragment', 'form_post'],
		subject_types_supported: ['pairwise'],
		id_token_signing_alg_values_supported: ['ES256'],
		response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
		scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
		issuer: `${base}/${tenant}/v2.0`,
		request_uri_parameter_supported: false,
		userinfo_endpoint: 'https://graph.microsoft.com/oidc/userinfo',
		authorization_endpoint: `${base}/${segment}/oauth2/v2.0/authorize`,
		device_authorization_endpoint: `${base}/${segment}/oauth2/v2.0/devicecode`,
		http_logout_supported: true,
		frontchannel_logout_supported: true,
		end_session_endpoint: `${base}/${segment}/oauth2/v2.0/logout`,
		claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nbf', 'name', 'oid', 'tid', 'preferred_username'],
		tenant_region_scope: null,
		cloud_instance_name: 'emulator',
		cloud_graph_host_name: 'graph.microsoft.com',
		msgraph_host: 'graph.microsoft.com',
	};
}

export function instanceDiscovery(base: string, query: URLSearchParams) {
	const host = new URL(base).host;
	let segment = 'common';
	try {
		segment =
			new URL(query.get('authorization_endpoint') ?? '').pathname.split('/').filter(Boolean)[0] ?? segment;
	} catch {}
	return {
		tenant_discovery_endpoint: `${base}/${segment}/v2.0/.well-known/openid-configuration`,
		'api-version': '1.1',
		metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
	};
}
