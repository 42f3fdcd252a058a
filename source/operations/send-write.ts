// The protocol every single write follows: send it; if the service refuses (its message need not say why),
// read again once to tell "it is so now" (another admin did it meanwhile) from a rule it breaks; if its answer
// was lost, read back to tell "done" from "not done".
import { type GraphError, isGraphError } from '../graph/graph-error.js';
import { type Refused, refused, type Unchanged, unchanged } from './outcome.js';
import { readBack } from './read-back.js';

/**
 * Reads the tenant again after a refusal or a lost answer: `'done'` when what the write asked for is so now,
 * a refusal naming the rule the write breaks now, or undefined when the reads do not tell.
 */
export type Recheck<R> = () => Promise<'done' | R | undefined>;

/** A write that went through (`answerLost`: its answer never came, reading back showed it took effect). */
export type Sent<T, R> =
	| { readonly ok: true; readonly value: T; readonly answerLost?: boolean }
	| { readonly ok: false; readonly outcome: Unchanged | Refused<R> };

/** True for a refusal of what was sent: 400 and 409, and 404 (what the write names went away meanwhile). */
export function isRefusedWrite(error: unknown): error is GraphError {
	return isGraphError(error) && (error.status === 400 || error.status === 404 || error.status === 409);
}

/**
 * A write whose answer was lost and which reading back shows was not made: nothing changed, so running it again
 * is safe. `cause` is the failure that lost the answer (with its ids).
 */
export class WriteNotMade extends Error {
	readonly cause: GraphError;
	constructor(cause: GraphError) {
		super(
			`${cause.method} ${cause.path}: the answer was lost, and reading back shows the change was not made.`,
		);
		this.name = 'WriteNotMade';
		this.cause = cause;
	}
}

/** True for a write that may have happened although no answer said so. */
function answerLost(error: unknown): error is GraphError {
	return isGraphError(error) && (error.applied === 'unknown' || error.applied === 'yes');
}

/**
 * Sends one write. A refusal is rechecked by reading: what was asked is there now → unchanged (meanwhile),
 * or done when this very write was sent again after losing its answer; a rule found → refused with the
 * service's error kept for its ids. A lost answer is read back, patiently: done (answer lost), or WriteNotMade
 * when it was not, or the service's own error (applied: unknown) when the reads cannot tell. Anything else,
 * including a refusal the reads cannot explain, is thrown as the service's error.
 */
export async function sendWrite<T, R>(send: () => Promise<T>, recheck?: Recheck<R>): Promise<Sent<T, R>> {
	try {
		return { ok: true, value: await send() };
	} catch (error) {
		if (answerLost(error)) {
			// A 2xx whose body was cut off: the write happened, only its (unneeded) answer is lost.
			if (error.applied === 'yes' && !recheck) return { ok: true, value: undefined as T, answerLost: true };
			if (!recheck) throw error;
			// Reads may lag the write: only a definite answer (done, or a rule that stops it) ends the waiting.
			const found = await readBack(recheck, (answer) => answer !== undefined).catch(
				() => 'unreadable' as const,
			);
			if (found === 'done') return { ok: true, value: undefined as T, answerLost: true };
			if (found === 'unreadable' || error.applied === 'yes') throw error;
			if (found !== undefined) return { ok: false, outcome: refused(found, error) };
			throw new WriteNotMade(error);
		}
		if (!isRefusedWrite(error) || !recheck) throw error;
		const found = await recheck().catch(() => undefined);
		if (found === 'done' && error.retriedAfterLostAnswer)
			return { ok: true, value: undefined as T, answerLost: true };
		if (found === 'done') return { ok: false, outcome: unchanged('meanwhile') };
		if (found !== undefined) return { ok: false, outcome: refused(found, error) };
		throw error;
	}
}
