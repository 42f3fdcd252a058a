import { listApplications } from '../graph/applications.js';
import { pageInputs } from '../graph/flow-attributes.js';
import { getUserFlow, listUserFlows, userFlowPages } from '../graph/flows.js';
import { deleteFlow } from '../operations/delete-flow.js';
import { readFlowExtensions } from '../operations/extensions.js';
import { createFlow, signUpLostBy, updateFlow } from '../operations/flows.js';
import { bothLocalAccounts } from '../operations/local-accounts.js';
import type { Step } from '../operations/outcome.js';
import { isGuid } from '../operations/resolve.js';
import { formatFields, formatTable } from '../text/table.js';
import { type Command, dryRunFlag, listFlag, printJson, stringFlag, UsageError } from './command.js';
import { confirmDeletion, yesFlag } from './confirm-deletion.js';
import { rememberFlowNames } from './flow-names.js';
import { summarizeFlow } from './flow-summary.js';
import { printJsonPages } from './json-stream.js';
import { buildNewFlow } from './new-flow.js';
import { streamsAsJson } from './output.js';
import { readAfterWrite } from './read-after-write.js';
import { noteLostAnswer, partialFailure, refusalFailure, settle } from './refusal-words.js';
import { resolveFlow } from './resolve.js';
import { warnBothLocalAccounts } from './warnings.js';

const yesNo = (value: boolean) => (value ? 'on' : 'off');
const extensionName = (extension: { displayName?: string; id?: string } | undefined) =>
	extension ? `"${extension.displayName ?? ''}" (${extension.id ?? ''})` : 'none';

/** The pages as they pass, with each flow's name noted on the way (for shell completion). */
async function* namesOf<T extends { readonly displayName?: string }>(
	pages: AsyncIterable<{ readonly items: readonly T[] }>,
	names: (string | undefined)[],
): AsyncIterable<{ readonly items: readonly T[] }> {
	for await (const page of pages) {
		for (const item of page.items) names.push(item.displayName);
		yield page;
	}
}

const list: Command = {
	path: ['flows', 'list'],
	usage: 'flows list',
	summary: 'List every user flow with sign-up on/off and its numbers of providers, attributes and apps.',
	arity: [0, 0],
	async run(context) {
		const client = await context.graph();
		if (context.json && streamsAsJson(context.flags)) {
			// Streamed: each page is printed as it arrives and let go, so memory stays flat at any tenant size.
			const names: (string | undefined)[] = [];
			await printJsonPages(context, namesOf(userFlowPages(client), names));
			return rememberFlowNames(context, names);
		}
		const flows = await listUserFlows(client);
		rememberFlowNames(
			context,
			flows.map((flow) => flow.displayName),
		);
		if (context.json) return printJson(context, flows);
		if (flows.length === 0)
			return context.stdout('No user flows yet. Create one with `entra-flows flows create --name NAME`.\n');
		context.stdout(
			`${formatTable(
				flows.map(summarizeFlow),
				[
					{ header: 'NAME', value: (flow) => flow.name },
					{ header: 'ID', value: (flow) => flow.id },
					{ header: 'SIGN-UP', value: (flow) => yesNo(flow.signUp) },
					{ header: 'PROVIDERS', value: (flow) => flow.providers },
					{ header: 'ATTRIBUTES', value: (flow) => flow.attributes },
					{ header: 'APPS', value: (flow) => flow.apps },
				],
				context.columns,
			)}\n`,
		);
	},
};

const get: Command = {
	path: ['flows', 'get'],
	usage: 'flows get <flow>',
	summary: 'Show one user flow: overview, identity providers, attributes in page order, linked apps.',
	arity: [1, 1],
	async run(context) {
		const client = await context.graph();
		// Resolving read the whole flow (by id, or by the service's name filter): nothing to read again. Its
		// extensions are read beside it when the id is known, after it when the flow was named.
		const wanted = context.args[0] ?? '';
		const [resolved, early] = await Promise.all([
			resolveFlow(client, wanted),
			isGuid(wanted) ? readFlowExtensions(client, wanted) : undefined,
		]);
		const full = resolved;
		const extensions = early ?? (await readFlowExtensions(client, full.id));
		if (context.json) return printJson(context, { ...full, customExtensions: extensions });
		const summary = summarizeFlow(full);
		const providers = (full.onAuthenticationMethodLoadStart?.identityProviders ?? []).map(
			(p) => p.id ?? p.displayName,
		);
		const inputs = pageInputs(full).map((input) => `${input.attribute}${input.required ? '*' : ''}`);
		const apps = (full.conditions?.applications?.includeApplications ?? []).map((app) => app.appId);
		// An empty field reads as "—", not as a row someone forgot to fill.
		const orDash = (text: string | undefined) => (text ? text : '—');
		context.stdout(
			`${formatFields([
				['Name', summary.name],
				['Id', summary.id],
				['Description', orDash(summary.description)],
				['Sign-up', yesNo(summary.signUp)],
				['User type', orDash(full.onUserCreateStart?.userTypeToCreate)],
				['Providers', orDash(providers.join(', '))],
				[
					'Attributes',
					orDash(inputs.join(', ')) + (inputs.some((i) => i.endsWith('*')) ? '   (* required)' : ''),
				],
				['Apps', orDash(apps.join(', '))],
				['Start extension', extensionName(extensions.start)],
				['Submit extension', extensionName(extensions.submit)],
			])}\n`,
		);
	},
};

