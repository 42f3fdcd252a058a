import { loadMsal } from '../auth/session.js';
import type { FlagValues } from '../commands/command.js';
import { resolveConfig } from '../config/config.js';
import { loadGot } from '../graph/transport.js';
import { buildAppDeps, type WiringIo } from './app-deps.js';
import { startDemoTenants } from './demo-tenants.js';
import { demoSwitch, profileSwitch } from './tenant-switch.js';

/** Ink, React and the app's screens: loaded once this module has started what can run beside them. */
const loadInk = () => import('../ui/run-app.js');

/** A tenant given on the command line is remembered like one typed on the Start screen, cached sign-in or not. */
export function rememberFromFlags(flags: FlagValues): { rememberTenant: boolean; rememberCached: boolean } {
	const given = typeof flags.tenant === 'string' && flags.tenant.trim() !== '';
	return { rememberTenant: given, rememberCached: given };
}

/** Builds the dependencies from flags and environment, then runs the keyboard app; returns the exit code. */
export async function runKeyboardApp(flags: FlagValues, io: WiringIo): Promise<number> {
	// A dumb terminal cannot move the cursor or switch screens: refused as having no terminal, before anything starts.
	if (io.env.TERM === 'dumb') {
		const { appExitCodes, noTerminalMessage } = await loadInk();
		process.stderr.write(noTerminalMessage('TERM=dumb cannot draw it'));
		return appExitCodes.noTerminal;
	}
	const exitAfterFirstFrame = io.env.ENTRA_FLOWS_EXIT_AFTER_FIRST_FRAME === '1';
	if (flags.demo === true) {
		// Two demo tenants offered as profiles, so export in one and apply in the other works offline. The first
		// tenant's emulator thread starts first: it boots on the other core while Ink, React and the app load here.
		const starting = startDemoTenants(io, {
			...(io.env.ENTRA_FLOWS_DEMO_STATE_DIR ? { stateDir: io.env.ENTRA_FLOWS_DEMO_STATE_DIR } : {}),
		});
		const ink = loadInk();
		// The demo signs in and lists right after its first frame: msal-node and got load behind Ink.
		void Promise.allSettled([loadMsal(), loadGot()]);
		const [{ runApp }, demo] = await Promise.all([ink, starting]);
		try {
			return await runApp({ ...(await demoSwitch(demo)), tmux: Boolean(io.env.TMUX), exitAfterFirstFrame });
		} finally {
			await demo.close();
		}
	}
	const { runApp } = await loadInk();
	const first = buildAppDeps(resolveConfig(flags, io.env, { warn: io.warn }), io, rememberFromFlags(flags));
	return runApp({ ...(await profileSwitch(flags, io, first)), exitAfterFirstFrame });
}
