import type { CustomExtensionChanges, ExtensionEvent } from '../graph/extensions.js';
import { extensionEvent } from '../graph/extensions.js';
import type { GraphClient } from '../graph/graph-client.js';
import type { ConfigurationFinding, CustomAuthenticationExtension } from '../graph/types.js';
import {
	createExtension,
	deleteExtension,
	extensionFieldProblems,
	extensionInUse,
	flowsUsingExtension,
	readTenantExtensions,
	resolveExtension,
	type SavedExtension,
	updateExtension,
	type ValidationResult,
	validateExtension,
} from '../operations/extensions.js';
import { formatFields, formatTable } from '../text/table.js';
import { visible } from '../text/visible.js';
import {
	type Command,
	type CommandContext,
	CommandFailure,
	dryRunFlag,
	type FlagSpec,
	printJson,
	stringFlag,
	UsageError,
	warn,
} from './command.js';
import { confirmDeletion, yesFlag } from './confirm-deletion.js';
import { extensionKind, extensionRefusalFailure } from './extension-words.js';
import { noteLostAnswer } from './refusal-words.js';

// The tenant's custom authentication extensions: list and show every kind, create, change, delete and validate
// the attribute-collection ones that user flows run.

/** An extension by id or name, or a failure naming the tenant's. */
export async function resolveExtensionOrFail(client: GraphClient, wanted: string): Promise<SavedExtension> {
	const found = await resolveExtension(client, wanted);
	if (found.kind === 'found') return found.item;
	const describe = (extension: SavedExtension) =>
		`"${visible(extension.displayName ?? '')}" (${extension.id})`;
	if (found.kind === 'ambiguous') {
		throw new CommandFailure(
			`"${wanted}" names ${found.matches.length} extensions: ${found.matches.map(describe).join(', ')}.`,
			'Pass the id of the one you mean instead.',
		);
	}
	if (found.lookAlikes.length > 0) {
		throw new CommandFailure(
			`No custom authentication extension is named "${visible(wanted)}"; ${found.lookAlikes.map(describe).join(', ')} look the same but differ in characters you cannot see (marked ⟨U+…⟩).`,
			'Pass the id instead, so the one you mean is the one changed.',
		);
	}
	const guess = found.suggestions.map(describe).join(' or ');
	throw new CommandFailure(
		`No custom authentication extension has the id or name "${visible(wanted)}".`,
		`${guess ? `Did you mean ${guess}? ` : ''}List them with \`entra-flows extensions list\`.`,
	);
}

const timeoutOf = (extension: CustomAuthenticationExtension) => {
	const value = extension.clientConfiguration?.timeoutInMilliseconds;
	return value === null || value === undefined ? 'default' : `${value} ms`;
};
const retriesOf = (extension: CustomAuthenticationExtension) => {
	const value = extension.clientConfiguration?.maximumRetries;
	return value === null || value === undefined ? 'default' : String(value);
};

const list: Command = {
	path: ['extensions', 'list'],
	usage: 'extensions list',
	summary:
		"List the tenant's custom authentication extensions (every kind; flows run the attribute collection ones).",
	arity: [0, 0],
	async run(context) {
		const { forFlows, others } = await readTenantExtensions(await context.graph());
		const all = [...forFlows, ...others];
		if (context.json) return printJson(context, all);
		if (all.length === 0) {
			context.stdout(
				'No custom authentication extensions. Create one with `entra-flows extensions create`.\n',
			);
			return;
		}
		context.stdout(
			`${formatTable(
				all,
				[
					{ header: 'ID', value: (extension) => extension.id },
					{ header: 'NAME', value: (extension) => extension.displayName },
					{
						header: 'EVENT',
						value: (extension) =>
							`${extensionKind(extension)}${extensionEvent(extension) ? '' : ' (read-only)'}`,
					},
					{ header: 'TARGET URL', value: (extension) => extension.endpointConfiguration?.targetUrl },
				],
				context.columns,
			)}\n`,
		);
	},
};

const show: Command = {
	path: ['extensions', 'show'],
	usage: 'extensions show <extension>',
	summary: 'Show one extension: its API, how it signs in, timeout and retries, and the flows that run it.',
	arity: [1, 1],
	async run(context) {
		const client = await context.graph();
		const extension = await resolveExtensionOrFail(client, context.args[0] ?? '');
		const users = extensionEvent(extension) ? await flowsUsingExtension(client, extension.id) : [];
		if (context.json) return printJson(context, { ...extension, usedBy: users });
		context.stdout(
			`${formatFields([
				['Name', extension.displayName],
				['Id', extension.id],
				['Description', extension.description ?? ''],
				['Event', `${extensionKind(extension)}${extensionEvent(extension) ? '' : ' (read-only here)'}`],
				['Target URL', extension.endpointConfiguration?.targetUrl ?? ''],
				['Resource id', extension.authenticationConfiguration?.resourceId ?? ''],
				['Timeout', timeoutOf(extension)],
				['Retries', retriesOf(extension)],
				[
					'Used by',
					users.map((user) => `"${user.flow.displayName}" (${user.events.join(', ')})`).join(', ') ||
						'no user flow',
				],
			])}\n`,
		);
	},
};

