// The identity provider form, held in the store so a failed save leaves it as typed. The client secret (Apple's
// .p8 key) is never a field: the form holds the path of the file it is in, read only for the write.

/** The kinds the form configures. */
export const providerFormTypes = ['Google', 'Facebook', 'OIDC', 'Apple'] as const;
export type ProviderFormType = (typeof providerFormTypes)[number];

/** The form's fields, in tab order; the OIDC ones show only for a custom OIDC provider. */
export const providerFormFields = [
	'type',
	'displayName',
	'clientId',
	'developerId',
	'serviceId',
	'keyId',
	'secretFile',
	'issuer',
	'wellKnownEndpoint',
	'scope',
	'claimsMapping',
] as const;
export type ProviderFormField = (typeof providerFormFields)[number];

/** The form's typed text, per field; claimsMapping is JSON; secretFile is the path of the secret's (key's) file. */
export type ProviderFormValues = Readonly<Record<Exclude<ProviderFormField, 'type'>, string>>;

/** Configuring a new provider, or changing one (then only the fields that differ are sent). */
export type ProviderFormOverlay = {
	readonly kind: 'providerForm';
	/** The provider being changed; undefined while configuring a new one. */
	readonly providerId?: string;
	readonly type: ProviderFormType;
	readonly values: ProviderFormValues;
	/** What the form opened with, to tell the changed fields; undefined while configuring a new one. */
	readonly initial?: ProviderFormValues;
	readonly focus: ProviderFormField;
	/** Why a field (or, under `form`, the save) was refused; each clears when its field is typed in. */
	readonly errors: Readonly<Partial<Record<ProviderFormField | 'form', string>>>;
	readonly saving: boolean;
	/** The flow the new provider is added to once it exists (opened from a flow's provider picker). */
	readonly addToFlowId?: string;
	/** Opened from the create-flow form: the new provider is ticked there once it exists. */
	readonly tickInCreateForm?: boolean;
};

const fieldsOf: Readonly<Record<ProviderFormType, readonly ProviderFormField[]>> = {
	Google: ['type', 'displayName', 'clientId', 'secretFile'],
	Facebook: ['type', 'displayName', 'clientId', 'secretFile'],
	OIDC: [
		'type',
		'displayName',
		'clientId',
		'secretFile',
		'issuer',
		'wellKnownEndpoint',
		'scope',
		'claimsMapping',
	],
	Apple: ['type', 'displayName', 'developerId', 'serviceId', 'keyId', 'secretFile'],
};

/** The fields a provider of this type has, in tab order (the type only while configuring a new one). */
export function providerFormOrder(type: ProviderFormType, editing: boolean): readonly ProviderFormField[] {
	const fields = fieldsOf[type];
	return editing ? fields.filter((field) => field !== 'type') : fields;
}
