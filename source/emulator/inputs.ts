import type { AttributeRecord, InputRecord } from './types.js';

/** Default validationRegEx patterns named by the Graph docs' input-configuration page. */
export const patterns = {
	freeText: '^.*',
	nameLike: '^[a-zA-Z_][0-9a-zA-Z_ ]*[0-9a-zA-Z_]+$',
	integer: '^[0-9]+$',
	// Kept byte-for-byte with the documented string, HTML entities included.
	email: "^[a-zA-Z0-9.!#$%&amp;&#8217;'*+/=?^_`{|}~-]+@[a-zA-Z0-9-]+(?:\\.[a-zA-Z0-9-]+)*$",
};

// Canonical enum member names; requests may use any casing ("Text"), responses use these.
const inputTypes = [
	'text',
	'radioSingleSelect',
	'checkboxMultiSelect',
	'boolean',
	'unknownFutureValue',
	// Listed on the v1.0 page though not in the metadata enum; accepted as an evolvable member.
	'checkboxSingleSelect',
];

/** The canonical spelling of an inputType, or undefined when it is not a member of the enum. */
export function canonicalInputType(value: string): string | undefined {
	return inputTypes.find((candidate) => candidate.toLowerCase() === value.toLowerCase());
}

/** The allowed inputType values, for error messages. */
export const inputTypeNames: readonly string[] = inputTypes;

/** The input the service appends when an attribute is added with $ref (defaults are ours: unverified). */
export function defaultInput(attribute: AttributeRecord): InputRecord {
	return {
		attribute: attribute.id,
		label: attribute.displayName,
		inputType: attribute.dataType === 'boolean' ? 'boolean' : 'text',
		defaultValue: null,
		hidden: false,
		editable: true,
		writeToDirectory: true,
		required: false,
		validationRegEx:
			attribute.dataType === 'int64'
				? patterns.integer
				: attribute.dataType === 'string'
					? patterns.freeText
					: null,
		options: [],
	};
}

/** The conventional email input: hidden, required and not editable (observed in the docs, not a rule). */
export function emailInput(): InputRecord {
	return {
		attribute: 'email',
		label: 'Email Address',
		inputType: 'text',
		defaultValue: null,
		hidden: true,
		editable: false,
		writeToDirectory: true,
		required: true,
		validationRegEx: patterns.email,
		options: [],
	};
}