const fieldFlags: readonly FlagSpec[] = [
	{ name: 'name', type: 'string', value: 'NAME', description: 'display name' },
	{ name: 'description', type: 'string', value: 'TEXT', description: 'what it does' },
	{ name: 'url', type: 'string', value: 'URL', description: 'https target URL of the API Entra calls' },
	{
		name: 'resource',
		type: 'string',
		value: 'ID',
		description: "api://{host of the URL}/{appId of the API's app registration}",
	},
	{
		name: 'timeout',
		type: 'string',
		value: 'MS',
		description: 'timeout, 200–2000 ms (default: the service default)',
	},
	{
		name: 'retries',
		type: 'string',
		value: 'N',
		description: 'retries, 0 or 1 (default: the service default)',
	},
];

function numberFlag(context: CommandContext, name: string): number | null | undefined {
	const text = stringFlag(context.flags, name);
	if (text === undefined) return undefined;
	if (text === 'default') return null;
	if (!/^\d+$/.test(text))
		throw new UsageError(`--${name} takes a whole number (or "default"), not "${text}".`);
	return Number(text);
}

/** The fields the flags give, checked: every problem at once, with how to fix it. */
function fieldsOf(context: CommandContext, current?: CustomAuthenticationExtension): CustomExtensionChanges {
	const fields: CustomExtensionChanges = {
		...(stringFlag(context.flags, 'name') !== undefined
			? { displayName: stringFlag(context.flags, 'name') }
			: {}),
		...(stringFlag(context.flags, 'description') !== undefined
			? { description: stringFlag(context.flags, 'description') }
			: {}),
		...(stringFlag(context.flags, 'url') !== undefined
			? { targetUrl: stringFlag(context.flags, 'url') }
			: {}),
		...(stringFlag(context.flags, 'resource') !== undefined
			? { resourceId: stringFlag(context.flags, 'resource') }
			: {}),
		...(numberFlag(context, 'timeout') !== undefined
			? { timeoutInMilliseconds: numberFlag(context, 'timeout') }
			: {}),
		...(numberFlag(context, 'retries') !== undefined
			? { maximumRetries: numberFlag(context, 'retries') }
			: {}),
	};
	const { problems, warnings } = extensionFieldProblems(fields, current);
	if (problems.length > 0) throw new UsageError(problems.join(' '));
	for (const warning of warnings) warn(context, warning);
	return fields;
}

const events: readonly ExtensionEvent[] = ['start', 'submit'];

const create: Command = {
	path: ['extensions', 'create'],
	usage:
		'extensions create --event start|submit --name NAME --url URL --resource api://HOST/APPID [--timeout MS] [--retries 0|1] [--description TEXT] [--dry-run]',
	summary: 'Create an attribute collection start or submit extension (then attach it to a flow).',
	arity: [0, 0],
	flags: [
		{
			name: 'event',
			type: 'string',
			value: 'EVENT',
			description: 'start (before the page) or submit (after it)',
		},
		...fieldFlags,
		dryRunFlag,
	],
	async run(context) {
		const event = stringFlag(context.flags, 'event');
		if (!event || !(events as readonly string[]).includes(event)) {
			throw new UsageError(
				`extensions create needs --event start or --event submit${event ? `, not "${event}"` : ''}.`,
			);
		}
		const missing = ['name', 'url', 'resource'].filter(
			(name) => stringFlag(context.flags, name) === undefined,
		);
		if (missing.length > 0) {
			throw new UsageError(`extensions create needs ${missing.map((name) => `--${name}`).join(', ')}.`);
		}
		const fields = fieldsOf(context);
		const outcome = await createExtension(await context.graph(), {
			...fields,
			event: event as ExtensionEvent,
			displayName: fields.displayName ?? '',
			targetUrl: fields.targetUrl ?? '',
			resourceId: fields.resourceId ?? '',
		});
		if (outcome.kind !== 'done') throw new Error(`A create cannot end ${outcome.kind}.`);
		if (context.dryRun) return;
		noteLostAnswer(context, outcome);
		if (context.json) return printJson(context, outcome.value);
		context.stdout(
			`Created ${event} extension "${outcome.value.displayName ?? fields.displayName}" (${outcome.value.id ?? 'id not returned'}). Check it with \`entra-flows extensions validate ${outcome.value.id ?? '<id>'}\`, attach it with \`entra-flows flows extensions set <flow> ${event} ${outcome.value.id ?? '<id>'}\`.\n`,
		);
	},
};

