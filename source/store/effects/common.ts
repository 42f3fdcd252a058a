import type { GraphClient } from '../../graph/graph-client.js';
import { loadActions } from '../actions.js';
import { isRefusal, isUnauthenticated, toAppError } from '../errors.js';
import type { ResourceData, ResourceName } from '../state.js';
import type { Effect, EffectContext } from '../store.js';
import { refuseWithoutPermission } from './preflight.js';
import { signIn } from './session.js';

/** force: load even when cached (ctrl+r, or after a write). */
export type LoadOptions = { readonly force?: boolean };

/** An expired sign-in: queue `self` and show sign-in. Returns true when the error was that. */
export function handleExpiry(context: EffectContext, self: Effect, error: unknown): boolean {
	if (!isUnauthenticated(error)) return false;
	if (context.expired(self)) void context.run(signIn('expired'));
	return true;
}

/** Loads one resource unless it is cached or already loading. */
export function load<K extends ResourceName>(
	resource: K,
	key: string,
	verb: string,
	fetch: (graph: GraphClient) => Promise<ResourceData[K]>,
	options: LoadOptions = {},
): Effect {
	const self: Effect = async (context) => {
		const current = context.getState().resources[resource][key];
		if (!options.force && (current?.status === 'ready' || current?.status === 'loading')) return;
		const id = `load:${resource}:${key}`;
		context.dispatch(loadActions.started(resource, key));
		context.dispatch({ type: 'activity/started', activity: { id, verb, write: false } });
		try {
			const data = await fetch(context.deps.graph);
			context.dispatch(loadActions.succeeded(resource, key, data, context.now()));
		} catch (error) {
			const appError = toAppError(error);
			context.dispatch(loadActions.failed(resource, key, appError));
			// Rows still on screen would hide a failed refresh, so it goes to the status line too.
			if (!handleExpiry(context, self, error) && current?.data !== undefined) {
				context.dispatch({ type: 'flash/shown', level: 'error', text: `${verb} failed`, error: appError });
			}
		} finally {
			context.dispatch({ type: 'activity/finished', id });
		}
	};
	return self;
}

/** What a write shows while it runs and which row it changes. */
export type WriteSpec = {
	readonly id: string;
	/** Present tense for the spinner: "Removing Google from “Shop”". */
	readonly verb: string;
	/** What failed, for the error line: "Could not remove Google". */
	readonly failure: string;
	readonly target?: string;
	/** What the write needs; checked against the token before anything is sent (default EventListener.ReadWrite.All). */
	readonly permission?: string;
	/**
	 * After the service refuses (400/404/409; its message need not say why): re-reads and returns why in our words,
	 * such as a change another admin made meanwhile; undefined when the reads do not tell.
	 */
	readonly explain?: () => Promise<string | undefined>;
};

/**
 * Runs a write with inline progress; the body returns the success message. False when it failed, or when the
 * token visibly lacks the permission (refused before any request, the fix in the status line).
 */
export async function write(
	context: EffectContext,
	self: Effect,
	spec: WriteSpec,
	body: () => Promise<string | undefined>,
): Promise<boolean> {
	context.dispatch({
		type: 'activity/started',
		activity: { id: spec.id, verb: spec.verb, target: spec.target, write: true },
	});
	try {
		if (await refuseWithoutPermission(context, spec.failure, spec.permission)) return false;
		const message = await body();
		if (message) context.dispatch({ type: 'flash/shown', level: 'success', text: message });
		return true;
	} catch (error) {
		if (!handleExpiry(context, self, error)) {
			const appError = toAppError(error);
			// 404 too: what the write names went away meanwhile (a $ref removal).
			const refused = isRefusal(appError) || appError.status === 404;
			const why = refused && spec.explain ? await spec.explain().catch(() => undefined) : undefined;
			const text = why ? `${spec.failure}: ${why}` : spec.failure;
			context.dispatch({ type: 'flash/shown', level: 'error', text, error: appError });
		}
		return false;
	} finally {
		context.dispatch({ type: 'activity/finished', id: spec.id });
	}
}
