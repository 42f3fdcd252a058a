// One flow file's value checked against the format: every unknown field, wrong type and missing value is a
// problem with its line; what is right becomes the file model.
import { canonicalInputType } from '../layout/index.js';
import {
	type AppSpec,
	type CustomAttributeSpec,
	customDataTypes,
	type ExtensionsSpec,
	extensionSlots,
	type FlowSpec,
	type InputSpec,
	plainHandlerAsNull,
	verbatimHandlers,
} from './model.js';
import { type FileProblem, unknownFieldFix } from './problems.js';
import type { SourceText } from './source-text.js';

/** What one file holds: a flow (with the custom attributes it brings along), or custom attribute definitions. */
export type FileContent = {
	readonly flow?: FlowSpec;
	readonly customAttributes: readonly CustomAttributeSpec[];
	/** Where the flow's values are, for problems found later (plan, cross-file checks). */
	readonly lineOf: (path: string) => number | undefined;
};

/** The `kind` of a flow file and of a definitions file. */
export const kinds = { flow: 'userFlow', customAttributes: 'customAttributes' } as const;

const flowKeys = [
	'$schema',
	'kind',
	'name',
	'description',
	'signUp',
	'userType',
	'priority',
	'identityProviders',
	'page',
	'attributes',
	'applications',
	'extensions',
	'verbatim',
	'customAttributes',
];
const definitionKeys = ['$schema', 'kind', 'customAttributes'];
const inputKeys = [
	'attribute',
	'customAttribute',
	'label',
	'inputType',
	'required',
	'hidden',
	'editable',
	'writeToDirectory',
	'options',
	'validationRegEx',
	'defaultValue',
	'verbatim',
];
const customKeys = ['name', 'displayName', 'dataType', 'description'];
const appKeys = ['displayName', 'appId'];
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
const typeOf = (value: unknown) =>
	value === null ? 'null' : Array.isArray(value) ? 'a list' : `${typeof value} ${JSON.stringify(value)}`;

/** Checks one parsed file and builds its content; the problems list every fault found. */
export function readFileContent(
	file: string,
	source: SourceText,
): { content?: FileContent; problems: FileProblem[] } {
	const problems: FileProblem[] = [];
	const fail = (field: string, message: string, line = source.lineOf(field)) =>
		problems.push({ file, ...(line === undefined ? {} : { line }), ...(field ? { field } : {}), message });
	const root = source.value;
	if (!isObject(root)) {
		fail(
			'',
			`the file must hold one object with "kind: ${kinds.flow}" or "kind: ${kinds.customAttributes}"`,
			1,
		);
		return { problems };
	}
	const kind = root.kind;
	if (kind !== kinds.flow && kind !== kinds.customAttributes) {
		fail(
			kind === undefined ? '' : 'kind',
			kind === undefined
				? `the file has no "kind"; start it with "kind: ${kinds.flow}" (one user flow) or "kind: ${kinds.customAttributes}"`
				: `"kind" must be "${kinds.flow}" or "${kinds.customAttributes}", not ${JSON.stringify(kind)}`,
			kind === undefined ? 1 : undefined,
		);
		return { problems };
	}
	const reader = new Reader(fail);
	reader.known(root, '', kind === kinds.flow ? flowKeys : definitionKeys);
	const customAttributes = reader.list(root.customAttributes, 'customAttributes', false, (item, path) =>
		reader.customAttribute(item, path),
	);
	const flow = kind === kinds.flow ? reader.flow(root) : undefined;
	if (problems.length > 0) return { problems };
	return { content: { ...(flow ? { flow } : {}), customAttributes, lineOf: source.lineOf }, problems };
}

/** The field checks, each reporting through `fail` and returning a usable value (or undefined). */
class Reader {
	constructor(private readonly fail: (field: string, message: string) => void) {}

	known(value: Json, path: string, keys: readonly string[]): void {
		for (const name of Object.keys(value)) {
			if (!keys.includes(name))
				this.fail(path ? `${path}.${name}` : name, `unknown field "${name}"; ${unknownFieldFix(name, keys)}`);
		}
	}

	string(value: unknown, path: string, required: boolean): string | undefined {
		if (value === undefined) {
			if (required) this.fail(path, 'missing; it needs a text value');
			return undefined;
		}
		if (typeof value !== 'string') {
			this.fail(path, `must be text, not ${typeOf(value)}`);
			return undefined;
		}
		if (required && value.trim() === '') this.fail(path, 'is empty; it needs a text value');
		return value;
	}

