import { withProviderType } from '../provider-form.js';
import { providerFormFields } from '../provider-form-state.js';
import type { AppState } from '../state.js';
import { extensionFormFields, type TenantFormAction } from '../tenant-forms-state.js';
import { assertNever } from './never.js';

/** The extension and provider forms and the attribute description dialog: typing, moving, saving, a refused save. */
export function reduceTenantForms(state: AppState, action: TenantFormAction): AppState {
	const overlay = state.overlay;
	if (
		overlay?.kind !== 'extensionForm' &&
		overlay?.kind !== 'providerForm' &&
		overlay?.kind !== 'attributeDescription'
	)
		return state;
	switch (action.type) {
		case 'tenantForm/textChanged': {
			if (overlay.kind === 'attributeDescription') {
				return { ...state, overlay: { ...overlay, text: action.text, error: undefined } };
			}
			if (overlay.kind === 'providerForm') {
				if (overlay.focus === 'type') return state;
				const { [overlay.focus]: _, form: __, ...errors } = overlay.errors;
				return {
					...state,
					overlay: { ...overlay, values: { ...overlay.values, [overlay.focus]: action.text }, errors },
				};
			}
			if (overlay.focus === 'event') return state;
			const { [overlay.focus]: _, form: __, ...errors } = overlay.errors;
			return {
				...state,
				overlay: { ...overlay, values: { ...overlay.values, [overlay.focus]: action.text }, errors },
			};
		}
		case 'tenantForm/changed':
			return overlay.kind === 'extensionForm'
				? { ...state, overlay: { ...overlay, ...action.patch } }
				: state;
		case 'tenantForm/providerChanged':
			return overlay.kind === 'providerForm'
				? {
						...state,
						overlay: {
							...overlay,
							...action.patch,
							...(action.patch.type ? { values: withProviderType(overlay, action.patch.type) } : {}),
						},
					}
				: state;
		case 'tenantForm/saveStarted':
			return { ...state, overlay: { ...overlay, saving: true } };
		case 'tenantForm/rejected':
			if (overlay.kind === 'attributeDescription') {
				return { ...state, overlay: { ...overlay, saving: false, error: action.errors.form } };
			}
			if (overlay.kind === 'providerForm') {
				return {
					...state,
					overlay: {
						...overlay,
						saving: false,
						focus: providerFormFields.find((field) => action.errors[field]) ?? overlay.focus,
						errors: action.errors,
					},
				};
			}
			return {
				...state,
				overlay: {
					...overlay,
					saving: false,
					// The first field in the wrong takes the cursor, so fixing starts there.
					focus: extensionFormFields.find((field) => action.errors[field]) ?? overlay.focus,
					errors: action.errors,
					warnings: action.warnings ?? overlay.warnings,
				},
			};
		default:
			return assertNever(action);
	}
}
