import { type CommandContext, CommandFailure, type FlagSpec, UsageError } from './command.js';

/** The --yes flag of the commands that delete something. */
export const yesFlag: FlagSpec = {
	name: 'yes',
	type: 'boolean',
	short: 'y',
	description: 'do not ask (required without a terminal)',
};

/**
 * Asks on the terminal for the name of what is about to be deleted, unless --yes; without a terminal, --yes is
 * required. A dry run deletes nothing, so it asks nothing.
 */
export async function confirmDeletion(
	context: CommandContext,
	what: { readonly label: string; readonly name: string; readonly question: string },
): Promise<void> {
	if (context.flags.yes === true || context.dryRun) return;
	if (!context.ask) {
		throw new UsageError(`Refusing to delete ${what.label} without a terminal to confirm on; add --yes.`);
	}
	const answer = await context.ask(what.question);
	if (answer.trim() !== what.name) throw new CommandFailure('Not deleted: the name did not match.');
}
