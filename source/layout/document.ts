// The layout file: what `layout show --json` writes and `layout set --file` reads back.
import { layoutFingerprint } from './fingerprint.js';
import { JsonTextError, parseJsonText } from './json-text.js';
import {
	canonicalInputType,
	inputFields,
	type Layout,
	type LayoutInput,
	type LayoutOption,
} from './model.js';
import type { LayoutProblem } from './validate.js';

/** One input as the file holds it: the Graph input fields plus the attribute's data type (informational). */
export type LayoutDocumentInput = {
	readonly attribute: string;
	readonly label: string;
	readonly inputType: string;
	readonly required: boolean;
	readonly hidden: boolean;
	readonly editable: boolean;
	readonly options: readonly LayoutOption[];
	readonly validationRegEx: string | null;
	readonly defaultValue: string | null;
	readonly writeToDirectory: boolean;
	/** Read from the flow's attributes; ignored when the file is read back (a data type never changes). */
	readonly dataType: string;
};

/** The file `layout show --json` prints. `base` is the fingerprint of the layout it was read from. */
export type LayoutDocument = {
	readonly flow: { readonly id: string; readonly displayName: string };
	readonly base: string;
	readonly inputs: readonly LayoutDocumentInput[];
};

/** A layout file that cannot be read: malformed JSON or the wrong shape. Says where and how to fix it. */
export class LayoutFileError extends Error {
	/** 1-based line, when known. */
	readonly line?: number;
	readonly column?: number;
	/** Path of the field at fault, e.g. `inputs[2].options`. */
	readonly path?: string;
	readonly fix: string;
	constructor(message: string, where: { line?: number; column?: number; path?: string }, fix: string) {
		super(message);
		this.name = 'LayoutFileError';
		this.line = where.line;
		this.column = where.column;
		this.path = where.path;
		this.fix = fix;
	}
}

/** A layout file whose shape is right; its values are checked against the flow by layoutFromFile. */
export type LayoutFile = {
	readonly base?: string;
	readonly flow?: { readonly id?: unknown; readonly displayName?: unknown };
	readonly inputs: readonly Readonly<Record<string, unknown>>[];
	/** The line a value starts on, by path (`inputs[1].required`). */
	lineOf(path: string): number | undefined;
};

/** The document for a flow's layout (the file a user edits and feeds back to `layout set`). */
export function layoutDocument(flow: { id: string; displayName: string }, layout: Layout): LayoutDocument {
	return {
		flow: { id: flow.id, displayName: flow.displayName },
		base: layoutFingerprint(layout),
		inputs: layout.inputs.map((input) => ({
			attribute: input.attribute,
			label: input.label,
			inputType: input.inputType,
			required: input.required,
			hidden: input.hidden,
			editable: input.editable,
			options: input.options.map((option) => ({ label: option.label, value: option.value })),
			validationRegEx: input.validationRegEx,
			defaultValue: input.defaultValue,
			writeToDirectory: input.writeToDirectory,
			dataType: input.dataType,
		})),
	};
}

const rootKeys = ['flow', 'base', 'inputs'];
const inputKeys: readonly string[] = ['attribute', ...inputFields, 'dataType'];
const startOver =
	'Write a fresh file with `entra-flows layout show <flow> --json > layout.json` and edit that.';

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

function distance(a: string, b: string): number {
	let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
	for (let i = 1; i <= a.length; i++) {
		const row = [i];
		for (let j = 1; j <= b.length; j++) {
			row[j] = Math.min(
				previous[j]! + 1,
				row[j - 1]! + 1,
				previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
			);
		}
		previous = row;
	}
	return previous[b.length]!;
}

function unknownKeyFix(name: string, known: readonly string[]): string {
	const close = known.find((candidate) => distance(candidate.toLowerCase(), name.toLowerCase()) <= 2);
	return close
		? `Did you mean "${close}"? Rename the field.`
		: `Remove it; the fields are ${known.map((key) => `"${key}"`).join(', ')}.`;
}

/** Reads a layout file's text: JSON syntax and shape. Throws LayoutFileError naming the line, the field and the fix. */
export function parseLayoutFile(text: string): LayoutFile {
	let parsed: ReturnType<typeof parseJsonText>;
	try {
		parsed = parseJsonText(text);
	} catch (error) {
		if (!(error instanceof JsonTextError)) throw error;
		throw new LayoutFileError(
			`not valid JSON: ${error.message}`,
			{ line: error.line, column: error.column },
			'Correct the JSON there (a missing or extra comma or quote is the usual cause).',
		);
	}
	const at = (path: string) => ({ path, line: parsed.lineOf(path) });
	const root = parsed.value;
	if (!isObject(root)) {
		throw new LayoutFileError(
			'the file must hold one JSON object with an "inputs" array',
			{ line: 1 },
			startOver,
		);
	}
	for (const name of Object.keys(root)) {
		if (!rootKeys.includes(name))
			throw new LayoutFileError(`unknown field "${name}"`, at(name), unknownKeyFix(name, rootKeys));
	}
	if (root.base !== undefined && typeof root.base !== 'string') {
		throw new LayoutFileError(
			'"base" must be the fingerprint string `layout show` printed',
			at('base'),
			'Restore it, or remove "base" to skip the check for concurrent changes.',
		);
	}
	if (root.flow !== undefined && !isObject(root.flow)) {
		throw new LayoutFileError(
			'"flow" must be an object with "id" and "displayName"',
			at('flow'),
			'Remove it; the flow is the one named on the command line.',
		);
	}
	if (!Array.isArray(root.inputs)) {
		throw new LayoutFileError(
			root.inputs === undefined ? 'the file has no "inputs" array' : '"inputs" must be an array of inputs',
			root.inputs === undefined ? { line: 1 } : at('inputs'),
			startOver,
		);
	}
	for (const [index, input] of root.inputs.entries()) checkInputShape(input, `inputs[${index}]`, at);
	return {
		...(typeof root.base === 'string' ? { base: root.base } : {}),
		...(isObject(root.flow) ? { flow: root.flow } : {}),
		inputs: root.inputs as Record<string, unknown>[],
		lineOf: parsed.lineOf,
	};
}

