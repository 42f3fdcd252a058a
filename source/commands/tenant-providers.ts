import { sameId } from '../graph/ids.js';
import { type ConfiguredProvider, getTenantIdentityProvider } from '../graph/tenant-provider-writes.js';
import { listTenantIdentityProviders } from '../graph/tenant-providers.js';
import type { IdentityProvider } from '../graph/types.js';
import { resolveTenantProvider } from '../operations/resolve.js';
import {
	changeProvider,
	configureProvider,
	deletionRefusal,
	flowsWithProviders,
	type NewTenantProvider,
	type OidcClientAuthentication,
	offeredIds,
	ProviderChangeError,
	type ProviderChanges,
	removeTenantProvider,
	standardClaimsMapping,
} from '../operations/tenant-providers.js';
import { readBoundedFile } from '../text/bounded-file.js';
import { formatTable } from '../text/table.js';
import {
	type Command,
	type CommandContext,
	CommandFailure,
	dryRunFlag,
	type FlagSpec,
	printJson,
	stringFlag,
	UsageError,
} from './command.js';
import { confirmDeletion, yesFlag } from './confirm-deletion.js';
import { refusalFailure, settle } from './refusal-words.js';
import { readSecretFlag } from './secret-input.js';

// The tenant's identity providers: list (with the flows that offer each), show one, configure a new one,
// change one, delete one no flow offers. Secrets come from files or stdin only.

type Client = Awaited<ReturnType<CommandContext['graph']>>;
type Offered = { readonly id: string; readonly displayName: string };

const typeOf = (provider: IdentityProvider) =>
	provider.identityProviderType ?? provider['@odata.type']?.replace('#microsoft.graph.', '') ?? '';

const list: Command = {
	path: ['tenant', 'providers'],
	usage: 'tenant providers',
	summary: "List the tenant's identity providers, with the flows that offer each.",
	arity: [0, 0],
	async run(context) {
		const client = await context.graph();
		const [providers, flows] = await Promise.all([
			listTenantIdentityProviders(client),
			flowsWithProviders(client),
		]);
		const offeredBy = (provider: IdentityProvider): Offered[] =>
			flows
				.filter((flow) => offeredIds(flow).some((id) => sameId(id, provider.id)))
				.map((flow) => ({ id: flow.id, displayName: flow.displayName ?? flow.id }));
		if (context.json) {
			return printJson(
				context,
				providers.map((provider) => ({ ...provider, offeredBy: offeredBy(provider) })),
			);
		}
		context.stdout(
			`${formatTable(
				providers,
				[
					{ header: 'ID', value: (provider) => provider.id },
					{ header: 'NAME', value: (provider) => provider.displayName },
					{ header: 'TYPE', value: typeOf },
					{
						header: 'OFFERED BY',
						value: (provider) =>
							offeredBy(provider)
								.map((flow) => flow.displayName)
								.join(', ') || '(no flow)',
					},
				],
				context.columns,
			)}\n`,
		);
	},
};

/** A tenant provider by id or display name, read whole. */
async function resolveProvider(client: Client, wanted: string): Promise<ConfiguredProvider & { id: string }> {
	const found = await resolveTenantProvider(client, wanted);
	if (found.kind !== 'found' || !found.item.id) {
		throw new CommandFailure(
			`The tenant has no identity provider "${wanted}"${found.kind === 'ambiguous' ? ' alone: several match' : ''}.`,
			`It has: ${found.all.map((provider) => `${provider.id} ("${provider.displayName}")`).join(', ') || 'none'}. See \`entra-flows tenant providers\`.`,
		);
	}
	const id = found.item.id;
	return { ...found.item, ...(await getTenantIdentityProvider(client, id)), id };
}

const get: Command = {
	path: ['tenant', 'providers', 'get'],
	usage: 'tenant providers get <provider>',
	summary: 'Show one identity provider of the tenant (secrets read back masked).',
	arity: [1, 1],
	async run(context) {
		const client = await context.graph();
		const provider = await resolveProvider(client, context.args[0] ?? '');
		if (context.json) return printJson(context, provider);
		const rows: [string, unknown][] = [
			['ID', provider.id],
			['Name', provider.displayName],
			['Type', typeOf(provider)],
			['Client id', provider.clientId],
			['Developer id', provider.developerId],
			['Service id', provider.serviceId],
			['Key id', provider.keyId],
			['Issuer', provider.issuer],
			['Well-known', provider.wellKnownEndpoint],
			['Scope', provider.scope],
			['Response type', provider.responseType],
			['Client auth', provider.clientAuthentication?.['@odata.type']?.replace('#microsoft.graph.', '')],
		];
		for (const [label, value] of rows) {
			if (typeof value === 'string' && value !== '') context.stdout(`${label.padEnd(14)}${value}\n`);
		}
	},
};

