// A small JSON reader that knows where things are: syntax errors come with line and column, and every value's
// line can be looked up by its path (`inputs[2].label`), so messages about a file can point into it.

/** A JSON syntax error at a line and column (both 1-based). */
export class JsonTextError extends Error {
	readonly line: number;
	readonly column: number;
	constructor(message: string, line: number, column: number) {
		super(message);
		this.name = 'JsonTextError';
		this.line = line;
		this.column = column;
	}
}

/** A parsed document and where its values are. */
export type JsonText = {
	readonly value: unknown;
	/** The 1-based line a value starts on, by path: `` (root), `inputs`, `inputs[2]`, `inputs[2].options[0].label`. */
	lineOf(path: string): number | undefined;
};

const numberPattern = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** How deep objects and arrays may nest: a layout needs 5 levels; far deeper is a broken or hostile file. */
export const maxJsonDepth = 64;

/** Parses JSON text (a leading byte-order mark is allowed); throws JsonTextError with the place of the fault. */
export function parseJsonText(source: string): JsonText {
	const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
	const lineStarts = [0];
	for (let index = 0; index < text.length; index++) if (text[index] === '\n') lineStarts.push(index + 1);
	const place = (position: number) => {
		let low = 0;
		let high = lineStarts.length - 1;
		while (low < high) {
			const middle = (low + high + 1) >> 1;
			if (lineStarts[middle]! <= position) low = middle;
			else high = middle - 1;
		}
		return { line: low + 1, column: position - lineStarts[low]! + 1 };
	};
	const lines = new Map<string, number>();
	let pos = 0;

	const fail = (message: string, at = pos): never => {
		const { line, column } = place(at);
		throw new JsonTextError(message, line, column);
	};
	const describe = (at: number) =>
		at >= text.length ? 'the end of the file' : `${JSON.stringify(text[at])}`;
	const skip = () => {
		while (pos < text.length && ' \t\n\r'.includes(text[pos]!)) pos++;
	};
	const expect = (char: string, what: string) => {
		skip();
		if (text[pos] !== char) fail(`expected ${what}, found ${describe(pos)}`);
		pos++;
	};

	const readString = (): string => {
		const start = pos;
		pos++;
		while (pos < text.length && text[pos] !== '"') {
			const code = text.charCodeAt(pos);
			if (code < 0x20) fail('a string cannot hold a raw line break or control character (write \\n instead)');
			pos += text[pos] === '\\' ? 2 : 1;
		}
		if (pos >= text.length) fail('this string is not closed with a double quote', start);
		pos++;
		try {
			return JSON.parse(text.slice(start, pos)) as string;
		} catch {
			return fail('this string holds an invalid escape sequence (a backslash must be doubled)', start);
		}
	};

	let depth = 0;
	const readValue = (path: string): unknown => {
		skip();
		lines.set(path, place(pos).line);
		const char = text[pos];
		if ((char === '{' || char === '[') && depth >= maxJsonDepth)
			fail(`objects and arrays nest more than ${maxJsonDepth} deep here; a layout file needs 5`);
		if (char === '{' || char === '[') {
			depth++;
			try {
				return char === '{' ? readObject(path) : readArray(path);
			} finally {
				depth--;
			}
		}
		if (char === '"') return readString();
		for (const [word, value] of [
			['true', true],
			['false', false],
			['null', null],
		] as const) {
			if (text.startsWith(word, pos)) {
				pos += word.length;
				return value;
			}
		}
		numberPattern.lastIndex = pos;
		const number = numberPattern.exec(text);
		if (number) {
			pos += number[0].length;
			return Number(number[0]);
		}
		if (char === "'") return fail('strings need double quotes, not single quotes');
		return fail(`expected a value, found ${describe(pos)}`);
	};

	function readObject(path: string): Record<string, unknown> {
		const result: Record<string, unknown> = {};
		pos++;
		skip();
		if (text[pos] === '}') {
			pos++;
			return result;
		}
		for (;;) {
			skip();
			if (text[pos] !== '"') {
				fail(
					text[pos] === '}'
						? 'a comma cannot come before } (remove the trailing comma)'
						: `expected a property name in double quotes, found ${describe(pos)}`,
				);
			}
			const name = readString();
			expect(':', `':' after the property name "${name}"`);
			const value = readValue(path ? `${path}.${name}` : name);
			// defineProperty: a "__proto__" key stays an ordinary property, as JSON.parse makes it.
			Object.defineProperty(result, name, { value, enumerable: true, writable: true, configurable: true });
			skip();
			if (text[pos] === ',') {
				pos++;
				continue;
			}
			if (text[pos] === '}') {
				pos++;
				return result;
			}
			fail(`expected ',' or '}' after the value of "${name}", found ${describe(pos)}`);
		}
	}

	function readArray(path: string): unknown[] {
		const result: unknown[] = [];
		pos++;
		skip();
		if (text[pos] === ']') {
			pos++;
			return result;
		}
		for (;;) {
			skip();
			if (text[pos] === ']') fail('a comma cannot come before ] (remove the trailing comma)');
			result.push(readValue(`${path}[${result.length}]`));
			skip();
			if (text[pos] === ',') {
				pos++;
				continue;
			}
			if (text[pos] === ']') {
				pos++;
				return result;
			}
			fail(`expected ',' or ']' after item ${result.length} of the list, found ${describe(pos)}`);
		}
	}

	skip();
	if (pos >= text.length) fail('the file is empty; it must hold one JSON object');
	const value = readValue('');
	skip();
	if (pos < text.length) fail(`unexpected text after the end of the JSON value: ${describe(pos)}`);
	return { value, lineOf: (path) => lines.get(path) };
}
