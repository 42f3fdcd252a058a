import { resolve } from 'node:path';
import { secretLimitBytes } from '../commands/secret-input.js';
import { BoundedReadError, readBoundedFile } from '../text/bounded-file.js';

// The keyboard app's forms take a secret as the path of a file, read here with the commands' limit and
// refusals, so no secret is ever typed as visible text. Errors name the file, never its content.

/** Reads the secret in `path` (relative to `cwd`), trimmed; rejects with an Error saying what is wrong. */
export async function readSecretFile(path: string, cwd = process.cwd()): Promise<string> {
	let text: string;
	try {
		text = readBoundedFile(resolve(cwd, path), secretLimitBytes).text;
	} catch (error) {
		if (!(error instanceof BoundedReadError)) throw error;
		if (error.problem === 'unreadable')
			throw new Error(`Cannot read ${path}: ${error.errno ?? 'unreadable'}.`);
		throw new Error(`${path} ${error.message.slice(error.path.length + 1)}.`);
	}
	const secret = text.trim();
	if (!secret) throw new Error(`${path} is empty; it should hold the secret.`);
	// What Graph reads back in place of a secret: sending it would replace the real one with asterisks.
	if (/^\*+$/.test(secret)) {
		throw new Error(
			`${path} holds only asterisks: that is the masked value Graph reads back, not the secret. Give the real one.`,
		);
	}
	return secret;
}
