import { badRequest } from './errors.js';
import type { Json, JsonObject } from './types.js';

/** A lambda target: the accepted URL path spellings and where the items sit in the filter view. */
export type FilterCollection = { paths: string[][]; key: string; properties: string[] };

/** What a collection can be filtered on. Property names match case-insensitively. */
export type FilterSchema = {
	typeName: string;
	properties: string[];
	collections: FilterCollection[];
	/** Properties that also take ge, gt, le and lt (directory objects mostly take eq and ne only). */
	ordered?: string[];
};

/** A compiled filter over a view object. */
export type Predicate = (view: JsonObject) => boolean;

type Token = { kind: 'word' | 'string' | 'number' | 'punct' | 'end'; text: string; value: Json; at: number };
type Scope = { variable: string; collection: FilterCollection } | null;
type Eval = (root: JsonObject, item: JsonObject | null) => boolean;

const wordPattern = /^[A-Za-z_$@][A-Za-z0-9_.$@]*(?:\/[A-Za-z_$@][A-Za-z0-9_.$@]*)*/;

function tokenize(text: string): Token[] {
	const tokens: Token[] = [];
	let at = 0;
	while (at < text.length) {
		const char = text[at]!;
		if (/\s/.test(char)) {
			at++;
			continue;
		}
		if ('(),:'.includes(char)) {
			tokens.push({ kind: 'punct', text: char, value: char, at });
			at++;
			continue;
		}
		if (char === "'") {
			// OData doubles a quote inside a literal: 'O''Brien' is O'Brien.
			let value = '';
			let end = at + 1;
			for (;;) {
				if (end >= text.length) throw syntax(`unterminated string literal at position ${at}`);
				if (text[end] === "'") {
					if (text[end + 1] === "'") {
						value += "'";
						end += 2;
						continue;
					}
					break;
				}
				value += text[end];
				end++;
			}
			tokens.push({ kind: 'string', text: text.slice(at, end + 1), value, at });
			at = end + 1;
			continue;
		}
		// OData writes DateTimeOffset literals unquoted: activityDateTime ge 2026-01-01T00:00:00Z.
		const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})/.exec(text.slice(at));
		if (instant) {
			tokens.push({ kind: 'string', text: instant[0], value: instant[0], at });
			at += instant[0].length;
			continue;
		}
		const number = /^-?\d+(\.\d+)?/.exec(text.slice(at));
		if (number) {
			tokens.push({ kind: 'number', text: number[0], value: Number(number[0]), at });
			at += number[0].length;
			continue;
		}
		const word = wordPattern.exec(text.slice(at));
		if (!word) throw syntax(`unexpected character '${char}' at position ${at}`);
		tokens.push({ kind: 'word', text: word[0], value: word[0], at });
		at += word[0].length;
	}
	tokens.push({ kind: 'end', text: '', value: null, at });
	return tokens;
}

function syntax(detail: string) {
	return badRequest(`Invalid filter clause: ${detail}.`);
}

const lower = (value: string) => value.toLowerCase();

function equal(left: Json | undefined, right: Json): boolean {
	// Directory-style string comparison is case-insensitive.
	if (typeof left === 'string' && typeof right === 'string') return lower(left) === lower(right);
	return (left ?? null) === right;
}

const ordering: Readonly<Record<string, (sign: number | undefined) => boolean>> = {
	ge: (sign) => sign !== undefined && sign >= 0,
	gt: (sign) => sign !== undefined && sign > 0,
	le: (sign) => sign !== undefined && sign <= 0,
	lt: (sign) => sign !== undefined && sign < 0,
};

// Numbers by value, instants by time (any offset), other strings not at all: undefined matches nothing.
function compare(left: Json | undefined, right: Json): number | undefined {
	if (typeof left === 'number' && typeof right === 'number') return Math.sign(left - right);
	if (typeof left !== 'string' || typeof right !== 'string') return undefined;
	const a = Date.parse(left);
	const b = Date.parse(right);
	return Number.isNaN(a) || Number.isNaN(b) ? undefined : Math.sign(a - b);
}

class Parser {
	readonly #tokens: Token[];
	readonly schema: FilterSchema;
	#index = 0;

	constructor(text: string, schema: FilterSchema) {
		this.#tokens = tokenize(text);
		this.schema = schema;
	}

	parse(): Eval {
		const result = this.#or(null);
		const rest = this.#peek();
		if (rest.kind !== 'end') throw syntax(`unexpected '${rest.text}' at position ${rest.at}`);
		return result;
	}

