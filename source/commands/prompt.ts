import type { CommandContext } from './command.js';
import { Cancelled } from './errors.js';

/**
 * Asks on the terminal. ctrl+c or ctrl+d at the prompt rejects the question with an AbortError: that is the
 * person saying no, not a bug, so it ends the command as cancelled (exit 130).
 */
export async function askPerson(
	ask: NonNullable<CommandContext['ask']>,
	question: string,
	what = 'nothing was changed',
): Promise<string> {
	try {
		return await ask(question);
	} catch (error) {
		if (error instanceof Error && error.name === 'AbortError')
			throw new Cancelled(`Cancelled at the prompt; ${what}.`);
		throw error;
	}
}
