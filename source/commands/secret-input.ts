import { BoundedReadError, openFileWarning, readBoundedFile } from '../text/bounded-file.js';
import { type CommandContext, stringFlag, UsageError, warn } from './command.js';

// Secrets for the services a tenant federates with (client secrets, Apple's key) come from a file or stdin
// ("-"), never from argv, where `ps` and shell history would keep them. Only the flag and path are ever named.

/** The most a secret or key file may hold. */
export const secretLimitBytes = 64 * 1024;

/** The secret a `--…-file` flag names, trimmed; undefined when the flag is absent. */
export function readSecretFlag(context: CommandContext, flag: string): string | undefined {
	const path = stringFlag(context.flags, flag);
	if (path === undefined) return undefined;
	let text: string;
	try {
		if (path === '-') {
			if (!context.readStdin) throw new UsageError(`--${flag} - needs the secret on standard input.`);
			text = context.readStdin(secretLimitBytes);
		} else {
			const file = readBoundedFile(path, secretLimitBytes);
			const open = openFileWarning(`The --${flag} file`, path, file.mode);
			if (open) warn(context, open);
			text = file.text;
		}
	} catch (error) {
		if (!(error instanceof BoundedReadError)) throw error;
		if (error.problem === 'unreadable')
			throw new UsageError(`Cannot read --${flag} ${path}: ${error.errno ?? 'unreadable'}.`);
		throw new UsageError(`--${flag} ${path === '-' ? `-: ${error.message}` : error.message}.`);
	}
	const secret = text.trim();
	if (!secret) throw new UsageError(`--${flag} ${path} is empty; it should hold the secret.`);
	// What Graph reads back in place of a secret: sending it would replace the real one with asterisks.
	if (/^\*+$/.test(secret)) {
		throw new UsageError(
			`--${flag} ${path} holds only asterisks: that is the masked value Graph reads back, not the secret. Give the real one.`,
		);
	}
	return secret;
}
