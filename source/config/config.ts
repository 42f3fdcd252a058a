import { BoundedReadError, openFileWarning, readBoundedFile } from '../text/bounded-file.js';
import { isLoopbackHost } from '../text/loopback.js';
import { maskSecretText } from '../text/secrets.js';
import { type CloudName, cloudNames, clouds, isMicrosoftSignInHost } from './clouds.js';
import { type ConfigPaths, resolvePaths } from './paths.js';
import { type Profile, readProfile } from './profile.js';
import { defaultProfileName, profileStateDir, readProfiles } from './profiles.js';

/** Where and how to talk to Graph and to sign in, resolved once from flags, environment and the saved profile. */
export type Config = {
	readonly cloud: CloudName;
	/** Service root including the version segment. */
	readonly graphUrl: string;
	readonly beta: boolean;
	readonly accessToken?: string;
	readonly verbose: boolean;
	/** Tenant id or domain; undefined when nothing is configured (the app then offers the demo). */
	readonly tenant?: string;
	readonly clientId?: string;
	readonly clientSecret?: string;
	readonly certificatePath?: string;
	readonly authorityHost?: string;
	readonly caFile?: string;
	/**
	 * Trust the CA file alone, not the system's roots too: the demo, whose emulator is the only server it talks
	 * to (and building a context of every root costs about 25 ms of its start).
	 */
	readonly caFileOnly?: boolean;
	readonly readOnly: boolean;
	readonly noCache: boolean;
	/** Workload identity federation: AZURE_FEDERATED_TOKEN_FILE, as GitHub Actions, Azure Pipelines and AKS set it. */
	readonly federatedTokenFile?: string;
	/** Managed identity: asked for (--managed-identity) or detected (App Service's or Cloud Shell's variables). */
	readonly managedIdentity: boolean;
	/** A user-assigned managed identity's client id: --client-id or AZURE_CLIENT_ID, never the saved profile. */
	readonly managedIdentityClientId?: string;
	/** Reuse the Azure CLI's sign-in (--use-az). */
	readonly useAzureCli: boolean;
	readonly paths: ConfigPaths;
	readonly profile: Profile;
	/** The named profile in use (its own token cache folder); undefined for the default one (profile.json). */
	readonly profileName?: string;
};

/** The flags config reads (already parsed by cli.tsx). */
export type ConfigFlags = Readonly<Record<string, string | boolean | string[] | undefined>>;

/** A flag or environment value that cannot be used; reported as a usage error. */
export class ConfigError extends Error {
	constructor(message: string) {
		// A value echoed back (a URL, a path) may be a token pasted in the wrong place: never whole.
		super(maskSecretText(message, '[redacted]'));
		this.name = 'ConfigError';
	}
}

/**
 * Reads stdin to the end, at most `maxBytes` (more throws); injected so config never touches the process
 * itself. cli.tsx passes text/bounded-file.ts readBoundedStdin.
 */
export type ReadStdin = (maxBytes: number) => string;

/** The most a client secret file (or stdin for `-`) may hold: a secret is tens of bytes, not megabytes. */
export const secretFileLimitBytes = 64 * 1024;

function text(flags: ConfigFlags, name: string): string | undefined {
	const value = flags[name];
	return typeof value === 'string' && value !== '' ? value : undefined;
}

function readSecretFile(path: string, readStdin?: ReadStdin, warn?: (text: string) => void): string {
	// A secret never comes from argv (visible in ps): a file, or stdin with "-".
	let secret: string;
	try {
		if (path === '-') secret = readStdin?.(secretFileLimitBytes) ?? '';
		else {
			const file = readBoundedFile(path, secretFileLimitBytes);
			// Used anyway, as ssh would not: but said, so the owner can close it.
			const open = openFileWarning('The client secret file', path, file.mode);
			if (open) warn?.(open);
			secret = file.text;
		}
	} catch (error) {
		if (!(error instanceof BoundedReadError)) throw error;
		if (error.problem === 'unreadable') {
			throw new ConfigError(`Cannot read --client-secret-file ${path}: ${error.errno ?? 'unreadable'}.`);
		}
		const named = path === '-' ? `-: ${error.message}` : error.message;
		throw new ConfigError(`--client-secret-file ${named}; it should hold only the secret.`);
	}
	secret = secret.trim();
	if (!secret) throw new ConfigError(`--client-secret-file ${path} is empty.`);
	return secret;
}

