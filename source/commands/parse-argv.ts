import { parseArgs } from 'node:util';
import { type Command, type FlagSpec, type FlagValues, UsageError } from './command.js';
import { globalFlags } from './global-flags.js';
import { checkOutputFlags } from './output.js';
import { commands, findCommand } from './registry.js';
import { didYouMean, distance, near } from './suggest.js';

/** The result of reading argv once. */
export type ParsedArgv = {
	readonly command?: Command;
	readonly args: readonly string[];
	readonly flags: FlagValues;
};

type ParseArgsOptions = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

function optionsFor(specs: readonly FlagSpec[]): ParseArgsOptions {
	const options: NonNullable<ParseArgsOptions> = {};
	for (const spec of specs) {
		options[spec.name] = {
			type: spec.type,
			multiple: spec.multiple ?? false,
			...(spec.short ? { short: spec.short } : {}),
		};
	}
	return options;
}

/** Extra flags only the keyboard app reads (no command). */
export const appFlags: readonly FlagSpec[] = [
	{
		name: 'demo',
		type: 'boolean',
		description: 'run against the built-in offline demo tenants (contoso and fabrikam, @ switches)',
	},
];

/** Reads argv: finds the command, checks its flags and the number of its arguments. */
export function parseArgv(argv: readonly string[]): ParsedArgv {
	const everyFlag = new Map<string, FlagSpec>();
	for (const spec of [...globalFlags, ...appFlags, ...commands.flatMap((command) => command.flags ?? [])]) {
		everyFlag.set(spec.name, spec);
	}
	let parsed: ReturnType<typeof parseArgs>;
	try {
		parsed = parseArgs({
			args: normalizeSwitches(argv, everyFlag),
			options: optionsFor([...everyFlag.values()]),
			allowPositionals: true,
			strict: true,
		});
	} catch (error) {
		throw new UsageError(parseProblem(error as Error & { code?: string }, everyFlag));
	}
	const words = parsed.positionals;
	const found = findCommand(words);
	if (!found) {
		if (words.length === 0) {
			checkOutputFlags(parsed.values);
			return { args: [], flags: parsed.values as FlagValues };
		}
		const group = groupOf(words[0] ?? '');
		// `flows --help` shows the verbs; `flows` alone names them rather than calling the group unknown.
		if (group && words.length === 1 && parsed.values.help === true)
			return { command: group.command, args: [], flags: parsed.values as FlagValues };
		if (group && words.length === 1) {
			throw new UsageError(
				`"${words[0]}" needs one of: ${group.verbs.join(', ')}. E.g. \`entra-flows ${words[0]} ${group.verbs[0]}\`.`,
			);
		}
		throw new UsageError(unknownCommand(words));
	}
	const allowed = new Set([...globalFlags, ...(found.command.flags ?? [])].map((spec) => spec.name));
	for (const name of Object.keys(parsed.values)) {
		if (!allowed.has(name)) {
			const path = found.command.path.join(' ');
			throw new UsageError(
				`"${path}" has no --${name} flag.${didYouMean(name, [...allowed], (flag) => `--${flag}`)} See \`entra-flows ${path} --help\`.`,
			);
		}
	}
	checkOutputFlags(parsed.values);
	const [min, max] = found.command.arity;
	if (parsed.values.help !== true && (found.args.length < min || found.args.length > max)) {
		throw new UsageError(
			`${arityProblem(found.command, found.args)} Usage: entra-flows ${found.command.usage}`,
		);
	}
	return { command: found.command, args: found.args, flags: parsed.values as FlagValues };
}

/** A first word that only groups verbs (`flows`, `tenant`): a stand-in command whose --help lists them. */
function groupOf(word: string): { command: Command; verbs: string[] } | undefined {
	const verbs = commands
		.filter((command) => command.path[0] === word && command.path.length > 1)
		.map((command) => command.path.slice(1).join(' '));
	if (verbs.length === 0) return undefined;
	const command: Command = {
		path: [word],
		usage: `${word} <${[...new Set(verbs.map((verb) => verb.split(' ')[0]))].join('|')}>`,
		summary: `The ${word} commands; each has its own --help.`,
		arity: [0, 0],
		async run() {
			throw new UsageError(`"${word}" needs one of: ${verbs.join(', ')}.`);
		},
	};
	return { command, verbs };
}

/** Unknown words, with the command most likely meant: `flows lsit` → `flows list`, `flwos list` → `flows list`. */
function unknownCommand(words: readonly string[]): string {
	const typed = words.join(' ');
	const known = commands.map((command) => command.path.join(' '));
	const group = groupOf(words[0] ?? '');
	// Compare as many words as each command has, so the arguments after the verb do not count as typos; of the
	// commands near enough, the longest (most words) and then the nearest wins.
	let best: { path: string; size: number; edits: number } | undefined;
	for (const path of known) {
		const meant = path.split(' ');
		const said = words.slice(0, meant.length);
		if (said.length < meant.length) continue;
		const each = meant.map((word, index) => distance((said[index] ?? '').toLowerCase(), word));
		if (!each.every((edits, index) => near(said[index] ?? '', edits))) continue;
		const edits = each.reduce((sum, value) => sum + value, 0);
		if (!best || meant.length > best.size || (meant.length === best.size && edits < best.edits))
			best = { path, size: meant.length, edits };
	}
	const hint = best ? ` Did you mean \`entra-flows ${best.path}\`?` : '';
	const verbs = group ? ` "${words[0]}" takes ${group.verbs.join(', ')}.` : '';
	return `Unknown command "${typed}".${hint || verbs}${hint ? '' : ' See `entra-flows --help` for the list.'}`;
}