	nullableString(value: unknown, path: string): string | null | undefined {
		if (value === null) return null;
		return this.string(value, path, false);
	}

	boolean(value: unknown, path: string, fallback: boolean): boolean {
		if (value === undefined) return fallback;
		if (typeof value === 'boolean') return value;
		this.fail(path, `must be true or false (without quotes), not ${typeOf(value)}`);
		return fallback;
	}

	list<T>(
		value: unknown,
		path: string,
		required: boolean,
		item: (value: unknown, path: string) => T | undefined,
	): T[] {
		if (value === undefined) {
			if (required) this.fail(path, 'missing; it needs a list');
			return [];
		}
		if (!Array.isArray(value)) {
			this.fail(path, `must be a list, not ${typeOf(value)}`);
			return [];
		}
		return value.flatMap((entry, index) => {
			const result = item(entry, `${path}[${index}]`);
			return result === undefined ? [] : [result];
		});
	}

	object(value: unknown, path: string, keys: readonly string[]): Json | undefined {
		if (!isObject(value)) {
			this.fail(path, `must be an object with ${keys.join(', ')}, not ${typeOf(value)}`);
			return undefined;
		}
		this.known(value, path, keys);
		return value;
	}

	verbatim(value: unknown, path: string): Record<string, unknown> {
		if (value === undefined) return {};
		if (!isObject(value)) {
			this.fail(path, `must be an object of properties kept as the service sent them, not ${typeOf(value)}`);
			return {};
		}
		return value;
	}

	customAttribute(value: unknown, path: string): CustomAttributeSpec | undefined {
		const entry = this.object(value, path, customKeys);
		if (!entry) return undefined;
		const name = this.string(entry.name, `${path}.name`, true);
		const displayName = this.string(entry.displayName, `${path}.displayName`, false) ?? name;
		const dataType = this.string(entry.dataType, `${path}.dataType`, true);
		const description = this.string(entry.description, `${path}.description`, false) ?? '';
		if (dataType !== undefined && !(customDataTypes as readonly string[]).includes(dataType))
			this.fail(
				`${path}.dataType`,
				`must be one of ${customDataTypes.join(', ')}, not ${JSON.stringify(dataType)}`,
			);
		if (name && !/^[A-Za-z][A-Za-z0-9_]*$/.test(name))
			this.fail(
				`${path}.name`,
				`${JSON.stringify(name)} is not a custom attribute name: letters, digits and _, starting with a letter`,
			);
		if (name && displayName && displayName.replace(/\s+/g, '').toLowerCase() !== name.toLowerCase())
			this.fail(
				`${path}.displayName`,
				`${JSON.stringify(displayName)} would create the attribute ..._${displayName.replace(/\s+/g, '')}, not ..._${name}; the id is the display name without spaces`,
			);
		if (!name || !displayName || !dataType) return undefined;
		return { name, displayName, dataType, description };
	}

	input(value: unknown, path: string): InputSpec | undefined {
		const entry = this.object(value, path, inputKeys);
		if (!entry) return undefined;
		const builtIn = this.string(entry.attribute, `${path}.attribute`, false);
		const custom = this.string(entry.customAttribute, `${path}.customAttribute`, false);
		if ((builtIn === undefined) === (custom === undefined)) {
			this.fail(
				path,
				builtIn === undefined
					? 'names no attribute: give "attribute" (a built-in id such as city) or "customAttribute" (a short name such as Favoritecolor)'
					: 'gives both "attribute" and "customAttribute"; an input collects one attribute',
			);
		}
		const label = this.string(entry.label, `${path}.label`, true);
		const inputType = this.string(entry.inputType, `${path}.inputType`, true);
		const options = this.list(entry.options, `${path}.options`, false, (option, at) => {
			const checked = this.object(option, at, ['label', 'value']);
			if (!checked) return undefined;
			const optionLabel = this.string(checked.label, `${at}.label`, true);
			const optionValue = this.string(checked.value, `${at}.value`, true);
			return optionLabel !== undefined && optionValue !== undefined
				? { label: optionLabel, value: optionValue }
				: undefined;
		});
		const attribute = builtIn ?? custom;
		if (!attribute || label === undefined || inputType === undefined) return undefined;
		const verbatim = this.verbatim(entry.verbatim, `${path}.verbatim`);
		return {
			attribute,
			custom: custom !== undefined && builtIn === undefined,
			label,
			inputType: canonicalInputType(inputType),
			required: this.boolean(entry.required, `${path}.required`, false),
			hidden: this.boolean(entry.hidden, `${path}.hidden`, false),
			editable: this.boolean(entry.editable, `${path}.editable`, true),
			writeToDirectory: this.boolean(entry.writeToDirectory, `${path}.writeToDirectory`, true),
			options,
			validationRegEx: this.nullableString(entry.validationRegEx, `${path}.validationRegEx`) ?? null,
			defaultValue: this.nullableString(entry.defaultValue, `${path}.defaultValue`) ?? null,
			...(Object.keys(verbatim).length > 0 ? { verbatim } : {}),
		};
	}

