import { listApplications } from '../graph/applications.js';
import { listFlowApplications } from '../graph/flow-apps.js';
import { getUserFlow, listUserFlowSummaries } from '../graph/flows.js';
import type { GraphClient } from '../graph/graph-client.js';
import { isGraphError } from '../graph/graph-error.js';
import type { Application } from '../graph/types.js';
import { linkApp, unlinkApp } from '../operations/apps.js';
import { isGuid } from '../operations/resolve.js';
import { appOwner } from '../operations/tenant-reads.js';
import { formatTable } from '../text/table.js';
import { type Command, CommandFailure, dryRunFlag, printJson } from './command.js';
import { printAfterWrite } from './read-after-write.js';
import { noteLostAnswer, refusalFailure, settle } from './refusal-words.js';
import { resolveApp, resolveFlow, resolveFlowOf } from './resolve.js';

/** An app as messages name it: its display name and appId, or the appId alone when the name is unknown. */
const appWords = (app: Application, appId: string) =>
	app.displayName ? `"${app.displayName}" (${appId})` : appId;

async function namesByAppId(client: GraphClient): Promise<Map<string, string>> {
	try {
		return new Map((await listApplications(client)).map((app) => [app.appId ?? '', app.displayName ?? '']));
	} catch (error) {
		// Display names need Application.Read.All; without it (refused by the service or before sending) the appIds still tell the story.
		if (isGraphError(error) && error.kind === 'forbidden') return new Map();
		throw error;
	}
}

const list: Command = {
	path: ['apps', 'list'],
	usage: 'apps list <flow>',
	summary: 'List the applications that use a user flow, with their display names.',
	arity: [1, 1],
	async run(context) {
		const client = await context.graph();
		// The table's names are read beside the flow, one round trip instead of two (unused when no app is linked).
		const reading = context.json ? undefined : namesByAppId(client);
		// Heard now too, so a failed flow lookup never leaves this read rejected and unheard.
		reading?.catch(() => undefined);
		const flow = await resolveFlow(client, context.args[0] ?? '');
		// The flow carries its apps inline: resolving it read them already.
		const linked = (flow.conditions?.applications?.includeApplications ?? []).map((app) => ({
			appId: app.appId,
		}));
		if (!reading) return printJson(context, linked);
		if (linked.length === 0) return context.stdout(`No applications use "${flow.displayName}".\n`);
		const names = await reading;
		context.stdout(
			`${formatTable(
				linked,
				[
					{ header: 'APP ID', value: (app) => app.appId },
					{ header: 'NAME', value: (app) => names.get(app.appId ?? '') ?? '(unknown)' },
				],
				context.columns,
			)}\n`,
		);
	},
};

const link: Command = {
	path: ['apps', 'link'],
	usage: 'apps link <flow> <app> [--move] [--dry-run]',
	summary:
		'Link an application (by appId or display name) to a user flow; --move first unlinks it from the flow it uses now.',
	arity: [2, 2],
	flags: [
		{ name: 'move', type: 'boolean', description: 'unlink the app from its current flow first' },
		dryRunFlag,
	],
	async run(context) {
		const client = await context.graph();
		// The flow and the app's current flow are independent lookups: side by side, one round trip.
		const wanted = context.args[1] ?? '';
		// An appId is known at once, so where the app is now is looked up beside its name; a name first.
		const app = isGuid(wanted)
			? Promise.all([resolveApp(client, wanted), appOwner(client, wanted)]).then(([found, owner]) => ({
					found,
					appId: wanted,
					owner: owner ?? null,
				}))
			: resolveApp(client, wanted).then(async (found) => {
					const appId = found.appId ?? wanted;
					return { found, appId, owner: (await appOwner(client, appId)) ?? null };
				});
		app.catch(() => undefined);
		const flow = await resolveFlowOf(client, context.args, 'apps link <flow> <app>');
		const { found, appId, owner } = await app;
		const named = appWords(found, appId);
		const outcome = await linkApp(client, {
			flowId: flow.id,
			appId,
			move: context.flags.move === true,
			owner,
			...(found.displayName ? { app: found } : {}),
		});
		noteLostAnswer(context, outcome);
		const scene = { flow: flow.displayName };
		if (outcome.kind === 'refused') throw refusalFailure(outcome.refusal, scene, outcome.error);
		if (outcome.kind === 'partial') {
			const from = outcome.done[0]?.call === 'unlinkApp' ? outcome.done[0].flowId : '';
			const reason = isGraphError(outcome.error)
				? `${outcome.error.code}: ${outcome.error.message}`
				: String(outcome.error);
			const fromName = (await appOwnerName(client, from)) ?? from;
			throw new CommandFailure(
				`Unlinked ${named} from "${fromName}", but linking it to "${flow.displayName}" failed (${reason}). The app now has no user flow.`,
				`Link it back with \`entra-flows apps link "${fromName}" ${appId}\`, or retry.`,
			);
		}
		if (context.dryRun) return;
		if (context.json)
			return printAfterWrite(context, () => listFlowApplications(client, flow.id), `apps list ${flow.id}`);
		if (outcome.kind === 'unchanged')
			return context.stdout(`${named} already uses "${flow.displayName}"; nothing to do.\n`);
		const moved = outcome.value.movedFrom ? ` (moved from "${outcome.value.movedFrom.displayName}")` : '';
		context.stdout(`Linked ${named} to "${flow.displayName}"${moved}.\n`);
	},
};

