import type { FlagValues } from '../commands/command.js';
import { resolveConfig } from '../config/config.js';
import { runApp } from '../ui/run-app.js';
import { buildAppDeps, startDemoDeps, type WiringIo } from './app-deps.js';

/** A tenant given on the command line is remembered like one typed on the Start screen, cached sign-in or not. */
export function rememberFromFlags(flags: FlagValues): { rememberTenant: boolean; rememberCached: boolean } {
	const given = typeof flags.tenant === 'string' && flags.tenant.trim() !== '';
	return { rememberTenant: given, rememberCached: given };
}

/** Builds the dependencies from flags and environment, then runs the keyboard app; returns the exit code. */
export async function runKeyboardApp(flags: FlagValues, io: WiringIo): Promise<number> {
	const deps =
		flags.demo === true
			? await startDemoDeps(io)
			: buildAppDeps(resolveConfig(flags, io.env, { warn: io.warn }), io, rememberFromFlags(flags));
	return runApp({ ...deps, exitAfterFirstFrame: io.env.ENTRA_FLOWS_EXIT_AFTER_FIRST_FRAME === '1' });
}
