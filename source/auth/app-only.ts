import { randomUUID } from 'node:crypto';
import type { ConfidentialClientApplication, Configuration } from '@azure/msal-node';
import type { ClientCertificate } from './certificate.js';
import { readFederatedToken } from './federated-token.js';
import type { SignedInIdentity } from './identity.js';
import { toAuthError } from './map-error.js';
import { claimsRequest, loadMsal, msalConfiguration, type Session } from './session.js';
import type { GetTokenOptions } from './token-provider.js';

/** A confidential client's credential: a secret, a certificate (never both: msal-node refuses) or a workload token. */
export type AppCredential =
	| { readonly kind: 'client-secret'; readonly secret: string }
	| { readonly kind: 'client-certificate'; readonly certificate: ClientCertificate }
	/** Workload identity federation: the file's token is the client assertion, read afresh for each request. */
	| { readonly kind: 'federated-token'; readonly tokenFile: string };

function credentialOptions(credential: AppCredential): Partial<Configuration['auth']> {
	switch (credential.kind) {
		case 'client-secret':
			return { clientSecret: credential.secret };
		case 'client-certificate':
			return {
				clientCertificate: {
					thumbprintSha256: credential.certificate.thumbprintSha256,
					privateKey: credential.certificate.privateKey,
					x5c: credential.certificate.x5c,
				},
			};
		case 'federated-token':
			return { clientAssertion: async () => readFederatedToken(credential.tokenFile) };
	}
}

/** App-only sign-in (client credentials); tokens are kept in memory by msal-node, never on disk. */
export function appOnlyProvider(session: Session, credential: AppCredential) {
	let client: Promise<ConfidentialClientApplication> | undefined;
	const app = () => {
		client ??= loadMsal().then(
			(msal) =>
				new msal.ConfidentialClientApplication(msalConfiguration(session, credentialOptions(credential))),
		);
		return client;
	};
	const identity: SignedInIdentity = {
		kind: 'app',
		clientId: session.clientId,
		tenantId: session.authority.tenant,
	};

	async function getToken(options: GetTokenOptions = {}): Promise<string> {
		const cca = await app();
		const claims = claimsRequest(options.claims);
		try {
			const result = await cca.acquireTokenByClientCredential({
				scopes: [...session.scopes],
				correlationId: randomUUID(),
				skipCache: options.forceRefresh ?? false,
				// Ignore MSAL_FORCE_REGION from the environment: regional hosts are not what was configured.
				azureRegion: 'DisableMsalForceRegion',
				...(claims ? { claims } : {}),
			});
			if (!result?.accessToken) throw new Error('no token in the reply');
			return result.accessToken;
		} catch (error) {
			throw toAuthError(error, session.errorContext);
		}
	}

	return {
		mode: credential.kind,
		getToken,
		/** Gets a token to prove the credential works, then reports the app. */
		async signIn(): Promise<SignedInIdentity> {
			await getToken({ forceRefresh: true });
			return identity;
		},
		async signOut(): Promise<void> {
			(await app()).clearCache();
		},
		account: async (): Promise<SignedInIdentity> => identity,
	};
}
