import type { KeyObject } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GraphAuthorize } from './authorizer.js';
import type { WorkloadTokenOptions } from './federation.js';
import type { ManagedIdentities, ManagedIdentitySource } from './managed-identity.js';
import type { EmulatedUser, SignInBehaviour } from './model.js';

// What the identity emulator offers its host server and the tests (emulator.ts builds it).

/** A client certificate registered on the confidential client, with its key, as a sign-in would use it. */
export type EmulatorClientCertificate = {
	/** Private key (PKCS#8) followed by the certificate: the one-file PEM `AZURE_CLIENT_CERTIFICATE_PATH` takes. */
	readonly pem: string;
	readonly certificatePem: string;
	/** SHA-256 of the certificate's DER, hex. */
	readonly thumbprintSha256: string;
};

/** What `mintAccessToken` makes. */
export type MintOptions = {
	/** Delegated permissions (default: every permission the public client is consented for). */
	readonly scopes?: readonly string[];
	/** Application permissions: makes an app-only token for the confidential client. */
	readonly roles?: readonly string[];
	/** Default: the emulator's access token lifetime; 0 or less gives an expired token. */
	readonly lifetimeSeconds?: number;
	/** Default https://graph.microsoft.com (another value makes a token Graph must refuse). */
	readonly audience?: string;
};

/** One request to the device code, token or a managed identity endpoint, as the emulator saw it (no secrets). */
export type TokenRequestRecord = {
	readonly endpoint: 'devicecode' | 'token' | 'managed-identity';
	/** Managed identity: which endpoint shape was called. */
	readonly source?: ManagedIdentitySource;
	readonly grantType?: string;
	readonly clientId?: string;
	/** `ok`, or the OAuth `error` word returned. */
	readonly outcome: string;
};

/** The identity emulator: Entra's sign-in endpoints as msal-node uses them, mountable into any HTTPS server. */
export type IdentityEmulator = {
	readonly tenantId: string;
	readonly tenantDomain: string;
	/** Origin clients use as authority host, once known (option, `setOrigin`, or the last request's Host). */
	readonly authorityHost: string | undefined;
	readonly publicClientId: string;
	readonly confidentialClientId: string;
	/** The confidential client's secret. */
	readonly clientSecret: string;
	readonly user: EmulatedUser;
	/** Public key that signs access tokens (for the Graph side). */
	readonly signingPublicKey: KeyObject;
	/** Serves the sign-in routes; false for any other request (left to the host server). */
	handle(req: IncomingMessage, res: ServerResponse, body: string): boolean;
	/** The Graph emulator's `authorize` option. */
	readonly authorize: GraphAuthorize;
	/** A ready token: delegated (all tool scopes unless `scopes`) or app-only when `roles` is given. */
	mintAccessToken(options?: MintOptions): string;
	setOrigin(origin: string): void;
	setBehaviour(behaviour: SignInBehaviour): void;
	setAutoApprove(on: boolean): void;
	setAccessTokenLifetime(seconds: number): void;
	/** Approves or declines a pending device code by its user code, as the verification page does. */
	decide(userCode: string, approve: boolean): boolean;
	/** Makes every refresh token issued so far unusable (AADSTS70008). */
	revokeRefreshTokens(): void;
	/** Generates (once) an RSA certificate, registers it on the confidential client and returns it with its key. */
	clientCertificate(): Promise<EmulatorClientCertificate>;
	/** The machine's managed identities, with the App Service secret (`IDENTITY_HEADER`). */
	readonly managedIdentities: ManagedIdentities;
	/** The emulator's workload token issuer URL (what a federated credential names). */
	workloadIssuer(): string;
	/** A workload token from that issuer, as a pipeline writes to AZURE_FEDERATED_TOKEN_FILE. */
	issueWorkloadToken(options?: WorkloadTokenOptions): string;
	/** Every token, refresh token, device code, user code, client secret and assertion issued or held. */
	issuedSecrets(): string[];
	/** Device code and token endpoint requests so far. */
	tokenRequests(): readonly TokenRequestRecord[];
};
