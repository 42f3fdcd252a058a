import { chmodSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BoundedReadError, readBoundedFile } from '../text/bounded-file.js';

/** What `login` remembers so later commands know where to sign in. Never a secret or a token. */
export type Profile = {
	readonly tenant?: string;
	readonly cloud?: string;
	readonly clientId?: string;
	readonly authorityHost?: string;
	readonly graphUrl?: string;
	readonly caFile?: string;
	/** Signed in with read permissions only; later sign-ins ask for the same. */
	readonly readOnly?: boolean;
};

const keys: readonly (keyof Profile)[] = [
	'tenant',
	'cloud',
	'clientId',
	'authorityHost',
	'graphUrl',
	'caFile',
];

/** The profile file inside the config folder. */
export function profilePath(configDir: string): string {
	return join(configDir, 'profile.json');
}

/** The saved settings are a few hundred bytes; a file near this size is not ours. */
export const configFileLimitBytes = 1024 * 1024;

/** Reads the saved profile; a missing file is an empty profile, a broken one is reported and ignored. */
export function readProfile(configDir: string, warn: (text: string) => void): Profile {
	const path = profilePath(configDir);
	let text: string;
	try {
		text = readBoundedFile(path, configFileLimitBytes).text;
	} catch (error) {
		// Missing is the usual first run; anything else (a folder, a huge file) is said, then read as empty.
		if (!(error instanceof BoundedReadError) || error.errno !== 'ENOENT')
			warn(`ignored: ${(error as Error).message}`);
		return {};
	}
	try {
		const value = JSON.parse(text) as Record<string, unknown>;
		const profile: Record<string, string | boolean> = {};
		for (const key of keys) if (typeof value[key] === 'string') profile[key] = value[key];
		if (value.readOnly === true) profile.readOnly = true;
		return profile;
	} catch {
		warn(`ignoring ${path}: it is not valid JSON (run \`entra-flows login\` to write it again)`);
		return {};
	}
}

/** Writes the profile atomically, readable by its owner only. */
export function writeProfile(configDir: string, profile: Profile): void {
	mkdirSync(configDir, { recursive: true, mode: 0o700 });
	const path = profilePath(configDir);
	const temporary = `${path}.${process.pid}.tmp`;
	const clean = {
		...Object.fromEntries(keys.filter((key) => profile[key]).map((key) => [key, profile[key]])),
		...(profile.readOnly ? { readOnly: true } : {}),
	};
	writeFileSync(temporary, `${JSON.stringify(clean, null, 2)}\n`, { mode: 0o600 });
	chmodSync(temporary, 0o600);
	renameSync(temporary, path);
}
