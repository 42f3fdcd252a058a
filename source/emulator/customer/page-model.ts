/*
The sign-up page model: what the hosted attribute collection page shows for a flow's stored layout, or why it
cannot show it (the hosted page then never finishes loading). Pure: no imports, no I/O, so both the emulated page
and the client's terminal preview are drawn from this one file.

Entities in patterns: the documented default email pattern carries `&amp;` and `&#8217;`. They are read as HTML
character references (`&amp;` → `&`, `&#8217;` → `’`) before the pattern is compiled, as a browser reads a page
the pattern is written into; read literally they would let `;` into an address and keep `&` only by accident.
Patterns are then JavaScript regular expressions without flags, tested unanchored (`^`/`$` say where to anchor).
*/

/** One stored input as Graph returns it (nullable fields may be missing). */
export type StoredInput = {
	readonly attribute: string;
	readonly label: string;
	readonly inputType: string;
	readonly defaultValue?: string | null;
	readonly hidden?: boolean | null;
	readonly editable?: boolean | null;
	readonly required?: boolean | null;
	readonly validationRegEx?: string | null;
	readonly options?: readonly { readonly label: string; readonly value: string }[] | null;
};

/** What the page needs to know of an attribute. */
export type PageAttribute = { readonly id: string; readonly dataType: string };

/** A run of label text; `href` makes it a link (only http and https targets become links). */
export type LabelPart = { readonly text: string; readonly href?: string };

/** How a field is drawn: a text box, radio buttons, checkboxes, or one checkbox for a boolean. */
export type FieldKind = 'text' | 'radio' | 'checkboxes' | 'checkbox';

/** One choice of a radio or checkbox field. */
export type FieldOption = { readonly label: readonly LabelPart[]; readonly value: string };

/** One field of the page, in page order. */
export type PageField = {
	readonly attribute: string;
	readonly kind: FieldKind;
	readonly dataType: string;
	readonly label: readonly LabelPart[];
	/** The label as plain text (link targets dropped). */
	readonly labelText: string;
	readonly required: boolean;
	readonly hidden: boolean;
	readonly readOnly: boolean;
	readonly options: readonly FieldOption[];
	/** The pattern as compiled (entities read), or null for none. */
	readonly pattern: string | null;
	readonly defaultValue: string | null;
};

/** Why the hosted page could not be drawn. */
export type PageProblem = { readonly attribute: string; readonly reason: string };

/** The page for a layout: its fields, or the problems that keep it from ever rendering. */
export type PageModel =
	| { readonly renders: true; readonly fields: readonly PageField[] }
	| { readonly renders: false; readonly problems: readonly PageProblem[] };

/** A submitted value: text, one radio choice, or the checked boxes. */
export type FieldValue = string | readonly string[] | undefined;

const kinds: Readonly<Record<string, FieldKind>> = {
	text: 'text',
	radiosingleselect: 'radio',
	checkboxmultiselect: 'checkboxes',
	boolean: 'checkbox',
};

// The input types each data type can be drawn with; anything else hangs the hosted page.
const fitting: Readonly<Record<string, readonly FieldKind[]>> = {
	string: ['text', 'radio', 'checkboxes'],
	boolean: ['checkbox'],
	int64: ['text'],
};

const named: Readonly<Record<string, string>> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: '\u00a0',
};

/** Reads HTML character references (`&amp;`, `&#8217;`, `&#x2019;`); unknown ones stay as they are. */
export function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, body: string) => {
		if (body[0] === '#') {
			const code =
				body[1]?.toLowerCase() === 'x' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
			return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
		}
		return named[body.toLowerCase()] ?? whole;
	});
}

/** The compiled pattern, or undefined when it is not a valid regular expression. */
export function compilePattern(source: string): RegExp | undefined {
	try {
		return new RegExp(decodeEntities(source));
	} catch {
		return undefined;
	}
}