/** Flags win over environment variables, which win over the saved profile. */
export function resolveConfig(
	flags: ConfigFlags,
	env: NodeJS.ProcessEnv,
	options: {
		readStdin?: ReadStdin;
		warn?: (text: string) => void;
		home?: string;
		login?: boolean;
		/** A named profile to use, over --profile and the one `profiles use` chose. */
		profileName?: string;
	} = {},
): Config {
	const base = resolvePaths(env, options.home);
	const warn = options.warn ?? (() => {});
	const profiles = readProfiles(base.configDir, warn);
	const wanted = options.profileName ?? text(flags, 'profile') ?? profiles.current;
	const profileName = wanted === defaultProfileName ? undefined : wanted;
	if (profileName !== undefined && !profiles.profiles[profileName]) {
		const known = Object.keys(profiles.profiles);
		throw new ConfigError(
			`No profile named "${profileName}". ${known.length > 0 ? `Known: ${known.join(', ')}.` : 'None is saved yet.'} Add it with \`entra-flows profiles add ${profileName} --tenant T\`.`,
		);
	}
	const profile = profileName ? (profiles.profiles[profileName] ?? {}) : readProfile(base.configDir, warn);
	// Each named profile signs in on its own: its tokens live in a folder of their own.
	const paths = profileName ? { ...base, stateDir: profileStateDir(base.stateDir, profileName) } : base;
	const cloudName = (
		text(flags, 'cloud') ??
		env.ENTRA_FLOWS_CLOUD ??
		profile.cloud ??
		'global'
	).toLowerCase();
	if (!(cloudNames as readonly string[]).includes(cloudName)) {
		throw new ConfigError(`Unknown cloud "${cloudName}". Use one of: ${cloudNames.join(', ')}.`);
	}
	const cloud = clouds[cloudName as CloudName];
	const beta = flags.beta === true;
	const chosenGraphUrl = text(flags, 'graph-url') ?? env.ENTRA_FLOWS_GRAPH_URL ?? profile.graphUrl;
	let graphUrl = chosenGraphUrl ?? `${cloud.graphHost}/v1.0`;
	// --graph-url names the v1.0 root exactly as the emulator prints it; --beta swaps the version segment.
	if (beta) graphUrl = graphUrl.replace(/\/v1\.0\/?$/, '/beta');
	checkGraphUrl(graphUrl);
	const authorityHost =
		text(flags, 'authority-host') ?? (env.AZURE_AUTHORITY_HOST || undefined) ?? profile.authorityHost;
	if (authorityHost && !chosenGraphUrl && !isMicrosoftSignInHost(authorityHost)) {
		// Signing in somewhere else does not move Graph: say where it goes before a request finds out.
		options.warn?.(
			`Signing in at ${authorityHost}, but Graph requests still go to ${graphUrl} (the ${cloud.name} cloud's); give --graph-url (or ENTRA_FLOWS_GRAPH_URL) to send them elsewhere.`,
		);
	}
	const secretFile = text(flags, 'client-secret-file');
	const explicitClientId = text(flags, 'client-id') ?? (env.AZURE_CLIENT_ID || undefined);
	return {
		cloud: cloud.name,
		graphUrl,
		beta,
		accessToken: text(flags, 'access-token') ?? (env.ENTRA_FLOWS_ACCESS_TOKEN || undefined),
		verbose: flags.verbose === true,
		tenant: text(flags, 'tenant') ?? (env.AZURE_TENANT_ID || undefined) ?? profile.tenant,
		clientId: explicitClientId ?? profile.clientId,
		clientSecret: secretFile
			? readSecretFile(secretFile, options.readStdin, options.warn)
			: env.AZURE_CLIENT_SECRET || undefined,
		certificatePath: text(flags, 'certificate-file') ?? (env.AZURE_CLIENT_CERTIFICATE_PATH || undefined),
		authorityHost,
		caFile: text(flags, 'ca-file') ?? profile.caFile,
		// login decides afresh; every other command keeps what login chose.
		readOnly: flags['read-only'] === true || (profile.readOnly === true && !options.login),
		noCache: flags['no-cache'] === true,
		federatedTokenFile: env.AZURE_FEDERATED_TOKEN_FILE || undefined,
		managedIdentity: flags['managed-identity'] === true || managedIdentityDetected(env),
		managedIdentityClientId: explicitClientId,
		useAzureCli: flags['use-az'] === true,
		paths,
		profile,
		...(profileName ? { profileName } : {}),
	};
}

/**
 * A managed identity endpoint this process can see, as msal-node (and @azure/identity) find one: App Service,
 * Functions and Container Apps set IDENTITY_ENDPOINT and IDENTITY_HEADER, Cloud Shell MSI_ENDPOINT. A VM's
 * IMDS sets nothing and cannot be seen without a request, so there it must be asked for (--managed-identity).
 */
export function managedIdentityDetected(env: NodeJS.ProcessEnv): boolean {
	return Boolean((env.IDENTITY_ENDPOINT && env.IDENTITY_HEADER) || env.MSI_ENDPOINT);
}

/** A service root must be https, or http on a loopback host (a token must not cross the network in clear). */
function checkGraphUrl(raw: string): void {
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		throw new ConfigError(
			`--graph-url "${raw}" is not a URL; give the service root, e.g. https://graph.microsoft.com/v1.0`,
		);
	}
	if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
		throw new ConfigError(
			`--graph-url ${url.origin} uses plain http; use https (http is allowed for loopback hosts only).`,
		);
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:')
		throw new ConfigError(`--graph-url "${raw}" must be an http(s) URL.`);
	if (!/\/(v1\.0|beta)\/?$/.test(url.pathname)) {
		throw new ConfigError(`--graph-url "${raw}" must end in the API version, e.g. ${url.origin}/v1.0`);
	}
}
