// The flow file model: a user flow as a tenant-independent value. Custom attributes go by the short name their
// id ends with, identity providers by id, applications by display name (with the appId of the tenant they came
// from), flows by display name; no flow, tenant or extensions-app id anywhere.
import type { Layout, LayoutInput, LayoutOption } from '../layout/index.js';

/** A tenant custom attribute as a file defines it (its id is `extension_<that tenant's app>_<name>`). */
export type CustomAttributeSpec = {
	/** The short name the id ends with, e.g. `Favoritecolor`. */
	readonly name: string;
	/** The name it is created with; the id is this without spaces, so it must match `name`. */
	readonly displayName: string;
	readonly dataType: string;
	readonly description: string;
};

/** One input of the sign-up page; `attribute` is a built-in id (`city`) or, when `custom`, a short name. */
export type InputSpec = {
	readonly attribute: string;
	readonly custom: boolean;
	readonly label: string;
	readonly inputType: string;
	readonly required: boolean;
	readonly hidden: boolean;
	readonly editable: boolean;
	readonly options: readonly LayoutOption[];
	readonly validationRegEx: string | null;
	readonly defaultValue: string | null;
	readonly writeToDirectory: boolean;
	/** Properties of the input this version does not model, kept as the service sent them. */
	readonly verbatim?: Readonly<Record<string, unknown>>;
};

/** An application a flow is linked to. `appId` is its id in the tenant the file came from. */
export type AppSpec = { readonly displayName: string; readonly appId: string };

/** The two flow events that run a custom authentication extension, as a file names them. */
export const extensionSlots = ['attributeCollectionStart', 'attributeCollectionSubmit'] as const;
export type ExtensionSlot = (typeof extensionSlots)[number];

/** The event (as the graph layer names it) of each slot. */
export const slotEvents: Readonly<Record<ExtensionSlot, 'start' | 'submit'>> = {
	attributeCollectionStart: 'start',
	attributeCollectionSubmit: 'submit',
};

/** The extension a flow runs at each event, by display name (ids differ between tenants); absent: none. */
export type ExtensionsSpec = { readonly [slot in ExtensionSlot]?: string };

/** Everything a user flow is, without tenant ids. */
export type FlowSpec = {
	readonly name: string;
	/** '' when it has none. */
	readonly description: string;
	readonly signUp: boolean;
	/** `member` or `guest`; undefined: the file does not say (left as the tenant has it). */
	readonly userType?: string;
	/** Beta only; undefined: not said (left as the tenant has it). */
	readonly priority?: number;
	readonly identityProviders: readonly string[];
	/** Title and description of the sign-up page view (null in every documented example). */
	readonly page: { readonly title: string | null; readonly description: string | null };
	/** The sign-up page in order: one input per attribute the flow collects. */
	readonly inputs: readonly InputSpec[];
	readonly applications: readonly AppSpec[];
	/**
	 * The custom authentication extensions it runs, by name. Undefined when the file has no `extensions` field:
	 * then the file does not manage them and they are left as the tenant has them, so a file written before
	 * files carried extensions never detaches one (`extensions: {}`, or a slot set to null, means none).
	 */
	readonly extensions?: ExtensionsSpec;
	/**
	 * Top-level properties this version does not model, verbatim: unknown ones, and a custom extension handler's
	 * own configuration (the extension it runs is in `extensions`; a handler with none reads as null).
	 */
	readonly verbatim: Readonly<Record<string, unknown>>;
};

/** What a set of files (or a tenant, exported) holds. */
export type FlowSet = {
	readonly customAttributes: readonly CustomAttributeSpec[];
	readonly flows: readonly FlowSpec[];
};

/** Handlers the service returns that this version passes through: absent in a file means null. */
export const verbatimHandlers = ['onAttributeCollectionStart', 'onAttributeCollectionSubmit'] as const;

/** The handler property of each extension slot, as the service names it. */
export const slotHandlers: Readonly<Record<ExtensionSlot, (typeof verbatimHandlers)[number]>> = {
	attributeCollectionStart: 'onAttributeCollectionStart',
	attributeCollectionSubmit: 'onAttributeCollectionSubmit',
};

/**
 * A handler that says nothing beyond its type (no configuration of its own) is null: the service makes one when
 * an extension is attached, so a file need not carry it and a tenant that has it does not differ.
 */
export function plainHandlerAsNull(value: unknown): unknown {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
	const entries = Object.entries(value as Record<string, unknown>);
	const plain = entries.every(
		([key, item]) =>
			key === '@odata.type' ||
			(key === 'configuration' && item === null) ||
			(key === 'customExtension' && item === null),
	);
	return plain ? null : value;
}

/** The data types a custom attribute can be created with. */
export const customDataTypes = ['string', 'boolean', 'int64'] as const;

/** The short name as the service compares ids: case does not matter. */
export const nameKey = (name: string) => name.toLowerCase();

/** The key of an input's attribute in a layout: the built-in id, or the custom attribute's short name. */
export const inputKey = (input: Pick<InputSpec, 'attribute'>) => input.attribute;

/** The layout model of a flow's inputs, with each input's data type (from `dataTypeOf`) and attribute key. */
export function specLayout(flow: FlowSpec, dataTypeOf: (input: InputSpec) => string): Layout {
	return {
		inputs: flow.inputs.map(
			(input): LayoutInput => ({
				attribute: inputKey(input),
				label: input.label,
				inputType: input.inputType,
				required: input.required,
				hidden: input.hidden,
				editable: input.editable,
				options: input.options,
				validationRegEx: input.validationRegEx,
				dataType: dataTypeOf(input),
				defaultValue: input.defaultValue,
				writeToDirectory: input.writeToDirectory,
				...(input.verbatim && Object.keys(input.verbatim).length > 0 ? { extra: input.verbatim } : {}),
			}),
		),
		view: flow.page,
	};
}

/** An input of the page as the file model holds it, from the layout model (`custom`: the attribute is custom). */
export function inputSpecFrom(input: LayoutInput, attribute: string, custom: boolean): InputSpec {
	return {
		attribute,
		custom,
		label: input.label,
		inputType: input.inputType,
		required: input.required,
		hidden: input.hidden,
		editable: input.editable,
		options: input.options.map((option) => ({ label: option.label, value: option.value })),
		validationRegEx: input.validationRegEx,
		defaultValue: input.defaultValue,
		writeToDirectory: input.writeToDirectory,
		...(input.extra && Object.keys(input.extra).length > 0 ? { verbatim: input.extra } : {}),
	};
}

/** The file name of a flow: its name in lower case, words joined by dashes (`Events registration` → `events-registration`). */
export function flowFileStem(name: string): string {
	const stem = name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 80)
		.replace(/-+$/, '');
	return stem || 'flow';
}
