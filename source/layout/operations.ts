// Pure edits of a layout. Each returns a new layout, or the same object when it does not apply (unknown
// attribute, index out of range, type not allowed), so callers can tell by reference. None adds or removes an input.
import {
	allowedInputTypes,
	integerPattern,
	isChoiceType,
	type Layout,
	type LayoutInput,
	type LayoutOption,
} from './model.js';

/** One edit as data, for reducers and undo stacks; apply it with applyEdit. */
export type LayoutEdit =
	| { readonly kind: 'moveUp' | 'moveDown' | 'moveToTop' | 'moveToBottom'; readonly attribute: string }
	| { readonly kind: 'moveTo'; readonly attribute: string; readonly index: number }
	| { readonly kind: 'toggleRequired' | 'toggleHidden' | 'toggleEditable'; readonly attribute: string }
	| { readonly kind: 'setLabel'; readonly attribute: string; readonly label: string }
	| {
			readonly kind: 'setInputType';
			readonly attribute: string;
			readonly inputType: string;
			/** Choices to bring back when the new type is a choice type and the input has none. */
			readonly restore?: readonly LayoutOption[];
	  }
	| { readonly kind: 'setValidationRegEx'; readonly attribute: string; readonly pattern: string | null }
	| {
			readonly kind: 'addOption';
			readonly attribute: string;
			readonly option: LayoutOption;
			readonly index?: number;
	  }
	| {
			readonly kind: 'updateOption';
			readonly attribute: string;
			readonly index: number;
			readonly option: Partial<LayoutOption>;
	  }
	| { readonly kind: 'removeOption'; readonly attribute: string; readonly index: number }
	| { readonly kind: 'moveOption'; readonly attribute: string; readonly from: number; readonly to: number };

/** Position of an attribute's input (exact id first, then case-insensitive, as the service compares); -1 if absent. */
export function indexOfAttribute(layout: Layout, attribute: string): number {
	const exact = layout.inputs.findIndex((input) => input.attribute === attribute);
	if (exact !== -1) return exact;
	return layout.inputs.findIndex((input) => input.attribute.toLowerCase() === attribute.toLowerCase());
}

/** Moves an attribute's input to `index` (clamped to the page). */
export function moveTo(layout: Layout, attribute: string, index: number): Layout {
	const from = indexOfAttribute(layout, attribute);
	if (from === -1) return layout;
	const to = Math.max(0, Math.min(layout.inputs.length - 1, Math.trunc(index)));
	if (to === from) return layout;
	const inputs = [...layout.inputs];
	const [moved] = inputs.splice(from, 1);
	inputs.splice(to, 0, moved!);
	return { ...layout, inputs };
}

/** One place up the page. */
export function moveUp(layout: Layout, attribute: string): Layout {
	return moveTo(layout, attribute, indexOfAttribute(layout, attribute) - 1);
}

/** One place down the page. */
export function moveDown(layout: Layout, attribute: string): Layout {
	const index = indexOfAttribute(layout, attribute);
	return index === -1 ? layout : moveTo(layout, attribute, index + 1);
}

/** To the top of the page. */
export function moveToTop(layout: Layout, attribute: string): Layout {
	return moveTo(layout, attribute, 0);
}

/** To the bottom of the page. */
export function moveToBottom(layout: Layout, attribute: string): Layout {
	return moveTo(layout, attribute, layout.inputs.length - 1);
}

function update(layout: Layout, attribute: string, change: (input: LayoutInput) => LayoutInput): Layout {
	const index = indexOfAttribute(layout, attribute);
	const input = layout.inputs[index];
	if (!input) return layout;
	const next = change(input);
	if (next === input) return layout;
	const inputs = [...layout.inputs];
	inputs[index] = next;
	return { ...layout, inputs };
}

/** Required ↔ optional. */
export function toggleRequired(layout: Layout, attribute: string): Layout {
	return update(layout, attribute, (input) => ({ ...input, required: !input.required }));
}

/** Hidden ↔ shown. */
export function toggleHidden(layout: Layout, attribute: string): Layout {
	return update(layout, attribute, (input) => ({ ...input, hidden: !input.hidden }));
}

/** Editable ↔ read-only. */
export function toggleEditable(layout: Layout, attribute: string): Layout {
	return update(layout, attribute, (input) => ({ ...input, editable: !input.editable }));
}

/** Sets the label shown to the user (validation rejects an empty one). */
export function setLabel(layout: Layout, attribute: string, label: string): Layout {
	return update(layout, attribute, (input) => (input.label === label ? input : { ...input, label }));
}