const create: Command = {
	path: ['flows', 'create'],
	usage:
		'flows create --name NAME [--description TEXT] [--provider P]… [--attribute A]… [--app APP]… [--no-sign-up] [--dry-run]',
	summary:
		'Create a user flow (default provider: EmailPassword-OAUTH; email is always collected when attributes are).',
	arity: [0, 0],
	flags: [
		{ name: 'name', type: 'string', value: 'NAME', description: 'display name, unique in the tenant' },
		{ name: 'description', type: 'string', value: 'TEXT', description: 'description' },
		{
			name: 'provider',
			type: 'string',
			multiple: true,
			value: 'ID',
			description: 'identity provider, by id or display name (repeat)',
		},
		{
			name: 'attribute',
			type: 'string',
			multiple: true,
			value: 'ID',
			description: 'user-flow attribute, by id, display name or short name (repeat)',
		},
		{
			name: 'app',
			type: 'string',
			multiple: true,
			value: 'APP',
			description: 'application to link, by appId or display name (repeat)',
		},
		{ name: 'no-sign-up', type: 'boolean', description: 'sign-in only: no new accounts' },
		dryRunFlag,
	],
	async run(context) {
		const name = stringFlag(context.flags, 'name');
		if (!name?.trim()) throw new UsageError('flows create needs --name NAME.');
		const appIds = listFlag(context.flags, 'app');
		const client = await context.graph();
		const { flow, known } = await buildNewFlow(client, {
			displayName: name.trim(),
			description: stringFlag(context.flags, 'description'),
			isSignUpAllowed: context.flags['no-sign-up'] !== true,
			providerIds: listFlag(context.flags, 'provider'),
			attributeIds: listFlag(context.flags, 'attribute'),
			appIds,
		});
		if (bothLocalAccounts(flow.identityProviderIds)) warnBothLocalAccounts(context);
		// Only --json prints the whole flow; the sentence needs no more than the create's answer.
		const outcome = await createFlow(client, flow, known, { readBack: context.json });
		noteLostAnswer(context, outcome);
		if (outcome.kind === 'refused')
			throw refusalFailure(outcome.refusal, { flow: flow.displayName, creating: true }, outcome.error);
		if (outcome.kind !== 'done') throw new Error(`A create cannot end ${outcome.kind}.`);
		if (context.dryRun) return;
		const full = outcome.value.flow;
		if (context.json) return printJson(context, full);
		context.stdout(`Created user flow "${name.trim()}" (${full.id ?? 'id unknown'}).\n`);
	},
};

const update: Command = {
	path: ['flows', 'update'],
	usage: 'flows update <flow> [--name NAME] [--description TEXT] [--sign-up | --no-sign-up] [--dry-run]',
	summary: 'Rename a user flow, change its description, or switch sign-up on or off.',
	arity: [1, 1],
	flags: [
		{ name: 'name', type: 'string', value: 'NAME', description: 'new display name' },
		{ name: 'description', type: 'string', value: 'TEXT', description: 'new description' },
		{ name: 'sign-up', type: 'boolean', description: 'allow sign-up' },
		{ name: 'no-sign-up', type: 'boolean', description: 'sign-in only' },
		dryRunFlag,
	],
	async run(context) {
		const displayName = stringFlag(context.flags, 'name')?.trim();
		const description = stringFlag(context.flags, 'description');
		const on = context.flags['sign-up'] === true;
		const off = context.flags['no-sign-up'] === true;
		if (on && off) throw new UsageError('Give --sign-up or --no-sign-up, not both.');
		if (displayName === '') throw new UsageError('--name cannot be empty.');
		if (displayName === undefined && description === undefined && !on && !off) {
			throw new UsageError('Nothing to change: give --name, --description, --sign-up or --no-sign-up.');
		}
		const client = await context.graph();
		const flow = await resolveFlow(client, context.args[0] ?? '');
		const changes = { displayName, description, isSignUpAllowed: on ? true : off ? false : undefined };
		const losing = signUpLostBy(flow, changes);
		const outcome = settle(await updateFlow(client, flow, changes), { flow: flow.displayName }, context);
		if (context.dryRun) return;
		if (outcome.kind === 'unchanged' && !context.json) {
			return context.stdout(`"${flow.displayName}" is already as asked; nothing to do.\n`);
		}
		if (context.json) {
			const full = await readAfterWrite(context, () => getUserFlow(client, flow.id), `flows get ${flow.id}`);
			return printJson(context, full ?? { id: flow.id, ...(outcome.kind === 'done' ? outcome.value : {}) });
		}
		// The write's answer is the sentence: the name is the one sent, or the one the flow had.
		context.stdout(`Updated user flow "${displayName ?? flow.displayName}" (${flow.id}).\n`);
		if (losing.length > 0) {
			context.stdout(
				`New customers of the ${losing.length === 1 ? 'app' : `${losing.length} apps`} that use it (${losing.join(', ')}) can no longer sign up; existing accounts still sign in.\n`,
			);
		}
	},
};