function checkInputShape(
	input: unknown,
	path: string,
	at: (path: string) => { path: string; line?: number },
): void {
	if (!isObject(input)) {
		throw new LayoutFileError(
			`${path} must be an object like {"attribute": "city", "label": "City", …}`,
			at(path),
			startOver,
		);
	}
	if (typeof input.attribute !== 'string' || input.attribute.trim() === '') {
		throw new LayoutFileError(
			`${path} has no "attribute" (the attribute id, e.g. "city")`,
			at(input.attribute === undefined ? path : `${path}.attribute`),
			'Every input names its attribute; copy it from `entra-flows layout show <flow>`.',
		);
	}
	for (const name of Object.keys(input)) {
		if (!inputKeys.includes(name)) {
			throw new LayoutFileError(
				`unknown field "${name}" in ${path} (${input.attribute})`,
				at(`${path}.${name}`),
				unknownKeyFix(name, inputKeys),
			);
		}
	}
	const options = input.options;
	if (options === undefined || options === null) return;
	if (!Array.isArray(options)) {
		throw new LayoutFileError(
			`"options" of ${path} must be a list of {"label", "value"} objects`,
			at(`${path}.options`),
			'Use [] for no options.',
		);
	}
	options.forEach((option, number) => {
		const where = `${path}.options[${number}]`;
		if (!isObject(option)) {
			throw new LayoutFileError(
				`${where} must be an object {"label": …, "value": …}`,
				at(where),
				'Write each option as {"label": "Shown text", "value": "stored"}.',
			);
		}
		for (const name of Object.keys(option)) {
			if (name !== 'label' && name !== 'value')
				throw new LayoutFileError(
					`unknown field "${name}" in ${where}`,
					at(`${where}.${name}`),
					unknownKeyFix(name, ['label', 'value']),
				);
		}
	});
}

function blankInput(attribute: string): LayoutInput {
	return {
		attribute,
		label: '',
		inputType: 'text',
		required: false,
		hidden: false,
		editable: true,
		options: [],
		validationRegEx: null,
		dataType: 'string',
		defaultValue: null,
		writeToDirectory: true,
	};
}

/**
 * The layout a file asks for, built on the flow's current layout: a field the file leaves out keeps its
 * current value, data types come from the flow, values of the wrong JSON type are problems on their input.
 */
export function layoutFromFile(
	file: LayoutFile,
	current: Layout,
): { layout: Layout; problems: LayoutProblem[] } {
	const byKey = new Map(current.inputs.map((input) => [input.attribute.toLowerCase(), input]));
	const problems: LayoutProblem[] = [];
	const inputs = file.inputs.map((raw, index): LayoutInput => {
		const attribute = String(raw.attribute);
		const base = byKey.get(attribute.toLowerCase()) ?? blankInput(attribute);
		const problem = (field: string, message: string) => {
			const line = file.lineOf(`inputs[${index}].${field}`);
			problems.push({
				attribute: base.attribute,
				index,
				field,
				message: line ? `${message} (line ${line})` : message,
			});
		};
		// The file's value when present and of the right type, else the current one (and a problem if mistyped).
		const pick = <T>(field: string, ok: (value: unknown) => value is T, expected: string, fallback: T): T => {
			if (!(field in raw)) return fallback;
			const value = raw[field];
			if (ok(value)) return value;
			problem(field, `${field} must be ${expected}, not ${JSON.stringify(value)}`);
			return fallback;
		};
		const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
		const isString = (value: unknown): value is string => typeof value === 'string';
		const isStringOrNull = (value: unknown): value is string | null =>
			value === null || typeof value === 'string';
		const boolean = 'true or false (a JSON boolean, without quotes)';
		return {
			...base,
			label: pick('label', isString, 'a string', base.label),
			inputType: canonicalInputType(pick('inputType', isString, 'a string', base.inputType)),
			required: pick('required', isBoolean, boolean, base.required),
			hidden: pick('hidden', isBoolean, boolean, base.hidden),
			editable: pick('editable', isBoolean, boolean, base.editable),
			writeToDirectory: pick('writeToDirectory', isBoolean, boolean, base.writeToDirectory),
			validationRegEx: pick('validationRegEx', isStringOrNull, 'a string or null', base.validationRegEx),
			defaultValue: pick('defaultValue', isStringOrNull, 'a string or null', base.defaultValue),
			options: optionsOf(raw, base, problem),
		};
	});
	return { layout: { ...current, inputs }, problems };
}

function optionsOf(
	raw: Readonly<Record<string, unknown>>,
	base: LayoutInput,
	problem: (field: string, message: string) => void,
): readonly LayoutOption[] {
	if (!('options' in raw)) return base.options;
	if (raw.options === null) return [];
	const options = raw.options as Record<string, unknown>[];
	const bad = options.findIndex(
		(option) => typeof option.label !== 'string' || typeof option.value !== 'string',
	);
	if (bad !== -1) {
		problem('options', `option ${bad + 1} needs a string "label" and a string "value"`);
		return base.options;
	}
	return options.map((option) => ({ label: option.label as string, value: option.value as string }));
}
