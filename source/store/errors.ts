import { isGraphError } from '../graph/graph-error.js';
import { display } from '../text/sanitize.js';
import type { AppError } from './state.js';

/** Turns anything thrown into a sanitized AppError; Graph's text is untrusted. */
export function toAppError(error: unknown): AppError {
	if (isGraphError(error)) {
		return {
			kind: error.kind,
			status: error.status,
			code: display(error.code),
			message: display(error.message),
			requestId: error.requestId ? display(error.requestId) : undefined,
			hint: error.hint ? display(error.hint) : undefined,
		};
	}
	if (error instanceof Error && error.name === 'AuthError') {
		// A sign-in failure's code is Entra's (AADSTS…) or our own word for it, never the class name.
		const auth = error as Error & { code?: string; aadsts?: string; hint?: string };
		return {
			kind: 'signIn',
			status: 0,
			code: display(auth.aadsts ?? auth.code ?? 'sign-in'),
			message: display(error.message),
			...(auth.hint ? { hint: display(auth.hint) } : {}),
		};
	}
	const kind = (error as { kind?: unknown })?.kind;
	const message = error instanceof Error ? error.message : String(error);
	return {
		kind: typeof kind === 'string' ? kind : 'unknown',
		status: 0,
		code: error instanceof Error ? display(error.name) : 'Error',
		message: display(message),
	};
}

/** True when the sign-in is gone even after the client's own refresh (go back to sign-in). */
export function isUnauthenticated(error: unknown): boolean {
	return (error as { kind?: unknown } | undefined)?.kind === 'unauthenticated';
}

/** True for an aborted sign-in or request. */
export function isAbort(error: unknown): boolean {
	const name = (error as { name?: unknown } | undefined)?.name;
	return name === 'AbortError' || (error as { kind?: unknown } | undefined)?.kind === 'cancelled';
}

/** One line for the status line: code, message and a short request id. */
export function describeError(error: AppError): string {
	const id = error.requestId ? ` · request-id ${error.requestId.slice(0, 8)}` : '';
	return `${error.code}: ${error.message}${id}`;
}
