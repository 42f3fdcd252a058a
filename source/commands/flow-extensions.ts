import type { ExtensionEvent } from '../graph/extensions.js';
import {
	attachFlowExtension,
	detachFlowExtension,
	extensionEvents,
	readFlowExtensions,
} from '../operations/extensions.js';
import { formatFields } from '../text/table.js';
import { type Command, type CommandContext, dryRunFlag, printJson, UsageError } from './command.js';
import { detachCaveat, eventWords, extensionRefusalFailure } from './extension-words.js';
import { resolveExtensionOrFail } from './extensions.js';
import { noteLostAnswer } from './refusal-words.js';
import { resolveFlowOf } from './resolve.js';

// A flow's custom authentication extensions: which runs at attribute collection start and submit; attach one,
// replace it, detach it where the service allows.

function eventOf(word: string | undefined, usage: string): ExtensionEvent {
	if (word === 'start' || word === 'submit') return word;
	throw new UsageError(
		`Say which event: start or submit${word ? `, not "${word}"` : ''}. Usage: entra-flows ${usage}`,
	);
}

const named = (extension: { displayName?: string; id?: string } | undefined) =>
	extension ? `"${extension.displayName ?? ''}" (${extension.id ?? ''})` : 'none';

const showUsage = 'flows extensions <flow>';
const show: Command = {
	path: ['flows', 'extensions'],
	usage: showUsage,
	summary: 'Show the custom authentication extensions a flow runs at attribute collection start and submit.',
	arity: [1, 2],
	async run(context) {
		const client = await context.graph();
		const flow = await resolveFlowOf(client, context.args, showUsage);
		const extensions = await readFlowExtensions(client, flow.id);
		if (context.json) {
			return printJson(context, { flow: { id: flow.id, displayName: flow.displayName }, ...extensions });
		}
		context.stdout(
			`${formatFields([
				['Flow', `"${flow.displayName ?? ''}" (${flow.id})`],
				...extensionEvents.map((event) => [`On ${eventWords[event]}`, named(extensions[event])] as const),
			])}\n`,
		);
	},
};

const setUsage = 'flows extensions set <flow> start|submit <extension> [--dry-run]';
const set: Command = {
	path: ['flows', 'extensions', 'set'],
	usage: setUsage,
	summary: 'Attach an extension to a flow at attribute collection start or submit (replaces the one there).',
	arity: [3, 3],
	flags: [dryRunFlag],
	async run(context: CommandContext) {
		const [flowWord = '', eventWord, extensionWord = ''] = context.args;
		const event = eventOf(eventWord, setUsage);
		const client = await context.graph();
		const flow = await resolveFlowOf(client, [flowWord], setUsage);
		const extension = await resolveExtensionOrFail(client, extensionWord);
		const ref = { id: flow.id, displayName: flow.displayName ?? '' };
		const outcome = await attachFlowExtension(client, ref, event, extension);
		if (outcome.kind === 'refused') throw extensionRefusalFailure(outcome.refusal, outcome.error);
		if (outcome.kind === 'partial') throw outcome.error;
		if (context.dryRun) return;
		noteLostAnswer(context, outcome);
		if (context.json) {
			return printJson(context, {
				flow: ref,
				event,
				extension: { id: extension.id, displayName: extension.displayName },
				changed: outcome.kind === 'done',
				...(outcome.kind === 'done' && outcome.value.previous ? { replaced: outcome.value.previous } : {}),
			});
		}
		if (outcome.kind === 'unchanged') {
			return context.stdout(
				`"${ref.displayName}" already runs ${named(extension)} at ${eventWords[event]}; nothing to do.\n`,
			);
		}
		const replaced = outcome.value.previous ? `, replacing ${named(outcome.value.previous)}` : '';
		context.stdout(`"${ref.displayName}" now runs ${named(extension)} at ${eventWords[event]}${replaced}.\n`);
	},
};

const clearUsage = 'flows extensions clear <flow> start|submit [--dry-run]';
const clear: Command = {
	path: ['flows', 'extensions', 'clear'],
	usage: clearUsage,
	summary: 'Detach the extension a flow runs at start or submit, where the service allows (undocumented).',
	arity: [2, 2],
	flags: [dryRunFlag],
	async run(context) {
		const [flowWord = '', eventWord] = context.args;
		const event = eventOf(eventWord, clearUsage);
		const client = await context.graph();
		const flow = await resolveFlowOf(client, [flowWord], clearUsage);
		const ref = { id: flow.id, displayName: flow.displayName ?? '' };
		const outcome = await detachFlowExtension(client, ref, event);
		if (outcome.kind === 'refused') throw extensionRefusalFailure(outcome.refusal, outcome.error);
		if (outcome.kind === 'partial') throw outcome.error;
		if (context.dryRun) return;
		if (context.json) {
			return printJson(context, {
				flow: ref,
				event,
				changed: outcome.kind === 'done',
				...(outcome.kind === 'done' ? { detached: outcome.value.detached, how: outcome.value.how } : {}),
			});
		}
		if (outcome.kind === 'unchanged') {
			return context.stdout(
				`"${ref.displayName}" runs no extension at ${eventWords[event]}; nothing to do.\n`,
			);
		}
		context.stdout(
			`Detached ${named(outcome.value.detached)} from "${ref.displayName}" at ${eventWords[event]} (by ${outcome.value.how}, read back to confirm). Note: ${detachCaveat}\n`,
		);
	},
};

export const flowExtensionCommands: readonly Command[] = [show, set, clear];
