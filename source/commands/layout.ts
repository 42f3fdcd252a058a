import type { UserFlow } from '../graph/types.js';
import { diffLayouts, formatLayoutDiff } from '../layout/diff.js';
import {
	type LayoutFile,
	LayoutFileError,
	layoutDocument,
	layoutFromFile,
	parseLayoutFile,
} from '../layout/document.js';
import { layoutFingerprint } from '../layout/fingerprint.js';
import { isChoiceType, type Layout, layoutFromFlow } from '../layout/model.js';
import { formatProblem, type LayoutProblem, validateLayout } from '../layout/validate.js';
import { saveLayout } from '../operations/layout.js';
import type { RefusalOf } from '../operations/refusals.js';
import { readBoundedFile } from '../text/bounded-file.js';
import { display } from '../text/sanitize.js';
import { formatTable } from '../text/table.js';
import {
	type Command,
	type CommandContext,
	CommandFailure,
	dryRunFlag,
	printJson,
	stringFlag,
	UsageError,
} from './command.js';
import { noteLostAnswer } from './refusal-words.js';
import { resolveFlow } from './resolve.js';

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

/** The flow as resolving it read it (whole: by id or by the service's filter), with its layout. */
async function readFlow(
	context: CommandContext,
): Promise<{ flow: UserFlow & { id: string }; layout: Layout }> {
	const client = await context.graph();
	const flow = await resolveFlow(client, context.args[0] ?? '');
	return { flow, layout: layoutFromFlow(flow) };
}

const flowRef = (flow: UserFlow & { id: string }) => ({ id: flow.id, displayName: flow.displayName ?? '' });

function printLayout(context: CommandContext, layout: Layout): void {
	context.stdout(
		`${formatTable(
			layout.inputs.map((input, index) => ({ input, position: index + 1 })),
			[
				{ header: 'POS', value: (row) => row.position },
				{ header: 'ATTRIBUTE', value: (row) => row.input.attribute },
				{ header: 'LABEL', value: (row) => row.input.label },
				{ header: 'INPUT', value: (row) => row.input.inputType },
				{ header: 'REQUIRED', value: (row) => yesNo(row.input.required) },
				{ header: 'HIDDEN', value: (row) => yesNo(row.input.hidden) },
				{ header: 'EDITABLE', value: (row) => yesNo(row.input.editable) },
				{
					header: 'OPTIONS',
					value: ({ input }) =>
						isChoiceType(input.inputType) || input.options.length > 0
							? // As the app shows them: what customers read, then what is stored.
								`${input.options.length}: ${input.options.map((option) => `${option.label}=${option.value}`).join(', ')}`
							: '',
				},
				{ header: 'PATTERN', value: (row) => row.input.validationRegEx ?? '' },
			],
			context.columns,
		)}\nBase ${layoutFingerprint(layout)}. To edit: \`layout show <flow> --json > FILE\`, change FILE, \`layout set <flow> --file FILE\`.\n`,
	);
}

const show: Command = {
	path: ['layout', 'show'],
	usage: 'layout show <flow> [--json]',
	summary:
		"Show a flow's sign-up page in order: label, input type, required, hidden, editable, options, pattern.",
	arity: [1, 1],
	async run(context) {
		const { flow, layout } = await readFlow(context);
		if (context.json) return printJson(context, layoutDocument(flowRef(flow), layout));
		if (layout.inputs.length === 0) {
			return context.stdout(
				`"${display(flow.displayName)}" collects no attributes; add one with \`entra-flows attributes add\`.\n`,
			);
		}
		printLayout(context, layout);
	},
};

/** A layout file is a few KiB; anything near this is not one. */
const layoutFileLimitBytes = 1024 * 1024;

