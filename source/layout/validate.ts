import {
	allowedInputTypes,
	inputTypes,
	isChoiceType,
	isKnownDataType,
	type Layout,
	type LayoutInput,
} from './model.js';

/** One reason a layout cannot be sent, attached to the input it concerns. */
export type LayoutProblem = {
	/** The input's attribute; undefined for a page-wide problem. */
	readonly attribute?: string;
	/** The input's 0-based position on the page. */
	readonly index?: number;
	/** The field at fault (`label`, `inputType`, `options`, `required`…). */
	readonly field?: string;
	readonly message: string;
};

/** What validateLayout compares against. */
export type ValidateOptions = {
	/** The layout as the service has it: `email` must stay if it is there (without a baseline it must be there). */
	readonly baseline?: Layout;
};

const quote = (value: unknown) => JSON.stringify(value);

/** Compiles a pattern as JavaScript would (no `u` flag); the error text when it does not compile. */
export function patternError(pattern: string): string | undefined {
	try {
		new RegExp(pattern);
		return undefined;
	} catch (error) {
		return (error as Error).message;
	}
}

function inputProblems(input: LayoutInput, index: number, before: LayoutInput | undefined): LayoutProblem[] {
	const problems: LayoutProblem[] = [];
	const at = (field: string, message: string) =>
		problems.push({ attribute: input.attribute, index, field, message });
	for (const field of ['required', 'hidden', 'editable', 'writeToDirectory'] as const) {
		if (typeof input[field] !== 'boolean') {
			at(field, `${field} must be true or false (a JSON boolean), not ${quote(input[field])}`);
		}
	}
	if (typeof input.label !== 'string' || input.label.trim() === '') {
		at('label', 'the label is empty; give the text shown to the user');
	}
	const known = (inputTypes as readonly string[]).includes(input.inputType);
	// A type this version does not know is left alone while it is what the service already has.
	const unchangedUnknown = !known && before?.inputType === input.inputType;
	if (!known && !unchangedUnknown) {
		at('inputType', `${quote(input.inputType)} is not an input type; use one of ${inputTypes.join(', ')}`);
	} else if (
		known &&
		isKnownDataType(input.dataType) &&
		!allowedInputTypes(input.dataType).includes(input.inputType)
	) {
		at(
			'inputType',
			`${input.inputType} does not fit the data type ${input.dataType}; use ${allowedInputTypes(input.dataType).join(' or ')}`,
		);
	}
	if (isChoiceType(input.inputType)) {
		if (input.options.length === 0) at('options', `${input.inputType} needs at least one option`);
		const seen = new Set<string>();
		input.options.forEach((option, number) => {
			if (typeof option.label !== 'string' || option.label.trim() === '')
				at('options', `option ${number + 1} has an empty label`);
			if (typeof option.value !== 'string' || option.value.trim() === '')
				at('options', `option ${number + 1} has an empty value`);
			else if (seen.has(option.value))
				at('options', `option ${number + 1} repeats the value ${quote(option.value)}; values must be unique`);
			else seen.add(option.value);
		});
	} else if (input.options.length > 0) {
		at(
			'options',
			`options apply to radioSingleSelect and checkboxMultiSelect only; remove them from this ${input.inputType} input`,
		);
	}
	if (input.validationRegEx !== null) {
		if (typeof input.validationRegEx !== 'string') {
			at('validationRegEx', `the pattern must be a string or null, not ${quote(input.validationRegEx)}`);
		} else {
			const error = patternError(input.validationRegEx);
			if (error) at('validationRegEx', `the pattern does not compile: ${error}`);
		}
	}
	return problems;
}

/**
 * Everything that would make the service refuse the layout or break the sign-up page, checked before anything
 * is sent: input type fits the data type, choices present, unique and labelled, real booleans, patterns that
 * compile, labels present, no attribute twice, email kept.
 */
export function validateLayout(layout: Layout, options: ValidateOptions = {}): LayoutProblem[] {
	const before = new Map(
		(options.baseline?.inputs ?? []).map((input) => [input.attribute.toLowerCase(), input]),
	);
	const problems = layout.inputs.flatMap((input, index) =>
		inputProblems(input, index, before.get(input.attribute.toLowerCase())),
	);
	const first = new Map<string, number>();
	layout.inputs.forEach((input, index) => {
		const key = input.attribute.toLowerCase();
		const earlier = first.get(key);
		if (earlier === undefined) first.set(key, index);
		else
			problems.push({
				attribute: input.attribute,
				index,
				field: 'attribute',
				message: `${input.attribute} appears twice on the page (positions ${earlier + 1} and ${index + 1}); keep one`,
			});
	});
	const hasEmail = (candidate: Layout) =>
		candidate.inputs.some((input) => input.attribute.toLowerCase() === 'email');
	if (!hasEmail(layout) && (!options.baseline || hasEmail(options.baseline))) {
		problems.push({
			attribute: 'email',
			field: 'attribute',
			message: 'email is missing; sign-up collects it, so it must stay on the page',
		});
	}
	layout.inputs.forEach((input, index) => {
		// The account is made from the email the person signs up with: the service's own page always asks for
		// it (required, as every default layout has it); an optional email would let sign-up go on without one.
		if (input.attribute.toLowerCase() === 'email' && input.required === false)
			problems.push({
				attribute: input.attribute,
				index,
				field: 'required',
				message: 'email must stay required: the account is made from the email the person signs up with',
			});
	});
	return problems;
}

/** "3. city (inputType): …" — one problem as a line, positions 1-based as `layout show` numbers them. */
export function formatProblem(problem: LayoutProblem): string {
	const where = [
		problem.index === undefined ? undefined : `${problem.index + 1}.`,
		problem.attribute,
		problem.field && problem.field !== 'attribute' ? `(${problem.field})` : undefined,
	]
		.filter(Boolean)
		.join(' ');
	return where ? `${where}: ${problem.message}` : problem.message;
}
