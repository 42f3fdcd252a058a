// The identity provider form's rules, pure: the form for a new provider or one filled from a provider, and what
// the typed text means (every wrong field at once, each with how to fix it). The secret is not here: only the
// path of its file, which the save effect reads for the write.
import type { ConfiguredProvider } from '../graph/tenant-provider-writes.js';
import { type ProviderChanges, providerKind, standardClaimsMapping } from '../operations/tenant-providers.js';
import { display } from '../text/sanitize.js';
import type {
	ProviderFormField,
	ProviderFormOverlay,
	ProviderFormType,
	ProviderFormValues,
} from './provider-form-state.js';

const standardMappingText = JSON.stringify(standardClaimsMapping);

function emptyValues(type: ProviderFormType): ProviderFormValues {
	return {
		displayName: type === 'OIDC' ? '' : type,
		clientId: '',
		developerId: '',
		serviceId: '',
		keyId: '',
		secretFile: '',
		issuer: '',
		wellKnownEndpoint: '',
		scope: type === 'OIDC' ? 'openid profile email' : '',
		claimsMapping: type === 'OIDC' ? standardMappingText : '',
	};
}

/** The form's type for a provider as read, or undefined for one the form does not change (built in). */
export function providerFormType(provider: ConfiguredProvider): ProviderFormType | undefined {
	const kind = providerKind(provider);
	if (kind === 'oidc') return 'OIDC';
	if (kind === 'apple') return 'Apple';
	if (kind !== 'social') return undefined;
	const type = provider.identityProviderType;
	return type === 'Google' || type === 'Facebook' ? type : undefined;
}

/** A new form (Google first), or one filled from the provider it changes (its secret never: it reads back masked). */
export function providerForm(
	provider?: ConfiguredProvider & { readonly id: string },
	target: Pick<ProviderFormOverlay, 'addToFlowId' | 'tickInCreateForm'> = {},
): ProviderFormOverlay {
	const type = (provider && providerFormType(provider)) ?? 'Google';
	// Sanitized as they reach the fields (which print what they hold); unchanged fields are never sent back.
	const values: ProviderFormValues = provider
		? {
				displayName: display(provider.displayName),
				clientId: display(provider.clientId),
				developerId: display(provider.developerId),
				serviceId: display(provider.serviceId),
				keyId: display(provider.keyId),
				secretFile: '',
				issuer: display(provider.issuer),
				wellKnownEndpoint: display(provider.wellKnownEndpoint),
				scope: display(provider.scope),
				claimsMapping: provider.inboundClaimMapping
					? display(JSON.stringify(provider.inboundClaimMapping))
					: '',
			}
		: emptyValues(type);
	return {
		kind: 'providerForm',
		...(provider ? { providerId: provider.id, initial: values } : {}),
		...(target.addToFlowId ? { addToFlowId: target.addToFlowId } : {}),
		...(target.tickInCreateForm ? { tickInCreateForm: true } : {}),
		type,
		values,
		focus: provider ? 'displayName' : 'type',
		errors: {},
		saving: false,
	};
}

/** The form with another type: its values start again from that type's defaults. */
export function withProviderType(form: ProviderFormOverlay, type: ProviderFormType): ProviderFormValues {
	const before = emptyValues(form.type);
	const after = emptyValues(type);
	// What was typed stays; only the previous type's untouched defaults give way to the new type's.
	return Object.fromEntries(
		Object.entries(form.values).map(([key, value]) => {
			const field = key as keyof ProviderFormValues;
			return [field, value === before[field] ? after[field] : value];
		}),
	) as ProviderFormValues;
}

type Checked = {
	readonly errors: Partial<Record<ProviderFormField, string>>;
	/** Every field while creating, the changed ones while changing; the secret is added by the save. */
	readonly changes: Omit<ProviderChanges, 'clientSecret' | 'clientAuthentication'>;
	/** The secret's file, when one is given. */
	readonly secretFile?: string;
};

