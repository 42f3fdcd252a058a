import { isGraphError } from '../graph/graph-error.js';
import { sanitize } from '../text/sanitize.js';
import { CommandFailure, UsageError } from './command.js';

/** Exit codes: 0 done, 1 the service refused or failed, 2 usage error. */
export const exitCodes = { ok: 0, failed: 1, usage: 2 } as const;

/** Writes an error in plain words (what, how to fix, ids) and returns the exit code. Never prints a token. */
export function reportError(error: unknown, write: (text: string) => void, json: boolean): number {
	if (error instanceof UsageError || (error instanceof Error && error.name === 'ConfigError')) {
		write(`entra-flows: ${sanitize(error.message)}\n`);
		return exitCodes.usage;
	}
	if (isGraphError(error)) {
		if (json) {
			write(`${JSON.stringify({ error: error.toJSON() })}\n`);
			return exitCodes.failed;
		}
		const lines = [
			error.notSent
				? `entra-flows: ${error.method} ${error.path} not sent: ${error.code}`
				: `entra-flows: ${error.method} ${error.path} failed: ${error.status || error.code} ${error.status ? error.code : ''}`.trimEnd(),
		];
		lines.push(`  ${sanitize(error.message)}`);
		if (error.hint) lines.push(`  fix: ${error.hint}`);
		if (error.correlation) lines.push(`  ${error.correlation}`);
		write(`${lines.join('\n')}\n`);
		return exitCodes.failed;
	}
	if (error instanceof CommandFailure) {
		write(`entra-flows: ${sanitize(error.message)}\n${error.hint ? `  fix: ${sanitize(error.hint)}\n` : ''}`);
		return exitCodes.failed;
	}
	if (error instanceof Error && error.name === 'AuthError') {
		const hint = (error as Error & { hint?: string }).hint;
		write(`entra-flows: ${sanitize(error.message)}\n${hint ? `  fix: ${sanitize(hint)}\n` : ''}`);
		return exitCodes.failed;
	}
	// Anything else is a bug in entra-flows: say so briefly, without dumping objects that may hold headers.
	const message = error instanceof Error ? error.message : String(error);
	write(
		`entra-flows: unexpected error: ${sanitize(message)}\n  This is a bug; please report it with the command you ran.\n`,
	);
	return exitCodes.failed;
}