/**
 * Sets the input type, only among those the data type allows (allowedInputTypes). Leaving a choice type
 * clears the options (they would not be shown); coming to one with none takes `restore`; an int64 text input
 * gets the integer pattern if it has none.
 */
export function setInputType(
	layout: Layout,
	attribute: string,
	inputType: string,
	restore: readonly LayoutOption[] = [],
): Layout {
	return update(layout, attribute, (input) => {
		if (input.inputType === inputType || !allowedInputTypes(input.dataType).includes(inputType)) return input;
		const choices = input.options.length > 0 ? input.options : restore.map((option) => ({ ...option }));
		return {
			...input,
			inputType,
			options: isChoiceType(inputType) ? choices : [],
			validationRegEx:
				input.dataType === 'int64' && inputType === 'text' && !input.validationRegEx
					? integerPattern
					: input.validationRegEx,
		};
	});
}

/** Sets the validation pattern; null or "" removes it. */
export function setValidationRegEx(layout: Layout, attribute: string, pattern: string | null): Layout {
	const value = pattern === '' ? null : pattern;
	return update(layout, attribute, (input) =>
		input.validationRegEx === value ? input : { ...input, validationRegEx: value },
	);
}

function updateOptions(
	layout: Layout,
	attribute: string,
	change: (options: LayoutOption[]) => LayoutOption[] | undefined,
): Layout {
	return update(layout, attribute, (input) => {
		if (!isChoiceType(input.inputType)) return input;
		const options = change([...input.options]);
		return options ? { ...input, options } : input;
	});
}

/** Adds a choice at `index` (default: last); only on radio and checkbox inputs. */
export function addOption(layout: Layout, attribute: string, option: LayoutOption, index?: number): Layout {
	return updateOptions(layout, attribute, (options) => {
		const at = index === undefined ? options.length : Math.max(0, Math.min(options.length, index));
		options.splice(at, 0, { label: option.label, value: option.value });
		return options;
	});
}

/** Changes the label and/or value of the choice at `index`. */
export function updateOption(
	layout: Layout,
	attribute: string,
	index: number,
	option: Partial<LayoutOption>,
): Layout {
	return updateOptions(layout, attribute, (options) => {
		const current = options[index];
		if (!current) return undefined;
		const next = { label: option.label ?? current.label, value: option.value ?? current.value };
		if (next.label === current.label && next.value === current.value) return undefined;
		options[index] = next;
		return options;
	});
}

/** Removes the choice at `index`. */
export function removeOption(layout: Layout, attribute: string, index: number): Layout {
	return updateOptions(layout, attribute, (options) => {
		if (!options[index]) return undefined;
		options.splice(index, 1);
		return options;
	});
}

/** Moves the choice at `from` to `to` (clamped). */
export function moveOption(layout: Layout, attribute: string, from: number, to: number): Layout {
	return updateOptions(layout, attribute, (options) => {
		if (!options[from]) return undefined;
		const target = Math.max(0, Math.min(options.length - 1, to));
		if (target === from) return undefined;
		const [moved] = options.splice(from, 1);
		options.splice(target, 0, moved!);
		return options;
	});
}

/** Applies one edit. */
export function applyEdit(layout: Layout, edit: LayoutEdit): Layout {
	switch (edit.kind) {
		case 'moveUp':
			return moveUp(layout, edit.attribute);
		case 'moveDown':
			return moveDown(layout, edit.attribute);
		case 'moveToTop':
			return moveToTop(layout, edit.attribute);
		case 'moveToBottom':
			return moveToBottom(layout, edit.attribute);
		case 'moveTo':
			return moveTo(layout, edit.attribute, edit.index);
		case 'toggleRequired':
			return toggleRequired(layout, edit.attribute);
		case 'toggleHidden':
			return toggleHidden(layout, edit.attribute);
		case 'toggleEditable':
			return toggleEditable(layout, edit.attribute);
		case 'setLabel':
			return setLabel(layout, edit.attribute, edit.label);
		case 'setInputType':
			return setInputType(layout, edit.attribute, edit.inputType, edit.restore);
		case 'setValidationRegEx':
			return setValidationRegEx(layout, edit.attribute, edit.pattern);
		case 'addOption':
			return addOption(layout, edit.attribute, edit.option, edit.index);
		case 'updateOption':
			return updateOption(layout, edit.attribute, edit.index, edit.option);
		case 'removeOption':
			return removeOption(layout, edit.attribute, edit.index);
		case 'moveOption':
			return moveOption(layout, edit.attribute, edit.from, edit.to);
	}
}
