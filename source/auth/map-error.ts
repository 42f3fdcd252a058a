import { hostNameMismatch, mismatchWords } from '../text/tls-names.js';
import { AuthError, type AuthErrorCode } from './auth-error.js';
import type { NetworkRecord } from './network.js';
import type { Redactor } from './redact.js';

/*
Turns whatever msal-node (or our network client) threw into an AuthError with plain words and a fix.
Branches on `errorCode` and AADSTS numbers, never on msal's classes: `instanceof` works in msal-node 7 only
because it re-exports msal-common's classes, and the next major says it will stop. Device-code poll errors
arrive flattened to the bare OAuth error word, and a failed /devicecode reply not at all; the network client's
record of the last reply for the same correlation id supplies the AADSTS code and the OAuth error.
*/

/** What the mapper knows about the sign-in that failed; nothing here is secret. */
export type ErrorContext = {
	readonly mode: 'device-code' | 'client-secret' | 'client-certificate' | 'federated-token';
	readonly tenant: string;
	readonly clientId: string;
	readonly scopes: readonly string[];
	readonly authorityHost: string;
	/** SHA-1 hex thumbprint as the Entra admin center shows it, for certificate hints. */
	readonly certificateThumbprint?: string;
	readonly record: (correlationId?: string) => NetworkRecord | undefined;
	readonly redactor: Redactor;
};

type Verdict = { code: AuthErrorCode; message: string; hint: string };

const permissionNames = (scopes: readonly string[]) =>
	scopes.map((scope) => scope.slice(scope.lastIndexOf('/') + 1)).join(', ');

const appOnlyHint =
	'sign in app-only instead (AZURE_CLIENT_ID with AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH)';

const signInAgain = (context: ErrorContext): Verdict => ({
	code: 'sign-in-again',
	message: 'The saved sign-in is no longer valid (expired, revoked, or the password changed).',
	hint:
		context.mode === 'device-code'
			? 'Sign in again with `entra-flows login`.'
			: 'Request a new token; if it keeps failing, check the app credentials.',
});

const federatedMismatch = (c: ErrorContext, part: string): Verdict => ({
	code: 'federated-credential',
	message: `App ${c.clientId} has no federated credential matching the workload token's ${part}.`,
	hint: "Add one under the app's Certificates & secrets › Federated credentials with the issuer, subject and audience (api://AzureADTokenExchange) the pipeline's token carries; Entra's message below names the value it did not find.",
});

