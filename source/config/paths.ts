import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where entra-flows keeps its files, following the XDG base directory spec. */
export type ConfigPaths = {
	/** Settings such as the saved profile: $XDG_CONFIG_HOME/entra-flows. */
	readonly configDir: string;
	/** Token cache and other state: $XDG_STATE_HOME/entra-flows. */
	readonly stateDir: string;
};

/** Resolves the folders from the environment; relative XDG values are ignored, as the spec says. */
export function resolvePaths(env: NodeJS.ProcessEnv, home = homedir()): ConfigPaths {
	const base = (name: string, fallback: string) => {
		const value = env[name];
		return value?.startsWith('/') ? value : join(home, fallback);
	};
	return {
		configDir: join(base('XDG_CONFIG_HOME', '.config'), 'entra-flows'),
		stateDir: join(base('XDG_STATE_HOME', '.local/state'), 'entra-flows'),
	};
}