const text = (name: string, value: string, description: string): FlagSpec => ({
	name,
	type: 'string',
	value,
	description,
});
const secretFlags: readonly FlagSpec[] = [
	text('client-secret-file', 'FILE', 'the client secret, from FILE or - for stdin (never from argv)'),
	text('certificate-file', 'FILE', "Apple: the .p8 key's text, from FILE or - for stdin"),
];
const fieldFlags: readonly FlagSpec[] = [
	text('name', 'NAME', 'display name (required for oidc)'),
	text('client-id', 'ID', 'the client (app) id at the other provider'),
	text('developer-id', 'ID', 'Apple: the team (developer) id'),
	text('service-id', 'ID', 'Apple: the service id'),
	text('key-id', 'ID', 'Apple: the key id'),
	text('issuer', 'URL', 'oidc: the issuer URI (https)'),
	text('well-known', 'URL', 'oidc: the OpenID configuration (metadata) URL (https)'),
	text('scope', 'SCOPES', 'oidc: scopes, space-separated (default "openid profile email")'),
	text(
		'claims-file',
		'FILE',
		'oidc: JSON object mapping user properties to claims (default: sub, name, email…)',
	),
	{
		name: 'private-key-jwt',
		type: 'boolean',
		description: 'oidc: authenticate with private_key_jwt, no secret',
	},
];

function need(context: CommandContext, flag: string, kind: string): string {
	const value = stringFlag(context.flags, flag)?.trim();
	if (!value) throw new UsageError(`tenant providers add ${kind} needs --${flag}.`);
	return value;
}

function needSecret(context: CommandContext, flag: string, kind: string): string {
	const secret = readSecretFlag(context, flag);
	if (secret === undefined)
		throw new UsageError(`tenant providers add ${kind} needs --${flag} FILE (or - for stdin).`);
	return secret;
}

function claimsMapping(context: CommandContext): Record<string, unknown> | undefined {
	const path = stringFlag(context.flags, 'claims-file');
	if (path === undefined) return undefined;
	let parsed: unknown;
	try {
		parsed = JSON.parse(readBoundedFile(path, 64 * 1024).text);
	} catch (error) {
		throw new UsageError(`--claims-file ${path} is not a JSON object: ${(error as Error).message}`);
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		throw new UsageError(
			`--claims-file ${path} must hold a JSON object such as {"sub": "sub", "email": "email"}.`,
		);
	}
	if (typeof (parsed as Record<string, unknown>).sub !== 'string') {
		throw new UsageError(`--claims-file ${path} must map "sub": the claim that identifies a user.`);
	}
	return parsed as Record<string, unknown>;
}

function httpsFlag(context: CommandContext, flag: string, required: boolean): string | undefined {
	const value = required ? need(context, flag, 'oidc') : stringFlag(context.flags, flag);
	if (value === undefined) return undefined;
	let url: URL | undefined;
	try {
		url = new URL(value);
	} catch {}
	if (url?.protocol !== 'https:') throw new UsageError(`--${flag} must be an https URL, not "${value}".`);
	return value;
}

function oidcAuthentication(
	context: CommandContext,
	required: boolean,
): OidcClientAuthentication | undefined {
	const jwt = context.flags['private-key-jwt'] === true;
	const secret = readSecretFlag(context, 'client-secret-file');
	if (jwt && secret !== undefined)
		throw new UsageError('Give either --client-secret-file or --private-key-jwt, not both.');
	if (jwt) return { kind: 'privateKeyJwt' };
	if (secret !== undefined) return { kind: 'clientSecret', clientSecret: secret };
	if (required)
		throw new UsageError(
			'tenant providers add oidc needs --client-secret-file FILE (or -), or --private-key-jwt.',
		);
	return undefined;
}

const kinds = ['google', 'facebook', 'apple', 'oidc'] as const;

function newProvider(context: CommandContext, kind: (typeof kinds)[number]): NewTenantProvider {
	const name = stringFlag(context.flags, 'name')?.trim() || undefined;
	switch (kind) {
		case 'google':
		case 'facebook':
			return {
				kind: kind === 'google' ? 'Google' : 'Facebook',
				...(name ? { displayName: name } : {}),
				clientId: need(context, 'client-id', kind),
				clientSecret: needSecret(context, 'client-secret-file', kind),
			};
		case 'apple':
			return {
				kind: 'Apple',
				...(name ? { displayName: name } : {}),
				developerId: need(context, 'developer-id', kind),
				serviceId: need(context, 'service-id', kind),
				keyId: need(context, 'key-id', kind),
				certificateData: needSecret(context, 'certificate-file', kind),
			};
		case 'oidc':
			return {
				kind: 'OIDC',
				displayName: need(context, 'name', kind),
				clientId: need(context, 'client-id', kind),
				issuer: httpsFlag(context, 'issuer', true) ?? '',
				wellKnownEndpoint: httpsFlag(context, 'well-known', true) ?? '',
				scope: stringFlag(context.flags, 'scope')?.trim() || 'openid profile email',
				clientAuthentication: oidcAuthentication(context, true) as OidcClientAuthentication,
				claimsMapping: claimsMapping(context) ?? standardClaimsMapping,
			};
		default: {
			const never: never = kind;
			return never;
		}
	}
}

