import type { ManagedIdentityApplication } from '@azure/msal-node';
import { AuthError } from './auth-error.js';
import { type AuthCloud, cloudHosts } from './authority.js';
import { decodeTokenClaims } from './claims.js';
import type { SignedInIdentity } from './identity.js';
import { ManagedIdentityNetworkClient } from './managed-identity-network.js';
import type { Redactor } from './redact.js';
import { loadMsal } from './session.js';
import type { GetTokenOptions } from './token-provider.js';

/*
Managed identity through msal-node's ManagedIdentityApplication. msal-node picks the endpoint from the
environment itself: IDENTITY_ENDPOINT + IDENTITY_HEADER (App Service, Functions, Container Apps),
MSI_ENDPOINT (Cloud Shell), IDENTITY_ENDPOINT + IMDS_ENDPOINT (Azure Arc), else IMDS at 169.254.169.254
(VMs; AZURE_POD_IDENTITY_AUTHORITY_HOST moves it, which is how tests point it at the emulator). A client id
makes it the user-assigned identity with that id; without one it is the system-assigned identity.
*/

/** What the managed identity provider needs. */
export type ManagedIdentityOptions = {
	readonly cloud: AuthCloud;
	/** A user-assigned identity's client id (AZURE_CLIENT_ID or --client-id); none: system-assigned. */
	readonly clientId?: string;
	/** Extra CA certificates for an https endpoint (the emulator's). */
	readonly ca?: string[];
	readonly redactor: Redactor;
};

function managedIdentityError(
	error: unknown,
	options: ManagedIdentityOptions,
	network: ManagedIdentityNetworkClient,
): AuthError {
	if (error instanceof AuthError) return error;
	const fields = (error ?? {}) as Record<string, unknown>;
	const code = typeof fields.errorCode === 'string' ? fields.errorCode : '';
	const said = options.redactor.scrub(typeof fields.errorMessage === 'string' ? fields.errorMessage : '');
	const which = options.clientId
		? `the user-assigned identity ${options.clientId}`
		: 'the system-assigned identity';
	if (/identity not found|no user assigned|not found for specified/i.test(said)) {
		return new AuthError(
			'managed-identity-not-found',
			`This machine has no managed identity with client id ${options.clientId ?? '(system-assigned)'}.`,
			options.clientId
				? 'Assign that user-assigned identity to the VM or app, or unset AZURE_CLIENT_ID (and --client-id) to use the system-assigned one.'
				: 'Turn on the system-assigned identity of the VM or app, or name a user-assigned one with AZURE_CLIENT_ID.',
		);
	}
	const failure = network.lastFailure;
	if (code === 'network_error' && failure) {
		return new AuthError(
			'managed-identity',
			`No managed identity endpoint answered at ${failure.host} (${failure.code}).`,
			'Managed identity works on Azure (a VM, App Service, Functions, Container Apps, AKS) with an identity turned on; elsewhere sign in another way (see `entra-flows login --help`).',
		);
	}
	return new AuthError(
		'managed-identity',
		`The managed identity endpoint refused a token for ${which}${said ? `: ${said}` : ` (${code || 'unknown error'})`}.`,
		'Check the identity is turned on for this VM or app and, for a user-assigned one, that AZURE_CLIENT_ID is its client id.',
	);
}

/** Tokens for Microsoft Graph as the machine's managed identity; msal-node keeps them in memory. */
export function managedIdentityProvider(options: ManagedIdentityOptions) {
	const network = new ManagedIdentityNetworkClient({ ...(options.ca ? { ca: options.ca } : {}) });
	let client: Promise<ManagedIdentityApplication> | undefined;
	let last: SignedInIdentity | undefined;
	const app = () => {
		client ??= loadMsal().then(
			(msal) =>
				new msal.ManagedIdentityApplication({
					...(options.clientId
						? { managedIdentityIdParams: { userAssignedClientId: options.clientId } }
						: {}),
					system: { networkClient: network },
				}),
		);
		return client;
	};

	async function getToken(request: GetTokenOptions = {}): Promise<string> {
		const mia = await app();
		try {
			// A resource, not a scope: managed identity endpoints take the resource URI.
			const result = await mia.acquireToken({
				resource: cloudHosts[options.cloud].graphHost,
				forceRefresh: request.forceRefresh ?? false,
			});
			options.redactor.add(result.accessToken);
			const claims = decodeTokenClaims(result.accessToken);
			last = {
				kind: 'app',
				clientId: claims?.appId ?? options.clientId ?? '',
				tenantId: claims?.tenantId ?? '',
			};
			return result.accessToken;
		} catch (error) {
			throw managedIdentityError(error, options, network);
		}
	}

	return {
		mode: 'managed-identity' as const,
		scopes: [`${cloudHosts[options.cloud].graphHost}/.default`],
		cacheFile: undefined,
		getToken,
		async signIn(): Promise<SignedInIdentity | undefined> {
			await getToken({ forceRefresh: true });
			return last;
		},
		/** Nothing is saved: the identity belongs to the machine. */
		async signOut(): Promise<void> {},
		account: async (): Promise<SignedInIdentity | undefined> => last,
	};
}
