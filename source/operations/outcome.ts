// What an operation did, as data: the faces (commands, the keyboard app, plan/apply) word it for their reader.
import type { GraphError } from '../graph/graph-error.js';

/** One call of a write that takes several, so a stop half way can say exactly what was and was not done. */
export type Step =
	| { readonly call: 'unlinkApp'; readonly flowId: string; readonly appId: string }
	| { readonly call: 'linkApp'; readonly flowId: string; readonly appId: string }
	| { readonly call: 'deleteFlow'; readonly flowId: string }
	| { readonly call: 'removeAttribute'; readonly flowId: string; readonly attributeId: string }
	| { readonly call: 'removePageInput'; readonly flowId: string; readonly attributeId: string };

/** The change was made. `answerLost`: the service's answer never arrived, and reading back showed it took effect. */
export type Done<V> = {
	readonly kind: 'done';
	readonly value: V;
	readonly steps: readonly Step[];
	readonly answerLost?: boolean;
};

/**
 * Nothing was sent, or nothing needed: what was asked is so already. `already`: seen before sending;
 * `meanwhile`: the service refused because another change (another admin's) had made it so since it was read.
 */
export type Unchanged = { readonly kind: 'unchanged'; readonly why: 'already' | 'meanwhile' };

/** A rule of the service stops the change; nothing was changed. `error` is the service's refusal, when it sent one. */
export type Refused<R> = { readonly kind: 'refused'; readonly refusal: R; readonly error?: GraphError };

/** Some calls succeeded and then one failed: the tenant is between the two states. */
export type PartlyDone<R> = {
	readonly kind: 'partial';
	readonly done: readonly Step[];
	readonly failed: Step;
	readonly notDone: readonly Step[];
	readonly error: unknown;
	/** Why the failed call was refused, read again after it failed; undefined when the reads do not tell. */
	readonly refusal?: R;
};

/** Every outcome an operation returns. Failures before anything changed (network, sign-in) are thrown. */
export type Outcome<V, R> = Done<V> | Unchanged | Refused<R> | PartlyDone<R>;

export function done<V>(value: V, steps: readonly Step[] = [], answerLost = false): Done<V> {
	return answerLost ? { kind: 'done', value, steps, answerLost } : { kind: 'done', value, steps };
}

export function unchanged(why: Unchanged['why']): Unchanged {
	return { kind: 'unchanged', why };
}

export function refused<R>(refusal: R, error?: GraphError): Refused<R> {
	return error ? { kind: 'refused', refusal, error } : { kind: 'refused', refusal };
}