const add: Command = {
	path: ['tenant', 'providers', 'add'],
	usage: 'tenant providers add google|facebook|apple|oidc [flags] [--dry-run]',
	summary: 'Configure a new identity provider in the tenant (then offer it: `providers add <flow> <id>`).',
	arity: [1, 1],
	flags: [...fieldFlags, ...secretFlags, dryRunFlag],
	async run(context) {
		const kind = kinds.find((name) => name === context.args[0]?.toLowerCase());
		if (!kind) {
			throw new UsageError(
				`tenant providers add takes one of ${kinds.join(', ')}, not "${context.args[0]}". SAML/WS-Fed federation is configured in the Entra admin center.`,
			);
		}
		const provider = newProvider(context, kind);
		const client = await context.graph();
		const outcome = await configureProvider(client, provider);
		if (outcome.kind === 'refused') throw refusalFailure(outcome.refusal, {}, outcome.error);
		if (outcome.kind !== 'done') throw new Error(`A create cannot end ${outcome.kind}.`);
		if (context.dryRun) return;
		if (context.json) return printJson(context, outcome.value);
		context.stdout(
			`Configured ${outcome.value.displayName ?? provider.kind} (${outcome.value.id}). Offer it with \`entra-flows providers add <flow> ${outcome.value.id}\`.\n`,
		);
	},
};

function changesFrom(context: CommandContext): ProviderChanges {
	const value = (flag: string) => stringFlag(context.flags, flag)?.trim() || undefined;
	const changes: ProviderChanges = {
		displayName: value('name'),
		clientId: value('client-id'),
		developerId: value('developer-id'),
		serviceId: value('service-id'),
		keyId: value('key-id'),
		issuer: httpsFlag(context, 'issuer', false),
		wellKnownEndpoint: httpsFlag(context, 'well-known', false),
		scope: value('scope'),
		certificateData: readSecretFlag(context, 'certificate-file'),
		claimsMapping: claimsMapping(context),
	};
	return changes;
}

const update: Command = {
	path: ['tenant', 'providers', 'update'],
	usage: 'tenant providers update <provider> [flags] [--dry-run]',
	summary:
		'Change an identity provider: only the fields given are sent (a secret only when a file gives it).',
	arity: [1, 1],
	flags: [...fieldFlags, ...secretFlags, dryRunFlag],
	async run(context) {
		const fields = changesFrom(context);
		const client = await context.graph();
		const provider = await resolveProvider(client, context.args[0] ?? '');
		// A social provider's secret sits at the top; an OIDC one's inside clientAuthentication.
		const oidc = provider['@odata.type']?.toLowerCase().endsWith('oidcidentityprovider');
		const auth = oidc ? oidcAuthentication(context, false) : undefined;
		const secret = oidc ? undefined : readSecretFlag(context, 'client-secret-file');
		const changes: ProviderChanges = {
			...fields,
			...(auth ? { clientAuthentication: auth } : {}),
			...(secret ? { clientSecret: secret } : {}),
		};
		if (Object.values(changes).every((value) => value === undefined)) {
			throw new UsageError(
				'tenant providers update needs at least one field to change, e.g. --name NAME or --client-secret-file FILE.',
			);
		}
		let outcome: Awaited<ReturnType<typeof changeProvider>>;
		try {
			outcome = await changeProvider(client, provider, changes);
		} catch (error) {
			if (error instanceof ProviderChangeError) throw new UsageError(error.message);
			throw error;
		}
		const settled = settle(outcome);
		if (context.dryRun) return;
		if (context.json) return printJson(context, await getTenantIdentityProvider(client, provider.id));
		if (settled.kind === 'unchanged')
			return context.stdout(`${provider.id} already has those values; nothing to do.\n`);
		const sent = Object.keys(settled.value).filter((key) => !key.startsWith('@'));
		context.stdout(`Updated ${sent.join(', ')} of ${provider.id}.\n`);
	},
};

const remove: Command = {
	path: ['tenant', 'providers', 'delete'],
	usage: 'tenant providers delete <provider> [--yes] [--dry-run]',
	summary: 'Delete an identity provider no flow offers; asks unless --yes.',
	arity: [1, 1],
	flags: [yesFlag, dryRunFlag],
	async run(context) {
		const client = await context.graph();
		const provider = await resolveProvider(client, context.args[0] ?? '');
		// Refused before asking: a question whose answer cannot be carried out helps nobody.
		const refusal = await deletionRefusal(client, provider);
		if (refusal) throw refusalFailure(refusal);
		const name = provider.displayName ?? provider.id;
		await confirmDeletion(context, {
			label: provider.id,
			name,
			id: provider.id,
			question: `Delete identity provider "${name}" (${provider.id})? Customers who sign in with it lose that way in.`,
		});
		const outcome = settle(await removeTenantProvider(client, provider));
		if (context.dryRun) return;
		if (context.json) return printJson(context, { deleted: provider.id, displayName: name });
		context.stdout(
			outcome.kind === 'unchanged'
				? `Identity provider "${name}" (${provider.id}) was deleted meanwhile; nothing to do.\n`
				: `Deleted identity provider "${name}" (${provider.id}).\n`,
		);
	},
};

export const tenantProviderCommands: readonly Command[] = [list, get, add, update, remove];