/** What is wrong with the number of words: which placeholder is missing, or which words are extra. */
function arityProblem(command: Command, args: readonly string[]): string {
	const placeholders = command.usage.match(/<[^>]+>/g) ?? [];
	const [min, max] = command.arity;
	if (args.length < min) return `Missing ${placeholders.slice(args.length, min).join(' ') || 'an argument'}.`;
	const extra = args.slice(max).map((word) => `"${word}"`);
	const path = command.path.join(' ');
	const verbs = commands
		.filter(
			(other) => other.path.length === command.path.length + 1 && other.path.join(' ').startsWith(`${path} `),
		)
		.map((other) => other.path.at(-1));
	if (max === 0 && verbs.length > 0)
		return `Unknown ${extra[0]}: "${path}" takes ${verbs.join(', ')}, or nothing.`;
	if (max === 0)
		return `Unexpected ${extra.join(' ')}: a flag's value with spaces needs quotes, as in \`--name "Two words"\`.`;
	// The usual cause: a display name with spaces, not quoted. Show the command as it was meant.
	const nameWords = args.length - max + 1;
	const meant = [`"${args.slice(0, nameWords).join(' ')}"`, ...args.slice(nameWords)].join(' ');
	return `Unexpected ${extra.join(' ')}: a name with spaces needs quotes, as in \`entra-flows ${path} ${meant}\`.`;
}

const switchValues: Readonly<Record<string, boolean>> = {
	true: true,
	on: true,
	yes: true,
	false: false,
	off: false,
	no: false,
};

/**
 * Switches as people write them: `--sign-up off`, `--sign-up=false`, `--move=true`. On stays the bare flag;
 * off becomes its declared `--no-…` twin, or is dropped (off is every switch's default). Anything else after
 * `=` is refused, saying the flag is a switch.
 */
function normalizeSwitches(argv: readonly string[], flags: ReadonlyMap<string, FlagSpec>): string[] {
	const out: string[] = [];
	const isSwitch = (name: string) => flags.get(name)?.type === 'boolean';
	const setTo = (name: string, on: boolean) => {
		if (on) out.push(`--${name}`);
		else if (isSwitch(`no-${name}`)) out.push(`--no-${name}`);
		else if (name.startsWith('no-') && isSwitch(name.slice(3))) out.push(`--${name.slice(3)}`);
	};
	for (let index = 0; index < argv.length; index++) {
		const word = argv[index] ?? '';
		const assigned = /^--([\w-]+)=(.*)$/s.exec(word);
		if (assigned?.[1] && isSwitch(assigned[1])) {
			const value = switchValues[(assigned[2] ?? '').toLowerCase()];
			if (value === undefined) throw new UsageError(switchProblem(assigned[1], flags));
			setTo(assigned[1], value);
			continue;
		}
		const bare = /^--([\w-]+)$/.exec(word)?.[1];
		const next = switchValues[(argv[index + 1] ?? '').toLowerCase()];
		if (bare && isSwitch(bare) && next !== undefined && !bare.startsWith('no-')) {
			setTo(bare, next);
			index++;
			continue;
		}
		out.push(word);
	}
	return out;
}

/** Why a value after a switch is wrong, and how to write it. */
function switchProblem(name: string, flags: ReadonlyMap<string, FlagSpec>): string {
	const negation = flags.get(`no-${name}`) ? ` or --no-${name}` : '';
	return `--${name} is a switch: give --${name}${negation} (or --${name} on|off).`;
}

/** node:util's parse error in our words: a flag given without its value, or one nobody knows. */
function parseProblem(error: Error & { code?: string }, flags: ReadonlyMap<string, FlagSpec>): string {
	const flag = /Option '(?:-\w, )?--([\w-]+)/.exec(error.message)?.[1];
	if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && flag && flags.get(flag)?.type === 'boolean')
		return switchProblem(flag, flags);
	if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && flag) {
		const value = flags.get(flag)?.value ?? 'VALUE';
		return `--${flag} needs a value, as in \`--${flag} ${value}\` (quote a value with spaces).`;
	}
	const unknown = /^Unknown option '(-{1,2}[^']+)'/.exec(error.message)?.[1];
	if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown) {
		const guess = didYouMean(unknown.replace(/^-+/, ''), [...flags.keys()], (name) => `--${name}`);
		return `Unknown flag ${unknown}.${guess} See \`entra-flows --help\`.`;
	}
	return `${error.message.replace(/\. To specify a positional.*$/s, '.')} See \`entra-flows --help\`.`;
}
