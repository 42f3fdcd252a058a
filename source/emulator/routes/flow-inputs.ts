import { invalid } from '../errors.js';
import { canonicalInputType, inputTypeNames } from '../inputs.js';
import {
	isObject,
	onlyKeys,
	optionalBoolean,
	optionalString,
	requiredArray,
	requiredString,
} from '../json-check.js';
import type { InputOption, InputRecord, ViewRecord } from '../types.js';

const inputType = 'microsoft.graph.authenticationAttributeCollectionInputConfiguration';
const inputKeys = [
	'attribute',
	'label',
	'inputType',
	'defaultValue',
	'hidden',
	'editable',
	'writeToDirectory',
	'required',
	'validationRegEx',
	'options',
];

function parseOptions(value: unknown, what: string): InputOption[] {
	if (value === undefined || value === null) return [];
	if (!Array.isArray(value)) throw invalid(`The property 'options' of ${what} must be an array.`);
	return value.map((option, index) => {
		const where = `options[${index}] of ${what}`;
		if (!isObject(option)) throw invalid(`${where} must be an object with label and value.`);
		onlyKeys(
			option,
			['label', 'value'],
			'microsoft.graph.authenticationAttributeCollectionOptionConfiguration',
		);
		return { label: requiredString(option, 'label', where), value: requiredString(option, 'value', where) };
	});
}

/**
 * Validates one input; absent optional fields take the service-side defaults (visible, editable, optional).
 * `acceptEmptyOptions` is the empty-options quirk: a radio/checkbox input without choices is stored.
 */
export function parseInput(value: unknown, where: string, acceptEmptyOptions = false): InputRecord {
	if (!isObject(value)) throw invalid(`${where} must be an object.`);
	onlyKeys(value, inputKeys, inputType);
	const attribute = requiredString(value, 'attribute', where);
	const rawType = requiredString(value, 'inputType', where);
	const type = canonicalInputType(rawType);
	if (!type) {
		throw invalid(
			`The inputType '${rawType}' of ${where} is not valid. Allowed values: ${inputTypeNames.join(', ')}.`,
		);
	}
	const options = parseOptions(value.options, where);
	const choice = type === 'radioSingleSelect' || type === 'checkboxMultiSelect';
	if (choice && options.length === 0 && !acceptEmptyOptions) {
		throw invalid(`The input for '${attribute}' is ${type} and needs at least one entry in 'options'.`);
	}
	return {
		attribute,
		label: requiredString(value, 'label', where),
		inputType: type,
		defaultValue: optionalString(value, 'defaultValue', where) ?? null,
		hidden: optionalBoolean(value, 'hidden', where) ?? false,
		editable: optionalBoolean(value, 'editable', where) ?? true,
		writeToDirectory: optionalBoolean(value, 'writeToDirectory', where) ?? true,
		required: optionalBoolean(value, 'required', where) ?? false,
		validationRegEx: optionalString(value, 'validationRegEx', where) ?? null,
		options,
	};
}

/** Validates `attributeCollectionPage` and returns its views; every attribute may appear in one input only. */
export function parsePage(
	page: unknown,
	acceptEmptyOptions = false,
): {
	views: ViewRecord[];
	customStringsFileId: string | null | undefined;
} {
	const what = 'attributeCollectionPage';
	if (!isObject(page)) throw invalid(`The property '${what}' must be an object with 'views'.`);
	onlyKeys(page, ['views', 'customStringsFileId'], 'microsoft.graph.authenticationAttributeCollectionPage');
	const rawViews = requiredArray(page, 'views', what);
	if (rawViews.length === 0) throw invalid(`The property 'views' of ${what} must hold at least one view.`);
	const seen = new Set<string>();
	const views = rawViews.map((view, viewIndex): ViewRecord => {
		const where = `${what}.views[${viewIndex}]`;
		if (!isObject(view)) throw invalid(`${where} must be an object.`);
		onlyKeys(
			view,
			['title', 'description', 'inputs'],
			'microsoft.graph.authenticationAttributeCollectionPageViewConfiguration',
		);
		const inputs = requiredArray(view, 'inputs', where).map((input, inputIndex) =>
			parseInput(input, `${where}.inputs[${inputIndex}]`, acceptEmptyOptions),
		);
		for (const input of inputs) {
			const key = input.attribute.toLowerCase();
			if (seen.has(key)) throw invalid(`The attribute '${input.attribute}' appears in more than one input.`);
			seen.add(key);
		}
		return {
			title: optionalString(view, 'title', where) ?? null,
			description: optionalString(view, 'description', where) ?? null,
			inputs,
		};
	});
	return { views, customStringsFileId: optionalString(page, 'customStringsFileId', what) };
}

/** The attribute ids the inputs of these views refer to. */
export function inputAttributes(views: ViewRecord[]): string[] {
	return views.flatMap((view) => view.inputs.map((input) => input.attribute));
}

/** True when two id lists hold the same ids (case-insensitive, order ignored). */
export function sameIdSet(a: readonly string[], b: readonly string[]): boolean {
	const left = new Set(a.map((id) => id.toLowerCase()));
	const right = new Set(b.map((id) => id.toLowerCase()));
	return left.size === right.size && [...left].every((id) => right.has(id));
}
