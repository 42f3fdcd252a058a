import type { GraphClient } from '../../graph/graph-client.js';
import type { Outcome, PartlyDone, Unchanged } from '../../operations/outcome.js';
import { readBack } from '../../operations/read-back.js';
import { WriteNotMade } from '../../operations/send-write.js';
import { type Action, loadActions } from '../actions.js';
import { isUnauthenticated, toAppError } from '../errors.js';
import type { ResourceData, ResourceName } from '../state.js';
import type { Effect, EffectContext } from '../store.js';
import { refuseWithoutPermission } from './preflight.js';
import { signIn } from './session.js';

/** force: load even when cached (ctrl+r, or after a write). */
export type LoadOptions = { readonly force?: boolean };

/** How a write's read-back loads what it touched. */
export type ReadBackOptions<T> = LoadOptions & {
	/**
	 * A read-back after a write that was made: reads lag writes, so the resource is read patiently until it shows
	 * the write, and a read that never does leaves what is held rather than taking the screen back to before.
	 */
	readonly shows?: (data: T) => boolean;
};

/** An expired sign-in: queue `self` and show sign-in. Returns true when the error was that. */
export function handleExpiry(context: EffectContext, self: Effect, error: unknown): boolean {
	if (!isUnauthenticated(error)) return false;
	if (context.expired(self)) void context.run(signIn('expired'));
	return true;
}

/** How a write's read-back loads: forced; after a change that was made, until the data `shows` the change. */
export function readBackAfter<T>(
	outcome: Outcome<unknown, unknown>,
	shows: (data: T) => boolean,
): ReadBackOptions<T> {
	return outcome.kind === 'done' ? { force: true, shows } : { force: true };
}

/** Loads one resource unless it is cached or already loading. */
export function load<K extends ResourceName>(
	resource: K,
	key: string,
	verb: string,
	fetch: (graph: GraphClient) => Promise<ResourceData[K]>,
	options: ReadBackOptions<ResourceData[K]> = {},
): Effect {
	const self: Effect = async (context) => {
		const current = context.getState().resources[resource][key];
		if (!options.force && (current?.status === 'ready' || current?.status === 'loading')) return;
		const held = current?.data;
		const id = `load:${resource}:${key}`;
		context.dispatch(loadActions.started(resource, key));
		context.dispatch({
			type: 'activity/started',
			activity: { id, verb, write: false, startedAt: context.now() },
		});
		try {
			const { shows } = options;
			const read = () => fetch(context.deps.graph);
			const data = shows ? await readBack(read, shows, { stop: context.disposed }) : await read();
			const kept = shows && !shows(data) && held !== undefined ? held : data;
			context.dispatch(loadActions.succeeded(resource, key, kept, context.now()));
		} catch (error) {
			loadFailed(context, self, { resource, key, verb }, error);
		} finally {
			context.dispatch({ type: 'activity/finished', id });
		}
	};
	return self;
}

/**
 * A failed read: the resource says why, and when rows are on screen (which would hide the failure) the status
 * line too; an expired sign-in queues `self` for after the next one.
 */
export function loadFailed(
	context: EffectContext,
	self: Effect,
	what: { readonly resource: ResourceName; readonly key: string; readonly verb: string },
	error: unknown,
): void {
	const held = context.getState().resources[what.resource][what.key]?.data;
	const appError = toAppError(error);
	context.dispatch(loadActions.failed(what.resource, what.key, appError));
	if (!handleExpiry(context, self, error) && held !== undefined) {
		context.dispatch({ type: 'flash/shown', level: 'error', text: `${what.verb} failed`, error: appError });
	}
}

/** Said after a success that is known only from reading back: the service's answer never came. */
export const answerLostNote = '(its answer was lost on the way; reading back shows it was made)';

/** Said when a write lost its answer and reading back shows it was not made. */
export const notMade =
	'its answer was lost on the way, and reading back shows it was NOT made; nothing changed, so try again';

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
};