/** A flow's name by id, for a message; undefined when it cannot be read. */
async function appOwnerName(client: GraphClient, flowId: string): Promise<string | undefined> {
	if (!flowId) return undefined;
	return (await getUserFlow(client, flowId).catch(() => undefined))?.displayName;
}

const unlink: Command = {
	path: ['apps', 'unlink'],
	usage: 'apps unlink <flow> <app> [--dry-run]',
	summary: 'Unlink an application from a user flow.',
	arity: [2, 2],
	flags: [dryRunFlag],
	async run(context) {
		const client = await context.graph();
		const flow = await resolveFlowOf(client, context.args, 'apps unlink <flow> <app>');
		const app = await resolveApp(client, context.args[1] ?? '');
		const appId = app.appId ?? context.args[1] ?? '';
		const named = appWords(app, appId);
		const outcome = settle(
			await unlinkApp(client, {
				flowId: flow.id,
				appId,
				linked: flow.conditions?.applications?.includeApplications?.map((app) => app.appId ?? ''),
			}),
			{},
			context,
		);
		if (context.dryRun) return;
		if (context.json)
			return printAfterWrite(context, () => listFlowApplications(client, flow.id), `apps list ${flow.id}`);
		if (outcome.kind === 'unchanged') {
			const meanwhile = outcome.why === 'meanwhile' ? ' (unlinked meanwhile)' : '';
			return context.stdout(`${named} is not linked to "${flow.displayName}"; nothing to do${meanwhile}.\n`);
		}
		context.stdout(`Unlinked ${named} from "${flow.displayName}"; it has no user flow now.\n`);
	},
};

const tenantApps: Command = {
	path: ['tenant', 'apps'],
	usage: 'tenant apps',
	summary:
		"List the tenant's applications (appId, name) and the user flow each uses: what `apps link` takes.",
	arity: [0, 0],
	async run(context) {
		const client = await context.graph();
		const [apps, flows] = await Promise.all([listApplications(client), listUserFlowSummaries(client)]);
		const owners = new Map<string, { id: string; displayName: string }>();
		for (const flow of flows) {
			for (const app of flow.conditions?.applications?.includeApplications ?? []) {
				owners.set((app.appId ?? '').toLowerCase(), {
					id: flow.id ?? '',
					displayName: flow.displayName ?? '',
				});
			}
		}
		const rows = apps.map((app) => ({
			...app,
			userFlow: owners.get((app.appId ?? '').toLowerCase()) ?? null,
		}));
		if (context.json) return printJson(context, rows);
		context.stdout(
			`${formatTable(
				rows,
				[
					{ header: 'APP ID', value: (row) => row.appId },
					{ header: 'NAME', value: (row) => row.displayName },
					{ header: 'USER FLOW', value: (row) => row.userFlow?.displayName ?? '—' },
				],
				context.columns,
			)}\n`,
		);
	},
};

export const appCommands: readonly Command[] = [list, link, unlink, tenantApps];