function readLayoutFile(path: string): LayoutFile {
	let text: string;
	try {
		text = readBoundedFile(path, layoutFileLimitBytes).text;
	} catch (error) {
		throw new UsageError(`Cannot read the layout file: ${(error as Error).message}.`);
	}
	try {
		return parseLayoutFile(text);
	} catch (error) {
		if (!(error instanceof LayoutFileError)) throw error;
		const where = [
			error.line === undefined
				? undefined
				: `line ${error.line}${error.column ? `, column ${error.column}` : ''}`,
			error.path,
		]
			.filter(Boolean)
			.join(', ');
		throw new UsageError(
			`${path}${where ? ` (${where})` : ''}: ${error.message}. ${error.fix} Nothing was sent.`,
		);
	}
}

/** Prints lines on stderr, one per line, sanitized (they may quote text from the file or from Graph). */
function explain(context: CommandContext, lines: readonly string[]): void {
	context.stderr(lines.map((line) => `  ${display(line)}\n`).join(''));
}

/** A refusal backed by lines: printed above the message for people, inside the one JSON error for scripts. */
function refusal(
	context: CommandContext,
	lines: readonly string[],
	message: string,
	hint: string,
): CommandFailure {
	if (!context.json) explain(context, lines);
	return new CommandFailure(message, hint, undefined, lines.map(display));
}

const set: Command = {
	path: ['layout', 'set'],
	usage: 'layout set <flow> --file FILE [--dry-run] [--force]',
	summary:
		"Save a flow's sign-up page from a file (`layout show --json`): checked first, sent whole in one PATCH.",
	arity: [1, 1],
	flags: [
		{
			name: 'file',
			type: 'string',
			value: 'FILE',
			description: 'the layout, as `layout show --json` writes it',
		},
		{
			name: 'force',
			type: 'boolean',
			description:
				"save even if the page changed since the file's base was read (overwrites that change), or the file is another flow's page",
		},
		dryRunFlag,
	],
	async run(context) {
		const path = stringFlag(context.flags, 'file');
		if (!path) {
			throw new UsageError(
				'layout set needs --file FILE; write one with `entra-flows layout show <flow> --json > layout.json`.',
			);
		}
		// The file is checked before any request: a malformed one never costs a sign-in.
		const file = readLayoutFile(path);
		const { flow, layout: current } = await readFlow(context);
		const name = `"${flow.displayName ?? flow.id}"`;
		const fileFlow = typeof file.flow?.id === 'string' ? file.flow.id : undefined;
		if (fileFlow && fileFlow.toLowerCase() !== flow.id.toLowerCase() && context.flags.force !== true) {
			const from =
				typeof file.flow?.displayName === 'string' ? `"${file.flow.displayName}" (${fileFlow})` : fileFlow;
			throw new CommandFailure(
				`${path} is the sign-up page of ${from}, not of ${name}. Nothing was sent.`,
				`Check the flow you meant; to copy that page onto ${name} on purpose, add --force.`,
			);
		}
		const { layout: proposed, problems: typeProblems } = layoutFromFile(file, current);
		if (typeProblems.length > 0) {
			// What the file says that fits no input type comes first; the page's own rules are listed with it.
			throw problemsRefusal(context, path, [
				...typeProblems,
				...validateLayout(proposed, { baseline: current }),
			]);
		}
		const client = await context.graph();
		const base = file.base;
		const outcome = await saveLayout(client, {
			flowId: flow.id,
			layout: proposed,
			base,
			current,
			force: context.flags.force === true,
		});
		noteLostAnswer(context, outcome);
		if (outcome.kind === 'refused')
			throw layoutRefusal(context, path, name, file, flow, outcome.refusal, proposed);
		if (outcome.kind === 'partial') throw outcome.error;
		if (outcome.kind === 'unchanged') {
			if (context.json && !context.dryRun) return printJson(context, layoutDocument(flowRef(flow), current));
			if (!context.json)
				context.stdout(`The sign-up page of ${display(name)} already matches ${path}; nothing to send.\n`);
			return;
		}
		const now = layoutFingerprint(current);
		if (base !== undefined && base !== now && !context.json) {
			context.stderr(
				`warning: ${display(changedHeading(path, name, file, flow, now))} Saving anyway (--force).\n`,
			);
		}
		if (!context.json) {
			context.stdout(
				`Changes to the sign-up page of ${display(name)}:\n${formatLayoutDiff(diffLayouts(current, proposed))
					.map((line) => `  ${display(line)}\n`)
					.join('')}`,
			);
		}
		if (context.dryRun) return;
		const differs = outcome.value.storedDifferently;
		if (differs && !context.json) {
			context.stderr('warning: the service stored the page differently from what was sent:\n');
			explain(context, formatLayoutDiff(differs));
		}
		const saved = outcome.value.flow ? layoutFromFlow(outcome.value.flow) : proposed;
		if (context.json) return printJson(context, layoutDocument(flowRef(flow), saved));
		context.stdout(
			`Saved the sign-up page of ${display(name)} (${saved.inputs.length} input${saved.inputs.length === 1 ? '' : 's'}). New base ${layoutFingerprint(saved)}.\n`,
		);
	},
};

