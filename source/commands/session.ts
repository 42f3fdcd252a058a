import { decodeTokenClaims } from '../auth/index.js';
import { writeProfile } from '../config/profile.js';
import { readProfiles, writeProfiles } from '../config/profiles.js';
import { formatFields } from '../text/table.js';
import { type Command, printJson } from './command.js';

const login: Command = {
	path: ['login'],
	usage: 'login [--tenant T] [--client-id ID] [--read-only]',
	summary:
		'Sign in (device code; app-only when a secret or certificate is configured) and remember the tenant.',
	arity: [0, 0],
	async run(context) {
		const auth = context.signIn({ interactive: true });
		const who = await auth.signIn();
		const config = context.config();
		// Remember where we signed in, so later commands sign in silently from the cache.
		const remembered = {
			tenant: config.tenant,
			cloud: config.cloud,
			clientId: config.clientId,
			authorityHost: config.authorityHost,
			graphUrl: config.graphUrl.replace(/\/beta\/?$/, '/v1.0'),
			caFile: config.caFile,
			readOnly: config.readOnly,
		};
		if (config.profileName) {
			const file = readProfiles(config.paths.configDir, context.stderr);
			writeProfiles(config.paths.configDir, {
				...file,
				profiles: { ...file.profiles, [config.profileName]: remembered },
			});
		} else writeProfile(config.paths.configDir, remembered);
		if (context.json) return printJson(context, { mode: auth.mode, identity: who ?? null });
		const name =
			who?.kind === 'user'
				? who.username
				: who?.kind === 'app'
					? `app ${who.clientId}`
					: 'the supplied token';
		context.stdout(
			`Signed in as ${name}${who?.tenantId ? ` to tenant ${who.tenantId}` : ''} (${auth.mode}).\n`,
		);
	},
};

const logout: Command = {
	path: ['logout'],
	usage: 'logout',
	summary: 'Forget the saved sign-in: the cached account and tokens (the cache file is deleted).',
	arity: [0, 0],
	async run(context) {
		// login remembers the tenant, so without one no sign-in was ever saved: already signed out.
		if (!context.config().tenant) {
			if (context.json) return printJson(context, { signedOut: true });
			return context.stdout('Nothing to sign out of: no sign-in is saved.\n');
		}
		const auth = context.signIn({ interactive: false });
		await auth.signOut();
		if (context.json) return printJson(context, { signedOut: true });
		context.stdout('Signed out; the token cache is gone.\n');
	},
};

const whoami: Command = {
	path: ['whoami'],
	usage: 'whoami',
	summary:
		'Who is signed in: account or app, tenant, cloud, sign-in mode, permissions granted, expiry. Never the token.',
	arity: [0, 0],
	async run(context) {
		const auth = context.signIn({ interactive: false });
		const config = context.config();
		const who = await auth.account();
		const claims = decodeTokenClaims(await auth.getToken());
		const summary = {
			mode: auth.mode,
			account: who?.kind === 'user' ? who.username : (claims?.username ?? null),
			app: who?.kind === 'app' ? who.clientId : (claims?.appId ?? null),
			tenant: claims?.tenantId ?? who?.tenantId ?? config.tenant ?? null,
			cloud: config.cloud,
			graphUrl: config.graphUrl,
			scopes: claims?.scopes ?? [],
			roles: claims?.roles ?? [],
			expiresAt: claims?.expiresAt?.toISOString() ?? null,
		};
		if (context.json) return printJson(context, summary);
		context.stdout(
			`${formatFields([
				['Mode', summary.mode],
				['Account', summary.account ?? ''],
				['App', summary.app ?? ''],
				['Tenant', summary.tenant ?? ''],
				['Cloud', summary.cloud],
				['Graph', summary.graphUrl],
				[
					summary.roles.length > 0 ? 'Roles' : 'Scopes',
					(summary.roles.length > 0 ? summary.roles : summary.scopes).join(' ') ||
						'(opaque token: cannot tell)',
				],
				['Expires', summary.expiresAt ?? ''],
			])}\n`,
		);
	},
};

export const sessionCommands: readonly Command[] = [login, logout, whoami];
