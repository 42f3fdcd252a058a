// The composition root of the commands: parses argv once, resolves config, and builds sign-in and the Graph
// client (through build-session.ts, as the keyboard app does) for the one command it runs.
import { resolve as resolvePath } from 'node:path';
import { AuthError, type SignInProvider } from '../auth/index.js';
import { type CommandContext, type FlagValues, printJson } from '../commands/command.js';
import { plannedJson, plannedText } from '../commands/dry-run.js';
import { commandHelp, mainHelp } from '../commands/help.js';
import { jsonAsked, jsonOnStderr, outputFormat } from '../commands/output.js';
import { parseArgv } from '../commands/parse-argv.js';
import { exitCodes, reportError } from '../commands/report-error.js';
import {
	reconcileJson,
	reconcileLine,
	retryJson,
	retryLine,
	verboseJson,
	verboseLine,
} from '../commands/verbose-log.js';
import { type Config, type ReadStdin, resolveConfig } from '../config/config.js';
import { resolvePaths } from '../config/paths.js';
import type { GraphClient, PlannedRequest } from '../graph/graph-client.js';
import { safeJson } from '../text/safe-json.js';
import { sanitizeLines } from '../text/sanitize.js';
import { graphClientFor, tokenProviderFor } from './build-session.js';

/** What the command runner needs from the outside world; cli.tsx passes the real process. */
export type CliIo = {
	readonly argv: readonly string[];
	readonly env: NodeJS.ProcessEnv;
	readonly version: string;
	readonly stdout: (text: string) => void;
	/** Resolves once stdout has taken what was written (at once unless its buffer is full). */
	readonly drained?: () => Promise<void>;
	readonly stderr: (text: string) => void;
	readonly ask?: (question: string) => Promise<string>;
	/** Reads all of stdin, at most the bytes given (for `--client-secret-file -`). */
	readonly readStdin?: ReadStdin;
	/** The terminal's width when stdout is a terminal. */
	readonly columns?: number;
	/** Runs the keyboard app when no command is given. */
	readonly runApp?: (flags: FlagValues) => Promise<number>;
	/**
	 * Called by a command that can stop cleanly (apply): from then on ctrl+c aborts the signal instead of ending
	 * the process at once, so it stops between two writes and reports what was done.
	 */
	readonly interrupt?: () => AbortSignal;
};

// What names the main tenant: a named profile (`@dev`) takes its own from the profile instead.
export const tenantFlags = [
	'graph-url',
	'tenant',
	'client-id',
	'authority-host',
	'ca-file',
	'cloud',
	'profile',
	'beta',
];
export const tenantVariables = [
	'ENTRA_FLOWS_GRAPH_URL',
	'ENTRA_FLOWS_CLOUD',
	'AZURE_TENANT_ID',
	'AZURE_CLIENT_ID',
	'AZURE_AUTHORITY_HOST',
];
export const without = <T extends object>(values: T, names: readonly string[]): T =>
	Object.fromEntries(Object.entries(values).filter(([name]) => !names.includes(name))) as T;

