import type { CallRules, CallState, NextStep } from './call-state.js';
import { callFailure } from './failure.js';

/** The most redirects one call follows (the Graph SDKs' default). */
export const maxRedirects = 5;

/** Statuses that redirect when they carry a Location. */
export const redirectStatuses = new Set([301, 302, 303, 307, 308]);

/** Follows a redirect within the service's origin; one to anywhere else is refused, as a foreign nextLink is. */
export function afterRedirect(
	status: number,
	location: string,
	state: CallState,
	rules: CallRules,
): NextStep {
	const from = state.redirect?.url ?? rules.url;
	const refuse = (code: string, message: string): NextStep => ({
		kind: 'fail',
		error: callFailure('protocol', rules, { status, code, message }),
	});
	let to: URL;
	try {
		to = new URL(location, from);
	} catch {
		return refuse('BadRedirect', `Microsoft Graph redirected to "${location}", which is not a URL.`);
	}
	if (to.origin !== rules.origin) {
		return refuse(
			'ForeignRedirect',
			`Refusing a redirect from ${rules.origin} to another origin (${to.origin}): the request and its body would go there.`,
		);
	}
	const hops = (state.redirect?.hops ?? 0) + 1;
	if (hops > maxRedirects) return refuse('TooManyRedirects', `Stopped after ${maxRedirects} redirects.`);
	// A 303 turns the call into a GET without its body; every other redirect keeps method and body.
	const seeOther = status === 303;
	const method = seeOther ? 'GET' : (state.redirect?.method ?? rules.method);
	const withBody = !seeOther && (state.redirect?.withBody ?? true);
	return { kind: 'replay', state: { ...state, redirect: { url: to, method, withBody, hops } } };
}
