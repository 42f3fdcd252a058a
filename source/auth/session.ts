import type { Configuration, LogLevel } from '@azure/msal-node';
import type { Authority } from './authority.js';
import type { ErrorContext } from './map-error.js';
import type { SignInNetworkClient } from './network.js';
import type { Redactor } from './redact.js';

/** The code and where to enter it; show `message` (or build your own from the fields). */
export type DeviceCodeInfo = {
	readonly userCode: string;
	readonly verificationUri: string;
	readonly expiresAt: Date;
	/** The service's own sentence, e.g. "To sign in, use a web browser to open the page … and enter the code …". */
	readonly message: string;
};

/** Callbacks from the sign-in layer to the program. All optional; without them nothing is printed. */
export type AuthHooks = {
	/** Show the device code; without it a device code sign-in is impossible (`not-signed-in`). */
	readonly onDeviceCode?: (info: DeviceCodeInfo) => void;
	/** Something the user should know that does not stop sign-in (unreadable cache, expiring certificate). */
	readonly onWarning?: (message: string) => void;
	/** msal-node log lines without PII and with secrets blanked; for a debug log file. */
	readonly onLog?: (level: 'error' | 'warning' | 'info' | 'verbose', line: string) => void;
	/** Most detailed level passed to `onLog` (default warning). */
	readonly logLevel?: 'error' | 'warning' | 'info' | 'verbose';
};

/** What every provider of one configuration shares. */
export type Session = {
	readonly authority: Authority;
	readonly clientId: string;
	readonly scopes: readonly string[];
	readonly network: SignInNetworkClient;
	readonly redactor: Redactor;
	readonly hooks: AuthHooks;
	readonly errorContext: ErrorContext;
};

/** msal-node, loaded on first use: importing it costs start-up time that most commands never need. */
export const loadMsal = () => import('@azure/msal-node');

const levels = ['error', 'warning', 'info', 'verbose'] as const;

/** The `auth` and `system` parts of an msal-node configuration for a session. */
export function msalConfiguration(
	session: Session,
	auth: Partial<Configuration['auth']> = {},
): Configuration {
	const { authority, hooks, redactor } = session;
	const wanted = levels.indexOf(hooks.logLevel ?? 'warning');
	return {
		auth: {
			clientId: session.clientId,
			authority: authority.url,
			...(authority.knownAuthorities ? { knownAuthorities: authority.knownAuthorities } : {}),
			...(authority.authorityMetadata ? { authorityMetadata: authority.authorityMetadata } : {}),
			...auth,
		},
		system: {
			networkClient: session.network,
			loggerOptions: {
				piiLoggingEnabled: false,
				// LogLevel is a numeric enum 0 (Error) … 3 (Verbose); a type-only import keeps msal unloaded here.
				logLevel: (hooks.onLog ? wanted : 0) as LogLevel,
				loggerCallback: (level: LogLevel, message: string, containsPii: boolean) => {
					const name = levels[level as number];
					if (containsPii || !hooks.onLog || !name) return;
					hooks.onLog(name, redactor.scrub(message));
				},
			},
		},
	};
}

/** Turns a claims challenge (base64 JSON from WWW-Authenticate, or JSON) into msal's `claims` string. */
export function claimsRequest(claims: string | undefined): string | undefined {
	if (!claims) return undefined;
	if (claims.trim().startsWith('{')) return claims;
	const decoded = Buffer.from(claims, 'base64').toString('utf8');
	return decoded.trim().startsWith('{') ? decoded : undefined;
}