/** Splits Markdown links `[text](url)` out of a label; other text stays text. */
export function labelParts(label: string): LabelPart[] {
	const parts: LabelPart[] = [];
	const link = /\[([^\]]+)\]\(([^)\s]+)\)/g;
	let last = 0;
	for (const match of label.matchAll(link)) {
		const href = match[2]!;
		if (!/^https?:\/\//i.test(href)) continue;
		if (match.index > last) parts.push({ text: label.slice(last, match.index) });
		parts.push({ text: match[1]!, href });
		last = match.index + match[0].length;
	}
	if (last < label.length || parts.length === 0) parts.push({ text: label.slice(last) });
	return parts;
}

const plain = (parts: readonly LabelPart[]) => parts.map((part) => part.text).join('');

function problemsOf(input: StoredInput, attribute: PageAttribute | undefined, kind: FieldKind | undefined) {
	const problems: string[] = [];
	if (!attribute) problems.push('no such attribute on the flow');
	if (!kind) problems.push(`input type '${input.inputType}' is not one the page can draw`);
	else if (attribute && !(fitting[attribute.dataType] ?? []).includes(kind)) {
		problems.push(`input type '${input.inputType}' does not fit the ${attribute.dataType} attribute`);
	}
	if ((kind === 'radio' || kind === 'checkboxes') && (input.options ?? []).length === 0) {
		problems.push(`${input.inputType} without any options`);
	}
	if (input.validationRegEx && !compilePattern(input.validationRegEx)) {
		problems.push(`pattern ${JSON.stringify(input.validationRegEx)} is not a valid regular expression`);
	}
	return problems;
}

/** The page a flow's stored inputs give, in stored order, or every problem that keeps it from rendering. */
export function buildPageModel(
	inputs: readonly StoredInput[],
	attributes: readonly PageAttribute[],
): PageModel {
	const fields: PageField[] = [];
	const problems: PageProblem[] = [];
	for (const input of inputs) {
		const attribute = attributes.find(
			(candidate) => candidate.id.toLowerCase() === input.attribute.toLowerCase(),
		);
		const kind = kinds[input.inputType.toLowerCase()];
		const found = problemsOf(input, attribute, kind);
		for (const reason of found) problems.push({ attribute: input.attribute, reason });
		if (found.length > 0 || !kind || !attribute) continue;
		const label = labelParts(input.label);
		fields.push({
			attribute: input.attribute,
			kind,
			dataType: attribute.dataType,
			label,
			labelText: plain(label),
			required: input.required === true,
			hidden: input.hidden === true,
			readOnly: input.editable === false,
			options: (input.options ?? []).map((option) => ({
				label: labelParts(option.label),
				value: option.value,
			})),
			pattern: input.validationRegEx ? decodeEntities(input.validationRegEx) : null,
			defaultValue: input.defaultValue ?? null,
		});
	}
	return problems.length > 0 ? { renders: false, problems } : { renders: true, fields };
}

/** Messages the page shows under a field. */
export const fieldMessages = {
	required: 'This information is required.',
	pattern: 'Please enter a valid value.',
	choice: 'Please select a valid option.',
	integer: 'Please enter a whole number.',
} as const;

const asList = (value: FieldValue): readonly string[] =>
	value === undefined ? [] : typeof value === 'string' ? (value === '' ? [] : [value]) : value;

/** The message for a submitted value, or undefined when the page accepts it. */
export function fieldError(field: PageField, value: FieldValue): string | undefined {
	const values = asList(value);
	if (field.kind === 'checkbox') {
		const checked = values.includes('true');
		return field.required && !checked ? fieldMessages.required : undefined;
	}
	if (values.length === 0 || (field.kind === 'text' && values[0]!.trim() === '')) {
		return field.required ? fieldMessages.required : undefined;
	}
	if (field.kind === 'radio' || field.kind === 'checkboxes') {
		const allowed = new Set(field.options.map((option) => option.value));
		if ((field.kind === 'radio' && values.length > 1) || values.some((entry) => !allowed.has(entry))) {
			return fieldMessages.choice;
		}
		return undefined;
	}
	const text = values[0]!;
	if (field.pattern !== null && !new RegExp(field.pattern).test(text)) return fieldMessages.pattern;
	if (field.dataType === 'int64' && !/^-?[0-9]+$/.test(text)) return fieldMessages.integer;
	return undefined;
}
