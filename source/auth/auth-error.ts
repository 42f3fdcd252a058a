/** What went wrong with sign-in, in our own words; `AuthError.code`. */
export type AuthErrorCode =
	/** A setting cannot work (tenant, credentials, authority host). */
	| 'config'
	/** The certificate PEM file cannot be read or used. */
	| 'certificate-file'
	/** The CA file cannot be read or holds no certificate. */
	| 'ca-file'
	/** No saved sign-in and no way to show a device code. */
	| 'not-signed-in'
	/** The saved sign-in no longer works (refresh token expired or revoked). */
	| 'sign-in-again'
	| 'unknown-tenant'
	/** The account is not a member or guest of the tenant. */
	| 'wrong-account'
	| 'app-not-found'
	/** The app registration does not allow device code (public client flows off). */
	| 'public-client-disabled'
	| 'consent-required'
	| 'conditional-access'
	| 'mfa-required'
	| 'code-expired'
	| 'declined'
	| 'slow-down'
	| 'cancelled'
	| 'timeout'
	| 'invalid-client-secret'
	| 'certificate-rejected'
	| 'clock-skew'
	/** The sign-in service could not be reached. */
	| 'network'
	/** The sign-in service's TLS certificate is not trusted. */
	| 'untrusted-certificate'
	/** The sign-in service's TLS certificate is trusted but issued for other host names. */
	| 'certificate-name-mismatch'
	| 'proxy'
	/** The workload token file (AZURE_FEDERATED_TOKEN_FILE) cannot be read, or its token was refused as expired. */
	| 'federated-token'
	/** No federated credential of the app matches the workload token's issuer, subject or audience. */
	| 'federated-credential'
	/** No managed identity endpoint answered, or it refused. */
	| 'managed-identity'
	/** The machine has no managed identity with the client id asked for. */
	| 'managed-identity-not-found'
	/** `az` is not installed or not on PATH. */
	| 'azure-cli-missing'
	/** The Azure CLI is not signed in (or its sign-in expired). */
	| 'azure-cli-not-signed-in'
	/** The Azure CLI's token lacks the permissions user flows need. */
	| 'azure-cli-permissions'
	/** The Azure CLI failed otherwise. */
	| 'azure-cli'
	| 'unknown';

/** Optional details of an {@link AuthError}. */
export type AuthErrorDetails = {
	/** Entra's code, e.g. `AADSTS50020`, when the service gave one. */
	readonly aadsts?: string;
	/** msal-node's correlation id, to quote to support; never secret. */
	readonly correlationId?: string;
};

/**
 * A sign-in failure in plain words with the fix (`hint`). Never carries a token, secret, device code or
 * user code, and deliberately has no `cause`: msal errors and network errors are summarised, not attached.
 */
export class AuthError extends Error {
	override readonly name = 'AuthError';
	readonly aadsts: string | undefined;
	readonly correlationId: string | undefined;

	constructor(
		readonly code: AuthErrorCode,
		message: string,
		readonly hint: string,
		details: AuthErrorDetails = {},
	) {
		super(message);
		this.aadsts = details.aadsts;
		this.correlationId = details.correlationId;
	}
}
