import { isGraphError } from '../graph/graph-error.js';
import { WriteNotMade } from '../operations/send-write.js';
import { safeJson } from '../text/safe-json.js';
import { sanitize, sanitizeLines } from '../text/sanitize.js';
import { CommandFailure, UsageError } from './command.js';
import { Cancelled } from './errors.js';

/** A write whose answer was lost and which reading back showed was not made. */
const notMadeWords =
	'the answer was lost on the way, and reading back shows the change was NOT made. Nothing changed.';

/** Exit codes, so scripts can branch: usage and sign-in problems apart from refusals, a cancel as a shell's. */
export const exitCodes = {
	ok: 0,
	failed: 1,
	usage: 2,
	signIn: 3,
	hangUp: 129,
	cancelled: 130,
	closedPipe: 141,
} as const;

/** Each exit code in words: `--help` and docs/commands.md show this table. */
export const exitCodeMeanings: readonly (readonly [number, string])[] = [
	[exitCodes.ok, 'done'],
	[
		exitCodes.failed,
		'the service refused or failed, or a check stopped it (the message says why and how to fix it)',
	],
	[exitCodes.usage, 'usage error: an unknown command or flag, a missing or wrong value; nothing was sent'],
	[
		exitCodes.signIn,
		'needs sign-in: none is saved, it expired, or the token was refused (run `entra-flows login`)',
	],
	// 129 and 141 are set where the process meets its terminal and pipes (source/wiring/lost-terminal.ts).
	[
		exitCodes.hangUp,
		"the keyboard app's terminal went away (tmux kill-session, an SSH drop): it ends at once, writing nothing",
	],
	[exitCodes.cancelled, 'cancelled: ctrl+c or ctrl+d at a prompt, or ctrl+c while it worked'],
	[
		exitCodes.closedPipe,
		'the reader of the output went away (`flows list --json | head -c 100`): the command stops quietly',
	],
];

// Sign-in that a person (or a pipeline's set-up) must do again; every other sign-in failure is exit 1.
const needsSignIn = new Set(['not-signed-in', 'sign-in-again', 'azure-cli-not-signed-in']);

/** The exit code of a failure. */
export function exitCodeOf(error: unknown): number {
	if (error instanceof UsageError || (error instanceof Error && error.name === 'ConfigError'))
		return exitCodes.usage;
	if (error instanceof Cancelled) return exitCodes.cancelled;
	if (error instanceof Error && error.name === 'AuthError') {
		const code = (error as Error & { code?: string }).code ?? '';
		if (code === 'cancelled') return exitCodes.cancelled;
		if (needsSignIn.has(code)) return exitCodes.signIn;
	}
	// Graph's 401: the token was not accepted (expired, or for another tenant): signing in again is the fix.
	if (isGraphError(error) && error.status === 401) return exitCodes.signIn;
	return exitCodes.failed;
}

/** One error as `--json` prints it on stderr: `{"error": {kind, code, message, hint?, …}}`. */
function jsonError(error: unknown): Record<string, unknown> {
	if (isGraphError(error)) return error.toJSON();
	if (error instanceof WriteNotMade)
		return { kind: 'notDone', code: 'WriteNotMade', message: notMadeWords, service: error.cause.toJSON() };
	if (!(error instanceof Error)) return { kind: 'bug', code: 'UnexpectedError', message: String(error) };
	const hint = (error as Error & { hint?: unknown }).hint;
	const base = { message: error.message, ...(typeof hint === 'string' && hint ? { hint } : {}) };
	const details = (error as Error & { details?: unknown }).details;
	if (error instanceof Cancelled) return { kind: 'cancelled', code: error.name, ...base };
	if (error instanceof UsageError || error.name === 'ConfigError')
		return { kind: 'usage', code: error.name, ...base, ...(Array.isArray(details) ? { details } : {}) };
	if (error instanceof CommandFailure)
		return {
			kind: 'refused',
			code: error.name,
			...base,
			...(error.details ? { details: error.details } : {}),
			...(error.refusal ? { service: error.refusal.toJSON() } : {}),
		};

	if (error.name === 'AuthError') {
		const auth = error as Error & { code?: string; aadsts?: string; correlationId?: string };
		return {
			kind: 'signIn',
			code: auth.code ?? 'AuthError',
			...base,
			...(auth.aadsts ? { aadsts: auth.aadsts } : {}),
			...(auth.correlationId ? { correlationId: auth.correlationId } : {}),
		};
	}
	return { kind: 'bug', code: 'UnexpectedError', message: error.message };
}

/** Writes an error in plain words (what, how to fix, ids) and returns the exit code. Never prints a token. */
export function reportError(error: unknown, writeRaw: (text: string) => void, json: boolean): number {
	// Every field of an error may come from Graph (code, ids, date, messages): each line is cleaned on the way out.
	const write = (text: string) => writeRaw(json ? text : sanitizeLines(text));
	const usage = error instanceof UsageError || (error instanceof Error && error.name === 'ConfigError');
	if (json) {
		// Scripts get one JSON object whatever went wrong; the exit code still tells usage (2) from failure (1).
		write(`${safeJson({ error: jsonError(error) })}\n`);
		return exitCodeOf(error);
	}
	if (error instanceof Cancelled) {
		write(`entra-flows: ${error.message}\n`);
		return exitCodes.cancelled;
	}
	if (usage) {
		// A message of several lines (every problem of a set of files) keeps its lines.
		write(`entra-flows: ${sanitizeLines((error as Error).message)}\n`);
		return exitCodes.usage;
	}
	if (error instanceof WriteNotMade) {
		const cause = error.cause;
		write(
			`entra-flows: ${cause.method} ${cause.path}: ${notMadeWords}\n  fix: run the same command again.\n  ${cause.code}${cause.correlation ? ` · ${cause.correlation}` : ''}\n`,
		);
		return exitCodes.failed;
	}
	if (isGraphError(error)) {
		const lines = [
			error.notSent
				? `entra-flows: ${error.method} ${error.path} not sent: ${error.code}`
				: `entra-flows: ${error.method} ${error.path} failed: ${error.status || error.code} ${error.status ? error.code : ''}`.trimEnd(),
		];
		lines.push(`  ${sanitize(error.message)}`);
		if (error.hint) lines.push(`  fix: ${error.hint}`);
		if (error.correlation) lines.push(`  ${error.correlation}`);
		write(`${lines.join('\n')}\n`);
		return exitCodeOf(error);
	}
	if (error instanceof CommandFailure) {
		const refusal = error.refusal
			? `  the service refused it: ${sanitize(`${error.refusal.status} ${error.refusal.code} · ${error.refusal.correlation}`)}\n`
			: '';
		write(
			`entra-flows: ${sanitizeLines(error.message)}\n${error.hint ? `  fix: ${sanitize(error.hint)}\n` : ''}${refusal}`,
		);
		return exitCodes.failed;
	}
	if (error instanceof Error && error.name === 'AuthError') {
		const hint = (error as Error & { hint?: string }).hint;
		write(`entra-flows: ${sanitize(error.message)}\n${hint ? `  fix: ${sanitize(hint)}\n` : ''}`);
		return exitCodeOf(error);
	}
	// Anything else is a bug in entra-flows: say so briefly, without dumping objects that may hold headers.
	const message = error instanceof Error ? error.message : String(error);
	write(
		`entra-flows: unexpected error: ${sanitize(message)}\n  This is a bug; please report it with the command you ran.\n`,
	);
	return exitCodes.failed;
}
