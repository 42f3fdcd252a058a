import type { SessionAction } from '../actions.js';
import type { SessionState } from '../state.js';
import { assertNever } from './never.js';

/** Sign-in transitions. */
export function reduceSession(session: SessionState, action: SessionAction): SessionState {
	switch (action.type) {
		case 'session/checkStarted':
			return { status: 'checking' };
		case 'session/signedIn':
			return { status: 'signedIn', info: action.info };
		case 'session/signInStarted':
			return { status: 'requestingCode', reason: action.reason };
		case 'session/codeReceived':
			return { status: 'awaitingCode', reason: reasonOf(session), code: action.code };
		case 'session/signInFailed':
			return { status: 'signedOut', reason: reasonOf(session), outcome: 'failed', error: action.error };
		case 'session/signInCancelled':
			return { status: 'signedOut', reason: reasonOf(session), outcome: 'cancelled' };
		case 'session/codeExpired':
			return session.status === 'awaitingCode'
				? { status: 'signedOut', reason: session.reason, outcome: 'expiredCode' }
				: session;
		case 'session/expired':
			// Only a live session can expire; a sign-in already under way keeps going.
			return session.status === 'signedIn' ? { status: 'requestingCode', reason: 'expired' } : session;
		case 'session/connectStarted':
			return { status: 'unconfigured', connecting: true };
		case 'session/connectFailed':
			return { status: 'unconfigured', connecting: false, error: action.error };
		default:
			return assertNever(action);
	}
}

function reasonOf(session: SessionState) {
	return 'reason' in session ? session.reason : 'start';
}
