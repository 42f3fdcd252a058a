// Named profiles: one tenant each, with its own sign-in, so one command can plan, apply or diff across tenants.
import { readProfile } from '../config/profile.js';
import {
	defaultProfileName,
	profileNameProblem,
	readProfiles,
	removeProfileState,
	writeProfiles,
} from '../config/profiles.js';
import { formatTable } from '../text/table.js';
import {
	type Command,
	type CommandContext,
	CommandFailure,
	printJson,
	stringFlag,
	UsageError,
} from './command.js';

// The folders only: a profile command must work before any tenant is configured.
const where = (context: CommandContext) => context.paths();

const add: Command = {
	path: ['profiles', 'add'],
	usage:
		'profiles add <name> --tenant T [--client-id ID] [--graph-url URL] [--authority-host URL] [--ca-file FILE] [--cloud NAME]',
	summary: 'Save a named tenant (sign in to it with `login --profile NAME`); it keeps its own token cache.',
	arity: [1, 1],
	async run(context) {
		const name = context.args[0] ?? '';
		const problem = profileNameProblem(name);
		if (problem) throw new UsageError(problem);
		const tenant = stringFlag(context.flags, 'tenant');
		if (!tenant) throw new UsageError(`profiles add needs --tenant (the tenant id or domain of "${name}").`);
		const { configDir } = where(context);
		const file = readProfiles(configDir, context.stderr);
		const profile = {
			tenant,
			...optional(context, 'client-id', 'clientId'),
			...optional(context, 'graph-url', 'graphUrl'),
			...optional(context, 'authority-host', 'authorityHost'),
			...optional(context, 'ca-file', 'caFile'),
			...optional(context, 'cloud', 'cloud'),
		};
		const replaced = name in file.profiles;
		writeProfiles(configDir, { ...file, profiles: { ...file.profiles, [name]: profile } });
		if (context.json) return printJson(context, { name, ...profile });
		context.stdout(
			`${replaced ? 'Replaced' : 'Added'} profile "${name}" (tenant ${tenant}). Sign in with \`entra-flows login --profile ${name}\`; use it with --profile ${name} or @${name}.\n`,
		);
	},
};

function optional(context: CommandContext, flag: string, key: string): Record<string, string> {
	const value = stringFlag(context.flags, flag);
	return value ? { [key]: value } : {};
}

const list: Command = {
	path: ['profiles', 'list'],
	usage: 'profiles list',
	summary: 'List the profiles: name, tenant, Graph URL; * marks the one commands use without --profile.',
	arity: [0, 0],
	async run(context) {
		const { configDir } = where(context);
		const file = readProfiles(configDir, context.stderr);
		const saved = readProfile(configDir, context.stderr);
		const rows = [
			...(saved.tenant ? [{ name: defaultProfileName, ...saved }] : []),
			...Object.entries(file.profiles).map(([name, profile]) => ({ name, ...profile })),
		].map((row) => ({ ...row, current: (file.current ?? defaultProfileName) === row.name }));
		if (context.json) return printJson(context, rows);
		if (rows.length === 0)
			return context.stdout('No profiles yet. Add one with `entra-flows profiles add NAME --tenant T`.\n');
		context.stdout(
			`${formatTable(
				rows,
				[
					{ header: '', value: (row) => (row.current ? '*' : '') },
					{ header: 'NAME', value: (row) => row.name },
					{ header: 'TENANT', value: (row) => row.tenant ?? '' },
					{ header: 'GRAPH', value: (row) => row.graphUrl ?? '(global cloud)' },
				],
				context.columns,
			)}\n`,
		);
	},
};

const use: Command = {
	path: ['profiles', 'use'],
	usage: 'profiles use <name>',
	summary: `Make commands use this profile when no --profile is given (\`${defaultProfileName}\`: the one \`login\` saved).`,
	arity: [1, 1],
	async run(context) {
		const name = context.args[0] ?? '';
		const { configDir } = where(context);
		const file = readProfiles(configDir, context.stderr);
		if (name !== defaultProfileName && !file.profiles[name])
			throw new CommandFailure(
				`No profile named "${name}".`,
				`Known: ${[defaultProfileName, ...Object.keys(file.profiles)].join(', ')}. Add it with \`entra-flows profiles add ${name} --tenant T\`.`,
			);
		const { current: _previous, ...rest } = file;
		writeProfiles(configDir, name === defaultProfileName ? rest : { ...rest, current: name });
		if (context.json) return printJson(context, { current: name });
		context.stdout(`Commands now use profile "${name}" unless --profile says otherwise.\n`);
	},
};

const remove: Command = {
	path: ['profiles', 'remove'],
	usage: 'profiles remove <name>',
	summary: 'Forget a profile and its sign-in (its token cache folder is deleted).',
	arity: [1, 1],
	async run(context) {
		const name = context.args[0] ?? '';
		const { configDir, stateDir } = where(context);
		const file = readProfiles(configDir, context.stderr);
		if (!file.profiles[name]) {
			if (context.json) return printJson(context, { removed: null });
			return context.stdout(`No profile named "${name}"; nothing to do.\n`);
		}
		const { [name]: _gone, ...profiles } = file.profiles;
		writeProfiles(configDir, {
			...(file.current && file.current !== name ? { current: file.current } : {}),
			profiles,
		});
		removeProfileState(stateDir, name);
		if (context.json) return printJson(context, { removed: name });
		context.stdout(`Removed profile "${name}" and its sign-in.\n`);
	},
};

export const profileCommands: readonly Command[] = [add, list, use, remove];
