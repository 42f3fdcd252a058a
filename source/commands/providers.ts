import { listFlowIdentityProviders } from '../graph/flow-providers.js';
import type { IdentityProvider } from '../graph/types.js';
import { addsSecondLocalAccount } from '../operations/local-accounts.js';
import { addProvider, removeProvider } from '../operations/providers.js';
import { formatTable } from '../text/table.js';
import { type Command, type CommandContext, dryRunFlag, printJson } from './command.js';
import { printAfterWrite } from './read-after-write.js';
import { settle } from './refusal-words.js';
import { resolveFlow, resolveFlowOf, resolveProviderId } from './resolve.js';
import { warnBothLocalAccounts } from './warnings.js';

function printProviders(context: CommandContext, providers: readonly IdentityProvider[]): void {
	if (context.json) {
		printJson(context, providers);
		return;
	}
	context.stdout(
		`${formatTable(
			providers,
			[
				{ header: 'ID', value: (provider) => provider.id },
				{ header: 'NAME', value: (provider) => provider.displayName },
				{
					header: 'TYPE',
					value: (provider) =>
						provider.identityProviderType ?? provider['@odata.type']?.replace('#microsoft.graph.', ''),
				},
			],
			context.columns,
		)}\n`,
	);
}

const list: Command = {
	path: ['providers', 'list'],
	usage: 'providers list <flow>',
	summary: "List a user flow's identity providers.",
	arity: [1, 1],
	async run(context) {
		const client = await context.graph();
		const flow = await resolveFlow(client, context.args[0] ?? '');
		printProviders(context, await listFlowIdentityProviders(client, flow.id));
	},
};

/** Adds or removes one of a flow's providers, then prints the flow's providers (JSON) or one line. */
async function changeProvider(context: CommandContext, change: typeof addProvider | typeof removeProvider) {
	const client = await context.graph();
	const verb = change === addProvider ? 'add' : 'remove';
	const flow = await resolveFlowOf(client, context.args, `providers ${verb} <flow> <provider>`);
	const providerId = await resolveProviderId(client, flow, context.args[1] ?? '');
	const offered = (flow.onAuthenticationMethodLoadStart?.identityProviders ?? []).map(
		(provider) => provider.id,
	);
	if (change === addProvider && addsSecondLocalAccount(offered, providerId)) warnBothLocalAccounts(context);
	const outcome = settle(
		await change(client, {
			flowId: flow.id,
			providerId,
			offered: flow.onAuthenticationMethodLoadStart?.identityProviders,
		}),
		{ flow: flow.displayName },
		context,
	);
	if (context.dryRun) return;
	if (context.json)
		return printAfterWrite(
			context,
			() => listFlowIdentityProviders(client, flow.id),
			`providers list ${flow.id}`,
		);
	const name = `"${flow.displayName}"`;
	const meanwhile = outcome.kind === 'unchanged' && outcome.why === 'meanwhile';
	const adding = change === addProvider;
	context.stdout(
		outcome.kind === 'done'
			? `${adding ? `Added ${providerId} to` : `Removed ${providerId} from`} ${name}.\n`
			: adding
				? `${name} already offers ${providerId}; nothing to do${meanwhile ? ' (added meanwhile)' : ''}.\n`
				: `${name} does not offer ${providerId}; nothing to do${meanwhile ? ' (removed meanwhile)' : ''}.\n`,
	);
}

const add: Command = {
	path: ['providers', 'add'],
	usage: 'providers add <flow> <provider> [--dry-run]',
	summary: "Add one of the tenant's identity providers (by id or display name) to a user flow.",
	arity: [2, 2],
	flags: [dryRunFlag],
	run: (context) => changeProvider(context, addProvider),
};

const remove: Command = {
	path: ['providers', 'remove'],
	usage: 'providers remove <flow> <provider> [--dry-run]',
	summary: 'Remove an identity provider from a user flow (a flow keeps at least one).',
	arity: [2, 2],
	flags: [dryRunFlag],
	run: (context) => changeProvider(context, removeProvider),
};

export const providerCommands: readonly Command[] = [list, add, remove];