const byAadsts: Record<string, (context: ErrorContext) => Verdict> = {
	AADSTS90002: (c) => ({
		code: 'unknown-tenant',
		message: `Tenant "${c.tenant}" was not found at ${c.authorityHost}.`,
		hint: 'Check --tenant / AZURE_TENANT_ID (the tenant ID or a domain such as contoso.onmicrosoft.com) and --cloud: a tenant of another national cloud is not found here.',
	}),
	AADSTS900023: (c) => byAadsts.AADSTS90002!(c),
	AADSTS50020: (c) => ({
		code: 'wrong-account',
		message: `The account you signed in with is not a member or guest of tenant "${c.tenant}".`,
		hint: 'Sign in with an account of that tenant (use a private browser window to pick it), or pass the tenant the account belongs to.',
	}),
	AADSTS90072: (c) => byAadsts.AADSTS50020!(c),
	AADSTS700016: (c) => ({
		code: 'app-not-found',
		message: `Application ${c.clientId} was not found in tenant "${c.tenant}".`,
		hint: 'Check --client-id / AZURE_CLIENT_ID and the tenant. An app registered in another tenant must be multi-tenant and consented in this one; for the default client, an administrator consents once by signing in.',
	}),
	AADSTS7000218: () => ({
		code: 'public-client-disabled',
		message: 'This app registration does not allow device code sign-in (public client flows are off).',
		hint: `Turn on "Allow public client flows" under the app's Authentication settings, use the default client id, or ${appOnlyHint}.`,
	}),
	AADSTS65001: (c) => ({
		code: 'consent-required',
		message: `No one has consented to app ${c.clientId} using ${permissionNames(c.scopes)} in this tenant.`,
		hint: 'An administrator grants admin consent for these permissions (Entra admin center › Enterprise applications › the app › Permissions), then sign in again. With --read-only fewer permissions are asked for.',
	}),
	AADSTS65004: () => ({
		code: 'declined',
		message: 'Consent to the app was declined.',
		hint: 'Sign in again and accept the permissions, or ask an administrator to grant consent for the tenant.',
	}),
	AADSTS53003: () => ({
		code: 'conditional-access',
		message:
			'A Conditional Access policy blocked this sign-in (device code flow or this device is not allowed).',
		hint: `Sign in from a machine or network the policy allows, or ${appOnlyHint}. An administrator can see which policy applied in the sign-in logs.`,
	}),
	AADSTS53000: (c) => byAadsts.AADSTS53003!(c),
	AADSTS53001: (c) => byAadsts.AADSTS53003!(c),
	AADSTS53002: (c) => byAadsts.AADSTS53003!(c),
	AADSTS50005: (c) => byAadsts.AADSTS53003!(c),
	AADSTS50097: (c) => byAadsts.AADSTS53003!(c),
	AADSTS530032: (c) => byAadsts.AADSTS53003!(c),
	AADSTS50076: (c) => ({
		code: 'mfa-required',
		message: 'Multi-factor authentication is required for this sign-in.',
		hint:
			c.mode === 'device-code'
				? 'Sign in again with `entra-flows login` and complete the MFA prompt in the browser; register a method first at https://aka.ms/mfasetup if you have none.'
				: 'App-only sign-in cannot do MFA; check the policies that apply to this app.',
	}),
	AADSTS50079: (c) => byAadsts.AADSTS50076!(c),
	AADSTS70020: () => ({
		code: 'code-expired',
		message: 'The sign-in code expired before it was entered.',
		hint: 'Run the sign-in again and enter the new code within 15 minutes.',
	}),
	AADSTS70019: (c) => byAadsts.AADSTS70020!(c),
	AADSTS7000215: (c) => ({
		code: 'invalid-client-secret',
		message: `The client secret was rejected for app ${c.clientId}.`,
		hint: "Use the secret's Value (not its Secret ID) from the app's Certificates & secrets page, check it belongs to this app and has not expired.",
	}),
	AADSTS7000222: (c) => ({
		code: 'invalid-client-secret',
		message: `The client secret of app ${c.clientId} has expired.`,
		hint: "Create a new secret under the app's Certificates & secrets and pass it with AZURE_CLIENT_SECRET or --client-secret-file.",
	}),
	AADSTS700027: (c) => ({
		code: 'certificate-rejected',
		message: `The certificate was not accepted for app ${c.clientId}.`,
		hint: `Upload the certificate${c.certificateThumbprint ? ` (thumbprint ${c.certificateThumbprint})` : ''} under the app's Certificates & secrets, check the PEM file pairs it with its own key and that it has not expired.`,
	}),
	AADSTS700021: (c) => byAadsts.AADSTS700027!(c),
	AADSTS700024: (c) =>
		c.mode === 'federated-token'
			? {
					code: 'federated-token',
					message: 'The workload token in AZURE_FEDERATED_TOKEN_FILE has expired (or is not valid yet).',
					hint: 'Workload tokens live minutes: run entra-flows while the pipeline job or pod that wrote the file is current (it rewrites the file), and check this clock is right.',
				}
			: byAadsts.AADSTS500133!(c),
	AADSTS500133: () => ({
		code: 'clock-skew',
		message: "The sign-in service says this machine's clock is wrong.",
		hint: 'Set the clock right (e.g. `timedatectl set-ntp true`) and try again.',
	}),
	AADSTS70021: (c) => federatedMismatch(c, 'issuer, subject or audience'),
	AADSTS700211: (c) => federatedMismatch(c, 'issuer'),
	AADSTS700212: (c) => federatedMismatch(c, 'audience'),
	AADSTS700213: (c) => federatedMismatch(c, 'subject'),
	AADSTS50013: (c) =>
		c.mode === 'federated-token'
			? {
					code: 'federated-credential',
					message: "The workload token's signature could not be checked against its issuer's keys.",
					hint: 'The token must come from the issuer the federated credential names, unchanged; check AZURE_FEDERATED_TOKEN_FILE points at that file.',
				}
			: byAadsts.AADSTS700027!(c),
	AADSTS70008: signInAgain,
	AADSTS700082: signInAgain,
	AADSTS50173: signInAgain,
	AADSTS50133: signInAgain,
	AADSTS70043: signInAgain,
};

const byWord: Record<string, (context: ErrorContext) => Verdict> = {
	authorization_declined: () => ({
		code: 'declined',
		message: 'The sign-in was declined in the browser.',
		hint: 'Run the sign-in again and choose to continue when asked.',
	}),
	access_denied: (c) => byWord.authorization_declined!(c),
	expired_token: (c) => byAadsts.AADSTS70020!(c),
	bad_verification_code: (c) => byAadsts.AADSTS70020!(c),
	device_code_expired: (c) => byAadsts.AADSTS70020!(c),
	slow_down: () => ({
		code: 'slow-down',
		message: 'The sign-in service asked to poll more slowly and ended the sign-in.',
		hint: 'Wait a minute and sign in again.',
	}),
	device_code_polling_cancelled: () => ({
		code: 'cancelled',
		message: 'Sign-in cancelled.',
		hint: 'Sign in again when you are ready.',
	}),
	user_timeout_reached: () => ({
		code: 'timeout',
		message: 'Gave up waiting for the code to be entered.',
		hint: 'Sign in again and enter the code in the browser sooner.',
	}),
	authorization_pending: (c) => byWord.user_timeout_reached!(c),
	consent_required: (c) => byAadsts.AADSTS65001!(c),
	invalid_grant: signInAgain,
	interaction_required: signInAgain,
	login_required: signInAgain,
	bad_token: signInAgain,
	no_tokens_found: signInAgain,
	refresh_token_expired: signInAgain,
	invalid_tenant: (c) => byAadsts.AADSTS90002!(c),
	invalid_client: (c) =>
		c.mode === 'client-secret'
			? byAadsts.AADSTS7000215!(c)
			: c.mode === 'client-certificate'
				? byAadsts.AADSTS700027!(c)
				: byAadsts.AADSTS7000218!(c),
	missing_tenant_id_error: (c) => ({
		code: 'config',
		message: `Tenant "${c.tenant}" cannot be used for this sign-in.`,
		hint: 'Pass the tenant ID or its domain with --tenant or AZURE_TENANT_ID.',
	}),
};

