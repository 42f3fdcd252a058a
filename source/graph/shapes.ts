/*
The shapes of the DTOs in types.ts, checked where an answer enters the program: every byte from Graph is
untrusted, and a list item that is null, or `identityProviders` that is a string, must become a clear
MalformedResponse error rather than a crash deep in a screen. Every field may be absent (types.ts makes
them all optional); a field that is present must have its type. Unknown fields pass: these are open types.
*/

/** A JSON shape: a primitive, an object with known fields, or a list. `nullable` also accepts null. */
export type Shape =
	| { readonly kind: 'string' | 'boolean' | 'number'; readonly nullable?: boolean }
	| { readonly kind: 'object'; readonly fields: Readonly<Record<string, Shape>>; readonly nullable?: boolean }
	| { readonly kind: 'list'; readonly of: Shape; readonly nullable?: boolean };

const text: Shape = { kind: 'string' };
const flag: Shape = { kind: 'boolean' };
const count: Shape = { kind: 'number' };
const orNull = (shape: Shape): Shape => ({ ...shape, nullable: true });
const object = (fields: Record<string, Shape>): Shape => ({ kind: 'object', fields });
const list = (of: Shape): Shape => ({ kind: 'list', of });

function describe(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

const expected: Record<Shape['kind'], string> = {
	string: 'a string',
	boolean: 'true or false',
	number: 'a number',
	object: 'an object',
	list: 'a list',
};

/** Whether `value` fits `shape`, allocating nothing: each page of 1,000 flows is checked field by field. */
function fitsShape(value: unknown, shape: Shape): boolean {
	if (value === null && shape.nullable) return true;
	if (shape.kind === 'list') {
		if (!Array.isArray(value)) return false;
		for (let index = 0; index < value.length; index++) if (!fitsShape(value[index], shape.of)) return false;
		return true;
	}
	if (shape.kind !== 'object') return typeof value === shape.kind;
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
	const record = value as Record<string, unknown>;
	for (const key in shape.fields) {
		if (!Object.hasOwn(record, key) || record[key] === undefined) continue;
		if (!fitsShape(record[key], shape.fields[key] as Shape)) return false;
	}
	return true;
}

/** The first place where `value` does not fit `shape`, as "where is X, not Y"; undefined when it fits. */
export function shapeProblem(value: unknown, shape: Shape, where: string): string | undefined {
	// The places are named only once something does not fit: naming every field of a page was most of its garbage.
	return fitsShape(value, shape) ? undefined : firstProblem(value, shape, where);
}

function firstProblem(value: unknown, shape: Shape, where: string): string | undefined {
	if (value === null && shape.nullable) return undefined;
	const fits =
		shape.kind === 'list'
			? Array.isArray(value)
			: shape.kind === 'object'
				? typeof value === 'object' && value !== null && !Array.isArray(value)
				: typeof value === shape.kind;
	if (!fits) return `${where} is ${describe(value)}, not ${expected[shape.kind]}`;
	if (shape.kind === 'list') {
		const items = value as unknown[];
		for (let index = 0; index < items.length; index++) {
			const problem = firstProblem(items[index], shape.of, `${where}[${index}]`);
			if (problem) return problem;
		}
	}
	if (shape.kind === 'object') {
		const record = value as Record<string, unknown>;
		for (const [key, field] of Object.entries(shape.fields)) {
			if (!Object.hasOwn(record, key) || record[key] === undefined) continue;
			const problem = firstProblem(record[key], field, `${where}.${key}`);
			if (problem) return problem;
		}
	}
	return undefined;
}

const odataType = { '@odata.type': text };

export const identityProviderShape = object({
	...odataType,
	id: text,
	displayName: text,
	identityProviderType: text,
	clientId: text,
	state: orNull(text),
});

export const userFlowAttributeShape = object({
	...odataType,
	id: text,
	displayName: text,
	description: orNull(text),
	userFlowAttributeType: text,
	dataType: text,
});

const pageInputShape = object({
	attribute: text,
	label: text,
	inputType: text,
	defaultValue: orNull(text),
	hidden: orNull(flag),
	editable: orNull(flag),
	required: orNull(flag),
	validationRegEx: orNull(text),
	writeToDirectory: orNull(flag),
	options: orNull(list(object({ label: text, value: text }))),
});

export const flowApplicationShape = object({ ...odataType, appId: text });

export const userFlowShape = object({
	...odataType,
	id: text,
	displayName: text,
	description: orNull(text),
	priority: count,
	conditions: orNull(
		object({
			applications: object({ includeAllApplications: flag, includeApplications: list(flowApplicationShape) }),
		}),
	),
	onInteractiveAuthFlowStart: orNull(object({ ...odataType, isSignUpAllowed: flag })),
	onAuthenticationMethodLoadStart: orNull(
		object({ ...odataType, identityProviders: list(identityProviderShape) }),
	),
	onAttributeCollection: orNull(
		object({
			...odataType,
			attributes: list(userFlowAttributeShape),
			attributeCollectionPage: orNull(
				object({
					views: list(
						object({ title: orNull(text), description: orNull(text), inputs: list(pageInputShape) }),
					),
				}),
			),
		}),
	),
	onUserCreateStart: orNull(object({ ...odataType, userTypeToCreate: text })),
});

export const applicationShape = object({ id: text, appId: text, displayName: text });

const redirectUris = orNull(object({ redirectUris: list(text) }));

export const applicationRegistrationShape = object({
	id: text,
	appId: text,
	displayName: text,
	web: orNull(
		object({
			redirectUris: list(text),
			implicitGrantSettings: orNull(object({ enableIdTokenIssuance: flag, enableAccessTokenIssuance: flag })),
		}),
	),
	spa: redirectUris,
	publicClient: redirectUris,
});

export const organizationShape = object({
	id: text,
	displayName: text,
	verifiedDomains: list(object({ name: text, isInitial: flag, isDefault: flag, type: text })),
});

/** A check for GraphClient's `checkItem` / `checkBody` options: the problem with a value of `shape`. */
export function fits(shape: Shape): (value: unknown, where: string) => string | undefined {
	return (value, where) => shapeProblem(value, shape, where);
}
