// The two forms of the tenant's lists: a custom authentication extension (create or change) and a custom
// attribute's description (and the identity provider form, whose state is beside them). All are dialogs held
// in the store, so a failed save leaves them as typed.

import type { ProviderFormField, ProviderFormType } from './provider-form-state.js';

/** The extension form's fields, in tab order (the event only while creating: it never changes). */
export const extensionFormFields = [
	'name',
	'event',
	'targetUrl',
	'resourceId',
	'timeout',
	'retries',
	'description',
] as const;
export type ExtensionFormField = (typeof extensionFormFields)[number];

/** The form's typed text, per field; an empty timeout or retries means the service default. */
export type ExtensionFormValues = Readonly<Record<Exclude<ExtensionFormField, 'event'>, string>>;

/** Creating an attribute collection extension, or changing one (then only the fields that differ are sent). */
export type ExtensionFormOverlay = {
	readonly kind: 'extensionForm';
	/** The extension being changed; undefined while creating. */
	readonly extensionId?: string;
	readonly event: 'start' | 'submit';
	readonly values: ExtensionFormValues;
	/** What the form opened with, to tell the changed fields; undefined while creating. */
	readonly initial?: ExtensionFormValues;
	readonly focus: ExtensionFormField;
	/** Why a field (or, under `form`, the save) was refused; each clears when its field is typed in. */
	readonly errors: Readonly<Partial<Record<ExtensionFormField | 'form', string>>>;
	/** What validation will likely find (a resource id on another host), said before saving. */
	readonly warnings: readonly string[];
	readonly saving: boolean;
};

/** Changing a custom attribute's description, the one thing about it that can change. */
export type AttributeDescriptionOverlay = {
	readonly kind: 'attributeDescription';
	readonly attributeId: string;
	readonly displayName: string;
	readonly text: string;
	readonly error?: string;
	readonly saving: boolean;
};

/** What the two forms' keys and saves do to them. */
export type TenantFormAction =
	| { readonly type: 'tenantForm/textChanged'; readonly text: string }
	| {
			readonly type: 'tenantForm/changed';
			readonly patch: Partial<Pick<ExtensionFormOverlay, 'focus' | 'event'>>;
	  }
	| {
			readonly type: 'tenantForm/providerChanged';
			readonly patch: { readonly focus?: ProviderFormField; readonly type?: ProviderFormType };
	  }
	| { readonly type: 'tenantForm/saveStarted' }
	| {
			readonly type: 'tenantForm/rejected';
			readonly errors: Readonly<Partial<Record<ExtensionFormField | ProviderFormField | 'form', string>>>;
			readonly warnings?: readonly string[];
	  };