const tlsCodes = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ALTNAME|DEPTH_ZERO/;

function transport(record: Extract<NetworkRecord, { kind: 'transport' }>): Verdict {
	if (record.code.startsWith('PROXY_') || record.code === 'EPROXYCONFIG') {
		return {
			code: 'proxy',
			message: `The proxy did not open a connection to ${record.host} (${record.code}).`,
			hint: 'Check HTTPS_PROXY (and its credentials), or exclude the host with NO_PROXY.',
		};
	}
	if (record.code === hostNameMismatch) {
		const hostname = record.host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
		return {
			code: 'certificate-name-mismatch',
			message: `The TLS certificate of ${record.host} ${mismatchWords(hostname, record.certificateNames ?? [])} (${record.code}).`,
			hint: 'The certificate is trusted but names other hosts: check the authority host (--authority-host / AZURE_AUTHORITY_HOST) and use a name the certificate lists, or find what answers at that address (a proxy, a wrong DNS entry). Trusting another CA does not fix this.',
		};
	}
	if (tlsCodes.test(record.code)) {
		return {
			code: 'untrusted-certificate',
			message: `The TLS certificate of ${record.host} is not trusted (${record.code}).`,
			hint: 'If a corporate proxy or the local emulator signs the connection, pass its CA certificate with --ca-file (or NODE_EXTRA_CA_CERTS). Certificate checks are never turned off.',
		};
	}
	return {
		code: 'network',
		message: `Could not reach the sign-in service at ${record.host} (${record.code}).`,
		hint: `Check the network${record.viaProxy ? ' and the proxy (HTTPS_PROXY)' : ', proxy settings (HTTPS_PROXY / NO_PROXY)'} and the authority host (--authority-host / AZURE_AUTHORITY_HOST).`,
	};
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** Maps any sign-in failure to an AuthError; an AuthError passes through unchanged. */
export function toAuthError(error: unknown, context: ErrorContext): AuthError {
	if (error instanceof AuthError) return error;
	const fields = (error ?? {}) as Record<string, unknown>;
	const errorCode = text(fields.errorCode);
	const correlationId = text(fields.correlationId) || undefined;
	const record = context.record(correlationId);
	const reply = record?.kind === 'reply' && record.error ? record : undefined;
	const clientSide = ['device_code_polling_cancelled', 'user_timeout_reached', 'device_code_expired'];
	const word = clientSide.includes(errorCode)
		? errorCode
		: (reply?.error ?? (errorCode === 'post_request_failed' ? text(fields.errorMessage) : errorCode));
	const number =
		typeof fields.errorNo === 'string' || typeof fields.errorNo === 'number' ? fields.errorNo : '';
	const aadsts = clientSide.includes(errorCode)
		? undefined
		: (reply?.aadsts ?? (number ? `AADSTS${number}` : /AADSTS\d+/.exec(text(fields.errorMessage))?.[0]));
	let verdict = (aadsts && byAadsts[aadsts]?.(context)) || byWord[word]?.(context);
	if (
		!verdict &&
		record?.kind === 'transport' &&
		/network_error|endpoints_resolution_error|^$/.test(errorCode)
	) {
		verdict = transport(record);
	}
	if (!verdict && errorCode === 'endpoints_resolution_error') {
		verdict = {
			code: 'network',
			message: `Could not read the sign-in endpoints of ${context.authorityHost}.`,
			hint: 'Check the authority host (--authority-host / AZURE_AUTHORITY_HOST) and the network.',
		};
	}
	if (!verdict) {
		const said = reply?.description ? `: ${reply.description}` : '';
		verdict = {
			code: 'unknown',
			message: `Sign-in failed (${word || 'unknown error'})${said}`,
			hint: 'Try again; if it keeps failing, quote the AADSTS code and correlation id to your administrator.',
		};
	}
	const message = context.redactor.scrub(aadsts ? `${verdict.message} (${aadsts})` : verdict.message);
	return new AuthError(verdict.code, message, context.redactor.scrub(verdict.hint), {
		...(aadsts ? { aadsts } : {}),
		...(correlationId ? { correlationId } : {}),
	});
}