function https(text: string, field: 'issuer' | 'wellKnownEndpoint', errors: Checked['errors']) {
	if (text === '') {
		errors[field] =
			field === 'issuer'
				? 'Give the issuer URL the provider names in its tokens (https://…).'
				: 'Give the URL of the provider’s OpenID configuration (https://…/.well-known/openid-configuration).';
	} else if (!/^https:\/\/[^\s/]+/.test(text)) {
		errors[field] = `"${text}" is not an https URL: it should start with https://.`;
	}
}

function mappingOf(text: string, errors: Checked['errors']): Readonly<Record<string, unknown>> | undefined {
	if (text === '') return standardClaimsMapping;
	try {
		const value: unknown = JSON.parse(text);
		if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
	} catch {
		// Said below, with what the field should hold.
	}
	errors.claimsMapping =
		'The claims mapping is not a JSON object: e.g. {"sub":"sub","email":"email"}, or empty for the standard claims.';
	return undefined;
}

/** Checks the form: every wrong field at once, each under its field, and the changes to send. */
export function checkProviderForm(form: ProviderFormOverlay): Checked {
	const errors: Checked['errors'] = {};
	const trimmed = Object.fromEntries(
		Object.entries(form.values).map(([key, value]) => [key, value.trim()]),
	) as Record<keyof ProviderFormValues, string>;
	const { initial } = form;
	const changed = (field: keyof ProviderFormValues) => !initial || trimmed[field] !== initial[field].trim();
	if (form.type === 'OIDC' && trimmed.displayName === '')
		errors.displayName = 'Give the name people see on the sign-in button.';
	if (form.type !== 'Apple' && trimmed.clientId === '')
		errors.clientId = 'Give the client (application) id the provider issued for this tenant.';
	if (!initial && trimmed.secretFile === '') {
		errors.secretFile =
			form.type === 'Apple'
				? 'Give the path of the .p8 key file Apple issued (its text is never typed here).'
				: 'Give the path of a file holding the client secret (it is never typed here).';
	}
	const all: Checked['changes'] =
		form.type === 'Apple'
			? (() => {
					if (trimmed.developerId === '') errors.developerId = 'Give the Apple developer (team) id.';
					if (trimmed.serviceId === '')
						errors.serviceId = 'Give the Apple service id (its identifier, e.g. com.contoso.signin).';
					if (trimmed.keyId === '') errors.keyId = 'Give the id of the Sign in with Apple key.';
					return {
						displayName: trimmed.displayName || 'Apple',
						developerId: trimmed.developerId,
						serviceId: trimmed.serviceId,
						keyId: trimmed.keyId,
					};
				})()
			: form.type === 'OIDC'
				? (() => {
						https(trimmed.issuer, 'issuer', errors);
						https(trimmed.wellKnownEndpoint, 'wellKnownEndpoint', errors);
						if (trimmed.scope === '') errors.scope = 'Give the scopes to ask for, e.g. openid profile email.';
						return {
							displayName: trimmed.displayName,
							clientId: trimmed.clientId,
							issuer: trimmed.issuer,
							wellKnownEndpoint: trimmed.wellKnownEndpoint,
							scope: trimmed.scope,
							claimsMapping: mappingOf(trimmed.claimsMapping, errors),
						};
					})()
				: { displayName: trimmed.displayName || form.type, clientId: trimmed.clientId };
	const fieldOf: Record<string, keyof ProviderFormValues> = {
		displayName: 'displayName',
		clientId: 'clientId',
		developerId: 'developerId',
		serviceId: 'serviceId',
		keyId: 'keyId',
		issuer: 'issuer',
		wellKnownEndpoint: 'wellKnownEndpoint',
		scope: 'scope',
		claimsMapping: 'claimsMapping',
	};
	const changes = Object.fromEntries(
		Object.entries(all).filter(([key]) => changed(fieldOf[key] ?? 'displayName')),
	) as Checked['changes'];
	return { errors, changes, ...(trimmed.secretFile ? { secretFile: trimmed.secretFile } : {}) };
}
