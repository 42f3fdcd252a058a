// A write that was made stays made when the read that shows its result fails: the read is tried again (Entra's
// reads may lag its writes), and when it still fails the command says the change was made and how to see it,
// instead of exiting with the read's error as if the write had failed.
import { readBack } from '../operations/read-back.js';
import { type CommandContext, printJson, warn } from './command.js';

/**
 * The result of `read` after a write that was made, or undefined (with a warning naming `seeWith`, the
 * command that shows it) when every read-back failed.
 */
export async function readAfterWrite<T>(
	context: CommandContext,
	read: () => Promise<T>,
	seeWith: string,
): Promise<T | undefined> {
	try {
		return await readBack(read, () => true);
	} catch (error) {
		const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
		warn(
			context,
			`the change was made, but reading it back failed (${why}). See it with: entra-flows ${seeWith}`,
		);
		return undefined;
	}
}

/** Prints, for --json, what a write made as `read` shows it, or null (with the warning) when it cannot be read. */
export async function printAfterWrite(
	context: CommandContext,
	read: () => Promise<unknown>,
	seeWith: string,
): Promise<void> {
	printJson(context, (await readAfterWrite(context, read, seeWith)) ?? null);
}
