// The identity provider form's effects: open it (new, or filled from a provider), and save it: configure a new
// provider, or send only the changed fields. The client secret (Apple's key) is read from its file for the write alone: it is
// never put in the store, a status line or an error (the request inspector masks it by name).
import type { ConfiguredProvider } from '../../graph/tenant-provider-writes.js';
import {
	changeProvider,
	configureProvider,
	type NewTenantProvider,
	type ProviderChanges,
} from '../../operations/tenant-providers.js';
import { display } from '../../text/sanitize.js';
import { checkProviderForm, providerForm, providerFormType } from '../provider-form.js';
import type { ProviderFormOverlay } from '../provider-form-state.js';
import { selectResource } from '../selectors.js';
import type { AppState } from '../state.js';
import type { Effect, EffectContext } from '../store.js';
import { failureText, operate } from './common.js';
import { addIdentityProvider, loadTenantIdentityProviders } from './providers.js';
import { refusalText } from './refusal-text.js';
import { loadTenantOverview } from './tenant.js';

const permission = 'IdentityProvider.ReadWrite.All';

function providerOf(state: AppState, providerId: string) {
	const provider: ConfiguredProvider | undefined = selectResource(
		state,
		'tenantIdentityProviders',
	).data?.find((item) => item.id === providerId);
	return provider?.id ? { ...provider, id: provider.id } : undefined;
}

/**
 * Opens the form: empty to configure a new provider (added to `addToFlowId`, or ticked in the create-flow form,
 * once it exists), or filled to change one.
 */
export function openProviderForm(
	options: { providerId?: string; addToFlowId?: string; tickInCreateForm?: boolean } = {},
): Effect {
	return async (context) => {
		const provider = options.providerId ? providerOf(context.getState(), options.providerId) : undefined;
		if (options.providerId && !provider) return;
		if (provider && !providerFormType(provider)) {
			return context.dispatch({
				type: 'flash/shown',
				level: 'error',
				text: `The form changes Google, Facebook, Apple and custom OIDC providers; change “${display(provider.displayName ?? provider.id)}” with the tenant providers update command`,
			});
		}
		context.dispatch({ type: 'overlay/opened', overlay: providerForm(provider, options) });
	};
}

// The overview carries who offers what, and the pickers read the tenant's providers: both change.
function reread(context: EffectContext) {
	return Promise.all([
		context.run(loadTenantOverview({ force: true })),
		context.run(loadTenantIdentityProviders({ force: true })),
	]);
}

/** The secret from the form's file, or the reason it cannot be read (which never holds the file's content). */
async function readSecret(
	context: EffectContext,
	path: string,
): Promise<{ secret: string } | { error: string }> {
	const read = context.deps.readSecretFile;
	if (!read) return { error: 'This session cannot read secret files.' };
	try {
		return { secret: await read(path) };
	} catch (error) {
		return { error: error instanceof Error ? error.message : `Cannot read ${path}.` };
	}
}

function newProvider(
	form: ProviderFormOverlay,
	changes: ReturnType<typeof checkProviderForm>['changes'],
	clientSecret: string,
): NewTenantProvider {
	if (form.type === 'Apple') {
		return {
			kind: 'Apple',
			displayName: changes.displayName,
			developerId: changes.developerId ?? '',
			serviceId: changes.serviceId ?? '',
			keyId: changes.keyId ?? '',
			certificateData: clientSecret,
		};
	}
	if (form.type !== 'OIDC') {
		return {
			kind: form.type,
			displayName: changes.displayName,
			clientId: changes.clientId ?? '',
			clientSecret,
		};
	}
	return {
		kind: 'OIDC',
		displayName: changes.displayName ?? '',
		clientId: changes.clientId ?? '',
		issuer: changes.issuer ?? '',
		wellKnownEndpoint: changes.wellKnownEndpoint ?? '',
		scope: changes.scope ?? '',
		clientAuthentication: { kind: 'clientSecret', clientSecret },
		claimsMapping: changes.claimsMapping ?? {},
	};
}

/** Saves the form; a refused or failed save keeps it as typed (the secret is read from its file again next time). */
export function saveProviderForm(): Effect {
	const self: Effect = async (context) => {
		const form = context.getState().overlay;
		if (form?.kind !== 'providerForm' || form.saving) return;
		const provider = form.providerId ? providerOf(context.getState(), form.providerId) : undefined;
		const { errors, changes, secretFile } = checkProviderForm(form);
		if (Object.keys(errors).length > 0) return context.dispatch({ type: 'tenantForm/rejected', errors });
		if (provider && Object.keys(changes).length === 0 && !secretFile) {
			return context.dispatch({
				type: 'tenantForm/rejected',
				errors: { form: 'Nothing changed: edit a field (or name a new secret file), or esc to close.' },
			});
		}
		const read = secretFile ? await readSecret(context, secretFile) : undefined;
		if (read && 'error' in read)
			return context.dispatch({ type: 'tenantForm/rejected', errors: { secretFile: read.error } });
		context.dispatch({ type: 'tenantForm/saveStarted' });
		const secret = read?.secret;
		const name = display(form.values.displayName.trim() || form.type);
		const spec = {
			id: `provider:save:${form.providerId ?? 'new'}`,
			verb: provider ? `Saving “${name}”` : `Configuring the identity provider “${name}”`,
			failure: provider ? `Could not save “${name}”` : `Could not configure “${name}”`,
			permission,
		};
		const refused = (refusal: Parameters<typeof refusalText>[0]) => refusalText(refusal, { flow: '' });
		let added: string | undefined;
		const outcome = provider
			? await operate(
					context,
					self,
					spec,
					() => {
						const withSecret: ProviderChanges =
							secret === undefined
								? changes
								: form.type === 'OIDC'
									? { ...changes, clientAuthentication: { kind: 'clientSecret', clientSecret: secret } }
									: form.type === 'Apple'
										? { ...changes, certificateData: secret }
										: { ...changes, clientSecret: secret };
						return changeProvider(context.deps.graph, provider, withSecret);
					},
					{
						done: () => `Saved “${name}”`,
						unchanged: () => `“${name}” has those settings already`,
						refused,
					},
					() => reread(context),
				)
			: await operate(
					context,
					self,
					spec,
					() => configureProvider(context.deps.graph, newProvider(form, changes, secret ?? '')),
					{
						done: (created) => {
							added = created.id;
							return `Configured the identity provider “${name}” (${display(created.id ?? '')})`;
						},
						unchanged: () => `“${name}” exists already`,
						refused,
					},
					() => reread(context),
				);
		const now = context.getState().overlay;
		if (now?.kind !== 'providerForm') return;
		if (outcome?.kind === 'done' || outcome?.kind === 'unchanged') {
			context.dispatch({ type: 'overlay/closed' });
			if (form.addToFlowId && added) await context.run(addIdentityProvider(form.addToFlowId, added, name));
			// The create form kept what was typed under the dialog; only the new provider's tick is added.
			const draft = context.getState().createDraft;
			if (form.tickInCreateForm && added && draft && !draft.providerIds.includes(added))
				context.dispatch({ type: 'createDraft/itemToggled', field: 'providers', id: added });
		} else {
			context.dispatch({ type: 'tenantForm/rejected', errors: { form: failureText(context) } });
		}
	};
	return self;
}