	/** Which extension runs at each event, by display name; null or a slot left out: none; no field: unmanaged. */
	extensions(value: unknown): ExtensionsSpec | undefined {
		if (value === undefined) return undefined;
		if (value === null) return {};
		const entry = this.object(value, 'extensions', extensionSlots);
		if (!entry) return {};
		const result: { -readonly [slot in keyof ExtensionsSpec]: string } = {};
		for (const slot of extensionSlots) {
			if (entry[slot] === null) continue;
			const name = this.string(entry[slot], `extensions.${slot}`, false);
			if (name !== undefined && name.trim() === '')
				this.fail(
					`extensions.${slot}`,
					'is empty; give the display name of a custom authentication extension, or leave the field out for none',
				);
			else if (name !== undefined) result[slot] = name;
		}
		return result;
	}

	app(value: unknown, path: string): AppSpec | undefined {
		const entry = this.object(value, path, appKeys);
		if (!entry) return undefined;
		const displayName = this.string(entry.displayName, `${path}.displayName`, true);
		const appId = this.string(entry.appId, `${path}.appId`, true);
		if (appId && !guid.test(appId))
			this.fail(`${path}.appId`, `${JSON.stringify(appId)} is not an appId (a GUID)`);
		return displayName && appId ? { displayName, appId } : undefined;
	}

	flow(root: Json): FlowSpec | undefined {
		const name = this.string(root.name, 'name', true);
		const description = this.nullableString(root.description, 'description') ?? '';
		const userType = this.string(root.userType, 'userType', false);
		if (userType !== undefined && userType !== 'member' && userType !== 'guest')
			this.fail('userType', `must be member or guest, not ${JSON.stringify(userType)}`);
		const priority = root.priority;
		if (priority !== undefined && !Number.isInteger(priority))
			this.fail('priority', `must be a whole number, not ${typeOf(priority)}`);
		const identityProviders = this.list(root.identityProviders, 'identityProviders', true, (item, path) =>
			this.string(item, path, true),
		);
		if (Array.isArray(root.identityProviders) && root.identityProviders.length === 0)
			this.fail('identityProviders', 'is empty; a user flow needs at least one identity provider');
		const page = root.page === undefined ? {} : this.object(root.page, 'page', ['title', 'description']);
		const inputs = this.list(root.attributes, 'attributes', false, (item, path) => this.input(item, path));
		const applications = this.list(root.applications, 'applications', false, (item, path) =>
			this.app(item, path),
		);
		const extensions = this.extensions(root.extensions);
		const verbatim = this.verbatim(root.verbatim, 'verbatim');
		if (!name || !page) return undefined;
		return {
			name,
			description,
			signUp: this.boolean(root.signUp, 'signUp', true),
			...(userType === undefined ? {} : { userType }),
			...(typeof priority === 'number' ? { priority } : {}),
			identityProviders,
			page: {
				title: this.nullableString(page.title, 'page.title') ?? null,
				description: this.nullableString(page.description, 'page.description') ?? null,
			},
			inputs,
			applications,
			...(extensions ? { extensions } : {}),
			verbatim: withHandlers(verbatim),
		};
	}
}

/** The handlers this version passes through, null when the file leaves them out. */
function withHandlers(verbatim: Record<string, unknown>): Record<string, unknown> {
	const result: Record<string, unknown> = { ...verbatim };
	for (const handler of verbatimHandlers) result[handler] = plainHandlerAsNull(result[handler] ?? null);
	return result;
}
