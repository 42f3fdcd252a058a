import type { GraphClient, RetryNotice } from '../graph/graph-client.js';
import type { RequestRecorder } from '../inspect/recorder.js';

export type { GraphClient, RetryNotice } from '../graph/graph-client.js';

/** Who is signed in, as the session reports it. */
export type SessionInfo = {
	readonly account?: string;
	readonly tenant?: string;
	readonly mode: string;
	/** The tenant this sign-in saved as the one a plain start uses next time, when it saved one. */
	readonly remembered?: string;
};

/** What the device-code sign-in asks the user to do. */
export type DeviceCodeInfo = {
	readonly userCode: string;
	readonly verificationUri: string;
	readonly expiresAt: Date;
	readonly message: string;
};

/** Sign-in, implemented by the composition root over source/auth. */
export type SessionService = {
	/** Silent: the cached sign-in, or undefined when there is none. */
	current(): Promise<SessionInfo | undefined>;
	/** Interactive device-code sign-in; rejects when the signal aborts. */
	signIn(hooks: { onDeviceCode(info: DeviceCodeInfo): void }, signal: AbortSignal): Promise<SessionInfo>;
	signOut(): Promise<void>;
};

/** Carries the Graph client's onRetry notices into the store (the client is built before the store). */
export type RetryRelay = {
	/** Starts forwarding notices to the listener; returns the unsubscribe function. */
	subscribe(listener: (notice: RetryNotice) => void): () => void;
};

/** The session's recorded Graph calls, as the request inspector reads them (secrets already masked). */
export type RequestHistory = Pick<RequestRecorder, 'entries' | 'subscribe'>;

/** The profiles the tenant switcher offers, and how to get the app's deps for one of them. */
export type TenantSwitch = {
	readonly choices: readonly { readonly profile: string; readonly label: string }[];
	/** Deps for that profile, with its own sign-in and token cache; the same object each time for one profile. */
	switchTo(profile: string): Promise<AppDeps>;
};

/** Everything the keyboard app needs from the composition root. */
export type AppDeps = {
	/** From createGraphClient, with the token provider already wired. */
	readonly graph: GraphClient;
	readonly session: SessionService;
	/** False shows the Start screen (demo tenant or enter a tenant). */
	readonly configured: boolean;
	/** Starts the emulator in-process and returns deps pointing at it. */
	readonly startDemo?: () => Promise<AppDeps>;
	/** Deps for a tenant the user typed on the Start screen. */
	readonly useTenant?: (tenant: string) => Promise<AppDeps>;
	/** Where the Graph client's onRetry notices arrive ("throttled, retrying in Ns"). */
	readonly retries?: RetryRelay;
	/** Every Graph call the client made, fed from its onExchange option (the request inspector). */
	readonly requests?: RequestHistory;
	/** True inside tmux: clipboard sequences are wrapped in tmux's passthrough. */
	readonly tmux?: boolean;
	/** True when NO_COLOR is set: the theme uses no colours. */
	readonly noColor?: boolean;
	/** True when the locale is not UTF-8: the screens' glyphs go out as ASCII stand-ins. */
	readonly ascii?: boolean;
	/** The profiles to switch between (the header names the one in use). */
	readonly tenants?: TenantSwitch;
	/** The profile these deps are for. */
	readonly tenant?: { readonly profile: string; readonly label: string };
	/** The folder relative paths (export, Apply file) start from; the process's current folder by default. */
	readonly cwd?: string;
	/**
	 * Reads a secret (a provider's client secret) from the file a form names, trimmed; rejects with an Error
	 * whose message says what is wrong with the file and never holds its content. Absent: forms cannot take secrets.
	 */
	readonly readSecretFile?: (path: string) => Promise<string>;
	/** Milliseconds since the epoch; injectable for tests. */
	readonly now?: () => number;
	/** Test overrides for the terminal streams. */
	readonly stdout?: NodeJS.WriteStream;
	readonly stdin?: NodeJS.ReadStream;
	readonly stderr?: NodeJS.WriteStream;
	/** Renders one frame and exits 0 (start-up benchmarks). */
	readonly exitAfterFirstFrame?: boolean;
};

/** A relay the composition root feeds from createGraphClient's onRetry option. */
export function createRetryRelay(): RetryRelay & { notify(notice: RetryNotice): void } {
	const listeners = new Set<(notice: RetryNotice) => void>();
	return {
		notify(notice) {
			for (const listener of listeners) listener(notice);
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
	};
}
