// The protocol every single write follows: send it; if the service refuses (its message need not say why),
// read again once to tell "it is so now" (another admin did it meanwhile) from a rule it breaks.
import { type GraphError, isGraphError } from '../graph/graph-error.js';
import { type Refused, refused, type Unchanged, unchanged } from './outcome.js';

/**
 * Reads the tenant again after a refusal: `'done'` when what the write asked for is so now, a refusal naming
 * the rule the write breaks now, or undefined when the reads do not tell.
 */
export type Recheck<R> = () => Promise<'done' | R | undefined>;

/** A write that went through (with its answer), or how it ended without changing anything. */
export type Sent<T, R> =
	| { readonly ok: true; readonly value: T }
	| { readonly ok: false; readonly outcome: Unchanged | Refused<R> };

/** True for a refusal of what was sent: 400 and 409, and 404 (what the write names went away meanwhile). */
export function isRefusedWrite(error: unknown): error is GraphError {
	return isGraphError(error) && (error.status === 400 || error.status === 404 || error.status === 409);
}

/**
 * Sends one write. A refusal is rechecked by reading: what was asked is there now → unchanged (meanwhile);
 * a rule found → refused with the service's error kept for its ids. Anything else, including a refusal the
 * reads cannot explain or a failed recheck, is thrown as the service's own error.
 */
export async function sendWrite<T, R>(send: () => Promise<T>, recheck?: Recheck<R>): Promise<Sent<T, R>> {
	try {
		return { ok: true, value: await send() };
	} catch (error) {
		if (!isRefusedWrite(error) || !recheck) throw error;
		const found = await recheck().catch(() => undefined);
		if (found === 'done') return { ok: false, outcome: unchanged('meanwhile') };
		if (found !== undefined) return { ok: false, outcome: refused(found, error) };
		throw error;
	}
}
