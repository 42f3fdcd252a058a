import { randomUUID } from 'node:crypto';
import type { ConfidentialClientApplication } from '@azure/msal-node';
import type { ClientCertificate } from './certificate.js';
import type { SignedInIdentity } from './identity.js';
import { toAuthError } from './map-error.js';
import { claimsRequest, loadMsal, msalConfiguration, type Session } from './session.js';
import type { GetTokenOptions } from './token-provider.js';

/** The credential of a confidential client: a secret or a certificate, never both (identity.md G12). */
export type AppCredential =
	| { readonly kind: 'client-secret'; readonly secret: string }
	| { readonly kind: 'client-certificate'; readonly certificate: ClientCertificate };

/** App-only sign-in (client credentials); tokens are kept in memory by msal-node, never on disk. */
export function appOnlyProvider(session: Session, credential: AppCredential) {
	let client: Promise<ConfidentialClientApplication> | undefined;
	const app = () => {
		client ??= loadMsal().then((msal) => {
			const auth =
				credential.kind === 'client-secret'
					? { clientSecret: credential.secret }
					: {
							clientCertificate: {
								thumbprintSha256: credential.certificate.thumbprintSha256,
								privateKey: credential.certificate.privateKey,
								x5c: credential.certificate.x5c,
							},
						};
			return new msal.ConfidentialClientApplication(msalConfiguration(session, auth));
		});
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
				// Ignore MSAL_FORCE_REGION from the environment: regional hosts are not what was configured (G13).
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