/** The heading of a base mismatch: another flow's file, or the page changed since the file was read. */
function changedHeading(
	path: string,
	name: string,
	file: LayoutFile,
	flow: UserFlow & { id: string },
	now: string,
) {
	const otherFlow = typeof file.flow?.id === 'string' && file.flow.id !== flow.id;
	return otherFlow
		? `${path} was read from another flow (${String(file.flow?.id)}); its base ${file.base} is not ${name}'s layout (now ${now}).`
		: `The sign-up page of ${name} changed since ${path} was read: base ${file.base}, now ${now}.`;
}

function problemsRefusal(
	context: CommandContext,
	path: string,
	problems: readonly LayoutProblem[],
): CommandFailure {
	return refusal(
		context,
		problems.map(formatProblem),
		`${path} has ${problems.length} problem${problems.length > 1 ? 's' : ''} (listed${context.json ? ' in details' : ' above'}, by position and attribute). Nothing was sent.`,
		'Fix them in the file and run the command again.',
	);
}

/** Words for a save the layout rules refused, with the lines that back it up. */
function layoutRefusal(
	context: CommandContext,
	path: string,
	name: string,
	file: LayoutFile,
	flow: UserFlow & { id: string },
	found: RefusalOf<'layoutInputsDiffer' | 'layoutInvalid' | 'layoutChangedSinceBase'>,
	proposed: Layout,
): CommandFailure {
	switch (found.rule) {
		case 'layoutInputsDiffer': {
			const { diff } = found;
			const dropped = diff.removed.length > 0 ? `leaves out ${diff.removed.join(', ')}` : '';
			const added = diff.added.length > 0 ? `adds ${diff.added.join(', ')}` : '';
			const seen = new Set<string>();
			const twice = proposed.inputs
				.map((input) => input.attribute.toLowerCase())
				.filter((id) => seen.has(id) || !seen.add(id));
			const repeated = twice.length > 0 ? `lists ${[...new Set(twice)].join(', ')} twice` : '';
			return refusal(
				context,
				formatLayoutDiff(diff).filter((line) => line.startsWith('!!!')),
				`${path} ${[dropped, added, repeated].filter(Boolean).join(' and ')}: a layout change cannot add or remove inputs of ${name}. Nothing was sent.`,
				`Put ${diff.removed.length > 0 ? 'the missing inputs back in the file' : "the file back to the flow's inputs"}; to stop or start collecting an attribute use \`entra-flows attributes remove|add ${name} <attributeId>\` first.`,
			);
		}
		case 'layoutInvalid':
			return problemsRefusal(context, path, found.problems);
		case 'layoutChangedSinceBase':
			return refusal(
				context,
				[
					changedHeading(path, name, file, flow, found.fingerprint),
					'Saving the file would make these changes to the page as it is now:',
					...formatLayoutDiff(diffLayouts(found.current, proposed)),
				],
				`Refusing to overwrite a change made since ${path} was read. Nothing was sent.`,
				'Run `entra-flows layout show` again and redo your edit on the current page, or add --force to save the file as it is.',
			);
		default: {
			const never: never = found;
			return never;
		}
	}
}

export const layoutCommands: readonly Command[] = [show, set];