/** Reads argv once, runs one command, and returns the exit code. */
export async function runCli(io: CliIo): Promise<number> {
	// Known before parsing, so even a usage error reaches a script as JSON.
	let json = jsonAsked(io.argv);
	try {
		const parsed = parseArgv(io.argv);
		json = jsonOnStderr(parsed.flags);
		// -o, --json or --query: the command prints data, already escaped for a terminal by its renderer.
		const data = outputFormat(parsed.flags) !== undefined;
		if (parsed.flags.version === true) {
			io.stdout(json ? `${safeJson({ version: io.version }, 2)}\n` : `${io.version}\n`);
			return exitCodes.ok;
		}
		if (!parsed.command) {
			if (parsed.flags.help === true || !io.runApp) {
				io.stdout(`${mainHelp(io.version)}\n`);
				return exitCodes.ok;
			}
			return await io.runApp(parsed.flags);
		}
		if (parsed.flags.help === true) {
			io.stdout(`${commandHelp(parsed.command)}\n`);
			return exitCodes.ok;
		}
		let config: Config | undefined;
		const getConfig = () => {
			config ??= resolveConfig(parsed.flags, io.env, {
				readStdin: io.readStdin,
				warn: (text) => io.stderr(`warning: ${text}\n`),
				login: parsed.command?.path[0] === 'login',
			});
			return config;
		};
		let client: GraphClient | undefined;
		const dryRun = parsed.flags['dry-run'] === true;
		const planned: PlannedRequest[] = [];
		const stderr = (text: string) => io.stderr(sanitizeLines(text));
		// Under --json, stderr carries only JSON lines: notices while it works, then at most one error.
		const notify = (line: string) => io.stderr(json ? `${line}\n` : sanitizeLines(line));
		const signIn = ({ interactive }: { interactive: boolean }) =>
			commandSignIn(getConfig(), interactive, io.env, stderr);
		const sides = new Map<string, Promise<GraphClient>>();
		const clientHooks = (resolved: Config) => ({
			env: io.env,
			version: io.version,
			onExchange: resolved.verbose
				? (record: Parameters<typeof verboseLine>[0]) =>
						notify(json ? verboseJson(record) : verboseLine(record))
				: undefined,
			onRetry: (notice: Parameters<typeof retryLine>[0]) =>
				notify(json ? retryJson(notice) : retryLine(notice)),
			onReconcile: (notice: Parameters<typeof reconcileLine>[0]) =>
				notify(json ? reconcileJson(notice) : reconcileLine(notice)),
		});
		const context: CommandContext = {
			args: parsed.args,
			paths: () => resolvePaths(io.env),
			...(io.interrupt ? { interruption: io.interrupt } : {}),
			graphFor(profile) {
				let side = sides.get(profile);
				if (!side) {
					side = (async () => {
						const sideConfig = resolveConfig(
							without(parsed.flags, tenantFlags),
							without(io.env, tenantVariables),
							{
								readStdin: io.readStdin,
								warn: (text) => io.stderr(`warning: ${text}\n`),
								profileName: profile,
							},
						);
						return graphClientFor(
							sideConfig,
							commandSignIn(sideConfig, false, io.env, stderr),
							clientHooks(sideConfig),
						);
					})();
					sides.set(profile, side);
				}
				return side;
			},
			flags: parsed.flags,
			json: data,
			dryRun,
			// Human output may quote names from Graph: every line is stripped of control sequences on the way out.
			stdout: data ? io.stdout : (text) => io.stdout(sanitizeLines(text)),
			stderr: (text) => io.stderr(sanitizeLines(text)),
			...(io.drained ? { drained: io.drained } : {}),
			columns: io.columns,
			// The question quotes names from Graph: it is cleaned like every other line a terminal shows.
			ask: io.ask ? (question) => io.ask?.(sanitizeLines(question)) ?? Promise.resolve('') : undefined,
			...(io.readStdin ? { readStdin: io.readStdin } : {}),
			config: getConfig,
			signIn,
			async graph() {
				const resolved = getConfig();
				client ??= graphClientFor(resolved, signIn({ interactive: false }), {
					...clientHooks(resolved),
					...(dryRun ? { dryRun: (request: PlannedRequest) => planned.push(request) } : {}),
				});
				return client;
			},
		};
		const code = await parsed.command.run(context);
		if (dryRun) {
			if (data) printJson(context, plannedJson(planned));
			// The curl lines trust the same CA file the command did, so they run as printed.
			else {
				const caFile = getConfig().caFile;
				io.stdout(sanitizeLines(plannedText(planned, { caFile: caFile ? resolvePath(caFile) : undefined })));
			}
		}
		return code ?? exitCodes.ok;
	} catch (error) {
		return reportError(error, io.stderr, json);
	}
}

/** A command's sign-in: only `login` (interactive) shows a device code; the others say to run it. */
function commandSignIn(
	config: Config,
	interactive: boolean,
	env: NodeJS.ProcessEnv,
	stderr: (text: string) => void,
): SignInProvider {
	// A managed identity or the Azure CLI knows its own tenant; every other sign-in must be told.
	if (!config.accessToken && !config.tenant && !config.managedIdentity && !config.useAzureCli) {
		throw new AuthError(
			'not-signed-in',
			'No tenant is configured.',
			'Run `entra-flows login --tenant <tenant id or domain>` (or set AZURE_TENANT_ID); to try the tool offline run `entra-flows --demo`.',
		);
	}
	return tokenProviderFor(config, {
		env,
		onDeviceCode: interactive ? (info) => stderr(`${info.message}\n`) : undefined,
		onWarning: (text) => stderr(`warning: ${text}\n`),
	});
}
