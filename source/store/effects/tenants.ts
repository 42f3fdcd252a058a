// The tenant switcher: profiles, each with its own sign-in and token cache. Switching drops everything read
// from the last tenant and signs in through the new profile's own cache (silent when it holds a sign-in).
import { display } from '../../text/sanitize.js';
import { describeError, toAppError } from '../errors.js';
import { hasUnsavedLayout } from '../layout-views.js';
import { writeInFlight } from '../selectors.js';
import type { Effect } from '../store.js';
import { startSession } from './session.js';

/** The key of the switcher: opens the list on the profile in use. */
export function openTenantSwitch(): Effect {
	return async (context) => {
		const tenants = context.deps.tenants;
		if (!tenants || tenants.choices.length < 2) {
			context.dispatch({
				type: 'flash/shown',
				level: 'warning',
				text: 'There is no other tenant to switch to. Add one with `entra-flows profiles add NAME --tenant T`, then start again.',
			});
			return;
		}
		const current = context.getState().tenant?.profile;
		const cursor = Math.max(
			0,
			tenants.choices.findIndex((choice) => choice.profile === current),
		);
		context.dispatch({
			type: 'flowCode/dialogOpened',
			overlay: {
				kind: 'switchTenant',
				choices: tenants.choices.map((choice) => ({
					profile: display(choice.profile),
					label: display(choice.label),
				})),
				cursor,
			},
		});
	};
}

/** Enter on a profile: the app's deps become that profile's, and its sign-in runs (silent from its cache). */
export function switchTenant(profile: string): Effect {
	return async (context) => {
		const state = context.getState();
		context.dispatch({ type: 'overlay/closed' });
		if (state.tenant?.profile === profile) return;
		if (writeInFlight(state) || state.applyFile?.phase === 'applying')
			return context.dispatch({
				type: 'flash/shown',
				level: 'warning',
				text: 'A change is still being sent; switch tenants when it has finished.',
			});
		if (hasUnsavedLayout(state) || state.createDraft?.dirty)
			return context.dispatch({
				type: 'flash/shown',
				level: 'warning',
				text: 'Unsaved work would be lost: save or discard it (the layout or the new flow), then switch.',
			});
		const tenants = context.deps.tenants;
		const choice = tenants?.choices.find((candidate) => candidate.profile === profile);
		if (!tenants || !choice) return;
		let next: Awaited<ReturnType<typeof tenants.switchTo>>;
		try {
			next = await tenants.switchTo(profile);
		} catch (error) {
			context.dispatch({
				type: 'flash/shown',
				level: 'error',
				text: `Could not switch to ${display(profile)}: ${describeError(toAppError(error))}`,
			});
			return;
		}
		context.abortSignIn();
		context.replaceDeps({ ...next, tenants: next.tenants ?? tenants });
		context.dispatch({
			type: 'tenant/switched',
			tenant: { profile: display(choice.profile), label: display(choice.label) },
		});
		await context.run(startSession());
	};
}
