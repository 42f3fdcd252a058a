import { type CommandContext, warn } from './command.js';

/** Said before a change that makes a flow offer both local accounts (not refused: the docs do not say it fails). */
export function warnBothLocalAccounts(context: CommandContext): void {
	warn(
		context,
		'the flow will offer both Email with password and Email one-time passcode; the admin center offers them as one choice between two, and a flow offering both is not documented to work. Keep one.',
	);
}
