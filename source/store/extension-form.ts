// The extension form's rules, pure: what the typed text means, which fields are wrong (each with how to fix it),
// and, when changing an extension, only the fields that differ from what it opened with.
import type { CustomExtensionChanges } from '../graph/extensions.js';
import type { CustomAuthenticationExtension } from '../graph/types.js';
import { extensionFieldProblems } from '../operations/extensions.js';
import { display } from '../text/sanitize.js';
import type { ExtensionFormField, ExtensionFormOverlay, ExtensionFormValues } from './tenant-forms-state.js';

const empty: ExtensionFormValues = {
	name: '',
	targetUrl: '',
	resourceId: '',
	timeout: '',
	retries: '',
	description: '',
};

/** A new form, or one filled from the extension it changes. */
export function extensionForm(
	extension?: CustomAuthenticationExtension & { id: string },
): ExtensionFormOverlay {
	const number = (value: number | null | undefined) =>
		value === null || value === undefined ? '' : String(value);
	const values: ExtensionFormValues = extension
		? // Sanitized as they reach the fields (which print what they hold); unchanged fields are never sent back.
			{
				name: display(extension.displayName),
				targetUrl: display(extension.endpointConfiguration?.targetUrl),
				resourceId: display(extension.authenticationConfiguration?.resourceId),
				timeout: number(extension.clientConfiguration?.timeoutInMilliseconds),
				retries: number(extension.clientConfiguration?.maximumRetries),
				description: display(extension.description),
			}
		: empty;
	return {
		kind: 'extensionForm',
		...(extension ? { extensionId: extension.id, initial: values } : {}),
		event: extension?.['@odata.type']?.toLowerCase().includes('submit') ? 'submit' : 'start',
		values,
		focus: 'name',
		errors: {},
		warnings: [],
		saving: false,
	};
}

type Checked = {
	readonly errors: Partial<Record<ExtensionFormField, string>>;
	readonly warnings: readonly string[];
	/** What to send: every field while creating, the changed ones while changing. */
	readonly changes: CustomExtensionChanges;
};

function numberOf(text: string, field: 'timeout' | 'retries', errors: Checked['errors']): number | null {
	const trimmed = text.trim();
	if (trimmed === '') return null;
	if (!/^\d+$/.test(trimmed)) {
		errors[field] =
			field === 'timeout'
				? `"${trimmed}" is not a whole number of milliseconds: type 200 to 2000, or leave it empty for the service default.`
				: `"${trimmed}" is not 0 or 1: type one, or leave it empty for the service default.`;
		return null;
	}
	return Number(trimmed);
}

const fieldOf: Readonly<Record<keyof CustomExtensionChanges, Exclude<ExtensionFormField, 'event'>>> = {
	displayName: 'name',
	targetUrl: 'targetUrl',
	resourceId: 'resourceId',
	timeoutInMilliseconds: 'timeout',
	maximumRetries: 'retries',
	description: 'description',
};

/** Checks the form: every wrong field at once, each under its field, and the changes to send. */
export function checkExtensionForm(
	form: ExtensionFormOverlay,
	current?: CustomAuthenticationExtension,
): Checked {
	const errors: Checked['errors'] = {};
	const { values, initial } = form;
	const all: CustomExtensionChanges = {
		displayName: values.name.trim(),
		targetUrl: values.targetUrl.trim(),
		resourceId: values.resourceId.trim(),
		timeoutInMilliseconds: numberOf(values.timeout, 'timeout', errors),
		maximumRetries: numberOf(values.retries, 'retries', errors),
		description: values.description.trim() === '' ? null : values.description.trim(),
	};
	const changes = Object.fromEntries(
		Object.entries(all).filter(([key]) => {
			const field = fieldOf[key as keyof CustomExtensionChanges];
			return !initial || values[field].trim() !== initial[field].trim();
		}),
	) as CustomExtensionChanges;
	if (!initial) {
		// Creating: the three the service needs, said as missing rather than as malformed.
		if (all.targetUrl === '') errors.targetUrl = 'Give the https URL of the API Entra calls.';
		if (all.resourceId === '')
			errors.resourceId = "Give api://{host of the target URL}/{appId of the API's app registration}.";
	}
	for (const key of Object.keys(changes) as (keyof CustomExtensionChanges)[]) {
		const field = fieldOf[key];
		if (errors[field]) continue;
		const [problem] = extensionFieldProblems({ [key]: changes[key] }).problems;
		if (problem) errors[field] = problem;
	}
	return { errors, warnings: extensionFieldProblems(changes, current).warnings, changes };
}
