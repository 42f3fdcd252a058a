import {
	addFlowIdentityProvider,
	listFlowIdentityProviders,
	removeFlowIdentityProvider,
} from '../graph/flow-providers.js';
import { sameId } from '../graph/ids.js';
import { listTenantIdentityProviders } from '../graph/tenant-providers.js';
import type { IdentityProvider } from '../graph/types.js';
import { formatTable } from '../text/table.js';
import { type Command, type CommandContext, CommandFailure, dryRunFlag, printJson } from './command.js';
import { resolveFlow } from './resolve-flow.js';
import { AlreadyDone, explainRefusal, foundAlreadyDone, requireTenantProvider } from './tenant-checks.js';

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

const add: Command = {
	path: ['providers', 'add'],
	usage: 'providers add <flow> <providerId> [--dry-run]',
	summary: "Add one of the tenant's identity providers to a user flow.",
	arity: [2, 2],
	flags: [dryRunFlag],
	async run(context) {
		const client = await context.graph();
		const flow = await resolveFlow(client, context.args[0] ?? '');
		const providerId = context.args[1] ?? '';
		const offers = (providers: readonly { id?: string }[] | undefined) =>
			providers?.some((provider) => sameId(provider.id, providerId)) ?? false;
		const nothingToDo = async () => {
			// Already as asked: a script that runs twice succeeds twice.
			if (context.json) return printJson(context, await listFlowIdentityProviders(client, flow.id));
			context.stdout(`"${flow.displayName}" already offers ${providerId}; nothing to do.\n`);
		};
		if (offers(flow.onAuthenticationMethodLoadStart?.identityProviders)) return nothingToDo();
		if (context.dryRun) await requireTenantProvider(client, providerId);
		const already = await foundAlreadyDone(() =>
			explainRefusal(
				() => addFlowIdentityProvider(client, flow.id, providerId),
				async () => {
					await requireTenantProvider(client, providerId);
					if (offers(await listFlowIdentityProviders(client, flow.id))) throw new AlreadyDone();
				},
			),
		);
		if (already) return nothingToDo();
		if (context.dryRun) return;
		if (context.json) return printJson(context, await listFlowIdentityProviders(client, flow.id));
		context.stdout(`Added ${providerId} to "${flow.displayName}".\n`);
	},
};

const remove: Command = {
	path: ['providers', 'remove'],
	usage: 'providers remove <flow> <providerId> [--dry-run]',
	summary: 'Remove an identity provider from a user flow (a flow keeps at least one).',
	arity: [2, 2],
	flags: [dryRunFlag],
	async run(context) {
		const client = await context.graph();
		const flow = await resolveFlow(client, context.args[0] ?? '');
		const providerId = context.args[1] ?? '';
		const requireRemovable = (current: readonly { id?: string }[]) => {
			if (!current.some((provider) => sameId(provider.id, providerId))) {
				throw new CommandFailure(
					`"${flow.displayName}" does not offer ${providerId}.`,
					`It offers: ${current.map((provider) => provider.id).join(', ') || 'nothing'}.`,
				);
			}
			if (current.length === 1) {
				// The service requires at least one provider on a flow.
				throw new CommandFailure(
					`${providerId} is the only identity provider of "${flow.displayName}"; a user flow needs at least one.`,
					`Add another first: \`entra-flows providers add "${flow.displayName}" <providerId>\`.`,
				);
			}
		};
		// Checked before any request, and again after a refusal (another admin may have removed one meanwhile).
		requireRemovable(await listFlowIdentityProviders(client, flow.id));
		await explainRefusal(
			() => removeFlowIdentityProvider(client, flow.id, providerId),
			async () => requireRemovable(await listFlowIdentityProviders(client, flow.id)),
		);
		if (context.dryRun) return;
		if (context.json) return printJson(context, await listFlowIdentityProviders(client, flow.id));
		context.stdout(`Removed ${providerId} from "${flow.displayName}".\n`);
	},
};

const tenant: Command = {
	path: ['tenant', 'providers'],
	usage: 'tenant providers',
	summary: 'List the identity providers configured in the tenant (what flows can offer).',
	arity: [0, 0],
	async run(context) {
		printProviders(context, await listTenantIdentityProviders(await context.graph()));
	},
};

export const providerCommands: readonly Command[] = [list, add, remove, tenant];
