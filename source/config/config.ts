import { type CloudName, cloudNames, clouds } from './clouds.js';

/** Where and how to talk to Graph, resolved once from flags and environment. */
export type Config = {
	readonly cloud: CloudName;
	/** Service root including the version segment. */
	readonly graphUrl: string;
	readonly beta: boolean;
	readonly accessToken?: string;
	readonly verbose: boolean;
};

/** The flags config reads (already parsed by cli.tsx). */
export type ConfigFlags = {
	readonly 'graph-url'?: string;
	readonly beta?: boolean;
	readonly cloud?: string;
	readonly 'access-token'?: string;
	readonly verbose?: boolean;
};

/** A flag or environment value that cannot be used; cli.tsx reports it as a usage error. */
export class ConfigError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ConfigError';
	}
}

/** Flags win over environment variables. */
export function resolveConfig(flags: ConfigFlags, env: NodeJS.ProcessEnv): Config {
	const cloudName = (flags.cloud ?? env.ENTRA_FLOWS_CLOUD ?? 'global').toLowerCase();
	if (!(cloudNames as readonly string[]).includes(cloudName)) {
		throw new ConfigError(`Unknown cloud "${cloudName}". Use one of: ${cloudNames.join(', ')}.`);
	}
	const cloud = clouds[cloudName as CloudName];
	const beta = flags.beta ?? false;
	const explicit = flags['graph-url'] ?? env.ENTRA_FLOWS_GRAPH_URL;
	let graphUrl = explicit ?? `${cloud.graphHost}/v1.0`;
	// --graph-url names the v1.0 root exactly as the emulator prints it; --beta swaps the version segment.
	if (beta) graphUrl = graphUrl.replace(/\/v1\.0\/?$/, '/beta');
	checkGraphUrl(graphUrl);
	return {
		cloud: cloud.name,
		graphUrl,
		beta,
		accessToken: flags['access-token'] ?? env.ENTRA_FLOWS_ACCESS_TOKEN ?? undefined,
		verbose: flags.verbose ?? false,
	};
}

function isLoopback(hostname: string): boolean {
	return hostname === 'localhost' || hostname === '[::1]' || /^127\./.test(hostname);
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
	if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
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
