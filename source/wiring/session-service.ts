import { AuthError, type SignedInIdentity, type SignInProvider } from '../auth/index.js';
import type { TokenProvider } from '../auth/token-provider.js';
import type { Config } from '../config/config.js';
import { GraphError } from '../graph/graph-error.js';
import type { DeviceCodeInfo, SessionInfo, SessionService } from '../store/deps.js';
import { tokenProviderFor } from './build-session.js';

/** Sign-in for the keyboard app: a provider whose device codes go to whoever is signing in right now. */
export type AppSignIn = {
	readonly session: SessionService;
	/** The token provider the Graph client uses; an expired sign-in surfaces as an `unauthenticated` GraphError. */
	readonly tokenProvider: TokenProvider;
};

function describe(
	identity: SignedInIdentity | undefined,
	provider: SignInProvider,
	config: Config,
): SessionInfo {
	if (identity?.kind === 'user')
		return { account: identity.username, tenant: identity.tenantId, mode: provider.mode };
	if (identity?.kind === 'app')
		return { account: `app ${identity.clientId}`, tenant: identity.tenantId, mode: provider.mode };
	return { tenant: config.tenant, mode: provider.mode };
}

const signInAgain = new Set(['not-signed-in', 'sign-in-again', 'code-expired']);

/** Builds the session service and token provider over source/auth for one configuration. */
export function createAppSignIn(
	config: Config,
	options: {
		env: NodeJS.ProcessEnv;
		/** Called once sign-in worked; returns the tenant it remembered, if it remembered one. */
		onSignedIn?: () => string | undefined;
		/** Also remember when a cached sign-in is found (a tenant given on the command line). */
		rememberCached?: boolean;
		warn?: (text: string) => void;
	},
): AppSignIn {
	let showCode: ((info: DeviceCodeInfo) => void) | undefined;
	// Built on first use: with nothing configured the Start screen runs before any tenant is known.
	let created: SignInProvider | undefined;
	const provider = () =>
		(created ??= tokenProviderFor(config, {
			env: options.env,
			// Only an explicit sign-in shows a code; a silent token request must not start one behind the screen.
			onDeviceCode: (info) => showCode?.(info),
			onWarning: options.warn,
		}));
	const session: SessionService = {
		async current() {
			const identity = await provider().account();
			if (!identity && provider().mode === 'device-code') return undefined;
			const info = describe(identity, provider(), config);
			const remembered = options.rememberCached ? options.onSignedIn?.() : undefined;
			return remembered ? { ...info, remembered } : info;
		},
		async signIn(hooks, signal) {
			showCode = hooks.onDeviceCode;
			try {
				const identity = await provider().signIn({ signal });
				const remembered = options.onSignedIn?.();
				const info = describe(identity, provider(), config);
				return remembered ? { ...info, remembered } : info;
			} finally {
				showCode = undefined;
			}
		},
		signOut: () => provider().signOut(),
	};
	const tokenProvider: TokenProvider = {
		async getToken(request) {
			try {
				if (provider().mode === 'device-code' && !(await provider().account())) throw notSignedIn();
				return await provider().getToken(request);
			} catch (error) {
				if (error instanceof AuthError && signInAgain.has(error.code)) throw notSignedIn(error.message);
				throw error;
			}
		},
	};
	return { session, tokenProvider };
}

function notSignedIn(message = 'The sign-in has expired.'): GraphError {
	return new GraphError({
		kind: 'unauthenticated',
		status: 401,
		code: 'SignInRequired',
		message,
		method: 'GET',
		path: '',
		hint: 'Sign in again.',
	});
}
