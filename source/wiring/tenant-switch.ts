// The tenant switcher's choices: the demo's two tenants, or the saved profiles. Each profile's deps are built
// once and kept, so switching back finds its sign-in where it was (in memory, and in its own token cache).
import type { FlagValues } from '../commands/command.js';
import { resolveConfig } from '../config/config.js';
import { resolvePaths } from '../config/paths.js';
import { readProfile } from '../config/profile.js';
import { defaultProfileName, readProfiles } from '../config/profiles.js';
import type { AppDeps, TenantSwitch } from '../store/deps.js';
import type { RequestRecorder } from '../store/requests.js';
import { buildAppDeps, type WiringIo } from './app-deps.js';
import type { DemoProfile, DemoTenants } from './demo-tenants.js';
import { tenantFlags, tenantVariables, without } from './run-cli.js';

/** A switch over deps built on demand, each given the switch and its own profile. */
function switchOver(
	choices: TenantSwitch['choices'],
	build: (profile: string) => AppDeps | Promise<AppDeps>,
): { readonly tenants: TenantSwitch; depsFor(profile: string): Promise<AppDeps> } {
	const built = new Map<string, AppDeps>();
	const tenants: TenantSwitch = { choices, switchTo: (profile) => depsFor(profile) };
	const depsFor = async (profile: string): Promise<AppDeps> => {
		const held = built.get(profile);
		if (held) return held;
		const choice = choices.find((item) => item.profile === profile);
		const deps = { ...(await build(profile)), tenants, ...(choice ? { tenant: choice } : {}) };
		// Two switches racing to build the same profile keep the first, so both find one sign-in.
		const first = built.get(profile) ?? deps;
		built.set(profile, first);
		return first;
	};
	return { tenants, depsFor };
}

/** `--demo`: contoso first, fabrikam beside it (its emulator started when first chosen). */
export function demoSwitch(demo: DemoTenants): Promise<AppDeps> {
	const known = (profile: string): profile is DemoProfile =>
		demo.choices.some((choice) => choice.profile === profile);
	const { depsFor } = switchOver(demo.choices, async (profile) => {
		if (!known(profile)) throw new Error(`There is no demo tenant "${profile}".`);
		return (await demo.tenant(profile)).deps;
	});
	return depsFor(demo.choices[0]?.profile ?? 'contoso');
}

/**
 * The saved profiles, when there is more than one to choose from; undefined otherwise (the app runs as before).
 * Flags and variables that name a tenant belong to the first one only: another profile takes its own.
 */
export async function profileSwitch(flags: FlagValues, io: WiringIo, first: AppDeps): Promise<AppDeps> {
	const paths = resolvePaths(io.env);
	const file = readProfiles(paths.configDir, io.warn);
	const named = Object.entries(file.profiles);
	const main = readProfile(paths.configDir, () => {});
	const choices = [
		...(main.tenant ? [{ profile: defaultProfileName, label: main.tenant }] : []),
		...named.map(([name, profile]) => ({ profile: name, label: profile.tenant ?? '(no tenant set)' })),
	];
	if (choices.length < 2) return first;
	const chosen =
		(typeof flags.profile === 'string' ? flags.profile : undefined) ?? file.current ?? defaultProfileName;
	const { depsFor } = switchOver(choices, (profile) =>
		profile === chosen
			? first
			: buildAppDeps(
					resolveConfig(without(flags, tenantFlags), without(io.env, tenantVariables), {
						warn: io.warn,
						profileName: profile,
					}),
					io,
					first.requests ? { requests: first.requests as RequestRecorder } : {},
				),
	);
	return depsFor(chosen);
}
