// The file model written out: one document per flow and one for the custom attribute definitions, in YAML (with
// the comment that points editors at the schema) or JSON (with "$schema"), keys in a fixed, readable order.
import { stringify } from 'yaml';
import {
	type CustomAttributeSpec,
	extensionSlots,
	type FlowSpec,
	flowFileStem,
	type InputSpec,
	verbatimHandlers,
} from './model.js';
import { kinds } from './read.js';
import type { FileFormat } from './source-text.js';

/** The schema file exported folders carry, and the name files refer to it by. */
export const schemaFileName = 'entra-flows.schema.json';

/** The definitions file of an exported folder. */
export const definitionsStem = 'custom-attributes';

/** Values the service left out or at their defaults stay out of the file, so a diff shows what matters. */
function inputDocument(input: InputSpec): Record<string, unknown> {
	return {
		[input.custom ? 'customAttribute' : 'attribute']: input.attribute,
		label: input.label,
		inputType: input.inputType,
		required: input.required,
		hidden: input.hidden,
		editable: input.editable,
		...(input.writeToDirectory ? {} : { writeToDirectory: false }),
		...(input.options.length > 0
			? { options: input.options.map((option) => ({ label: option.label, value: option.value })) }
			: {}),
		...(input.validationRegEx === null ? {} : { validationRegEx: input.validationRegEx }),
		...(input.defaultValue === null ? {} : { defaultValue: input.defaultValue }),
		...(input.verbatim && Object.keys(input.verbatim).length > 0 ? { verbatim: input.verbatim } : {}),
	};
}

function verbatimDocument(flow: FlowSpec): Record<string, unknown> | undefined {
	const entries = Object.entries(flow.verbatim).filter(
		([key, value]) => !((verbatimHandlers as readonly string[]).includes(key) && value === null),
	);
	return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

function extensionsDocument(flow: FlowSpec): Record<string, string> | undefined {
	const entries = extensionSlots.flatMap((slot) => {
		const name = flow.extensions?.[slot];
		return name === undefined ? [] : [[slot, name] as const];
	});
	return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/** A flow as its file holds it; `customAttributes` are definitions it brings along (a file read on its own). */
export function flowDocument(
	flow: FlowSpec,
	customAttributes: readonly CustomAttributeSpec[] = [],
): Record<string, unknown> {
	const verbatim = verbatimDocument(flow);
	const extensions = extensionsDocument(flow);
	return {
		kind: kinds.flow,
		name: flow.name,
		...(flow.description ? { description: flow.description } : {}),
		signUp: flow.signUp,
		...(flow.userType === undefined ? {} : { userType: flow.userType }),
		...(flow.priority === undefined ? {} : { priority: flow.priority }),
		identityProviders: [...flow.identityProviders],
		...(flow.page.title !== null || flow.page.description !== null ? { page: { ...flow.page } } : {}),
		attributes: flow.inputs.map(inputDocument),
		applications: flow.applications.map((app) => ({ displayName: app.displayName, appId: app.appId })),
		...(extensions ? { extensions } : {}),
		...(verbatim ? { verbatim } : {}),
		...(customAttributes.length > 0 ? { customAttributes: customAttributes.map(definitionEntry) } : {}),
	};
}

function definitionEntry(spec: CustomAttributeSpec): Record<string, unknown> {
	return {
		name: spec.name,
		...(spec.displayName === spec.name ? {} : { displayName: spec.displayName }),
		dataType: spec.dataType,
		...(spec.description ? { description: spec.description } : {}),
	};
}

/** The definitions file: the custom attributes the flows of a folder need. */
export function definitionsDocument(
	customAttributes: readonly CustomAttributeSpec[],
): Record<string, unknown> {
	return { kind: kinds.customAttributes, customAttributes: customAttributes.map(definitionEntry) };
}

/** A document as file text, pointing at the schema (relative: the folder's own copy, or `schemaRef`). */
export function documentText(
	document: Record<string, unknown>,
	format: FileFormat,
	schemaRef = schemaFileName,
): string {
	if (format === 'json') return `${JSON.stringify({ $schema: schemaRef, ...document }, null, 2)}\n`;
	const body = stringify(document, { lineWidth: 0, indentSeq: true, aliasDuplicateObjects: false });
	return `# yaml-language-server: $schema=${schemaRef}\n${body}`;
}

/** File names for flows, from their names; two names that give the same stem get -2, -3… */
export function flowFileNames(flows: readonly FlowSpec[], format: FileFormat): string[] {
	const taken = new Set<string>([definitionsStem]);
	return flows.map((flow) => {
		const stem = flowFileStem(flow.name);
		let candidate = stem;
		for (let n = 2; taken.has(candidate); n++) candidate = `${stem}-${n}`;
		taken.add(candidate);
		return `${candidate}.${format}`;
	});
}
