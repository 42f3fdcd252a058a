import { escapeHtml, labelHtml } from './html.js';
import { type FieldValue, fieldMessages, type PageField } from './page-model.js';

/** What the attribute collection page shows besides its fields. */
export type AttributePageState = {
	readonly action: string;
	readonly transaction: string;
	/** Current value of each field by attribute id (prefill, default or what was typed). */
	readonly values: Readonly<Record<string, FieldValue>>;
	/** Message under each field, by attribute id. */
	readonly errors: Readonly<Record<string, string>>;
	/** A message above the form (the submit extension's, or one for a hidden field). */
	readonly banner?: string;
};

/** The form name of a field: prefixed so no attribute id can collide with the transaction field. */
export const fieldName = (attribute: string) => `a:${attribute}`;

const asList = (value: FieldValue): readonly string[] =>
	value === undefined ? [] : typeof value === 'string' ? [value] : value;

const mark = (field: PageField) =>
	field.required ? '<span class="required" aria-hidden="true">*</span>' : '';

function fieldAttributes(field: PageField, index: number): string {
	const pattern = field.pattern !== null ? ` data-pattern="${escapeHtml(field.pattern)}"` : '';
	return `data-field="${escapeHtml(field.attribute)}" data-kind="${field.kind}" data-type="${escapeHtml(field.dataType)}" data-required="${field.required}"${pattern} id="field-${index}"`;
}

function errorSlot(index: number, message: string | undefined): string {
	return `<p class="error" id="error-${index}" role="alert">${escapeHtml(message ?? '')}</p>`;
}

// A read-only choice is drawn disabled, which a browser does not post: a hidden input carries its value.
function readOnlyCarriers(field: PageField, values: readonly string[]): string {
	if (!field.readOnly) return '';
	return values
		.map(
			(value) =>
				`<input type="hidden" name="${escapeHtml(fieldName(field.attribute))}" value="${escapeHtml(value)}">`,
		)
		.join('');
}

function choiceField(field: PageField, index: number, value: FieldValue, error: string | undefined): string {
	const type = field.kind === 'radio' ? 'radio' : 'checkbox';
	const selected = asList(value);
	const name = escapeHtml(fieldName(field.attribute));
	const choices = field.options
		.map(
			(option, n) =>
				`<label class="choice"><input type="${type}" name="${name}" value="${escapeHtml(option.value)}" id="input-${index}-${n}"${selected.includes(option.value) ? ' checked' : ''}${field.readOnly ? ' disabled' : ''}> ${labelHtml(option.label)}</label>`,
		)
		.join('\n');
	return `<fieldset class="field" ${fieldAttributes(field, index)}>
<legend>${labelHtml(field.label)}${mark(field)}</legend>
${choices}${readOnlyCarriers(field, selected)}
${errorSlot(index, error)}
</fieldset>`;
}

function checkboxField(
	field: PageField,
	index: number,
	value: FieldValue,
	error: string | undefined,
): string {
	const checked = asList(value).includes('true');
	return `<div class="field" ${fieldAttributes(field, index)}>
<label class="choice"><input type="checkbox" name="${escapeHtml(fieldName(field.attribute))}" value="true" id="input-${index}"${checked ? ' checked' : ''}${field.readOnly ? ' disabled' : ''}> ${labelHtml(field.label)}${mark(field)}</label>${readOnlyCarriers(field, checked ? ['true'] : [])}
${errorSlot(index, error)}
</div>`;
}

function textField(field: PageField, index: number, value: FieldValue, error: string | undefined): string {
	const text = asList(value)[0] ?? '';
	return `<div class="field" ${fieldAttributes(field, index)}>
<label for="input-${index}">${labelHtml(field.label)}${mark(field)}</label>
<input type="text" name="${escapeHtml(fieldName(field.attribute))}" id="input-${index}" value="${escapeHtml(text)}" aria-describedby="error-${index}"${field.readOnly ? ' readonly' : ''}>
${errorSlot(index, error)}
</div>`;
}

function fieldHtml(field: PageField, index: number, state: AttributePageState): string {
	const value = state.values[field.attribute];
	const error = state.errors[field.attribute];
	if (field.hidden) {
		return asList(value)
			.map(
				(entry) =>
					`<input type="hidden" name="${escapeHtml(fieldName(field.attribute))}" value="${escapeHtml(entry)}">`,
			)
			.join('');
	}
	if (field.kind === 'text') return textField(field, index, value, error);
	if (field.kind === 'checkbox') return checkboxField(field, index, value, error);
	return choiceField(field, index, value, error);
}

/** The body of the attribute collection page: every field of the model in order, then Continue. */
export function attributePageBody(fields: readonly PageField[], state: AttributePageState): string {
	const banner = state.banner ? `<div class="banner" role="alert">${escapeHtml(state.banner)}</div>` : '';
	return `<h1>Create account</h1>
${banner}
<form method="post" action="${escapeHtml(state.action)}" data-validate novalidate data-msg-required="${escapeHtml(fieldMessages.required)}" data-msg-pattern="${escapeHtml(fieldMessages.pattern)}" data-msg-integer="${escapeHtml(fieldMessages.integer)}">
<input type="hidden" name="txn" value="${escapeHtml(state.transaction)}">
${fields.map((field, index) => fieldHtml(field, index, state)).join('\n')}
<button type="submit" id="continue">Continue</button>
</form>`;
}
