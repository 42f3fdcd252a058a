// Named profiles (`profiles add dev --tenant …`): one tenant each, with its own sign-in and token cache folder.
// They live in profiles.json beside profile.json, which stays what it was: the default profile `login` writes.

import { chmodSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BoundedReadError, readBoundedFile } from '../text/bounded-file.js';
import { configFileLimitBytes, type Profile } from './profile.js';

/** The profiles file: the named profiles and which one commands use when no --profile is given. */
export type ProfilesFile = {
	/** undefined: the default profile (profile.json). */
	readonly current?: string;
	readonly profiles: Readonly<Record<string, Profile>>;
};

/** The name that means profile.json, the profile `login` without --profile writes. */
export const defaultProfileName = 'default';

const keys = ['tenant', 'cloud', 'clientId', 'authorityHost', 'graphUrl', 'caFile'] as const;

/** Why a profile name cannot be used, or undefined. */
export function profileNameProblem(name: string): string | undefined {
	if (name === defaultProfileName)
		return `"${defaultProfileName}" is the profile \`login\` writes; choose another name`;
	if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/.test(name))
		return `"${name}" is not a profile name: letters, digits, - and _, starting with a letter or digit, at most 40`;
	return undefined;
}

export function profilesPath(configDir: string): string {
	return join(configDir, 'profiles.json');
}

/** The token cache folder of a named profile (its own sign-in), inside the state folder. */
export function profileStateDir(stateDir: string, name: string): string {
	return join(stateDir, 'profiles', name);
}

function cleanProfile(value: unknown): Profile {
	if (typeof value !== 'object' || value === null) return {};
	const source = value as Record<string, unknown>;
	const profile: Record<string, string | boolean> = {};
	for (const key of keys) if (typeof source[key] === 'string' && source[key]) profile[key] = source[key];
	if (source.readOnly === true) profile.readOnly = true;
	return profile;
}

/** Reads the profiles file; missing is none, a broken one is reported and read as none. */
export function readProfiles(configDir: string, warn: (text: string) => void): ProfilesFile {
	let text: string;
	try {
		text = readBoundedFile(profilesPath(configDir), configFileLimitBytes).text;
	} catch (error) {
		// Missing is the usual first run; anything else (a folder, a huge file) is said, then read as empty.
		if (!(error instanceof BoundedReadError) || error.errno !== 'ENOENT')
			warn(`ignored: ${(error as Error).message}`);
		return { profiles: {} };
	}
	try {
		const value = JSON.parse(text) as { current?: unknown; profiles?: unknown };
		const profiles: Record<string, Profile> = {};
		const entries =
			typeof value.profiles === 'object' && value.profiles !== null ? Object.entries(value.profiles) : [];
		for (const [name, profile] of entries)
			if (!profileNameProblem(name)) profiles[name] = cleanProfile(profile);
		const current = typeof value.current === 'string' && profiles[value.current] ? value.current : undefined;
		return { ...(current ? { current } : {}), profiles };
	} catch {
		warn(`ignoring ${profilesPath(configDir)}: it is not valid JSON (add the profiles again)`);
		return { profiles: {} };
	}
}

/** Writes the profiles file atomically, readable by its owner only, in a 0700 folder. */
export function writeProfiles(configDir: string, file: ProfilesFile): void {
	mkdirSync(configDir, { recursive: true, mode: 0o700 });
	const path = profilesPath(configDir);
	const temporary = `${path}.${process.pid}.tmp`;
	const profiles = Object.fromEntries(
		Object.entries(file.profiles).map(([name, profile]) => [name, cleanProfile(profile)]),
	);
	writeFileSync(
		temporary,
		`${JSON.stringify({ ...(file.current ? { current: file.current } : {}), profiles }, null, 2)}\n`,
		{
			mode: 0o600,
		},
	);
	chmodSync(temporary, 0o600);
	renameSync(temporary, path);
}

/** Forgets a profile's sign-in: its token cache folder goes. */
export function removeProfileState(stateDir: string, name: string): void {
	rmSync(profileStateDir(stateDir, name), { recursive: true, force: true });
}