const update: Command = {
	path: ['extensions', 'update'],
	usage:
		'extensions update <extension> [--name NAME] [--url URL] [--resource ID] [--timeout MS|default] [--retries 0|1|default] [--description TEXT] [--dry-run]',
	summary: 'Change an attribute collection extension (its event is fixed).',
	arity: [1, 1],
	flags: [...fieldFlags, dryRunFlag],
	async run(context) {
		const client = await context.graph();
		const extension = await resolveExtensionOrFail(client, context.args[0] ?? '');
		const changes = fieldsOf(context, extension);
		if (Object.keys(changes).length === 0) {
			throw new UsageError(
				'extensions update needs at least one of --name, --description, --url, --resource, --timeout, --retries.',
			);
		}
		const outcome = await updateExtension(client, extension, changes);
		if (outcome.kind === 'refused') throw extensionRefusalFailure(outcome.refusal, outcome.error);
		if (outcome.kind === 'partial') throw outcome.error;
		if (context.dryRun) return;
		noteLostAnswer(context, outcome);
		if (outcome.kind === 'unchanged') {
			if (context.json) return printJson(context, extension);
			return context.stdout(`"${extension.displayName}" already has those settings; nothing to do.\n`);
		}
		if (context.json) return printJson(context, outcome.value);
		context.stdout(`Updated extension "${outcome.value.displayName}" (${extension.id}).\n`);
	},
};

const remove: Command = {
	path: ['extensions', 'delete'],
	usage: 'extensions delete <extension> [--yes] [--dry-run]',
	summary: 'Delete an extension no user flow runs; asks unless --yes.',
	arity: [1, 1],
	flags: [yesFlag, dryRunFlag],
	async run(context) {
		const client = await context.graph();
		const extension = await resolveExtensionOrFail(client, context.args[0] ?? '');
		// Refused before asking: a question whose answer cannot be carried out helps nobody.
		const inUse = await extensionInUse(client, extension);
		if (inUse) throw extensionRefusalFailure(inUse);
		const name = extension.displayName ?? extension.id;
		await confirmDeletion(context, {
			label: `"${name}"`,
			name,
			id: extension.id,
			question: `Delete custom authentication extension "${name}" (${extension.id})?`,
		});
		const outcome = await deleteExtension(client, extension);
		if (outcome.kind === 'refused') throw extensionRefusalFailure(outcome.refusal, outcome.error);
		if (outcome.kind === 'partial') throw outcome.error;
		if (context.dryRun) return;
		noteLostAnswer(context, outcome);
		if (context.json) return printJson(context, { deleted: extension.id, displayName: name });
		if (outcome.kind === 'unchanged') {
			return context.stdout(`Extension "${name}" (${extension.id}) was deleted meanwhile; nothing to do.\n`);
		}
		context.stdout(`Deleted extension "${name}" (${extension.id}).\n`);
	},
};

const findingLine = (level: 'error' | 'warning', finding: ConfigurationFinding) =>
	`${level} ${finding.code ?? '?'}: ${finding.message ?? ''}`;

/** Findings one per line; a validation with errors fails (exit 1), one with only warnings passes. */
function reportValidation(context: CommandContext, subject: string, result: ValidationResult): void {
	if (context.json) {
		printJson(context, result);
	} else {
		const lines = [
			...result.errors.map((finding) => findingLine('error', finding)),
			...result.warnings.map((finding) => findingLine('warning', finding)),
		];
		context.stdout(
			`${lines.join('\n')}${lines.length > 0 ? '\n' : ''}${result.failed ? `${subject}: validation failed (${result.errors.length} error(s), ${result.warnings.length} warning(s)).` : `${subject}: valid${result.warnings.length > 0 ? `, with ${result.warnings.length} warning(s)` : ''}.`}\n`,
		);
	}
	if (result.failed) {
		throw new CommandFailure(
			`${subject} failed validation: ${result.errors.map((finding) => finding.code).join(', ')}.`,
			'Fix the resource id or target URL (`entra-flows extensions update`), or the API app registration, and validate again.',
		);
	}
}

const validate: Command = {
	path: ['extensions', 'validate'],
	usage: 'extensions validate <extension> | extensions validate --url URL --resource api://HOST/APPID',
	summary: "Ask the service to check an extension's target URL and resource id (saved, or not saved yet).",
	arity: [0, 1],
	flags: [fieldFlags[2]!, fieldFlags[3]!],
	async run(context) {
		const url = stringFlag(context.flags, 'url');
		const resource = stringFlag(context.flags, 'resource');
		const client = await context.graph();
		if (context.args.length === 1) {
			if (url !== undefined || resource !== undefined) {
				throw new UsageError('Give either an extension or --url and --resource, not both.');
			}
			const extension = await resolveExtensionOrFail(client, context.args[0] ?? '');
			return reportValidation(
				context,
				`"${extension.displayName}"`,
				await validateExtension(client, extension),
			);
		}
		if (url === undefined || resource === undefined) {
			throw new UsageError(
				'extensions validate needs an extension, or both --url URL and --resource api://HOST/APPID.',
			);
		}
		reportValidation(
			context,
			resource,
			await validateExtension(client, { targetUrl: url, resourceId: resource }),
		);
	},
};

export const extensionCommands: readonly Command[] = [list, show, create, update, remove, validate];
