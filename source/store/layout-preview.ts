// The sign-up page as a customer will see it, drawn from a layout draft (before it is saved) through the same
// page model the emulator's hosted page is built from, so the two never disagree.
import {
	buildPageModel,
	type LabelPart,
	type PageField,
	type PageModel,
} from '../emulator/customer/page-model.js';
import type { Layout } from '../layout/index.js';
import { display } from '../text/sanitize.js';

/** One line of the preview; `tone` says how to draw it. */
export type PreviewLine = { readonly text: string; readonly tone?: 'label' | 'muted' | 'error' };

/** The page model of a layout as it stands (the draft, not what is saved). */
export function previewModel(layout: Layout): PageModel {
	return buildPageModel(
		layout.inputs.map((input) => ({
			attribute: input.attribute,
			label: input.label,
			inputType: input.inputType,
			defaultValue: input.defaultValue,
			hidden: input.hidden,
			editable: input.editable,
			required: input.required,
			validationRegEx: input.validationRegEx,
			options: input.options,
		})),
		layout.inputs.map((input) => ({ id: input.attribute, dataType: input.dataType })),
	);
}

// Links keep their target in sight: a customer sees the text, the admin needs to know where it goes.
const labelText = (parts: readonly LabelPart[]) =>
	parts
		.map((part) => (part.href ? `${display(part.text)} ⟨${display(part.href)}⟩` : display(part.text)))
		.join('');

function fieldLines(field: PageField, width: number): PreviewLine[] {
	const label = `${labelText(field.label)}${field.required ? ' *' : ''}`;
	const box = (value: string) => `[ ${value.padEnd(Math.max(8, Math.min(40, width - 8)), ' ')} ]`;
	const note = field.readOnly ? ' (read-only)' : '';
	switch (field.kind) {
		case 'checkbox':
			return [{ text: `[ ] ${label}${note}` }];
		case 'radio':
			return [
				{ text: label, tone: 'label' },
				...field.options.map((option) => ({ text: `  ( ) ${labelText(option.label)}` })),
			];
		case 'checkboxes':
			return [
				{ text: label, tone: 'label' },
				...field.options.map((option) => ({ text: `  [ ] ${labelText(option.label)}` })),
			];
		default:
			return [
				{ text: `${label}${note}`, tone: 'label' },
				{ text: `  ${box(display(field.defaultValue ?? ''))}` },
				...(field.pattern
					? [{ text: `  must match ${display(field.pattern)}`, tone: 'muted' as const }]
					: []),
			];
	}
}

/** The preview as lines: the fields in page order, hidden ones named apart; or why the page would not load. */
export function previewLines(layout: Layout, width = 80): PreviewLine[] {
	const model = previewModel(layout);
	if (!model.renders) {
		return [
			{ text: 'The hosted page would never finish loading for a customer:', tone: 'error' },
			...model.problems.map((problem) => ({
				text: `  ${display(problem.attribute)}: ${display(problem.reason)}`,
				tone: 'error' as const,
			})),
			{ text: 'The service may still store this layout; fix it before saving.', tone: 'muted' },
		];
	}
	const visible = model.fields.filter((field) => !field.hidden);
	const hidden = model.fields.filter((field) => field.hidden);
	const lines: PreviewLine[] = [];
	if (layout.view?.title) lines.push({ text: display(layout.view.title), tone: 'label' });
	if (layout.view?.description) lines.push({ text: display(layout.view.description), tone: 'muted' });
	for (const field of visible) lines.push(...fieldLines(field, width));
	lines.push({ text: `[ Continue ]` });
	if (hidden.length > 0) {
		lines.push({
			text: `Sent but not shown (hidden): ${hidden.map((field) => display(field.attribute)).join(', ')}`,
			tone: 'muted',
		});
	}
	if (visible.some((field) => field.required)) lines.push({ text: '* required', tone: 'muted' });
	return lines;
}
