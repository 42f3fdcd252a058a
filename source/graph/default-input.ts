import type { PageInput, UserFlowAttribute } from './types.js';

/** The page input a newly collected attribute gets: the shape the portal and the service use by default. */
export function defaultInputFor(attribute: UserFlowAttribute): PageInput {
	const id = attribute.id ?? '';
	if (id === 'email') {
		// Observed convention (not a documented rule): the email input is hidden, required and not editable.
		return {
			attribute: id,
			label: attribute.displayName ?? 'Email Address',
			inputType: 'text',
			hidden: true,
			editable: false,
			required: true,
			writeToDirectory: true,
			options: [],
		};
	}
	const inputType = attribute.dataType === 'boolean' ? 'boolean' : 'text';
	return {
		attribute: id,
		label: attribute.displayName ?? id,
		inputType,
		hidden: false,
		editable: true,
		required: false,
		writeToDirectory: true,
		options: [],
		...(attribute.dataType === 'int64' ? { validationRegEx: '^[0-9]+$' } : {}),
	};
}
