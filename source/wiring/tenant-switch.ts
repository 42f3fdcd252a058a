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
import type { DemoTenants } from './demo-tenants.js';
import { tenantFlags, tenantVariables, without } from './run-cli.js';

/** A switch over deps built on demand, each given the switch and its own profile. */
function switchOver(
	choices: TenantSwitch['choices'],
	build: (profile: string) => AppDeps,
): { readonly tenants: TenantSwitch; depsFor(profile: string): AppDeps } {
	const built = new Map<string, AppDeps>();
	const tenants: TenantSwitch = {
		choices,
		async switchTo(profile) {
			return depsFor(profile);
		},
	};
	const depsFor = (profile: string): AppDeps => {
		let deps = built.get(profile);
		if (!deps) {
			const choice = choices.find((item) => item.profile === profile);
			deps = { ...build(profile), tenants, ...(choice ? { tenant: choice } : {}) };
			built.set(profile, deps);
		}
		return deps;
	};
	return { tenants, depsFor };
}

/** `--demo`: contoso first, fabrikam beside it. */
export function demoSwitch(demo: DemoTenants): AppDeps {
	const choices = demo.tenants.map((tenant) => ({ profile: tenant.profile, label: tenant.label }));
	const { depsFor } = switchOver(choices, (profile) => {
		const tenant = demo.tenants.find((item) => item.profile === profile);
		if (!tenant) throw new Error(`no demo tenant ${profile}`);
		return tenant.deps;
	});
	return depsFor(demo.tenants[0]?.profile ?? 'contoso');
}

/**
 * The saved profiles, when there is more than one to choose from; undefined otherwise (the app runs as before).
 * Flags and variables that name a tenant belong to the first one only: another profile takes its own.
 */
export function profileSwitch(flags: FlagValues, io: WiringIo, first: AppDeps): AppDeps {
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
