import { sanitize } from '../text/sanitize.js';
import { hasHiddenCharacters, typedNameMatches, visible } from '../text/visible.js';
import { type CommandContext, CommandFailure, type FlagSpec, UsageError } from './command.js';
import { askPerson } from './prompt.js';

/** The --yes flag of the commands that delete something. */
export const yesFlag: FlagSpec = {
	name: 'yes',
	type: 'boolean',
	short: 'y',
	description: 'do not ask (required without a terminal)',
};

/** What is about to be deleted, and the question before the name is asked for. */
export type Deletion = {
	/** How messages name it: `"Events registration"`, or an attribute id. */
	readonly label: string;
	/** Its name from Graph (untrusted); the person types it to confirm. */
	readonly name: string;
	/** Its id, accepted instead of the name. */
	readonly id: string;
	/** What will happen, e.g. `Delete user flow "…"? 2 app(s) will lose their flow: …` */
	readonly question: string;
};

/**
 * Asks on the terminal for the name of what is about to be deleted, unless --yes; without a terminal, --yes is
 * required. A dry run deletes nothing, so it asks nothing. The name is shown as the terminal can show it
 * (control sequences gone, hidden characters marked) and matched as shown, ignoring case; the id works too.
 */
export async function confirmDeletion(context: CommandContext, what: Deletion): Promise<void> {
	if (context.flags.yes === true || context.dryRun) return;
	if (!context.ask) {
		throw new UsageError(`Refusing to delete ${what.label} without a terminal to confirm on; add --yes.`);
	}
	const shown = sanitize(what.name);
	const hidden = hasHiddenCharacters(shown)
		? ` Its name holds characters you cannot see, marked here: ${visible(shown)}. Type it without them, or its id.`
		: '';
	const answer = await askPerson(
		context.ask,
		`${what.question}${hidden} Type its name to confirm (or its id): `,
		'nothing was deleted',
	);
	if (!typedNameMatches(answer, shown, what.id))
		throw new CommandFailure(
			`Not deleted: the name did not match ("${visible(sanitize(answer.trim()))}" is not "${visible(shown)}").`,
		);
}
