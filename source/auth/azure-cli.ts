import { type ExecFileException, execFile } from 'node:child_process';
import { AuthError } from './auth-error.js';
import { decodeTokenClaims, type TokenClaims } from './claims.js';
import type { SignedInIdentity } from './identity.js';
import type { Redactor } from './redact.js';
import type { GetTokenOptions } from './token-provider.js';

/*
--use-az: a Graph token from an Azure CLI sign-in the admin already has, as `az account get-access-token
--resource-type ms-graph` prints it ({accessToken, expiresOn, expires_on, subscription, tenant, tokenType}).
The token is never printed: az's stdout is parsed here and its stderr is cut to its first line.
*/

/** The Azure CLI's own app: Microsoft gave it a fixed set of Graph permissions, and no tenant can add to them. */
export const azureCliAppId = '04b07795-8ddb-461a-bbee-02f9e1bf7b46';

export type AzureCliOptions = {
	/** Tenant to ask az for (`--tenant`); none: az's default. */
	readonly tenant?: string;
	/** Environment of the `az` process (PATH finds it). */
	readonly env?: Readonly<Record<string, string | undefined>>;
	readonly redactor: Redactor;
};

type AzReply = { accessToken?: unknown; expires_on?: unknown; expiresOn?: unknown; tenant?: unknown };

function run(
	options: AzureCliOptions,
): Promise<{ stdout: string; stderr: string; failure?: ExecFileException }> {
	const args = ['account', 'get-access-token', '--resource-type', 'ms-graph', '--output', 'json'];
	if (options.tenant) args.push('--tenant', options.tenant);
	return new Promise((resolve) => {
		execFile(
			'az',
			args,
			{
				env: { ...(options.env ?? process.env) } as NodeJS.ProcessEnv,
				timeout: 60_000,
				maxBuffer: 1024 * 1024,
			},
			(error, stdout, stderr) =>
				resolve({ stdout: String(stdout), stderr: String(stderr), ...(error ? { failure: error } : {}) }),
		);
	});
}

const tenantWords = (tenant?: string) => (tenant ? ` --tenant ${tenant}` : '');

function failed(options: AzureCliOptions, stderr: string, failure: ExecFileException): AuthError {
	if (failure.code === 'ENOENT') {
		return new AuthError(
			'azure-cli-missing',
			'--use-az needs the Azure CLI, and `az` is not on PATH.',
			'Install the Azure CLI (https://aka.ms/azure-cli) and run `az login`, or sign in without it: `entra-flows login --tenant <tenant>`.',
		);
	}
	const line = options.redactor.scrub(stderr.split('\n').find((text) => text.trim()) ?? '').trim();
	const aadsts = /AADSTS\d+/.exec(stderr)?.[0];
	if (
		/az login|not logged in|no subscription|refresh token|expired|AADSTS(50076|50079|70043|700082|50173)/i.test(
			stderr,
		)
	) {
		return new AuthError(
			'azure-cli-not-signed-in',
			`The Azure CLI has no usable sign-in${options.tenant ? ` for tenant ${options.tenant}` : ''}${line ? ` (az said: ${line})` : ''}.`,
			`Run \`az login${tenantWords(options.tenant)} --allow-no-subscriptions\` (an External ID tenant usually has no subscription), then try again.`,
			aadsts ? { aadsts } : {},
		);
	}
	return new AuthError(
		'azure-cli',
		`\`az account get-access-token\` failed${line ? `: ${line}` : ` (${String(failure.code ?? 'error')})`}.`,
		'Run `az account get-access-token --resource-type ms-graph` yourself to see why, or sign in without az: `entra-flows login`.',
		aadsts ? { aadsts } : {},
	);
}

/** Refuses a token that cannot manage user flows: every user-flow call needs EventListener.Read(Write).All. */
function checkPermissions(claims: TokenClaims | undefined, tenant: string | undefined): void {
	if (!claims) return;
	const granted = claims.kind === 'app' ? claims.roles : claims.scopes;
	if (
		granted.some((name) =>
			/^EventListener\.(Read|ReadWrite)\.All$/i.test(name.slice(name.lastIndexOf('/') + 1)),
		)
	)
		return;
	const has = granted.length ? granted.join(' ') : 'none';
	if (claims.kind === 'app') {
		throw new AuthError(
			'azure-cli-permissions',
			`The Azure CLI is signed in as app ${claims.appId ?? ''}, whose Graph token lacks EventListener.Read.All / EventListener.ReadWrite.All (it has: ${has}).`,
			'Grant that app the application permissions EventListener.ReadWrite.All, IdentityUserFlow.ReadWrite.All, IdentityProvider.Read.All and Application.Read.All with admin consent, then `az login --service-principal` again.',
		);
	}
	throw new AuthError(
		'azure-cli-permissions',
		`The Azure CLI's token for Microsoft Graph lacks the user-flow permissions EventListener.Read.All / EventListener.ReadWrite.All (it has: ${has}). The Azure CLI's app (${azureCliAppId}) comes with a fixed set of Graph permissions that no tenant can add to.`,
		`Sign in with entra-flows instead: \`entra-flows login${tenantWords(tenant)}\` (device code, through Microsoft Graph Command Line Tools, which an administrator can consent for them), or use an app of your own that has them (--client-id, or app-only with a secret, certificate or federated token).`,
	);
}

/** Tokens from the Azure CLI, asked again when the last one is within 5 minutes of expiry or refused. */
export function azureCliProvider(options: AzureCliOptions) {
	let token: string | undefined;
	let expiresAt = 0;
	let identity: SignedInIdentity | undefined;

	async function getToken(request: GetTokenOptions = {}): Promise<string> {
		if (token && !request.forceRefresh && expiresAt - Date.now() > 300_000) return token;
		const { stdout, stderr, failure } = await run(options);
		if (failure) throw failed(options, stderr, failure);
		let reply: AzReply;
		try {
			reply = JSON.parse(stdout) as AzReply;
		} catch {
			reply = {};
		}
		if (typeof reply.accessToken !== 'string' || !reply.accessToken) {
			throw new AuthError(
				'azure-cli',
				'`az account get-access-token` printed no accessToken.',
				'Update the Azure CLI (`az upgrade`) and run `az account get-access-token --resource-type ms-graph` to check it works.',
			);
		}
		options.redactor.add(reply.accessToken);
		const claims = decodeTokenClaims(reply.accessToken);
		checkPermissions(claims, options.tenant);
		token = reply.accessToken;
		const epoch = typeof reply.expires_on === 'number' ? reply.expires_on * 1000 : Number.NaN;
		expiresAt = Number.isFinite(epoch) ? epoch : (claims?.expiresAt?.getTime() ?? Date.now());
		const tenantId = (typeof reply.tenant === 'string' ? reply.tenant : undefined) ?? claims?.tenantId ?? '';
		identity =
			claims?.kind === 'app'
				? { kind: 'app', clientId: claims.appId ?? '', tenantId }
				: { kind: 'user', username: claims?.username ?? '', tenantId, objectId: claims?.objectId ?? '' };
		return token;
	}

	return {
		mode: 'azure-cli' as const,
		scopes: ['https://graph.microsoft.com/.default'],
		cacheFile: undefined,
		getToken,
		async signIn(): Promise<SignedInIdentity | undefined> {
			await getToken({ forceRefresh: true });
			return identity;
		},
		/** The sign-in is the Azure CLI's: `az logout` ends it. */
		async signOut(): Promise<void> {
			token = undefined;
		},
		account: async (): Promise<SignedInIdentity | undefined> => identity,
	};
}
