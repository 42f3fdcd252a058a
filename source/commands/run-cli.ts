import { readFileSync } from 'node:fs';
import type { TokenProvider } from '../auth/token-provider.js';
import { type Config, ConfigError, resolveConfig } from '../config/config.js';
import { createGraphClient, type GraphClient } from '../graph/graph-client.js';
import { type CommandContext, CommandFailure, type FlagValues } from './command.js';
import { commandHelp, mainHelp } from './help.js';
import { parseArgv } from './parse-argv.js';
import { exitCodes, reportError } from './report-error.js';
import { retryLine, verboseLine } from './verbose-log.js';

/** What the command runner needs from the outside world; cli.tsx passes the real process. */
export type CliIo = {
	readonly argv: readonly string[];
	readonly env: NodeJS.ProcessEnv;
	readonly version: string;
	readonly stdout: (text: string) => void;
	readonly stderr: (text: string) => void;
	readonly ask?: (question: string) => Promise<string>;
	/** Builds the token provider for a config; injected so sign-in stays out of this module. */
	readonly tokenProvider?: (config: Config, flags: FlagValues) => Promise<TokenProvider>;
	/** Runs the keyboard app when no command is given. */
	readonly runApp?: (flags: FlagValues) => Promise<number>;
};

function accessTokenProvider(config: Config): TokenProvider {
	return {
		async getToken() {
			if (!config.accessToken) {
				throw new CommandFailure(
					'Not signed in.',
					'Run `entra-flows login`, or pass a token with ENTRA_FLOWS_ACCESS_TOKEN (or --access-token).',
				);
			}
			return config.accessToken;
		},
	};
}

/** Reads argv once, runs one command, and returns the exit code. */
export async function runCli(io: CliIo): Promise<number> {
	let json = false;
	try {
		const parsed = parseArgv(io.argv);
		json = parsed.flags.json === true;
		if (parsed.flags.version === true) {
			io.stdout(`${io.version}\n`);
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
		const config = resolveConfig(parsed.flags, io.env);
		let client: GraphClient | undefined;
		const context: CommandContext = {
			args: parsed.args,
			flags: parsed.flags,
			json,
			stdout: io.stdout,
			stderr: io.stderr,
			ask: io.ask,
			async graph() {
				client ??= createGraphClient({
					baseUrl: config.graphUrl,
					tokenProvider: io.tokenProvider
						? await io.tokenProvider(config, parsed.flags)
						: accessTokenProvider(config),
					userAgent: `entra-flows/${io.version}`,
					ca: readCaFile(parsed.flags['ca-file']),
					onExchange: config.verbose ? (record) => io.stderr(verboseLine(record)) : undefined,
					onRetry: (notice) => io.stderr(retryLine(notice)),
				});
				return client;
			},
		};
		await parsed.command.run(context);
		return exitCodes.ok;
	} catch (error) {
		return reportError(error, io.stderr, json);
	}
}

function readCaFile(path: unknown): string | undefined {
	if (typeof path !== 'string') return undefined;
	try {
		return readFileSync(path, 'utf8');
	} catch (error) {
		throw new ConfigError(
			`Cannot read --ca-file ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`,
		);
	}
}
