import type { UserFlowChanges } from '../graph/flows.js';
import type { PageInput, UserFlow } from '../graph/types.js';

/** One choice of a radio or checkbox input. */
export type LayoutOption = { readonly label: string; readonly value: string };

/** One input of the sign-up page, every field present (service defaults filled in). */
export type LayoutInput = {
	/** Attribute id, e.g. `email`, `city`, `extension_<appid>_Name`. */
	readonly attribute: string;
	readonly label: string;
	/** `text`, `radioSingleSelect`, `checkboxMultiSelect`, `boolean` (or a value this version does not know). */
	readonly inputType: string;
	readonly required: boolean;
	readonly hidden: boolean;
	readonly editable: boolean;
	/** Choices of radio and checkbox inputs, in display order; empty otherwise. */
	readonly options: readonly LayoutOption[];
	/** Pattern the value must match; null for none. */
	readonly validationRegEx: string | null;
	/** The attribute's data type (`string`, `boolean`, `int64`), from the flow's attributes; `string` when unknown. */
	readonly dataType: string;
	/** Not edited here, sent back unchanged. */
	readonly defaultValue: string | null;
	/** Not edited here, sent back unchanged. */
	readonly writeToDirectory: boolean;
	/** Properties of the input this version does not model, sent back unchanged. */
	readonly extra?: Readonly<Record<string, unknown>>;
};

/** The sign-up page of a flow: its inputs in page order, and the view text sent back with them. */
export type Layout = {
	readonly inputs: readonly LayoutInput[];
	/** Title and description of the page view (null in every documented example). */
	readonly view?: { readonly title: string | null; readonly description: string | null };
};

/** Input types the service documents, in the lower-case spelling its answers use. */
export const inputTypes = ['text', 'radioSingleSelect', 'checkboxMultiSelect', 'boolean'] as const;

/** Input types whose choices come from `options`. */
export const choiceInputTypes: readonly string[] = ['radioSingleSelect', 'checkboxMultiSelect'];

/** The default pattern of an int64 attribute's text input, as the input-configuration page names it. */
export const integerPattern = '^[0-9]+$';

const fitting: Readonly<Record<string, readonly string[]>> = {
	string: ['text', 'radioSingleSelect', 'checkboxMultiSelect'],
	boolean: ['boolean'],
	int64: ['text'],
};

/** True for radio and checkbox inputs. */
export function isChoiceType(inputType: string): boolean {
	return choiceInputTypes.includes(inputType);
}

/** The input types a data type allows (string → text/radio/checkboxes, boolean → boolean, int64 → text). */
export function allowedInputTypes(dataType: string): readonly string[] {
	return fitting[dataType] ?? inputTypes;
}

/** True when the data type is one whose input types are known (string, boolean, int64). */
export function isKnownDataType(dataType: string): boolean {
	return dataType in fitting;
}

/** The canonical spelling of an input type (`Text` → `text`); unknown values are returned as given. */
export function canonicalInputType(value: string): string {
	return inputTypes.find((type) => type.toLowerCase() === value.toLowerCase()) ?? value;
}

/** The fields of an input this version models and edits (besides `attribute`), in file order. */
export const inputFields = [
	'label',
	'inputType',
	'required',
	'hidden',
	'editable',
	'options',
	'validationRegEx',
	'defaultValue',
	'writeToDirectory',
] as const;

const modelled = new Set<string>(['attribute', ...inputFields]);

/** One page input with the service's defaults filled in (visible, editable, optional, written to the directory). */
export function layoutInputFrom(input: PageInput, dataType = 'string'): LayoutInput {
	const extra = Object.fromEntries(
		Object.entries(input as Record<string, unknown>).filter(([key]) => !modelled.has(key)),
	);
	return {
		attribute: input.attribute,
		label: input.label,
		inputType: canonicalInputType(input.inputType),
		required: input.required ?? false,
		hidden: input.hidden ?? false,
		editable: input.editable ?? true,
		options: (input.options ?? []).map((option) => ({ label: option.label, value: option.value })),
		validationRegEx: input.validationRegEx ?? null,
		dataType,
		defaultValue: input.defaultValue ?? null,
		writeToDirectory: input.writeToDirectory ?? true,
		...(Object.keys(extra).length > 0 ? { extra } : {}),
	};
}

/** The layout of a flow's sign-up page: all views' inputs in order, data types from the flow's attributes. */
export function layoutFromFlow(flow: UserFlow): Layout {
	const collection = flow.onAttributeCollection;
	const dataTypes = new Map(
		(collection?.attributes ?? []).map((attribute) => [
			(attribute.id ?? '').toLowerCase(),
			attribute.dataType || 'string',
		]),
	);
	const views = collection?.attributeCollectionPage?.views ?? [];
	const first = views[0];
	return {
		inputs: views.flatMap((view) =>
			(view.inputs ?? []).map((input) =>
				layoutInputFrom(input, dataTypes.get(input.attribute.toLowerCase()) ?? 'string'),
			),
		),
		view: { title: first?.title ?? null, description: first?.description ?? null },
	};
}

/** The inputs array of the PATCH: every input, in order, with every field (the service replaces the array). */
export function toPageInputs(layout: Layout): PageInput[] {
	return layout.inputs.map((input) => ({
		attribute: input.attribute,
		label: input.label,
		inputType: input.inputType,
		defaultValue: input.defaultValue,
		hidden: input.hidden,
		editable: input.editable,
		writeToDirectory: input.writeToDirectory,
		required: input.required,
		validationRegEx: input.validationRegEx,
		options: input.options.map((option) => ({ label: option.label, value: option.value })),
		...input.extra,
	}));
}

/** The changes for `updateUserFlow(client, id, layoutUpdate(layout))`: the complete inputs array, one PATCH. */
export function layoutUpdate(layout: Layout): UserFlowChanges {
	return { inputs: toPageInputs(layout), ...(layout.view ? { pageView: layout.view } : {}) };
}

/**
 * `flow` as the PATCH of layoutUpdate(layout) leaves it: the page one view of these inputs, the rest as it was.
 * What the app shows of a save before its read-back, which then replaces it with what the service stored.
 */
export function withLayout(flow: UserFlow, layout: Layout): UserFlow {
	const collection = flow.onAttributeCollection ?? {};
	const view = {
		...(layout.view?.title == null ? {} : { title: layout.view.title }),
		...(layout.view?.description == null ? {} : { description: layout.view.description }),
		inputs: toPageInputs(layout),
	};
	return {
		...flow,
		onAttributeCollection: { ...collection, attributeCollectionPage: { views: [view] } },
	};
}

/** The attribute ids of a layout, in page order. */
export function layoutAttributes(layout: Layout): string[] {
	return layout.inputs.map((input) => input.attribute);
}
