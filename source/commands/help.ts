import type { Command, FlagSpec } from './command.js';
import { type Example, examples } from './examples.js';
import { globalFlags } from './global-flags.js';
import { commands } from './registry.js';
import { exitCodeMeanings } from './report-error.js';

function flagLine(flag: FlagSpec): string {
	const name = `${flag.short ? `-${flag.short}, ` : '    '}--${flag.name}${flag.value ? ` ${flag.value}` : ''}`;
	return `  ${name.padEnd(28)} ${flag.description}`;
}

/** The top-level --help text. */
export function mainHelp(version: string): string {
	return [
		`entra-flows ${version} — manage Microsoft Entra External ID user flows through Microsoft Graph`,
		'',
		'Usage',
		'  entra-flows                 the keyboard app (needs a terminal)',
		'  entra-flows --demo          the keyboard app against the built-in offline demo tenant',
		'  entra-flows <command> [flags]',
		'',
		'Commands',
		...commands.flatMap((command) => [`  ${command.usage.split(' [')[0] ?? ''}`, `      ${command.summary}`]),
		'',
		'Global flags',
		...globalFlags.map(flagLine),
		'',
		'<flow> is a user flow id or its exact display name.',
		'Exit codes',
		...exitCodeMeanings.map(([code, meaning]) => `  ${String(code).padEnd(4)} ${meaning}`),
		'',
		'Run `entra-flows <command> --help` for its flags.',
	].join('\n');
}

/** One command's --help text. */
export function commandHelp(command: Command): string {
	return [
		`Usage: entra-flows ${command.usage}`,
		'',
		command.summary,
		...subcommandLines(command),
		...(command.flags?.length ? ['', 'Flags', ...command.flags.map(flagLine)] : []),
		'',
		'Global flags',
		...globalFlags.map(flagLine),
		...exampleLines(command),
	].join('\n');
}

/** A command's examples: the ones it carries, or its entry in examples.ts. */
export function examplesOf(command: Command): readonly Example[] {
	return command.examples ?? examples[command.path.join(' ')] ?? [];
}

function exampleLines(command: Command): string[] {
	const list = examplesOf(command);
	if (list.length === 0) return [];
	return [
		'',
		'Examples',
		...list.flatMap((example) => [`  # ${example.what}`, `  entra-flows ${example.run}`]),
	];
}

/** The longer commands under this one (`tenant attributes` → create, update, delete), so --help shows them. */
function subcommandLines(command: Command): string[] {
	const prefix = `${command.path.join(' ')} `;
	const under = commands.filter(
		(other) => other.path.length > command.path.length && `${other.path.join(' ')} `.startsWith(prefix),
	);
	if (under.length === 0) return [];
	return [
		'',
		'Also',
		...under.flatMap((other) => [`  entra-flows ${other.usage.split(' [')[0]}`, `      ${other.summary}`]),
	];
}