/** How the status line words each outcome of an operation. */
export type OutcomeWords<V, R> = {
	/** Past tense, shown in green: "Removed Google from “Shop”". */
	readonly done: (value: V) => string | undefined;
	/** What was asked is so already (`already`) or was made so by someone else (`meanwhile`). */
	readonly unchanged: (why: Unchanged['why']) => string;
	/** Why the service's rule stopped it; follows "{failure}: ". */
	readonly refused?: (refusal: R) => string;
	/** A stop half way: what was and was not done. */
	readonly partial?: (partly: PartlyDone<R>) => string;
};

/**
 * Runs an operation with inline progress and words its outcome for the status line; `after` re-reads what it
 * touched (it runs whatever the outcome, since a refusal too means the tenant changed; after a write made, in
 * the background: the outcome is shown without waiting for it). Undefined when the
 * operation threw or the token visibly lacks the permission (refused before any request, the fix shown).
 */
export async function operate<V, R>(
	context: EffectContext,
	self: Effect,
	spec: WriteSpec,
	run: () => Promise<Outcome<V, R>>,
	words: OutcomeWords<V, R>,
	after?: (outcome: Outcome<V, R>) => Promise<unknown>,
): Promise<Outcome<V, R> | undefined> {
	context.dispatch({
		type: 'activity/started',
		activity: { id: spec.id, verb: spec.verb, target: spec.target, write: true, startedAt: context.now() },
	});
	try {
		if (await refuseWithoutPermission(context, spec.failure, spec.permission)) return undefined;
		const outcome = await run();
		// A refusal is explained from what the re-read shows, so it waits for it; a write that was made (or
		// found made) is shown from its answer at once, and the read-back goes on in the background.
		if (outcome.kind === 'refused' || outcome.kind === 'partial') await after?.(outcome);
		const flash = outcomeFlash(outcome, spec, words);
		if (flash) context.dispatch(flash);
		if (after && outcome.kind !== 'refused' && outcome.kind !== 'partial')
			void context.run(() => after(outcome).then(() => undefined));
		return outcome;
	} catch (error) {
		if (error instanceof WriteNotMade) {
			context.dispatch({
				type: 'flash/shown',
				level: 'error',
				text: `${spec.failure}: ${notMade}`,
				error: toAppError(error.cause),
			});
		} else if (!handleExpiry(context, self, error)) {
			context.dispatch({ type: 'flash/shown', level: 'error', text: spec.failure, error: toAppError(error) });
		}
		return undefined;
	} finally {
		context.dispatch({ type: 'activity/finished', id: spec.id });
	}
}

/** What the status line said of a failed save, for a form to keep beside what was typed. */
export function failureText(context: EffectContext): string {
	const flash = context.getState().flash;
	if (flash?.level !== 'error') return 'Not saved; the form keeps what you typed.';
	return `${flash.text}${flash.error ? ` — ${flash.error.message}` : ''}`;
}

function outcomeFlash<V, R>(
	outcome: Outcome<V, R>,
	spec: WriteSpec,
	words: OutcomeWords<V, R>,
): Action | undefined {
	switch (outcome.kind) {
		case 'done': {
			const text = words.done(outcome.value);
			if (!text) return undefined;
			return {
				type: 'flash/shown',
				level: 'success',
				text: outcome.answerLost ? `${text} ${answerLostNote}` : text,
			};
		}
		case 'unchanged':
			return {
				type: 'flash/shown',
				level: outcome.why === 'meanwhile' ? 'warning' : 'info',
				text: words.unchanged(outcome.why),
			};
		case 'refused': {
			const why = words.refused?.(outcome.refusal);
			return {
				type: 'flash/shown',
				level: 'error',
				text: why ? `${spec.failure}: ${why}` : spec.failure,
				...(outcome.error ? { error: toAppError(outcome.error) } : {}),
			};
		}
		case 'partial':
			return {
				type: 'flash/shown',
				level: 'error',
				text: words.partial?.(outcome) ?? spec.failure,
				error: toAppError(outcome.error),
			};
		default: {
			const never: never = outcome;
			return never;
		}
	}
}
