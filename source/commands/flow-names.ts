import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sanitize } from '../text/sanitize.js';
import type { CommandContext } from './command.js';

/** The file in the state folder that holds the flow names of the last `flows list`, for shell completion. */
export const flowNamesFile = 'flow-names';

/**
 * Keeps the names the last `flows list` read, one per line, so a shell completes `flows get <TAB>` without a
 * request. Names are cleaned as a terminal shows them. A courtesy: if the folder cannot be written, nothing
 * is said and the command goes on.
 */
export function rememberFlowNames(context: CommandContext, names: readonly (string | undefined)[]): void {
	try {
		const dir = context.paths().stateDir;
		mkdirSync(dir, { recursive: true, mode: 0o700 });
		const text = names
			.map((name) => sanitize(name ?? '').trim())
			.filter(Boolean)
			.join('\n');
		const file = join(dir, flowNamesFile);
		// Written aside and renamed, so a completion reading it never sees half a list.
		writeFileSync(`${file}.tmp`, `${text}\n`, { mode: 0o600 });
		renameSync(`${file}.tmp`, file);
	} catch {
		// Completion without names still completes commands and flags.
	}
}
