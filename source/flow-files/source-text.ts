// A flow file's text, YAML or JSON, as a plain value plus where each value is: every error names its line.
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { JsonTextError, parseJsonText } from '../layout/index.js';

/** The two formats a flow file may be written in. */
export type FileFormat = 'yaml' | 'json';

/** A parsed file and where its values are. */
export type SourceText = {
	readonly value: unknown;
	/** The 1-based line of a value by path: `` (root), `name`, `attributes[2].label`. */
	lineOf(path: string): number | undefined;
};

/** A file that is not valid YAML or JSON: where and why. */
export class SyntaxProblem extends Error {
	readonly line?: number;
	constructor(message: string, line?: number) {
		super(message);
		this.name = 'SyntaxProblem';
		this.line = line;
	}
}

/** The format a file name says (`.json`; else YAML, which also reads JSON). */
export function formatOfFile(path: string): FileFormat {
	return /\.json$/i.test(path) ? 'json' : 'yaml';
}

/** Parses a file's text; throws SyntaxProblem with the line of the first fault. */
export function parseSourceText(text: string, format: FileFormat): SourceText {
	if (format === 'json') {
		try {
			return parseJsonText(text);
		} catch (error) {
			if (!(error instanceof JsonTextError)) throw error;
			throw new SyntaxProblem(`not valid JSON: ${error.message}`, error.line);
		}
	}
	return parseYaml(text);
}

/** Far deeper than a flow file goes (about six levels); deeper text is a mistake or an attack on the parser. */
const maxNesting = 64;

const tooDeep = (line: number) =>
	new SyntaxProblem(
		`not valid YAML: it nests more than ${maxNesting} deep here; a flow file needs about 6`,
		line,
	);

function parseYaml(text: string): SourceText {
	const lineCounter = new LineCounter();
	// The core schema only: no custom tags, no dates, no merge keys; aliases capped against expansion bombs.
	const document = parseDocument(text, {
		lineCounter,
		prettyErrors: false,
		uniqueKeys: true,
		schema: 'core',
		merge: false,
		strict: true,
	});
	const lineAt = (offset: number) => lineCounter.linePos(offset).line;
	const first = document.errors[0];
	if (first) {
		const reason = first.message.split('\n')[0] ?? first.message;
		if (/call stack/i.test(reason)) throw tooDeep(lineAt(first.pos[0]));
		throw new SyntaxProblem(
			`not valid YAML: ${reason.replace(/ at line \d+, column \d+:?$/, '')}`,
			lineAt(first.pos[0]),
		);
	}
	const lines = new Map<string, number>([['', 1]]);
	const record = (path: string, node: { range?: [number, number, number] | null } | null | undefined) => {
		if (node?.range) lines.set(path, lineAt(node.range[0]));
	};
	const walk = (node: unknown, path: string, depth = 0) => {
		if (depth > maxNesting) throw tooDeep(lineAt((node as Node).range?.[0] ?? 0));
		if (isMap(node)) {
			for (const pair of node.items) {
				const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
				const at = path ? `${path}.${key}` : key;
				record(at, (pair.key as Node | null) ?? (pair.value as Node | null));
				walk(pair.value, at, depth + 1);
			}
		} else if (isSeq(node)) {
			node.items.forEach((item, index) => {
				const at = `${path}[${index}]`;
				record(at, item as Node);
				walk(item, at, depth + 1);
			});
		}
	};
	walk(document.contents, '');
	let value: unknown;
	try {
		value = document.toJS({ maxAliasCount: 50 });
	} catch (error) {
		throw new SyntaxProblem(`not usable YAML: ${(error as Error).message}`);
	}
	return { value: value ?? null, lineOf: (path) => lines.get(path) };
}