const remove: Command = {
	path: ['flows', 'delete'],
	usage: 'flows delete <flow> [--yes] [--dry-run]',
	summary: 'Delete a user flow. Linked apps are unlinked first (they lose their flow); asks unless --yes.',
	arity: [1, 1],
	flags: [yesFlag, dryRunFlag],
	async run(context) {
		const client = await context.graph();
		const flow = await resolveFlow(client, context.args[0] ?? '');
		const linked = (flow.conditions?.applications?.includeApplications ?? [])
			.map((app) => app.appId ?? '')
			.filter(Boolean);
		const asking = context.flags.yes !== true && !context.dryRun;
		// Names word the question, or else only the closing sentence: then they are read beside the writes.
		const reading = linked.length > 0 ? appNames(client) : Promise.resolve(new Map<string, string>());
		let names = asking ? await reading : new Map<string, string>();
		const label = (appId: string) => (names.get(appId) ? `${names.get(appId)} (${appId})` : appId);
		const warning =
			linked.length > 0
				? ` ${linked.length} app(s) will lose their flow: ${linked.map(label).join(', ')}.`
				: '';
		await confirmDeletion(context, {
			label: `"${flow.displayName}"`,
			name: flow.displayName ?? flow.id,
			id: flow.id,
			question: `Delete user flow "${flow.displayName}"?${warning}`,
		});
		// Asked about `linked`: an app linked since is not unlinked without asking again. Not asked, no time
		// passed since resolving read them: they are used as they are.
		const confirmedApps = asking ? linked : undefined;
		const outcome = await deleteFlow(client, { flowId: flow.id, confirmedApps, linked });
		noteLostAnswer(context, outcome);
		names = await reading;
		const scene = { flow: flow.displayName };
		if (outcome.kind === 'refused') throw refusalFailure(outcome.refusal, scene, outcome.error);
		if (outcome.kind === 'partial') {
			const step = outcome.failed;
			const headline =
				step.call === 'unlinkApp'
					? `Stopped while unlinking ${label(step.appId)}; the flow was NOT deleted.`
					: 'The flow itself was NOT deleted.';
			throw partialFailure(outcome, (done) => stepWords(done, label), headline, scene);
		}
		if (context.dryRun) return;
		if (outcome.kind === 'unchanged') {
			if (context.json)
				return printJson(context, { deleted: flow.id, displayName: flow.displayName, unlinkedApps: [] });
			return context.stdout(`"${flow.displayName}" was deleted meanwhile; nothing to do.\n`);
		}
		const unlinked = outcome.value.unlinkedApps;
		if (context.json)
			return printJson(context, { deleted: flow.id, displayName: flow.displayName, unlinkedApps: unlinked });
		const tail = unlinked.length > 0 ? ` Unlinked first: ${unlinked.map(label).join(', ')}.` : '';
		context.stdout(`Deleted user flow "${flow.displayName}" (${flow.id}).${tail}\n`);
	},
};

function stepWords(step: Step, label: (appId: string) => string): string {
	switch (step.call) {
		case 'unlinkApp':
			return `unlinked ${label(step.appId)}`;
		case 'deleteFlow':
			return 'delete the flow';
		default:
			return step.call;
	}
}

async function appNames(
	client: Awaited<ReturnType<Parameters<Command['run']>[0]['graph']>>,
): Promise<Map<string, string>> {
	try {
		const apps = await listApplications(client);
		return new Map(apps.map((app) => [app.appId ?? '', app.displayName ?? '']));
	} catch {
		// Names are a courtesy; a token without Application.Read.All still deletes by appId.
		return new Map();
	}
}

export const flowCommands: readonly Command[] = [list, get, create, update, remove];
