import { compile, search } from '@jmespath-community/jmespath';
import { colorJson } from '../text/color-json.js';
import { dataTable, dataTsv } from '../text/data-table.js';
import { safeJson } from '../text/safe-json.js';
import { safeYaml } from '../text/safe-yaml.js';
import { UsageError } from './errors.js';
import { didYouMean } from './suggest.js';

/** The forms -o can print data in, as az names them. */
export const outputFormats = ['json', 'jsonc', 'yaml', 'table', 'tsv', 'none'] as const;
export type OutputFormat = (typeof outputFormats)[number];

type Flags = Readonly<Record<string, unknown>>;

/**
 * The form the data is printed in; undefined means sentences and tables for people (no -o, --json or
 * --query). --json is -o json; a --query alone prints JSON, as az's default output does.
 */
export function outputFormat(flags: Flags): OutputFormat | undefined {
	const output = flags.output;
	if (typeof output === 'string') return output as OutputFormat;
	if (flags.json === true || typeof flags.query === 'string') return 'json';
	return undefined;
}

/** Whether stderr carries JSON lines (notices, the error): under -o json and --json, for scripts. */
export function jsonOnStderr(flags: Flags): boolean {
	return outputFormat(flags) === 'json';
}

/** Whether argv asks for JSON, read before parsing so that even a usage error reaches a script as JSON. */
export function jsonAsked(argv: readonly string[]): boolean {
	return argv.some(
		(word, index) =>
			word === '--json' ||
			word === '--output=json' ||
			word === '-ojson' ||
			((word === '-o' || word === '--output') && argv[index + 1] === 'json'),
	);
}

/** Checks -o and --query before anything runs: a typo in either costs no sign-in and no request. */
export function checkOutputFlags(flags: Flags): void {
	const output = flags.output;
	if (typeof output === 'string') {
		if (!(outputFormats as readonly string[]).includes(output))
			throw new UsageError(
				`-o/--output takes ${outputFormats.join(', ')}; not "${output}".${didYouMean(output, outputFormats)}`,
			);
		if (flags.json === true && output !== 'json')
			throw new UsageError(`--json is -o json: give one of --json and -o ${output}, not both.`);
	}
	const query = flags.query;
	if (typeof query === 'string') {
		try {
			compile(query);
		} catch (error) {
			throw new UsageError(
				`--query is not a JMESPath expression: ${(error as Error).message}. E.g. --query "[].{name: displayName, id: id}".`,
			);
		}
	}
}

function applyQuery(value: unknown, query: string | undefined): unknown {
	if (query === undefined) return value;
	// The data as JSON has it (no undefined, dates as text): what the expression sees is what -o json shows.
	const data = JSON.parse(JSON.stringify(value ?? null));
	try {
		return search(data, query);
	} catch (error) {
		throw new UsageError(`--query "${query}" failed on this command's data: ${(error as Error).message}.`);
	}
}

/** True when the data goes out as plain JSON, untouched by a query: it can then be printed as it arrives. */
export function streamsAsJson(flags: Flags): boolean {
	return (outputFormat(flags) ?? 'json') === 'json' && typeof flags.query !== 'string';
}

/** The data as -o and --query ask, ready for stdout (ends with a line break unless it is empty). */
export function renderData(value: unknown, flags: Flags, columns?: number): string {
	const format = outputFormat(flags) ?? 'json';
	if (format === 'none') return '';
	const data = applyQuery(value, typeof flags.query === 'string' ? flags.query : undefined);
	switch (format) {
		case 'jsonc':
			return `${colorJson(data)}\n`;
		case 'yaml':
			return safeYaml(data);
		case 'table':
			return dataTable(data, columns);
		case 'tsv':
			return dataTsv(data);
		default:
			return `${safeJson(data, 2)}\n`;
	}
}
