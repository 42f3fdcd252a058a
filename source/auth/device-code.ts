import { randomUUID } from 'node:crypto';
import type { AccountInfo, DeviceCodeRequest, PublicClientApplication } from '@azure/msal-node';
import { AuthError } from './auth-error.js';
import type { SignedInIdentity } from './identity.js';
import { toAuthError } from './map-error.js';
import { claimsRequest, loadMsal, msalConfiguration, type Session } from './session.js';
import type { FileTokenCache } from './token-cache.js';
import type { GetTokenOptions } from './token-provider.js';

/*
Delegated sign-in: silent from the cache (refreshing when due), else the device code flow. msal-node's
device-code quirks handled here: a failed /devicecode reply (which msal-node does not check, and would poll
with an undefined code) is caught in the callback; cancel takes effect at once for the caller (msal-node only
notices it after its current sleep); and a dead saved sign-in is removed from the file (msal-node drops it
from memory only).
*/

const guid = /^[\da-f]{8}-([\da-f]{4}-){3}[\da-f]{12}$/i;

/** Errors after which a fresh device code sign-in can help. */
const retryWithDeviceCode = new Set(['sign-in-again', 'mfa-required']);

const userOf = (account: AccountInfo): SignedInIdentity => ({
	kind: 'user',
	username: account.username,
	...(account.name ? { name: account.name } : {}),
	tenantId: account.tenantId,
	objectId: account.localAccountId,
	homeAccountId: account.homeAccountId,
});

export function deviceCodeProvider(
	session: Session,
	cache: FileTokenCache | undefined,
	timeoutSeconds?: number,
) {
	const { authority, hooks, scopes } = session;
	let client: Promise<PublicClientApplication> | undefined;
	let signingIn: { readonly promise: Promise<string>; readonly signal?: AbortSignal } | undefined;

	const app = () => {
		client ??= loadMsal().then(
			(msal) =>
				new msal.PublicClientApplication({
					...msalConfiguration(session),
					...(cache ? { cache: { cachePlugin: cache } } : {}),
				}),
		);
		return client;
	};

	/** The saved account for this tenant: same tenant id; for a domain, a user of that domain or the only account. */
	async function savedAccount(pca: PublicClientApplication): Promise<AccountInfo | undefined> {
		const accounts = await pca.getAllAccounts();
		if (guid.test(authority.tenant))
			return accounts.find((account) => account.tenantId.toLowerCase() === authority.tenant);
		const suffix = `@${authority.tenant}`;
		return (
			accounts.find((account) => account.username.toLowerCase().endsWith(suffix)) ??
			(accounts.length === 1 ? accounts[0] : undefined)
		);
	}

	function cancelled(): AuthError {
		return new AuthError('cancelled', 'Sign-in cancelled.', 'Sign in again when you are ready.');
	}

	async function deviceCode(signal?: AbortSignal): Promise<string> {
		if (signal?.aborted) throw cancelled();
		const onDeviceCode = hooks.onDeviceCode;
		if (!onDeviceCode) {
			throw new AuthError(
				'not-signed-in',
				`Not signed in to tenant "${authority.tenant}".`,
				'Run `entra-flows login` first, or sign in app-only (AZURE_CLIENT_ID with AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH).',
			);
		}
		const pca = await app();
		const correlationId = randomUUID();
		// A fresh request object per attempt: msal-node writes its defaults into the one it is given.
		const request: DeviceCodeRequest = {
			scopes: [...scopes],
			correlationId,
			...(timeoutSeconds ? { timeout: timeoutSeconds } : {}),
			deviceCodeCallback(response) {
				if (!response.userCode || !response.deviceCode || !response.verificationUri) {
					// The /devicecode endpoint refused; msal-node does not check, and would poll with an undefined code.
					throw toAuthError({ errorCode: 'post_request_failed', correlationId }, session.errorContext);
				}
				session.redactor.add(response.deviceCode, response.userCode);
				onDeviceCode({
					userCode: response.userCode,
					verificationUri: response.verificationUri,
					expiresAt: new Date(Date.now() + response.expiresIn * 1000),
					message: response.message,
				});
			},
		};
		const pending = pca.acquireTokenByDeviceCode(request).then(
			(result) => {
				if (!result?.accessToken) throw new Error('no token in the reply');
				return result.accessToken;
			},
			(error: unknown) => {
				throw toAuthError(error, session.errorContext);
			},
		);
		if (!signal) return pending;
		return new Promise<string>((resolve, reject) => {
			const abort = () => {
				request.cancel = true;
				reject(cancelled());
			};
			signal.addEventListener('abort', abort, { once: true });
			pending.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
		});
	}

	/**
	 * One device code sign-in at a time: concurrent callers share it. An attempt whose signal was aborted
	 * (a new code asked for) is never shared, even before its rejection settles: the new one starts afresh.
	 */
	function signIn(signal?: AbortSignal): Promise<string> {
		if (signingIn && !signingIn.signal?.aborted) return signingIn.promise;
		const attempt = { promise: deviceCode(signal), signal };
		signingIn = attempt;
		attempt.promise
			.finally(() => {
				if (signingIn === attempt) signingIn = undefined;
			})
			.catch(() => undefined);
		return attempt.promise;
	}

	return {
		mode: 'device-code' as const,
		async getToken(options: GetTokenOptions = {}): Promise<string> {
			const pca = await app();
			const account = await savedAccount(pca);
			if (account) {
				try {
					const claims = claimsRequest(options.claims);
					const result = await pca.acquireTokenSilent({
						account,
						scopes: [...scopes],
						forceRefresh: options.forceRefresh ?? false,
						correlationId: randomUUID(),
						...(claims ? { claims } : {}),
					});
					return result.accessToken;
				} catch (error) {
					const mapped = toAuthError(error, session.errorContext);
					if (!retryWithDeviceCode.has(mapped.code)) throw mapped;
					// msal drops a dead refresh token from memory only; remove the account so the file agrees.
					await pca
						.getTokenCache()
						.removeAccount(account)
						.catch(() => undefined);
					if (!hooks.onDeviceCode) throw mapped;
				}
			}
			return signIn(options.signal);
		},
		/** Always shows a new device code (the `login` command), then returns who signed in. */
		async signIn(options: { signal?: AbortSignal } = {}): Promise<SignedInIdentity | undefined> {
			await signIn(options.signal);
			const account = await savedAccount(await app());
			return account ? userOf(account) : undefined;
		},
		async signOut(): Promise<void> {
			const pca = await app();
			for (const account of await pca.getAllAccounts()) await pca.getTokenCache().removeAccount(account);
			await cache?.remove();
		},
		async account(): Promise<SignedInIdentity | undefined> {
			const account = await savedAccount(await app());
			return account ? userOf(account) : undefined;
		},
	};
}