	#peek(): Token {
		return this.#tokens[this.#index]!;
	}

	#next(): Token {
		const token = this.#tokens[this.#index]!;
		if (token.kind !== 'end') this.#index++;
		return token;
	}

	#isWord(text: string): boolean {
		const token = this.#peek();
		return token.kind === 'word' && lower(token.text) === text;
	}

	#expect(text: string): void {
		const token = this.#next();
		if (token.text !== text) throw syntax(`expected '${text}' at position ${token.at}`);
	}

	#or(scope: Scope): Eval {
		let left = this.#and(scope);
		while (this.#isWord('or')) {
			this.#next();
			const right = this.#and(scope);
			const first = left;
			left = (root, item) => first(root, item) || right(root, item);
		}
		return left;
	}

	#and(scope: Scope): Eval {
		let left = this.#unary(scope);
		while (this.#isWord('and')) {
			this.#next();
			const right = this.#unary(scope);
			const first = left;
			left = (root, item) => first(root, item) && right(root, item);
		}
		return left;
	}

	#unary(scope: Scope): Eval {
		if (this.#isWord('not')) {
			this.#next();
			const inner = this.#unary(scope);
			return (root, item) => !inner(root, item);
		}
		const token = this.#peek();
		if (token.kind === 'punct' && token.text === '(') {
			this.#next();
			const inner = this.#or(scope);
			this.#expect(')');
			return inner;
		}
		if (token.kind !== 'word') throw syntax(`expected a property at position ${token.at}`);
		this.#next();
		const name = lower(token.text);
		if (['startswith', 'endswith', 'contains'].includes(name) && this.#peek().text === '(') {
			return this.#stringFunction(name, scope);
		}
		const segments = token.text.split('/');
		const last = lower(segments.at(-1)!);
		if ((last === 'any' || last === 'all') && this.#peek().text === '(') {
			return this.#lambda(segments.slice(0, -1), last, scope);
		}
		const read = this.#property(segments, scope);
		const op = this.#next();
		const opName = lower(op.text);
		const orderable = (this.schema.ordered ?? []).some((name) => lower(name) === lower(token.text));
		const operators = orderable ? ['eq', 'ne', ...Object.keys(ordering)] : ['eq', 'ne'];
		if (op.kind !== 'word' || !operators.includes(opName)) {
			throw syntax(
				orderable
					? `expected 'eq', 'ne', 'ge', 'gt', 'le' or 'lt' at position ${op.at}`
					: `expected 'eq' or 'ne' at position ${op.at}`,
			);
		}
		const value = this.#literal();
		const order = ordering[opName];
		if (order) return (root, item) => order(compare(read(root, item), value));
		return opName === 'eq'
			? (root, item) => equal(read(root, item), value)
			: (root, item) => !equal(read(root, item), value);
	}

	#stringFunction(name: string, scope: Scope): Eval {
		this.#expect('(');
		const target = this.#next();
		if (target.kind !== 'word') throw syntax(`expected a property at position ${target.at}`);
		const read = this.#property(target.text.split('/'), scope);
		this.#expect(',');
		const value = this.#literal();
		this.#expect(')');
		if (typeof value !== 'string') throw syntax(`${name} needs a string literal`);
		const needle = lower(value);
		return (root, item) => {
			const actual = read(root, item);
			if (typeof actual !== 'string') return false;
			const hay = lower(actual);
			if (name === 'startswith') return hay.startsWith(needle);
			if (name === 'endswith') return hay.endsWith(needle);
			return hay.includes(needle);
		};
	}

	#lambda(segments: string[], kind: string, scope: Scope): Eval {
		if (scope) throw syntax('nested lambda expressions are not supported');
		const wanted = segments.map(lower).join('/');
		const collection = this.schema.collections.find((candidate) =>
			candidate.paths.some((path) => path.map(lower).join('/') === wanted),
		);
		if (!collection) {
			throw badRequest(
				`Could not find a collection named '${segments.join('/')}' on type '${this.schema.typeName}'. Use the documented type-cast path.`,
			);
		}
		this.#expect('(');
		const variable = this.#next();
		if (variable.kind !== 'word' || variable.text.includes('/')) {
			throw syntax(`expected a range variable at position ${variable.at}`);
		}
		this.#expect(':');
		const body = this.#or({ variable: variable.text, collection });
		this.#expect(')');
		const items = (root: JsonObject): JsonObject[] => {
			const value = root[collection.key];
			return Array.isArray(value) ? (value as JsonObject[]) : [];
		};
		return kind === 'any'
			? (root) => items(root).some((item) => body(root, item))
			: (root) => items(root).every((item) => body(root, item));
	}

	#property(
		segments: string[],
		scope: Scope,
	): (root: JsonObject, item: JsonObject | null) => Json | undefined {
		if (scope) {
			const [head = '', property, ...rest] = segments;
			if (head !== scope.variable || property === undefined || rest.length > 0) {
				throw syntax(
					`expected '${scope.variable}/<property>' inside the lambda, got '${segments.join('/')}'`,
				);
			}
			const name = scope.collection.properties.find((candidate) => lower(candidate) === lower(property));
			if (!name) throw unknownProperty(property, scope.collection.key);
			return (_root, item) => item?.[name];
		}
		const joined = segments.join('/');
		const name = this.schema.properties.find((candidate) => lower(candidate) === lower(joined));
		if (!name) throw unknownProperty(joined, this.schema.typeName);
		return (root) => root[name];
	}

	#literal(): Json {
		const token = this.#next();
		if (token.kind === 'string' || token.kind === 'number') return token.value;
		if (token.kind === 'word') {
			const word = lower(token.text);
			if (word === 'true') return true;
			if (word === 'false') return false;
			if (word === 'null') return null;
		}
		throw syntax(`expected a literal at position ${token.at}`);
	}
}

function unknownProperty(name: string, typeName: string) {
	return badRequest(`Could not find a property named '${name}' on type '${typeName}'.`);
}

/** Compiles a `$filter` value against a schema; throws a 400 GraphError on any problem. */
export function parseFilter(text: string, schema: FilterSchema): Predicate {
	if (text.trim() === '') throw syntax('the expression is empty');
	const evaluate = new Parser(text, schema).parse();
	return (view) => evaluate(view, null);
}
