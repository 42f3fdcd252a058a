import { defaultInputFor } from '../../graph/default-input.js';
import * as api from '../../graph/flows.js';
import { display } from '../../text/sanitize.js';
import { isRefusal, isUnauthenticated, toAppError } from '../errors.js';
import { shortAttribute } from '../layout-views.js';
import type { AppError, AppState, CreateDraft, CreateField, UserFlowAttribute } from '../state.js';
import type { Effect, EffectContext } from '../store.js';
import { validateCreateDraft } from '../validate.js';
import { loadTenantAttributes } from './attributes.js';
import { handleExpiry } from './common.js';
import { loadUserFlows } from './flows.js';
import { missingPermission } from './preflight.js';
import { loadTenantIdentityProviders } from './providers.js';

/** Builds the create request like source/commands/new-flow.ts: email leads whenever attributes are collected. */
export function newFlowFrom(
	draft: CreateDraft,
	tenantAttributes: readonly UserFlowAttribute[],
): api.NewUserFlow {
	const byId = new Map(tenantAttributes.map((attribute) => [attribute.id ?? '', attribute]));
	const ids =
		draft.attributeIds.length > 0
			? [...new Set(['email', ...draft.attributeIds])].filter((id) => byId.has(id))
			: [];
	return {
		displayName: draft.name.trim(),
		description: draft.description.trim() || undefined,
		isSignUpAllowed: draft.signUp,
		identityProviderIds: [...new Set(draft.providerIds)],
		attributes: ids.map((id) => ({ id, input: defaultInputFor(byId.get(id) ?? { id }) })),
	};
}

/** Which field a service refusal concerns, read from its message; anything else goes above the form. */
export function fieldForError(error: AppError): CreateField | 'form' {
	const message = error.message.toLowerCase();
	if (/identity ?provider|provider/.test(message)) return 'providers';
	if (/attribute|input/.test(message)) return 'attributes';
	if (/description/.test(message)) return 'description';
	if (/name/.test(message) || error.kind === 'conflict') return 'name';
	return 'form';
}

function tenantAttributes(state: AppState): readonly UserFlowAttribute[] {
	return state.resources.tenantAttributes['']?.data ?? [];
}

/**
 * Why a create was refused, in our words, by reading again what the form was checked against: the flows
 * (someone took the name meanwhile) and the tenant's providers and attributes (one went away). Empty when
 * none of those explains it.
 */
async function explainRefusal(context: EffectContext, draft: CreateDraft): Promise<CreateDraft['errors']> {
	await Promise.all([
		context.run(loadUserFlows({ force: true })),
		context.run(loadTenantIdentityProviders({ force: true })),
		draft.attributeIds.length > 0 ? context.run(loadTenantAttributes({ force: true })) : undefined,
	]);
	const state = context.getState();
	const errors: { -readonly [K in keyof CreateDraft['errors']]: string } = {
		...validateCreateDraft(draft, state.resources.userFlows['']?.data ?? []),
	};
	const missing = (wanted: readonly string[], have: readonly { id?: string }[] | undefined) =>
		have ? wanted.filter((id) => !have.some((item) => item.id === id)) : [];
	const providers = missing(draft.providerIds, state.resources.tenantIdentityProviders['']?.data);
	if (providers.length > 0) errors.providers = `The tenant no longer has ${providers.join(', ')}.`;
	// Custom attribute ids share one long app id: the name at the end is what tells them apart.
	const attributes = missing(draft.attributeIds, state.resources.tenantAttributes['']?.data);
	if (attributes.length > 0)
		errors.attributes = `The tenant no longer has ${attributes.map(shortAttribute).join(', ')}.`;
	return errors;
}

/** Validates the form, creates the flow, re-reads it and opens it; a refusal keeps every field. */
export function createUserFlow(): Effect {
	const self: Effect = async (context) => {
		const state = context.getState();
		const draft = state.createDraft;
		if (!draft || draft.submitting) return;
		const errors = validateCreateDraft(draft, state.resources.userFlows['']?.data ?? []);
		if (Object.keys(errors).length > 0) return context.dispatch({ type: 'createDraft/rejected', errors });
		const name = display(draft.name.trim());
		const id = 'create-flow';
		// A token that visibly cannot create is refused before the catalogue read or the create.
		const refusal = await missingPermission(context);
		if (refusal) {
			context.dispatch({ type: 'createDraft/rejected', errors: { form: refusal.message } });
			context.dispatch({
				type: 'flash/shown',
				level: 'error',
				text: 'The user flow was not created (nothing was sent)',
				error: refusal,
			});
			return;
		}
		context.dispatch({ type: 'createDraft/submitStarted' });
		// The default inputs come from the catalogue; it is normally loaded by reaching the attributes field.
		if (draft.attributeIds.length > 0) await context.run(loadTenantAttributes());
		context.dispatch({
			type: 'activity/started',
			activity: { id, verb: `Creating user flow “${name}”`, write: true },
		});
		try {
			const created = await api.createUserFlow(
				context.deps.graph,
				newFlowFrom(draft, tenantAttributes(context.getState())),
			);
			// The create response lacks the expanded sections; a failed re-read must not hide that the flow exists.
			const full = created.id
				? await api.getUserFlow(context.deps.graph, created.id).catch(() => created)
				: created;
			context.dispatch({ type: 'userFlows/flowAdded', flow: full });
			context.dispatch({ type: 'createDraft/closed' });
			context.dispatch({ type: 'route/replaced', route: { id: 'user-flow', flowId: full.id ?? '' } });
			context.dispatch({ type: 'flash/shown', level: 'success', text: `Created user flow “${name}”` });
		} catch (error) {
			context.dispatch({ type: 'createDraft/rejected', errors: {} });
			if (isUnauthenticated(error)) {
				handleExpiry(context, self, error);
				return;
			}
			const appError = toAppError(error);
			const explained = isRefusal(appError) ? await explainRefusal(context, draft) : {};
			context.dispatch({
				type: 'createDraft/rejected',
				errors:
					Object.keys(explained).length > 0 ? explained : { [fieldForError(appError)]: appError.message },
			});
			context.dispatch({
				type: 'flash/shown',
				level: 'error',
				text: 'The user flow was not created',
				error: appError,
			});
		} finally {
			context.dispatch({ type: 'activity/finished', id });
		}
	};
	return self;
}

/** The portal's first choice, pre-ticked when the tenant has it (the commands default to it too). */
const defaultProviderId = 'EmailPassword-OAUTH';

/** Opens an empty form and loads the tenant's providers (the attributes load when their field is reached). */
export function openCreateForm(): Effect {
	return async (context) => {
		context.dispatch({ type: 'createDraft/opened', providerIds: [] });
		context.dispatch({ type: 'route/pushed', route: { id: 'user-flow/new' } });
		await context.run(loadTenantIdentityProviders());
		const state = context.getState();
		const tenant = state.resources.tenantIdentityProviders['']?.data ?? [];
		if (!state.createDraft || state.createDraft.dirty) return;
		if (tenant.some((provider) => provider.id === defaultProviderId)) {
			context.dispatch({ type: 'createDraft/opened', providerIds: [defaultProviderId] });
		}
	};
}
