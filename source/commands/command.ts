import type { SignInProvider } from '../auth/index.js';
import type { Config } from '../config/config.js';
import type { ConfigPaths } from '../config/paths.js';
import type { GraphClient } from '../graph/graph-client.js';
import { safeJson } from '../text/safe-json.js';
import type { Example } from './examples.js';
import { jsonOnStderr, renderData } from './output.js';

export { CommandFailure, UsageError } from './errors.js';

/** A flag a command accepts, for parsing and for --help. */
export type FlagSpec = {
	readonly name: string;
	readonly type: 'string' | 'boolean';
	readonly multiple?: boolean;
	readonly short?: string;
	readonly value?: string;
	readonly description: string;
	/** The values it takes, when they are a fixed few (shell completion offers them). */
	readonly choices?: readonly string[];
};

/** Parsed flag values, by flag name. */
export type FlagValues = Readonly<Record<string, string | boolean | string[] | undefined>>;

/** What a command gets to do its job. */
export type CommandContext = {
	readonly args: readonly string[];
	readonly flags: FlagValues;
	/** The command prints its data (--json, -o, --query) through printJson, not sentences for people. */
	readonly json: boolean;
	/**
	 * --dry-run: the Graph client plans writes instead of sending them (run-cli prints them afterwards). Reads
	 * still happen; a command stops after its writes and prints no results of its own in JSON mode.
	 */
	readonly dryRun: boolean;
	/** Builds the Graph client on first use, so usage errors never touch the network or sign-in. */
	readonly graph: () => Promise<GraphClient>;
	/** The resolved configuration (read lazily: --help never needs it). */
	readonly config: () => Config;
	/** Where profiles and token caches live, without resolving a tenant. */
	readonly paths: () => ConfigPaths;
	/**
	 * The Graph client of a named profile (`@dev` in a diff): its own configuration and sign-in; flags and
	 * variables that name a tenant apply to the main one only. Built once per name.
	 */
	readonly graphFor: (profile: string) => Promise<GraphClient>;
	/** Takes over ctrl+c: the signal aborts when it is pressed, so a long apply stops between two writes. */
	readonly interruption?: () => AbortSignal;
	/** The sign-in provider; `interactive` shows a device code when nothing is cached. */
	readonly signIn: (options: { interactive: boolean }) => SignInProvider;
	readonly stdout: (text: string) => void;
	/**
	 * Resolves once stdout has taken what was written: a long stream waits on it, so a slow reader holds the
	 * pages back instead of the process buffering them all. Undefined where writes never back up (tests).
	 */
	readonly drained?: () => Promise<void>;
	readonly stderr: (text: string) => void;
	/** The terminal's width when stdout is one (tables are fitted to it); undefined for a pipe or a file. */
	readonly columns?: number;
	/** Asks a yes/no question on the terminal; undefined when there is no terminal to ask on. */
	readonly ask?: (question: string) => Promise<string>;
	/** Reads all of stdin, at most the bytes given (for a secret given as `-`); undefined when there is none. */
	readonly readStdin?: (maxBytes: number) => string;
};

/** One scriptable verb. */
export type Command = {
	/** Words that select it, e.g. ['flows', 'list']. */
	readonly path: readonly string[];
	readonly usage: string;
	readonly summary: string;
	readonly flags?: readonly FlagSpec[];
	/** Positional arguments: [min, max]. */
	readonly arity: readonly [number, number];
	/** Examples for --help; without them, the entry in examples.ts is used (every command has some). */
	readonly examples?: readonly Example[];
	/** Resolves to an exit code when success is not 0 (a lint with findings); nothing means 0. */
	// biome-ignore lint/suspicious/noConfusingVoidType: most commands end with `return printJson(…)`, a void.
	run(context: CommandContext): Promise<void | number>;
};

/** The --dry-run flag every write command accepts. */
export const dryRunFlag: FlagSpec = {
	name: 'dry-run',
	type: 'boolean',
	description:
		'send no write: print each request it would send, with curl, az rest and PowerShell equivalents',
};

/** Reads a repeated string flag as a list. */
export function listFlag(flags: FlagValues, name: string): string[] {
	const value = flags[name];
	if (value === undefined || typeof value === 'boolean') return [];
	return Array.isArray(value) ? value : [value];
}

/** Reads a single string flag. */
export function stringFlag(flags: FlagValues, name: string): string | undefined {
	const value = flags[name];
	return typeof value === 'string' ? value : undefined;
}

/**
 * Prints a command's data on stdout in the form -o asks (JSON by default), after --query: one document, with
 * every character a terminal could act on escaped (the table strips them). Every command's data goes through
 * here, so each gets -o and --query without knowing them.
 */
export function printJson(context: CommandContext, value: unknown): void {
	context.stdout(renderData(value, context.flags, context.columns));
}

/** A warning on stderr (a JSON notice line under --json): something to know that does not stop the command. */
export function warn(context: CommandContext, text: string): void {
	context.stderr(
		jsonOnStderr(context.flags)
			? `${safeJson({ notice: 'warning', message: text })}\n`
			: `warning: ${text}\n`,
	);
}
