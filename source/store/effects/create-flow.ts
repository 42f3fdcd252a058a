import type { NewUserFlow } from '../../graph/flows.js';
import { sameId } from '../../graph/ids.js';
import type { UserFlow } from '../../graph/types.js';
import { createFlow, readNewFlow } from '../../operations/flows.js';
import { defaultProviderId, newFlowRequest } from '../../operations/new-flow.js';
import type { Outcome } from '../../operations/outcome.js';
import type { Refusal } from '../../operations/refusals.js';
import { WriteNotMade } from '../../operations/send-write.js';
import { display } from '../../text/sanitize.js';
import { loadActions } from '../actions.js';
import { isUnauthenticated, toAppError } from '../errors.js';
import type { AppError, AppState, CreateDraft, CreateField, UserFlowAttribute } from '../state.js';
import type { Effect, EffectContext } from '../store.js';
import { validateCreateDraft } from '../validate.js';
import { loadTenantAttributes } from './attributes.js';
import { answerLostNote, handleExpiry, notMade } from './common.js';
import { missingPermission } from './preflight.js';
import { loadTenantIdentityProviders } from './providers.js';
import { refusalText } from './refusal-text.js';

/** The create request for the form as typed (the same rules as `flows create`). */
export function newFlowFrom(draft: CreateDraft, tenantAttributes: readonly UserFlowAttribute[]): NewUserFlow {
	return newFlowRequest(
		{
			displayName: draft.name,
			description: draft.description,
			isSignUpAllowed: draft.signUp,
			providerIds: draft.providerIds,
			attributeIds: draft.attributeIds,
		},
		tenantAttributes,
	);
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

type CreateRefusal = Extract<Outcome<unknown, Refusal>, { kind: 'refused' }>['refusal'];

/** The form field a refusal concerns, with its words. */
function refusalErrors(refusal: CreateRefusal, flow: string): CreateDraft['errors'] {
	const text = capitalize(refusalText(refusal, { flow }));
	switch (refusal.rule) {
		case 'nameTaken':
			return { name: `${text}.` };
		case 'providerNotInTenant':
			return { providers: `${text}.` };
		case 'attributeNotInTenant':
			return { attributes: `${text}.` };
		default:
			return { form: `${text}.` };
	}
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** After a refusal about the tenant's catalogue, read it again so the form offers only what is there. */
async function rereadCatalogue(context: EffectContext, refusal: CreateRefusal): Promise<void> {
	if (refusal.rule === 'providerNotInTenant') await context.run(loadTenantIdentityProviders({ force: true }));
	if (refusal.rule === 'attributeNotInTenant') await context.run(loadTenantAttributes({ force: true }));
}

/** Validates the form, creates the flow and opens it (re-read in the background); a refusal keeps every field. */
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
			// Shown from its answer; the whole flow is read back in the background (confirmCreated).
			const request = newFlowFrom(draft, tenantAttributes(context.getState()));
			const outcome = await createFlow(context.deps.graph, request, {}, { readBack: false });
			if (outcome.kind === 'refused') {
				await rereadCatalogue(context, outcome.refusal);
				context.dispatch({ type: 'createDraft/rejected', errors: refusalErrors(outcome.refusal, name) });
				context.dispatch({
					type: 'flash/shown',
					level: 'error',
					text: 'The user flow was not created',
					...(outcome.error ? { error: toAppError(outcome.error) } : {}),
				});
				return;
			}
			if (outcome.kind !== 'done') throw new Error(`A create cannot end ${outcome.kind}.`);
			const shown = createdAsSent(outcome.value.flow, request, context.getState());
			context.dispatch({ type: 'userFlows/flowAdded', flow: shown });
			context.dispatch({ type: 'createDraft/closed' });
			context.dispatch({ type: 'route/replaced', route: { id: 'user-flow', flowId: shown.id ?? '' } });
			if (shown.id) void context.run(confirmCreated(shown.id));
			const created = `Created user flow “${name}”`;
			context.dispatch({
				type: 'flash/shown',
				level: 'success',
				text: outcome.answerLost ? `${created} ${answerLostNote}` : created,
			});
		} catch (error) {
			context.dispatch({ type: 'createDraft/rejected', errors: {} });
			if (isUnauthenticated(error)) {
				handleExpiry(context, self, error);
				return;
			}
			if (error instanceof WriteNotMade) {
				context.dispatch({ type: 'createDraft/rejected', errors: { form: `Not created: ${notMade}.` } });
				context.dispatch({
					type: 'flash/shown',
					level: 'error',
					text: 'The user flow was not created',
					error: toAppError(error.cause),
				});
				return;
			}
			const appError = toAppError(error);
			context.dispatch({
				type: 'createDraft/rejected',
				errors: { [fieldForError(appError)]: appError.message },
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

/**
 * The new flow as its answer and its request tell it: the create's answer leaves the identity providers and
 * the attributes unexpanded and the apps unlisted, so those are what was sent, as the tenant's catalogues
 * describe them (the layout editor takes each input's data type from its attribute).
 */
function createdAsSent(answer: UserFlow, request: NewUserFlow, state: AppState): UserFlow {
	const providers = state.resources.tenantIdentityProviders['']?.data ?? [];
	const attributes = tenantAttributes(state);
	const start = answer.onAuthenticationMethodLoadStart;
	const collection = answer.onAttributeCollection;
	const sentAttributes = (request.attributes ?? []).map(
		({ id }) => attributes.find((attribute) => sameId(attribute.id, id)) ?? { id },
	);
	return {
		...answer,
		onAuthenticationMethodLoadStart: {
			...start,
			identityProviders:
				start?.identityProviders ??
				request.identityProviderIds.map(
					(id) => providers.find((provider) => sameId(provider.id, id)) ?? { id },
				),
		},
		...(collection
			? { onAttributeCollection: { ...collection, attributes: collection.attributes ?? sentAttributes } }
			: {}),
		conditions: {
			...answer.conditions,
			applications: {
				...answer.conditions?.applications,
				includeApplications:
					answer.conditions?.applications?.includeApplications ??
					(request.appIds ?? []).map((appId) => ({ appId })),
			},
		},
	};
}

/**
 * Reads the new flow back whole, patiently (a read right after a create may answer 404 for a while). It
 * replaces only the flow as the create showed it: after a change made meanwhile, that change's own read-back
 * tells. A read that never comes leaves the answer on screen (ctrl+r reads again), never a "not found".
 */
function confirmCreated(flowId: string): Effect {
	return async (context) => {
		const shown = context.getState().resources.userFlow[flowId]?.data;
		try {
			const read = await readNewFlow(context.deps.graph, flowId, { stop: context.disposed });
			const held = context.getState().resources.userFlow[flowId];
			if (held && held.data === shown)
				context.dispatch(loadActions.succeeded('userFlow', flowId, read, context.now()));
		} catch {
			// The answer stays on screen.
		}
	};
}

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
