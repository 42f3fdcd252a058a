import { listApplications } from '../graph/applications.js';
import { linkFlowApplication, listFlowApplications, unlinkFlowApplication } from '../graph/flow-apps.js';
import { findUserFlowByApp, listUserFlowSummaries } from '../graph/flows.js';
import type { GraphClient } from '../graph/graph-client.js';
import { isGraphError } from '../graph/graph-error.js';
import { sameId } from '../graph/ids.js';
import { formatTable } from '../text/table.js';
import { type Command, CommandFailure, dryRunFlag, printJson } from './command.js';
import { resolveFlow } from './resolve-flow.js';
import {
	AlreadyDone,
	explainRefusal,
	foundAlreadyDone,
	requireAppId,
	requireApplication,
} from './tenant-checks.js';

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
		const flow = await resolveFlow(client, context.args[0] ?? '');
		const linked = await listFlowApplications(client, flow.id);
		if (context.json) return printJson(context, linked);
		if (linked.length === 0) return context.stdout(`No applications use "${flow.displayName}".\n`);
		const names = await namesByAppId(client);
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
	usage: 'apps link <flow> <appId> [--move] [--dry-run]',
	summary:
		'Link an application (by appId) to a user flow; --move first unlinks it from the flow it uses now.',
	arity: [2, 2],
	flags: [
		{ name: 'move', type: 'boolean', description: 'unlink the app from its current flow first' },
		dryRunFlag,
	],
	async run(context) {
		const appId = context.args[1] ?? '';
		requireAppId(appId, context.args[0]);
		const client = await context.graph();
		const flow = await resolveFlow(client, context.args[0] ?? '');
		// An app belongs to at most one flow: find its current one before the service refuses.
		const current = await findUserFlowByApp(client, appId);
		const nothingToDo = async () => {
			// Already as asked: a script that runs twice succeeds twice.
			if (context.json) return printJson(context, await listFlowApplications(client, flow.id));
			context.stdout(`${appId} already uses "${flow.displayName}"; nothing to do.\n`);
		};
		const requireMovable = (owner: typeof current) => {
			if (owner?.id === flow.id) throw new AlreadyDone();
			if (owner?.id && context.flags.move !== true) {
				throw new CommandFailure(
					`${appId} already uses the user flow "${owner.displayName}"; an application can use only one.`,
					`Move it with \`entra-flows apps link "${flow.displayName}" ${appId} --move\`.`,
				);
			}
		};
		if (current?.id === flow.id) return nothingToDo();
		if (context.dryRun) await requireApplication(client, appId);
		if (current?.id) {
			requireMovable(current);
			await unlinkFlowApplication(client, current.id, appId);
			try {
				await linkFlowApplication(client, flow.id, appId);
			} catch (error) {
				const reason = isGraphError(error) ? `${error.code}: ${error.message}` : String(error);
				throw new CommandFailure(
					`Unlinked ${appId} from "${current.displayName}", but linking it to "${flow.displayName}" failed (${reason}). The app now has no user flow.`,
					`Link it back with \`entra-flows apps link "${current.displayName}" ${appId}\`, or retry.`,
				);
			}
		} else {
			const already = await foundAlreadyDone(() =>
				explainRefusal(
					() => linkFlowApplication(client, flow.id, appId),
					async () => {
						await requireApplication(client, appId);
						// Another admin may have linked it meanwhile, here or to another flow.
						requireMovable(await findUserFlowByApp(client, appId));
					},
				),
			);
			if (already) return nothingToDo();
		}
		if (context.dryRun) return;
		if (context.json) return printJson(context, await listFlowApplications(client, flow.id));
		const moved = current?.id ? ` (moved from "${current.displayName}")` : '';
		context.stdout(`Linked ${appId} to "${flow.displayName}"${moved}.\n`);
	},
};

const unlink: Command = {
	path: ['apps', 'unlink'],
	usage: 'apps unlink <flow> <appId> [--dry-run]',
	summary: 'Unlink an application from a user flow.',
	arity: [2, 2],
	flags: [dryRunFlag],
	async run(context) {
		const appId = context.args[1] ?? '';
		requireAppId(appId, context.args[0]);
		const client = await context.graph();
		const flow = await resolveFlow(client, context.args[0] ?? '');
		const requireLinked = async () => {
			const linked = (await listFlowApplications(client, flow.id)).map((app) => app.appId ?? '');
			if (!linked.some((id) => sameId(id, appId))) {
				throw new CommandFailure(
					`${appId} is not linked to "${flow.displayName}".`,
					`Linked: ${linked.join(', ') || 'no applications'} (\`entra-flows apps list "${flow.displayName}"\`).`,
				);
			}
		};
		// Checked before, and again after a refusal (another admin may have unlinked it meanwhile).
		await requireLinked();
		await explainRefusal(() => unlinkFlowApplication(client, flow.id, appId), requireLinked);
		if (context.dryRun) return;
		if (context.json) return printJson(context, await listFlowApplications(client, flow.id));
		context.stdout(`Unlinked ${appId} from "${flow.displayName}".\n`);
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
