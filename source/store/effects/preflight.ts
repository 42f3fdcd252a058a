import { checkPermission } from '../../graph/permissions.js';
import { display } from '../../text/sanitize.js';
import type { AppError } from '../state.js';
import type { EffectContext } from '../store.js';

/** The permission every user-flow write needs: flows, their providers, attributes, apps and layout. */
export const userFlowWritePermission = 'EventListener.ReadWrite.All';

/**
 * Why a write needing `permission` would be refused, read from the signed-in token's claims; undefined when
 * it may go (granted, or the token tells nothing: the service decides then).
 */
export async function missingPermission(
	context: EffectContext,
	permission: string = userFlowWritePermission,
): Promise<AppError | undefined> {
	const claims = await context.deps.graph.tokenClaims?.();
	const verdict = checkPermission(permission, claims);
	if (verdict.kind !== 'missing') return undefined;
	return {
		kind: 'forbidden',
		status: 0,
		code: 'MissingPermission',
		message: display(verdict.message),
		hint: display(verdict.hint),
	};
}

/**
 * Refuses a write before any request when the token visibly lacks the permission: shows `failure` with the
 * permission and the fix in the status line. True when it refused.
 */
export async function refuseWithoutPermission(
	context: EffectContext,
	failure: string,
	permission?: string,
): Promise<boolean> {
	const error = await missingPermission(context, permission);
	if (!error) return false;
	context.dispatch({ type: 'flash/shown', level: 'error', text: `${failure} (nothing was sent)`, error });
	return true;
}
