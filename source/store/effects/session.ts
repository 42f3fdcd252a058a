import { display } from '../../text/sanitize.js';
import type { AppDeps } from '../deps.js';
import { isAbort, toAppError } from '../errors.js';
import type { SignInReason } from '../state.js';
import type { Effect } from '../store.js';

/** Says where the sign-in was remembered, so the person knows a plain start comes back here. */
function sayRemembered(context: Parameters<Effect>[0], info: { readonly remembered?: string }) {
	if (!info.remembered) return;
	context.dispatch({
		type: 'flash/shown',
		level: 'info',
		text: `Remembered tenant ${display(info.remembered)}: a plain \`entra-flows\` starts there next time (as \`login\` does).`,
	});
}

/** Silent first: a cached sign-in skips the sign-in screen; otherwise start a device-code sign-in. */
export function startSession(): Effect {
	return async (context) => {
		context.dispatch({ type: 'session/checkStarted' });
		let info: Awaited<ReturnType<AppDeps['session']['current']>>;
		try {
			info = await context.deps.session.current();
		} catch {
			// An unreadable cache is the same as no cache: sign in again.
			info = undefined;
		}
		if (info) {
			context.dispatch({ type: 'session/signedIn', info });
			sayRemembered(context, info);
		} else void context.run(signIn('start'));
	};
}

/** A device-code sign-in; on success the effects that hit an expired sign-in run again. */
export function signIn(reason: SignInReason): Effect {
	return async (context) => {
		const signal = context.beginSignIn();
		context.dispatch({ type: 'session/signInStarted', reason });
		try {
			const hooks = {
				onDeviceCode(info: { userCode: string; verificationUri: string; expiresAt: Date; message: string }) {
					if (signal.aborted) return;
					context.dispatch({
						type: 'session/codeReceived',
						// What the identity service sends is shown on screen, so it is sanitized like Graph's text.
						code: {
							userCode: display(info.userCode),
							verificationUri: display(info.verificationUri),
							expiresAt: info.expiresAt.getTime(),
							message: display(info.message),
						},
					});
				},
			};
			const info = await context.waitForUser(context.deps.session.signIn(hooks, signal));
			if (signal.aborted) return;
			context.dispatch({ type: 'session/signedIn', info });
			sayRemembered(context, info);
			for (const resume of context.takeResumes()) void context.run(resume);
		} catch (error) {
			// Aborted means cancelled (esc) or replaced by a newer attempt (r); both already updated the state.
			if (signal.aborted || isAbort(error)) return;
			const session = context.getState().session;
			if (session.status === 'awaitingCode' && context.now() >= session.code.expiresAt) {
				context.dispatch({ type: 'session/codeExpired' });
			} else {
				context.dispatch({ type: 'session/signInFailed', error: toAppError(error) });
			}
		}
	};
}

/** Esc on the sign-in screen. */
export function cancelSignIn(): Effect {
	return async (context) => {
		context.abortSignIn();
		context.dispatch({ type: 'session/signInCancelled' });
	};
}

/** The Start screen's two ways in: the built-in demo tenant or a tenant the user typed. */
export function connect(choice: { readonly demo: true } | { readonly tenant: string }): Effect {
	return async (context) => {
		const { startDemo, useTenant } = context.deps;
		const open = 'demo' in choice ? startDemo : useTenant && (() => useTenant(choice.tenant));
		if (!open) {
			const what = 'demo' in choice ? 'The demo tenant' : 'Signing in to another tenant';
			context.dispatch({
				type: 'session/connectFailed',
				error: {
					kind: 'unknown',
					status: 0,
					code: 'NotAvailable',
					message: `${what} is not available here.`,
				},
			});
			return;
		}
		context.dispatch({ type: 'session/connectStarted' });
		try {
			context.replaceDeps(await open());
		} catch (error) {
			context.dispatch({ type: 'session/connectFailed', error: toAppError(error) });
			return;
		}
		await context.run(startSession());
	};
}

/** The device code ran out before the person finished: stop waiting and offer a new code. */
export function expireSignInCode(): Effect {
	return async (context) => {
		context.abortSignIn();
		context.dispatch({ type: 'session/codeExpired' });
	};
}
